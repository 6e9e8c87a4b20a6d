"""One proposal: its terms, scripts and mapping, findings and the artists' decisions.

The header says who sent it, its status and how long is left to answer (red when overdue or
due within three days, amber within a week), and offers only the workflow steps allowed from
the current status. Accepting offers to create the matching consent records. Every write goes
through the undo stack where the service can undo it, and through a confirmation otherwise.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.clock import utc_now
from models.errors import UserError
from models.proposals import workflow
from models.proposals.values import Proposal, ProposalDraft, ProposalStatus
from ui.errors import show_error
from ui.proposals.accept import AcceptDialog
from ui.proposals.commands import EditProposal, MoveProposal, wrote
from ui.proposals.context import ProposalContext
from ui.proposals.decisions import DecisionsPanel
from ui.proposals.files import FilesPanel
from ui.proposals.findings.panel import FindingsPanel
from ui.proposals.form.dialog import ProposalDialog
from ui.proposals.labels import (
    badge_style,
    deadline_style,
    deadline_words,
    severity_label,
    status_label,
    transition_label,
)
from ui.proposals.overview import overview_html

OVERVIEW_TAB, FILES_TAB, FINDINGS_TAB, DECISIONS_TAB = range(4)


class ProposalPage(QWidget):
    back = Signal()
    changed = Signal()  # anything the list shows may have changed
    message = Signal(str)

    def __init__(self, ctx: ProposalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalPage")
        self.ctx = ctx
        self.service = ctx.service
        self.proposal: Proposal | None = None
        self.transition_buttons: dict[ProposalStatus, QPushButton] = {}
        self.dialog: ProposalDialog | AcceptDialog | None = None
        self._build()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.back_button = QPushButton(self.tr("← All proposals"), self)
        self.back_button.setObjectName("backToList")
        self.back_button.clicked.connect(self.back.emit)
        self.title = QLabel(self)
        self.title.setObjectName("proposalTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # long names must not widen the window beyond a laptop screen: the title gives way
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_badge = QLabel(self)
        self.status_badge.setObjectName("statusBadge")
        self.deadline_badge = QLabel(self)
        self.deadline_badge.setObjectName("deadlineBadge")
        self.worst_badge = QLabel(self)
        self.worst_badge.setObjectName("worstBadge")
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("editProposal")
        self.edit_button.clicked.connect(self.edit)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.worst_badge)
        top.addWidget(self.deadline_badge)
        top.addWidget(self.status_badge)
        self.workflow_row = QHBoxLayout()
        self.workflow_row.setSpacing(6)
        steps = QHBoxLayout()
        steps.addWidget(QLabel(self.tr("Next step:"), self))
        steps.addLayout(self.workflow_row)
        steps.addStretch(1)
        steps.addWidget(self.edit_button)

        self.overview = QTextBrowser(self)
        self.overview.setObjectName("proposalOverview")
        self.files = FilesPanel(self.ctx, self)
        self.findings = FindingsPanel(self.ctx, self)
        self.decisions = DecisionsPanel(self.ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("proposalPageTabs")
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        self.tabs.addTab(self.files, self.tr("&Scripts and mapping"))
        self.tabs.addTab(self.findings, self.tr("&Findings"))
        self.tabs.addTab(self.decisions, self.tr("&Decisions"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addLayout(steps)
        layout.addWidget(self.tabs, 1)

        self.files.changed.connect(self.reload)
        self.files.message.connect(self.message.emit)
        self.findings.changed.connect(self._findings_changed)
        self.findings.message.connect(self.message.emit)
        self.decisions.changed.connect(self._saved)
        self.decisions.reload_wanted.connect(self.reload)

    # -- content -------------------------------------------------------------------------------
    def show_proposal(self, proposal_id: int) -> bool:
        try:
            proposal = self.service.get(proposal_id)
        except UserError as e:
            show_error(self, e)
            return False
        self._show(proposal)
        return True

    def reload(self) -> None:
        """Read the proposal again (after a change here, an undo, or another desk's save)."""
        if not shiboken6.isValid(self) or self.proposal is None:
            return
        try:
            proposal = self.service.get(self.proposal.id)
        except UserError as e:
            show_error(self, e)
            return
        self._show(proposal)
        self.changed.emit()

    def _saved(self, proposal: Proposal) -> None:
        if shiboken6.isValid(self):
            self._show(proposal)
            self.changed.emit()

    def _show(self, p: Proposal) -> None:
        self.proposal = p
        self.title.setText(
            self.tr("#{id} · {party} — {project}").format(
                id=p.id, party=p.counterparty_name, project=p.project_title
            )
        )
        self.title.setToolTip(self.title.text())
        self.status_badge.setText(status_label(p.status))
        self.status_badge.setStyleSheet(
            "padding: 2px 8px; border: 1px solid palette(mid); border-radius: 3px;"
        )
        state, days = workflow.deadline_state(p.status, p.respond_by, _today())
        words = deadline_words(p.respond_by, days, state)
        self.deadline_badge.setText(
            self.tr("Answer by {when}").format(when=words) if words else self.tr("No deadline")
        )
        self.deadline_badge.setStyleSheet(deadline_style(state))
        self.deadline_badge.setProperty("deadline", state.value)
        self.overview.setHtml(overview_html(p))
        self.files.set_proposal(p)
        self.findings.set_proposal(p)
        self.decisions.set_proposal(p)
        self._update_worst()
        self._rebuild_workflow()
        self.edit_button.setEnabled(p.status.is_open)

    def _update_worst(self) -> None:
        run = self.findings.run if self.findings.runs.currentIndex() == 0 else None
        if run is None:
            run = self.service.latest_run(self.proposal.id) if self.proposal else None
        if run is None:
            self.worst_badge.setText(self.tr("Not checked"))
            self.worst_badge.setStyleSheet(badge_style(None))
            return
        worst = run.worst_open
        self.worst_badge.setText(
            self.tr("Worst: {severity}").format(severity=severity_label(worst))
            if worst
            else self.tr("No open findings")
        )
        self.worst_badge.setStyleSheet(badge_style(worst))

    def _findings_changed(self) -> None:
        self._update_worst()
        self.changed.emit()

    def _rebuild_workflow(self) -> None:
        for button in self.transition_buttons.values():
            self.workflow_row.removeWidget(button)
            button.deleteLater()
        self.transition_buttons = {}
        p = self.proposal
        targets = workflow.allowed_targets(p.status) if p else ()
        for target in targets:
            button = QPushButton(transition_label(target), self)
            button.setObjectName(f"move_{target.value}")
            button.clicked.connect(lambda _c=False, t=target: self.move_to(t))
            self.workflow_row.addWidget(button)
            self.transition_buttons[target] = button
        if not targets:
            label = QPushButton(self.tr("Closed"), self)
            label.setEnabled(False)
            self.workflow_row.addWidget(label)
            self.transition_buttons[ProposalStatus.RECEIVED] = label  # removed with the rest

    # -- editing -------------------------------------------------------------------------------
    def edit(self) -> ProposalDialog | None:
        p = self.proposal
        if p is None or not p.status.is_open:
            return None
        dialog = ProposalDialog(
            self, self.service, self.ctx.parties, self.ctx.roster, p, self.ctx.undo_stack
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save_edit(dialog.draft()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def save_edit(self, draft: ProposalDraft) -> bool:
        p = self.proposal
        if p is None:
            return False
        if draft.normalized() == p.draft().normalized():
            return False
        try:
            command = EditProposal.perform(
                self.ctx.undo_stack, self.service, p, draft, self.reload, self._failed
            )
        except UserError as e:
            self._failed(e)
            return False
        self._saved(command.after)
        return True

    # -- the workflow --------------------------------------------------------------------------
    def move_to(self, target: ProposalStatus, note: str = "") -> AcceptDialog | bool:
        p = self.proposal
        if p is None:
            return False
        if target is ProposalStatus.ACCEPTED:
            return self.offer_accept()
        try:
            command = MoveProposal.perform(
                self.ctx.undo_stack, self.service, p, target, note, self.reload, self._failed
            )
        except UserError as e:
            self._failed(e)
            return False
        self._saved(command.after)
        self.message.emit(
            self.tr("Proposal #{id} is now {status}; Edit → Undo goes back.").format(
                id=p.id, status=status_label(target)
            )
        )
        return True

    def offer_accept(self) -> AcceptDialog | bool:
        """Accepting: show what consent records would be created, and ask."""
        p = self.proposal
        if p is None:
            return False
        try:
            workflow.check_answers(
                ProposalStatus.ACCEPTED,
                [(a.artist_name, a.decision.answer if a.decision else None) for a in p.artists],
                p.id,
            )
            drafts = self.service.consent_drafts(p.id)
        except UserError as e:
            show_error(self, e)
            return False
        dialog = AcceptDialog(self, p, drafts)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.accept_proposal(p, dialog.create_consents(), dialog.note_text())
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def accept_proposal(self, before: Proposal, create_consents: bool, note: str = "") -> bool:
        try:
            outcome = self.service.accept(
                before.id, before.row_version, create_consents=create_consents, note=note
            )
        except UserError as e:
            self._failed(e)
            return False
        if outcome.consent_record_ids:
            wrote(self.ctx.book, outcome.proposal)
            shown = ", ".join(f"#{r}" for r in outcome.consent_record_ids.values())
            self.message.emit(
                self.tr(
                    "Proposal #{id} accepted; consent record(s) {records} wait for the "
                    "artist's signed decision."
                ).format(id=before.id, records=shown)
            )
        else:
            MoveProposal.perform(
                self.ctx.undo_stack, self.service, before, ProposalStatus.ACCEPTED, note,
                self.reload, self._failed, accepted=outcome.proposal,
            )  # fmt: skip
            self.message.emit(
                self.tr("Proposal #{id} accepted; Edit → Undo takes it back.").format(id=before.id)
            )
        self._saved(outcome.proposal)
        return True

    def _failed(self, error: UserError) -> None:
        show_error(self, error)
        if shiboken6.isValid(self):
            self.reload()  # a ConflictError: show what the other desk saved


def _today() -> date:
    return utc_now().astimezone().date()
