"""The parts of the consent form: scope, terms, and evidence with the two decisions.

Each section builds its widgets, fills them from a record's terms and reads them back as
`ConsentDraft` field values; the dialog (ui/consent/form.py) puts them together and validates.
Every field keeps a problem label beside it, found by the draft field's name.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.consent.values import (
    CONTENT_EXCLUSIONS,
    AgencyRecommendation,
    ArtistDecision,
    CompensationBasis,
    ConsentDraft,
    DecisionMethod,
    DecisionOutcome,
    Recommendation,
)
from models.consent.words import Modality, Use
from models.messages import Text
from ui.consent.form.evidence import EvidenceList
from ui.consent.form.pickers import SearchPicker
from ui.consent.labels import (
    basis_label,
    exclusion_label,
    method_label,
    modality_label,
    modality_tooltip,
    recommendation_label,
    use_label,
)
from ui.consent.widgets import MomentEdit, OptionalDate, OptionalMoment, problem_label
from ui.roster.dialog import split_list

CURRENCIES = ("CNY", "HKD", "TWD", "USD", "EUR", "GBP", "JPY", "KRW", "SGD", "AUD", "CAD")


class Section(QWidget):
    """Widgets of one part of the form, with a problem label per field."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem_labels: dict[str, QLabel] = {}

    def with_problem(self, field: str, *widgets: QWidget) -> QWidget:
        box = QWidget(self)
        # never taller than its content: spare room goes below the last field, not between
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        for i, w in enumerate(widgets):
            row.addWidget(w, 1 if i == 0 else 0)
        column.addLayout(row)
        label = problem_label(box, field)
        self.problem_labels[field] = label
        column.addWidget(label)
        return box

    def text_box(self, name: str, placeholder: str = "", height: int = 52) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(height)
        edit.textChanged.connect(self.edited.emit)
        return edit

    def line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _t: self.edited.emit())
        return edit

    def check(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(name)
        box.toggled.connect(lambda _b: self.edited.emit())
        return box


class ScopeSection(Section):
    """Who may use what: counterparty, project, modalities, uses, media, territories."""

    touched_modalities = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        search = self.tr("Find: 中文 / pinyin")
        self.counterparty = SearchPicker(self, search)
        self.counterparty.setObjectName("counterpartyPicker")
        self.project = SearchPicker(self, search)
        self.project.setObjectName("projectPicker")
        self.new_counterparty = QPushButton(self.tr("New…"), self)
        self.new_counterparty.setObjectName("newCounterparty")
        self.new_counterparty.setToolTip(self.tr("Add a counterparty the agreement names"))
        self.new_project = QPushButton(self.tr("New…"), self)
        self.new_project.setObjectName("newProject")
        self.new_project.setToolTip(self.tr("Add a project of the chosen counterparty"))
        self.modality_checks: dict[Modality, QCheckBox] = {}
        grid_box = QWidget(self)
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, m in enumerate(Modality):
            box = self.check(f"modality_{m.value}", modality_label(m))
            box.setToolTip(modality_tooltip(m))
            box.toggled.connect(lambda _b: self.touched_modalities.emit())
            self.modality_checks[m] = box
            grid.addWidget(box, i // 3, i % 3)
        self.use_checks: dict[Use, QCheckBox] = {}
        uses_box = QWidget(self)
        uses_row = QHBoxLayout(uses_box)
        uses_row.setContentsMargins(0, 0, 0, 0)
        for u in Use:
            box = self.check(f"use_{u.value}", use_label(u))
            self.use_checks[u] = box
            uses_row.addWidget(box)
        uses_row.addStretch(1)
        self.media = self.line("media", self.tr("e.g. cinema; streaming; games"))
        self.territories = self.line("territories", self.tr("e.g. CN; HK; WORLDWIDE"))
        self.specific_use = self.text_box(
            "specific_use_description", self.tr("What exactly the material will be used for")
        )
        self.signed_separately = self.check(
            "signed_separately", self.tr("AI terms signed separately from the main agreement")
        )

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # "*": required, chosen on purpose (a new record starts with nothing chosen)
        form.addRow(
            self.tr("Counterparty *"),
            self.with_problem("counterparty_id", self.counterparty, self.new_counterparty),
        )
        form.addRow(
            self.tr("Project *"), self.with_problem("project_id", self.project, self.new_project)
        )
        form.addRow(self.tr("Modalities"), self.with_problem("modalities", grid_box))
        form.addRow(self.tr("Uses"), self.with_problem("uses", uses_box))
        form.addRow(self.tr("Media"), self.with_problem("media", self.media))
        form.addRow(self.tr("Territories"), self.with_problem("territories", self.territories))
        form.addRow(
            self.tr("Specific use"),
            self.with_problem("specific_use_description", self.specific_use),
        )
        form.addRow("", self.signed_separately)
        self.counterparty.chosen.connect(lambda _i: self.edited.emit())
        self.project.chosen.connect(lambda _i: self.edited.emit())

    def fill(self, t: ConsentDraft) -> None:
        for m, box in self.modality_checks.items():
            box.setChecked(m in t.modalities)
        for u, box in self.use_checks.items():
            box.setChecked(u in t.uses)
        self.media.setText("; ".join(t.media))
        self.territories.setText("; ".join(t.territories))
        self.specific_use.setPlainText(t.specific_use_description)
        self.signed_separately.setChecked(t.signed_separately)

    def values(self) -> dict[str, Any]:
        return {
            "counterparty_id": self.counterparty.current_id() or 0,
            "project_id": self.project.current_id(),
            "modalities": tuple(m for m, b in self.modality_checks.items() if b.isChecked()),
            "uses": tuple(u for u, b in self.use_checks.items() if b.isChecked()),
            "media": split_list(self.media.text()),
            "territories": split_list(self.territories.text()),
            "specific_use_description": self.specific_use.toPlainText(),
            "signed_separately": self.signed_separately.isChecked(),
        }


class TermsSection(Section):
    """Term, money, exclusions, limits, data, revocation terms, representation, scan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.term_start = OptionalDate(self, self.tr("from"))
        self.term_start.setObjectName("term_start")
        self.term_end = OptionalDate(self, self.tr("until"))
        self.term_end.setObjectName("term_end")
        for w in (self.term_start, self.term_end):
            w.changed.connect(self.edited.emit)
        self.amount = self.line("compensation_amount", self.tr("e.g. 80000"))
        self.currency = QComboBox(self)
        self.currency.setObjectName("compensation_currency")
        self.currency.setEditable(True)
        self.currency.addItems(["", *CURRENCIES])
        self.currency.currentTextChanged.connect(lambda _t: self.edited.emit())
        self.basis = QComboBox(self)
        self.basis.setObjectName("compensation_basis")
        self.basis.addItem(self.tr("(basis)"), "")
        for b in CompensationBasis:
            self.basis.addItem(basis_label(b), b.value)
        self.basis.currentIndexChanged.connect(lambda _i: self.edited.emit())

        self.exclusion_checks: dict[str, QCheckBox] = {}
        excl_box = QWidget(self)
        excl = QGridLayout(excl_box)
        excl.setContentsMargins(0, 0, 0, 0)
        for i, key in enumerate(CONTENT_EXCLUSIONS):
            box = self.check(f"exclusion_{key}", exclusion_label(key))
            self.exclusion_checks[key] = box
            excl.addWidget(box, i // 5, i % 5)
        self.other_exclusions = self.line("other_exclusions", self.tr("Others, separated by ;"))
        excl.addWidget(self.other_exclusions, 2, 0, 1, 5)

        self.alteration = self.text_box(
            "alteration_limits", self.tr("e.g. no change of words spoken; no de-aging")
        )
        self.sublicensing = self.check("sublicensing_allowed", self.tr("Sub-licensing allowed"))
        self.retention = self.text_box(
            "data_retention", self.tr("How long scans and models are kept, and where")
        )
        self.deletion = self.check("deletion_on_end", self.tr("Data deleted when the term ends"))
        self.revocation_terms = self.text_box(
            "revocation_terms", self.tr("How the artist may withdraw, and what happens then")
        )
        self.counsel = self.check("counsel_represented", self.tr("Advised by counsel"))
        self.union = self.check("union_represented", self.tr("Union representation"))
        self.representative = self.line("representative", self.tr("Name of lawyer or union rep"))
        self.scan_session = OptionalMoment(self, self.tr("session"))
        self.scan_session.setObjectName("scan_session_at")
        self.scan_notice = OptionalMoment(self, self.tr("notice given"))
        self.scan_notice.setObjectName("scan_notice_at")
        for moment in (self.scan_session, self.scan_notice):
            moment.changed.connect(self.edited.emit)
        self.notes = self.text_box("notes")

        money = QWidget(self)
        money_row = QHBoxLayout(money)
        money_row.setContentsMargins(0, 0, 0, 0)
        money_row.addWidget(self.with_problem("compensation_amount", self.amount), 2)
        money_row.addWidget(self.with_problem("compensation_currency", self.currency), 1)
        money_row.addWidget(self.with_problem("compensation_basis", self.basis), 1)
        term = QWidget(self)
        term_row = QHBoxLayout(term)
        term_row.setContentsMargins(0, 0, 0, 0)
        term_row.addWidget(self.with_problem("term_start", self.term_start))
        term_row.addWidget(self.with_problem("term_end", self.term_end))
        data = QWidget(self)
        data_column = QVBoxLayout(data)
        data_column.setContentsMargins(0, 0, 0, 0)
        data_column.addWidget(self.with_problem("data_retention", self.retention))
        data_column.addWidget(self.deletion)
        rep = QWidget(self)
        rep_row = QHBoxLayout(rep)
        rep_row.setContentsMargins(0, 0, 0, 0)
        rep_row.addWidget(self.counsel)
        rep_row.addWidget(self.union)
        rep_row.addWidget(self.with_problem("representative", self.representative), 1)
        scan = QWidget(self)
        scan_row = QHBoxLayout(scan)
        scan_row.setContentsMargins(0, 0, 0, 0)
        scan_row.addWidget(self.with_problem("scan_session_at", self.scan_session))
        scan_row.addWidget(self.with_problem("scan_notice_at", self.scan_notice))

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Term"), term)
        form.addRow(self.tr("Compensation"), money)
        form.addRow(
            self.tr("Content exclusions"), self.with_problem("content_exclusions", excl_box)
        )
        form.addRow(
            self.tr("Alteration limits"), self.with_problem("alteration_limits", self.alteration)
        )
        form.addRow("", self.sublicensing)
        form.addRow(self.tr("Data retention"), data)
        form.addRow(
            self.tr("Revocation terms"),
            self.with_problem("revocation_terms", self.revocation_terms),
        )
        form.addRow(self.tr("Representation"), rep)
        form.addRow(self.tr("Scan"), scan)
        form.addRow(self.tr("Notes"), self.with_problem("notes", self.notes))

    def fill(self, t: ConsentDraft) -> None:
        self.term_start.set_value(t.term_start)
        self.term_end.set_value(t.term_end)
        self.amount.setText("" if t.compensation_amount is None else str(t.compensation_amount))
        self.currency.setEditText(t.compensation_currency)
        basis = t.compensation_basis.value if t.compensation_basis else ""
        self.basis.setCurrentIndex(max(0, self.basis.findData(basis)))
        for key, box in self.exclusion_checks.items():
            box.setChecked(key in t.content_exclusions)
        others = [e for e in t.content_exclusions if e not in self.exclusion_checks]
        self.other_exclusions.setText("; ".join(others))
        self.alteration.setPlainText(t.alteration_limits)
        self.sublicensing.setChecked(t.sublicensing_allowed)
        self.retention.setPlainText(t.data_retention)
        self.deletion.setChecked(t.deletion_on_end)
        self.revocation_terms.setPlainText(t.revocation_terms)
        self.counsel.setChecked(t.counsel_represented)
        self.union.setChecked(t.union_represented)
        self.representative.setText(t.representative)
        self.scan_session.set_value(t.scan_session_at)
        self.scan_notice.set_value(t.scan_notice_at)
        self.notes.setPlainText(t.notes)

    def amount_value(self) -> tuple[Decimal | None, str]:
        """The amount typed (None if empty) and, if it is not a number, why."""
        text = self.amount.text().strip().replace(",", "").replace("，", "")
        if not text:
            return None, ""
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None, Text("problem.is_not_an_amount_like", example=80000)
        return value, ""

    def values(self) -> dict[str, Any]:
        basis = self.basis.currentData()
        exclusions = [k for k, b in self.exclusion_checks.items() if b.isChecked()]
        exclusions += split_list(self.other_exclusions.text())
        return {
            "term_start": self.term_start.value(),
            "term_end": self.term_end.value(),
            "compensation_amount": self.amount_value()[0],
            "compensation_currency": self.currency.currentText(),
            "compensation_basis": CompensationBasis(basis) if basis else None,
            "content_exclusions": tuple(exclusions),
            "alteration_limits": self.alteration.toPlainText(),
            "sublicensing_allowed": self.sublicensing.isChecked(),
            "data_retention": self.retention.toPlainText(),
            "deletion_on_end": self.deletion.isChecked(),
            "revocation_terms": self.revocation_terms.toPlainText(),
            "counsel_represented": self.counsel.isChecked(),
            "union_represented": self.union.isChecked(),
            "representative": self.representative.text(),
            "scan_session_at": self.scan_session.value(),
            "scan_notice_at": self.scan_notice.value(),
            "notes": self.notes.toPlainText(),
        }


class DecisionSection(Section):
    """Evidence files, the agency's recommendation and the artist's own decision — apart."""

    def __init__(self, parent: QWidget | None = None, desk_user: str = "") -> None:
        super().__init__(parent)
        self.evidence = EvidenceList(self)
        self.evidence.changed.connect(self.edited.emit)
        self.sent = self.check("sent_to_artist", self.tr("Already put to the artist"))

        self.recommendation_group = QGroupBox(self.tr("Agency recommendation"), self)
        self.recommendation = QComboBox(self)
        self.recommendation.setObjectName("recommendation")
        self.recommendation.addItem(self.tr("(none recorded)"), "")
        for r in Recommendation:
            self.recommendation.addItem(recommendation_label(r), r.value)
        self.recommendation.currentIndexChanged.connect(self._on_recommendation)
        self.recommended_by = self.line("recommended_by", self.tr("Who in the agency"))
        self.recommended_by.setText(desk_user)
        self.recommended_at = MomentEdit(self)
        self.recommended_at.setObjectName("recommended_at")
        self.recommended_at.changed.connect(self.edited.emit)
        self.recommendation_note = self.line("recommendation_note")
        self.recommendation_existing = QLabel(self)
        self.recommendation_existing.setObjectName("recommendationExisting")
        self.recommendation_existing.setWordWrap(True)
        self.recommendation_existing.hide()
        rec_form = QFormLayout(self.recommendation_group)
        rec_form.addRow(self.recommendation_existing)
        rec_form.addRow(self.tr("Advice"), self.recommendation)
        rec_form.addRow(self.tr("By"), self.with_problem("recommended_by", self.recommended_by))
        rec_form.addRow(self.tr("When"), self.with_problem("recommended_at", self.recommended_at))
        rec_form.addRow(self.tr("Note"), self.recommendation_note)

        self.decision_group = QGroupBox(self.tr("Artist's decision"), self)
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcome")
        self.outcome.addItem(self.tr("Not decided yet"), "")
        self.outcome.addItem(self.tr("Given"), DecisionOutcome.GIVEN.value)
        self.outcome.addItem(self.tr("Refused"), DecisionOutcome.REFUSED.value)
        self.outcome.currentIndexChanged.connect(self._on_outcome)
        self.decided_by = self.line("decided_by", self.tr("The artist, guardian or estate"))
        self.decided_at = MomentEdit(self)
        self.decided_at.setObjectName("decided_at")
        self.decided_at.changed.connect(self.edited.emit)
        self.method = QComboBox(self)
        self.method.setObjectName("decision_method")
        for m in DecisionMethod:
            self.method.addItem(method_label(m), m.value)
        self.method.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.decision_note = self.line("decision_note")
        self.decision_existing = QLabel(self)
        self.decision_existing.setObjectName("decisionExisting")
        self.decision_existing.setWordWrap(True)
        self.decision_existing.hide()
        dec_form = QFormLayout(self.decision_group)
        dec_form.addRow(self.decision_existing)
        dec_form.addRow(self.tr("Decision"), self.with_problem("outcome", self.outcome))
        dec_form.addRow(self.tr("By"), self.with_problem("decided_by", self.decided_by))
        dec_form.addRow(self.tr("When"), self.with_problem("decided_at", self.decided_at))
        dec_form.addRow(self.tr("How"), self.method)
        dec_form.addRow(self.tr("Note"), self.decision_note)

        groups = QHBoxLayout()
        groups.addWidget(self.recommendation_group, 1)
        groups.addWidget(self.decision_group, 1)
        evidence_box = self.with_problem("evidence", self.evidence)
        evidence_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Evidence files"), self))
        layout.addWidget(evidence_box, 1)
        layout.addWidget(self.sent)
        layout.addLayout(groups)
        self._on_recommendation()
        self._on_outcome()

    def _on_recommendation(self) -> None:
        chosen = bool(self.recommendation.currentData())
        for w in (self.recommended_by, self.recommended_at, self.recommendation_note):
            w.setEnabled(chosen and self.recommendation.isEnabled())
        self.edited.emit()

    def _on_outcome(self) -> None:
        chosen = bool(self.outcome.currentData())
        for w in (self.decided_by, self.decided_at, self.method, self.decision_note):
            w.setEnabled(chosen and self.outcome.isEnabled())
        self.edited.emit()

    def lock_recommendation(self, text: str) -> None:
        """A recommendation is recorded already (or can no longer be): show it, read-only."""
        self.recommendation_existing.setText(text)
        self.recommendation_existing.setVisible(bool(text))
        self.recommendation.setCurrentIndex(0)
        self.recommendation.setEnabled(False)
        self._on_recommendation()

    def lock_decision(self, text: str) -> None:
        self.decision_existing.setText(text)
        self.decision_existing.setVisible(bool(text))
        self.outcome.setCurrentIndex(0)
        self.outcome.setEnabled(False)
        self._on_outcome()

    def unlock(self) -> None:
        self.recommendation.setEnabled(True)
        self.outcome.setEnabled(True)
        self._on_recommendation()
        self._on_outcome()

    def artist_decision(self) -> ArtistDecision | None:
        """The artist's decision as entered, or None while no outcome is chosen."""
        outcome = self.outcome.currentData()
        if not outcome or not self.outcome.isEnabled():
            return None
        return ArtistDecision(
            DecisionOutcome(outcome),
            self.decided_by.text().strip(),
            self.decided_at.value(),
            DecisionMethod(self.method.currentData()),
            self.decision_note.text().strip(),
        )

    def agency_recommendation(self) -> AgencyRecommendation | None:
        """The agency's advice as entered, or None while none is chosen."""
        what = self.recommendation.currentData()
        if not what or not self.recommendation.isEnabled():
            return None
        return AgencyRecommendation(
            Recommendation(what),
            self.recommended_by.text().strip(),
            self.recommended_at.value(),
            self.recommendation_note.text().strip(),
        )
