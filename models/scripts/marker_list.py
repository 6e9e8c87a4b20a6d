"""The AI marker list: the shipped resources/markers/ai_markers.json or a person's own copy,
loaded and validated with every problem reported (`MarkerListError`), never a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from models.errors import UserError
from models.messages import Text, phrase
from models.resources import resource_path
from models.scripts.ai_markers import AiKind, Marker, MarkerSet
from models.scripts.marker_patterns import SEPARATORS, extension_key

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any

SHIPPED_MARKERS = resource_path("markers", "ai_markers.json")
MAX_MARKER_FILE = 1024 * 1024
MAX_MARKERS = 5_000
MAX_MARKER_TEXT = 100


class MarkerListError(UserError):
    """A marker file a person edited cannot be used; lists what to fix."""

    def __init__(self, origin: str, problems: Sequence[Text]) -> None:
        self.problems = list(problems)
        shown = self.problems[:5]
        extra = len(self.problems) - 5
        more = phrase("error.scripts.ai_markers.more", n=extra) if extra > 0 else ""
        super().__init__("error.scripts.ai_markers.unusable", origin=origin, shown=shown, more=more)


def load_markers(path: str | Path | None = None) -> MarkerSet:
    """The shipped marker list, or a person's own file (validated, with clear errors)."""
    source = Path(path) if path is not None else SHIPPED_MARKERS
    origin = str(source) if path is not None else "shipped list"
    try:
        if source.stat().st_size > MAX_MARKER_FILE:
            raise MarkerListError(origin, [Text("markers.too_large", n=MAX_MARKER_FILE)])
        raw = source.read_bytes()
    except FileNotFoundError:
        raise MarkerListError(origin, [Text("markers.missing")]) from None
    except IsADirectoryError:
        raise MarkerListError(origin, [Text("markers.folder")]) from None
    except OSError as e:
        raise MarkerListError(origin, [Text("markers.unreadable", reason=e.strerror or e)]) from e
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise MarkerListError(origin, [Text("markers.not_utf8")]) from None
    except json.JSONDecodeError as e:
        raise MarkerListError(
            origin,
            [
                Text(
                    "markers.not_json",
                    line=e.lineno,
                    column=e.colno,
                    reason=e.msg,
                )
            ],
        ) from None
    return parse_markers(data, origin)


def parse_markers(data: Any, origin: str = "marker list") -> MarkerSet:
    """Validate marker data (as loaded from JSON); every problem is reported, not just one."""
    problems: list[Text] = []
    if not isinstance(data, dict):
        raise MarkerListError(origin, [Text("markers.not_object")])
    lists: dict[str, list[Marker]] = {}
    for key in ("extensions", "phrases"):
        entries = data.get(key, [])
        if not isinstance(entries, list):
            problems.append(Text("markers.not_list", key=key))
            entries = []
        lists[key] = _entries(key, entries, problems)
    if not problems and not lists["extensions"] and not lists["phrases"]:
        problems.append(Text("markers.empty"))
    total = len(lists["extensions"]) + len(lists["phrases"])
    if total > MAX_MARKERS:
        problems.append(Text("markers.too_many", total=total, n=MAX_MARKERS))
    if problems:
        raise MarkerListError(origin, problems)
    return MarkerSet(tuple(lists["extensions"]), tuple(lists["phrases"]), origin)


_KINDS = ", ".join(k.value for k in AiKind)


def _at(where: dict[str, Any], problem: str | Text, **values: Any) -> Text:
    """A problem (a code and its values, or a Text) of one entry, named by its list, number
    and text."""
    said = problem if isinstance(problem, Text) else phrase(problem, **values)
    return Text("markers.at", where=where, problem=said)


def _entries(key: str, entries: list[Any], problems: list[Text]) -> list[Marker]:
    markers: list[Marker] = []
    seen: dict[str, int] = {}
    for n, entry in enumerate(entries, 1):
        where = phrase("markers.entry", key=key, n=n)
        if not isinstance(entry, dict):
            problems.append(_at(where, "markers.entry_not_object"))
            continue
        unknown = set(entry) - {"text", "kind", "except", "pattern"}
        if unknown:
            problems.append(_at(where, "markers.unknown_fields", fields=", ".join(sorted(unknown))))
        text = entry.get("text")
        kind = entry.get("kind")
        if not isinstance(text, str) or not text.strip():
            problems.append(_at(where, "markers.text_empty"))
            continue
        text = text.strip()
        where = phrase("markers.entry_text", key=key, n=n, text=text)
        if len(text) > MAX_MARKER_TEXT:
            problems.append(_at(where, "markers.text_too_long", n=MAX_MARKER_TEXT))
            continue
        if key == "extensions":
            text = text.strip("()（）").strip()
            normal = extension_key(text)
            if not normal:
                problems.append(_at(where, "markers.no_letters"))
                continue
        else:
            normal = " ".join(SEPARATORS.split(text.casefold()))
        if kind not in {k.value for k in AiKind}:
            problems.append(_at(where, "markers.bad_kind", kinds=_KINDS))
            continue
        exceptions = entry.get("except", [])
        if not isinstance(exceptions, list) or not all(
            isinstance(x, str) and x.strip() for x in exceptions
        ):
            problems.append(_at(where, "markers.except_not_words"))
            continue
        pattern = entry.get("pattern")
        if pattern is not None:
            error = _pattern_problem(key, pattern)
            if error:
                problems.append(_at(where, error))
                continue
        bad = [x for x in exceptions if pattern is None and text.casefold() not in x.casefold()]
        if bad:
            problems.append(_at(where, "markers.exception_lacks_phrase", word=bad[0]))
            continue
        if normal in seen:
            # Spelling variants ("DE-AGED", "DEAGED") are one marker; a clash of kinds is not.
            earlier = markers[seen[normal]]
            if earlier.kind.value != kind:
                clash = _at(where, "markers.kind_clash", earlier=earlier.text, kind=earlier.kind)
                problems.append(clash)
            continue
        seen[normal] = len(markers)
        markers.append(
            Marker(text, AiKind(kind), tuple(x.strip() for x in exceptions), pattern or None)
        )
    return markers


MAX_PATTERN = 300
_GROUP = re.compile(r"\\.|\[(?:\\.|[^\]])*\]|\((?!\?)")


def _pattern_problem(key: str, pattern: Any) -> Text | None:
    """Why a marker's regular expression cannot be used (None when it can).

    It must be lower case where it has letters (the text it is matched against is folded),
    may not capture (all markers run as one expression) and may not match empty text."""
    if key != "phrases":
        return Text("markers.pattern_phrases_only")
    if not isinstance(pattern, str) or not pattern.strip():
        return Text("markers.pattern_not_text")
    if len(pattern) > MAX_PATTERN:
        return Text("markers.pattern_too_long", n=MAX_PATTERN)
    if any(m.group(0) == "(" for m in _GROUP.finditer(pattern)):
        return Text("markers.pattern_captures")
    try:
        compiled = re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as e:
        return Text("markers.pattern_invalid", reason=e)
    if compiled.match("") is not None:
        return Text("markers.pattern_matches_empty")
    return None
