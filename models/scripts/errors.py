"""The one error the script readers raise: the file cannot be read as a script."""

from __future__ import annotations

from models.errors import UserError


class ScriptReadError(UserError):
    """A script file that is unreadable, hostile, too big or of a format we do not read.

    Readers raise only this (never a parser's own exception), so the GUI and the CLI can show
    one clear sentence; `line`/`column` point into the source when the fault has a place.
    """

    def __init__(
        self,
        message: str,
        message_zh: str | None = None,
        *,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        where = ""
        if line is not None:
            where = f" (line {line}" + (f", column {column}" if column is not None else "") + ")"
        where_zh = ""
        if line is not None:
            where_zh = f"（第 {line} 行" + (f"第 {column} 列" if column is not None else "") + "）"
        super().__init__(message + where, (message_zh or message) + where_zh)
        self.line = line
        self.column = column
