"""Our own Fountain reader (fountain.io syntax), written so nothing a person wrote is lost.

Existing parsers drop [[notes]] or fold extensions into names; a consent check needs both, and
needs every element's source line. The boneyard (/* */) is removed before anything is read, so
text a writer has cut is never scanned. Every step is linear in the size of the file, so a
hostile file (a 2-million-character line, unclosed notes) still finishes in well under a second.
"""

from __future__ import annotations

import re
import types
from collections import deque
from collections.abc import Sequence

from models.names import HAN
from models.scripts.builder import DocumentBuilder
from models.scripts.document import ElementKind, LineTable, ScriptDocument, ScriptFormat
from models.scripts.fountain_flow import (
    Line,
    Note,
    extract_notes,
    is_blank,
    remove_boneyard,
)

_HEADING = re.compile(r"^(?:int\.?/ext|int/ext|i/e|int|ext|est)[. ]", re.IGNORECASE)
_SCENE_NUMBER = re.compile(r"[\w.\-]+")
_PAGE_BREAK = re.compile(r"^={3,}$")
_CENTERED = re.compile(r"^>\s*(.*?)\s*<$")
_TITLE_KEY = re.compile(r"^([A-Za-z][A-Za-z0-9 _'\-]{0,39}):(.*)$")
_KNOWN_TITLE_KEYS = frozenset(
    {
        "title",
        "credit",
        "author",
        "authors",
        "source",
        "draft date",
        "date",
        "contact",
        "copyright",
        "notes",
        "revision",
        "episode",
        "format",
    }
)
MAX_CUE = 80  # a longer all-caps line is a cue only if it is words alone, no sentences
_SENTENCE = frozenset(".!?,;:…。！？，；：")


def _chinese() -> types.ModuleType:
    """The Chinese rules (models/scripts/chinese.py), loaded once a text is known to use them."""
    from models.scripts import chinese

    return chinese


