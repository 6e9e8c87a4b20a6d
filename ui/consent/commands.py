"""Consent edits that can honestly be undone, as QUndoCommands calling the services.

What undo means must stay true to the records, which never forget:
- Editing the terms of an undecided record: undo edits them back (the audit trail keeps both).
- Recording a stance effective now: undo records the previous stance again, from the moment
  of the undo; the stance history keeps both entries. A back-dated stance is not undoable (the
  back-dated period would go on claiming it), so it is never pushed.
- Deadline thresholds: undo saves the previous thresholds.
Creating a record, a decision, an amendment, attaching evidence and revoking cannot be undone
by the services (nothing is deleted); those are not commands — their dialogs say so instead.

Each command is made with `perform(stack, ...)` (ui/commands.py): it records in its
constructor, writes once, and reaches the stack only if that write succeeded; undo and redo
carry the version this desk last wrote (the stack's `VersionBook`) and so never overwrite
another desk's change: a ConflictError is shown and the command drops out of the stack.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from models.consent.deadlines import DeadlineService, DeadlineSettings
from models.consent.service import ConsentService
from models.consent.stance import StanceEntry, StanceService
from models.consent.values import ConsentDraft, ConsentRecord
from models.roster.artist import Stance
from ui.commands import Changed, Failed, ServiceCommand
from ui.roster.labels import stance_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentCommand", text)


class EditConsent(ServiceCommand):
    """The terms of a record nobody has decided on yet, as the form's Save changed them.

    The edit itself is done by `ConsentService.save_form` (with the rest of the form, in one
    transaction); this command records it (`perform` writes nothing more): `before` and
    `after` are the versions around it, and the stack's `VersionBook` carries the version on.
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
        self._old: ConsentDraft = before.terms
        self._new: ConsentDraft = after.terms
        self._saved_version = after.row_version

    @property
    def _key(self) -> tuple[str, int]:
        return ("consent", self.record_id)

    def _save(self, terms: ConsentDraft) -> None:
        version = self.book.get(self._key, self._saved_version)
        self.after = self.consents.edit(self.record_id, terms, version)
        self.book.set(self._key, self.after.row_version)

    def _do(self) -> None:
        self.book.set(self._key, self._saved_version)  # already saved by save_form

    def _undo(self) -> None:
        self._save(self._old)

    def _redo(self) -> None:
        self._save(self._new)


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
        super().__init__(
            _tr("Record AI stance: {stance}").format(stance=stance_label(stance)),
            on_changed,
            on_error,
        )
        self.stances = stances
        self.artist_id = artist_id
        self.entry: StanceEntry | None = None
        self._old: tuple[Stance, str] = (Stance.NOT_ASKED, "")
        self._new = (stance, conditions)

    def _do(self) -> None:
        previous = self.stances.current(self.artist_id)
        if previous is not None:
            self._old = (previous.stance, previous.conditions)
        self._redo()
        assert self.entry is not None
        self._new = (self.entry.stance, self.entry.conditions)

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
        super().__init__(_tr("Change deadline thresholds"), on_changed, on_error)
        self.deadlines = deadlines
        self._old: DeadlineSettings | None = None
        self._new = settings

    def _do(self) -> None:
        self._old = self.deadlines.settings()
        self._redo()

    def _undo(self) -> None:
        assert self._old is not None
        self.deadlines.save_settings(self._old)

    def _redo(self) -> None:
        self.deadlines.save_settings(self._new)
