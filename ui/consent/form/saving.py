"""The consent form's Save: one service call, then the window's message and undo step.

`ConsentService.save_form` does everything the form asked (record or new terms, files,
recommendation, sending, decision) in one transaction (models/consent/form_save.py). This
module only words what happened and, when the terms of an undecided record were edited in
place, offers that edit on the undo stack (the only undoable part; the form said so before
saving, see ui/consent/form/dialog.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from models.consent.form_save import FormSave, FormSaved
from models.consent.service import ConsentService
from models.consent.values import DecisionOutcome
from models.errors import UserError
from ui.consent.commands import EditConsent


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentSaving", text)


@dataclass(frozen=True)
class Saved:
    record_id: int  # the version to show afterwards (a new version after an amendment)
    message: str


def save_form(
    consents: ConsentService,
    request: FormSave,
    undo_stack: QUndoStack,
    on_changed: Callable[[], None],
    on_error: Callable[[UserError], None],
) -> Saved:
    """Save what the form asked for; raises UserError (then nothing was saved)."""
    done = consents.save_form(request)
    if done.edited_from is not None:
        EditConsent.perform(
            undo_stack, consents, done.edited_from, done.record, on_changed, on_error
        )
    return Saved(done.record.id, _message(done))


def _message(done: FormSaved) -> str:
    record = done.record
    if done.created:
        if done.decision == DecisionOutcome.GIVEN:
            return _tr("Consent #{id} recorded as given.").format(id=record.id)
        if done.decision == DecisionOutcome.REFUSED:
            return _tr("Consent #{id} recorded as refused.").format(id=record.id)
        return _tr("Consent #{id} recorded, waiting for a decision.").format(id=record.id)
    messages: list[str] = []
    if done.edited_from is not None:
        messages.append(_tr("Terms of consent #{id} saved.").format(id=done.edited_from.id))
    elif done.amended:
        messages.append(
            _tr("Version {v} of consent #{id} created, waiting for the artist.").format(
                v=record.version, id=record.supersedes_id
            )
        )
    if done.files:
        messages.append(_tr("{n} file(s) attached.").format(n=done.files))
    if done.decision is not None:
        given = done.decision == DecisionOutcome.GIVEN
        messages.append(_tr("Consent given.") if given else _tr("Consent refused."))
    return " ".join(messages) or _tr("Nothing changed.")
