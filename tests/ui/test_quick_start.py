"""The fast start: the first page painted from sqlite3, then the main window in its place."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

import ui.quick_start as quick_start
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database, resolve
from ui.main_window import MainWindow
from ui.quick_start import QuickStart, QuickWindow, open_quick_window, sqlite_file
from ui.roster.model import Column
from ui.settings import ROSTER_SHOW_ARCHIVED, ROSTER_SORT_COLUMN, ROSTER_SORT_DESCENDING, Settings

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.sqlite_only


def _quick(db: Database, settings: Settings) -> QuickWindow:
    quick = open_quick_window(str(db.location.sqlite_path), settings)
    assert quick is not None
    return quick


@pytest.mark.parametrize("raw", ["desk.sqlite3", "sqlite:///desk.sqlite3", "~/desk.sqlite3", ""])
def test_the_quick_start_finds_the_same_file_as_the_database_layer(
    raw: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert sqlite_file(raw or None) == resolve(raw or None).sqlite_path


def test_a_server_database_takes_the_ordinary_start(settings: Settings) -> None:
    assert sqlite_file("postgresql://desk@server/consentdesk") is None
    assert open_quick_window("postgresql://desk@server/consentdesk", settings) is None


def test_the_quick_window_shows_the_first_page_in_the_remembered_order(
    qtbot: QtBot, demo_db: Database, settings: Settings
) -> None:
    settings.set(ROSTER_SORT_COLUMN, "romanized_name")
    settings.set(ROSTER_SORT_DESCENDING, True)
    settings.set(ROSTER_SHOW_ARCHIVED, False)
    quick = _quick(demo_db, settings)
    qtbot.addWidget(quick)
    roster = RosterService(demo_db)
    from models.roster.listing import SortColumn

    expected = roster.search_ids(sort=SortColumn.ROMANIZED, descending=True)
    model = quick.model
    assert model.rowCount() == len(expected)
    shown = [model.index(r, Column.NATIVE).data() for r in range(len(expected))]
    names = roster.get_many(expected)
    assert shown == [names[i].native_name for i in expected]
    header = quick.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.ROMANIZED
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    with qtbot.waitSignal(quick.painted, timeout=5000):
        quick.show()


def test_the_main_window_takes_over_with_what_was_typed(
    qtbot: QtBot, demo_db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    loading = threading.Event()
    typed = threading.Event()

    def slow_preload() -> None:  # the database layer takes its time to load
        loading.set()
        typed.wait(10)

    monkeypatch.setattr(quick_start, "preload", slow_preload)
    quick = _quick(demo_db, settings)
    opened: list[MainWindow] = []

    def open_window() -> MainWindow:
        window = MainWindow(demo_db, settings, defer_views=True)
        qtbot.addWidget(window)
        opened.append(window)
        return window

    start = QuickStart(quick, open_window)
    quick.show()
    qtbot.waitUntil(loading.is_set, timeout=5000)  # started after the first paint
    qtbot.keyClicks(quick.search_edit, "lin")  # typing works while the rest loads
    typed.set()
    qtbot.waitUntil(lambda: bool(opened) and opened[0].isVisible(), timeout=20_000)
    window = opened[0]
    assert start.window is window
    view = window.roster_view
    assert view.search_edit.text() == "lin"
    assert view.model.query == "lin"
    assert view.model.rowCount() == len(RosterService(demo_db).search_ids("lin"))
    qtbot.waitUntil(lambda: not isValid(quick), timeout=5000)  # gone once the window is up
    qtbot.waitUntil(lambda: "leak" in window.view_keys(), timeout=20_000)


def test_a_database_that_fails_to_open_ends_the_start(
    qtbot: QtBot, demo_db: Database, settings: Settings
) -> None:
    quick = _quick(demo_db, settings)
    qtbot.addWidget(quick)
    start = QuickStart(quick, lambda: None)
    with qtbot.waitSignal(start.failed, timeout=20_000):
        quick.show()
    assert not isValid(quick) or not quick.isVisible()


def _gui_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CONSENT_DESK_LOG_DIR=str(tmp / "logs"),
        XDG_CONFIG_HOME=str(tmp / "config"),
        CONSENT_DESK_OFFER_DEMO="0",
        CONSENT_DESK_EXIT_AFTER_LOAD="1",
    )
    return env


def test_the_fast_start_reaches_the_full_window_and_exits_cleanly(
    tmp_path: Path, db: Database
) -> None:
    """`main.py --exit-after-paint` with CONSENT_DESK_EXIT_AFTER_LOAD=1 waits for everything."""
    RosterService(db).add_many([ArtistDraft("林晓"), ArtistDraft("Emma Hart")])
    path = tmp_path / "smoke.sqlite3"
    db.copy_to(path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(path), "--exit-after-paint"],
        cwd=ROOT,
        env=_gui_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "fast start failed" not in result.stderr
