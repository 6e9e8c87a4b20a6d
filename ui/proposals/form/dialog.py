"""The proposal form: who sent it, when it must be answered, what it asks of which artists.

Validation is the service's own (`ProposalService.validate`), run as the person types, so the
form and the service agree; Save stays disabled until nothing is wrong. The dialog produces a
`ProposalDraft`; the view saves it (a new proposal, or an undoable edit).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.errors import FieldProblem
from models.parties.service import CounterpartyService
from models.proposals.service import ProposalService
from models.proposals.values import Proposal, ProposalDraft
from models.roster.service import RosterService
from ui.consent.form.parties import PartyAdding, PartyDialog
from ui.consent.form.pickers import Choice, SearchPicker
from ui.consent.widgets import DATE_FORMAT, PROBLEM_STYLE, OptionalDate, problem_label, to_qdate
from ui.i18n import problem_text
from ui.proposals.form.artists import RequestedArtists
from ui.proposals.form.sessions import ScanSessions

VALIDATE_DELAY_MS = 150
ARTIST_FIELDS = ("artists", "term_end", "fee_amount", "fee_currency", "media", "territories",
                 "roles")  # fmt: skip
MAIN_FIELDS = ("counterparty_id", "project_id", "received_on", "respond_by", "contact",
               "description", "labelling_plan", "notes")  # fmt: skip


class ProposalDialog(QDialog):
    """A new proposal (`proposal` None) or an edit of an open one; `draft()` once accepted."""

    def __init__(
        self,
        parent: QWidget | None,
        service: ProposalService,
        parties: CounterpartyService,
        roster: RosterService,
        proposal: Proposal | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("proposalDialog")
        self.service = service
        self.parties = parties
        self.proposal = proposal
        self._projects_of: int | None = -1
        self._problems: list[FieldProblem] = []
        self.adding = PartyAdding(
            self,
            parties,
            undo_stack,
            lambda cp: self._load_parties(select=cp),
            lambda cp, p: self._on_counterparty(cp, select=p),
        )
        if proposal is None:
            self.setWindowTitle(self.tr("New proposal"))
        else:
            self.setWindowTitle(self.tr("Proposal #{id}").format(id=proposal.id))
        self._build(roster)
        self._load_parties(select=proposal.counterparty_id if proposal else None)
        if proposal is not None:
            self._fill(proposal)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(VALIDATE_DELAY_MS)
        self._debounce.timeout.connect(self.revalidate)
        self._connect_edits()
        self.revalidate()

    # -- building ------------------------------------------------------------------------------
    def _build(self, roster: RosterService) -> None:
        search = self.tr("Find: 中文 / pinyin")
        self.counterparty = SearchPicker(self, search)
        self.counterparty.setObjectName("proposalCounterparty")
        self.project = SearchPicker(self, search)
        self.project.setObjectName("proposalProject")
        self.new_counterparty = QPushButton(self.tr("New…"), self)
        self.new_counterparty.setObjectName("newCounterparty")
        self.new_project = QPushButton(self.tr("New…"), self)
        self.new_project.setObjectName("newProject")
        self.contact = QLineEdit(self)
        self.contact.setObjectName("contact")
        self.contact.setPlaceholderText(self.tr("Who sent it, e.g. Zhang Wei <producer@…>"))
        self.received = QDateEdit(self)
        self.received.setObjectName("receivedOn")
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat(DATE_FORMAT)
        self.received.setDate(QDate.currentDate())
        self.respond_by = OptionalDate(self, self.tr("answer by"))
        self.respond_by.setObjectName("respondBy")
        self.description = self._text("description", self.tr("What the production is about"))
        self.labelling = self._text(
            "labellingPlan", self.tr("How AI-made shots or voice will be labelled or disclosed")
        )
        self.training = QCheckBox(self.tr("Asks to train an AI model on the artist"), self)
        self.training.setObjectName("trainingRequested")
        self.retention = QCheckBox(self.tr("Asks to keep scans or models after the project"), self)
        self.retention.setObjectName("retentionRequested")
        self.sublicensing = QCheckBox(self.tr("Asks to sub-license to others"), self)
        self.sublicensing.setObjectName("sublicensingRequested")
        self.notes = self._text("notes", "")
        self.problems = {name: problem_label(self, name) for name in MAIN_FIELDS}

        main = QWidget(self)
        form = QFormLayout(main)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            self.tr("Counterparty"),
            self._with("counterparty_id", self.counterparty, self.new_counterparty),
        )
        form.addRow(self.tr("Project"), self._with("project_id", self.project, self.new_project))
        form.addRow(self.tr("Contact"), self._with("contact", self.contact))
        dates = QWidget(self)
        dates_row = QHBoxLayout(dates)
        dates_row.setContentsMargins(0, 0, 0, 0)
        dates_row.addWidget(QLabel(self.tr("received"), self))
        dates_row.addWidget(self._with("received_on", self.received))
        dates_row.addWidget(self._with("respond_by", self.respond_by), 1)
        form.addRow(self.tr("Dates"), dates)
        form.addRow(self.tr("Description"), self._with("description", self.description))
        form.addRow(self.tr("Labelling plan"), self._with("labelling_plan", self.labelling))
        asks = QWidget(self)
        asks_column = QVBoxLayout(asks)
        asks_column.setContentsMargins(0, 0, 0, 0)
        for box in (self.training, self.retention, self.sublicensing):
            asks_column.addWidget(box)
        form.addRow(self.tr("Also asks"), asks)
        form.addRow(self.tr("Notes"), self._with("notes", self.notes))

        self.artists = RequestedArtists(roster, self)
        self.sessions = ScanSessions(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("proposalTabs")
        self._tab_titles = [
            self.tr("&Proposal"),
            self.tr("Requested &artists"),
            self.tr("&Scan sessions"),
        ]
        for widget, title in zip(
            (main, self.artists, self.sessions), self._tab_titles, strict=True
        ):
            self.tabs.addTab(widget, title)
        self.summary = QLabel(self)
        self.summary.setObjectName("problemSummary")
        self.summary.setStyleSheet(PROBLEM_STYLE)
        self.summary.setWordWrap(True)
        self.effect_note = QLabel(self)
        self.effect_note.setObjectName("effectNote")
        self.effect_note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.buttons.accepted.connect(self._accept_when_valid)
        self.buttons.rejected.connect(self.reject)
        if self.proposal is None:
            self.ok_button.setText(self.tr("Log proposal"))
            self.effect_note.setText(
                self.tr(
                    "Logging keeps the proposal for good (nothing is deleted); if it was "
                    "logged by mistake, mark it withdrawn."
                )
            )
        else:
            self.ok_button.setText(self.tr("Save"))
            self.effect_note.setText(self.tr("Edit → Undo puts the terms back as they were."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.effect_note)
        layout.addWidget(self.buttons)
        self.resize(900, 640)
        self.counterparty.setFocus()

    def _text(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(56)
        return edit

    def _with(self, field: str, *widgets: QWidget) -> QWidget:
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
        column.addWidget(self.problems[field])
        return box

    def _connect_edits(self) -> None:
        start = self._debounce.start
        for edit in (self.contact,):
            edit.textChanged.connect(lambda _t: start())
        for text in (self.description, self.labelling, self.notes):
            text.textChanged.connect(start)
        for box in (self.training, self.retention, self.sublicensing):
            box.toggled.connect(lambda _b: start())
        self.received.dateChanged.connect(lambda _d: start())
        self.respond_by.changed.connect(start)
        self.counterparty.chosen.connect(self._on_counterparty)
        self.counterparty.chosen.connect(lambda _i: start())
        self.project.chosen.connect(lambda _i: start())
        self.artists.edited.connect(start)
        self.artists.edited.connect(lambda: self.sessions.set_artists(self.artists.names()))
        self.artists.list.currentRowChanged.connect(lambda _r: self.revalidate())
        self.sessions.edited.connect(start)
        self.new_counterparty.clicked.connect(self.add_counterparty)
        self.new_project.clicked.connect(self.add_project)

    # -- parties -------------------------------------------------------------------------------
    def _load_parties(self, select: int | None = None) -> None:
        cps = self.parties.counterparties()
        if select is not None and all(c.id != select for c in cps):
            cps.append(self.parties.get_counterparty(select))  # archived since, still shown
        self.counterparty.set_choices(
            [Choice(c.id, c.display_name, c.native_name, c.romanized_name) for c in cps], select
        )
        self.counterparty.search.clear()
        self._on_counterparty(self.counterparty.current_id(), force=True)

    def _on_counterparty(
        self, counterparty_id: int | None, select: int | None = None, force: bool = False
    ) -> None:
        if counterparty_id == self._projects_of and select is None and not force:
            return
        self._projects_of = counterparty_id
        choices: list[Choice] = []
        keep: int | None = None
        if counterparty_id is not None:
            projects = self.parties.projects(counterparty_id)
            p = self.proposal
            if p is not None and p.counterparty_id == counterparty_id:
                keep = p.project_id
                if all(x.id != keep for x in projects):
                    projects.append(self.parties.get_project(keep))
            elif projects:
                keep = projects[0].id
            choices = [
                Choice(x.id, x.display_title, x.title_native, x.title_romanized) for x in projects
            ]
        if select is not None:
            keep = select
        self.new_project.setEnabled(counterparty_id is not None)
        self.project.search.blockSignals(True)
        self.project.search.clear()
        self.project.search.blockSignals(False)
        self.project.proxy.set_needle("")
        self.project.set_choices(choices, keep)

    def add_counterparty(self) -> PartyDialog:
        return self.adding.add_counterparty()

    def add_project(self) -> PartyDialog | None:
        cp_id = self.counterparty.current_id()
        if cp_id is None:
            return None
        return self.adding.add_project(self.parties.get_counterparty(cp_id))

    # -- filling and reading -------------------------------------------------------------------
    def _fill(self, p: Proposal) -> None:
        self.contact.setText(p.contact)
        self.received.setDate(to_qdate(p.received_on))
        self.respond_by.set_value(p.respond_by)
        self.description.setPlainText(p.description)
        self.labelling.setPlainText(p.labelling_plan)
        self.training.setChecked(p.model_training_requested)
        self.retention.setChecked(p.retention_requested)
        self.sublicensing.setChecked(p.sublicensing_requested)
        self.notes.setPlainText(p.notes)
        self.artists.set_requests([(a.requested, a.artist_name) for a in p.artists])
        self.sessions.set_artists(self.artists.names())
        self.sessions.set_sessions(p.scan_sessions)

    def received_on(self) -> date:
        d = self.received.date()
        return date(d.year(), d.month(), d.day())

    def draft(self) -> ProposalDraft:
        return ProposalDraft(
            counterparty_id=self.counterparty.current_id() or 0,
            project_id=self.project.current_id() or 0,
            received_on=self.received_on(),
            respond_by=self.respond_by.value(),
            contact=self.contact.text(),
            description=self.description.toPlainText(),
            labelling_plan=self.labelling.toPlainText(),
            model_training_requested=self.training.isChecked(),
            retention_requested=self.retention.isChecked(),
            sublicensing_requested=self.sublicensing.isChecked(),
            scan_sessions=self.sessions.sessions(),
            artists=self.artists.requests(),
            notes=self.notes.toPlainText(),
        )

    # -- validation ----------------------------------------------------------------------------
    def problems_found(self) -> list[FieldProblem]:
        found: list[FieldProblem] = []
        if self.counterparty.current_id() is None:
            found.append(FieldProblem("counterparty_id", "problem.choose_the_counterparty"))
        if self.project.current_id() is None:
            found.append(FieldProblem("project_id", "problem.choose_the_project"))
        fee = self.artists.fee_problem()
        if fee is not None:
            found.append(FieldProblem("fee_amount", fee[1], fee[0]))
        if found:
            if not self.artists.requests():
                found.append(FieldProblem("artists", "problem.name_at_least_one_requested_artist"))
            return found
        return self.service.validate(self.draft())

    def revalidate(self) -> None:
        self._debounce.stop()
        self._problems = self.problems_found()
        main: dict[str, list[str]] = {}
        artist_rows: list[tuple[str, str, int | None]] = []
        sessions: list[str] = []
        for p in self._problems:
            text = problem_text(p)
            if p.field == "scan_sessions":
                sessions.append(self.tr("session {n}: {message}").format(n=p.row, message=text))
            elif p.field in ARTIST_FIELDS and p.row is not None:
                artist_rows.append((p.field, text, p.row))
            elif p.field in self.problems:
                main.setdefault(p.field, []).append(text)
        for field, label in self.problems.items():
            label.setText("; ".join(main.get(field, [])))
            label.setVisible(field in main)
        self.artists.show_problems(artist_rows)
        self.sessions.show_problems(sessions)
        per_tab = [bool(main), bool(artist_rows), bool(sessions)]
        for i, title in enumerate(self._tab_titles):
            self.tabs.setTabText(i, f"{title}  ⚠" if per_tab[i] else title)
        if self._problems:
            first = self._problems[0]
            where = f" ({first.row})" if first.row is not None else ""
            self.summary.setText(
                self.tr(
                    "%n thing(s) to fix before saving — first: {field}{where}: {message}",
                    "",
                    len(self._problems),
                ).format(
                    field=self.field_label(first.field),
                    where=where,
                    message=problem_text(first),
                )
            )
        else:
            self.summary.setText("")
        self.summary.setVisible(bool(self._problems))
        self.ok_button.setEnabled(not self._problems)

    def field_label(self, field: str) -> str:
        return {
            "counterparty_id": self.tr("Counterparty"),
            "project_id": self.tr("Project"),
            "received_on": self.tr("Received"),
            "respond_by": self.tr("Answer by"),
            "contact": self.tr("Contact"),
            "description": self.tr("Description"),
            "labelling_plan": self.tr("Labelling plan"),
            "notes": self.tr("Notes"),
            "artists": self.tr("Requested artists"),
            "term_end": self.tr("Term"),
            "fee_amount": self.tr("Fee"),
            "fee_currency": self.tr("Currency"),
            "media": self.tr("Media"),
            "territories": self.tr("Territories"),
            "roles": self.tr("Roles"),
            "scan_sessions": self.tr("Scan sessions"),
        }.get(field, field)

    def _accept_when_valid(self) -> None:
        self.revalidate()
        if self.ok_button.isEnabled():
            self.accept()