class FountainParser:
    """Reads Fountain paragraph by paragraph; `text.TextParser` adds the Chinese layouts."""

    fmt = ScriptFormat.FOUNTAIN

    def __init__(self, text: str | LineTable, source_name: str) -> None:
        """`text`: the script, or its lines as `decoding.decode_lines` gives them."""
        self.source_name = source_name
        self.raw_lines: Sequence[str] = text if isinstance(text, LineTable) else LineTable(text)
        self.b = DocumentBuilder()
        self.title_page: dict[str, str] = {}
        self.title: str | None = None
        # Notes on lines of their own inside the paragraph being read, in line order.
        self._pending_notes: deque[tuple[int, Note]] = deque()
        # False when no line lost text to a [[note]] (most scripts): then none is looked for.
        self._has_notes = True
        # Chinese: names cued in the `林晓：` layout (filled by the plain-text reader) and the
        # names standing alone above speech that the whole script confirms as cues.
        self.han = False
        self.known_names: dict[str, int] = {}
        self._han_cues: frozenset[str] = frozenset()

    def parse(self) -> ScriptDocument:
        raw = self.raw_lines
        table = raw if isinstance(raw, LineTable) else LineTable.from_lines(raw)
        if "/*" in table:  # rare: only then is a second copy of the text made
            flow = extract_notes(LineTable.from_lines(remove_boneyard(list(raw), self.b)))
        else:
            flow = extract_notes(table)
        self._has_notes = flow.has_notes
        if not self.han and table.may_hold_han():
            self.han = table.search(HAN)
        if self.han:
            self._han_cues = standalone_han_cues(flow, self.known_names)
        start = self.read_title_page(flow)
        block: list[Line] = []
        special = type(self).special_line is not FountainParser.special_line
        for entry in flow.iter_from(start):
            raw = entry.text
            if entry.note_only:
                block.append(entry)
                continue
            stripped = raw.strip()
            if not stripped:
                if raw.startswith("  ") and self._is_dialogue_block(block):
                    block.append(Line(entry.number, "", entry.notes))
                    continue
                self.flush(block)
                block = []
                self.b.end_dialogue()
                continue
            entry.text = stripped
            if stripped[0] == "=" and _PAGE_BREAK.match(stripped):
                self.flush(block)
                block = []
                self.add(ElementKind.PAGE_BREAK, "", (entry.number,), entry)
                continue
            if special and self.special_line(entry, block):
                block = []
                continue
            if self.han and _chinese().is_heading(stripped):
                self.flush(block)  # a Chinese heading stands alone, blank line or not
                block = []
                self.scene_heading(stripped, entry)
                continue
            block.append(entry)
        self.flush(block)
        return self.b.finish(
            self.fmt,
            self.source_name,
            self.raw_lines,
            title_page=self.title_page,
            title=self.title,
        )

    # -- hooks for the plain-text reader --------------------------------------------------

    def special_line(self, entry: Line, block: list[Line]) -> bool:
        """A line that stands on its own whatever surrounds it; True when it was handled."""
        return False

    def title_key(self, line: str) -> tuple[str, str] | None:
        m = _TITLE_KEY.match(line)
        return (m.group(1).strip().lower(), m.group(2).strip()) if m else None

    # -- title page -------------------------------------------------------------------------

    def read_title_page(self, flow: Sequence[Line], first: int = 0) -> int:
        """Read the title page starting at `first`; returns the index where the script starts."""
        while first < len(flow) and is_blank(flow[first].text):
            first += 1
        if first == len(flow):
            return first
        pairs: list[list[str]] = []
        i = first
        while i < len(flow) and not is_blank(flow[i].text):
            line = flow[i].text
            indented = line[:1] in " \t"
            pair = None if indented else self.title_key(line.strip())
            if pair is not None:
                pairs.append([pair[0], pair[1]])
            elif pairs and indented:
                pairs[-1][1] = (pairs[-1][1] + "\n" + line.strip()).strip("\n")
            elif pairs:
                break  # the script starts straight after the title page
            else:
                return first
            i += 1
        if not any(k in _KNOWN_TITLE_KEYS or k in self.extra_title_keys for k, _ in pairs):
            return first
        for key, value in pairs:
            self.title_page[key] = (
                self.title_page[key] + "\n" + value if key in self.title_page else value
            )
        return i

    extra_title_keys: frozenset[str] = frozenset()

    # -- paragraphs ---------------------------------------------------------------------------

    def add(
        self, kind: ElementKind, text: str, lines: tuple[int, ...], *entries: Line, level: int = 0
    ) -> None:
        """Add an element, with the notes around it in reading order."""
        if not self._has_notes:
            self.b.add(kind, text, lines, level=level)
            return
        self._notes_before(lines[0])
        self.b.add(kind, text, lines, level=level)
        self._notes_after(lines[-1], entries)

    def _notes_before(self, line: int) -> None:
        pending = self._pending_notes
        while pending and pending[0][0] < line:
            _, (note, lines) = pending.popleft()
            self.b.add(ElementKind.NOTE, note, lines)

    def _notes_after(self, line: int, entries: tuple[Line, ...] | list[Line]) -> None:
        """Notes written inside the element's lines, after it, in line order."""
        if not self._has_notes:
            return
        inline = [(entry.number, note) for entry in entries if entry.notes for note in entry.notes]
        pending = self._pending_notes
        if not inline:
            self._notes_before(line + 1)
            return
        due = []
        while pending and pending[0][0] <= line:
            due.append(pending.popleft())
        for _, (note, lines) in sorted(due + inline, key=lambda n: n[0]):
            self.b.add(ElementKind.NOTE, note, lines)

    def flush(self, block: list[Line]) -> None:
        if not block:
            return
        if not self._has_notes:  # no line lost text to a note: the block is all content
            self.paragraph(block, after_blank=True)
            return
        content = [e for e in block if not e.note_only]
        if len(content) != len(block):
            self._pending_notes = deque(
                (e.number, note) for e in block if e.note_only for note in e.notes
            )
        if content:
            self.paragraph(content, after_blank=True)
        self._notes_before(2**62)

    def _is_dialogue_block(self, block: list[Line]) -> bool:
        """A cue and its speech so far: a line of spaces then keeps the block together (a line
        of spaces straight after "FADE IN:" or a lone cue ends the paragraph)."""
        content = [e for e in block if not e.note_only]
        return len(content) > 1 and self.is_cue_line(content[0].text)

    def is_cue_line(self, text: str) -> bool:
        """A cue in capitals or '@', or a Chinese name the script confirms as a cue."""
        if is_cue(text):
            return True
        if not self._han_cues:
            return False
        found = _chinese().split_standalone_cue(text)
        return found is not None and found[0] in self._han_cues

    def paragraph(self, lines: list[Line], *, after_blank: bool) -> None:
        while lines:
            first = lines[0]
            text = first.text
            if text.startswith("#"):
                depth = len(text) - len(text.lstrip("#"))
                self.add(
                    ElementKind.SECTION, text[depth:].strip(), (first.number,), first, level=depth
                )
            elif text.startswith("=") and not text.startswith("=="):
                self.add(ElementKind.SYNOPSIS, text[1:].strip(), (first.number,), first)
            else:
                break
            lines = lines[1:]
        if not lines:
            return
        first = lines[0]
        text = first.text
        forced = text[:1] in ".．" and len(text) > 1 and text[1].isalnum()
        if forced or _HEADING.match(text) or (self.han and _chinese().is_heading(text)):
            if len(lines) > 1 and not forced:
                self.b.warn(first.number, "script.heading_without_blank_line")
            self.scene_heading(text[1:].strip() if forced else text, first)
            self.paragraph(lines[1:], after_blank=False)
            return
        if len(lines) == 1 and after_blank and self.transition(first):
            return
        if after_blank and len(lines) > 1 and self.is_cue_line(text):
            self.dialogue(lines)
            return
        self.action(lines)

    def scene_heading(self, text: str, entry: Line) -> None:
        text, number = split_scene_number(text)
        self._notes_before(entry.number)
        self.b.heading(text, entry.number, number=number)
        self._notes_after(entry.number, [entry])

    def transition(self, entry: Line) -> bool:
        text = entry.text
        if text.startswith(">") and not text.endswith("<"):
            self.add(ElementKind.TRANSITION, text[1:].strip(), (entry.number,), entry)
            return True
        if text.endswith("TO:") and text == text.upper():
            self.add(ElementKind.TRANSITION, text, (entry.number,), entry)
            return True
        return False

    def dialogue(self, lines: list[Line]) -> None:
        cue = lines[0]
        if self._has_notes:
            self._notes_before(cue.number)
            self.b.cue(cue.text, cue.number)
            self._notes_after(cue.number, [cue])
        else:
            self.b.cue(cue.text, cue.number)
        self.speech(lines[1:])
        self.b.end_dialogue()

    def speech(self, lines: list[Line]) -> None:
        """The lines under a cue: parentheticals, dialogue and sung lyrics."""
        run: list[Line] = []
        paren: list[Line] = []
        for entry in lines:
            text = entry.text
            if paren or text.startswith(("(", "（")):
                self._group(ElementKind.DIALOGUE, run)
                run = []
                paren.append(entry)
                if text.endswith((")", "）")):
                    self._group(ElementKind.PARENTHETICAL, paren)
                    paren = []
            elif text.startswith("~"):
                self._group(ElementKind.DIALOGUE, run)
                run = []
                entry.text = text[1:].strip()
                self._group(ElementKind.LYRIC, [entry])
            else:
                run.append(entry)
        self._group(ElementKind.PARENTHETICAL, paren)
        self._group(ElementKind.DIALOGUE, run)

    def _group(self, kind: ElementKind, entries: list[Line]) -> None:
        if len(entries) == 1:  # most paragraphs are one line
            entry = entries[0]
            self.add(kind, entry.text, (entry.number,), entry)
        elif entries:
            text = "\n".join([e.text for e in entries])
            self.add(kind, text, tuple([e.number for e in entries]), *entries)

    def action(self, lines: list[Line]) -> None:
        run: list[Line] = []
        for entry in lines:
            text = entry.text
            centered = None if text.startswith("!") else _CENTERED.match(text)
            if text.startswith("!"):
                entry.text = text[1:]
                run.append(entry)
            elif centered:
                self._group(ElementKind.ACTION, run)
                run = []
                entry.text = centered.group(1)
                self._group(ElementKind.CENTERED, [entry])
            elif text.startswith("~"):
                self._group(ElementKind.ACTION, run)
                run = []
                entry.text = text[1:].strip()
                self._group(ElementKind.LYRIC, [entry])
            else:
                run.append(entry)
        self._group(ElementKind.ACTION, run)


