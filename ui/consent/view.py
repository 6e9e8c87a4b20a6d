"""The consent screen of one artist: stance, the consent matrix as of a moment, the history of
the selected record, and recording, amending and revoking consent.

What is authorised comes only from `models.consent.state.matrix` (built on `state_as_of`), for
the moment in the "As of" picker: now by default, any past moment for "what did our records
say on 3 April?" — then a banner says the view is historical. Edits go through the services
(ui/consent/saving.py, commands.py); afterwards the view simply asks again.
"""

from __future__ import annotations

from datetime import datetime

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.consent.evidence import EvidenceReport
from models.consent.form_save import FormSave
from models.consent.state import matrix
from models.consent.values import ConsentRecord
from models.consent.words import ConsentStatus
from models.dates.zones import day_start, zone
from models.desk import Desk
from models.errors import ConflictError, UserError
from models.roster.artist import Artist
from ui.consent.actions import build_actions
from ui.consent.as_of import AsOfBar
from ui.consent.commands import RecordStance, record_backdated_stance
from ui.consent.form import ConsentDialog
from ui.consent.form.saving import Saved, save_form
from ui.consent.header import ArtistHeader
from ui.consent.history import HistoryPanel
from ui.consent.labels import artist_time_text, when_text
from ui.consent.matrix_model import RECORD_ID_ROLE, ConsentMatrixModel
from ui.consent.matrix_panel import MatrixPanel
from ui.consent.revoke import RevocationRequest, RevokeDialog
from ui.consent.stance import StanceDialog, StanceRequest
from ui.errors import show_error
from ui.tasks import TaskControl, run_task


