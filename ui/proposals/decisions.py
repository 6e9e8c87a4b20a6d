"""Per requested artist: what the agency advises and what the artist decided — kept apart.

The artist decides (or their guardian or estate); the agency only recommends, and the
proposal cannot be answered until every artist's own decision is in. Each entry records who
and when; recording or clearing one is an undoable command.
"""

from __future__ import annotations

from datetime import datetime

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.clock import utc_now
from models.consent.values import AgencyRecommendation, Recommendation
from models.errors import UserError
from models.proposals.values import (
    ArtistAnswer,
    ArtistDecisionOnProposal,
    Proposal,
    ProposalArtist,
)
from ui.consent.labels import modality_label, when_text
from ui.consent.widgets import MomentEdit
from ui.errors import show_error
from ui.proposals.commands import RecordDecision, RecordRecommendation
from ui.proposals.context import ProposalContext
from ui.proposals.labels import advice_label, answer_label

ARTIST_COL, ASKED_COL, ADVICE_COL, DECISION_COL, RECORD_COL = range(5)


class DecisionDialog(QDialog):
    """The artist's decision (`advice` False) or the agency's recommendation (`advice` True)."""

    def __init__(
        self, parent: QWidget | None, entry: ProposalArtist, advice: bool, by: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("adviceDialog" if advice else "decisionDialog")
        self.advice = advice
        name = entry.artist_name
        if advice:
            self.setWindowTitle(self.tr("Agency's advice to {name}").format(name=name))
        else:
            self.setWindowTitle(self.tr("Decision of {name}").format(name=name))
        self.choice = QComboBox(self)
        self.choice.setObjectName("choice")
        if advice:
            for r in Recommendation:
                self.choice.addItem(advice_label(r), r.value)
        else:
            for a in ArtistAnswer:
                self.choice.addItem(answer_label(a), a.value)
        self.by = QLineEdit(by, self)
        self.by.setObjectName("by")
        self.by.setPlaceholderText(
            self.tr("Who in the agency")
            if advice
            else self.tr("The artist, their guardian or the estate")
        )
        self.at = MomentEdit(self, utc_now())
        self.at.setObjectName("at")
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        explain = QLabel(
            self.tr("A recommendation is advice, never the artist's decision.")
            if advice
            else self.tr("Only the artist (or their guardian or estate) decides."),
            self,
        )
        explain.setWordWrap(True)
        explain.setEnabled(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setText(self.tr("Record"))
        self.buttons.accepted.connect(self._accept_when_valid)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Advice") if advice else self.tr("Decision"), self.choice)
        form.addRow(self.tr("By"), self.by)
        form.addRow(self.tr("When"), self.at)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(self.buttons)
        self.by.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        self.ok_button.setEnabled(bool(by.strip()))
        self.resize(460, 220)

    def when(self) -> datetime:
        return self.at.value()

    def decision(self) -> ArtistDecisionOnProposal:
        return ArtistDecisionOnProposal(
            ArtistAnswer(self.choice.currentData()),
            self.by.text().strip(),
            self.when(),
            self.note.text().strip(),
        )

    def recommendation(self) -> AgencyRecommendation:
        return AgencyRecommendation(
            Recommendation(self.choice.currentData()),
            self.by.text().strip(),
            self.when(),
            self.note.text().strip(),
        )

    def _accept_when_valid(self) -> None:
        if self.ok_button.isEnabled():
            self.accept()


class DecisionsPanel(QWidget):
    changed = Signal(object)  # the proposal as saved
    reload_wanted = Signal()  # a save failed (another desk?): read the proposal again

    def __init__(self, ctx: ProposalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionsPanel")
        self.ctx = ctx
        self.proposal: Proposal | None = None
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("decisionsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Artist"), self.tr("Asked for"), self.tr("Agency's advice"),
             self.tr("Artist's decision"), self.tr("Consent record")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ARTIST_COL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RECORD_COL, QHeaderView.ResizeMode.ResizeToContents)
        self.advice_button = QPushButton(self.tr("Record agency &advice…"), self)
        self.advice_button.setObjectName("recordAdvice")
        self.decision_button = QPushButton(self.tr("Record artist's &decision…"), self)
        self.decision_button.setObjectName("recordDecision")
        self.clear_advice_button = QPushButton(self.tr("Clear advice"), self)
        self.clear_advice_button.setObjectName("clearAdvice")
        self.clear_decision_button = QPushButton(self.tr("Clear decision"), self)
        self.clear_decision_button.setObjectName("clearDecision")
        buttons = QHBoxLayout()
        for b in (self.advice_button, self.decision_button, self.clear_advice_button,
                  self.clear_decision_button):  # fmt: skip
            buttons.addWidget(b)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Answering the producer needs every artist's own decision; the agency's advice "
                "is recorded apart and never counts as a decision."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self.advice_button.clicked.connect(lambda: self.ask(advice=True))
        self.decision_button.clicked.connect(lambda: self.ask(advice=False))
        self.clear_advice_button.clicked.connect(lambda: self.record(None, advice=True))
        self.clear_decision_button.clicked.connect(lambda: self.record(None, advice=False))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.dialog: DecisionDialog | None = None

    def set_proposal(self, proposal: Proposal | None) -> None:
        row = max(0, self.table.currentRow())
        self.proposal = proposal
        artists = proposal.artists if proposal else ()
        self.table.setRowCount(len(artists))
        for n, a in enumerate(artists):
            self._set(n, ARTIST_COL, a.artist_name)
            asked = ", ".join(modality_label(m) for m in a.requested.modalities)
            self._set(n, ASKED_COL, asked or "—")
            rec = a.recommendation
            self._set(
                n,
                ADVICE_COL,
                self.tr("{what} — {who}, {when}").format(
                    what=advice_label(rec.recommendation),
                    who=rec.recommended_by,
                    when=when_text(rec.recommended_at),
                )
                if rec
                else self.tr("none recorded"),
                rec.note if rec else "",
            )
            dec = a.decision
            self._set(
                n,
                DECISION_COL,
                self.tr("{what} — {who}, {when}").format(
                    what=answer_label(dec.answer),
                    who=dec.decided_by,
                    when=when_text(dec.decided_at),
                )
                if dec
                else self.tr("not decided yet"),
                dec.note if dec else "",
            )
            self._set(n, RECORD_COL, f"#{a.consent_record_id}" if a.consent_record_id else "—")
        self.table.resizeRowsToContents()
        if artists:
            self.table.selectRow(min(row, len(artists) - 1))
        self._update_buttons()

    def _set(self, row: int, col: int, text: str, tooltip: str = "") -> None:
        item = QTableWidgetItem(text)
        if tooltip:
            item.setToolTip(tooltip)
        self.table.setItem(row, col, item)

    def current(self) -> ProposalArtist | None:
        row = self.table.currentRow()
        p = self.proposal
        return p.artists[row] if p is not None and 0 <= row < len(p.artists) else None

    def select_artist(self, artist_id: int) -> None:
        p = self.proposal
        for n, a in enumerate(p.artists if p else ()):
            if a.artist_id == artist_id:
                self.table.selectRow(n)

    def _update_buttons(self) -> None:
        a = self.current()
        live = a is not None and self.proposal is not None and self.proposal.status.is_open
        self.advice_button.setEnabled(live)
        self.decision_button.setEnabled(live)
        self.clear_advice_button.setEnabled(live and a is not None and a.recommendation is not None)
        self.clear_decision_button.setEnabled(live and a is not None and a.decision is not None)

    def ask(self, advice: bool) -> DecisionDialog | None:
        a = self.current()
        if a is None:
            return None
        by = self.ctx.db.actor if advice else a.artist_name
        dialog = DecisionDialog(self, a, advice, by)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.record(
                dialog.recommendation() if advice else dialog.decision(), advice=advice
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def record(
        self, value: ArtistDecisionOnProposal | AgencyRecommendation | None, advice: bool
    ) -> bool:
        a, p = self.current(), self.proposal
        if a is None or p is None:
            return False
        try:
            if advice:
                assert value is None or isinstance(value, AgencyRecommendation)
                command: RecordDecision | RecordRecommendation = RecordRecommendation.perform(
                    self.ctx.undo_stack, self.ctx.service, p, a.artist_id, value,
                    self._undone, self._failed,
                )  # fmt: skip
            else:
                assert value is None or isinstance(value, ArtistDecisionOnProposal)
                command = RecordDecision.perform(
                    self.ctx.undo_stack, self.ctx.service, p, a.artist_id, value,
                    self._undone, self._failed,
                )  # fmt: skip
        except UserError as e:
            self._failed(e)
            return False
        self.changed.emit(command.after)
        return True

    def _undone(self) -> None:
        if shiboken6.isValid(self):
            self.reload_wanted.emit()

    def _failed(self, error: UserError) -> None:
        show_error(self, error)
        if shiboken6.isValid(self):
            self.reload_wanted.emit()
