"""Shared assembly of a `ScriptDocument`, so every reader counts scenes, cues and pages alike.

Readers only say what they saw ("a heading at line 12", "a cue 'HAL (AI VOICE)' at 40"); the
builder turns that into elements, scene membership, speaking parts, dual-dialogue pairs and
a page estimate, so the four formats cannot drift apart in how they count.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from models.scripts.document import (
    Character,
    DualDialogue,
    Element,
    ElementKind,
    ReadWarning,
    Scene,
    ScriptDocument,
    ScriptFormat,
)

_EXTENSION = re.compile(r"[(（]([^()（）]*)[)）]")
_SPACES = re.compile(r"\s+")
_EMPHASIS = re.compile(r"\\(?=[*_])|\*{1,3}|(?<![\w])_|_(?![\w])")

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any

MAX_WARNINGS = 200
_ABBREVIATIONS = frozenset({"MR.", "MRS.", "MS.", "DR.", "ST.", "JR.", "SR.", "JNR.", "SNR."})

# The page model of a standard screenplay page (Courier 12 pt, 1.5"/1" margins): how many
# characters fit on a line of each element, and how many lines fit on a page.
_LINES_PER_PAGE = 56
_WIDTH = {
    ElementKind.SCENE_HEADING: 60,
    ElementKind.ACTION: 60,
    ElementKind.CENTERED: 60,
    ElementKind.TRANSITION: 60,
    ElementKind.SHOT: 60,
    ElementKind.CHARACTER: 38,
    ElementKind.PARENTHETICAL: 26,
    ElementKind.DIALOGUE: 35,
    ElementKind.LYRIC: 35,
}
_SPACE_BEFORE = {
    ElementKind.SCENE_HEADING: 1,
    ElementKind.ACTION: 1,
    ElementKind.CENTERED: 1,
    ElementKind.TRANSITION: 1,
    ElementKind.SHOT: 1,
    ElementKind.CHARACTER: 1,
}


def split_cue(raw: str, *, marks: bool = True) -> tuple[str, tuple[str, ...], bool]:
    """'@Hal (AI VOICE) ^' → ('HAL', ('AI VOICE',), True): name, extensions, dual marker.

    `marks`: the text may carry Fountain's '@' and '^' marks (not so in FDX and PDF).
    """
    text = raw.strip()
    dual = marks and text.endswith("^")
    if dual:
        text = text[:-1].rstrip()
    if marks and text.startswith("@"):
        text = text[1:]
    extensions = tuple(e.strip() for e in _EXTENSION.findall(text) if e.strip())
    name = _EXTENSION.sub(" ", text)
    name = _SPACES.sub(" ", name).strip().upper()
    if marks and name.endswith(" ^"):  # "AND ^ (Dual)": the mark before the extension
        name, dual = name[:-2].rstrip(), True
    if name.endswith(".") and name.rsplit(" ", 1)[-1] not in _ABBREVIATIONS:
        name = name[:-1].rstrip()  # "ZIPPY." and "ZIPPY" are one character
    return name, extensions, dual


def clean_title(value: str) -> str:
    """A title-page value as one readable line: emphasis marks dropped, lines joined."""
    parts = [_EMPHASIS.sub("", line).strip() for line in value.splitlines()]
    return " ".join(p for p in parts if p)


class _Speaker:
    __slots__ = ("blocks", "first_line", "scenes")

    def __init__(self, first_line: int) -> None:
        self.blocks = 0
        self.scenes: list[int] = []
        self.first_line = first_line


def _text(code: str, params: dict[str, Any]) -> str:
    """A warning's `Text`, made only when there is a warning: a script that warns about
    nothing (most) never reads the catalogue, and the readers do not import it themselves."""
    from models.messages import Text

    return Text(code, **params)


class DocumentBuilder:
    """Collects what a reader saw, in reading order, and freezes it into a ScriptDocument."""

    def __init__(self) -> None:
        self._elements: list[Element] = []
        self._scenes: list[Scene] = []
        self._speakers: dict[str, _Speaker] = {}
        self._duals: list[DualDialogue] = []
        self._warnings: list[ReadWarning] = []
        self._warned = 0
        self.speaker: str | None = None  # who is talking right now (None outside dialogue)
        self._last_cue: tuple[str, int] | None = None
        self._last_cue_open = False  # nothing but that block since the last cue
        # A long script repeats names, extensions and "(beat)" thousands of times, and puts a
        # cue, its extension and its speech on one line: such values are stored once.
        self._scene_no = 0
        self._same: dict[str, str] = {}
        self._one_line: tuple[int, ...] = (0,)
        self._cues: dict[tuple[str, bool], tuple[str, tuple[str, ...], bool]] = {}

    # -- what readers report -------------------------------------------------------------

    def add(
        self,
        kind: ElementKind,
        text: str,
        lines: tuple[int, ...] | int,
        *,
        page: int | None = None,
        level: int = 0,
    ) -> Element:
        if isinstance(lines, int):
            lines = self._one_line if self._one_line[0] == lines else (lines,)
        if len(lines) == 1:
            self._one_line = lines
        if kind in _REPEATED and len(text) <= _SHORT:
            text = self._same.setdefault(text, text)
        in_block = self.speaker is not None and (kind in _BLOCK_PARTS or kind is _NOTE)
        if not in_block and kind not in _NEUTRAL:
            self.speaker = None
            self._last_cue_open = False
        # positional: a long script makes hundreds of thousands, and keywords cost a quarter
        element = Element(
            kind,
            text,
            lines[0],
            lines,
            page,
            self.speaker if in_block else None,
            self._scene_no,
            level,
        )
        self._elements.append(element)
        return element

    def heading(
        self, text: str, line: int, *, number: str | None = None, page: int | None = None
    ) -> None:
        self.speaker = None
        self._last_cue_open = False
        number = number or str(len(self._scenes) + 1)
        self._scenes.append(Scene(number=number, heading=text, line=line, page=page))
        self._scene_no = len(self._scenes)
        self.add(ElementKind.SCENE_HEADING, text, line, page=page)

    def cue(
        self,
        raw: str,
        line: int,
        *,
        page: int | None = None,
        dual: bool = False,
        marks: bool = True,
    ) -> str:
        """Start a dialogue block; returns the speaker's name. `dual`: the right-hand side."""
        split = self._cues.get((raw, marks))
        if split is None:  # each way a cue is written is split once (EDWARD is cued 300 times)
            split = split_cue(raw, marks=marks)
            if len(raw) <= _SHORT and len(self._cues) < _MAX_CUES:
                self._cues[raw, marks] = split
        name, extensions, marked = split
        name = self._same.setdefault(name, name)
        dual = dual or marked
        if not name:
            name = raw.strip().upper() or "?"
        if dual:
            if self._last_cue is not None and self._last_cue_open:
                left, left_line = self._last_cue
                self._duals.append(DualDialogue(left, name, left_line, line))
            else:
                self.warn(line, "script.dual_dialogue_without_block", name=name)
        self.speaker = name
        self.add(ElementKind.CHARACTER, name, line, page=page)
        for extension in extensions:
            self.add(ElementKind.EXTENSION, extension, line, page=page)
        speaker = self._speakers.get(name)
        if speaker is None:
            speaker = self._speakers[name] = _Speaker(first_line=line)
        speaker.blocks += 1
        scene = len(self._scenes)
        if scene and (not speaker.scenes or speaker.scenes[-1] != scene):
            speaker.scenes.append(scene)
        self._last_cue = (name, line)
        self._last_cue_open = True
        return name

    def end_dialogue(self) -> None:
        """A blank line or a new paragraph type ends the block (the pair window stays open)."""
        self.speaker = None

    def warn(self, line: int | None, code: str, **params: Any) -> None:
        """Note what the reader had to guess or skip, as a catalogue message (`code` in
        resources/messages/*.json with `params` for its placeholders): its English sentence in
        JSON, and rendered in the reader's language where it is shown."""
        self._warned += 1
        if self._warned <= MAX_WARNINGS:
            self._warnings.append(ReadWarning(line, _text(code, params)))
        elif self._warned == MAX_WARNINGS + 1:
            self._warnings.append(ReadWarning(None, _text("script.more_warnings_left_out", {})))

    @property
    def scene_count(self) -> int:
        return len(self._scenes)

    @property
    def element_count(self) -> int:
        return len(self._elements)

    # -- the result ------------------------------------------------------------------------

    def finish(
        self,
        fmt: ScriptFormat,
        source_name: str,
        lines: Sequence[str],
        *,
        title_page: Mapping[str, str] | None = None,
        title: str | None = None,
        pages: int | None = None,
    ) -> ScriptDocument:
        title_page = dict(title_page or {})
        if title is None and title_page.get("title"):
            title = clean_title(title_page["title"]) or None
        characters = tuple(
            sorted(
                (
                    Character(name, s.blocks, tuple(s.scenes), s.first_line)
                    for name, s in self._speakers.items()
                ),
                key=lambda c: (-c.dialogue_blocks, c.name),
            )
        )
        estimated = pages is None
        if pages is None:
            pages = estimate_pages(self._elements, has_title_page=bool(title_page))
        return ScriptDocument(
            format=fmt,
            source_name=source_name,
            title_page=title_page,
            title=title,
            scenes=tuple(self._scenes),
            elements=tuple(self._elements),
            dual_dialogues=tuple(self._duals),
            characters=characters,
            warnings=tuple(self._warnings),
            pages=pages,
            pages_estimated=estimated,
            lines=lines,
        )


