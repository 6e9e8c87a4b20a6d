"""Roster edits as undoable commands that call RosterService and remember the old values.

Each command is made with `perform(stack, ...)` (ui/commands.py): it records in its
constructor, writes once, and reaches the undo stack only if that write succeeded. Undo and
redo carry the version this desk last wrote (the stack's `VersionBook`), so they never
overwrite a change another desk made in between: that raises `ConflictError`, which is
shown, and the command drops out of the stack. Nothing is ever deleted: undoing an add
archives the new artist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from models.errors import UserError
from models.roster.artist import Artist, ArtistDraft
from models.roster.service import RosterService
from ui.commands import Failed, ServiceCommand

Changed = Callable[[list[int]], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("RosterCommand", text)


def _key(artist_id: int) -> tuple[str, int]:
    return ("artist", artist_id)


class RosterCommand(ServiceCommand):
    """Reports the artists it changed (none after a failure), so the view selects them."""

    def __init__(self, roster: RosterService, text: str, on_changed: Changed, on_error: Failed):
        super().__init__(text, self._report, on_error)
        self.roster = roster
        self._on_artists_changed = on_changed

    @property
    def artist_ids(self) -> list[int]:
        raise NotImplementedError

    def _report(self) -> None:
        self._on_artists_changed([] if self.isObsolete() else self.artist_ids)

    def _archive(self, artist_id: int, archived: bool, fallback: int) -> None:
        version = self.book.get(_key(artist_id), fallback)
        saved = self.roster.set_archived(artist_id, archived, version)
        self.book.set(_key(artist_id), saved.version)


class AddArtist(RosterCommand):
    def __init__(
        self, roster: RosterService, draft: ArtistDraft, on_changed: Changed, on_error: Failed
    ) -> None:
        super().__init__(roster, _tr("Add {name}"), on_changed, on_error)
        self.draft = draft
        self.artist_id = 0  # known once added

    @property
    def artist_ids(self) -> list[int]:
        return [self.artist_id]

    def _do(self) -> None:
        artist = self.roster.add(self.draft)
        self.artist_id = artist.id
        self.book.set(_key(artist.id), artist.version)
        self.setText(self.text().format(name=artist.display_name))

    def _undo(self) -> None:
        self._archive(self.artist_id, True, 0)

    def _redo(self) -> None:
        self._archive(self.artist_id, False, 0)


class EditArtist(RosterCommand):
    def __init__(
        self,
        roster: RosterService,
        before: Artist,
        draft: ArtistDraft,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        super().__init__(roster, _tr("Edit {name}"), on_changed, on_error)
        self.artist_id = before.id
        self._before_version = before.version
        self._old = before.draft()
        self._new = draft

    @property
    def artist_ids(self) -> list[int]:
        return [self.artist_id]

    def _save(self, draft: ArtistDraft, version: int) -> Artist:
        saved = self.roster.update(self.artist_id, draft, version)
        self.book.set(_key(self.artist_id), saved.version)
        return saved

    def _do(self) -> None:
        # the form showed `before`: the first write expects exactly that version
        after = self._save(self._new, self._before_version)
        self._new = after.draft()
        self.setText(self.text().format(name=after.display_name))

    def _undo(self) -> None:
        self._save(self._old, self.book.get(_key(self.artist_id), self._before_version))

    def _redo(self) -> None:
        self._save(self._new, self.book.get(_key(self.artist_id), self._before_version))


class SetArchived(RosterCommand):
    """Archive (or bring back) one or more artists; undo restores each one's old state.

    If one artist of several cannot be changed, the ones before it stay changed and undoable
    and `failure` says why the rest were not; if the first one fails, nothing is pushed.
    """

    def __init__(
        self,
        roster: RosterService,
        artists: Sequence[Artist],
        archived: bool,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        super().__init__(roster, "", on_changed, on_error)
        self.archived = archived
        self._artists = [a for a in artists if a.archived != archived]
        self._names = [a.display_name for a in artists]
        self._done: list[int] = []
        self.failure: UserError | None = None

    @property
    def artist_ids(self) -> list[int]:
        return list(self._done)

    def worth_pushing(self) -> bool:
        return bool(self._done)

    def _do(self) -> None:
        for artist in self._artists:
            try:
                self._first_write(artist)
            except UserError as e:  # keep what succeeded undoable, then say what did not
                if not self._done:
                    raise
                self.failure = e
                break
            self._done.append(artist.id)
        if len(self._names) == 1:
            text = _tr("Archive {name}") if self.archived else _tr("Unarchive {name}")
            self.setText(text.format(name=self._names[0]))
        else:
            text = _tr("Archive {n} artists") if self.archived else _tr("Unarchive {n} artists")
            self.setText(text.format(n=len(self._done)))

    def _first_write(self, artist: Artist) -> None:
        """The first write for one artist: expects the version the view showed."""
        saved = self.roster.set_archived(artist.id, self.archived, artist.version)
        self.book.set(_key(artist.id), saved.version)

    def _set(self, archived: bool) -> None:
        for artist_id in self._done:
            self._archive(artist_id, archived, 0)

    def _undo(self) -> None:
        self._set(not self.archived)

    def _redo(self) -> None:
        self._set(self.archived)
