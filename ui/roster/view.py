"""The roster screen: search, the artist table, and add / edit / archive with undo.

Every change goes through a `QUndoCommand` (ui/roster/commands.py) that calls
RosterService, so Edit → Undo reverses it and the database stays the one truth; the table
simply reloads the ids afterwards and keeps the same artists selected.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.desk import Desk
from models.errors import ConflictError, UserError
from models.roster.artist import Artist, ArtistDraft
from models.roster.service import RosterCounts, SortColumn
from ui.errors import show_error
from ui.i18n import number_text
from ui.roster.commands import AddArtist, EditArtist, SetArchived
from ui.roster.dialog import ArtistDialog
from ui.roster.files import RosterFiles
from ui.roster.model import (
    COLUMN_BY_SORT,
    SORT_BY_COLUMN,
    ArtistTableModel,
    Column,
    set_up_roster_table,
)
from ui.settings import (
    ROSTER_HEADER,
    ROSTER_SHOW_ARCHIVED,
    ROSTER_SORT_COLUMN,
    ROSTER_SORT_DESCENDING,
    Settings,
)

SEARCH_DEBOUNCE_MS = 60  # a search answers within a few ms, so wait only for a pause


class RosterView(QWidget):
    """Find and keep the agency's artists."""

    summary_changed = Signal(str)  # "28 artists shown · 30 active · 2 archived"
    counts_changed = Signal(object)  # RosterCounts, e.g. to enable "Load demo roster"
    first_paint = Signal()  # the table has painted for the first time with its rows loaded
    restore_requested = Signal()  # "Restore a backup" in the empty roster's hint

    def __init__(
        self,
        desk: Desk,
        undo_stack: QUndoStack,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterView")
        self.desk = desk
        self.roster = roster = desk.roster
        self.undo_stack = undo_stack
        self.settings = settings
        self.dialog: ArtistDialog | None = None
        self.counts = RosterCounts(0, 0)
        self.summary = ""
        self._painted = False
        self._typed = False  # a search typed in the box is running
        self.files = RosterFiles(self, desk.db, roster, settings)
        self.files.changed.connect(self._after_import)

        self.model = ArtistTableModel(roster, self)
        self.model.loaded.connect(self._update_summary)
        self._kept: tuple[list[int], int | None] = ([], None)
        self._select_after_reset: list[int] | None = None
        self._build()
        # after the view's own handlers (connected by setModel), which clear the selection
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self._build_actions()
        self._restore_state()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("rosterSearch")
        self.search_edit.setPlaceholderText(
            self.tr("Find by Chinese name, pinyin, romanised or stage name  (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())

        self.archived_check = QCheckBox(self.tr("Show archived"), self)
        self.archived_check.setObjectName("showArchived")
        self.archived_check.toggled.connect(self._on_show_archived)

        self.table = QTableView(self)
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        set_up_roster_table(self.table, self.fontMetrics().height() + 10)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)
        self.table.doubleClicked.connect(lambda _i: self.edit_artist())
        self.table.viewport().installEventFilter(self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("emptyRoster")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")  # muted, clickable
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.linkActivated.connect(self._empty_link)
        self.empty_label.hide()

        self._buttons: list[QToolButton] = []
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.archived_check)
        self._button_row = QHBoxLayout()
        self._button_row.setSpacing(4)
        top.addLayout(self._button_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.search_edit, self.archived_check)
        QWidget.setTabOrder(self.archived_check, self.table)

    def _action(self, text: str, shortcuts: list[QKeySequence], slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.add_action = self._action(
            self.tr("&Add artist…"), [QKeySequence("Ctrl+N")], self.add_artist
        )
        self.add_action.setObjectName("addArtist")
        self.edit_action = QAction(self.tr("&Edit artist…"), self)
        self.edit_action.setObjectName("editArtist")
        self.edit_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(self.edit_artist)
        self.table.addAction(self.edit_action)  # Enter edits only while the table has focus
        self.archive_action = self._action(
            self.tr("A&rchive"),
            [QKeySequence("Ctrl+Delete"), QKeySequence("Delete")],
            self.toggle_archived,
        )
        self.archive_action.setObjectName("archiveArtist")
        self.table.addAction(self.add_action)
        self.table.addAction(self.archive_action)
        self.menu = QMenu(self.tr("&Artist"), self)
        self.menu.addAction(self.add_action)
        self.menu.addAction(self.edit_action)
        self.menu.addAction(self.archive_action)
        self.menu.addSeparator()
        self.show_archived_action = self.menu.addAction(self.tr("S&how archived"))
        self.show_archived_action.setCheckable(True)
        self.show_archived_action.toggled.connect(self.archived_check.setChecked)
        self.archived_check.toggled.connect(self.show_archived_action.setChecked)
        for action in (self.add_action, self.edit_action, self.archive_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self._button_row.addWidget(button)
            self._buttons.append(button)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()

    def _restore_state(self) -> None:
        header = self.table.horizontalHeader()
        state = self.settings.get(ROSTER_HEADER)
        if not state.isEmpty():
            header.restoreState(state)
        try:
            sort = SortColumn(self.settings.get(ROSTER_SORT_COLUMN))
        except ValueError:
            sort = SortColumn.NAME
        order = (
            Qt.SortOrder.DescendingOrder
            if self.settings.get(ROSTER_SORT_DESCENDING)
            else Qt.SortOrder.AscendingOrder
        )
        show_archived = self.settings.get(ROSTER_SHOW_ARCHIVED)
        self.archived_check.blockSignals(True)
        self.archived_check.setChecked(show_archived)
        self.archived_check.blockSignals(False)
        self.show_archived_action.setChecked(show_archived)
        self.model.include_archived = show_archived
        header.setSortIndicator(COLUMN_BY_SORT[sort], order)
        header.sortIndicatorChanged.connect(self._remember_sort)
        self.table.setSortingEnabled(True)  # runs the first search, in the remembered order

    def save_state(self) -> None:
        self.settings.set(ROSTER_HEADER, self.table.horizontalHeader().saveState())
        self.settings.set(ROSTER_SHOW_ARCHIVED, self.archived_check.isChecked())

    def _remember_sort(self, section: int, order: Qt.SortOrder) -> None:
        if 0 <= section < len(Column):
            self.settings.set(ROSTER_SORT_COLUMN, SORT_BY_COLUMN[Column(section)].value)
            self.settings.set(ROSTER_SORT_DESCENDING, order == Qt.SortOrder.DescendingOrder)

    # -- searching -------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _run_search(self) -> None:
        self._debounce.stop()
        if self.search_edit.text() != self.model.query:
            self._typed = True
            try:
                self.refresh(query=self.search_edit.text())
            finally:
                self._typed = False

    def _on_show_archived(self, checked: bool) -> None:
        self.settings.set(ROSTER_SHOW_ARCHIVED, checked)
        self.refresh(include_archived=checked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._run_search()
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                if self.model.rowCount() and not self.table.selectionModel().hasSelection():
                    self.table.selectRow(0)
                return True
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                return True
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._place_empty_label()
        if (
            not self._painted
            and watched is self.table.viewport()
            and event.type() == QEvent.Type.Paint
        ):
            self._painted = True
            QTimer.singleShot(0, self.first_paint.emit)  # after this paint has finished
        return super().eventFilter(watched, event)

    # -- table state ---------------------------------------------------------------------------
    def refresh(
        self,
        query: str | None = None,
        include_archived: bool | None = None,
        select: list[int] | None = None,
    ) -> None:
        """Search again and keep (or set) the selected artists."""
        self._select_after_reset = select or None
        self.model.load(query=query, include_archived=include_archived)

    def _before_reset(self) -> None:
        self._kept = (self.selected_ids(), self.current_id())

    def _after_reset(self) -> None:
        """Every reload (search, sort, undo) keeps the same artists selected if still shown."""
        chosen, self._select_after_reset = self._select_after_reset, None
        if chosen:
            self._select(chosen, chosen[0])
        else:
            self._select(*self._kept)

    def _select(self, ids: list[int], current: int | None) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for artist_id in ids:
            row = self.model.row_of(artist_id)
            if row is not None:
                selection.select(self.model.index(row, 0), flags)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(index)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.artist_id(r) for r in rows]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.artist_id(index.row()) if index.isValid() else None

    def selected_artists(self) -> list[Artist]:
        ids = self.selected_ids()
        found = self.roster.get_many(ids)
        return [found[i] for i in ids if i in found]

    def _update_actions(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        self.edit_action.setEnabled(len(selected) == 1)
        self.archive_action.setEnabled(bool(selected))
        artists = [self.model.artist_at(i.row()) for i in selected[:200]]
        if artists and all(a is not None and a.archived for a in artists):
            self.archive_action.setText(self.tr("Un&archive"))
        else:
            self.archive_action.setText(self.tr("A&rchive"))

    def _update_summary(self) -> None:
        if not (self._typed and self.model.query_only):  # typing changes no roster count
            self.counts = self.roster.counts()
        shown = self.model.rowCount()
        if shown == 1:
            shown_text = self.tr("1 artist shown")
        else:
            shown_text = self.tr("{n} artists shown").format(n=number_text(shown))
        self.summary = self.tr("{shown} · {active} active · {archived} archived").format(
            shown=shown_text,
            active=number_text(self.counts.active),
            archived=number_text(self.counts.archived),
        )
        self.summary_changed.emit(self.summary)
        self.counts_changed.emit(self.counts)
        self._update_empty_label()

    def _update_empty_label(self) -> None:
        """Say why the table is empty and what to do, instead of showing a blank grid."""
        if self.model.rowCount():
            self.empty_label.hide()
            return
        hidden_archived = self.counts.archived and not self.model.include_archived
        if self.model.query:
            text = self.tr("No artist matches “{query}”.").format(query=self.model.query)
            if hidden_archived:
                text += "\n" + self.tr("Tick “Show archived” to search archived artists too.")
        elif self.counts.total == 0:
            self.empty_label.setText(self._ways_in())
            self._place_empty_label()
            self.empty_label.show()
            return
        else:
            text = self.tr("Every artist is archived. Tick “Show archived” to see them.")
        self.empty_label.setText(html.escape(text).replace("\n", "<br>"))
        self._place_empty_label()
        self.empty_label.show()

    def _ways_in(self) -> str:
        """The empty roster's hint: every way to fill it, each a link that does it."""
        links = [
            ("add", self.tr("Add an artist (Ctrl+N)")),
            ("import", self.tr("Import roster… (Ctrl+I)")),
            ("restore", self.tr("Restore a backup…")),
            ("demo", self.tr("Load demo roster")),
        ]
        items = " · ".join(f'<a href="{key}">{html.escape(text)}</a>' for key, text in links)
        return f"{html.escape(self.tr('No artists yet.'))}<br>{items}"

    def _empty_link(self, key: str) -> None:
        if key == "add":
            self.add_artist()
        elif key == "import":
            self.files.import_roster()
        elif key == "restore":
            self.restore_requested.emit()
        elif key == "demo":
            self.files.load_demo_roster()

    def _place_empty_label(self) -> None:
        viewport = self.table.viewport()
        margin = 24
        self.empty_label.setGeometry(
            margin, margin, max(0, viewport.width() - 2 * margin), max(0, viewport.height() // 2)
        )

    # -- changing ------------------------------------------------------------------------------
    def _changed(self, ids: list[int]) -> None:
        self.refresh(select=ids or None)

    def _failed(self, error: UserError) -> None:
        show_error(self, error)

    def add_artist(self) -> None:
        """Ctrl+N: open an empty form; saving happens when it is accepted."""
        dialog = ArtistDialog(self)
        dialog.accepted.connect(
            lambda: self._save_aliases(self.commit_add(dialog.draft()), (), dialog.aliases())
        )
        self._open(dialog)

    def edit_artist(self) -> None:
        """Enter / double-click: edit the current artist as saved now (latest version)."""
        artist_id = self.current_id()
        if artist_id is None:
            return
        try:
            artist = self.roster.get(artist_id)
        except UserError as e:
            show_error(self, e)
            self.refresh()
            return
        known = self.desk.aliases.get(artist.id)
        dialog = ArtistDialog(self, artist, aliases=known)
        dialog.accepted.connect(
            lambda: self._save_aliases(
                self.commit_edit(artist, dialog.draft()), known, dialog.aliases()
            )
        )
        self._open(dialog)

    def _save_aliases(
        self, artist: Artist | None, before: tuple[str, ...], after: tuple[str, ...]
    ) -> None:
        """Known Latin spellings (leak day) are kept beside the artist record."""
        if artist is None or before == after:
            return
        try:
            self.desk.aliases.set(artist.id, after)
        except UserError as e:
            show_error(self, e)

    def _open(self, dialog: ArtistDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self) -> None:
        self.dialog = None

    def commit_add(self, draft: ArtistDraft) -> Artist | None:
        try:
            command = AddArtist.perform(
                self.undo_stack, self.roster, draft, self._changed, self._failed
            )
        except UserError as e:
            show_error(self, e)
            return None
        if self.model.query and self.search_edit.text():
            self.search_edit.clear()  # show the new artist even if the search would hide it
            self._debounce.stop()
            self.model.query = ""
        self.refresh(select=[command.artist_id])
        return self.roster.get(command.artist_id)

    def commit_edit(self, before: Artist, draft: ArtistDraft) -> Artist | None:
        if draft.normalized() == before.draft().normalized():
            return before
        try:
            EditArtist.perform(
                self.undo_stack, self.roster, before, draft, self._changed, self._failed
            )
        except ConflictError as e:
            show_error(self, e)
            self.refresh(select=[before.id])
            return None
        except UserError as e:
            show_error(self, e)
            return None
        self.refresh(select=[before.id])
        return self.roster.get(before.id)

    def toggle_archived(self) -> None:
        """Archive the selection, or bring it back if every selected artist is archived."""
        artists = self.selected_artists()
        if not artists:
            return
        archive = not all(a.archived for a in artists)
        self.set_archived(artists, archive)

    def set_archived(self, artists: list[Artist], archived: bool) -> None:
        try:
            command = SetArchived.perform(
                self.undo_stack, self.roster, artists, archived, self._changed, self._failed
            )
        except UserError as e:
            show_error(self, e)
        else:
            if command.failure is not None:
                show_error(self, command.failure)
        self.refresh(select=[a.id for a in artists])

    def _after_import(self, ids: list[int]) -> None:
        self.refresh(select=ids[:1] or None)
