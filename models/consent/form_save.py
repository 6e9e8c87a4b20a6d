"""What the consent form's Save asks for, done as one unit of work.

The form may ask for several things at once: a new record (or changed terms of one), its
evidence files, the agency's recommendation, sending it to the artist and the artist's
decision. `ConsentService.save_form` does all of it in one transaction, so a refused step
(a decision without evidence, a stale version) leaves nothing half-saved — the UI only says
what happened.

- A new record with a decision is journey 3 (`record_signed`).
- A new record without one starts `pending_artist` when it is sent or recommended, else
  `requested`.
- Changed terms of an undecided record are edited in place (the window offers undo for that
  edit: `FormSaved.edited_from`); of a given record they make a new version (`amend`), which
  the files, recommendation and decision then go with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.consent.evidence import EvidenceFile
from models.consent.values import (
    AgencyRecommendation,
    ArtistDecision,
    ConsentDraft,
    ConsentRecord,
    DecisionOutcome,
)
from models.consent.words import ConsentStatus

if TYPE_CHECKING:
    from models.consent.service import ConsentService


@dataclass(frozen=True)
class FormSave:
    """What the person asked for when they pressed Save."""

    draft: ConsentDraft
    record: ConsentRecord | None = None  # the version edited; None for a new record
    files: tuple[EvidenceFile, ...] = ()
    decision: ArtistDecision | None = None
    recommendation: AgencyRecommendation | None = None
    send_to_artist: bool = False

    @property
    def terms_changed(self) -> bool:
        return self.record is None or self.draft.normalized() != self.record.terms.normalized()


@dataclass(frozen=True)
class FormSaved:
    """What was done, for the window's message and its undo step."""

    record: ConsentRecord  # the version to show afterwards, as it stands after the save
    created: bool = False
    edited_from: ConsentRecord | None = None  # the version before an in-place edit of terms
    amended: bool = False  # the terms made a new version
    files: int = 0
    decision: DecisionOutcome | None = None


def save_form(consents: ConsentService, request: FormSave) -> FormSaved:
    """All of `request` in one transaction (see the module notes); raises UserError."""
    with consents.db.transaction():
        if request.record is None:
            return _save_new(consents, request)
        return _save_existing(consents, request, request.record)


def _save_new(consents: ConsentService, request: FormSave) -> FormSaved:
    decision = request.decision
    if decision is not None:
        record = consents.record_signed(
            request.draft, request.files, decision, request.recommendation
        )
        return FormSaved(record, created=True, files=len(request.files), decision=decision.outcome)
    status = (
        ConsentStatus.PENDING_ARTIST
        if request.send_to_artist or request.recommendation
        else ConsentStatus.REQUESTED
    )
    record = consents.create(request.draft, status)
    for f in request.files:
        consents.attach_evidence(record.id, f)
    if request.recommendation is not None:
        record = consents.record_recommendation(
            record.id, request.recommendation, record.row_version
        )
    return FormSaved(consents.get(record.id), created=True, files=len(request.files))


def _save_existing(consents: ConsentService, request: FormSave, record: ConsentRecord) -> FormSaved:
    target = record
    edited_from: ConsentRecord | None = None
    amended = False
    if request.terms_changed and record.is_editable:
        target = consents.edit(record.id, request.draft, record.row_version)
        edited_from = record
    elif request.terms_changed and record.status == ConsentStatus.GIVEN:
        target = consents.amend(record.id, request.draft, record.row_version)
        amended = True
    for f in request.files:
        consents.attach_evidence(target.id, f)
    current = consents.get(target.id)
    if request.recommendation is not None:
        current = consents.record_recommendation(
            current.id, request.recommendation, current.row_version
        )
    if current.status == ConsentStatus.REQUESTED and (
        request.send_to_artist or request.decision is not None
    ):
        current = consents.send_to_artist(current.id, current.row_version)
    if request.decision is not None:
        current = consents.record_decision(current.id, request.decision, current.row_version)
    return FormSaved(
        current,
        edited_from=edited_from,
        amended=amended,
        files=len(request.files),
        decision=request.decision.outcome if request.decision is not None else None,
    )


__all__ = ["FormSave", "FormSaved", "save_form"]
