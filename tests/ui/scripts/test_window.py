"""The Scripts view in the main window: navigation, File → Open script… and the status bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from models.storage.database import Database
from tests.ui.helpers import wait_for_tasks
from ui.main_window import MainWindow
from ui.scripts import SCRIPTS_KEY
from ui.settings import LAST_SCRIPT_FOLDER, Settings


@pytest.fixture
def window(qtbot: QtBot, db: Database, settings: Settings) -> Iterator[MainWindow]:
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    wait_for_tasks(qtbot)


def test_scripts_view_is_registered_with_its_shortcut_and_menus(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.scripts_view
    assert SCRIPTS_KEY in window.view_keys()
    file_actions = window.menu("file").actions()
    assert view.open_action in file_actions
    assert view.open_action.shortcut() == QKeySequence("Ctrl+O")
    assert not view.menu.menuAction().isVisible()  # only while the view is shown

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() is view
    assert view.menu.menuAction().isVisible()
    assert window.summary_label.text() == "No script open"
    assert [a.text() for a in view.menu.actions() if not a.isSeparator()] == [
        "&Open script…",
        "&Analyse again",
        "&Next AI use",
        "&Previous AI use",
        "Use AI &markers file…",
        "Use the &shipped AI markers",
    ]


def test_ctrl_o_from_another_view_opens_a_script_here(
    qtbot: QtBot,
    window: MainWindow,
    chinese_script: Path,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def choose(parent: QWidget, caption: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(chinese_script), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    window.show_view("roster")
    window.activateWindow()
    window.roster_view.table.setFocus()
    with qtbot.waitSignal(window.scripts_view.opened, timeout=15_000):
        qtbot.keyClick(window.roster_view.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    wait_for_tasks(qtbot)
    assert "*.fountain" in asked[0] and "*.fdx" in asked[0] and "*.pdf" in asked[0]
    assert window.current_view() is window.scripts_view
    assert window.summary_label.text() == "2 scenes · 2 characters · 3 AI uses"
    assert settings.get(LAST_SCRIPT_FOLDER) == str(chinese_script.parent)

    window.show_view("roster")
    assert window.summary_label.text() != "2 scenes · 2 characters · 3 AI uses"
    window.show_view(SCRIPTS_KEY)
    assert window.summary_label.text() == "2 scenes · 2 characters · 3 AI uses"


def test_choosing_nothing_in_the_file_dialog_changes_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: ("", "")))
    window.scripts_view.open_action.trigger()
    assert window.current_view() is window.scripts_view
    assert window.scripts_view.analysis is None and window.scripts_view.task is None


def test_the_lists_are_reachable_from_the_keyboard_without_clashing_with_menus(
    qtbot: QtBot, window: MainWindow, chinese_script: Path
) -> None:
    view = window.scripts_view
    window.show_view(SCRIPTS_KEY)
    with qtbot.waitSignal(view.opened, timeout=15_000):
        view.open_file(chinese_script)
    wait_for_tasks(qtbot)
    window.activateWindow()
    view.text.setFocus()
    qtbot.keyClick(view.text, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert view.character_table.hasFocus()
    qtbot.keyClick(view.character_table, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert view.scene_table.hasFocus()
    qtbot.keyClick(view.scene_table, Qt.Key.Key_F3)
    assert view.use_table.currentIndex().row() == 0
    mnemonics = {
        a.text().split("&")[1][0].lower() for a in window.menuBar().actions() if a.isVisible()
    }
    assert not mnemonics & {"n", "r"}
