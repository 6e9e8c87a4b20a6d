"""The Statements screen: the register of issued statements, out-of-date ones in red.

The register is loaded on a worker thread whenever the screen is shown or something changed
(checking which statements are out of date asks the consent state of every artist with a
current statement). From here the manager exports, re-issues with one click, withdraws,
opens and verifies statements, and manages the signing identity and letterhead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from models.desk import Desk
from models.statements.record import StatementStatus
from models.statements.register import RegisteredStatement, StatementRegister
from ui.errors import show_error
from ui.settings import STATEMENTS_HEADER, Settings
from ui.statements.actions import StatementActions
from ui.statements.labels import status_label
from ui.statements.model import Column, RegisterSnapshot, StatementTableModel
from ui.tasks import Task, run_task

DEFAULT_WIDTHS = {
    Column.ID: 170,
    Column.ARTIST: 155,
    Column.KIND: 125,
    Column.LANGUAGE: 105,
    Column.AS_OF: 140,
    Column.ISSUED: 140,
    Column.ISSUED_BY: 60,
    Column.STATUS: 80,
}


def load_register(register: StatementRegister) -> RegisterSnapshot:
    statements = tuple(register.statements())
    stale = {o.statement.id: o for o in register.out_of_date()}
    return RegisterSnapshot(statements, stale)


class StatementsView(QWidget):
    summary_changed = Signal(str)

    def __init__(self, desk: Desk, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statementsView")
        self.desk = desk
        self.db = desk.db
        self.settings = settings
        self.summary = ""
        self.loading: Task[RegisterSnapshot] | None = None
        self._reload_again = False
        self.statement_actions = StatementActions(self, desk, settings)
        self.statement_actions.changed.connect(self.refresh)
        self.model = StatementTableModel(self)
        self._build()
        self._build_actions()
        self._restore_state()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("statementSearch")
        self.search_edit.setPlaceholderText(self.tr("Filter by artist or statement id  (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statementStatusFilter")
        self.status_combo.addItem(self.tr("Every status"), None)
        for status in StatementStatus:
            self.status_combo.addItem(status_label(status), status.value)
        self.status_combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.stale_check = QCheckBox(self.tr("Only out of date"), self)
        self.stale_check.setObjectName("onlyOutOfDate")
        self.stale_check.toggled.connect(lambda _v: self._apply_filters())
        self.banner = QLabel(self)
        self.banner.setObjectName("staleBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#staleBanner { color: #b03a2e; font-weight: bold; padding: 4px 2px; }"
        )
        self.banner.hide()

        self.table = QTableView(self)
        self.table.setObjectName("statementsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # newest first until sorted
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in DEFAULT_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(Column.OUT_OF_DATE, QHeaderView.ResizeMode.Stretch)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("emptyStatements")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.status_combo)
        top.addWidget(self.stale_check)
        # A tool bar rather than a row of buttons: on a narrow window the actions that do not
        # fit move into its » menu instead of widening the window.
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("statementsToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.toolbar)

    def _action(self, name: str, text: str, slot: object, shortcut: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self.statement_actions
        self.export_action = self._action(
            "exportStatement", self.tr("&Export statement…"), lambda: a.export_for(None), "Ctrl+E"
        )
        self.batch_action = self._action(
            "batchStatements", self.tr("&Batch export…"), lambda: a.batch(())
        )
        self.verify_file_action = self._action(
            "verifyFile", self.tr("&Verify a PDF…"), lambda: a.verify(None)
        )
        self.open_action = self._action("openStatement", self.tr("&Open PDF"), self.open_selected)
        self.reissue_action = self._action(
            "reissueStatement", self.tr("&Re-issue"), self.reissue_selected
        )
        self.reissue_all_action = self._action(
            "reissueAllOutOfDate",
            self.tr("Re-issue &all out of date"),
            self.reissue_all_out_of_date,
        )
        self.withdraw_action = self._action(
            "withdrawStatement", self.tr("&Withdraw…"), self.withdraw_selected
        )
        self.verify_action = self._action(
            "verifyStatement", self.tr("Verify &this statement"), self.verify_selected
        )
        self.identity_action = self._action(
            "signingIdentity", self.tr("Signing &identity…"), a.identity
        )
        self.letterhead_action = self._action("letterhead", self.tr("&Letterhead…"), a.letterhead)
        self.menu = QMenu(self.tr("&Statements"), self)
        for group in (
            (self.export_action, self.batch_action, self.verify_file_action),
            (self.open_action, self.reissue_action, self.withdraw_action, self.verify_action),
            (self.reissue_all_action,),
            (self.identity_action, self.letterhead_action),
        ):
            for action in group:
                self.menu.addAction(action)
            self.menu.addSeparator()
        for action in (
            self.open_action,
            self.reissue_action,
            self.withdraw_action,
            self.verify_action,
        ):
            self.table.addAction(action)
        for entry in (
            self.export_action,
            self.batch_action,
            self.verify_file_action,
            None,
            self.open_action,
            self.reissue_action,
            self.reissue_all_action,
            self.withdraw_action,
            None,
            self.identity_action,
            self.letterhead_action,
        ):
            if entry is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(entry)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> Task[RegisterSnapshot] | None:
        """Reload the register in the background (a reload asked while one runs follows it)."""
        if self.loading is not None:
            self._reload_again = True
            return self.loading
        self.loading = run_task(
            self,
            lambda _c: load_register(self.desk.statements),
            self._loaded,
            label=self.tr("Checking which statements are out of date…"),
            on_error=self._load_failed,
            delay_ms=800,
        )
        return self.loading

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = None
        show_error(self, exc)

    def _loaded(self, snapshot: RegisterSnapshot) -> None:
        self.loading = None
        keep = self.selected()
        self.model.set_snapshot(snapshot)
        if keep is not None:
            self.select(keep.id)
        self._update_summary()
        if self._reload_again:
            self._reload_again = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _apply_filters(self) -> None:
        status = self.status_combo.currentData()
        self.model.set_filters(
            artist=self.search_edit.text(),
            status=StatementStatus(status) if status else None,
            only_out_of_date=self.stale_check.isChecked(),
        )
        self._update_summary()

    def _update_summary(self) -> None:
        total, stale = self.model.total, self.model.stale_count
        if stale:
            self.banner.setText(
                self.tr(
                    "1 current statement no longer matches the consent records (OUT OF DATE "
                    "below). Select it and choose Re-issue."
                )
                if stale == 1
                else self.tr(
                    "{n} current statements no longer match the consent records (OUT OF DATE "
                    "below). Select one and choose Re-issue."
                ).format(n=stale)
            )
            self.banner.show()
        else:
            self.banner.hide()
        if total == 0:
            self.empty_label.setText(
                self.tr(
                    "No statements issued yet.\nExport one for an artist (Ctrl+E), or issue "
                    "them for a whole list in Leak day."
                )
            )
        elif self.model.rowCount() == 0:
            self.empty_label.setText(self.tr("No statement matches the filter."))
        self.empty_label.setVisible(self.model.rowCount() == 0)
        self.empty_label.resize(self.table.viewport().size())
        counted = (
            self.tr("1 statement") if total == 1 else self.tr("{n} statements").format(n=total)
        )
        text = counted + " · " + self.tr("{n} out of date").format(n=stale)
        if text != self.summary:
            self.summary = text
            self.summary_changed.emit(text)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.empty_label.resize(self.table.viewport().size())

    # -- selection and actions -----------------------------------------------------------------
    def selected(self) -> RegisteredStatement | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.statement(rows[0].row()) if rows else None

    def select(self, statement_id: str) -> bool:
        row = self.model.row_of(statement_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_actions(self) -> None:
        self.reissue_all_action.setEnabled(self.model.stale_count > 0)
        st = self.selected()
        has = st is not None
        self.open_action.setEnabled(has)
        self.verify_action.setEnabled(has)
        self.reissue_action.setEnabled(has and st.status == StatementStatus.CURRENT)  # type: ignore[union-attr]
        self.withdraw_action.setEnabled(has and st.status != StatementStatus.REVOKED)  # type: ignore[union-attr]

    def open_selected(self) -> None:
        st = self.selected()
        if st is not None:
            self.statement_actions.open_pdf(st)

    def out_of_date_statements(self) -> list[RegisteredStatement]:
        """Current statements the records no longer support, in register order."""
        return [
            st
            for st in self.model.all_statements()
            if st.status == StatementStatus.CURRENT and self.model.out_of_date(st.id) is not None
        ]

    def reissue_all_out_of_date(self) -> None:
        self.statement_actions.reissue_all(self.out_of_date_statements())

    def reissue_selected(self) -> None:
        st = self.selected()
        if st is not None:
            self.statement_actions.reissue(st)

    def withdraw_selected(self) -> None:
        st = self.selected()
        if st is not None:
            self.statement_actions.withdraw(st)

    def verify_selected(self) -> None:
        st = self.selected()
        if st is not None:
            self.statement_actions.verify(st.stored_path)

    # -- window hooks --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def save_state(self) -> None:
        self.settings.set(STATEMENTS_HEADER, self.table.horizontalHeader().saveState())

    def _restore_state(self) -> None:
        state = self.settings.get(STATEMENTS_HEADER)
        if not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)


__all__ = ["StatementsView", "load_register"]
