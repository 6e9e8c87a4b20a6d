"""The consent form: every term of a record, its evidence, the agency's recommendation and the
artist's decision, with the reasons it cannot be saved shown beside each field.

Validation is the service's own (`ConsentService.validate`), run as the person types, so the
form and the service agree; Save stays disabled until nothing is wrong. The dialog only
produces a `FormSave` (models/consent/form_save.py); saving is ui/consent/form/saving.py's
business. Above the buttons a line says what saving will do — in particular when it cannot be
undone (a decision, an amendment).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.clock import utc_now
from models.consent.evidence import EvidenceReport
from models.consent.form_save import FormSave
from models.consent.service import ConsentService
from models.consent.values import (
    AgencyRecommendation,
    ArtistDecision,
    ConsentDraft,
    ConsentRecord,
    DecisionOutcome,
)
from models.consent.words import ConsentStatus
from models.errors import FieldProblem
from models.parties.service import CounterpartyService
from models.roster.artist import Artist
from ui.consent.form.effects import effect_of
from ui.consent.form.parties import PartyAdding, PartyDialog
from ui.consent.form.pickers import UNCHOSEN, Choice
from ui.consent.form.problem_places import ProblemPlaces
from ui.consent.form.sections import DecisionSection, ScopeSection, Section, TermsSection
from ui.consent.labels import (
    field_label,
    method_label,
    recommendation_label,
    status_label,
    when_text,
)
from ui.consent.widgets import PROBLEM_STYLE, problem_label
from ui.geometry import fit_to_screen
from ui.i18n import problem_text
from ui.tasks import TaskControl, run_task

VALIDATE_DELAY_MS = 120
ARTIST_FIELDS = ("guardian", "estate_contact", "artist_id")


class ConsentDialog(QDialog):
    """New record, edit of an undecided one, amendment of a given one; `result_value()`."""

    def __init__(
        self,
        parent: QWidget | None,
        consents: ConsentService,
        parties: CounterpartyService,
        artist: Artist,
        record: ConsentRecord | None = None,
        has_open_successor: bool = False,
        now: datetime | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self.consents = consents
        self.parties = parties
        self.artist = artist
        self.record = record
        self.undo_stack = undo_stack
        self.adding = PartyAdding(
            self,
            parties,
            undo_stack,
            lambda cp: self._load_parties(select=cp),
            lambda cp, p: self._on_counterparty(cp, select=p),
        )
        self._projects_of: int | None = -1
        self._now = now or utc_now()
        self._touched: set[str] = set() if record is None else {"modalities"}
        self._problems: list[FieldProblem] = []
        self._successor = has_open_successor
        status = record.status if record is not None else None
        self.terms_locked = record is not None and (
            status in (ConsentStatus.REFUSED, ConsentStatus.REVOKED, ConsentStatus.SUPERSEDED)
            or has_open_successor
        )
        if record is None:
            title = self.tr("New consent — {name}").format(name=artist.display_name)
        else:
            title = self.tr("Consent #{id}, version {v} — {name}").format(
                id=record.id, v=record.version, name=artist.display_name
            )
        self.setWindowTitle(title)
        self._build(consents.db.actor)
        self._load_parties()
        if record is not None:
            self._fill(record)
        self._lock()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(VALIDATE_DELAY_MS)
        self._debounce.timeout.connect(self.revalidate)
        for section in self.sections:
            section.edited.connect(self._debounce.start)
        self.scope.touched_modalities.connect(lambda: self._touch("modalities"))
        self.scope.counterparty.chosen.connect(self._on_counterparty)
        self.decision.outcome.currentIndexChanged.connect(self._suggest_decider)
        self.scope.new_counterparty.clicked.connect(self.add_counterparty)
        self.scope.new_project.clicked.connect(self.add_project)
        if record is not None and record.evidence:
            self._recheck(record.id)
        self.revalidate()

    # -- building ------------------------------------------------------------------------------
    def _scrolled(self, section: Section) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(section)
        return area

    def _build(self, desk_user: str) -> None:
        a = self.artist
        who = a.display_name
        if a.is_minor():
            who += "  " + self.tr("· minor — guardian: {g}").format(g=a.guardian or "—")
        if a.is_deceased:
            who += "  " + self.tr("· deceased — estate: {e}").format(e=a.estate_contact or "—")
        self.artist_label = QLabel(who, self)
        self.artist_label.setObjectName("formArtist")
        font = self.artist_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.artist_label.setFont(font)
        self.artist_problems = {f: problem_label(self, f) for f in ARTIST_FIELDS}
        self.mode_note = QLabel(self)
        self.mode_note.setObjectName("modeNote")
        self.mode_note.setWordWrap(True)
        self.mode_note.hide()

        self.scope = ScopeSection(self)
        self.terms = TermsSection(self)
        self.decision = DecisionSection(self, desk_user)
        self.sections: list[Section] = [self.scope, self.terms, self.decision]
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("consentTabs")
        self._tab_titles = [
            self.tr("&Scope and modalities"),
            self.tr("&Terms"),
            self.tr("&Evidence and decision"),
        ]
        for section, title in zip(self.sections, self._tab_titles, strict=True):
            self.tabs.addTab(self._scrolled(section), title)

        self.effect_note = QLabel(self)
        self.effect_note.setObjectName("effectNote")
        self.effect_note.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("problemSummary")
        self.summary.setStyleSheet(PROBLEM_STYLE)
        self.summary.setWordWrap(True)
        self.general_problem = problem_label(self, "(other)")
        self.places = ProblemPlaces(
            self.artist_problems, self.sections, self.general_problem, self.tabs, self._tab_titles
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.buttons.accepted.connect(self._accept_when_valid)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.artist_label)
        for label in self.artist_problems.values():
            layout.addWidget(label)
        layout.addWidget(self.mode_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_problem)
        layout.addWidget(self.summary)
        layout.addWidget(self.effect_note)
        layout.addWidget(self.buttons)
        self.setSizeGripEnabled(True)
        fit_to_screen(self, 960, 720)  # a 1024×700 screen gets a shorter form that scrolls
        self.scope.counterparty.setFocus()

    def _load_parties(self, select: int | None = None) -> None:
        cps = self.parties.counterparties()
        keep = select
        if keep is None and self.record is not None:
            keep = self.record.counterparty_id
        if keep is not None and all(c.id != keep for c in cps):
            cps.append(self.parties.get_counterparty(keep))  # archived since, still shown
        choices = [Choice(c.id, c.display_name, c.native_name, c.romanized_name) for c in cps]
        if keep is None:
            # A new record starts with nothing chosen: a hurried manager must pick the party
            # the agreement names, never inherit the first one in the list.
            choices.insert(0, Choice(UNCHOSEN, self.tr("— choose the counterparty —"), pinned=True))
            keep = UNCHOSEN
        self.scope.counterparty.set_choices(choices, keep)
        if not cps:
            self.scope.counterparty.search.setPlaceholderText(
                self.tr("No counterparties yet: New… adds one")
            )
        self.scope.counterparty.search.clear()
        self._on_counterparty(self.scope.counterparty.current_id(), force=True)

    def _on_counterparty(
        self, counterparty_id: int | None, select: int | None = None, force: bool = False
    ) -> None:
        """List the projects of the chosen counterparty (kept while it stays the same)."""
        if counterparty_id == self._projects_of and select is None and not force:
            return
        self._projects_of = counterparty_id
        choices = [Choice(None, self.tr("(any project of this counterparty)"), pinned=True)]
        keep: int | None = None
        if counterparty_id is None:  # nothing to choose from until the counterparty is known
            choices = [Choice(UNCHOSEN, self.tr("— choose the project —"), pinned=True)]
            keep = UNCHOSEN
        else:
            projects = self.parties.projects(counterparty_id)
            choices += [
                Choice(p.id, p.display_title, p.title_native, p.title_romanized) for p in projects
            ]
            if self.record is not None and self.record.counterparty_id == counterparty_id:
                keep = self.record.project_id
            else:  # chosen on purpose, like the counterparty ("any project" is a choice too)
                choices.insert(0, Choice(UNCHOSEN, self.tr("— choose the project —"), pinned=True))
                keep = UNCHOSEN
        if select is not None:
            keep = select
        self.scope.new_project.setEnabled(counterparty_id is not None)
        picker = self.scope.project
        picker.setEnabled(counterparty_id is not None)
        picker.search.blockSignals(True)
        picker.search.clear()
        picker.search.blockSignals(False)
        picker.proxy.set_needle("")
        picker.set_choices(choices, keep)

    def _fill(self, r: ConsentRecord) -> None:
        self.scope.fill(r.terms)
        self.terms.fill(r.terms)
        self.decision.evidence.set_existing(r.evidence)
        self.decision.sent.setChecked(r.status != ConsentStatus.REQUESTED)

    def _lock(self) -> None:
        """What may change depends on the record's status (given records are immutable)."""
        r = self.record
        d = self.decision
        if r is None:
            return
        if r.recommendation is not None:
            rec = r.recommendation
            d.lock_recommendation(
                self.tr("{what} — by {who}, {when}").format(
                    what=recommendation_label(rec.recommendation),
                    who=rec.recommended_by,
                    when=when_text(rec.recommended_at),
                )
            )
        elif not r.is_editable:
            d.lock_recommendation(self.tr("No recommendation was recorded before the decision."))
        if r.decision is not None:
            dec = r.decision
            what = self.tr("Given") if dec.outcome == DecisionOutcome.GIVEN else self.tr("Refused")
            d.lock_decision(
                self.tr("{what} — by {who}, {when} ({how})").format(
                    what=what,
                    who=dec.decided_by,
                    when=when_text(dec.decided_at),
                    how=method_label(dec.method),
                )
            )
        d.sent.setEnabled(r.status == ConsentStatus.REQUESTED)
        if r.status == ConsentStatus.GIVEN and not self._successor:
            self._note(
                self.tr(
                    "This consent was given and cannot change. Saving changed terms creates "
                    "version {n}, put to the artist; version {v} stays in force until the new "
                    "version is given."
                ).format(n=r.version + 1, v=r.version)
            )
        elif self._successor:
            self._note(
                self.tr(
                    "A newer version of this record is waiting for a decision: change that "
                    "one. Only evidence can be added here."
                )
            )
        elif self.terms_locked:
            self._note(
                self.tr(
                    "This record is {status}: its terms are final. Evidence can still be added."
                ).format(status=status_label(r.status).lower())
            )
        if self.terms_locked:
            self.scope.setEnabled(False)
            self.terms.setEnabled(False)
            d.lock_decision(d.decision_existing.text())
            d.lock_recommendation(d.recommendation_existing.text())
            d.sent.setEnabled(False)

    def _recheck(self, record_id: int) -> None:
        """Hash the stored files again: the list shows whether each still matches."""
        consents = self.consents

        def work(_control: TaskControl) -> EvidenceReport:
            return consents.verify_evidence(record_id)

        def done(report: EvidenceReport) -> None:
            if shiboken6.isValid(self):
                self.decision.evidence.set_report(report)

        run_task(self, work, done, label=self.tr("Re-checking evidence files…"))

    # -- new counterparties and projects -------------------------------------------------------
    def add_counterparty(self) -> PartyDialog:
        return self.adding.add_counterparty()

    def add_project(self) -> PartyDialog | None:
        cp_id = self.scope.counterparty.current_id()
        if cp_id is None:
            return None
        return self.adding.add_project(self.parties.get_counterparty(cp_id))

    def _note(self, text: str) -> None:
        self.mode_note.setText(text)
        self.mode_note.show()

    def _suggest_decider(self) -> None:
        d = self.decision
        if d.outcome.currentData() and not d.decided_by.text().strip():
            a = self.artist
            if a.is_minor() and a.guardian:
                d.decided_by.setText(a.guardian)
            elif a.is_deceased and a.estate_contact:
                d.decided_by.setText(a.estate_contact)
            else:
                d.decided_by.setText(a.display_name)

    # -- reading the form ----------------------------------------------------------------------
    def draft(self) -> ConsentDraft:
        values = {**self.scope.values(), **self.terms.values()}
        base = self.record.terms if self.record is not None else None
        if base is not None and self.terms_locked:
            return base
        draft = ConsentDraft(artist_id=self.artist.id, counterparty_id=values["counterparty_id"])
        return replace(draft, **values)

    def artist_decision(self) -> ArtistDecision | None:
        return self.decision.artist_decision()

    def agency_recommendation(self) -> AgencyRecommendation | None:
        return self.decision.agency_recommendation()

    def result_value(self) -> FormSave:
        sent = self.decision.sent
        return FormSave(
            record=self.record,
            draft=self.draft(),
            files=self.decision.evidence.pending_files(),
            decision=self.artist_decision(),
            recommendation=self.agency_recommendation(),
            send_to_artist=sent.isChecked() and sent.isEnabled(),
        )

    def amends(self) -> bool:
        return (
            self.record is not None
            and self.record.status == ConsentStatus.GIVEN
            and not self.terms_locked
            and self.draft().normalized() != self.record.terms.normalized()
        )

    # -- validation ----------------------------------------------------------------------------
    def problems(self) -> list[FieldProblem]:
        """Everything that stops saving right now."""
        if self.terms_locked:
            return []
        found: list[FieldProblem] = []
        _amount, amount_error = self.terms.amount_value()
        if amount_error:
            found.append(FieldProblem("compensation_amount", amount_error))
        if not self.scope.counterparty.has_choice():
            found.append(FieldProblem("counterparty_id", "problem.choose_the_counterparty"))
            return found
        if not self.scope.project.has_choice():
            found.append(FieldProblem("project_id", "problem.choose_the_project_or_any"))
            return found
        decision = self.artist_decision()
        evidence_of = None if self.amends() or self.record is None else self.record.id
        pending = bool(self.decision.evidence.pending_hashes())
        for p in self.consents.validate(self.draft(), decision, evidence_of):
            if p.field == "evidence" and pending:
                continue  # the files waiting in the list are stored before the decision
            found.append(p)
        rec = self.agency_recommendation()
        if rec is not None and not rec.recommended_by:
            found.append(FieldProblem("recommended_by", "problem.say_who_in_the_agency_recommends"))
        return found

    def _touch(self, field: str) -> None:
        if field not in self._touched:
            self._touched.add(field)
            self._debounce.start()

    def problem_label(self, field: str) -> QLabel:
        return self.places.label(field)

    def revalidate(self) -> None:
        self._debounce.stop()
        self._problems = self.problems()
        self.places.show(self._problems, self._touched)
        if self._problems:
            first = self._problems[0]
            text = self.tr(
                "%n thing(s) to fix before saving — first: {field}: {message}",
                "",
                len(self._problems),
            )
            self.summary.setText(
                text.format(
                    field=field_label(first.field),
                    message=problem_text(first),
                )
            )
        elif self.decision.evidence.busy:
            self.summary.setText(self.tr("Checking the new files…"))
        else:
            self.summary.setText("")
        self.summary.setVisible(bool(self.summary.text()))
        self._update_effect()
        ok = not self._problems and not self.decision.evidence.busy
        if self.terms_locked:
            ok = ok and bool(self.decision.evidence.pending_files())
        self.ok_button.setEnabled(ok)

    def _update_effect(self) -> None:
        button, text = effect_of(
            self.record,
            self.terms_locked,
            self.amends(),
            self.artist_decision(),
            len(self.decision.evidence.pending_files()),
        )
        self.ok_button.setText(button)
        self.effect_note.setText(text)

    def _accept_when_valid(self) -> None:
        self.revalidate()
        if self.ok_button.isEnabled():
            self.accept()


__all__ = ["ConsentDialog"]
