"""Turning what the consent form asked for into service calls, as few transactions as can be.

- A new record with the artist's decision is journey 3 in one call (`record_signed`): record,
  files, recommendation and decision commit together or not at all.
- A new record without a decision: record, files and recommendation in one transaction
  (`one_transaction`).
- Changed terms of an undecided record go through the `EditConsent` undo command; whatever
  else the form asked (files, recommendation, decision) then follows in one transaction.
- Changed terms of a given record make a new version (`amend`); files go with the new version.
Only the in-place edit is undoable; the form said so before saving (see ui/consent/form.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.together import one_transaction
from models.consent.values import (
    AgencyRecommendation,
    ArtistDecision,
    ConsentDraft,
    ConsentRecord,
    DecisionOutcome,
)
from models.consent.words import ConsentStatus
from models.errors import UserError
from ui.consent.commands import EditConsent


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentSaving", text)


@dataclass(frozen=True)
class FormResult:
    """What the person asked for when they pressed Save."""

    artist_id: int
    record: ConsentRecord | None  # the version edited; None for a new record
    draft: ConsentDraft
    files: tuple[EvidenceFile, ...] = ()
    decision: ArtistDecision | None = None
    recommendation: AgencyRecommendation | None = None
    send_to_artist: bool = False

    @property
    def terms_changed(self) -> bool:
        return self.record is None or self.draft.normalized() != self.record.terms.normalized()


@dataclass(frozen=True)
class Saved:
    record_id: int  # the version to show afterwards (a new version after an amendment)
    message: str


def save_form(
    consents: ConsentService,
    result: FormResult,
    undo_stack: QUndoStack,
    on_changed: Callable[[], None],
    on_error: Callable[[UserError], None],
) -> Saved:
    """Perform the form's request; raises UserError (nothing half-saved within each step)."""
    if result.record is None:
        return _save_new(consents, result)
    return _save_existing(consents, result, result.record, undo_stack, on_changed, on_error)


def _save_new(consents: ConsentService, result: FormResult) -> Saved:
    if result.decision is not None:
        record = consents.record_signed(
            result.draft, result.files, result.decision, result.recommendation
        )
        if result.decision.outcome == DecisionOutcome.GIVEN:
            text = _tr("Consent #{id} recorded as given.")
        else:
            text = _tr("Consent #{id} recorded as refused.")
        return Saved(record.id, text.format(id=record.id))
    status = (
        ConsentStatus.PENDING_ARTIST
        if result.send_to_artist or result.recommendation
        else ConsentStatus.REQUESTED
    )
    with one_transaction(consents.db) as tx:
        joined = ConsentService(tx, consents.clock)
        record = joined.create(result.draft, status)
        for f in result.files:
            joined.attach_evidence(record.id, f)
        if result.recommendation is not None:
            joined.record_recommendation(record.id, result.recommendation, record.row_version)
    return Saved(
        record.id, _tr("Consent #{id} recorded, waiting for a decision.").format(id=record.id)
    )


def _save_existing(
    consents: ConsentService,
    result: FormResult,
    record: ConsentRecord,
    undo_stack: QUndoStack,
    on_changed: Callable[[], None],
    on_error: Callable[[UserError], None],
) -> Saved:
    target = record
    messages: list[str] = []
    if result.terms_changed and record.is_editable:
        command = EditConsent.perform(
            undo_stack, consents, record, result.draft, on_changed, on_error
        )
        target = command.after
        messages.append(_tr("Terms of consent #{id} saved.").format(id=record.id))
    elif result.terms_changed and record.status == ConsentStatus.GIVEN:
        target = consents.amend(record.id, result.draft, record.row_version)
        messages.append(
            _tr("Version {v} of consent #{id} created, waiting for the artist.").format(
                v=target.version, id=record.id
            )
        )
    rest = bool(result.files or result.recommendation or result.decision)
    rest = rest or (result.send_to_artist and target.status == ConsentStatus.REQUESTED)
    if rest:
        with one_transaction(consents.db) as tx:
            joined = ConsentService(tx, consents.clock)
            for f in result.files:
                joined.attach_evidence(target.id, f)
            current = joined.get(target.id)
            if result.recommendation is not None:
                current = joined.record_recommendation(
                    current.id, result.recommendation, current.row_version
                )
            wants_decision = result.decision is not None
            if current.status == ConsentStatus.REQUESTED and (
                result.send_to_artist or wants_decision
            ):
                current = joined.send_to_artist(current.id, current.row_version)
            if result.decision is not None:
                current = joined.record_decision(current.id, result.decision, current.row_version)
        if result.files:
            messages.append(_tr("{n} file(s) attached.").format(n=len(result.files)))
        if result.decision is not None:
            given = result.decision.outcome == DecisionOutcome.GIVEN
            messages.append(_tr("Consent given.") if given else _tr("Consent refused."))
    return Saved(target.id, " ".join(messages) or _tr("Nothing changed."))
