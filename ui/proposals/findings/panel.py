"""The findings of a proposal's checks: BLOCK first, filtered, beside the script line.

"Run check" runs the rule checker in the background (`run_task`) and stores a new run; the
run list keeps earlier ones, and "What changed" shows, through `diff(run_id)`, which findings
are new since the run before and which are gone. Accepting a risk asks for a reason and is an
undoable command (undo clears the mark). The review report for the artist is exported from
here, in English, Chinese or both, also in the background.
"""

from __future__ import annotations

import html
from pathlib import Path

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.errors import UserError
from models.proposals.values import (
    CheckRun,
    FindingChange,
    FindingsDiff,
    Proposal,
    StoredFinding,
)
from models.rules import Severity
from reports.review import export_review
from ui.consent.labels import when_text
from ui.errors import show_error
from ui.i18n import is_chinese, model_language, pick
from ui.proposals.commands import AcceptRisk, ClearRisk
from ui.proposals.context import ProposalContext
from ui.proposals.findings.dialogs import AcceptRiskDialog, ExportDialog
from ui.proposals.findings.filters import FindingFilters
from ui.proposals.findings.model import Column, FindingsTableModel
from ui.proposals.findings.script_pane import ScriptPane
from ui.proposals.labels import (
    change_label,
    rule_title,
    severity_label,
)
from ui.settings import LAST_EXPORT_FOLDER
from ui.tasks import Task, TaskControl, run_task


