"""Errors the user caused and can act on.

Everything raised from `models` that a person should read derives from `UserError`: the GUI
shows it as a message and the CLI prints it as one line on stderr with exit code 2. Anything
else is a bug and is logged with its traceback.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.messages import code_of, field_name, has, render

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any


class UserError(Exception):
    """A problem with the user's input or environment, with a message meant for people.

    Raise it with a catalogue code and the message's values — `UserError("error.file.unreadable",
    path=p)` — and it renders in English or Chinese where it is shown (`text(language)`), like
    `FieldProblem`. A ready sentence (and its Chinese) still works for messages composed
    elsewhere (e.g. a list of validation problems).
    """

    def __init__(self, message: str, message_zh: str | None = None, **params: Any) -> None:
        if message_zh is None and " " not in message and has(message):
            self.code = message
            self.params: dict[str, Any] = params
            message, message_zh = render(message, "en", params), render(message, "zh", params)
        else:
            self.code, self.params = "", {}
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh or message

    def text(self, language: str) -> str:
        """The message in `language` ("en" or "zh")."""
        return self.message_zh if language == "zh" else self.message

    def __str__(self) -> str:
        return self.message


class FieldProblem:
    """One validation problem tied to a field (and a row, for imports).

    Give it a catalogue code and values — `FieldProblem("bio", "problem.is_longer_than_characters",
    n=200)` — and it renders in either language at the edge (`text("zh")`). An English message
    instead of a code still works (the catalogue finds its code by the English wording).
    """

    __slots__ = ("code", "field", "message", "params", "row")

    def __init__(self, field: str, message: str, row: int | None = None, **params: Any) -> None:
        self.field = field
        self.row = row
        if " " not in message and has(message):
            self.code = message
            self.params: dict[str, Any] = dict(params)
            self.message = render(message, "en", params)
        else:
            found = code_of(message)
            self.code = found[0] if found else ""
            self.params = dict(found[1]) if found else {}
            self.message = message

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldProblem):
            return NotImplemented
        return (self.field, self.message, self.row) == (other.field, other.message, other.row)

    def __hash__(self) -> int:
        return hash((self.field, self.message, self.row))

    def __repr__(self) -> str:
        return f"FieldProblem({self.field!r}, {self.message!r}, row={self.row!r})"

    def message_in(self, language: str) -> str:
        """The problem itself (without the field) in `language`."""
        if not self.code:
            return self.message
        return render(self.code, language, self.params)

    def text(self, language: str) -> str:
        """ "row 3, native_name: a name is required" / "第 3 行，原文姓名：必须填写名称"."""
        values = {
            "row": self.row,
            "field": field_name(self.field, language),
            "message": self.message_in(language),
        }
        key = "validation.at_row" if self.row is not None else "validation.at_field"
        return render(key, language, values)

    def __str__(self) -> str:
        return self.text("en")


def validation_message(problems: Sequence[FieldProblem], language: str, shown: int = 5) -> str:
    """ "Please correct: …" / "请更正：…" for a list of problems (the first `shown` of them)."""
    text = render("validation.separator", language).join(p.text(language) for p in problems[:shown])
    more = (
        render("validation.more", language, {"n": len(problems) - shown})
        if len(problems) > shown
        else ""
    )
    return render("validation.please_correct", language, {"problems": text, "more": more})


class ValidationError(UserError):
    """Input that does not satisfy the domain rules; lists every problem, not just the first."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__(
            validation_message(self.problems, "en"), validation_message(self.problems, "zh")
        )


class ConflictError(UserError):
    """Someone else saved the same record first (optimistic version check)."""


class NotFoundError(UserError):
    """The record asked for does not exist."""


class DatabaseError(UserError):
    """The database cannot be used as it is: newer version, locked, or not a database."""
