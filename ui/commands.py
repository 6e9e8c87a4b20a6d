"""The one undo command shape every view's edits share, and the row versions they carry.

As in orange-canvas-core, a command's constructor only records what the edit is (the old
and the new value); acting is the command's job. `ServiceCommand.perform(stack, ...)` builds
the command, makes its first write through the service and pushes it onto the undo stack only
if that write succeeded — a refused save (a rule, another desk's change) raises `UserError`
to the caller and leaves the stack as it was. Qt calls `redo()` on push; that first redo is
skipped because the write has already happened.

Row versions: every write raises the row's version, and several commands on one stack may
touch the same row (edit an artist, then archive them). So each undo stack has one
`VersionBook` holding the version this desk's own last write left on each row; undo and redo
expect that version, and a change made meanwhile at another desk is never overwritten: the
service raises `ConflictError`, which is shown, and the command drops out of the stack
(Qt removes obsolete commands).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from models.errors import UserError

Changed = Callable[[], None]
Failed = Callable[[UserError], None]
P = ParamSpec("P")
C = TypeVar("C", bound="ServiceCommand")
_BOOK_NAME = "versionBook"


class VersionBook(QObject):
    """The row version this desk's own last write left on each row (one per undo stack).

    Keys name the row: `("artist", 7)`, `("proposal", 3)`, `("mapping", script_id, name)`.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seen: dict[Hashable, int] = {}

    def get(self, key: Hashable, fallback: int) -> int:
        return self._seen.get(key, fallback)

    def set(self, key: Hashable, version: int) -> None:
        self._seen[key] = version


def version_book(stack: QUndoStack) -> VersionBook:
    """The stack's book (made on first use; it lives and dies with the stack)."""
    book = stack.findChild(VersionBook, _BOOK_NAME)
    if book is None:
        book = VersionBook(stack)
        book.setObjectName(_BOOK_NAME)
    return book


class ServiceCommand(QUndoCommand):
    """Records in the constructor, writes in `perform`/`redo`; failures become messages."""

    def __init__(self, text: str, on_changed: Changed, on_error: Failed) -> None:
        super().__init__(text)
        self._on_changed = on_changed
        self._on_error = on_error
        self._performed = False
        self.book = VersionBook()  # replaced by the stack's own book in `perform`

    @classmethod
    def perform(cls: Callable[P, C], stack: QUndoStack, /, *args: P.args, **kwargs: P.kwargs) -> C:
        """Build the command, write through the service, push only if the write succeeded.

        Raises the service's `UserError` (nothing is pushed then).
        """
        command = cls(*args, **kwargs)
        command.book = version_book(stack)
        command._do()
        if command.worth_pushing():
            command._performed = True
            stack.push(command)
        return command

    def worth_pushing(self) -> bool:
        """False when the first write changed nothing there is to undo."""
        return True

    def redo(self) -> None:
        if self._performed:
            self._performed = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except UserError as e:
            self.setObsolete(True)
            self._on_changed()
            self._on_error(e)
            return
        self._on_changed()

    def _do(self) -> None:
        """The first write; the same as a redo unless the command says otherwise."""
        self._redo()

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError
