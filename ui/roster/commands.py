"""Roster edits as undoable commands that call RosterService and remember the old values.

Each command is *performed* first (so a refused save never reaches the undo stack), then
pushed; its first `redo()` is therefore a no-op. Undo and redo carry the version the command
itself last saw, so they never overwrite a change another desk made in between: that raises
`ConflictError`, which is shown, and the command drops out of the stack (Qt removes obsolete
commands). Nothing is ever deleted: undoing an add archives the new artist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from models.errors import UserError
from models.roster.artist import Artist, ArtistDraft
from models.roster.service import RosterService

Changed = Callable[[list[int]], None]
Failed = Callable[[UserError], None]


class RosterCommand(QUndoCommand):
    """Shared plumbing: skip the first redo, report changes, turn failures into messages."""

    def __init__(self, roster: RosterService, text: str, on_changed: Changed, on_error: Failed):
        super().__init__(text)
        self.roster = roster
        self._on_changed = on_changed
        self._on_error = on_error
        self._performed = True

    def redo(self) -> None:
        if self._performed:
            self._performed = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Callable[[], list[int]]) -> None:
        try:
            changed = step()
        except UserError as e:
            self.setObsolete(True)
            self._on_changed([])
            self._on_error(e)
            return
        self._on_changed(changed)

    def _redo(self) -> list[int]:
        raise NotImplementedError

    def _undo(self) -> list[int]:
        raise NotImplementedError


class AddArtist(RosterCommand):
    def __init__(
        self, roster: RosterService, draft: ArtistDraft, on_changed: Changed, on_error: Failed
    ) -> None:
        artist = roster.add(draft)
        super().__init__(
            roster,
            QCoreApplication.translate("RosterCommand", "Add {name}").format(
                name=artist.display_name
            ),
            on_changed,
            on_error,
        )
        self.artist_id = artist.id
        self._version = artist.version

    def _undo(self) -> list[int]:
        self._version = self.roster.set_archived(self.artist_id, True, self._version).version
        return [self.artist_id]

    def _redo(self) -> list[int]:
        self._version = self.roster.set_archived(self.artist_id, False, self._version).version
        return [self.artist_id]


class EditArtist(RosterCommand):
    def __init__(
        self,
        roster: RosterService,
        before: Artist,
        draft: ArtistDraft,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        after = roster.update(before.id, draft, expected_version=before.version)
        super().__init__(
            roster,
            QCoreApplication.translate("RosterCommand", "Edit {name}").format(
                name=after.display_name
            ),
            on_changed,
            on_error,
        )
        self.artist_id = before.id
        self._old = before.draft()
        self._new = after.draft()
        self._version = after.version

    def _undo(self) -> list[int]:
        self._version = self.roster.update(self.artist_id, self._old, self._version).version
        return [self.artist_id]

    def _redo(self) -> list[int]:
        self._version = self.roster.update(self.artist_id, self._new, self._version).version
        return [self.artist_id]


class SetArchived(RosterCommand):
    """Archive (or bring back) one or more artists; undo restores each one's old state."""

    def __init__(
        self,
        roster: RosterService,
        artists: Sequence[Artist],
        archived: bool,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        self.archived = archived
        self._versions: dict[int, int] = {}
        failure: UserError | None = None
        for artist in artists:
            if artist.archived == archived:
                continue
            try:
                saved = roster.set_archived(artist.id, archived, artist.version)
            except UserError as e:  # keep what succeeded undoable, then say what did not
                failure = e
                break
            self._versions[artist.id] = saved.version
        if len(artists) == 1:
            name = artists[0].display_name
            text = (
                QCoreApplication.translate("RosterCommand", "Archive {name}")
                if archived
                else QCoreApplication.translate("RosterCommand", "Unarchive {name}")
            )
            text = text.format(name=name)
        else:
            n = len(self._versions)
            text = (
                QCoreApplication.translate("RosterCommand", "Archive {n} artists")
                if archived
                else QCoreApplication.translate("RosterCommand", "Unarchive {n} artists")
            )
            text = text.format(n=n)
        super().__init__(roster, text, on_changed, on_error)
        self.failure = failure

    @property
    def artist_ids(self) -> list[int]:
        return list(self._versions)

    def _set(self, archived: bool) -> list[int]:
        for artist_id, version in list(self._versions.items()):
            self._versions[artist_id] = self.roster.set_archived(
                artist_id, archived, version
            ).version
        return self.artist_ids

    def _undo(self) -> list[int]:
        return self._set(not self.archived)

    def _redo(self) -> list[int]:
        return self._set(self.archived)
