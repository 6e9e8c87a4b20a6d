"""ConsentService: record, decide, revoke and amend consent records, with evidence.

Each public method is one transaction that also appends its audit event(s). Given records are
immutable: `amend` makes a new version, which supersedes the old one once it is given itself.
Nothing is ever deleted. Every write takes the `row_version` the caller last saw and refuses
a stale save (`ConflictError`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from models.clock import utc_now
from models.consent import evidence as ev
from models.consent import queries
from models.consent.form_save import FormSave, FormSaved, save_form
from models.consent.lifecycle import INITIAL, STATUS_LABELS, check_transition
from models.consent.row_values import draft_values, record_snapshot
from models.consent.steps import RecordSteps
from models.consent.tables import ConsentRecordRow
from models.consent.validation import decision_problems, draft_problems, revocation_problems
from models.consent.values import (
    DRAFT_FIELDS,
    AgencyRecommendation,
    ArtistDecision,
    ConsentDraft,
    ConsentRecord,
    DecisionOutcome,
    Evidence,
    Revocation,
)
from models.consent.words import ConsentStatus
from models.dates.zones import artist_zone, day_end, day_start
from models.errors import FieldProblem, UserError, ValidationError
from models.messages import phrase
from models.storage.database import Database


class ConsentService:
    """The only way the GUI, the CLI and other features change consent records."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock
        self.steps = RecordSteps(db, clock)  # the changes inside one transaction

    # -- reading -------------------------------------------------------------------------------
    def get(self, record_id: int) -> ConsentRecord:
        with self.db.read() as s:
            return queries.load_records(s, [queries.record_row(s, record_id)])[0]

    def get_many(self, record_ids: Sequence[int]) -> dict[int, ConsentRecord]:
        with self.db.read() as s:
            rows = [
                r
                for i in range(0, len(record_ids), 500)
                for r in s.scalars(
                    select(ConsentRecordRow).where(
                        ConsentRecordRow.id.in_(list(record_ids[i : i + 500]))
                    )
                )
            ]
            return {r.id: r for r in queries.load_records(s, rows)}

    def records_for_artist(
        self, artist_id: int, include_history: bool = False
    ) -> list[ConsentRecord]:
        """The artist's records as a list shows them (or every version), oldest first.

        Without history: every version except superseded ones and refused amendments — so a
        given record shows together with an amendment still waiting for the artist, and a
        refused amendment does not hide the version still in force.
        """
        with self.db.read() as s:
            queries.artist_row(s, artist_id)
            rows = list(
                s.scalars(
                    select(ConsentRecordRow)
                    .where(ConsentRecordRow.artist_id == artist_id)
                    .order_by(ConsentRecordRow.id)
                )
            )
            if not include_history:
                rows = [
                    r
                    for r in rows
                    if r.status != ConsentStatus.SUPERSEDED.value
                    and not (
                        r.status == ConsentStatus.REFUSED.value and r.supersedes_id is not None
                    )
                ]
            return queries.load_records(s, rows)

    def history(self, record_id: int) -> list[ConsentRecord]:
        """Every version of the record's lineage, version 1 first (pair them for `diff`)."""
        with self.db.read() as s:
            row = queries.record_row(s, record_id)
            rows = s.scalars(
                select(ConsentRecordRow)
                .where(ConsentRecordRow.lineage_id == (row.lineage_id or row.id))
                .order_by(ConsentRecordRow.version, ConsentRecordRow.id)
            ).all()
            return queries.load_records(s, rows)

    def validate(
        self,
        draft: ConsentDraft,
        decision: ArtistDecision | None = None,
        record_id: int | None = None,
        staged_evidence: int = 0,
    ) -> list[FieldProblem]:
        """Every problem the form should show, without saving anything.

        With a `decision`, also what recording it would require (e.g. evidence for `given`:
        the files already attached to `record_id` plus `staged_evidence` files about to be).
        """
        d = draft.normalized()
        with self.db.read() as s:
            problems = draft_problems(d, queries.parties(s, d, self.steps.on(decision)))
            if decision is not None:
                count = queries.evidence_count(s, record_id) if record_id is not None else 0
                problems += decision_problems(d, decision, count + staged_evidence, self.clock())
        return problems

    # -- creating and editing ------------------------------------------------------------------
    def create(
        self, draft: ConsentDraft, status: ConsentStatus = ConsentStatus.REQUESTED
    ) -> ConsentRecord:
        """A new record, `requested` (or `pending_artist` if already put to the artist)."""
        with self.db.write() as s:
            row = self.steps.create(s, draft, status)
            return queries.load_records(s, [row])[0]

    def edit(self, record_id: int, draft: ConsentDraft, expected_row_version: int) -> ConsentRecord:
        """Change the terms of a record nobody has decided on yet."""
        with self.db.write() as s:
            row = queries.record_row(s, record_id)
            queries.check_row_version(row, expected_row_version)
            status = ConsentStatus(row.status)
            if status not in (ConsentStatus.REQUESTED, ConsentStatus.PENDING_ARTIST):
                hint = (
                    phrase("error.consent.hint_amend_version")
                    if status == ConsentStatus.GIVEN
                    else ""
                )
                raise UserError(
                    "error.consent.consent_record_record_id_value",
                    record_id=record_id,
                    value=(status.value, STATUS_LABELS[status][1]),
                    hint=hint,
                )
            d = self.steps.checked(s, draft, row.artist_id)
            before = record_snapshot(row)
            for key, value in draft_values(d).items():
                setattr(row, key, value)
            self.steps.touch(s, row, "update", before)
            return queries.load_records(s, [row])[0]

    def amend(
        self,
        record_id: int,
        changes: Mapping[str, Any] | ConsentDraft,
        expected_row_version: int,
        status: ConsentStatus = ConsentStatus.PENDING_ARTIST,
    ) -> ConsentRecord:
        """A new version of a given record with `changes` (field names of `ConsentDraft`).

        The old version stays in force until the new one is given; then it is superseded.
        """
        with self.db.write() as s:
            old = queries.record_row(s, record_id)
            queries.check_row_version(old, expected_row_version)
            if ConsentStatus(old.status) != ConsentStatus.GIVEN:
                raise UserError(
                    "error.consent.only_given_amended",
                    record_id=record_id,
                    value=(old.status, STATUS_LABELS[ConsentStatus(old.status)][1]),
                    hint=phrase("error.consent.hint_edit_instead") if old.status in INITIAL else "",
                )
            pending = queries.open_successor(s, old.id)
            if pending is not None:
                raise UserError(
                    "error.consent.record_record_id_already_has", record_id=record_id, id=pending.id
                )
            base = queries.load_records(s, [old])[0].terms
            if isinstance(changes, ConsentDraft):
                new_terms = changes
            else:
                unknown = sorted(set(changes) - set(DRAFT_FIELDS))
                if unknown:
                    raise ValidationError(
                        [FieldProblem(k, "problem.is_not_a_term_of_a_consent") for k in unknown]
                    )
                new_terms = replace(base, **dict(changes))
            if new_terms.artist_id != old.artist_id:
                raise ValidationError(
                    [FieldProblem("artist_id", "problem.a_new_version_must_be_for_the")]
                )
            latest = s.scalar(
                select(func.max(ConsentRecordRow.version)).where(
                    ConsentRecordRow.lineage_id == old.lineage_id
                )
            )
            row = self.steps.create(
                s,
                new_terms,
                status,
                lineage_id=old.lineage_id,
                version=int(latest or old.version) + 1,
                supersedes_id=old.id,
                action="amend",
            )
            return queries.load_records(s, [row])[0]

    def save_form(self, request: FormSave) -> FormSaved:
        """Everything the consent form's Save asked for, in one transaction (form_save.py)."""
        return save_form(self, request)

    def save(self, record_id: int, draft: ConsentDraft, expected_row_version: int) -> ConsentRecord:
        """What the form's Save does: edit in place while undecided, otherwise amend."""
        current = self.get(record_id)
        if current.is_editable:
            return self.edit(record_id, draft, expected_row_version)
        return self.amend(record_id, draft, expected_row_version)

    # -- the lifecycle -------------------------------------------------------------------------
    def send_to_artist(self, record_id: int, expected_row_version: int) -> ConsentRecord:
        with self.db.write() as s:
            row = self.steps.locked(s, record_id, expected_row_version)
            self.steps.send(s, row)
            return queries.load_records(s, [row])[0]

    def record_decision(
        self, record_id: int, decision: ArtistDecision, expected_row_version: int
    ) -> ConsentRecord:
        """The artist (or guardian/estate) gave or refused consent: `given` needs evidence."""
        with self.db.write() as s:
            row = self.steps.locked(s, record_id, expected_row_version)
            self.steps.decide(s, row, decision)
            return queries.load_records(s, [row])[0]

    def record_recommendation(
        self, record_id: int, recommendation: AgencyRecommendation, expected_row_version: int
    ) -> ConsentRecord:
        """The agency's advice, kept apart from the artist's decision (before the decision)."""
        with self.db.write() as s:
            row = self.steps.locked(s, record_id, expected_row_version)
            if ConsentStatus(row.status) not in INITIAL:
                raise UserError(
                    "error.consent.record_record_id_status_recommendation",
                    record_id=record_id,
                    status=row.status,
                )
            self.steps.recommend(s, row, recommendation)
            return queries.load_records(s, [row])[0]

    def revoke(
        self,
        record_id: int,
        reason: str,
        revoked_at: datetime | date,
        expected_row_version: int,
        revoked_by: str = "",
    ) -> ConsentRecord:
        """Withdraw a given consent from `revoked_at` (a date means 00:00 that day, artist's
        time zone). The reason is required; the record is kept, marked revoked."""
        with self.db.write() as s:
            row = self.steps.locked(s, record_id, expected_row_version)
            check_transition(ConsentStatus(row.status), ConsentStatus.REVOKED, row.id)
            tz = artist_zone(queries.artist_row(s, row.artist_id).jurisdiction)
            when = revoked_at if isinstance(revoked_at, datetime) else day_start(revoked_at, tz)
            revocation = Revocation(when, revoked_by.strip() or self.db.actor, reason.strip())
            term_end = day_end(row.term_end, tz) if row.term_end else None
            problems = revocation_problems(revocation, row.decided_at, term_end)
            if problems:
                raise ValidationError(problems)
            before = record_snapshot(row)
            row.status = ConsentStatus.REVOKED.value
            row.revoked_at = revocation.revoked_at
            row.revoked_by = revocation.revoked_by
            row.revocation_reason = revocation.reason
            row.revocation_recorded_at = self.clock()
            self.steps.touch(s, row, "revoke", before)
            return queries.load_records(s, [row])[0]

    def transition(
        self,
        record_id: int,
        target: ConsentStatus,
        expected_row_version: int,
        decision: ArtistDecision | None = None,
        reason: str = "",
        revoked_at: datetime | date | None = None,
    ) -> ConsentRecord:
        """Move a record to `target` through the one method that does it (for generic UIs)."""
        if target == ConsentStatus.PENDING_ARTIST:
            return self.send_to_artist(record_id, expected_row_version)
        if target in (ConsentStatus.GIVEN, ConsentStatus.REFUSED):
            with self.db.read() as s:
                check_transition(
                    ConsentStatus(queries.record_row(s, record_id).status), target, record_id
                )
            if decision is None:
                raise ValidationError(
                    [FieldProblem("decision", "problem.record_the_artist_s_decision")]
                )
            outcome = (
                DecisionOutcome.GIVEN if target == ConsentStatus.GIVEN else DecisionOutcome.REFUSED
            )
            if decision.outcome != outcome:
                decision = replace(decision, outcome=outcome)
            return self.record_decision(record_id, decision, expected_row_version)
        if target == ConsentStatus.REVOKED:
            return self.revoke(record_id, reason, revoked_at or self.clock(), expected_row_version)
        with self.db.read() as s:
            current = ConsentStatus(queries.record_row(s, record_id).status)
        check_transition(current, target, record_id)
        raise UserError("error.consent.record_superseded_when_its_new")

    # -- evidence ------------------------------------------------------------------------------
    def attach_evidence(self, record_id: int, file: ev.EvidenceFile) -> Evidence:
        """Copy the file into the store by SHA-256 and link it to the record."""
        with self.db.write() as s:
            row = queries.record_row(s, record_id)
            return ev.attach(s, self.db, row.id, file, self.clock())

    def verify_evidence(self, record_id: int) -> ev.EvidenceReport:
        """Hash the record's files again: a changed or missing file is reported (and flagged)."""
        with self.db.write() as s:
            queries.record_row(s, record_id)
            return ev.verify(s, self.db, record_id, self.clock())

    def record_signed(
        self,
        draft: ConsentDraft,
        files: Sequence[ev.EvidenceFile],
        decision: ArtistDecision,
        recommendation: AgencyRecommendation | None = None,
    ) -> ConsentRecord:
        """Journey 3 in one transaction: a signed agreement comes back, record it as decided."""
        with self.db.write() as s:
            row = self.steps.create(s, draft, ConsentStatus.PENDING_ARTIST)
            now = self.clock()
            for f in files:
                ev.attach(s, self.db, row.id, f, now)
            if recommendation is not None:
                self.steps.recommend(s, row, recommendation)
            self.steps.decide(s, row, decision)
            return queries.load_records(s, [row])[0]


def status_now(record: ConsentRecord, now: datetime | None = None) -> ConsentStatus:
    """The status to show today (derived: a given record past its term shows as expired)."""
    when = now or utc_now()
    return record.status_at(when)


__all__ = ["ConsentService", "status_now"]
