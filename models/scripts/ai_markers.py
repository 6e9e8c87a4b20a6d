"""Finding where a script uses a person's likeness or voice through AI: the markers, their
matching, and the scan of a script (the marker list file is read by marker_list.py).

The markers are data (resources/markers/ai_markers.json, or a person's own copy), because
the words productions use change faster than releases. All phrases are compiled into one
regular expression, so a feature script is scanned in a few milliseconds. Latin phrases only
match whole words ("said" and "maintain" never hit "ai"), Chinese phrases match inside text
but each may list longer words that are not AI use (数字人民币 is money, not a digital human).
Boneyard text never reaches this module; notes do.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from enum import StrEnum

from models.patterns import LazyPattern
from models.records import Record, set_field
from models.scripts.document import Element, ElementKind, ScriptDocument
from models.scripts.marker_patterns import (
    EXT_PARTS,
    NOT_LATIN_AFTER,
    NOT_LATIN_BEFORE,
    combined_source,
    extension_key,
    fold_same_length,
    is_latin,
    lower_same_length,
    phrase_key,
    phrase_pattern,
    within_exception,
)


class AiKind(StrEnum):
    VOICE = "voice"
    LIKENESS = "likeness"
    DE_AGING = "de-aging"
    FACE_SWAP = "face-swap"
    DIGITAL_DOUBLE = "digital-double"
    TRAINING = "training"
    OTHER = "other"


class AiSource(StrEnum):
    EXTENSION = "extension"
    NOTE = "note"
    ACTION = "action"
    DIALOGUE = "dialogue"
    HEADING = "heading"


class Marker(Record):
    """A phrase (or extension) and its kind. `pattern`: a regular expression used instead of
    the phrase's own, for wordings with words in between (用她的声音训练模型)."""

    __slots__ = ("text", "kind", "exceptions", "pattern")  # noqa: RUF023 (field order)
    text: str
    kind: AiKind
    exceptions: tuple[str, ...]
    pattern: str | None

    def __init__(
        self,
        text: str,
        kind: AiKind,
        exceptions: tuple[str, ...] = (),
        pattern: str | None = None,
    ) -> None:
        self._fill(text, kind, exceptions, pattern)


class AiUse(Record):
    """One place in the script that uses someone's likeness or voice through AI."""

    __slots__ = (  # noqa: RUF023 (field order)
        "line",
        "character",
        "kind",
        "source",
        "text",
        "marker",
        "column",
        "page",
    )
    line: int
    character: str | None
    kind: AiKind
    source: AiSource
    text: str  # the words as written in the script
    marker: str  # the marker that matched
    column: int | None  # 0-based start in ScriptDocument.lines[line - 1], if found there
    page: int | None

    def __init__(
        self,
        line: int,
        character: str | None,
        kind: AiKind,
        source: AiSource,
        text: str,
        marker: str,
        column: int | None = None,
        page: int | None = None,
    ) -> None:
        self._fill(line, character, kind, source, text, marker, column, page)