def split_scene_number(heading: str) -> tuple[str, str | None]:
    """'INT. HOUSE - DAY #12A#' → ('INT. HOUSE - DAY', '12A'); no regex search, so no
    backtracking on a hostile heading of a million spaces."""
    heading = heading.rstrip()
    if not heading.endswith("#"):
        return heading, None
    opening = heading.rfind("#", 0, len(heading) - 1)
    token = heading[opening + 1 : -1]
    if opening < 0 or not _SCENE_NUMBER.fullmatch(token):
        return heading, None
    return heading[:opening].rstrip(), token


def is_cue(text: str) -> bool:
    """A character cue: forced with '@', or a line in capitals (before any extension)."""
    if text.startswith("@"):
        return len(text) > 1
    if text[:1] in "!.>~=#([" or len(text) > MAX_CUE * 2:
        return False
    name = text.rstrip("^ ").split("(", 1)[0].split("（", 1)[0].strip()
    if not name or name.endswith((":", "：")):
        return False  # "FADE IN:", "BEGIN MONTAGE:" are directions, not people
    if len(name) > MAX_CUE and any(c in _SENTENCE for c in name):
        return False  # a long line of capitals with sentences in it is shouted action
    if name.isascii():  # the same test, without a generator over the name
        return name.isupper()
    return name == name.upper() and any(c.isupper() for c in name)


