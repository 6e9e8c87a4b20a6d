"""The one undo command shape every view's edits share.

An edit is performed by calling a service before the command is pushed, so the first redo
(which QUndoStack calls on push) is skipped; a later undo or redo that the service refuses
(someone else changed the record) becomes a message and the step is dropped, not a traceback.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from models.errors import UserError

Changed = Callable[[], None]
Failed = Callable[[UserError], None]


class ServiceCommand(QUndoCommand):
    """Skips the first redo (already performed); failures become messages, not tracebacks."""

    def __init__(self, text: str, on_changed: Changed, on_error: Failed) -> None:
        super().__init__(text)
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

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except UserError as e:
            self.setObsolete(True)
            self._on_changed()
            self._on_error(e)
            return
        self._on_changed()

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError
