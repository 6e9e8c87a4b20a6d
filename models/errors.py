"""Errors the user caused and can act on.

Everything raised from `models` that a person should read derives from `UserError`: the GUI
shows it as a message and the CLI prints it as one line on stderr with exit code 2. Anything
else is a bug and is logged with its traceback.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.messages import PHRASE, Text, field_name, has, phrase, render

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any


def message_of(message: str, params: dict[str, Any]) -> Text:
    """The catalogue message a problem or error carries: a `Text`, or a code and its values.

    A sentence is refused (a programming error, caught by the tests): words live once in
    resources/messages, so every message renders in English and Chinese where it is shown."""
    if isinstance(message, Text):
        if params:
            raise TypeError(f"{message.code!r} is a Text already; give its values to Text()")
        return message
    if not isinstance(message, str) or not has(message):
        raise ValueError(
            f"{message!r} is not a code of resources/messages: give a catalogue code and its "
            "values (add the entry in en.json and zh.json), not a sentence"
        )
    return Text(message, **params)


class UserError(Exception):
    """A problem with the user's input or environment, with a message meant for people.

    Raise it with a catalogue code and the message's values — `UserError("error.file.unreadable",
    path=p)` — or a ready `Text`; it renders in English or Chinese where it is shown
    (`text(language)`), like `FieldProblem`. `message` is that `Text` (its English wording,
    its `code` and values).
    """

    def __init__(self, message: str, /, **params: Any) -> None:
        self.message = message_of(message, params)
        super().__init__(self.message)

    def text(self, language: str) -> str:
        """The message in `language` ("en" or "zh")."""
        return self.message.render(language)

    def __str__(self) -> str:
        return str(self.message)


class FieldProblem:
    """One validation problem tied to a field (and a row, for imports).

    Give it a catalogue code and values — `FieldProblem("bio", "problem.is_longer_than_characters",
    n=200)` — or a ready `Text`, and it renders in either language at the edge (`text("zh")`).
    """

    __slots__ = ("field", "message", "row")

    def __init__(self, field: str, message: str, /, row: int | None = None, **params: Any) -> None:
        self.field = field
        self.row = row
        self.message = message_of(message, params)

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> dict[str, Any]:
        return self.message.params

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
        return self.message.render(language)

    def as_phrase(self) -> dict[str, Any]:
        """The problem with its field (and row) as a message value: the field's name in both
        languages, so it renders in the language of the message that holds it."""
        key = "validation.at_row" if self.row is not None else "validation.at_field"
        field = (field_name(self.field, "en"), field_name(self.field, "zh"))
        return phrase(key, row=self.row, field=field, message=self.message)

    def text(self, language: str) -> str:
        """ "row 3, native_name: a name is required" / "第 3 行，原文姓名：必须填写名称"."""
        found = self.as_phrase()
        return render(found[PHRASE], language, found)

    def __str__(self) -> str:
        return self.text("en")


def validation_message(problems: Sequence[FieldProblem], shown: int = 5) -> Text:
    """ "Please correct: …" / "请更正：…" for a list of problems (the first `shown` of them)."""
    more = len(problems) - shown
    return Text(
        "validation.please_correct",
        problems=[p.as_phrase() for p in problems[:shown]],
        more=phrase("validation.more", n=more) if more > 0 else "",
    )


class ValidationError(UserError):
    """Input that does not satisfy the domain rules; lists every problem, not just the first."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__(validation_message(self.problems))


class ConflictError(UserError):
    """Someone else saved the same record first (optimistic version check)."""


class NotFoundError(UserError):
    """The record asked for does not exist."""


class DatabaseError(UserError):
    """The database cannot be used as it is: newer version, locked, or not a database."""
