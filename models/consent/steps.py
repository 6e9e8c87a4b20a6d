"""The steps of consent work inside one open transaction (`ConsentService.steps`).

Each public `ConsentService` method opens one write transaction and combines these steps, so
a composite action (record a signed agreement: create, attach, decide) is still one commit.
Each step takes the caller's session, validates, changes the row and appends its audit event.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from models.audit.chain import append_event
from models.clock import utc_now
from models.consent import queries
from models.consent.lifecycle import INITIAL, check_transition
from models.consent.row_values import draft_values, record_snapshot, row_draft
from models.consent.tables import ConsentRecordRow
from models.consent.validation import decision_problems, draft_problems
from models.consent.values import (
    AgencyRecommendation,
    ArtistDecision,
    ConsentDraft,
    DecisionOutcome,
)
from models.consent.words import ConsentStatus
from models.errors import FieldProblem, UserError, ValidationError
from models.storage.database import Database

ENTITY = "consent_record"


class RecordSteps:
    """Validated, audited changes to consent rows in the caller's session."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock

    def on(self, decision: ArtistDecision | None) -> date:
        return (decision.decided_at if decision else self.clock()).date()

    def checked(
        self, s: Session, draft: ConsentDraft, artist_id: int | None = None, on: date | None = None
    ) -> ConsentDraft:
        d = draft.normalized()
        if artist_id is not None and d.artist_id != artist_id:
            raise ValidationError(
                [FieldProblem("artist_id", "problem.a_consent_record_cannot_move_to_another")]
            )
        problems = draft_problems(d, queries.parties(s, d, on or self.clock().date()))
        if problems:
            raise ValidationError(problems)
        return d

    def create(
        self,
        s: Session,
        draft: ConsentDraft,
        status: ConsentStatus,
        lineage_id: int | None = None,
        version: int = 1,
        supersedes_id: int | None = None,
        action: str = "create",
    ) -> ConsentRecordRow:
        if status not in INITIAL:
            raise UserError("error.consent.steps.new_consent_record_starts_as", status=status)
        d = self.checked(s, draft)
        now = self.clock()
        row = ConsentRecordRow(
            **draft_values(d),
            status=status.value,
            lineage_id=lineage_id,
            version=version,
            supersedes_id=supersedes_id,
            pending_at=now if status == ConsentStatus.PENDING_ARTIST else None,
            created_at=now,
            created_by=self.db.actor,
            updated_at=now,
            updated_by=self.db.actor,
            row_version=1,
        )
        s.add(row)
        s.flush()
        if row.lineage_id is None:
            row.lineage_id = row.id
            s.flush()
        append_event(s, self.db.actor, ENTITY, row.id, action, None, record_snapshot(row))
        return row

    def locked(self, s: Session, record_id: int, expected_row_version: int) -> ConsentRecordRow:
        row = queries.record_row(s, record_id)
        queries.check_row_version(row, expected_row_version)
        return row

    def send(self, s: Session, row: ConsentRecordRow) -> None:
        check_transition(ConsentStatus(row.status), ConsentStatus.PENDING_ARTIST, row.id)
        before = record_snapshot(row)
        row.status = ConsentStatus.PENDING_ARTIST.value
        row.pending_at = self.clock()
        self.touch(s, row, "send_to_artist", before)

    def recommend(
        self, s: Session, row: ConsentRecordRow, recommendation: AgencyRecommendation
    ) -> None:
        problems = []
        if not recommendation.recommended_by.strip():
            problems.append(
                FieldProblem("recommended_by", "problem.say_who_in_the_agency_recommends")
            )
        if recommendation.recommended_at.tzinfo is None:
            problems.append(FieldProblem("recommended_at", "problem.needs_a_time_zone"))
        if problems:
            raise ValidationError(problems)
        before = record_snapshot(row)
        row.recommendation = recommendation.recommendation.value
        row.recommended_by = recommendation.recommended_by.strip()
        row.recommended_at = recommendation.recommended_at
        row.recommendation_note = recommendation.note.strip()
        self.touch(s, row, "recommend", before)

    def decide(self, s: Session, row: ConsentRecordRow, decision: ArtistDecision) -> None:
        target = (
            ConsentStatus.GIVEN
            if decision.outcome == DecisionOutcome.GIVEN
            else ConsentStatus.REFUSED
        )
        check_transition(ConsentStatus(row.status), target, row.id)
        terms = row_draft(row)
        problems = draft_problems(terms, queries.parties(s, terms, decision.decided_at.date()))
        problems += decision_problems(
            terms, decision, queries.evidence_count(s, row.id), self.clock()
        )
        old = s.get(ConsentRecordRow, row.supersedes_id) if row.supersedes_id else None
        if (
            target == ConsentStatus.GIVEN
            and old is not None
            and ConsentStatus(old.status) != ConsentStatus.GIVEN
        ):
            problems.append(
                FieldProblem(
                    "supersedes_id",
                    "problem.the_version_it_replaces_is_record_a",
                    id=old.id,
                    status=old.status,
                )
            )
        if problems:
            raise ValidationError(problems)
        now = self.clock()
        before = record_snapshot(row)
        row.status = target.value
        row.decided_by = decision.decided_by.strip()
        row.decided_at = decision.decided_at
        row.decision_method = decision.method.value
        row.decision_note = decision.note.strip()
        if target == ConsentStatus.GIVEN:
            row.given_at = now
        else:
            row.refused_at = now
        self.touch(s, row, "give" if target == ConsentStatus.GIVEN else "refuse", before)
        if target == ConsentStatus.GIVEN and old is not None:
            before_old = record_snapshot(old)
            old.status = ConsentStatus.SUPERSEDED.value
            old.superseded_at = now
            self.touch(s, old, "supersede", before_old)

    def touch(self, s: Session, row: ConsentRecordRow, action: str, before: dict[str, Any]) -> None:
        row.row_version += 1
        row.updated_at = self.clock()
        row.updated_by = self.db.actor
        s.flush()
        append_event(s, self.db.actor, ENTITY, row.id, action, before, record_snapshot(row))
