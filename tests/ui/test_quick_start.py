"""The fast start: the first page painted from sqlite3, then the main window in its place."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QStandardItemModel
from PySide6.QtWidgets import QListWidget, QMainWindow, QTableView
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

import ui.quick_start as quick_start
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database, resolve
from ui.main_window import MainWindow
from ui.quick_start import QuickStart, QuickWindow, open_quick_window, sqlite_file
from ui.roster import columns
from ui.roster.model import ArtistTableModel, Column, set_up_roster_table
from ui.settings import (
    ROSTER_SHOW_ARCHIVED,
    ROSTER_SORT_COLUMN,
    ROSTER_SORT_DESCENDING,
    WINDOW_GEOMETRY,
    Settings,
)

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
    nav = quick.findChild(QListWidget, "navigation")
    assert nav is not None
    # not focusable, as in the main window (set once painted: it needs `Qt`)
    qtbot.waitUntil(lambda: nav.focusPolicy() == Qt.FocusPolicy.NoFocus, timeout=5000)
    assert quick.model.filled == len(quick.model.artists)  # the whole first page, painted
    assert quick.search_edit.hasFocus() or not quick.isActiveWindow()


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


def _run_python(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python ARGS` in a fresh process with the GUI's test environment; it must succeed."""
    result = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=_gui_env(tmp),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_the_fast_start_reaches_the_full_window_and_exits_cleanly(
    tmp_path: Path, db: Database
) -> None:
    """`main.py --exit-after-paint` with CONSENT_DESK_EXIT_AFTER_LOAD=1 waits for everything."""
    RosterService(db).add_many([ArtistDraft("林晓"), ArtistDraft("Emma Hart")])
    path = tmp_path / "smoke.sqlite3"
    db.copy_to(path)
    result = _run_python(tmp_path, str(ROOT / "main.py"), "--db", str(path), "--exit-after-paint")
    assert "Traceback" not in result.stderr and "fast start failed" not in result.stderr


def test_the_role_and_alignment_numbers_are_qts() -> None:
    """ui/roster/columns.py names Qt's values by number (touching `Qt` is slow)."""
    role = Qt.ItemDataRole
    assert (
        role.DisplayRole,
        role.DecorationRole,
        role.ToolTipRole,
    ) == (columns.ROLE_DISPLAY, columns.ROLE_DECORATION, columns.ROLE_TOOLTIP)
    assert (
        role.FontRole,
        role.TextAlignmentRole,
        role.ForegroundRole,
    ) == (columns.ROLE_FONT, columns.ROLE_TEXT_ALIGNMENT, columns.ROLE_FOREGROUND)
    assert role.AccessibleTextRole == columns.ROLE_ACCESSIBLE_TEXT
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    assert left.value == columns.HEADER_ALIGNMENT


def test_the_quick_window_shows_what_the_roster_view_shows(
    qtbot: QtBot, demo_db: Database, settings: Settings
) -> None:
    """Cell by cell and role by role, and the same column titles, aligned alike."""
    settings.set(ROSTER_SHOW_ARCHIVED, True)
    quick = _quick(demo_db, settings)
    qtbot.addWidget(quick)
    roster = ArtistTableModel(RosterService(demo_db))
    roster.load(include_archived=True)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(roster)
    set_up_roster_table(table, 20)
    model = quick.model
    assert model.rowCount() == roster.rowCount() > 0
    # before the first paint: what paints, on the rows a screen shows
    shown = model.shown
    assert shown > 0
    assert model.index(0, 0).data(columns.ROLE_TOOLTIP) is None  # not yet: after the paint
    assert _same_cells(model, roster, range(shown), columns.PAINTED_ROLES) >= shown * len(Column)
    quick.show()
    qtbot.waitUntil(lambda: model.filled == len(model.artists))  # once it painted: all of it
    compared = _same_cells(model, roster, range(roster.rowCount()), columns.CELL_ROLES)
    assert compared > roster.rowCount() * len(Column)  # tooltips, icons, colours too
    header = quick.table.horizontalHeader()
    default = table.horizontalHeader().defaultAlignment()
    for column in Column:
        horizontal = Qt.Orientation.Horizontal
        assert model.headerData(column, horizontal) == roster.headerData(column, horizontal)
        aligned = model.headerData(column, horizontal, Qt.ItemDataRole.TextAlignmentRole)
        assert aligned == default.value
    assert header.sectionSize(Column.NATIVE) == table.horizontalHeader().sectionSize(Column.NATIVE)


