"""The main window: views plug in, menus and shortcuts, status bar, first run, memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from models.roster.service import RosterService
from models.storage.database import Database
from tests.ui.helpers import select_row, wait_for_tasks
from ui.main_window import OFFER_DEMO_ENV, MainWindow
from ui.roster.model import Column
from ui.settings import DEMO_OFFERED, Settings


def test_the_roster_is_the_first_view_and_the_status_bar_counts(window: MainWindow) -> None:
    assert window.view_keys()[0] == "roster"
    assert window.current_view() is window.roster_view
    assert window.summary_label.text() == "30 artists shown · 30 active · 0 archived"
    assert window.roster_view.menu.menuAction().isVisible()


def test_another_view_plugs_in_with_one_call(qtbot: QtBot, window: MainWindow) -> None:
    class Proposals(QLabel):
        from PySide6.QtCore import Signal

        summary_changed = Signal(str)
        summary = "2 proposals open"

        def __init__(self) -> None:
            super().__init__("proposals")
            self.searched = False

        def focus_search(self) -> None:
            self.searched = True

    proposals = Proposals()
    menu = QMenu("&Proposal", window)
    action = window.add_view("extra", "Proposals", proposals, "Ctrl+9", menu=menu)
    assert action.shortcut() == QKeySequence("Ctrl+9")
    assert window.view_keys()[-1] == "extra"
    assert window.nav.item(window.nav.count() - 1).text() == "Proposals"
    assert window.current_view() is window.roster_view  # registering does not switch

    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() is proposals
    assert menu.menuAction().isVisible()
    assert not window.roster_view.menu.menuAction().isVisible()
    assert window.summary_label.text() == "2 proposals open"
    proposals.summary_changed.emit("3 proposals open")
    assert window.summary_label.text() == "3 proposals open"
    window.find_action.trigger()
    assert proposals.searched

    window.nav.setCurrentRow(0)
    assert window.current_view() is window.roster_view
    assert window.summary_label.text().startswith("30 artists shown")
    with pytest.raises(ValueError):
        window.add_view("extra", "Again", QWidget())


def test_menus_carry_the_shortcuts_people_expect(window: MainWindow) -> None:
    assert window.import_action.shortcut() == QKeySequence("Ctrl+I")
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.roster_view.add_action.shortcut() == QKeySequence("Ctrl+N")
    assert QKeySequence("Delete") in window.roster_view.archive_action.shortcuts()
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles == ["&File", "&Edit", "&View", "&Artist", "&Help"]


def test_ctrl_f_goes_to_the_search_box_and_undo_works_from_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.roster_view
    view.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search_edit.hasFocus()

    view.table.setFocus()
    select_row(view.table, 0)
    first = view.model.artist_id(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.roster.get(first).archived
    assert window.summary_label.text() == "29 artists shown · 29 active · 1 archived"
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not view.roster.get(first).archived
    assert window.undo_action.text().startswith("&Undo") or window.undo_action.isEnabled() is False
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert view.roster.get(first).archived


def test_load_demo_is_offered_only_on_an_empty_roster(
    qtbot: QtBot, db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(OFFER_DEMO_ENV, raising=False)
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.show()
    assert win.demo_action.isEnabled()
    assert win.should_offer_demo()
    monkeypatch.setenv(OFFER_DEMO_ENV, "0")
    assert not win.should_offer_demo()  # tests and kiosks can turn it off
    monkeypatch.delenv(OFFER_DEMO_ENV)

    box = win.offer_demo()
    assert box is not None and box.isVisible()
    assert settings.get(DEMO_OFFERED)  # asked once, whatever the answer
    assert not win.should_offer_demo()
    box.button(QMessageBox.StandardButton.Yes).click()
    wait_for_tasks(qtbot)
    assert win.roster_view.model.rowCount() == 30
    assert not win.demo_action.isEnabled()
    assert win.offer_demo() is None


def test_declining_the_demo_leaves_the_roster_empty(
    qtbot: QtBot, db: Database, settings: Settings
) -> None:
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.show()
    box = win.offer_demo()
    assert box is not None
    box.button(QMessageBox.StandardButton.No).click()
    wait_for_tasks(qtbot)
    assert RosterService(db).is_empty()


def test_window_geometry_and_columns_are_remembered(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    settings = Settings.at(tmp_path / "prefs.ini")
    first = MainWindow(demo_db, settings)
    qtbot.addWidget(first)
    first.resize(700, 500)  # within the offscreen screen (800 × 600)
    first.show()
    size = (first.size().width(), first.size().height())  # as the window's minimum allows
    first.show()
    first.roster_view.table.setColumnWidth(Column.ROMANIZED, 211)
    first.roster_view.archived_check.setChecked(True)
    first.close()

    again = MainWindow(demo_db, Settings.at(tmp_path / "prefs.ini"))
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == size
    assert again.roster_view.table.columnWidth(Column.ROMANIZED) == 211
    assert again.roster_view.archived_check.isChecked()


def test_quitting_waits_for_a_running_task(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.main_window

    monkeypatch.setattr(ui.main_window, "running_tasks", lambda: 1)
    assert not window.close()
    assert window.isVisible()
    assert "wait for the running task" in window.statusBar().currentMessage()
    monkeypatch.setattr(ui.main_window, "running_tasks", lambda: 0)
    assert window.close()


def test_about_names_the_version_and_the_font_licence(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_about()
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Version 0.1.0" in text
    assert "WenQuanYi Micro Hei" in text
    licences = dialog.licences.toPlainText()
    assert "Apache License" in licences and "GPL-3+ with Font exception" in licences
    dialog.close()


def test_desk_user_name_is_used_for_changes(
    qtbot: QtBot, window: MainWindow, settings: Settings
) -> None:
    window.set_desk_user("Mei Chen")
    view = window.roster_view
    select_row(view.table, 0)
    first = view.model.artist_id(0)
    view.toggle_archived()
    artist = view.roster.get(first)
    assert artist.archived and artist.updated_by == "Mei Chen"
    window.set_desk_user("")
    assert window.db.actor == "tester"


@pytest.mark.parametrize("empty", [False, True])
def test_the_start_shows_the_roster_first_and_adds_the_other_screens_after_it_painted(
    qtbot: QtBot, demo_db: Database, db: Database, settings: Settings, empty: bool
) -> None:
    win = MainWindow(db if empty else demo_db, settings, defer_views=True)
    qtbot.addWidget(win)
    assert win.view_keys() == ["roster"]
    win.show()
    qtbot.waitUntil(lambda: "leak" in win.view_keys(), timeout=10_000)
    assert win.view_keys()[:3] == ["roster", "consent", "deadlines"]
    assert win.current_view() is win.roster_view
