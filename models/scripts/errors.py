"""The one error the script readers raise: the file cannot be read as a script."""

from __future__ import annotations

from models.errors import UserError
from models.messages import render

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
        message_zh: str | None = None,
        *,
        line: int | None = None,
        column: int | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message, message_zh, **params)
        if line is not None:
            code = "error.scripts.at_line" if column is None else "error.scripts.at_line_column"
            values = {"line": line, "column": column}
            self.message += render(code, "en", values)
            self.message_zh += render(code, "zh", values)
            self.args = (self.message,)
        self.line = line
        self.column = column