class ConsentView(QWidget):
    """Consent records of one artist (`show_artist`)."""

    summary_changed = Signal(str)
    records_changed = Signal(int)  # artist id: consent records changed (deadlines, statements)
    artist_changed = Signal(int)  # artist id: the roster row changed (stance)
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        desk: Desk,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consentView")
        self.desk = desk
        self.db = desk.db
        self.clock = desk.clock
        self.undo_stack = undo_stack
        self.consents = desk.consent
        self.parties = desk.parties
        self.stances = desk.stance
        self.roster = desk.roster
        self.artist: Artist | None = None
        self.summary = ""
        self.dialog: QWidget | None = None
        self._selected: int | None = None
        self._versions: list[ConsentRecord] = []
        self._report: EvidenceReport | None = None  # the last evidence check shown
        self.model = ConsentMatrixModel(self)
        self._build()
        self._build_actions()
        self.undo_stack.indexChanged.connect(self._after_undo)

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.header = ArtistHeader(self)
        self.as_of_bar = AsOfBar(self.clock, self)
        self.as_of_bar.moved.connect(lambda: self.refresh())
        self.as_of_edit = self.as_of_bar.edit
        self.now_button = self.as_of_bar.now_button
        self.banner = self.as_of_bar.banner

        self.matrix_panel = MatrixPanel(self.model, self)
        self.table = self.matrix_panel.table
        self.empty_label = self.matrix_panel.empty_label
        self.table.selectionModel().currentChanged.connect(self._on_current)
        self.table.clicked.connect(self._on_clicked)
        self.table.doubleClicked.connect(lambda _i: self.edit_consent())

        self.history = HistoryPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.matrix_panel)
        self.splitter.addWidget(self.history)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)  # actions on their own row: the view fits a laptop screen

        content = QWidget(self)
        c = QVBoxLayout(content)
        c.setContentsMargins(0, 0, 0, 0)
        c.addWidget(self.header)
        c.addWidget(self.as_of_bar)
        c.addLayout(self._buttons)
        c.addWidget(self.banner)
        c.addWidget(self.splitter, 1)
        self.placeholder = QLabel(
            self.tr("Choose an artist in the roster, then Artist → Open consent records (Ctrl+R)."),
            self,
        )
        self.placeholder.setObjectName("consentPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.pages)
        self.header.stance_button.clicked.connect(self.record_stance)

    def _build_actions(self) -> None:
        actions = build_actions(
            self,
            self.table,
            self._buttons,
            {
                "new": self.new_consent,
                "edit": self.edit_consent,
                "revoke": self.revoke_consent,
                "stance": self.record_stance,
                "as_of": self.focus_as_of,
                "now": lambda: self.set_as_of(None),
                "refresh": lambda: self.refresh(recheck=True),
            },
        )
        self.new_action = actions.new
        self.edit_action = actions.edit
        self.revoke_action = actions.revoke
        self.stance_action = actions.stance
        self.now_action = actions.now
        self.refresh_action = actions.refresh
        self.menu = actions.menu
        self._update_actions()

    # -- what is shown -------------------------------------------------------------------------
    def show_artist(self, artist_id: int) -> None:
        """Show this artist's consent (at the current as-of moment)."""
        try:
            artist = self.roster.get(artist_id)
        except UserError as e:
            show_error(self, e)
            return
        if self.artist is None or self.artist.id != artist_id:
            self._selected = None
            self._versions = []
            self.history.clear()
        self.artist = artist
        self.pages.setCurrentIndex(1)
        self.refresh()
        self.table.setFocus()

    def as_of(self) -> datetime:
        return self.as_of_bar.as_of()

    def is_historical(self) -> bool:
        return self.as_of_bar.is_historical()

    def set_as_of(self, when: datetime | None) -> None:
        """Show the records as they stood at `when` (None: now)."""
        self.as_of_bar.set_as_of(when)

    def focus_as_of(self) -> None:
        self.as_of_bar.focus()

    def refresh(self, recheck: bool = False) -> None:
        """Ask the records again for the as-of moment; keep the selected record.

        `recheck` also hashes the selected record's evidence files again (F5); otherwise the
        last result is kept, so moving the as-of time does not re-read every file.
        """
        artist = self.artist
        if artist is None:
            return
        self.as_of_bar.follow_clock()
        try:
            self.artist = artist = self.roster.get(artist.id)
            when = self.as_of()
            grid = matrix(self.db, artist.id, when)
            entry = self.stances.at(artist.id, when)
        except UserError as e:
            show_error(self, e)
            return
        state = grid.state
        shown_when = when if self.as_of_bar.moment is not None else None
        self.header.show_artist(artist, state.stance, state.stance_conditions, entry, shown_when)
        self.matrix_panel.show_matrix(grid)
        self.as_of_bar.show_banner(when)
        if self._selected is not None:
            index = self.model.index_of_record(self._selected)
            if index.isValid():
                self.table.selectionModel().blockSignals(True)
                self.table.setCurrentIndex(index)
                self.table.selectionModel().blockSignals(False)
            self._load_history(self._selected, recheck)
        self._update_actions()
        self._update_summary()

    def _update_summary(self) -> None:
        artist = self.artist
        grid = self.model.matrix
        if artist is None or grid is None:
            return
        records = grid.state.records
        in_force = sum(1 for r in records if r.in_force)
        waiting = sum(
            1
            for r in records
            if r.status in (ConsentStatus.REQUESTED, ConsentStatus.PENDING_ARTIST)
        )
        moment = self.as_of_bar.moment
        when = self.tr("now") if moment is None else when_text(moment)
        self.summary = self.tr("{name}: {n} in force · {w} waiting · as of {when}").format(
            name=artist.display_name, n=in_force, w=waiting, when=when
        )
        self.summary_changed.emit(self.summary)

    # -- selection -----------------------------------------------------------------------------
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = current.data(RECORD_ID_ROLE) if current.isValid() else None
        if record_id is not None:
            self.select_record(int(record_id))
        else:
            self._update_actions()

    def _on_clicked(self, index: QModelIndex) -> None:
        record_id = index.data(RECORD_ID_ROLE)
        if record_id is not None and int(record_id) != self._selected:
            self.select_record(int(record_id))

    def selected_record_id(self) -> int | None:
        return self._selected

    def select_record(self, record_id: int) -> None:
        """Show the record's versions and re-check its evidence files."""
        self._selected = record_id
        index = self.model.index_of_record(record_id)
        if index.isValid() and self.table.currentIndex() != index:
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(index)
            self.table.selectionModel().blockSignals(False)
        self._load_history(record_id)
        self._update_actions()

    def _load_history(self, record_id: int, recheck: bool = True) -> None:
        try:
            self._versions = self.consents.history(record_id)
        except UserError as e:
            show_error(self, e)
            return
        self.history.show_versions(self._versions, record_id, self.as_of())
        chosen = next((v for v in self._versions if v.id == record_id), None)
        if chosen is None:
            return
        last = self._report
        current = (
            last is not None
            and last.record_id == chosen.id
            and len(last.checks) == len(chosen.evidence)
        )
        if chosen.evidence and (recheck or not current):
            self._recheck(chosen.id)
        elif chosen.evidence and last is not None:
            self.history.show_evidence_report(last)
        else:
            self._report = EvidenceReport(chosen.id, ())
            self.history.show_evidence_report(self._report)

    def _recheck(self, record_id: int) -> None:
        def work(_control: TaskControl) -> EvidenceReport:
            return self.consents.verify_evidence(record_id)

        def done(report: EvidenceReport) -> None:
            if shiboken6.isValid(self) and self._selected == record_id:
                self._report = report
                self.history.show_evidence_report(report)

        run_task(self, work, done, label=self.tr("Re-checking evidence files…"))

    def _update_actions(self) -> None:
        has_artist = self.artist is not None
        self.new_action.setEnabled(has_artist)
        self.stance_action.setEnabled(has_artist)
        self.header.stance_button.setEnabled(has_artist)
        self.edit_action.setEnabled(bool(self._versions) and self._selected is not None)
        self.revoke_action.setEnabled(self._revocable() is not None)

    def _edit_target(self) -> ConsentRecord | None:
        """The version to open: the newest one of the lineage not refused."""
        if not self._versions:
            return None
        alive = [v for v in self._versions if v.status != ConsentStatus.REFUSED]
        return (alive or self._versions)[-1]

    def _revocable(self) -> ConsentRecord | None:
        given = [v for v in self._versions if v.status == ConsentStatus.GIVEN]
        return given[-1] if given else None

    # -- recording -----------------------------------------------------------------------------
    def _open(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]

    def _forget_dialog(self) -> None:
        self.dialog = None

    def new_consent(self) -> ConsentDialog | None:
        """Ctrl+N: an empty form for this artist; saved when accepted."""
        if self.artist is None:
            return None
        dialog = ConsentDialog(
            self,
            self.consents,
            self.parties,
            self.artist,
            now=self.clock(),
            undo_stack=self.undo_stack,
        )
        dialog.accepted.connect(lambda: self.commit_form(dialog.result_value()))
        self._open(dialog)
        return dialog

    def edit_consent(self) -> ConsentDialog | None:
        """Enter / Ctrl+E: the selected record's current version (edit, amend or add files)."""
        if self.artist is None or self._selected is None:
            return None
        try:
            self._versions = self.consents.history(self._selected)
        except UserError as e:
            show_error(self, e)
            return None
        target = self._edit_target()
        if target is None:
            return None
        successor = any(
            v.supersedes_id == target.id
            and v.status in (ConsentStatus.REQUESTED, ConsentStatus.PENDING_ARTIST)
            for v in self._versions
        )
        dialog = ConsentDialog(
            self,
            self.consents,
            self.parties,
            self.artist,
            target,
            successor,
            self.clock(),
            self.undo_stack,
        )
        dialog.accepted.connect(lambda: self.commit_form(dialog.result_value()))
        self._open(dialog)
        return dialog

    def commit_form(self, result: FormSave) -> Saved | None:
        try:
            saved = save_form(self.consents, result, self.undo_stack, self._changed, self._failed)
        except ConflictError as e:
            show_error(self, e)
            self.refresh()
            return None
        except UserError as e:
            show_error(self, e)
            self.refresh()
            return None
        self._selected = saved.record_id
        self._changed()
        self.message.emit(saved.message)
        return saved

    def revoke_consent(self) -> RevokeDialog | None:
        """Ask reason and date, say what will happen, then revoke (no undo: it is final)."""
        record = self._revocable()
        if record is None:
            return None
        dialog = RevokeDialog(self, record)
        dialog.accepted.connect(lambda: self.commit_revoke(record, dialog.request()))
        self._open(dialog)
        return dialog

    def commit_revoke(
        self, record: ConsentRecord, request: RevocationRequest
    ) -> ConsentRecord | None:
        try:
            revoked = self.consents.revoke(
                record.id,
                request.reason,
                request.effective,
                record.row_version,
                revoked_by=request.revoked_by,
            )
        except UserError as e:
            show_error(self, e)
            self.refresh()
            return None
        self._selected = revoked.id
        self._changed()
        self.message.emit(
            self.tr("Consent #{id} revoked from {when}.").format(
                id=revoked.id,
                when=artist_time_text(
                    day_start(request.effective, zone(revoked.zone)), revoked.zone
                ),
            )
        )
        return revoked

    def record_stance(self) -> StanceDialog | None:
        if self.artist is None:
            return None
        artist = self.artist
        try:
            history = self.stances.history(artist.id)
        except UserError as e:
            show_error(self, e)
            return None
        dialog = StanceDialog(self, artist, history, self.clock())
        dialog.accepted.connect(lambda: self.commit_stance(artist.id, dialog.request()))
        self._open(dialog)
        return dialog

    def commit_stance(self, artist_id: int, request: StanceRequest) -> bool:
        try:
            if request.effective_at is None:
                RecordStance.perform(
                    self.undo_stack,
                    self.stances,
                    artist_id,
                    request.stance,
                    request.conditions,
                    lambda: self._stance_changed(artist_id),
                    self._failed,
                )
            else:
                record_backdated_stance(
                    self.stances,
                    artist_id,
                    request.stance,
                    request.conditions,
                    request.effective_at,
                )
        except UserError as e:
            show_error(self, e)
            return False
        self._stance_changed(artist_id)
        return True

    def _stance_changed(self, artist_id: int) -> None:
        self.artist_changed.emit(artist_id)
        self.refresh()

    def _changed(self) -> None:
        self.refresh()
        if self.artist is not None:
            self.records_changed.emit(self.artist.id)

    def _failed(self, error: UserError) -> None:
        show_error(self, error)

    def _after_undo(self, _index: int) -> None:
        """Undo/redo of any view may have changed what this artist's records show."""
        if self.artist is not None and self.isVisible():
            self.refresh()
