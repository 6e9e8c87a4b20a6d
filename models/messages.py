"""One message catalogue: what models, reports and the command line say, by code and values.

Problems and lines for people carry a code and parameters (`FieldProblem("native_name",
"problem.a_name_is_required")`); the words live once per language in
`resources/messages/<lang>.json`, beside the statement wording, and are rendered at the edge
in English or Chinese. JSON rather than gettext .po: the catalogue is read with the standard
library (no Babel import at start-up — Babel's `support` module alone costs ~127 ms, more than
twice a bare interpreter), the agency's lawyers edit it like the statement texts, and the same
file is read by the CLI, the reports and the GUI. Qt widgets keep their .ts/.qm.

There is no way back from an English sentence to its code: `FieldProblem` and `UserError`
take a code (or a `Text`) and refuse a sentence, and tests/models/test_problem_codes.py walks
the sources for sentences given to them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache

from models.resources import resource_path

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any

LANGUAGES = ("en", "zh")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
PHRASE = "$code"  # a parameter that is itself a catalogue message: {"$code": code, **values}


def phrase(code: str, **params: Any) -> dict[str, Any]:
    """A catalogue message used as a value inside another one (e.g. "Line 5: " in a finding);
    plain data, so it can be stored as JSON and rendered later in either language."""
    return {PHRASE: code, **params}


class Text(str):
    """A catalogue message that is also its English text: a problem or note made in models or
    reports (`Text("verify.not_pdf")`) reads as the English sentence wherever a string is
    expected (JSON, logs, tests), and `render(language)` gives it in either language at the
    edge. As a value inside another message it is rendered in that message's language."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, /, **params: Any) -> Text:
        self = super().__new__(cls, render(code, "en", params))
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a Text does not change")

    def render(self, language: str) -> str:
        return render(self.code, language, self.params)

    def __str__(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Text({self.code!r}, {str.__repr__(self)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_text_again, (self.code, self.params))

    def __copy__(self) -> Text:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Text:
        return self


def _text_again(code: str, params: dict[str, Any]) -> Text:
    return Text(code, **params)


def in_language(value: object, language: str) -> str:
    """A `Text` in `language`; any other value as it is written."""
    return value.render(language) if isinstance(value, Text) else str(value)


@cache
def catalogue(language: str) -> dict[str, str]:
    """Every message of one language, by code (read once)."""
    lang = language if language in LANGUAGES else "en"
    data = json.loads(resource_path("messages", f"{lang}.json").read_text("utf-8"))
    return {str(k): str(v) for k, v in data["messages"].items()}


def has(code: str) -> bool:
    return code in catalogue("en")


def one_line(value: object, limit: int = 60) -> str:
    """A value echoed back in a message: no line breaks or control characters, not a whole
    file (`'a\\nb'`, cut with "…"), so the message stays one line."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _value(name: str, value: Any, language: str) -> str:
    """A parameter as the language writes it: a message of its own (`phrase(code, ...)`), a
    pair (en, zh) of words from the data, a status word, or the value itself."""
    if isinstance(value, Text):
        return value.render(language)
    if isinstance(value, Mapping) and isinstance(value.get(PHRASE), str):
        inner = {k: v for k, v in value.items() if k != PHRASE}
        return render(str(value[PHRASE]), language, inner)
    if (
        isinstance(value, list | tuple)
        and value
        and all(isinstance(v, Mapping | Text) for v in value)
    ):
        sep = render("list.separator", language)  # several phrases: "a; b" / "a；b"
        return sep.join(_value(name, v, language) for v in value)
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return str(value[1] if language == "zh" else value[0])
    if name == "status" and language == "zh":
        from models.consent.lifecycle import STATUS_LABELS  # only when needed: no import circle
        from models.consent.words import ConsentStatus

        try:
            return str(STATUS_LABELS[ConsentStatus(str(value))][1])
        except ValueError:
            return str(value)
    return str(value)


def from_json(value: Any) -> Any:
    """Message values read back from JSON: each (en, zh) pair is a tuple again (JSON stores
    it as a list), inside phrases and lists too."""
    if isinstance(value, list):
        if len(value) == 2 and all(isinstance(v, str) for v in value):
            return (value[0], value[1])
        return [from_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): from_json(v) for k, v in value.items()}
    return value


def render(code: str, language: str, params: Mapping[str, Any] | None = None) -> str:
    """The message `code` in `language` with its values filled in; the code itself when the
    catalogue lacks it (so nothing is ever hidden)."""
    template = catalogue(language).get(code) or catalogue("en").get(code)
    if template is None:
        return code
    values = params or {}

    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        return _value(name, values[name], language) if name in values else m.group(0)

    return _PLACEHOLDER.sub(fill, template)


def field_name(field: str, language: str) -> str:
    """A field's name in words (the raw name when unknown)."""
    if language != "zh":
        return field
    from models.consent.history import FIELD_LABELS  # only when needed: no import circle

    if field in FIELD_LABELS:
        return FIELD_LABELS[field][1]
    return catalogue("zh").get(f"field.{field}", field)


__all__ = [
    "LANGUAGES",
    "PHRASE",
    "Text",
    "catalogue",
    "field_name",
    "from_json",
    "has",
    "in_language",
    "phrase",
    "render",
]
