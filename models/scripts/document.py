"""What every script reader produces: one format-neutral, immutable `ScriptDocument`.

Line numbers are always 1-based and point into the source the person has: the text line for
Fountain and plain text, the `<Paragraph>` index for FDX, the paragraph index for Word .docx,
the extracted text line for PDF (the page number is kept beside it). The breakdown view and
the CLI show exactly these numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


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


@dataclass(frozen=True, slots=True)
class Element:
    """One paragraph of the script.

    `lines` holds the source line of every `\\n`-separated line of `text`, so a hit inside a
    wrapped paragraph still points at its own line. `character` is the speaker for the parts of
    a dialogue block (cue, extension, parenthetical, dialogue, sung lyric, inline note).
    `scene` is the 1-based index into `ScriptDocument.scenes` (0: before the first scene).
    """

    kind: ElementKind
    text: str
    line: int
    lines: tuple[int, ...]
    page: int | None = None
    character: str | None = None
    scene: int = 0
    level: int = 0  # section depth (# = 1, ## = 2 …)

    def line_of(self, offset: int) -> int:
        """The source line of the character at `offset` in `text`."""
        index = self.text.count("\n", 0, max(0, offset))
        return self.lines[min(index, len(self.lines) - 1)]


@dataclass(frozen=True, slots=True)
class Scene:
    number: str  # the script's own scene number (#12A#, 第3场) or the running count
    heading: str
    line: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class DualDialogue:
    """Two dialogue blocks spoken at the same time (Fountain `^`, FDX `<DualDialogue>`)."""

    left: str
    right: str
    left_line: int
    right_line: int


@dataclass(frozen=True, slots=True)
class Character:
    """A speaking part: the name as cued (Latin names upper-cased, extensions removed)."""

    name: str
    dialogue_blocks: int
    scenes: tuple[int, ...]  # 1-based indexes into ScriptDocument.scenes where they speak
    first_line: int


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """Something the reader had to guess or skip; the script was still read."""

    line: int | None
    message: str


@dataclass(frozen=True, slots=True)
class ScriptDocument:
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
    lines: tuple[str, ...]  # the text to show for each source line (index = line - 1)

    def __post_init__(self) -> None:
        if not isinstance(self.title_page, MappingProxyType):  # read-only, like the rest
            object.__setattr__(self, "title_page", MappingProxyType(dict(self.title_page)))

    @property
    def dialogue_blocks(self) -> int:
        return sum(c.dialogue_blocks for c in self.characters)

    @property
    def character_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.characters)

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""
