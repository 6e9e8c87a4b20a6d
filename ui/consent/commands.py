"""Consent edits that can honestly be undone, as QUndoCommands calling the services.

What undo means must stay true to the records, which never forget:
- Editing the terms of an undecided record: undo edits them back (the audit trail keeps both).
- Recording a stance effective now: undo records the previous stance again, from the moment
  of the undo; the stance history keeps both entries. A back-dated stance is not undoable (the
  back-dated period would go on claiming it), so it is never pushed.
- Deadline thresholds: undo saves the previous thresholds.
Creating a record, a decision, an amendment, attaching evidence and revoking cannot be undone
by the services (nothing is deleted); those are not commands — their dialogs say so instead.

As in ui/roster/commands.py, each command is performed first (so a refused save never reaches
the stack), then pushed; undo and redo carry the version last seen and so never overwrite
another desk's change: a ConflictError is shown and the command drops out of the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from models.consent.deadlines import DeadlineService, DeadlineSettings
from models.consent.service import ConsentService
from models.consent.stance import StanceEntry, StanceService
from models.consent.values import ConsentRecord
from models.errors import UserError
from models.roster.artist import Stance
from ui.commands import ServiceCommand
from ui.roster.labels import stance_label

Changed = Callable[[], None]
Failed = Callable[[UserError], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentCommand", text)


class EditConsent(ServiceCommand):
    """The terms of a record nobody has decided on yet, as the form's Save changed them.

    The edit itself is done by `ConsentService.save_form` (with the rest of the form, in one
    transaction); this command records it: `before` and `after` are the versions around it.
    """

    def __init__(
        self,
        consents: ConsentService,
        before: ConsentRecord,
        after: ConsentRecord,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        super().__init__(
            _tr("Edit consent #{id} ({scope})").format(id=before.id, scope=before.scope_label),
            on_changed,
            on_error,
        )
        self.consents = consents
        self.record_id = before.id
        self.after = after
        self._old = before.terms
        self._new = after.terms
        self._row_version = after.row_version

    def _undo(self) -> None:
        self.after = self.consents.edit(self.record_id, self._old, self._row_version)
        self._row_version = self.after.row_version

    def _redo(self) -> None:
        self.after = self.consents.edit(self.record_id, self._new, self._row_version)
        self._row_version = self.after.row_version


class RecordStance(ServiceCommand):
    """A new stance entry effective now; undo records the previous stance again."""

    def __init__(
        self,
        stances: StanceService,
        artist_id: int,
        stance: Stance,
        conditions: str,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        previous = stances.current(artist_id)
        entry = stances.record(artist_id, stance, conditions)
        super().__init__(
            _tr("Record AI stance: {stance}").format(stance=stance_label(stance)),
            on_changed,
            on_error,
        )
        self.stances = stances
        self.artist_id = artist_id
        self.entry = entry
        self._old: tuple[Stance, str] = (
            (previous.stance, previous.conditions)
            if previous is not None
            else (Stance.NOT_ASKED, "")
        )
        self._new = (stance, entry.conditions)

    def _undo(self) -> None:
        self.entry = self.stances.record(self.artist_id, *self._old)

    def _redo(self) -> None:
        self.entry = self.stances.record(self.artist_id, *self._new)


def record_backdated_stance(
    stances: StanceService,
    artist_id: int,
    stance: Stance,
    conditions: str,
    effective_at: datetime,
) -> StanceEntry:
    """A stance learned earlier: recorded for good (see the module notes), not undoable."""
    return stances.record(artist_id, stance, conditions, effective_at=effective_at)


class SaveDeadlineSettings(ServiceCommand):
    """The thresholds of the deadlines dashboard (shared by every desk)."""

    def __init__(
        self,
        deadlines: DeadlineService,
        settings: DeadlineSettings,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        old = deadlines.settings()
        deadlines.save_settings(settings)
        super().__init__(_tr("Change deadline thresholds"), on_changed, on_error)
        self.deadlines = deadlines
        self._old = old
        self._new = settings

    def _undo(self) -> None:
        self.deadlines.save_settings(self._old)

    def _redo(self) -> None:
        self.deadlines.save_settings(self._new)
