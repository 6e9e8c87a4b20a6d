"""The proposal workflow and the deadline a manager must answer by.

    received → under_review → with_artist → accepted | declined | countered | withdrawn

- The producer may withdraw at any open stage; `declined` may also come straight from review
  (an artist who declines all AI use need not be asked again).
- `with_artist` may go back to `under_review` (a new script version arrived), and a `countered`
  proposal comes back for review when the producer answers the counter-offer.
- Answering the producer (`accepted`, `declined`, `countered`) needs every requested artist's
  own decision recorded: the artist decides, the agency only recommends. `accepted` needs at
  least one artist who accepts and nobody who asks to counter; `declined` needs everyone to
  decline; `countered` needs at least one counter-offer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from models.errors import UserError
from models.messages import phrase
from models.proposals.values import ArtistAnswer, DeadlineState, ProposalStatus

TRANSITIONS: dict[ProposalStatus, frozenset[ProposalStatus]] = {
    ProposalStatus.RECEIVED: frozenset({ProposalStatus.UNDER_REVIEW, ProposalStatus.WITHDRAWN}),
    ProposalStatus.UNDER_REVIEW: frozenset(
        {ProposalStatus.WITH_ARTIST, ProposalStatus.DECLINED, ProposalStatus.WITHDRAWN}
    ),
    ProposalStatus.WITH_ARTIST: frozenset(
        {
            ProposalStatus.ACCEPTED,
            ProposalStatus.DECLINED,
            ProposalStatus.COUNTERED,
            ProposalStatus.WITHDRAWN,
            ProposalStatus.UNDER_REVIEW,
        }
    ),
    ProposalStatus.COUNTERED: frozenset({ProposalStatus.UNDER_REVIEW, ProposalStatus.WITHDRAWN}),
    ProposalStatus.ACCEPTED: frozenset(),
    ProposalStatus.DECLINED: frozenset(),
    ProposalStatus.WITHDRAWN: frozenset(),
}
ANSWERS = frozenset({ProposalStatus.ACCEPTED, ProposalStatus.DECLINED, ProposalStatus.COUNTERED})
DUE_SOON_DAYS = 3
UPCOMING_DAYS = 7


def allowed_targets(current: ProposalStatus) -> tuple[ProposalStatus, ...]:
    return tuple(s for s in ProposalStatus if s in TRANSITIONS[current])


def check_transition(current: ProposalStatus, target: ProposalStatus, proposal_id: int) -> None:
    """Refuse a move the workflow does not allow, saying what is allowed instead."""
    if target in TRANSITIONS[current]:
        return
    options = allowed_targets(current)
    shown: Any = (
        (" or ".join(s.value for s in options), "或".join(f"「{s.label_zh}」" for s in options))
        if options
        else phrase("error.proposals.workflow.closed")
    )
    raise UserError(
        "error.proposals.workflow.proposal_proposal_id_value_can",
        proposal_id=proposal_id,
        value=(current.value, current.label_zh),
        shown=shown,
        value_b=(target.value, target.label_zh),
    )


def check_answers(
    target: ProposalStatus, answers: Sequence[tuple[str, ArtistAnswer | None]], proposal_id: int
) -> None:
    """An answer to the producer must follow what the artists decided (name, answer) pairs."""
    if target not in ANSWERS:
        return
    undecided = [name for name, a in answers if a is None]
    if not answers:
        raise UserError(
            "error.proposals.workflow.proposal_proposal_id_names_no", proposal_id=proposal_id
        )
    if undecided:
        raise UserError(
            "error.proposals.workflow.record_artist_own_decision_first",
            items=(", ".join(undecided), "、".join(undecided)),
        )
    given = [a for _n, a in answers if a is not None]
    ok = {
        ProposalStatus.ACCEPTED: ArtistAnswer.ACCEPT in given and ArtistAnswer.COUNTER not in given,
        ProposalStatus.DECLINED: all(a == ArtistAnswer.DECLINE for a in given),
        ProposalStatus.COUNTERED: ArtistAnswer.COUNTER in given,
    }[target]
    if not ok:
        said = ", ".join(f"{n}: {a.value if a else '—'}" for n, a in answers)
        raise UserError(
            "error.proposals.workflow.artists_decisions_said_do_not",
            said=said,
            value=(target.value, target.label_zh),
        )


def deadline_state(
    status: ProposalStatus, respond_by: date | None, today: date
) -> tuple[DeadlineState, int | None]:
    """How urgent the answer is and how many days are left (negative: overdue)."""
    if not status.is_open or status == ProposalStatus.COUNTERED:
        return DeadlineState.CLOSED, None
    if respond_by is None:
        return DeadlineState.NONE, None
    days = (respond_by - today).days
    if days < 0:
        return DeadlineState.OVERDUE, days
    if days <= DUE_SOON_DAYS:
        return DeadlineState.DUE_SOON, days
    if days <= UPCOMING_DAYS:
        return DeadlineState.UPCOMING, days
    return DeadlineState.LATER, days


__all__ = [
    "ANSWERS",
    "TRANSITIONS",
    "allowed_targets",
    "check_answers",
    "check_transition",
    "deadline_state",
]
