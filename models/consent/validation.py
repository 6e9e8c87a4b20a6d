"""What makes a consent record acceptable, as plain-language problems tied to form fields.

Field names are the `ConsentDraft` field names (plus `guardian`/`estate_contact` on the artist,
`evidence`, and the decision and revocation fields) so a form can show each message next to
the widget it concerns. Every problem is reported at once, not just the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from models.consent.values import ArtistDecision, ConsentDraft, DecisionOutcome, Revocation
from models.errors import FieldProblem

MAX_TEXT = 20_000
MAX_ITEM = 120
MAX_ITEMS = 60
# Clocks on two desks disagree a little; a decision "now" on the other desk is not future.
CLOCK_SLACK = timedelta(minutes=10)
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Parties:
    """What validation needs to know about the artist, counterparty and project of a draft."""

    artist_name: str
    artist_minor: bool
    guardian: str
    artist_deceased: bool
    estate_contact: str
    counterparty_name: str | None  # None: no such counterparty
    project_found: bool = False
    project_counterparty_id: int | None = None
    project_counterparty_name: str = ""


def _control(text: str, multiline: bool) -> bool:
    allowed = "\n\t\r" if multiline else ""
    return any(ord(c) < 32 and c not in allowed for c in text)


def draft_problems(draft: ConsentDraft, parties: Parties) -> list[FieldProblem]:
    """Every reason the terms cannot be saved (whatever the record's status)."""
    out: list[FieldProblem] = []

    def bad(name: str, code: str, /, **params: Any) -> None:
        out.append(FieldProblem(name, code, **params))

    if parties.artist_minor and not parties.guardian.strip():
        bad(
            "guardian",
            "problem.is_a_minor_record_a_guardian_on",
            name=parties.artist_name,
        )
    if parties.artist_deceased and not parties.estate_contact.strip():
        bad(
            "estate_contact",
            "problem.is_deceased_record_the_estate_s_contact",
            name=parties.artist_name,
        )
    if parties.counterparty_name is None:
        bad("counterparty_id", "problem.there_is_no_counterparty_with_id", id=draft.counterparty_id)
    if draft.project_id is not None:
        if not parties.project_found:
            bad("project_id", "problem.there_is_no_project_with_id", id=draft.project_id)
        elif (
            parties.counterparty_name is not None
            and parties.project_counterparty_id != draft.counterparty_id
        ):
            bad(
                "project_id",
                "problem.the_project_belongs_to_not_to",
                owner=parties.project_counterparty_name,
                other=parties.counterparty_name,
            )
    if not draft.modalities:
        bad("modalities", "problem.tick_at_least_one_modality_face_voice")
    if draft.term_start and draft.term_end and draft.term_end < draft.term_start:
        bad(
            "term_end",
            "problem.the_term_ends_before_it_starts",
            end=draft.term_end.isoformat(),
            start=draft.term_start.isoformat(),
        )
    if draft.compensation_amount is not None:
        amount = draft.compensation_amount
        if not amount.is_finite() or amount < 0:
            bad("compensation_amount", "problem.must_be_zero_or_a_positive_amount")
        elif amount >= 10**12 or -amount.as_tuple().exponent > 4:  # type: ignore[operator]
            bad("compensation_amount", "problem.is_not_a_plausible_amount_too_large")
        if not draft.compensation_currency:
            bad("compensation_currency", "problem.give_the_currency_of_the_amount_e")
    if draft.compensation_currency and not _CURRENCY.match(draft.compensation_currency):
        bad("compensation_currency", "problem.must_be_a_three_letter_code_such")
    if (
        draft.scan_session_at is not None
        and draft.scan_notice_at is not None
        and draft.scan_notice_at > draft.scan_session_at
    ):
        bad("scan_notice_at", "problem.the_artist_cannot_be_notified_after_the")
    if draft.scan_notice_at is not None and draft.scan_session_at is None:
        bad("scan_session_at", "problem.give_the_scan_session_time_the_notice")
    for name in ("media", "territories", "content_exclusions"):
        items: tuple[str, ...] = getattr(draft, name)
        if len(items) > MAX_ITEMS:
            bad(name, "problem.has_more_than_entries", n=MAX_ITEMS)
        for item in items:
            if len(item) > MAX_ITEM or _control(item, multiline=False):
                bad(name, "problem.is_too_long_or_contains_control_characters", item=item[:30])
    for name in (
        "alteration_limits",
        "data_retention",
        "revocation_terms",
        "representative",
        "specific_use_description",
        "notes",
    ):
        text: str = getattr(draft, name)
        if len(text) > MAX_TEXT:
            bad(name, "problem.is_longer_than_characters", n=MAX_TEXT)
        if _control(text, multiline=name != "representative"):
            bad(name, "problem.contains_control_characters")
    return out


def decision_problems(
    draft: ConsentDraft,
    decision: ArtistDecision,
    evidence_count: int,
    now: datetime,
) -> list[FieldProblem]:
    """What must be true before the artist's decision can be recorded."""
    out: list[FieldProblem] = []
    if not decision.decided_by.strip():
        out.append(FieldProblem("decided_by", "problem.say_who_decided_the_artist_guardian_or"))
    if decision.decided_at.tzinfo is None:
        out.append(FieldProblem("decided_at", "problem.needs_a_time_zone"))
    elif decision.decided_at > now + CLOCK_SLACK:
        out.append(FieldProblem("decided_at", "problem.is_in_the_future"))
    if decision.outcome == DecisionOutcome.GIVEN:
        if evidence_count == 0:
            out.append(
                FieldProblem(
                    "evidence",
                    "problem.attach_the_signed_agreement_or_another_record",
                )
            )
        if not draft.uses:
            out.append(FieldProblem("uses", "problem.say_what_the_material_may_be_used"))
    return out


def revocation_problems(
    revocation: Revocation,
    decided_at: datetime | None,
    term_end_utc: datetime | None,
) -> list[FieldProblem]:
    """A revocation needs a reason and a date inside the consent's life."""
    out: list[FieldProblem] = []
    if not revocation.reason.strip():
        out.append(FieldProblem("revocation_reason", "problem.give_the_reason_for_the_revocation"))
    elif len(revocation.reason) > MAX_TEXT:
        out.append(
            FieldProblem("revocation_reason", "problem.is_longer_than_characters", n=MAX_TEXT)
        )
    if revocation.revoked_at.tzinfo is None:
        out.append(FieldProblem("revoked_at", "problem.needs_a_time_zone"))
        return out
    if decided_at is not None and revocation.revoked_at < decided_at:
        out.append(
            FieldProblem(
                "revoked_at",
                "problem.is_before_the_artist_gave_the_consent",
                date=decided_at.date().isoformat(),
            )
        )
    if term_end_utc is not None and revocation.revoked_at > term_end_utc:
        out.append(FieldProblem("revoked_at", "problem.is_after_the_consent_s_term_ended"))
    return out
