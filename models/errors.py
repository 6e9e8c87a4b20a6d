"""Errors the user caused and can act on.

Everything raised from `models` that a person should read derives from `UserError`: the GUI
shows it as a message and the CLI prints it as one line on stderr with exit code 2. Anything
else is a bug and is logged with its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """A problem with the user's input or environment, with a message meant for people."""

    def __init__(self, message: str, message_zh: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh or message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class FieldProblem:
    """One validation problem tied to a field (and a row, for imports)."""

    field: str
    message: str
    row: int | None = None

    def __str__(self) -> str:
        where = f"row {self.row}, " if self.row is not None else ""
        return f"{where}{self.field}: {self.message}"


class ValidationError(UserError):
    """Input that does not satisfy the domain rules; lists every problem, not just the first."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = list(problems)
        shown = "; ".join(str(p) for p in self.problems[:5])
        more = f" (and {len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        from models.problems_zh import validation_message_zh  # the catalogue imports us

        super().__init__(f"Please correct: {shown}{more}", validation_message_zh(self.problems))


class ConflictError(UserError):
    """Someone else saved the same record first (optimistic version check)."""


class NotFoundError(UserError):
    """The record asked for does not exist."""


class DatabaseError(UserError):
    """The database cannot be used as it is: newer version, locked, or not a database."""
