"""The one error the script readers raise: the file cannot be read as a script."""

from __future__ import annotations

from models.errors import UserError, message_of
from models.messages import Text, phrase

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any


class ScriptReadError(UserError):
    """A script file that is unreadable, hostile, too big or of a format we do not read.

    Readers raise only this (never a parser's own exception), so the GUI and the CLI can show
    one clear sentence; `line`/`column` point into the source when the fault has a place. Like
    every `UserError` it takes a catalogue code and its values (`ScriptReadError(
    "error.scripts.reader.too_large", name=...)`).
    """

    def __init__(
        self,
        message: str,
        /,
        *,
        line: int | None = None,
        column: int | None = None,
        **params: Any,
    ) -> None:
        said = message_of(message, params)
        if line is not None:
            code = "error.scripts.at_line" if column is None else "error.scripts.at_line_column"
            said = Text(
                "error.scripts.located", problem=said, at=phrase(code, line=line, column=column)
            )
        super().__init__(said)
        self.line = line
        self.column = column