class MarkerSet:
    """A validated marker list, compiled once for fast scanning.

    Equal (and hashed) by its markers and origin; immutable, like the markers themselves."""

    __slots__ = (
        "_anywhere",
        "_by_extension",
        "_by_first",
        "_custom",
        "_each",
        "_exact",
        "_prefixes",
        "_regex",
        "extensions",
        "origin",
        "phrases",
    )
    extensions: tuple[Marker, ...]
    phrases: tuple[Marker, ...]
    origin: str
    _by_extension: dict[str, Marker]
    _each: tuple[tuple[LazyPattern, Marker], ...]
    _regex: LazyPattern | None
    _prefixes: tuple[str, ...]
    _custom: LazyPattern | None
    _by_first: dict[str, tuple[tuple[LazyPattern, Marker], ...]]
    _anywhere: tuple[tuple[LazyPattern, Marker], ...]
    _exact: dict[str, Marker]

    def __init__(
        self,
        extensions: tuple[Marker, ...],
        phrases: tuple[Marker, ...],
        origin: str = "shipped list",
    ) -> None:
        set_field(self, "extensions", extensions)
        set_field(self, "phrases", phrases)
        set_field(self, "origin", origin)
        by_extension = {extension_key(m.text): m for m in extensions}
        ordered = sorted(phrases, key=lambda m: -len(m.text))
        # Each marker's own expression is compiled when a match needs it (`_compiled`): a
        # script usually needs a few of them, and compiling all was most of loading the list.
        each = tuple((LazyPattern(m.pattern or phrase_pattern(m.text)), m) for m in ordered)
        # Each phrase folded once (None for a pattern marker, which may start anywhere).
        folded = [
            None if m.pattern is not None else fold_same_length(m.text.strip()) for m in ordered
        ]
        # One expression without groups: CPython then scans for possible first characters
        # in C, which keeps a 2-million-character line well under a second.
        source, custom, prefixes = combined_source(each, folded)
        set_field(self, "_by_extension", by_extension)
        set_field(self, "_each", each)
        # compiled when a script first has a place where a marker can start (`_starts`)
        set_field(self, "_regex", LazyPattern(source) if each else None)
        set_field(self, "_prefixes", prefixes)
        set_field(self, "_custom", LazyPattern("|".join(custom)) if custom else None)
        # Which markers can start with a given character (a pattern may start with any).
        by_first: dict[str, list[tuple[LazyPattern, Marker]]] = {
            f[:1]: [] for f in folded if f is not None
        }
        exact: dict[str, Marker] = {}
        for (p, m), f in zip(each, folded, strict=True):
            if f is None:
                for tried in by_first.values():
                    tried.append((p, m))
            else:
                by_first[f[:1]].append((p, m))
                exact.setdefault(phrase_key(f), m)
        anywhere = tuple((p, m) for p, m in each if m.pattern is not None)
        set_field(self, "_by_first", {c: tuple(tried) for c, tried in by_first.items()})
        set_field(self, "_exact", exact)
        set_field(self, "_anywhere", anywhere)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            assert isinstance(other, MarkerSet)
            return (self.extensions, self.phrases, self.origin) == (
                other.extensions,
                other.phrases,
                other.origin,
            )
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.extensions, self.phrases, self.origin))

    def __repr__(self) -> str:
        return (
            f"MarkerSet(extensions={self.extensions!r}, phrases={self.phrases!r}, "
            f"origin={self.origin!r})"
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __reduce__(self) -> tuple[type[MarkerSet], tuple[object, ...]]:  # copy and pickle
        return MarkerSet, (self.extensions, self.phrases, self.origin)

    def extension_marker(self, extension: str) -> Marker | None:
        """The marker an extension is, compared whole or by its comma-separated parts."""
        found = self._by_extension.get(extension_key(extension))
        if found is not None:
            return found
        for part in EXT_PARTS.compiled().split(extension):
            found = self._by_extension.get(extension_key(part))
            if found is not None:
                return found
        return None

    def find(self, text: str) -> Iterator[tuple[int, int, Marker]]:
        """(start, end, marker) for every phrase in `text`, left to right."""
        if self._regex is None:
            return
        lowered = fold_same_length(text)
        for m in self._matches(self._regex, lowered):
            start, end = m.span()
            marker = self._exact.get(phrase_key(m.group()))
            if marker is None:  # a plural, "AI 配音" with a space, or a pattern marker
                tried = self._by_first.get(lowered[start], self._anywhere)
                marker = next((mk for p, mk in tried if p.match(lowered, start)), None)
            if marker is None:
                continue
            if marker.exceptions and within_exception(lowered, start, end, marker.exceptions):
                continue
            yield start, end, marker

    def _matches(self, combined: LazyPattern, lowered: str) -> Iterator[re.Match[str]]:
        """`combined.finditer(lowered)`, tried only where a marker can start (`_starts`):
        most of a script has no marker's first letters, yet every t, d, s, a … would be
        tried; and a script with no such place never compiles the expression."""
        starts = self._starts(lowered)
        if starts is None:
            yield from combined.compiled().finditer(lowered)
            return
        end = 0
        for at in starts:
            if at < end:
                continue  # inside the previous match, which finditer does not look into
            regex = combined.compiled()
            m = regex.match(lowered, at)
            if m is None:
                continue
            if m.end() == at:  # an empty match (a person's pattern): finditer's rules from here
                yield from regex.finditer(lowered, at)
                return
            yield m
            end = m.end()

    def _starts(self, lowered: str) -> list[int] | None:
        """Every place a match can start, in order: where a phrase's leading letters are (a
        Latin phrase's only where no Latin letter comes before: its head's look-behind), and
        where a pattern marker matches. None when there are too many places to look at (a text
        made of one marker's letters): then the expression scans the text itself."""
        limit = len(lowered) // 16 + 64
        looked = 0
        found: set[int] = set()
        for prefix in self._prefixes:
            word_start = is_latin(prefix[0])
            at = lowered.find(prefix)
            while at >= 0:
                looked += 1
                if looked > limit:
                    return None
                if not (word_start and at and is_latin(lowered[at - 1])):
                    found.add(at)
                at = lowered.find(prefix, at + 1)
        if self._custom is not None:
            custom = self._custom.compiled()
            m = custom.search(lowered)
            while m is not None:
                found.add(m.start())
                looked += 1
                if looked > limit:
                    return None
                m = custom.search(lowered, m.start() + 1)
        return sorted(found)


# -- detection ----------------------------------------------------------------------------

_SOURCES = {
    ElementKind.DIALOGUE: AiSource.DIALOGUE,
    ElementKind.PARENTHETICAL: AiSource.DIALOGUE,
    ElementKind.ACTION: AiSource.ACTION,
    ElementKind.CENTERED: AiSource.ACTION,
    ElementKind.TRANSITION: AiSource.ACTION,
    ElementKind.SHOT: AiSource.ACTION,
    ElementKind.NOTE: AiSource.NOTE,
    ElementKind.SECTION: AiSource.NOTE,
    ElementKind.SYNOPSIS: AiSource.NOTE,
    ElementKind.SCENE_HEADING: AiSource.HEADING,
}


def detect_ai_uses(doc: ScriptDocument, markers: MarkerSet | None = None) -> tuple[AiUse, ...]:
    """Every AI-use marker in the script, in script order."""
    markers = markers if markers is not None else _shipped()
    names = _NameFinder(doc.character_names)
    hits: list[AiUse] = []
    # One scan over many paragraphs at a time (NUL between them, which no phrase can cross)
    # costs far less than a scan per paragraph; batches of a quarter megabyte keep a long
    # script from being copied whole.
    batch: list[tuple[Element, AiSource]] = []
    size = 0
    for e in doc.elements:
        if e.kind is ElementKind.EXTENSION:
            marker = markers.extension_marker(e.text)
            if marker is not None:
                where = _Where(doc, e)
                hits.append(where.use(0, e.text, marker, AiSource.EXTENSION, e.character))
                continue
            source = AiSource.EXTENSION
        elif e.kind is ElementKind.LYRIC:
            source = AiSource.DIALOGUE if e.character else AiSource.ACTION
        elif e.kind in _SOURCES:
            source = _SOURCES[e.kind]
        else:
            continue
        batch.append((e, source))
        size += len(e.text) + 1
        if size >= _BATCH:
            _scan(doc, batch, markers, names, hits)
            batch, size = [], 0
    if batch:
        _scan(doc, batch, markers, names, hits)
    hits.sort(key=lambda h: (h.line, h.column if h.column is not None else -1))
    return tuple(hits)


_BATCH = 1 << 18


def _scan(
    doc: ScriptDocument,
    scanned: list[tuple[Element, AiSource]],
    markers: MarkerSet,
    names: _NameFinder,
    hits: list[AiUse],
) -> None:
    starts: list[int] = []
    at = 0
    for e, _ in scanned:
        starts.append(at)
        at += len(e.text) + 1
    joined = "\x00".join(e.text for e, _ in scanned)
    wheres: dict[int, _Where] = {}
    for start, end, marker in markers.find(joined):
        k = bisect.bisect_right(starts, start) - 1
        e, source = scanned[k]
        offset = start - starts[k]
        if offset + end - start > len(e.text):
            continue
        where = wheres.get(k) or wheres.setdefault(k, _Where(doc, e))
        who = e.character or names.nearest(e.text, offset, offset + end - start)
        hits.append(where.use(offset, joined[start:end], marker, source, who))


class _Where:
    """Maps offsets in an element's text to source lines and columns (each line found once)."""

    def __init__(self, doc: ScriptDocument, e: Element) -> None:
        self.doc = doc
        self.e = e
        self.starts = [0]
        if "\n" in e.text:
            self.starts += [m.end() for m in re.finditer("\n", e.text)]
        self.bases: dict[int, int] = {}
        self.folded: dict[int, str] = {}
        self.after: dict[int, int] = {}  # hits come in order: search on from the last one
        self.shown: dict[int, str] = {}

    def use(
        self, offset: int, found: str, marker: Marker, source: AiSource, who: str | None
    ) -> AiUse:
        k = bisect.bisect_right(self.starts, offset) - 1
        line = self.e.lines[min(k, len(self.e.lines) - 1)]
        return AiUse(
            line=line,
            character=who,
            kind=marker.kind,
            source=source,
            text=" ".join(found.split()),
            marker=marker.text,
            column=self._column(k, line, offset, found, source),
            page=self.e.page,
        )

    def _column(self, k: int, line: int, offset: int, found: str, source: AiSource) -> int | None:
        """Where the hit starts in the displayed source line, for highlighting."""
        shown = self.shown.get(line)
        if shown is None:  # each source line is cut out of the document's text once
            shown = self.shown[line] = self.doc.line_text(line)
        if source is AiSource.EXTENSION:
            for opener in ("(", "（"):
                at = shown.find(opener + found)
                if at >= 0:
                    return at + 1
        if k not in self.bases:
            end = self.starts[k + 1] - 1 if k + 1 < len(self.starts) else len(self.e.text)
            part = self.e.text[self.starts[k] : end]
            self.bases[k] = shown.find(part) if part else -1
        if self.bases[k] >= 0:
            return self.bases[k] + offset - self.starts[k]
        # The line differs from the element (an inline note was taken out): look for the words.
        if k not in self.folded:
            self.folded[k] = lower_same_length(shown)
        at = self.folded[k].find(lower_same_length(found), self.after.get(k, 0))
        if at < 0:
            return None
        self.after[k] = at + len(found)
        return at


_NAME_REACH = 400


class _NameFinder:
    """Known characters named in a line: NAME or Name (not 'voice' for VOICE), or 林晓."""

    def __init__(self, names: Sequence[str]) -> None:
        forms: dict[str, str] = {}
        for name in names:
            if not name or name == "?":
                continue
            forms[name] = name
            if any(c.isalpha() and c.isascii() for c in name):
                forms[name.title()] = name
        self._forms = forms
        self._regex = None
        if forms:
            ordered = sorted(forms, key=len, reverse=True)
            # Neighbours with the same boundary checks share them: `B(?:X|Y)A` is `BXA|BYA`.
            runs: list[tuple[tuple[bool, bool], list[str]]] = []
            for f in ordered:
                edges = (is_latin(f[0]), is_latin(f[-1]))
                if runs and runs[-1][0] == edges:
                    runs[-1][1].append(re.escape(f))
                else:
                    runs.append((edges, [re.escape(f)]))
            self._regex = re.compile(
                "|".join(
                    (NOT_LATIN_BEFORE if before else "")
                    + ("(?:" + "|".join(names) + ")" if len(names) > 1 else names[0])
                    + (NOT_LATIN_AFTER if after else "")
                    for (before, after), names in runs
                )
            )

    def nearest(self, text: str, start: int, end: int) -> str | None:
        if self._regex is None:
            return None
        # The same line, but not further than a paragraph away on a very long line.
        low = max(0, start - _NAME_REACH)
        line_start = text.rfind("\n", low, start) + 1 or low
        high = min(len(text), end + _NAME_REACH)
        line_end = text.find("\n", end, high)
        line_end = high if line_end < 0 else line_end
        best: tuple[int, str] | None = None
        for m in self._regex.finditer(text, line_start, line_end):
            if m.start() < end and m.end() > start:
                continue  # the marker's own words ("VOICE CLONE") are not a name
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, self._forms[m.group(0)])
        return best[1] if best else None


_SHIPPED: list[MarkerSet] = []


def _shipped() -> MarkerSet:
    if not _SHIPPED:
        from models.scripts.marker_list import load_markers  # it builds on this module

        _SHIPPED.append(load_markers(None))
    return _SHIPPED[0]
