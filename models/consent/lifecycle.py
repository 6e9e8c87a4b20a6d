"""The consent lifecycle: which status may follow which, and the status at any moment.

Stored transitions (domain.md, after W3C DPV):

    requested → pending_artist → given | refused
    given → revoked (reason and date)  |  superseded (a newer version was given)

`expired` is never stored: it follows from the term. `refused`, `revoked` and `superseded`
are final. Nothing is ever deleted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from models.consent.words import ConsentStatus
from models.errors import UserError
from models.messages import phrase

TRANSITIONS: dict[ConsentStatus, frozenset[ConsentStatus]] = {
    ConsentStatus.REQUESTED: frozenset({ConsentStatus.PENDING_ARTIST}),
    ConsentStatus.PENDING_ARTIST: frozenset({ConsentStatus.GIVEN, ConsentStatus.REFUSED}),
    ConsentStatus.GIVEN: frozenset({ConsentStatus.REVOKED, ConsentStatus.SUPERSEDED}),
    ConsentStatus.REFUSED: frozenset(),
    ConsentStatus.REVOKED: frozenset(),
    ConsentStatus.SUPERSEDED: frozenset(),
    ConsentStatus.EXPIRED: frozenset(),
}

# A new record (or a new version) starts in one of these.
INITIAL: frozenset[ConsentStatus] = frozenset(
    {ConsentStatus.REQUESTED, ConsentStatus.PENDING_ARTIST}
)

STATUS_LABELS: dict[ConsentStatus, tuple[str, str]] = {
    ConsentStatus.REQUESTED: ("Requested", "已提出"),
    ConsentStatus.PENDING_ARTIST: ("Waiting for the artist", "待艺人决定"),
    ConsentStatus.GIVEN: ("Given", "已同意"),
    ConsentStatus.REFUSED: ("Refused", "已拒绝"),
    ConsentStatus.REVOKED: ("Revoked", "已撤回"),
    ConsentStatus.EXPIRED: ("Expired", "已过期"),
    ConsentStatus.SUPERSEDED: ("Superseded", "已被新版本取代"),
}


def allowed(current: ConsentStatus, target: ConsentStatus) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: ConsentStatus, target: ConsentStatus, record_id: int) -> None:
    """Refuse a move the lifecycle does not allow, saying what would be allowed instead."""
    if allowed(current, target):
        return
    if target == ConsentStatus.EXPIRED:
        raise UserError("error.consent.lifecycle.consent_expires_by_itself_end")
    nxt = sorted(TRANSITIONS[current])
    options: Any = (
        (" or ".join(s.value for s in nxt), "或".join(f"「{STATUS_LABELS[s][1]}」" for s in nxt))
        if nxt
        else phrase("error.consent.lifecycle.final")
    )
    hint: Any = ""
    if current == ConsentStatus.GIVEN:
        hint = phrase("error.consent.lifecycle.hint_amend")
    elif current == ConsentStatus.REQUESTED and target in (
        ConsentStatus.GIVEN,
        ConsentStatus.REFUSED,
    ):
        hint = phrase("error.consent.lifecycle.hint_send")
    raise UserError(
        "error.consent.lifecycle.consent_record_record_id_value",
        record_id=record_id,
        value=(current.value, STATUS_LABELS[current][1]),
        value_b=(target.value, STATUS_LABELS[target][1]),
        options=options,
        hint=hint,
    )


def status_from_flags(
    given: bool, superseded: bool, revoked: bool, refused: bool, pending: bool, expired: bool
) -> ConsentStatus:
    """The status from which transitions had happened by some moment (see `derive_status`)."""
    if given:
        if superseded:
            return ConsentStatus.SUPERSEDED
        if revoked:
            return ConsentStatus.REVOKED
        if expired:
            return ConsentStatus.EXPIRED
        return ConsentStatus.GIVEN
    if refused:
        return ConsentStatus.REFUSED
    if pending:
        return ConsentStatus.PENDING_ARTIST
    return ConsentStatus.REQUESTED


def derive_status(
    when: datetime,
    day: date,
    pending_at: datetime | None,
    given_at: datetime | None,
    refused_at: datetime | None,
    superseded_at: datetime | None,
    revoked_at: datetime | None,
    term_end: date | None,
) -> ConsentStatus:
    """The status at `when` from the moments each transition happened.

    `day` is the calendar day of `when` in the artist's time zone (term days are inclusive).
    A record is superseded only from the moment its successor was given; a revocation takes
    effect at its own timestamp, even if that is later than when it was recorded.
    """
    return status_from_flags(
        given=given_at is not None and given_at <= when,
        superseded=superseded_at is not None and superseded_at <= when,
        revoked=revoked_at is not None and revoked_at <= when,
        refused=refused_at is not None and refused_at <= when,
        pending=pending_at is not None and pending_at <= when,
        expired=term_end is not None and day > term_end,
    )