def standalone_han_cues(flow: Sequence[Line], known: dict[str, int]) -> frozenset[str]:
    """Chinese names standing alone above speech that the script confirms as cues.

    A candidate is the first line of a paragraph of two or more lines, shaped like a name
    (see `chinese.split_standalone_cue`). It is a cue when it is cued more than once, has an
    extension, is followed by a parenthetical, is cued as `名字：` elsewhere, or — for a name
    of at most four characters — is mentioned anywhere else in the script."""
    counts: dict[str, int] = {}
    confirmed: set[str] = set()
    cue_lines: set[int] = set()
    previous_blank = True
    last = len(flow) - 1
    for i, entry in enumerate(flow):
        text = entry.text.strip()
        if not text or entry.note_only:
            previous_blank = previous_blank or not text
            continue
        if previous_blank and i < last and flow[i + 1].text.strip():
            found = _chinese().split_standalone_cue(text)
            if found is not None:
                name, extended = found
                counts[name] = counts.get(name, 0) + 1
                cue_lines.add(i)
                below = flow[i + 1].text.strip()
                if extended or name in known or (below[:1] in "(（" and below[-1:] in ")）"):
                    confirmed.add(name)
        previous_blank = False
    confirmed.update(n for n, c in counts.items() if c > 1)
    short = sorted((n for n in counts if n not in confirmed and 2 <= len(n) <= 4), key=len)
    if short:
        mention = re.compile("|".join(re.escape(n) for n in reversed(short)))
        for i, entry in enumerate(flow):
            if i in cue_lines:
                continue
            for m in mention.finditer(entry.text):
                confirmed.add(m.group(0))
    return frozenset(confirmed)


def read_fountain(text: str | LineTable, source_name: str) -> ScriptDocument:
    return FountainParser(text, source_name).parse()
