"""The artist form: every field, with the reasons a value cannot be saved shown beside it.

The dialog only produces an `ArtistDraft`; saving (and undo) is the roster view's business,
so the same form serves adding and editing. Validation is the models' own
`ArtistDraft.problems()`, run on every keystroke, so the form and an import agree on what is
valid; Save stays disabled until nothing is wrong.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.clock import today as clock_today
from models.dates import DateFormatError, parse_date
from models.errors import FieldProblem
from models.messages import Text
from models.names import has_han, romanize
from models.roster.artist import AGE_OF_MAJORITY, Artist, ArtistDraft, Stance, age_on
from ui.i18n import problem_text
from ui.roster.labels import stance_icon, stance_label

JURISDICTIONS = (
    "CN", "HK", "MO", "TW", "SG", "MY", "JP", "KR", "TH", "AU", "GB", "IE", "FR", "DE",
    "ES", "IT", "SE", "CA", "US-CA", "US-NY", "US-IL", "US-GA", "US-TX", "US-WA",
)  # fmt: skip
LIST_SPLIT = re.compile(r"[;；、]")
PROBLEM_STYLE = "color: #b03a2e;"


def split_list(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in LIST_SPLIT.split(text) if p.strip())


class ArtistDialog(QDialog):
    """Add or edit one artist; `draft()` is the result once accepted."""

    FIELDS = (
        "native_name", "romanized_name", "stage_name", "date_of_birth", "deceased_on",
        "estate_contact", "guardian", "union", "jurisdiction", "agent", "contact", "notes",
    )  # fmt: skip

    def __init__(
        self,
        parent: QWidget | None = None,
        artist: Artist | None = None,
        on: date | None = None,
        aliases: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self._aliases = aliases
        self.setObjectName("artistDialog")
        self.artist = artist
        self._on = on or clock_today()
        self._touched: set[str] = set(self.FIELDS) if artist is not None else set()
        self._date_errors: dict[str, Text] = {}
        self._problem_labels: dict[str, QLabel] = {}
        self.is_minor = False
        self.setWindowTitle(
            self.tr("Edit {name}").format(name=artist.display_name)
            if artist is not None
            else self.tr("Add artist")
        )
        self._build()
        if artist is not None:
            self._fill(artist)
        self._wire()
        self._revalidate()

    # -- building ------------------------------------------------------------------------
    def _line(self, field: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t, f=field: self._touch(f))
        return edit

    def _problem_label(self, field: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"problem_{field}")
        label.setStyleSheet(PROBLEM_STYLE)
        label.setWordWrap(True)
        label.hide()
        self._problem_labels[field] = label
        return label

    def _with_problem(self, field: str, *widgets: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if len(widgets) == 1:
            column.addWidget(widgets[0])
        else:
            row = QHBoxLayout()
            row.setSpacing(8)
            for w in widgets:
                row.addWidget(w)
            row.setStretch(0, 1)
            column.addLayout(row)
        column.addWidget(self._problem_label(field))
        return box

    def _build(self) -> None:
        self.native_edit = self._line("native_name", self.tr("Required, e.g. 林晓"))
        self.romanized_edit = self._line("romanized_name")
        self.stage_edit = self._line("stage_name", self.tr("Separate several with ;"))
        self.aliases_edit = self._line(
            "aliases", self.tr("e.g. an official English name; separate several with ;")
        )
        self.aliases_edit.setToolTip(
            self.tr(
                "Latin spellings the agency knows are this artist's own: on leak day a list "
                "entry written exactly so names the artist without a confirmation."
            )
        )
        self.dob_edit = self._line("date_of_birth", self.tr("YYYY-MM-DD (optional)"))
        self.dob_edit.setClearButtonEnabled(True)
        self.age_hint = QLabel(self)
        self.age_hint.setObjectName("ageHint")
        self.age_hint.setMinimumWidth(110)
        self.deceased_edit = self._line("deceased_on", self.tr("YYYY-MM-DD (if deceased)"))
        self.deceased_edit.setClearButtonEnabled(True)
        self.estate_edit = self._line("estate_contact", self.tr("Who decides for the estate"))
        self.guardian_edit = self._line("guardian", self.tr("Name and phone of the guardian"))
        self.guardian_label = QLabel(self.tr("Guardian"), self)
        self.guardian_hint = QLabel(
            self.tr("Under {age}: every agreement goes through the guardian.").format(
                age=AGE_OF_MAJORITY
            ),
            self,
        )
        self.guardian_hint.setObjectName("guardianHint")
        self.guardian_hint.setStyleSheet("color: #b03a2e; font-weight: bold;")
        self.guardian_hint.setWordWrap(True)
        self.guardian_hint.hide()
        self.unions_edit = self._line("union", self.tr("e.g. SAG-AFTRA; Equity"))
        self.jurisdiction_combo = QComboBox(self)
        self.jurisdiction_combo.setObjectName("jurisdiction")
        self.jurisdiction_combo.setEditable(True)
        self.jurisdiction_combo.addItems(["", *JURISDICTIONS])
        self.jurisdiction_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.jurisdiction_combo.lineEdit()
        assert line is not None  # an editable combo always has one
        line.setPlaceholderText(self.tr("CN, US-CA, GB …"))
        line.textEdited.connect(lambda _t: self._touch("jurisdiction"))
        self.agent_edit = self._line("agent")
        self.contact_edit = self._line("contact", self.tr("Phone, e-mail or address"))
        self.stance_combo = QComboBox(self)
        self.stance_combo.setObjectName("ai_stance")
        for stance in Stance:
            self.stance_combo.addItem(stance_icon(stance), stance_label(stance), stance.value)
        self.stance_note = QLabel(self.tr("A stance is not consent."), self)
        self.stance_note.setObjectName("stanceNote")
        note_font = QFont(self.stance_note.font())
        note_font.setItalic(True)
        self.stance_note.setFont(note_font)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(72)
        self.notes_edit.textChanged.connect(lambda: self._touch("notes"))

        identity = QGroupBox(self.tr("Identity"), self)
        form = QFormLayout(identity)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Native name"), self._with_problem("native_name", self.native_edit))
        form.addRow(
            self.tr("Romanised name"), self._with_problem("romanized_name", self.romanized_edit)
        )
        form.addRow(self.tr("Stage names"), self._with_problem("stage_name", self.stage_edit))
        form.addRow(self.tr("Known Latin spellings / aliases"), self.aliases_edit)
        form.addRow(
            self.tr("Date of birth"),
            self._with_problem("date_of_birth", self.dob_edit, self.age_hint),
        )
        form.addRow(self.guardian_label, self._with_problem("guardian", self.guardian_edit))
        form.addRow("", self.guardian_hint)
        form.addRow(self.tr("Deceased on"), self._with_problem("deceased_on", self.deceased_edit))
        form.addRow(
            self.tr("Estate contact"), self._with_problem("estate_contact", self.estate_edit)
        )

        work = QGroupBox(self.tr("Representation"), self)
        form2 = QFormLayout(work)
        form2.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form2.addRow(
            self.tr("Jurisdiction"), self._with_problem("jurisdiction", self.jurisdiction_combo)
        )
        form2.addRow(self.tr("Unions"), self._with_problem("union", self.unions_edit))
        form2.addRow(self.tr("Agent"), self._with_problem("agent", self.agent_edit))
        form2.addRow(self.tr("Contact"), self._with_problem("contact", self.contact_edit))
        form2.addRow(self.tr("AI stance"), self.stance_combo)
        form2.addRow("", self.stance_note)

        notes_box = QGroupBox(self.tr("Notes"), self)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self._with_problem("notes", self.notes_edit))

        self.general_problem = self._problem_label("(other)")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setText(self.tr("Save") if self.artist else self.tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(identity, 1)
        columns.addWidget(work, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(notes_box)
        if self.artist is not None and self.artist.updated_by:
            changed = QLabel(
                self.tr("Last changed by {who} at {when} UTC").format(
                    who=self.artist.updated_by,
                    when=self.artist.updated_at_iso[:16].replace("T", " "),
                ),
                self,
            )
            changed.setObjectName("lastChanged")
            changed.setEnabled(False)
            layout.addWidget(changed)
        layout.addWidget(self.general_problem)
        layout.addWidget(self.buttons)

        order: list[QWidget] = [
            self.native_edit, self.romanized_edit, self.stage_edit, self.aliases_edit,
            self.dob_edit, self.guardian_edit, self.deceased_edit, self.estate_edit,
            self.jurisdiction_combo, self.unions_edit, self.agent_edit, self.contact_edit,
            self.stance_combo, self.notes_edit, self.buttons,
        ]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.native_edit.setFocus()
        self.setMinimumWidth(820)

    def _fill(self, a: Artist) -> None:
        self.native_edit.setText(a.native_name)
        self.romanized_edit.setText(a.romanized_name)
        self.stage_edit.setText("; ".join(a.stage_names))
        self.aliases_edit.setText("; ".join(self._aliases))
        self.dob_edit.setText(a.date_of_birth.isoformat() if a.date_of_birth else "")
        self.deceased_edit.setText(a.deceased_on.isoformat() if a.deceased_on else "")
        self.estate_edit.setText(a.estate_contact)
        self.guardian_edit.setText(a.guardian)
        self.unions_edit.setText("; ".join(a.unions))
        self.jurisdiction_combo.setEditText(a.jurisdiction)
        self.agent_edit.setText(a.agent)
        self.contact_edit.setText(a.contact)
        self.notes_edit.setPlainText(a.notes)
        self.stance_combo.setCurrentIndex(self.stance_combo.findData(a.ai_stance.value))

    def _wire(self) -> None:
        for edit in (
            self.native_edit, self.romanized_edit, self.stage_edit, self.dob_edit,
            self.deceased_edit, self.estate_edit, self.guardian_edit, self.unions_edit,
            self.agent_edit, self.contact_edit,
        ):  # fmt: skip
            edit.textChanged.connect(self._revalidate)
        self.jurisdiction_combo.currentTextChanged.connect(self._revalidate)
        self.notes_edit.textChanged.connect(self._revalidate)
        self.stance_combo.currentIndexChanged.connect(self._revalidate)

    # -- reading the form ------------------------------------------------------------------
    def _date(self, field: str, edit: QLineEdit) -> date | None:
        try:
            value = parse_date(edit.text())
        except DateFormatError as e:  # the one parser (models/dates) says why, by its code
            self._date_errors[field] = Text(e.code, **e.params)
            return None
        self._date_errors.pop(field, None)
        return value

    def aliases(self) -> tuple[str, ...]:
        """The known Latin spellings as typed (kept apart from the artist record)."""
        return split_list(self.aliases_edit.text())

    def draft(self) -> ArtistDraft:
        """The form as a draft (not yet normalised; the service does that when saving)."""
        stance = Stance(self.stance_combo.currentData() or Stance.NOT_ASKED.value)
        return ArtistDraft(
            native_name=self.native_edit.text(),
            romanized_name=self.romanized_edit.text(),
            stage_names=split_list(self.stage_edit.text()),
            date_of_birth=self._date("date_of_birth", self.dob_edit),
            deceased_on=self._date("deceased_on", self.deceased_edit),
            estate_contact=self.estate_edit.text(),
            guardian=self.guardian_edit.text(),
            unions=split_list(self.unions_edit.text()),
            jurisdiction=self.jurisdiction_combo.currentText(),
            agent=self.agent_edit.text(),
            contact=self.contact_edit.text(),
            notes=self.notes_edit.toPlainText(),
            ai_stance=stance,
            photo_sha256=self.artist.photo_sha256 if self.artist else None,
        )

    def problems(self) -> list[FieldProblem]:
        """Everything that stops saving right now (shown or not yet shown)."""
        draft = self.draft()
        found = [FieldProblem(f, m) for f, m in self._date_errors.items()]
        found += draft.normalized().problems(on=self._on)
        return found

    def problem_label(self, field: str) -> QLabel:
        return self._problem_labels[field]

    # -- live feedback ---------------------------------------------------------------------
    def _touch(self, field: str) -> None:
        if field not in self._touched:
            self._touched.add(field)
            self._revalidate()

    def _revalidate(self) -> None:
        problems = self.problems()
        messages: dict[str, list[str]] = {}
        for p in problems:
            field = p.field if p.field in self._problem_labels else "(other)"
            messages.setdefault(field, []).append(problem_text(p))
        for field, label in self._problem_labels.items():
            shown = field in messages and (field in self._touched or field == "(other)")
            label.setText("; ".join(messages.get(field, [])))
            label.setVisible(shown)
        self.ok_button.setEnabled(not problems)
        self._update_hints()

    def _update_hints(self) -> None:
        native = self.native_edit.text().strip()
        suggestion = romanize(native) if has_han(native) else native
        if suggestion:
            self.romanized_edit.setPlaceholderText(
                self.tr("{name} (from pinyin, used if left empty)").format(name=suggestion)
                if has_han(native)
                else suggestion
            )
        else:
            self.romanized_edit.setPlaceholderText(self.tr("Filled from pinyin if left empty"))
        born = self._date("date_of_birth", self.dob_edit)
        died = self._date("deceased_on", self.deceased_edit)
        minor = False
        if born is not None and born <= self._on:
            age = age_on(born, died or self._on)
            minor = died is None and age < AGE_OF_MAJORITY
            if died is not None:
                self.age_hint.setText(self.tr("aged {age} at death").format(age=age))
            elif minor:
                self.age_hint.setText(self.tr("age {age} · minor").format(age=age))
            else:
                self.age_hint.setText(self.tr("age {age}").format(age=age))
        else:
            self.age_hint.setText("")
        self.is_minor = minor
        font = QFont(self.guardian_label.font())
        font.setBold(minor)
        self.guardian_label.setFont(font)
        self.guardian_label.setStyleSheet("color: #b03a2e;" if minor else "")
        self.guardian_hint.setVisible(minor)
        self.age_hint.setStyleSheet("color: #b03a2e; font-weight: bold;" if minor else "")
        self.estate_edit.setEnabled(died is not None or bool(self.estate_edit.text()))


__all__ = ["ArtistDialog", "parse_date", "split_list"]