class FindingsPanel(QWidget):
    changed = Signal()  # a check ran or a risk mark changed: the list's worst finding may too
    message = Signal(str)

    def __init__(self, ctx: ProposalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.ctx = ctx
        self.service = ctx.service
        self.proposal: Proposal | None = None
        self.run: CheckRun | None = None
        self.diff: FindingsDiff | None = None
        self.task: Task[CheckRun] | None = None
        self.model = FindingsTableModel(self)
        self._build()
        self._build_actions()
        self._update_actions()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.run_button = QPushButton(self.tr("&Run check"), self)
        self.run_button.setObjectName("runCheck")
        self.run_button.clicked.connect(self.run_check)
        self.runs = QComboBox(self)
        self.runs.setObjectName("checkRuns")
        self.runs.setMinimumContentsLength(16)
        self.runs.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.runs.currentIndexChanged.connect(self._run_chosen)
        self.changes_check = QCheckBox(self.tr("What &changed"), self)
        self.changes_check.setObjectName("showChanges")
        self.changes_check.setToolTip(
            self.tr("Only what changed since the check before: new and resolved findings")
        )
        self.changes_check.toggled.connect(lambda _b: self.apply_filters())
        self.export_button = QPushButton(self.tr("&Export review report…"), self)
        self.export_button.setObjectName("exportReview")
        self.export_button.clicked.connect(self.export_report)
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.runs, 1)
        top.addWidget(self.changes_check)
        top.addWidget(self.export_button)

        self.filters = FindingFilters(self)
        self.filters.changed.connect(self.apply_filters)
        self.severity_buttons = self.filters.severity_buttons
        self.artist_filter = self.filters.artist
        self.rule_filter = self.filters.rule
        self.accepted_check = self.filters.accepted

        self.table = QTableView(self)
        self.table.setObjectName("findingsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for col in (Column.SEVERITY, Column.RULE, Column.LINE, Column.ACCEPTED, Column.CHANGE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(Column.ARTIST, 130)
        header.resizeSection(Column.SOURCE, 140)
        header.resizeSection(Column.ACTION, 170)
        self.table.doubleClicked.connect(lambda _i: self.jump_to_current(focus=True))
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _p: self._current_changed(current)
        )

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("findingDetail")
        self.detail.setOpenLinks(False)
        self.script = ScriptPane(self.service, self)
        self.accept_button = QPushButton(self.tr("&Accept risk…"), self)
        self.accept_button.setObjectName("acceptRisk")
        self.accept_button.clicked.connect(self.accept_risk)
        self.clear_button = QPushButton(self.tr("Take back accepted risk"), self)
        self.clear_button.setObjectName("clearRisk")
        self.clear_button.clicked.connect(self.clear_risk)
        detail_box = QWidget(self)
        detail_column = QVBoxLayout(detail_box)
        detail_column.setContentsMargins(0, 0, 0, 0)
        detail_column.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        detail_column.addLayout(buttons)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(detail_box)
        bottom.addWidget(self.script)
        bottom.setSizes([420, 560])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(bottom)
        self.splitter.setSizes([300, 260])
        self.counts = QLabel(self)
        self.counts.setObjectName("findingCounts")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.counts)

    def _build_actions(self) -> None:
        self.jump_action = QAction(self.tr("Go to the script line"), self)
        self.jump_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.jump_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.jump_action.triggered.connect(lambda: self.jump_to_current(focus=True))
        self.table.addAction(self.jump_action)

    # -- content -------------------------------------------------------------------------------
    def set_proposal(self, proposal: Proposal | None) -> None:
        """Show `proposal`'s latest run (kept when it is the same proposal, reloaded)."""
        same = _same(proposal, self.proposal)
        self.proposal = proposal
        self.model.script_names = (
            {s.id: s.original_name for s in proposal.scripts} if proposal else {}
        )
        if not same:
            self.script.forget()
            self.run = None
        self.reload(keep_run=same)

    def reload(self, keep_run: bool = True) -> None:
        """Read the runs again (another desk may have checked meanwhile)."""
        p = self.proposal
        wanted = self.run.id if keep_run and self.run is not None else None
        runs = self.service.runs(p.id) if p is not None else []
        self.runs.blockSignals(True)
        self.runs.clear()
        for r in runs:
            self.runs.addItem(self._run_text(r, latest=r is runs[0]), r.id)
        found = self.runs.findData(wanted) if wanted is not None else -1
        self.runs.setCurrentIndex(found if found >= 0 else (0 if runs else -1))
        self.runs.blockSignals(False)
        self._run_chosen()

    def _run_text(self, r: CheckRun, latest: bool) -> str:
        text = self.tr("Check of {when} by {who}").format(when=when_text(r.run_at), who=r.run_by)
        return text + (self.tr(" (latest)") if latest else "")

    def _run_chosen(self) -> None:
        run_id = self.runs.currentData()
        try:
            self.run = self.service.get_run(int(run_id)) if run_id is not None else None
            self.diff = self.service.diff(self.run.id) if self.run is not None else None
        except UserError as e:
            self.run = self.diff = None
            show_error(self, e)
        self._fill_filters()
        self.apply_filters()

    def _fill_filters(self) -> None:
        findings = list(self.run.findings) if self.run else []
        if self.diff is not None:
            findings += self.diff.resolved
        self.filters.fill(findings)

    def severities(self) -> frozenset[Severity]:
        return self.filters.severities()

    def set_severities(self, wanted: frozenset[Severity]) -> None:
        self.filters.set_severities(wanted)

    def apply_filters(self) -> None:
        current = self.current_finding()
        run, diff = self.run, self.diff
        shown = self.filters.apply(run, diff, self.changes_check.isChecked())
        compared = diff is not None and diff.previous_run_id is not None
        self.model.set_findings(shown, compared)
        self.table.setColumnHidden(Column.CHANGE, not compared)  # a first check: all new
        self._select(current.id if current is not None else None)
        self._update_counts()
        self._update_actions()

    def _select(self, finding_id: int | None) -> None:
        row = self.model.row_of(finding_id) if finding_id is not None else None
        if row is None and self.model.rowCount() and finding_id is None:
            row = 0
        if row is None:
            self._show_detail(None)
            return
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_detail(self.model.finding(row))

    def _update_counts(self) -> None:
        run = self.run
        self.filters.show_counts(run)
        if self.proposal is None:
            text = ""
        elif run is None:
            text = self.tr("Not checked yet: map the script characters, then Run check.")
        else:
            per = {s: 0 for s in Severity}
            accepted = 0
            for f in run.findings:
                per[f.finding.severity] += 1
                accepted += f.accepted_risk
            parts = [f"{n} {s.value}" for s, n in per.items()]
            text = self.tr("{counts} · {accepted} accepted · showing {shown}").format(
                counts=" · ".join(parts), accepted=accepted, shown=self.model.rowCount()
            )
            if self.diff is not None and self.diff.previous_run_id is not None:
                text += " · " + self.tr(
                    "since the check before: {new} new, {gone} resolved, {same} unchanged"
                ).format(
                    new=len(self.diff.new),
                    gone=len(self.diff.resolved),
                    same=len(self.diff.unchanged),
                )
        self.counts.setText(text)

    # -- the chosen finding --------------------------------------------------------------------
    def current_finding(self) -> StoredFinding | None:
        index = self.table.currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex) -> None:
        f = self.model.finding(current.row()) if current.isValid() else None
        self._show_detail(f)
        self._update_actions()
        if f is not None and f.finding.line is not None and f.finding.script_id is not None:
            self.script.show_line(f.finding.script_id, f.finding.line)

    def jump_to_current(self, focus: bool = False) -> bool:
        """Double-click / Enter: the script at the finding's line."""
        f = self.current_finding()
        if f is None or f.finding.script_id is None or f.finding.line is None:
            return False
        shown = self.script.show_line(f.finding.script_id, f.finding.line)
        if shown and focus:
            self.script.text.setFocus()
        return shown

    def _show_detail(self, f: StoredFinding | None) -> None:
        if f is None:
            self.detail.setHtml("")
            return
        x = f.finding
        e = html.escape
        rows = [
            f"<p><b>{e(severity_label(x.severity))} · {e(rule_title(x.rule_id))}</b>"
            + (f" — {e(change_label(f.change))}" if self.model.compared else "")
            + "</p>",
            f"<p>{e(x.message_in(model_language()))}</p>",
            f"<p style='color:#566573'>{e(x.message_in('en' if is_chinese() else 'zh'))}</p>",
            f"<p><b>{e(self.tr('Source'))}{pick(':', '：')}</b> "
            f"{e(pick(x.source, x.source_zh or x.source))}</p>",
            f"<p><b>{e(self.tr('Suggested action'))}:</b> {e(pick(x.action, x.action_zh))}</p>",
        ]
        if f.accepted_risk:
            rows.append(
                "<p><b>"
                + e(self.tr("Risk accepted by {who}, {when}:")).format(
                    who=e(f.accepted_by), when=e(when_text(f.accepted_at))
                )
                + f"</b> {e(f.accepted_reason)}</p>"
            )
        if x.evidence:
            items = "".join(
                f"<li><code>{e(str(k))}</code>: {e(str(v))}</li>" for k, v in x.evidence.items()
            )
            rows.append(f"<p><b>{e(self.tr('What the rule looked at'))}:</b></p><ul>{items}</ul>")
        self.detail.setHtml("".join(rows))

    def _update_actions(self) -> None:
        f = self.current_finding()
        latest = self.runs.currentIndex() == 0
        live = f is not None and f.change is not FindingChange.RESOLVED and latest
        self.accept_button.setEnabled(live and f is not None and not f.accepted_risk)
        self.clear_button.setEnabled(live and f is not None and f.accepted_risk)
        has = self.proposal is not None
        self.run_button.setEnabled(has and self.task is None)
        self.export_button.setEnabled(has)
        diff = self.diff
        self.changes_check.setEnabled(diff is not None and diff.previous_run_id is not None)

    # -- running the check ---------------------------------------------------------------------
    def run_check(self) -> Task[CheckRun] | None:
        p = self.proposal
        if p is None or self.task is not None:
            return self.task
        service = self.service
        proposal_id = p.id

        def work(_control: TaskControl) -> CheckRun:
            return service.run_check(proposal_id)

        def done(run: CheckRun) -> None:
            self.task = None
            if not shiboken6.isValid(self):
                return
            if self.proposal is not None and self.proposal.id == run.proposal_id:
                self.run = run
                self.reload(keep_run=False)
            worst = severity_label(run.worst) if run.worst else self.tr("nothing found")
            self.message.emit(
                self.tr("Check done: {n} finding(s); worst: {worst}.").format(
                    n=len(run.findings), worst=worst
                )
            )
            self.changed.emit()

        def failed(error: BaseException) -> None:
            self.task = None
            if shiboken6.isValid(self):
                self._update_actions()
                show_error(self, error)

        def cancelled() -> None:
            self.task = None
            if shiboken6.isValid(self):
                self._update_actions()

        self.task = run_task(
            self,
            work,
            done,
            label=self.tr("Checking proposal #{id} against the consent records…").format(
                id=proposal_id
            ),
            on_error=failed,
            on_cancelled=cancelled,
            cancellable=False,
        )
        self._update_actions()
        return self.task

    # -- accepted risk -------------------------------------------------------------------------
    def accept_risk(self) -> AcceptRiskDialog | None:
        f = self.current_finding()
        if f is None or f.accepted_risk or f.change is FindingChange.RESOLVED:
            return None
        dialog = AcceptRiskDialog(self, f)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.accept_risk_with(f, dialog.reason_text()))
        dialog.open()
        return dialog

    def accept_risk_with(self, finding: StoredFinding, reason: str) -> bool:
        try:
            AcceptRisk.perform(
                self.ctx.undo_stack, self.service, finding, reason, self._risk_changed, self._failed
            )
        except UserError as e:
            self._failed(e)
            return False
        self._risk_changed(finding.id)
        return True

    def clear_risk(self) -> bool:
        f = self.current_finding()
        if f is None or not f.accepted_risk:
            return False
        try:
            ClearRisk.perform(
                self.ctx.undo_stack, self.service, f, self._risk_changed, self._failed
            )
        except UserError as e:
            self._failed(e)
            return False
        self._risk_changed(f.id)
        return True

    def _risk_changed(self, finding_id: int | None = None) -> None:
        if not shiboken6.isValid(self):
            return
        keep = finding_id if finding_id is not None else None
        self.reload(keep_run=True)
        if keep is not None:
            self._select(keep)
        self.changed.emit()

    def _failed(self, error: UserError) -> None:
        show_error(self, error)
        if shiboken6.isValid(self):
            self.reload(keep_run=True)

    # -- the review report ---------------------------------------------------------------------
    def export_report(self) -> ExportDialog | None:
        p = self.proposal
        if p is None:
            return None
        folder = self.ctx.settings.get(LAST_EXPORT_FOLDER) or str(Path.home())
        dialog = ExportDialog(self, Path(folder) / f"review-proposal-{p.id}.pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.export_to(dialog.target(), dialog.languages()))
        dialog.open()
        return dialog

    def export_to(self, path: Path, languages: str) -> Task[Path] | None:
        p = self.proposal
        if p is None:
            return None
        db = self.ctx.db
        proposal_id = p.id
        run_id = self.run.id if self.run is not None else None
        self.ctx.settings.set(LAST_EXPORT_FOLDER, str(path.parent))

        def work(_control: TaskControl) -> Path:
            return export_review(db, proposal_id, path, languages, run_id=run_id)

        def done(written: Path) -> None:
            if shiboken6.isValid(self):
                self.message.emit(self.tr("Review report written to {path}.").format(path=written))

        return run_task(
            self,
            work,
            done,
            label=self.tr("Writing the review report…"),
            cancellable=False,
        )


def _same(a: Proposal | None, b: Proposal | None) -> bool:
    return a is not None and b is not None and a.id == b.id
