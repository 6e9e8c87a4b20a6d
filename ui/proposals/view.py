"""The Proposals screen: every proposal with the days left to answer, and one proposal opened.

The list shows open proposals by deadline first, the deadline in red when overdue or due
within three days and in amber within a week, and the worst open finding of the latest check.
New (Ctrl+N) logs a proposal through the form; Import JSON… reads a proposal described in JSON
(docs/proposal-json.md) with its scripts, in the background. Enter or double-click opens one.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.errors import UserError
from models.proposals.importer import import_proposal
from models.proposals.values import (
    DeadlineState,
    Proposal,
    ProposalDraft,
    ProposalStatus,
    ProposalSummary,
)
from models.rules import Severity
from ui.errors import show_error
from ui.proposals.commands import wrote
from ui.proposals.context import ProposalContext
from ui.proposals.form.dialog import ProposalDialog
from ui.proposals.labels import status_label
from ui.proposals.list_model import Column, ProposalTableModel, matches
from ui.proposals.page import FILES_TAB, FINDINGS_TAB, ProposalPage
from ui.settings import LAST_IMPORT_FOLDER
from ui.tasks import Task, TaskControl, run_task

LIST_PAGE, PROPOSAL_PAGE = 0, 1
ANY_STATUS = ""


class ProposalsView(QWidget):
    summary_changed = Signal(str)
    message = Signal(str)
    proposal_opened = Signal(int, str)  # id and a label (File → Open Recent)

    def __init__(self, ctx: ProposalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalsView")
        self.ctx = ctx
        self.service = ctx.service
        self.summary = ""
        self.all_rows: list[ProposalSummary] = []
        self.model = ProposalTableModel(self)
        self.dialog: ProposalDialog | None = None
        self.import_task: Task[Proposal] | None = None
        self._build()
        self._build_actions()
        self.refresh_list()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("proposalSearch")
        self.search_edit.setPlaceholderText(self.tr("Find a counterparty, project or artist"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self.apply_filters())
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Any status"), ANY_STATUS)
        for s in ProposalStatus:
            self.status_filter.addItem(status_label(s), s.value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh_list())
        self.open_only = QCheckBox(self.tr("Open only"), self)
        self.open_only.setObjectName("openOnly")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _b: self.refresh_list())
        self.new_button = QPushButton(self.tr("&New proposal…"), self)
        self.new_button.setObjectName("newProposalButton")
        self.import_button = QPushButton(self.tr("&Import JSON…"), self)
        self.import_button.setObjectName("importProposalButton")
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("openProposalButton")
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.status_filter)
        top.addWidget(self.open_only)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        top.addWidget(self.open_button)

        self.table = QTableView(self)
        self.table.setObjectName("proposalTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in (Column.RECEIVED, Column.DEADLINE, Column.STATUS, Column.WORST):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(Column.COUNTERPARTY, 200)
        header.resizeSection(Column.PROJECT, 200)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.empty_label = QLabel(
            self.tr(
                "No proposals here. Log one with New proposal… (Ctrl+N), or import one described "
                "in JSON with Import JSON…"
            ),
            self,
        )
        self.empty_label.setObjectName("proposalsEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        list_page = QWidget(self)
        column = QVBoxLayout(list_page)
        column.setContentsMargins(8, 8, 8, 8)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty_label)

        self.page = ProposalPage(self.ctx, self)
        self.page.back.connect(self.show_list)
        self.page.changed.connect(self.refresh_list)
        self.page.message.connect(self.message.emit)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def _action(self, name: str, text: str, keys: list[str], slot: object) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            "newProposal", self.tr("&New proposal…"), ["Ctrl+N"], self.new_proposal
        )
        self.import_action = self._action(
            "importProposal", self.tr("&Import proposal JSON…"), [], self.choose_import
        )
        self.open_action = QAction(self.tr("&Open proposal"), self)
        self.open_action.setObjectName("openProposal")
        self.open_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_current)
        self.table.addAction(self.open_action)
        self.check_action = self._action(
            "runProposalCheck", self.tr("&Run check"), ["F5"], self.run_check
        )
        self.export_action = self._action(
            "exportReview", self.tr("&Export review report…"), ["Ctrl+Shift+E"], self.export
        )
        self.back_action = self._action(
            "backToProposals", self.tr("&Back to the list"), ["Alt+Left"], self.show_list
        )
        self.menu = QMenu(self.tr("&Proposal"), self)
        self.menu.setObjectName("proposalMenu")
        for a in (self.new_action, self.import_action, self.open_action):
            self.menu.addAction(a)
        self.menu.addSeparator()
        for a in (self.check_action, self.export_action, self.back_action):
            self.menu.addAction(a)
        self.new_button.clicked.connect(self.new_action.trigger)
        self.import_button.clicked.connect(self.import_action.trigger)
        self.open_button.clicked.connect(self.open_action.trigger)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        self.pages.currentChanged.connect(lambda _i: self._update_actions())

    def _update_actions(self) -> None:
        on_page = self.pages.currentIndex() == PROPOSAL_PAGE
        self.open_action.setEnabled(self.current_id() is not None)
        self.open_button.setEnabled(self.current_id() is not None)
        self.check_action.setEnabled(on_page)
        self.export_action.setEnabled(on_page)
        self.back_action.setEnabled(on_page)

    # -- the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The window's hook (another desk saved): the list, and the open proposal if shown."""
        self.refresh_list()
        p = self.page.proposal
        if self.pages.currentIndex() == PROPOSAL_PAGE and p is not None:
            self.page.show_proposal(p.id)

    def refresh_list(self) -> None:
        """Read the list again (keeps the chosen proposal selected)."""
        if not shiboken6.isValid(self):
            return
        chosen = self.current_id()
        status = self.status_filter.currentData()
        statuses = frozenset({ProposalStatus(status)}) if status else None
        try:
            self.all_rows = self.service.list(
                statuses=statuses, include_closed=not self.open_only.isChecked()
            )
        except UserError as e:
            show_error(self, e)
            return
        self.apply_filters(chosen)

    def apply_filters(self, keep: int | None = None) -> None:
        chosen = keep if keep is not None else self.current_id()
        text = self.search_edit.text()
        self.model.set_rows([r for r in self.all_rows if matches(r, text)])
        self.empty_label.setVisible(self.model.rowCount() == 0)
        self.select(chosen)
        self._update_summary()

    def _update_summary(self) -> None:
        rows = self.all_rows
        urgent = sum(r.deadline in (DeadlineState.OVERDUE, DeadlineState.DUE_SOON) for r in rows)
        blocked = sum(r.worst_open is Severity.BLOCK for r in rows)
        self.summary = self.tr(
            "{n} proposal(s) · {urgent} to answer within 3 days · {blocked} with BLOCK findings"
        ).format(n=len(rows), urgent=urgent, blocked=blocked)
        self.summary_changed.emit(self.summary)

    def current_id(self) -> int | None:
        index: QModelIndex = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        row = self.model.summary(index.row())
        return row.id if row is not None else None

    def select(self, proposal_id: int | None) -> None:
        row = self.model.row_of(proposal_id) if proposal_id is not None else None
        if row is None:
            self.table.clearSelection()
            return
        self.table.selectRow(row)

    def focus_search(self) -> None:
        self.show_list()
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def show_list(self) -> None:
        self.pages.setCurrentIndex(LIST_PAGE)
        self.table.setFocus()

    # -- opening -------------------------------------------------------------------------------
    def open_current(self) -> bool:
        proposal_id = self.current_id()
        return proposal_id is not None and self.open_proposal(proposal_id)

    def open_proposal(self, proposal_id: int, tab: int | None = None) -> bool:
        if not self.page.show_proposal(proposal_id):
            return False
        shown = self.page.proposal
        if shown is not None:
            self.proposal_opened.emit(
                shown.id, f"#{shown.id} {shown.project_title} — {shown.counterparty_name}"
            )
        self.select(proposal_id)
        if tab is not None:
            self.page.tabs.setCurrentIndex(tab)
        self.pages.setCurrentIndex(PROPOSAL_PAGE)
        self.page.tabs.currentWidget().setFocus()
        return True

    # -- new and imported proposals ------------------------------------------------------------
    def new_proposal(self) -> ProposalDialog:
        dialog = ProposalDialog(
            self, self.service, self.ctx.parties, self.ctx.roster, None, self.ctx.undo_stack
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.create_proposal(dialog.draft()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def create_proposal(self, draft: ProposalDraft) -> Proposal | None:
        """Log it (for good: the form said so) and open it at its scripts, the next step."""
        try:
            proposal = self.service.create(draft)
        except UserError as e:
            show_error(self, e)
            return None
        wrote(self.ctx.book, proposal)
        self.refresh_list()
        self.open_proposal(proposal.id, FILES_TAB)
        self.message.emit(
            self.tr("Logged proposal #{id}; attach its script next.").format(id=proposal.id)
        )
        return proposal

    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a proposal"),
            self.ctx.settings.get(LAST_IMPORT_FOLDER),
            self.tr("Proposal JSON (*.json);;All files (*)"),
        )
        if path:
            self.ctx.settings.set(LAST_IMPORT_FOLDER, str(Path(path).parent))
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Task[Proposal] | None:
        """Import in the background: scripts are read and checked for AI use first."""
        if self.import_task is not None:
            return self.import_task
        db = self.ctx.db

        def work(_control: TaskControl) -> Proposal:
            return import_proposal(db, path)

        def done(proposal: Proposal) -> None:
            self.import_task = None
            if not shiboken6.isValid(self):
                return
            self.refresh_list()
            self.open_proposal(proposal.id, FILES_TAB)
            self.message.emit(
                self.tr("Imported proposal #{id} from {file}.").format(
                    id=proposal.id, file=path.name
                )
            )

        def failed(error: BaseException) -> None:
            self.import_task = None
            show_error(self, error)

        self.import_task = run_task(
            self,
            work,
            done,
            label=self.tr("Importing {file}…").format(file=path.name),
            on_error=failed,
            cancellable=False,
        )
        return self.import_task

    # -- on the open proposal ------------------------------------------------------------------
    def run_check(self) -> None:
        if self.pages.currentIndex() == PROPOSAL_PAGE:
            self.page.tabs.setCurrentIndex(FINDINGS_TAB)
            self.page.findings.run_check()

    def export(self) -> None:
        if self.pages.currentIndex() == PROPOSAL_PAGE:
            self.page.findings.export_report()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_list()  # deadlines move with the calendar; another desk may have logged one
        super().showEvent(event)
