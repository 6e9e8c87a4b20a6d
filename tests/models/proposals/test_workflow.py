"""The proposal workflow: which moves are allowed, and that answers follow the artist."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from models.audit.service import AuditService
from models.consent.values import AgencyRecommendation, Recommendation
from models.errors import ConflictError, UserError
from models.proposals import workflow
from models.proposals.service import ProposalService
from models.proposals.values import (
    ArtistAnswer,
    ArtistDecisionOnProposal,
    DeadlineState,
    ProposalStatus,
)
from models.storage.database import Database
from tests.models.proposals.helpers import proposal_draft, world

P = ProposalStatus
A = ArtistAnswer


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (P.RECEIVED, P.UNDER_REVIEW),
        (P.RECEIVED, P.WITHDRAWN),
        (P.UNDER_REVIEW, P.WITH_ARTIST),
        (P.UNDER_REVIEW, P.DECLINED),
        (P.WITH_ARTIST, P.ACCEPTED),
        (P.WITH_ARTIST, P.COUNTERED),
        (P.WITH_ARTIST, P.UNDER_REVIEW),
        (P.COUNTERED, P.UNDER_REVIEW),
    ],
)
def test_allowed_moves(current: ProposalStatus, target: ProposalStatus) -> None:
    workflow.check_transition(current, target, 1)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (P.RECEIVED, P.ACCEPTED),  # nobody asked the artist
        (P.RECEIVED, P.WITH_ARTIST),  # not reviewed
        (P.UNDER_REVIEW, P.ACCEPTED),
        (P.ACCEPTED, P.UNDER_REVIEW),  # closed
        (P.DECLINED, P.WITH_ARTIST),
        (P.WITHDRAWN, P.RECEIVED),
        (P.COUNTERED, P.ACCEPTED),
    ],
)
def test_refused_moves(current: ProposalStatus, target: ProposalStatus) -> None:
    with pytest.raises(UserError, match="can move to"):
        workflow.check_transition(current, target, 1)


def test_answers_follow_the_artists() -> None:
    with pytest.raises(UserError, match="own decision"):
        workflow.check_answers(P.ACCEPTED, [("林晓", A.ACCEPT), ("陈静怡", None)], 1)
    with pytest.raises(UserError, match="do not amount"):
        workflow.check_answers(P.DECLINED, [("林晓", A.ACCEPT), ("陈静怡", A.DECLINE)], 1)
    with pytest.raises(UserError, match="do not amount"):
        workflow.check_answers(P.ACCEPTED, [("林晓", A.ACCEPT), ("陈静怡", A.COUNTER)], 1)
    workflow.check_answers(P.ACCEPTED, [("林晓", A.ACCEPT), ("陈静怡", A.DECLINE)], 1)
    workflow.check_answers(P.COUNTERED, [("林晓", A.ACCEPT), ("陈静怡", A.COUNTER)], 1)
    workflow.check_answers(P.UNDER_REVIEW, [("林晓", None)], 1)  # not an answer


@pytest.mark.parametrize(
    ("status", "due", "state", "days"),
    [
        (P.RECEIVED, date(2026, 5, 9), DeadlineState.OVERDUE, -1),
        (P.UNDER_REVIEW, date(2026, 5, 10), DeadlineState.DUE_SOON, 0),
        (P.WITH_ARTIST, date(2026, 5, 13), DeadlineState.DUE_SOON, 3),
        (P.RECEIVED, date(2026, 5, 17), DeadlineState.UPCOMING, 7),
        (P.RECEIVED, date(2026, 6, 30), DeadlineState.LATER, 51),
        (P.RECEIVED, None, DeadlineState.NONE, None),
        (P.ACCEPTED, date(2026, 5, 9), DeadlineState.CLOSED, None),
    ],
)
def test_deadline_colours(
    status: ProposalStatus, due: date | None, state: DeadlineState, days: int | None
) -> None:
    assert workflow.deadline_state(status, due, date(2026, 5, 10)) == (state, days)


def _decide(db: Database, pid: int, artist: int, answer: ArtistAnswer) -> None:
    service = ProposalService(db)
    p = service.get(pid)
    decision = ArtistDecisionOnProposal(answer, "林晓", datetime.now(UTC), "by phone")
    service.record_decision(pid, artist, decision, p.row_version)


def test_service_walks_the_workflow_and_audits_each_move(db: Database) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    p = service.transition(p.id, P.UNDER_REVIEW, p.row_version)
    p = service.transition(p.id, P.WITH_ARTIST, p.row_version, note="sent with the report")
    with pytest.raises(UserError, match="own decision"):
        service.transition(p.id, P.ACCEPTED, p.row_version)
    rec = AgencyRecommendation(Recommendation.RECOMMEND, "周敏 Zhou Min", datetime.now(UTC))
    p = service.record_recommendation(p.id, w.lin, rec, p.row_version)
    with pytest.raises(UserError, match="recommendation is not a decision"):
        service.transition(p.id, P.ACCEPTED, p.row_version)
    _decide(db, p.id, w.lin, A.DECLINE)
    p = service.get(p.id)
    with pytest.raises(UserError, match="do not amount"):
        service.transition(p.id, P.ACCEPTED, p.row_version)
    p = service.transition(p.id, P.DECLINED, p.row_version)
    assert p.status is P.DECLINED and p.previous_status is P.WITH_ARTIST
    entry = p.artist(w.lin)
    assert entry is not None and entry.decision is not None and entry.recommendation is not None
    assert entry.decision.answer is A.DECLINE and entry.decision.decided_by == "林晓"
    assert entry.recommendation.recommendation is Recommendation.RECOMMEND
    actions = [e.action for e in AuditService(db).events(entity="proposal", entity_id=str(p.id))]
    assert actions.count("transition") == 3
    assert {"create", "recommend", "decide"} <= set(actions)
    assert AuditService(db).verify().intact


def test_undo_goes_back_one_step(db: Database) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    p = service.transition(p.id, P.WITHDRAWN, p.row_version)
    p = service.undo_transition(p.id, p.row_version)
    assert p.status is P.RECEIVED
    with pytest.raises(UserError, match="no earlier status"):
        service.undo_transition(p.id, p.row_version)


def test_a_stale_save_is_refused(db: Database) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    service.transition(p.id, P.UNDER_REVIEW, p.row_version)
    with pytest.raises(ConflictError):
        service.transition(p.id, P.WITHDRAWN, p.row_version)
    assert service.get(p.id).status is P.UNDER_REVIEW


def test_closed_proposals_take_no_new_files(db: Database, tmp_path: Path) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    service.transition(p.id, P.WITHDRAWN, p.row_version)
    with pytest.raises(UserError, match="closed"):
        service.attach_file(p.id, b"late", name="late.txt")
