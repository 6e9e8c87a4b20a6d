"""What every script reader produces: one format-neutral, immutable `ScriptDocument`.

Line numbers are always 1-based and point into the source the person has: the text line for
Fountain and plain text, the `<Paragraph>` index for FDX, the paragraph index for Word .docx,
the extracted text line for PDF (the page number is kept beside it). The breakdown view and
the CLI show exactly these numbers.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator, Mapping, Sequence
from enum import StrEnum
from types import MappingProxyType

from models.patterns import LazyPattern
from models.records import Record, set_field

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import overload

LINE_BREAK = re.compile(r"\r\n|\r|\n")


class ScriptFormat(StrEnum):
    FOUNTAIN = "fountain"
    FDX = "fdx"
    PDF = "pdf"
    TEXT = "text"
    DOCX = "docx"


class ElementKind(StrEnum):
    SCENE_HEADING = "scene_heading"
    ACTION = "action"
    CHARACTER = "character"
    EXTENSION = "extension"
    PARENTHETICAL = "parenthetical"
    DIALOGUE = "dialogue"
    TRANSITION = "transition"
    SHOT = "shot"  # NEW SHOT, ANGLE ON, INSERT - …, X'S POV: camera directions, never scenes
    LYRIC = "lyric"
    CENTERED = "centered"
    NOTE = "note"
    SECTION = "section"
    SYNOPSIS = "synopsis"
    PAGE_BREAK = "page_break"


class Element(Record):
    """One paragraph of the script.

    `lines` holds the source line of every `\\n`-separated line of `text`, so a hit inside a
    wrapped paragraph still points at its own line. `character` is the speaker for the parts of
    a dialogue block (cue, extension, parenthetical, dialogue, sung lyric, inline note).
    `scene` is the 1-based index into `ScriptDocument.scenes` (0: before the first scene).
    """

    __slots__ = (  # noqa: RUF023 (field order)
        "kind",
        "text",
        "line",
        "lines",
        "page",
        "character",
        "scene",
        "level",
    )
    kind: ElementKind
    text: str
    line: int
    lines: tuple[int, ...]
    page: int | None
    character: str | None
    scene: int
    level: int  # section depth (# = 1, ## = 2 …)

    def __init__(
        self,
        kind: ElementKind,
        text: str,
        line: int,
        lines: tuple[int, ...],
        page: int | None = None,
        character: str | None = None,
        scene: int = 0,
        level: int = 0,
    ) -> None:
        # one call each, not `_fill`: a long script makes hundreds of thousands of elements
        set_field(self, "kind", kind)
        set_field(self, "text", text)
        set_field(self, "line", line)
        set_field(self, "lines", lines)
        set_field(self, "page", page)
        set_field(self, "character", character)
        set_field(self, "scene", scene)
        set_field(self, "level", level)

    def line_of(self, offset: int) -> int:
        """The source line of the character at `offset` in `text`."""
        index = self.text.count("\n", 0, max(0, offset))
        return self.lines[min(index, len(self.lines) - 1)]


class Scene(Record):
    __slots__ = ("number", "heading", "line", "page")  # noqa: RUF023 (field order)
    number: str  # the script's own scene number (#12A#, 第3场) or the running count
    heading: str
    line: int
    page: int | None

    def __init__(self, number: str, heading: str, line: int, page: int | None = None) -> None:
        self._fill(number, heading, line, page)


class DualDialogue(Record):
    """Two dialogue blocks spoken at the same time (Fountain `^`, FDX `<DualDialogue>`)."""

    __slots__ = ("left", "right", "left_line", "right_line")  # noqa: RUF023 (field order)
    left: str
    right: str
    left_line: int
    right_line: int

    def __init__(self, left: str, right: str, left_line: int, right_line: int) -> None:
        self._fill(left, right, left_line, right_line)


class Character(Record):
    """A speaking part: the name as cued (Latin names upper-cased, extensions removed)."""

    __slots__ = ("name", "dialogue_blocks", "scenes", "first_line")  # noqa: RUF023 (field order)
    name: str
    dialogue_blocks: int
    scenes: tuple[int, ...]  # 1-based indexes into ScriptDocument.scenes where they speak
    first_line: int

    def __init__(
        self, name: str, dialogue_blocks: int, scenes: tuple[int, ...], first_line: int
    ) -> None:
        self._fill(name, dialogue_blocks, scenes, first_line)


class ReadWarning(Record):
    """Something the reader had to guess or skip; the script was still read.

    `message` is a catalogue message (`models.messages.Text`, code `script.…`): the English
    sentence wherever a string is taken (the CLI's JSON, logs), `.render("zh")` on screen."""

    __slots__ = ("line", "message")
    line: int | None
    message: str

    def __init__(self, line: int | None, message: str) -> None:
        self._fill(line, message)


class LineTable(Sequence[str]):
    """The lines of a text, kept as the text itself and where each line starts.

    A 30 MB script has a million lines or more; as separate strings they cost about 60 bytes
    each on top of their text. Here they cost 4: each line is cut out of the one text only
    when it is asked for. The text is a `str`, or the file's own UTF-8 bytes (then nothing is
    copied at all, and a line is decoded when it is read). Line breaks are CR LF, CR or LF;
    a BOM at the start is skipped.
    """

    __slots__ = ("_data", "_starts")

    def __init__(self, text: str | bytes) -> None:
        self._data = text
        code = "I" if len(text) < 2**32 - 2 else "q"
        if isinstance(text, bytes):
            starts = array(code, [3 if text.startswith(b"\xef\xbb\xbf") else 0])
            starts.extend(map(_END, _BYTE_BREAK.finditer(text)))
        else:
            starts = array(code, [1 if text.startswith("\ufeff") else 0])
            starts.extend(map(_END, LINE_BREAK.finditer(text)))
        starts.append(len(text) + 1)  # where a line after the last would start
        self._starts = starts

    @classmethod
    def from_lines(cls, lines: Sequence[str]) -> LineTable:
        return cls("\n".join(lines))

    def may_hold_han(self) -> bool:
        """False when the text surely holds no Chinese character (U+3400–9FFF, U+F900–FAFF):
        an ASCII text, or UTF-8 bytes without the lead bytes those characters start with."""
        data = self._data
        if data.isascii():
            return False
        return isinstance(data, str) or _HAN_LEAD.search(data) is not None

    @property
    def text(self) -> str:
        """The whole text (a copy when the table holds bytes)."""
        data = self._data
        return data.decode("utf-8") if isinstance(data, bytes) else data

    def find(self, needle: str, start: int = 0) -> int:
        """Where `needle` starts (an offset `line_index` understands), or -1."""
        data = self._data
        if isinstance(data, bytes):
            return data.find(needle.encode("utf-8"), start)
        return data.find(needle, start)

    def __contains__(self, needle: object) -> bool:
        """Whether `needle` occurs anywhere in the text (not only as a whole line)."""
        return isinstance(needle, str) and self.find(needle) >= 0

    def search(self, pattern: re.Pattern[str] | LazyPattern, chunk: int = 1 << 20) -> bool:
        """Whether `pattern` (which must not span lines) matches anywhere, decoding at most
        `chunk` characters at a time."""
        data = self._data
        if isinstance(data, str):
            return pattern.search(data) is not None
        n = len(self)
        i = 0
        while i < n:
            j = i
            size = 0
            while j < n and size < chunk:
                size += self._starts[j + 1] - self._starts[j]
                j += 1
            piece = data[self._starts[i] : min(self._starts[j], len(data))].decode("utf-8")
            if pattern.search(piece):
                return True
            i = j
        return False

    def __len__(self) -> int:
        return len(self._starts) - 1

    def line_index(self, offset: int) -> int:
        """The 0-based line holding the character (or byte) at `offset` of the text."""
        return bisect.bisect_right(self._starts, offset, 0, len(self._starts) - 1) - 1

    def _line(self, i: int) -> str:
        start = self._starts[i]
        end = self._starts[i + 1] - 1  # the break's last character, or one past the text
        data = self._data
        if isinstance(data, bytes):
            if end < len(data) and data[end] == 10 and end > start and data[end - 1] == 13:
                end -= 1
            return data[start:end].decode("utf-8")
        if end < len(data) and data[end] == "\n" and end > start and data[end - 1] == "\r":
            end -= 1
        return data[start:end]

    if TYPE_CHECKING:  # the type checker's view; one method at run time

        @overload
        def __getitem__(self, index: int) -> str: ...
        @overload
        def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self._line(i) for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("line index out of range")
        return self._line(index)

    def __iter__(self) -> Iterator[str]:
        return self.iter_from(0)

    def iter_from(self, first: int) -> Iterator[str]:
        """The lines from index `first` on, cut a few hundred at a time (one split in C)."""
        data = self._data
        starts = self._starts
        n = len(self)
        i = max(0, first)
        while i < n:
            j = min(n, i + 512)
            piece = data[starts[i] : starts[j]]
            text = piece.decode("utf-8") if isinstance(piece, bytes) else piece
            parts = LINE_BREAK.split(text)
            yield from parts[: j - i]
            i = j

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineTable | tuple | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"LineTable({len(self)} lines)"


_BYTE_BREAK = re.compile(rb"\r\n|\r|\n")
_END = re.Match.end  # called by `map` in C: no generator frame per line
# The first bytes of the UTF-8 form of U+3000–9FFF and U+F000–FFFF (a cheap pre-check before
# the Chinese character class, whose compiling alone is milliseconds).
_HAN_LEAD = re.compile(rb"[\xe3-\xe9\xef]")


class ScriptDocument(Record):
    __slots__ = (  # noqa: RUF023 (field order)
        "format",
        "source_name",
        "title_page",
        "title",
        "scenes",
        "elements",
        "dual_dialogues",
        "characters",
        "warnings",
        "pages",
        "pages_estimated",
        "lines",
    )
    format: ScriptFormat
    source_name: str
    title_page: Mapping[str, str]
    title: str | None
    scenes: tuple[Scene, ...]
    elements: tuple[Element, ...]
    dual_dialogues: tuple[DualDialogue, ...]
    characters: tuple[Character, ...]
    warnings: tuple[ReadWarning, ...]
    pages: int
    pages_estimated: bool
    lines: Sequence[str]  # the text to show for each source line (index = line - 1)

    def __init__(
        self,
        format: ScriptFormat,
        source_name: str,
        title_page: Mapping[str, str],
        title: str | None,
        scenes: tuple[Scene, ...],
        elements: tuple[Element, ...],
        dual_dialogues: tuple[DualDialogue, ...],
        characters: tuple[Character, ...],
        warnings: tuple[ReadWarning, ...],
        pages: int,
        pages_estimated: bool,
        lines: Sequence[str],
    ) -> None:
        if not isinstance(title_page, MappingProxyType):  # read-only, like the rest
            title_page = MappingProxyType(dict(title_page))
        self._fill(
            format,
            source_name,
            title_page,
            title,
            scenes,
            elements,
            dual_dialogues,
            characters,
            warnings,
            pages,
            pages_estimated,
            lines,
        )

    @property
    def dialogue_blocks(self) -> int:
        return sum(c.dialogue_blocks for c in self.characters)

    @property
    def character_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.characters)

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""
