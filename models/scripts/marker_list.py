"""The AI marker list: the shipped resources/markers/ai_markers.json or a person's own copy,
loaded and validated with every problem reported (`MarkerListError`), never a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from models.errors import UserError
from models.messages import phrase
from models.resources import resource_path
from models.scripts.ai_markers import (
    SEPARATORS,
    AiKind,
    Marker,
    MarkerSet,
    extension_key,
)

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any

SHIPPED_MARKERS = resource_path("markers", "ai_markers.json")
MAX_MARKER_FILE = 1024 * 1024
MAX_MARKERS = 5_000
MAX_MARKER_TEXT = 100


class MarkerListError(UserError):
    """A marker file a person edited cannot be used; lists what to fix."""

    def __init__(self, origin: str, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = "; ".join(self.problems[:5])
        extra = len(self.problems) - 5
        more = phrase("error.scripts.ai_markers.more", n=extra) if extra > 0 else ""
        super().__init__("error.scripts.ai_markers.unusable", origin=origin, shown=shown, more=more)


def load_markers(path: str | Path | None = None) -> MarkerSet:
    """The shipped marker list, or a person's own file (validated, with clear errors)."""
    source = Path(path) if path is not None else SHIPPED_MARKERS
    origin = str(source) if path is not None else "shipped list"
    try:
        if source.stat().st_size > MAX_MARKER_FILE:
            raise MarkerListError(origin, [f"the file is larger than {MAX_MARKER_FILE} bytes"])
        raw = source.read_bytes()
    except FileNotFoundError:
        raise MarkerListError(origin, ["the file does not exist"]) from None
    except IsADirectoryError:
        raise MarkerListError(origin, ["this is a folder, not a file"]) from None
    except OSError as e:
        raise MarkerListError(origin, [f"the file cannot be read ({e.strerror or e})"]) from e
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise MarkerListError(origin, ["the file is not UTF-8 text"]) from None
    except json.JSONDecodeError as e:
        raise MarkerListError(
            origin, [f"not valid JSON at line {e.lineno}, column {e.colno}: {e.msg}"]
        ) from None
    return parse_markers(data, origin)


def parse_markers(data: Any, origin: str = "marker list") -> MarkerSet:
    """Validate marker data (as loaded from JSON); every problem is reported, not just one."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise MarkerListError(
            origin, ["the file must hold a JSON object with 'extensions' and 'phrases'"]
        )
    lists: dict[str, list[Marker]] = {}
    for key in ("extensions", "phrases"):
        entries = data.get(key, [])
        if not isinstance(entries, list):
            problems.append(f"'{key}' must be a list")
            entries = []
        lists[key] = _entries(key, entries, problems)
    if not problems and not lists["extensions"] and not lists["phrases"]:
        problems.append("the list has no extensions and no phrases")
    total = len(lists["extensions"]) + len(lists["phrases"])
    if total > MAX_MARKERS:
        problems.append(f"{total} markers; at most {MAX_MARKERS}")
    if problems:
        raise MarkerListError(origin, problems)
    return MarkerSet(tuple(lists["extensions"]), tuple(lists["phrases"]), origin)


_KINDS = ", ".join(k.value for k in AiKind)


def _entries(key: str, entries: list[Any], problems: list[str]) -> list[Marker]:
    markers: list[Marker] = []
    seen: dict[str, int] = {}
    for n, entry in enumerate(entries, 1):
        where = f"{key} #{n}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be an object with 'text' and 'kind'")
            continue
        unknown = set(entry) - {"text", "kind", "except", "pattern"}
        if unknown:
            problems.append(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        text = entry.get("text")
        kind = entry.get("kind")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: 'text' must be non-empty text")
            continue
        text = text.strip()
        where = f"{key} #{n} ('{text}')"
        if len(text) > MAX_MARKER_TEXT:
            problems.append(f"{where}: longer than {MAX_MARKER_TEXT} characters")
            continue
        if key == "extensions":
            text = text.strip("()（）").strip()
            normal = extension_key(text)
            if not normal:
                problems.append(f"{where}: has no letters")
                continue
        else:
            normal = " ".join(SEPARATORS.split(text.casefold()))
        if kind not in {k.value for k in AiKind}:
            problems.append(f"{where}: kind must be one of {_KINDS}")
            continue
        exceptions = entry.get("except", [])
        if not isinstance(exceptions, list) or not all(
            isinstance(x, str) and x.strip() for x in exceptions
        ):
            problems.append(f"{where}: 'except' must be a list of words")
            continue
        pattern = entry.get("pattern")
        if pattern is not None:
            error = _pattern_problem(key, pattern)
            if error:
                problems.append(f"{where}: {error}")
                continue
        bad = [x for x in exceptions if pattern is None and text.casefold() not in x.casefold()]
        if bad:
            problems.append(f"{where}: exception '{bad[0]}' does not contain the phrase")
            continue
        if normal in seen:
            # Spelling variants ("DE-AGED", "DEAGED") are one marker; a clash of kinds is not.
            earlier = markers[seen[normal]]
            if earlier.kind.value != kind:
                problems.append(
                    f"{where}: same as '{earlier.text}' but with another kind ({earlier.kind})"
                )
            continue
        seen[normal] = len(markers)
        markers.append(
            Marker(text, AiKind(kind), tuple(x.strip() for x in exceptions), pattern or None)
        )
    return markers


MAX_PATTERN = 300
_GROUP = re.compile(r"\\.|\[(?:\\.|[^\]])*\]|\((?!\?)")


def _pattern_problem(key: str, pattern: Any) -> str | None:
    """Why a marker's regular expression cannot be used (None when it can).

    It must be lower case where it has letters (the text it is matched against is folded),
    may not capture (all markers run as one expression) and may not match empty text."""
    if key != "phrases":
        return "'pattern' is only allowed for phrases"
    if not isinstance(pattern, str) or not pattern.strip():
        return "'pattern' must be a regular expression"
    if len(pattern) > MAX_PATTERN:
        return f"'pattern' is longer than {MAX_PATTERN} characters"
    if any(m.group(0) == "(" for m in _GROUP.finditer(pattern)):
        return "'pattern' may only use non-capturing groups (?:…)"
    try:
        compiled = re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as e:
        return f"'pattern' is not a valid regular expression ({e})"
    if compiled.match("") is not None:
        return "'pattern' matches empty text"
    return None
