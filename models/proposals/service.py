"""ProposalService: log proposals, move them through the workflow, check and answer them.

Each public method is one transaction that appends its audit event(s); writes to a proposal
take the `row_version` the caller last saw and refuse a stale save (`ConflictError`). Nothing
is deleted: files and scripts are set inactive, check runs and their findings are kept.
Scripts, character mappings, check runs and findings are the service's two parts,
`self.scripts` (`ProposalScripts`) and `self.checks` (`ProposalChecks`); their public methods
are offered here too, so the GUI and the CLI hold one proposal service.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit.chain import append_event
from models.clock import iso, utc_now
from models.consent.service import ConsentService
from models.consent.values import AgencyRecommendation, ConsentDraft
from models.consent.words import ConsentStatus
from models.errors import ConflictError, FieldProblem, NotFoundError, UserError, ValidationError
from models.names import display_name
from models.parties.tables import CounterpartyRow, ProjectRow
from models.proposals import acceptance, row_values, workflow
from models.proposals.check_service import ProposalChecks
from models.proposals.script_service import ProposalScripts
from models.proposals.tables import CheckRunRow, ProposalArtistRow, ProposalRow
from models.proposals.values import (
    AcceptOutcome,
    ArtistAnswer,
    ArtistDecisionOnProposal,
    Proposal,
    ProposalDraft,
    ProposalStatus,
    ProposalSummary,
)
from models.rules.findings import Severity
from models.storage.database import Database
from models.storage.schema import ArtistRow

ENTITY = "proposal"
MAX_NOTE = 2000


def proposal_row(s: Session, proposal_id: int) -> ProposalRow:
    row = s.get(ProposalRow, proposal_id)
    if row is None:
        raise NotFoundError(
            "error.proposals.there_no_proposal_id_proposal", proposal_id=proposal_id
        )
    return row


def check_version(row: ProposalRow, expected: int) -> None:
    if row.row_version != expected:
        when = iso(row.updated_at)[:19].replace("T", " ")
        raise ConflictError(
            "error.proposals.proposal_id_was_changed_by",
            id=row.id,
            updated_by=row.updated_by,
            when=when,
        )


class ProposalService:
    """The only way the GUI and the CLI read and change proposals."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock
        self.scripts = ProposalScripts(db, clock)
        self.checks = ProposalChecks(db, clock)
        # The parts' methods, under the names callers have always used.
        s, c = self.scripts, self.checks
        self.attach_file, self.detach_file = s.attach_file, s.detach_file
        self.attach_script, self.attach_read_script = s.attach_script, s.attach_read_script
        self.detach_script, self.script_view = s.detach_script, s.script_view
        self.mapping, self.map_character = s.mapping, s.map_character
        self.clear_mapping, self.confirm_suggestions = s.clear_mapping, s.confirm_suggestions
        self.run_check, self.get_run, self.latest_run = c.run_check, c.get_run, c.latest_run
        self.runs, self.diff = c.runs, c.diff
        self.accept_risk, self.clear_accepted_risk = c.accept_risk, c.clear_accepted_risk

    # -- reading -------------------------------------------------------------------------------
    def get(self, proposal_id: int) -> Proposal:
        with self.db.read() as s:
            return row_values.to_proposal(s, proposal_row(s, proposal_id))

    def list(
        self,
        statuses: frozenset[ProposalStatus] | None = None,
        include_closed: bool = True,
        today: date | None = None,
    ) -> builtins.list[ProposalSummary]:
        """Every proposal for the list view: open ones by deadline first, then the rest."""
        day = today or self.clock().astimezone().date()  # the desk's own calendar day
        latest = (
            select(CheckRunRow.proposal_id, func.max(CheckRunRow.id).label("run_id"))
            .group_by(CheckRunRow.proposal_id)
            .subquery()
        )
        q = (
            select(ProposalRow, CounterpartyRow, ProjectRow, CheckRunRow)
            .join(CounterpartyRow, CounterpartyRow.id == ProposalRow.counterparty_id)
            .join(ProjectRow, ProjectRow.id == ProposalRow.project_id)
            .outerjoin(latest, latest.c.proposal_id == ProposalRow.id)
            .outerjoin(CheckRunRow, CheckRunRow.id == latest.c.run_id)
        )
        if statuses is not None:
            q = q.where(ProposalRow.status.in_([x.value for x in statuses]))
        out: builtins.list[ProposalSummary] = []
        with self.db.read() as s:
            rows = s.execute(q).all()
            artists: dict[int, builtins.list[tuple[int, int, str]]] = {}
            ids = [r[0].id for r in rows]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for pid, pos, native, rom in s.execute(
                    select(
                        ProposalArtistRow.proposal_id,
                        ProposalArtistRow.position,
                        ArtistRow.native_name,
                        ArtistRow.romanized_name,
                    )
                    .join(ArtistRow, ArtistRow.id == ProposalArtistRow.artist_id)
                    .where(ProposalArtistRow.proposal_id.in_(chunk))
                ):
                    artists.setdefault(pid, []).append((pos, 0, display_name(native, rom)))
            for p, cp, project, run in rows:
                status = ProposalStatus(p.status)
                if not include_closed and not status.is_open:
                    continue
                state, days = workflow.deadline_state(status, p.respond_by, day)
                out.append(
                    ProposalSummary(
                        id=p.id,
                        counterparty_name=display_name(cp.native_name, cp.romanized_name),
                        project_title=display_name(project.title_native, project.title_romanized),
                        artist_names=tuple(n for _p, _z, n in sorted(artists.get(p.id, []))),
                        status=status,
                        received_on=p.received_on,
                        respond_by=p.respond_by,
                        days_left=days,
                        deadline=state,
                        worst=Severity(run.worst) if run and run.worst else None,
                        worst_open=Severity(run.worst_open) if run and run.worst_open else None,
                        checked_at=run.run_at if run else None,
                        row_version=p.row_version,
                    )
                )
        out.sort(
            key=lambda x: (
                not x.status.is_open,
                x.respond_by is None,
                x.respond_by or date.max,
                -x.id,
            )
        )
        return out

    def validate(self, draft: ProposalDraft) -> builtins.list[FieldProblem]:
        """Every problem the form should show, without saving anything."""
        with self.db.read() as s:
            return row_values.draft_problems(s, draft.normalized(), self.clock().date())

    # -- creating and editing ------------------------------------------------------------------
    def create(self, draft: ProposalDraft) -> Proposal:
        with self.db.write() as s:
            return row_values.to_proposal(s, self.create_in(s, draft))

    def create_in(self, s: Session, draft: ProposalDraft) -> ProposalRow:
        """`create` inside the caller's transaction (the JSON import)."""
        d = self._checked(s, draft)
        now = self.clock()
        row = ProposalRow(
            **row_values.draft_values(d),
            status=ProposalStatus.RECEIVED.value,
            previous_status=None,
            status_changed_at=now,
            status_changed_by=self.db.actor,
            status_note="",
            created_at=now,
            created_by=self.db.actor,
            updated_at=now,
            updated_by=self.db.actor,
            row_version=1,
        )
        s.add(row)
        s.flush()
        artists = self._replace_artists(s, row, d)
        append_event(
            s,
            self.db.actor,
            ENTITY,
            row.id,
            "create",
            None,
            row_values.proposal_snapshot(row, artists),
        )
        return row

    def update(self, proposal_id: int, draft: ProposalDraft, expected_version: int) -> Proposal:
        """Save an edit of the terms. Decisions already recorded stay with artists still listed."""
        with self.db.write() as s:
            row = proposal_row(s, proposal_id)
            check_version(row, expected_version)
            if not ProposalStatus(row.status).is_open:
                raise UserError(
                    "error.proposals.proposal_proposal_id_status_closed_2",
                    proposal_id=proposal_id,
                    state=ProposalStatus(row.status).words,
                )
            d = self._checked(s, draft)
            before = row_values.proposal_snapshot(row, row_values.artist_rows(s, row.id))
            for key, value in row_values.draft_values(d).items():
                setattr(row, key, value)
            artists = self._replace_artists(s, row, d)
            self._touch(s, row, "update", before, artists)
            return row_values.to_proposal(s, row)

    # -- workflow ------------------------------------------------------------------------------
    def transition(
        self, proposal_id: int, target: ProposalStatus, expected_version: int, note: str = ""
    ) -> Proposal:
        """Move the proposal on; answering the producer needs the artists' decisions.

        Accepting through here creates no consent record: use `accept` for that offer.
        """
        with self.db.write() as s:
            row = proposal_row(s, proposal_id)
            check_version(row, expected_version)
            self._move(s, row, ProposalStatus(target), note)
            return row_values.to_proposal(s, row)

    def undo_transition(self, proposal_id: int, expected_version: int) -> Proposal:
        """Go back to the status before the last move (one step), e.g. a mis-click."""
        with self.db.write() as s:
            row = proposal_row(s, proposal_id)
            check_version(row, expected_version)
            if not row.previous_status:
                raise UserError(
                    "error.proposals.proposal_proposal_id_has_no", proposal_id=proposal_id
                )
            linked = [a.consent_record_id for a in row_values.artist_rows(s, row.id)]
            if row.status == ProposalStatus.ACCEPTED.value and any(linked):
                shown = ", ".join(f"#{x}" for x in linked if x)
                raise UserError(
                    "error.proposals.accepting_created_consent_record_shown", shown=shown
                )
            before = row_values.proposal_snapshot(row, row_values.artist_rows(s, row.id))
            row.status, row.previous_status = row.previous_status, None
            row.status_changed_at = self.clock()
            row.status_changed_by = self.db.actor
            row.status_note = "undone"
            self._touch(s, row, "undo_transition", before)
            return row_values.to_proposal(s, row)

    def record_decision(
        self,
        proposal_id: int,
        artist_id: int,
        decision: ArtistDecisionOnProposal | None,
        expected_version: int,
    ) -> Proposal:
        """The artist's own answer (None clears a mistaken entry)."""
        problems: builtins.list[FieldProblem] = []
        if decision is not None:
            if not decision.decided_by.strip():
                problems.append(
                    FieldProblem("decided_by", "problem.say_who_decided_artist_guardian_or_estate")
                )
            problems += self._moment_problems("decided_at", decision.decided_at)
            if len(decision.note) > MAX_NOTE:
                problems.append(
                    FieldProblem("note", "problem.is_longer_than_characters", n=MAX_NOTE)
                )
        if problems:
            raise ValidationError(problems)
        with self.db.write() as s:
            row, entry = self._open_artist(s, proposal_id, artist_id, expected_version)
            before = row_values.proposal_snapshot(row, row_values.artist_rows(s, row.id))
            entry.decision = decision.answer.value if decision else ""
            entry.decided_by = decision.decided_by.strip() if decision else ""
            entry.decided_at = decision.decided_at if decision else None
            entry.decision_note = decision.note.strip() if decision else ""
            self._touch(s, row, "decide" if decision else "clear_decision", before)
            return row_values.to_proposal(s, row)

    def record_recommendation(
        self,
        proposal_id: int,
        artist_id: int,
        recommendation: AgencyRecommendation | None,
        expected_version: int,
    ) -> Proposal:
        """What the agency advises this artist; kept apart from the artist's decision."""
        problems: builtins.list[FieldProblem] = []
        if recommendation is not None:
            if not recommendation.recommended_by.strip():
                problems.append(
                    FieldProblem("recommended_by", "problem.say_who_in_the_agency_advises")
                )
            problems += self._moment_problems("recommended_at", recommendation.recommended_at)
            if len(recommendation.note) > MAX_NOTE:
                problems.append(
                    FieldProblem("note", "problem.is_longer_than_characters", n=MAX_NOTE)
                )
        if problems:
            raise ValidationError(problems)
        with self.db.write() as s:
            row, entry = self._open_artist(s, proposal_id, artist_id, expected_version)
            before = row_values.proposal_snapshot(row, row_values.artist_rows(s, row.id))
            r = recommendation
            entry.recommendation = r.recommendation.value if r else ""
            entry.recommended_by = r.recommended_by.strip() if r else ""
            entry.recommended_at = r.recommended_at if r else None
            entry.recommendation_note = r.note.strip() if r else ""
            self._touch(s, row, "recommend" if r else "clear_recommendation", before)
            return row_values.to_proposal(s, row)

    # -- accepting -----------------------------------------------------------------------------
    def consent_drafts(self, proposal_id: int) -> dict[int, ConsentDraft]:
        """The consent record `accept` would create per accepting artist (to show and edit)."""
        with self.db.read() as s:
            return self._drafts(s, proposal_row(s, proposal_id))

    def accept(
        self,
        proposal_id: int,
        expected_version: int,
        create_consents: bool = True,
        drafts: Mapping[int, ConsentDraft] | None = None,
        note: str = "",
    ) -> AcceptOutcome:
        """Answer "accepted" and (if asked) create each accepting artist's consent record as
        `pending_artist`, all in one transaction. `drafts` replaces the suggested drafts."""
        with self.db.transaction() as s:
            row = proposal_row(s, proposal_id)
            check_version(row, expected_version)
            suggested = self._drafts(s, row) if create_consents else {}
            chosen = {**suggested, **(drafts or {})} if create_consents else {}
            self._move(s, row, ProposalStatus.ACCEPTED, note)
            created: dict[int, int] = {}
            consents = ConsentService(self.db, self.clock)  # joins this unit of work
            for entry in row_values.artist_rows(s, row.id):
                draft = chosen.get(entry.artist_id)
                if draft is None or entry.decision != ArtistAnswer.ACCEPT.value:
                    continue
                if draft.artist_id != entry.artist_id:
                    raise ValidationError(
                        [FieldProblem("artist_id", "problem.a_draft_must_be_for_its_own")]
                    )
                record = consents.create(draft, ConsentStatus.PENDING_ARTIST)
                before = row_values.proposal_snapshot(row, row_values.artist_rows(s, row.id))
                entry.consent_record_id = record.id
                created[entry.artist_id] = record.id
                self._touch(s, row, "link_consent", before)
            return AcceptOutcome(row_values.to_proposal(s, row), created)

    # -- inside a transaction ------------------------------------------------------------------
    def _drafts(self, s: Session, row: ProposalRow) -> dict[int, ConsentDraft]:
        p = row_values.to_proposal(s, row)
        uses = acceptance.script_uses_by_artist(s, row.id)
        out: dict[int, ConsentDraft] = {}
        for entry in p.artists:
            if entry.decision is None or entry.decision.answer != ArtistAnswer.ACCEPT:
                continue
            draft = acceptance.consent_draft(
                p, entry, uses.get(entry.artist_id, []), self.clock().date()
            )
            if draft is not None:
                out[entry.artist_id] = draft
        return out

    def _move(self, s: Session, row: ProposalRow, target: ProposalStatus, note: str) -> None:
        current = ProposalStatus(row.status)
        workflow.check_transition(current, target, row.id)
        entries = row_values.artist_rows(s, row.id)
        names = row_values.names_of(s, [a.artist_id for a in entries])
        answers = [
            (
                names.get(a.artist_id, f"#{a.artist_id}"),
                ArtistAnswer(a.decision) if a.decision else None,
            )
            for a in entries
        ]
        workflow.check_answers(target, answers, row.id)
        if len(note) > MAX_NOTE:
            raise ValidationError(
                [FieldProblem("note", "problem.is_longer_than_characters", n=MAX_NOTE)]
            )
        before = row_values.proposal_snapshot(row, entries)
        row.previous_status = row.status
        row.status = target.value
        row.status_changed_at = self.clock()
        row.status_changed_by = self.db.actor
        row.status_note = note.strip()
        self._touch(s, row, "transition", before, entries)

    def _open_artist(
        self, s: Session, proposal_id: int, artist_id: int, expected_version: int
    ) -> tuple[ProposalRow, ProposalArtistRow]:
        row = proposal_row(s, proposal_id)
        check_version(row, expected_version)
        if not ProposalStatus(row.status).is_open:
            raise UserError(
                "error.proposals.proposal_proposal_id_status_closed",
                proposal_id=proposal_id,
                state=ProposalStatus(row.status).words,
            )
        for entry in row_values.artist_rows(s, row.id):
            if entry.artist_id == artist_id:
                return row, entry
        raise NotFoundError(
            "error.proposals.artist_artist_id_not_requested",
            artist_id=artist_id,
            proposal_id=proposal_id,
        )

    def _moment_problems(self, name: str, when: datetime) -> builtins.list[FieldProblem]:
        if when.tzinfo is None:
            return [FieldProblem(name, "problem.needs_a_time_zone")]
        if (when - self.clock()).total_seconds() > 600:
            return [FieldProblem(name, "problem.is_in_the_future")]
        return []

    def _checked(self, s: Session, draft: ProposalDraft) -> ProposalDraft:
        d = draft.normalized()
        problems = row_values.draft_problems(s, d, self.clock().date())
        if problems:
            raise ValidationError(problems)
        return d

    def _replace_artists(
        self, s: Session, row: ProposalRow, d: ProposalDraft
    ) -> builtins.list[ProposalArtistRow]:
        """Requested artists as in the draft; kept artists keep their decision and advice."""
        existing = {a.artist_id: a for a in row_values.artist_rows(s, row.id)}
        wanted = {a.artist_id for a in d.artists}
        for artist_id, entry in existing.items():
            if artist_id not in wanted:
                if entry.consent_record_id is not None:
                    raise UserError(
                        "error.proposals.artist_artist_id_already_has",
                        artist_id=artist_id,
                        consent_record_id=entry.consent_record_id,
                    )
                s.delete(entry)
        s.flush()
        out: builtins.list[ProposalArtistRow] = []
        for position, r in enumerate(d.artists):
            found = existing.get(r.artist_id)
            values: dict[str, Any] = row_values.requested_values(r)
            if found is not None:
                entry = found
                for key, value in values.items():
                    setattr(entry, key, value)
                entry.position = position
            else:
                entry = ProposalArtistRow(proposal_id=row.id, position=position, **values)
                entry.decision = entry.decided_by = entry.decision_note = ""
                entry.recommendation = entry.recommended_by = entry.recommendation_note = ""
                s.add(entry)
            out.append(entry)
        s.flush()
        return out

    def _touch(
        self,
        s: Session,
        row: ProposalRow,
        action: str,
        before: dict[str, Any],
        artists: builtins.list[ProposalArtistRow] | None = None,
    ) -> None:
        row.row_version += 1
        row.updated_at = self.clock()
        row.updated_by = self.db.actor
        s.flush()
        after = row_values.proposal_snapshot(row, artists or row_values.artist_rows(s, row.id))
        append_event(s, self.db.actor, ENTITY, row.id, action, before, after)


__all__ = ["ProposalService", "check_version", "proposal_row"]