def _same_cells(
    model: QStandardItemModel, roster: ArtistTableModel, rows: range, roles: tuple[int, ...]
) -> int:
    """Asserts the quick model shows what the roster model does; returns the cells compared."""
    compared = 0
    for row in rows:
        for column in Column:
            for role in roles:
                ours, theirs = (
                    model.index(row, column).data(role),
                    roster.index(row, column).data(role),
                )
                if isinstance(theirs, QIcon):
                    assert isinstance(ours, QIcon)
                    assert ours.pixmap(12, 12).toImage() == theirs.pixmap(12, 12).toImage()
                else:
                    assert ours == theirs, (row, column, role)
                compared += theirs is not None
    return compared


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("section", [0, 3, 5])
def test_the_sort_indicator_is_set_as_set_sort_indicator_would(
    qtbot: QtBot, section: int, descending: bool
) -> None:
    ours, theirs = QTableView(), QTableView()
    for table in (ours, theirs):
        qtbot.addWidget(table)
        table.setModel(QStandardItemModel(3, 6, table))
        table.horizontalHeader().setSortIndicatorShown(True)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    theirs.horizontalHeader().setSortIndicator(section, order)
    quick_start._show_sort_indicator(ours.horizontalHeader(), section, descending)
    header = ours.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (section, order)
    assert header.saveState() == theirs.horizontalHeader().saveState()


FIRST_PAINT_ENUMS = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
created = []


def watch(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "_create_":
        created.append(frame.f_locals.get("qualname") or frame.f_locals.get("class_name"))


sys.setprofile(watch)
from ui.quick_start import open_quick_window
from ui.settings import Settings
from pathlib import Path

quick = open_quick_window(sys.argv[1], Settings.at(Path(sys.argv[2])))
painted = []
quick.painted.connect(lambda: (painted.append(list(created)), app.quit()))
quick.show()
app.exec()
sys.setprofile(None)
print(",".join(painted[0]))
"""


def test_the_first_paint_does_not_touch_the_qt_namespace(tmp_path: Path, demo_db: Database) -> None:
    """PySide builds all ~94 enums of `Qt` (~15 ms) when one is first used: not before the
    first page has painted (a fresh process, as a person starting the app gets)."""
    db, ini = str(demo_db.location.sqlite_path), str(tmp_path / "settings.ini")
    result = _run_python(tmp_path, "-c", FIRST_PAINT_ENUMS, db, ini)
    created = result.stdout.strip().split(",")
    assert "Orientation" not in created and "SortOrder" not in created
    assert "ItemType" in created  # the watch sees the enums PySide does create


def test_the_rows_a_screen_shows_are_filled_before_the_first_paint(
    qtbot: QtBot, db: Database, settings: Settings
) -> None:
    RosterService(db).add_many([ArtistDraft(f"Artist {n:03}") for n in range(150)])
    quick = _quick(db, settings)
    qtbot.addWidget(quick)
    model = quick.model
    row_height = quick.table.verticalHeader().defaultSectionSize()
    screen = quick.screen().availableGeometry().height()
    assert len(model.artists) == quick_start.FIRST_PAGE and model.rowCount() == 150
    assert screen > quick.height()  # the rows of the window, not of the whole screen
    assert model.shown * row_height > quick.height()
    assert model.shown * row_height < screen
    assert (
        model.index(model.shown - 1, Column.NATIVE).data()
        == model.artists[-1 + model.shown].native_name
    )
    if model.shown < len(model.artists):  # the rest, once painted
        assert model.index(model.shown, Column.NATIVE).data() is None
    with qtbot.waitSignal(quick.painted, timeout=5000):
        quick.show()
    qtbot.waitUntil(lambda: model.filled == quick_start.FIRST_PAGE, timeout=5000)
    assert model.index(99, Column.NATIVE).data() == model.artists[99].native_name
    assert model.index(100, Column.NATIVE).data() is None  # below the first page: blank


def test_a_window_left_maximised_fills_the_screen_before_the_first_paint(
    qtbot: QtBot, db: Database, settings: Settings
) -> None:
    RosterService(db).add_many([ArtistDraft(f"Artist {n:03}") for n in range(150)])
    left = QMainWindow()
    qtbot.addWidget(left)
    left.showMaximized()
    qtbot.waitUntil(left.isMaximized)
    settings.set(WINDOW_GEOMETRY, left.saveGeometry())
    quick = _quick(db, settings)
    qtbot.addWidget(quick)
    assert quick.isMaximized()
    row_height = quick.table.verticalHeader().defaultSectionSize()
    assert quick.model.shown * row_height > quick.screen().availableGeometry().height()
