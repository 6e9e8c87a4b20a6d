"""Recording an artist's AI stance: a new, dated entry in the stance history, never consent.

The dialog lists the earlier entries, so the person sees what they are replacing; a stance
learned earlier can be back-dated (kept for good, not undoable — the dialog says so).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.clock import utc_now
from models.consent.stance import StanceEntry
from models.consent.validation import CLOCK_SLACK
from models.errors import FieldProblem
from models.roster.artist import Artist, Stance
from ui.consent.labels import when_text
from ui.consent.widgets import OptionalMoment, problem_label
from ui.i18n import problem_text
from ui.roster.labels import stance_icon, stance_label


@dataclass(frozen=True)
class StanceRequest:
    stance: Stance
    conditions: str
    effective_at: datetime | None  # None: from now


class StanceDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        artist: Artist,
        history: list[StanceEntry],
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stanceDialog")
        self._now = now or utc_now()
        self.setWindowTitle(self.tr("AI stance — {name}").format(name=artist.display_name))
        current = history[-1] if history else None
        self.stance_combo = QComboBox(self)
        self.stance_combo.setObjectName("stance")
        for s in Stance:
            self.stance_combo.addItem(stance_icon(s), stance_label(s), s.value)
        start = current.stance if current else artist.ai_stance
        self.stance_combo.setCurrentIndex(self.stance_combo.findData(start.value))
        self.conditions = QPlainTextEdit(self)
        self.conditions.setObjectName("conditions")
        self.conditions.setPlaceholderText(
            self.tr("The artist's standing conditions, e.g. voice only; no political content")
        )
        self.conditions.setTabChangesFocus(True)
        self.conditions.setFixedHeight(80)
        if current is not None:
            self.conditions.setPlainText(current.conditions)
        self.earlier = OptionalMoment(self, self.tr("learned earlier, effective from"))
        self.earlier.setObjectName("effective_at")
        self.problem_labels = {
            "conditions": problem_label(self, "conditions"),
            "effective_at": problem_label(self, "effective_at"),
        }
        note = QLabel(
            self.tr("A stance is not consent.")
            + " "
            + self.tr("Only a given consent record authorises a use."),
            self,
        )
        note.setObjectName("stanceNote")
        font = note.font()
        font.setItalic(True)
        note.setFont(font)
        note.setWordWrap(True)
        self.backdate_note = QLabel(
            self.tr(
                "A back-dated stance is kept in the history for good and cannot be undone; "
                "a stance effective now can be undone (the previous stance is recorded again)."
            ),
            self,
        )
        self.backdate_note.setWordWrap(True)
        self.backdate_note.setEnabled(False)

        self.history = QTableWidget(len(history), 4, self)
        self.history.setObjectName("stanceHistory")
        self.history.setHorizontalHeaderLabels(
            [self.tr("Effective"), self.tr("Stance"), self.tr("Conditions"), self.tr("Recorded")]
        )
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, e in enumerate(reversed(history)):
            cells = [
                QTableWidgetItem(when_text(e.effective_at)),
                QTableWidgetItem(stance_icon(e.stance), stance_label(e.stance)),
                QTableWidgetItem(e.conditions or "—"),
                QTableWidgetItem(
                    self.tr("{who}, {when}").format(
                        who=e.recorded_by, when=when_text(e.recorded_at)
                    )
                ),
            ]
            cells[2].setToolTip(e.conditions)
            for col, item in enumerate(cells):
                self.history.setItem(row, col, item)
        self.history.resizeColumnToContents(0)
        self.history.resizeColumnToContents(1)
        self.history.resizeColumnToContents(3)
        self.history.setMinimumHeight(120)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setText(self.tr("Record stance"))
        self.buttons.accepted.connect(self._accept_when_valid)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Stance"), self.stance_combo)
        form.addRow(self.tr("Conditions"), self.conditions)
        form.addRow("", self.problem_labels["conditions"])
        form.addRow(self.tr("When"), self.earlier)
        form.addRow("", self.problem_labels["effective_at"])
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.backdate_note)
        layout.addWidget(QLabel(self.tr("Earlier entries (newest first)"), self))
        layout.addWidget(self.history, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 520)
        self.stance_combo.currentIndexChanged.connect(lambda _i: self.revalidate())
        self.conditions.textChanged.connect(self.revalidate)
        self.earlier.changed.connect(self.revalidate)
        self.revalidate()

    def request(self) -> StanceRequest:
        return StanceRequest(
            Stance(self.stance_combo.currentData()),
            self.conditions.toPlainText().strip(),
            self.earlier.value(),
        )

    def problems(self) -> list[FieldProblem]:
        """The same rules as StanceService.record, shown before saving."""
        req = self.request()
        out: list[FieldProblem] = []
        if req.stance == Stance.OPTED_IN_WITH_CONDITIONS and not req.conditions:
            out.append(FieldProblem("conditions", "problem.write_down_the_artist_s_conditions"))
        if req.effective_at is not None and req.effective_at > self._now + CLOCK_SLACK:
            out.append(FieldProblem("effective_at", "problem.is_in_the_future"))
        return out

    def revalidate(self) -> None:
        problems = self.problems()
        fields = {p.field: problem_text(p) for p in problems}
        for field, label in self.problem_labels.items():
            label.setText(fields.get(field, ""))
            label.setVisible(field in fields)
        self.ok_button.setEnabled(not problems)

    def _accept_when_valid(self) -> None:
        self.revalidate()
        if self.ok_button.isEnabled():
            self.accept()
