"""The flow a Fountain script is read from: source lines with the boneyard and notes taken out.

`/* … */` (the boneyard) is blanked before anything is read, keeping every line break so line
numbers stay true; `[[notes]]` are cut out of the lines they touch and kept beside them. Both
steps are linear in the size of the file, and no list of a million line objects is held.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from models.scripts.builder import DocumentBuilder
from models.scripts.document import LINE_BREAK, LineTable

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import overload

Note = tuple[str, tuple[int, ...]]  # the note's text and the source line of each of its lines


class Line:
    """One line of the flow the paragraphs are read from (notes and boneyard taken out)."""

    __slots__ = ("note_only", "notes", "number", "text")

    def __init__(
        self, number: int, text: str, notes: list[Note] | None = None, note_only: bool = False
    ) -> None:
        self.number = number  # 1-based source line
        self.text = text  # without indentation
        self.notes: list[Note] = [] if notes is None else notes  # notes starting on this line
        self.note_only = note_only  # the line held nothing but note text

    def __repr__(self) -> str:
        return f"Line({self.number!r}, {self.text!r}, {self.notes!r}, {self.note_only!r})"


def split_lines(text: str) -> list[str]:
    if text.startswith("\ufeff"):
        text = text[1:]
    return LINE_BREAK.split(text)


def remove_boneyard(lines: Sequence[str], builder: DocumentBuilder) -> list[str]:
    """Blank out /* … */ but keep every line break, so later line numbers stay true.

    One pass over the text with str.find, so even a line of a million '/*' is linear.
    """
    text = "\n".join(lines)
    if "/*" not in text:
        return list(lines)
    pieces: list[str] = []
    pos = 0
    while True:
        start = text.find("/*", pos)
        if start < 0:
            pieces.append(text[pos:])
            break
        pieces.append(text[pos:start])
        end = text.find("*/", start + 2)
        if end < 0:
            builder.warn(
                text.count("\n", 0, start) + 1,
                "script.boneyard_not_closed",
            )
            pieces.append("\n" * text.count("\n", start))
            break
        pieces.append("\n" * text.count("\n", start, end))
        pos = end + 2
    return "".join(pieces).split("\n")


def is_blank(raw: str) -> bool:
    return not raw.strip()


def extract_notes(lines: Sequence[str]) -> Flow:
    """Take [[notes]] out of the text; a note may span lines but not a blank line."""
    return Flow(lines)


class Flow(Sequence[Line]):
    """The lines to read paragraphs from, notes taken out, each made only when it is read.

    Only the lines a note touches are worked on up front (found with one search of the text
    for '[['), so a long script without notes costs nothing here, and no list of a million
    line objects is ever held."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self._notes: dict[int, list[Note]] = {}
        self._texts: dict[int, str] = {}  # lines a note cut text out of
        self._note_only: set[int] = set()
        spans = self._spans(self._candidates())
        if spans:
            self._cut(spans)

    def _candidates(self) -> list[int]:
        """Indexes of the lines holding '[['."""
        lines = self.lines
        if isinstance(lines, LineTable):
            found: list[int] = []
            at = lines.find("[[")
            while at >= 0:
                index = lines.line_index(at)
                if not found or found[-1] != index:
                    found.append(index)
                at = lines.find("[[", at + 2)
            return found
        return [i for i, raw in enumerate(lines) if "[[" in raw]

    def _spans(self, candidates: list[int]) -> list[tuple[int, int, int, int]]:
        spans: list[tuple[int, int, int, int]] = []
        lines = self.lines
        done_until = -1
        for first in candidates:
            if first <= done_until:
                continue
            open_at: tuple[int, int] | None = None
            i = first
            while i < len(lines):
                raw = lines[i]
                if open_at is None:
                    if "[[" not in raw:
                        break
                elif is_blank(raw) and not raw.startswith("  "):
                    open_at = None  # an empty line ends an unclosed note: '[[' was plain text
                    if "[[" not in raw:
                        break
                pos = 0
                while True:
                    if open_at is None:
                        found = raw.find("[[", pos)
                        if found < 0:
                            break
                        open_at, pos = (i, found), found + 2
                    else:
                        found = raw.find("]]", pos)
                        if found < 0:
                            break
                        spans.append((open_at[0], open_at[1], i, found))
                        open_at, pos = None, found + 2
                done_until = i
                if open_at is None:
                    break
                i += 1
        return spans

    def _cut(self, spans: list[tuple[int, int, int, int]]) -> None:
        read: dict[int, str] = {}  # each touched line is cut out of the text once

        class _Lines:
            def __getitem__(_, i: int) -> str:
                if i not in read:
                    read[i] = self.lines[i]
                return read[i]

        lines = _Lines()
        cuts: dict[int, list[tuple[int, int]]] = {}  # per line: the ranges notes took out
        for i0, c0, i1, c1 in spans:
            if i0 == i1:
                parts = [lines[i0][c0 + 2 : c1]]
                cuts.setdefault(i0, []).append((c0, c1 + 2))
            else:
                parts = [lines[i0][c0 + 2 :], *(lines[k] for k in range(i0 + 1, i1)),
                         lines[i1][:c1]]  # fmt: skip
                cuts.setdefault(i0, []).append((c0, len(lines[i0])))
                for k in range(i0 + 1, i1):
                    cuts.setdefault(k, []).append((0, len(lines[k])))
                cuts.setdefault(i1, []).append((0, c1 + 2))
            numbered = [(p.strip(), i0 + 1 + k) for k, p in enumerate(parts)]
            while numbered and not numbered[0][0]:
                numbered.pop(0)
            while numbered and not numbered[-1][0]:
                numbered.pop()
            if numbered:
                body = "\n".join(text for text, _ in numbered)
                self._notes.setdefault(i0, []).append((body, tuple(n for _, n in numbered)))
        for i, ranges in cuts.items():  # rebuilt once per line: linear however many notes
            original = lines[i]
            kept, pos = [], 0
            for start, end in ranges:
                kept.append(original[pos:start])
                pos = end
            kept.append(original[pos:])
            text = "".join(kept)
            self._texts[i] = text
            if is_blank(text) and not is_blank(original):
                self._note_only.add(i)

    @property
    def has_notes(self) -> bool:
        """Whether notes were cut out of any line (else every line is as written: no line
        has `notes` or is `note_only`)."""
        return bool(self._texts)

    def __len__(self) -> int:
        return len(self.lines)

    def iter_from(self, first: int) -> Iterator[Line]:
        lines = self.lines
        source = lines.iter_from(first) if isinstance(lines, LineTable) else iter(lines[first:])
        texts = self._texts
        for index, raw in enumerate(source, first):
            text = texts.get(index)
            if text is None:
                yield Line(index + 1, raw, _NO_NOTES, False)
            else:
                notes = self._notes.get(index, _NO_NOTES)
                yield Line(index + 1, text, notes, index in self._note_only)

    def __iter__(self) -> Iterator[Line]:
        return self.iter_from(0)

    if TYPE_CHECKING:  # the type checker's view; one method at run time

        @overload
        def __getitem__(self, index: int) -> Line: ...
        @overload
        def __getitem__(self, index: slice) -> Sequence[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | Sequence[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        text = self._texts.get(index)
        if text is None:
            return Line(index + 1, self.lines[index], _NO_NOTES, False)
        return Line(index + 1, text, self._notes.get(index, _NO_NOTES), index in self._note_only)


_NO_NOTES: list[Note] = []  # shared by every line without notes; never changed
