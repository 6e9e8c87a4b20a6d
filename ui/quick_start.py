"""The fast start: the roster's first page on screen before the database layer has loaded.

On an SQLite database whose schema is current, `QuickStart` shows a window laid out like the
main window (navigation, search, the roster table with its remembered columns, sort and
"Show archived") holding the first page read with plain `sqlite3` (models/roster/quick.py);
its scroll bar already has the full length, from the artist count kept by triggers. Once that
has painted, a worker thread imports SQLAlchemy and the models (pure Python, so the event loop
keeps running and the person can already type a search), then the real `MainWindow` opens in
its place with what was typed, and the other screens follow it (MainWindow's `defer_views`).
Anything unexpected sends the start down the ordinary path instead (PostgreSQL always does).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.roster.artist import Artist
from models.roster.listing import SortColumn
from models.roster.quick import QuickPage, first_page
from models.storage.places import sqlite_file
from ui.binding import keep_none_alive
from ui.i18n import number_text
from ui.roster.columns import (
    CELL_ROLES,
    COLUMN_BY_SORT,
    HEADER_ALIGNMENT,
    PAINTED_ROLES,
    ROLE_TEXT_ALIGNMENT,
    Column,
    cell_data,
    column_titles,
    lay_out_roster_table,
)
from ui.settings import (
    ROSTER_HEADER,
    ROSTER_SHOW_ARCHIVED,
    ROSTER_SORT_COLUMN,
    ROSTER_SORT_DESCENDING,
    WINDOW_GEOMETRY,
    Settings,
)

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FIRST_PAGE = 100  # more rows than any screen shows
LATER_ROLES = tuple(role for role in CELL_ROLES if role not in PAINTED_ROLES)  # after the paint
# Imported on the worker thread while the first page is on screen: the database layer and
# the models the main window and its views use (no Qt code: widgets belong to the GUI thread).
PRELOAD = (
    "sqlalchemy.dialects.sqlite",
    "models.storage.database",
    "models.roster.service",
    "models.roster.io",
    "models.storage.changes",
    "models.consent.service",
    "models.consent.deadlines",
    "models.audit.service",
    "models.proposals.service",
    "models.statements.register",
    "models.identity",
    "models.leak",
    "models.scripts",
)


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class QuickModel(QStandardItemModel):
    """The first page of rows, as the roster model shows them; the rows below it are blank
    until the full list has loaded.

    Items with their data set, not a model answering `data()`/`headerData()` in Python: Qt
    would hand those Qt enums (the header's orientation), and the first one makes PySide
    build the enums of the whole `Qt` namespace (~15 ms) before the window can paint.
    """

    def __init__(self, page: QuickPage, parent: QObject | None = None, rows: int = -1) -> None:
        """`rows`: how many rows to fill now (all if negative); `fill_to` fills more."""
        super().__init__(max(page.rows, len(page.artists)), len(Column), parent)
        for column, title in column_titles().items():
            item = QStandardItem(title)
            item.setData(HEADER_ALIGNMENT, ROLE_TEXT_ALIGNMENT)  # the roster view's default
            self.setHorizontalHeaderItem(column, item)
        self.artists = page.artists
        self.filled = 0  # rows with every role
        self.shown = 0  # rows with what paints (`show_first`)
        self.fill_to(len(page.artists) if rows < 0 else rows)

    def fill_to(self, rows: int) -> None:
        """Fill the first `rows` rows (at most the first page) with every role: the rows
        `show_first` filled get only the roles they lack (setItemData keeps the others)."""
        start, self.filled = self.filled, max(self.filled, min(rows, len(self.artists)))
        painted = min(max(self.shown, start), self.filled)
        self._fill(range(start, painted), LATER_ROLES)
        self._fill(range(painted, self.filled), CELL_ROLES)

    def show_first(self, rows: int) -> None:
        """The first `rows` rows as they paint (text, dot, colour, bold), before `fill_to`
        adds their tool tips and accessible text (~1 ms less before the first paint)."""
        self.shown = max(self.filled, min(rows, len(self.artists)))
        self._fill(range(self.filled, self.shown), PAINTED_ROLES)

    def _fill(self, rows: range, roles: tuple[int, ...]) -> None:
        for row in rows:
            artist = self.artists[row]
            for column in Column:
                values = {role: cell_data(artist, column, role) for role in roles}
                # setItemData (all of a cell's roles at once), not QStandardItem.setData:
                # PySide 6.12 on Python 3.11 drops a reference to None on every call of a
                # method returning nothing
                self.setItemData(
                    self.index(row, column), {r: v for r, v in values.items() if v is not None}
                )

    def artist_at(self, row: int) -> Artist | None:
        return self.artists[row] if 0 <= row < len(self.artists) else None


class _FirstPaintTable(QTableView):
    """The roster table, telling once its rows have painted.

    It overrides `paintEvent` (the viewport's painting) instead of filtering the viewport's
    events: asking for `viewport()` makes PySide create the Python enums of every widget
    class (~9 ms) before the window could paint.
    """

    def __init__(self, parent: QWidget, painted: Callable[[], None]) -> None:
        super().__init__(parent)
        self._painted: Callable[[], None] | None = painted

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._painted is not None:
            painted, self._painted = self._painted, None
            QTimer.singleShot(0, painted)  # after this paint has finished


class QuickWindow(QMainWindow):
    """Looks like the main window on its roster screen; shown only while the app loads."""

    painted = Signal()  # the table has painted its rows

    def __init__(self, page: QuickPage, title: str, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("quickWindow")
        self.setWindowTitle(title)
        bar = self.menuBar()
        for context, text in (
            ("MainWindow", "&File"),
            ("MainWindow", "&Edit"),
            ("MainWindow", "&View"),
            ("RosterView", "&Artist"),
            ("MainWindow", "&Help"),
        ):
            bar.addMenu(_tr(context, text)).setEnabled(False)

        nav = QListWidget(self)
        nav.setObjectName("navigation")
        nav.setFixedWidth(160)
        nav.setStyleSheet(
            "QListWidget#navigation { border: none; border-right: 1px solid palette(mid);"
            " background: palette(window); }"
            " QListWidget#navigation::item { padding: 7px 12px; }"
        )
        nav.addItem(_tr("MainWindow", "Roster"))
        nav.setCurrentRow(0)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("rosterSearch")
        self.search_edit.setPlaceholderText(
            _tr("RosterView", "Find by Chinese name, pinyin, romanised or stage name  (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.archived_check = QCheckBox(_tr("RosterView", "Show archived"), self)
        self.archived_check.setChecked(settings.get(ROSTER_SHOW_ARCHIVED))
        self.archived_check.setEnabled(False)

        row_height = self.fontMetrics().height() + 10
        self.model = QuickModel(page, self, 0)  # filled once the window has its size, below
        self.table = _FirstPaintTable(self, self.painted.emit)
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        lay_out_roster_table(self.table, row_height)
        header = self.table.horizontalHeader()
        state = settings.get(ROSTER_HEADER)
        if not state.isEmpty():
            header.restoreState(state)
        sort, descending = remembered_sort(settings)
        header.setSortIndicatorShown(True)
        _show_sort_indicator(header, COLUMN_BY_SORT[sort], descending)
        self._nav = nav
        # once the paint's own handlers have run (touching `Qt` costs ~15 ms)
        self.painted.connect(lambda: QTimer.singleShot(0, self._after_paint))

        roster = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.archived_check)
        layout = QVBoxLayout(roster)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(nav)
        row.addWidget(roster, 1)
        self.setCentralWidget(central)

        summary = QLabel(self)
        summary.setObjectName("summary")
        shown = page.rows
        shown_text = (
            _tr("RosterView", "1 artist shown")
            if shown == 1
            else _tr("RosterView", "{n} artists shown").format(n=number_text(shown))
        )
        summary.setText(
            _tr("RosterView", "{shown} · {active} active · {archived} archived").format(
                shown=shown_text,
                active=number_text(page.counts.active),
                archived=number_text(page.counts.archived),
            )
        )
        self.statusBar().addPermanentWidget(summary)
        geometry = settings.get(WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1180, 720)
        self.search_edit.setFocus()
        # the rows the window can show as it opens (the whole screen's if it opens maximised);
        # the rest of the first page once it has painted
        full = self.isMaximized() or self.isFullScreen()
        tall = self.screen().availableGeometry().height() if full else self.height()
        self.model.show_first(tall // row_height + 2)

    def _after_paint(self) -> None:
        self.model.fill_to(len(self.model.artists))
        from PySide6.QtCore import Qt

        self._nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # as the main window's


_STATE_START = bytes.fromhex("000000ff 00000000 00000001")  # marker, version 0, horizontal


def _show_sort_indicator(header: QHeaderView, section: int, descending: bool) -> None:
    """What `header.setSortIndicator(section, order)` does, without touching `Qt` for the
    order (~15 ms before the first paint): through the header's saved state
    (QHeaderView::saveState, a big-endian QDataStream), which starts with its marker, its
    version and orientation, then the sort order (0 ascending, 1 descending) and the sorted
    section, each a 32-bit integer. A state laid out otherwise takes the ordinary call."""
    data = bytearray(header.saveState().data())
    if data[:12] == _STATE_START and len(data) > 20:
        data[12:20] = int(descending).to_bytes(4, "big") + section.to_bytes(4, "big")
        if header.restoreState(QByteArray(bytes(data))):
            return
    from PySide6.QtCore import Qt

    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    header.setSortIndicator(section, order)


def remembered_sort(settings: Settings) -> tuple[SortColumn, bool]:
    try:
        sort = SortColumn(settings.get(ROSTER_SORT_COLUMN))
    except ValueError:
        sort = SortColumn.NAME
    return sort, bool(settings.get(ROSTER_SORT_DESCENDING))


def open_quick_window(db: str | None, settings: Settings) -> QuickWindow | None:
    """The quick window over the first page of an SQLite roster, or None (ordinary start)."""
    path = sqlite_file(db)
    if path is None or not path.is_file():
        return None
    sort, descending = remembered_sort(settings)
    # "Age" ascending lists the youngest first: the latest date of birth first.
    by_dob = sort is SortColumn.AGE
    page = first_page(
        path, FIRST_PAGE, settings.get(ROSTER_SHOW_ARCHIVED), sort, descending != by_dob
    )
    if page is None:
        return None
    return QuickWindow(page, path.name, settings)


class QuickStart(QObject):
    """Loads the rest behind the quick window, then opens the main window in its place."""

    failed = Signal()  # the database could not be opened after all (a message was shown)

    def __init__(
        self,
        quick: QuickWindow,
        open_window: Callable[[], MainWindow | None],
    ) -> None:
        super().__init__()
        self.quick = quick
        self.window: MainWindow | None = None
        self._open_window = open_window
        self._thread = threading.Thread(target=preload, name="preload", daemon=True)
        self._poll = QTimer(self)
        self._poll.setInterval(10)
        self._poll.timeout.connect(self._check)
        quick.painted.connect(self.start)  # emitted once

    def start(self) -> None:
        keep_none_alive()  # the lasting guard, once the first page has painted (ui/binding.py)
        self._thread.start()
        self._poll.start()

    def _check(self) -> None:
        if self._thread.is_alive():
            return
        self._poll.stop()
        self.hand_over()

    def hand_over(self) -> None:
        """Open the main window where the quick one is, with what was typed meanwhile."""
        window = self._open_window()
        if window is None:
            self.quick.close()
            self.failed.emit()
            return
        self.window = window
        window.restoreGeometry(self.quick.saveGeometry())
        typed = self.quick.search_edit.text()
        view = window.roster_view
        if typed:
            view.search_edit.setText(typed)
            view.search_edit.setCursorPosition(self.quick.search_edit.cursorPosition())
            view._run_search()
        window.show()
        view.search_edit.setFocus()
        self.quick.hide()
        self.quick.deleteLater()


def preload() -> None:
    """Import the database layer and models (runs on a worker thread; no Qt objects)."""
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # pragma: no cover - the GUI thread imports it again and reports
            return