_REPEATED = frozenset(
    {
        ElementKind.CHARACTER,
        ElementKind.EXTENSION,
        ElementKind.PARENTHETICAL,
        ElementKind.TRANSITION,
    }
)
_SHORT = 40
_MAX_CUES = 10_000  # distinct cue lines remembered (a hostile file may have a million)
_BLOCK_PARTS = frozenset(
    {
        ElementKind.CHARACTER,
        ElementKind.EXTENSION,
        ElementKind.PARENTHETICAL,
        ElementKind.DIALOGUE,
        ElementKind.LYRIC,
    }
)
# Elements that neither belong to nor end a dialogue block (writer's notes, outline marks).
_NEUTRAL = frozenset({ElementKind.NOTE, ElementKind.SECTION, ElementKind.SYNOPSIS})
_NOTE = ElementKind.NOTE
_SPOKEN = frozenset({ElementKind.PARENTHETICAL, ElementKind.DIALOGUE})  # printed as dialogue


def estimate_pages(elements: list[Element], *, has_title_page: bool) -> int:
    """Pages the script would fill in standard layout (Courier 12, ~56 lines a page)."""
    used = 0
    pages = 1
    dialogue_run = False
    # Members read once: each `ElementKind.X` in the loop is an enum class lookup (~0.2 µs).
    page_break, lyric, character = ElementKind.PAGE_BREAK, ElementKind.LYRIC, ElementKind.CHARACTER
    for e in elements:
        kind = e.kind
        if kind is page_break:
            if used:
                pages += 1
                used = 0
            continue
        width = _WIDTH.get(kind)
        if width is None:
            continue  # notes, sections, synopses and extensions are not printed
        in_dialogue = kind in _SPOKEN or (kind is lyric and e.character is not None)
        need = 0 if in_dialogue and dialogue_run else _SPACE_BEFORE.get(kind, 1)
        dialogue_run = in_dialogue or kind is character
        text = e.text
        if "\n" in text:
            for part in text.split("\n"):
                need += max(1, -(-len(part) // width))
        else:
            need += max(1, -(-len(text) // width))
        used += need
        while used > _LINES_PER_PAGE:
            pages += 1
            used -= _LINES_PER_PAGE
    return pages + (1 if has_title_page else 0)
