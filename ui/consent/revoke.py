"""Revoking a given consent: a reason and a date are required, and the dialog says plainly what
will happen — because the records cannot un-revoke, this is a confirmation, not an undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.clock import utc_now
from models.consent.validation import revocation_problems
from models.consent.values import ConsentRecord, Revocation
from models.dates.zones import day_end, day_start, local_day, zone
from models.errors import FieldProblem
from ui.consent.labels import zone_text
from ui.consent.widgets import DATE_FORMAT, from_qdate, problem_label, to_qdate
from ui.i18n import problem_text


@dataclass(frozen=True)
class RevocationRequest:
    reason: str
    effective: date  # from 00:00 that day in the artist's time zone
    revoked_by: str


class RevokeDialog(QDialog):
    def __init__(self, parent: QWidget | None, record: ConsentRecord) -> None:
        super().__init__(parent)
        self.setObjectName("revokeDialog")
        self.record = record
        self._tz = zone(record.zone)
        self.setWindowTitle(self.tr("Revoke consent #{id}").format(id=record.id))
        scope = QLabel(
            self.tr("{artist}\n{scope} · version {v}").format(
                artist=record.artist_name, scope=record.scope_label, v=record.version
            ),
            self,
        )
        font = scope.font()
        font.setBold(True)
        scope.setFont(font)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("revocation_reason")
        self.reason_edit.setPlaceholderText(self.tr("Required: why the consent is withdrawn"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(80)
        today = local_day(utc_now(), self._tz)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("revoked_at")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setDate(to_qdate(today))
        self.zone_label = QLabel(self)
        self.zone_label.setEnabled(False)
        self.by_edit = QLineEdit(self)
        self.by_edit.setObjectName("revoked_by")
        self.by_edit.setText(record.decision.decided_by if record.decision else record.artist_name)
        self.by_edit.setPlaceholderText(self.tr("Who withdrew the consent"))
        self.problems_labels = {
            "revocation_reason": problem_label(self, "revocation_reason"),
            "revoked_at": problem_label(self, "revoked_at"),
        }
        self.effect = QLabel(self)
        self.effect.setObjectName("revokeEffect")
        self.effect.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setText(self.tr("Revoke"))
        self.buttons.accepted.connect(self._accept_when_valid)
        self.buttons.rejected.connect(self.reject)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setDefault(True)

        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow("", self.problems_labels["revocation_reason"])
        form.addRow(self.tr("Revoked from"), self.date_edit)
        form.addRow("", self.zone_label)
        form.addRow("", self.problems_labels["revoked_at"])
        form.addRow(self.tr("Revoked by"), self.by_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(scope)
        layout.addLayout(form)
        layout.addWidget(self.effect)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.reason_edit.textChanged.connect(self.revalidate)
        self.date_edit.dateChanged.connect(lambda _d: self.revalidate())
        self.by_edit.textChanged.connect(lambda _t: self.revalidate())
        self.reason_edit.setFocus()
        self.revalidate()

    def request(self) -> RevocationRequest:
        return RevocationRequest(
            self.reason_edit.toPlainText().strip(),
            from_qdate(self.date_edit.date()),
            self.by_edit.text().strip(),
        )

    def set_date(self, day: date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def problems(self) -> list[FieldProblem]:
        req = self.request()
        start = day_start(req.effective, self._tz)
        r = self.record
        term_end = day_end(r.term_end, self._tz) if r.term_end else None
        decided = r.decision.decided_at if r.decision else None
        revocation = Revocation(start, req.revoked_by or "—", req.reason)
        return revocation_problems(revocation, decided, term_end)

    def revalidate(self) -> None:
        problems = self.problems()
        by_field: dict[str, list[str]] = {}
        for p in problems:
            field = p.field if p.field in self.problems_labels else "revoked_at"
            by_field.setdefault(field, []).append(problem_text(p))
        typed = bool(self.reason_edit.toPlainText())
        for field, label in self.problems_labels.items():
            label.setText("; ".join(by_field.get(field, [])))
            label.setVisible(field in by_field and (field != "revocation_reason" or typed))
        req = self.request()
        start = day_start(req.effective, self._tz)
        self.zone_label.setText(
            self.tr("from 00:00 on that day where the artist works ({zone}, {offset})").format(
                zone=self.record.zone, offset=zone_text(start.astimezone(self._tz))
            )
        )
        self.effect.setText(
            self.tr(
                "Consent #{id} will be marked revoked from {day}. The consent matrix shows it "
                "as revoked (red) from that moment; views as of an earlier time still show it "
                "as given. The record is kept. This cannot be undone: to authorise again, "
                "record a new consent."
            ).format(id=self.record.id, day=req.effective.isoformat())
        )
        self.ok_button.setEnabled(not problems)

    def _accept_when_valid(self) -> None:
        self.revalidate()
        if self.ok_button.isEnabled():
            self.accept()
