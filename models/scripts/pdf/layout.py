"""Element types from geometry: measure the document's own columns, then classify each line."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import replace

from models.scripts.builder import DocumentBuilder, split_cue
from models.scripts.document import ElementKind, ScriptDocument, ScriptFormat
from models.scripts.pdf import rules
from models.scripts.pdf.extract import Page, Segment
from models.scripts.text import read_text

Row = list[Segment]

_INDENT = 15.0  # a cue starts at least this far right of the action margin (points)
_TITLE_PAGE_ROWS = 30


class Layout:
    def __init__(
        self, pages: list[Page], source_name: str, *, numbered: tuple[str, ...] | None = None
    ) -> None:
        """`numbered`: the source lines, when the segments carry their own line numbers."""
        self.pages = pages
        self.numbered = numbered
        self.source_name = source_name
        self.b = DocumentBuilder()
        self.text_lines: list[str] = []
        self.title_page: dict[str, str] = {}
        self.margin = 0.0
        self.step = 12.0
        self.centre = 306.0
        self.fmt = ScriptFormat.PDF
        self.cue_x: float | None = None  # the cue indent, when cues share one
        self.cues_centred = False  # Word / Google Docs: cues centred, each at its own x
        self.last_speaker: str | None = None
        self.more = False

    # -- the whole document -------------------------------------------------------------

    def read(self, fmt: ScriptFormat = ScriptFormat.PDF) -> ScriptDocument:
        self.fmt = fmt
        rows_by_page = [_rows(page.segments) for page in self.pages]
        if self.numbered is None:
            rows_by_page = self._without_furniture(rows_by_page)
            self._number_lines(rows_by_page)
        else:
            self.text_lines = list(self.numbered)
        body_pages = list(zip(self.pages, rows_by_page, strict=True))
        self.margin = _action_margin([s for rows in rows_by_page for row in rows for s in row])
        if self.numbered is None and self._has_title_page(rows_by_page):
            self.title_page = _title_page(rows_by_page[0])
            body_pages = body_pages[1:]
        body = [s for _, rows in body_pages for row in rows for s in row]
        self.margin = _action_margin(body)
        self.step = _line_step([row for _, rows in body_pages for row in rows])
        widths = Counter(round(page.width) for page, _ in body_pages)
        self.centre = (widths.most_common(1)[0][0] if widths else 612) / 2
        blocks = [block for _, rows in body_pages for block in self._blocks(rows)]
        self._learn_cue_column(blocks)
        if not self._screenplay(blocks, body):
            return self._as_plain_text(body)
        for block in blocks:
            self._block(block)
        return self.b.finish(
            fmt,
            self.source_name,
            tuple(self.text_lines),
            title_page=self.title_page,
            pages=len(self.pages) if self.numbered is None else None,
        )

    def _screenplay(self, blocks: list[list[Row]], body: list[Segment]) -> bool:
        """Cues laid out as a screenplay, or mostly non-Chinese text: else plain-text rules."""
        if any(self._cue_at(block, i) for block in blocks for i in range(len(block))):
            return True
        return sum(1 for s in body if rules.has_han(s.text)) * 4 < len(body)

    def _without_furniture(self, pages: list[list[Row]]) -> list[list[Row]]:
        """Page numbers, CONTINUED, repeated headers and margin scene numbers are not text."""
        repeated: Counter[tuple[str, int]] = Counter()
        for rows in pages:
            edge = rows[:2] + rows[-2:] if len(rows) > 4 else rows
            repeated.update({(s.text, round(s.y)) for row in edge for s in row})
        header = {
            key
            for key, n in repeated.items()
            if len(pages) >= 3 and n > len(pages) // 2 and not rules.is_heading(key[0])
        }
        out: list[list[Row]] = []
        for rows in pages:
            if not rows:
                out.append([])
                continue
            top, bottom = rows[0][0].y, rows[-1][0].y
            kept_rows: list[Row] = []
            for row in rows:
                at_edge = row[0].y >= top - 1 or row[0].y <= bottom + 1 or row[0].y < 60
                kept = [
                    s
                    for s in row
                    if not rules.is_continued(s.text) and (s.text, round(s.y)) not in header
                ]
                # "12  INT. HOUSE - DAY  12": the numbers beside a heading are not text (nor a
                # page number at the top), but the same number at both margins makes the line
                # a scene heading.
                number = rules.margin_number([s.text for s in kept])
                if at_edge and not number:
                    kept = [s for s in kept if not rules.PAGE_NUMBER.match(s.text)]
                if len(kept) > 1:
                    kept = [s for s in kept if not rules.SCENE_NUMBER.match(s.text)]
                for s in kept:
                    s.scene = number or ""
                if kept:
                    kept_rows.append(kept)
            out.append(kept_rows)
        return out

    def _number_lines(self, pages: list[list[Row]]) -> None:
        for rows in pages:
            if self.text_lines:
                self.text_lines.append("")
            step = _line_step(rows)
            previous: Row | None = None
            for row in rows:
                if previous is not None and previous[0].y - row[0].y > step * 1.5:
                    self.text_lines.append("")
                for s in row:
                    self.text_lines.append(s.text)
                    s.number = len(self.text_lines)
                previous = row

    def _has_title_page(self, pages: list[list[Row]]) -> bool:
        if len(pages) < 2 or not pages[0] or len(pages[0]) > _TITLE_PAGE_ROWS:
            return False
        first = pages[0]
        if any(rules.is_heading(_text(row)) or _special(_text(row)) for row in first):
            return False
        # Title and credits are centred; text at the action margin high on the page is script.
        high = self.pages[0].height * 0.3 if self.pages[0].height else 240
        if sum(1 for row in first if abs(row[0].x - self.margin) < 3 and row[0].y > high) >= 3:
            return False
        return any(rules.is_heading(_text(row)) for rows in pages[1:4] for row in rows)

    def _blocks(self, rows: list[Row]) -> list[list[Row]]:
        """Rows one line-step apart form a block; a blank line (a bigger gap) ends it."""
        blocks: list[list[Row]] = []
        for row in rows:
            if blocks and 0 < blocks[-1][-1][0].y - row[0].y <= self.step * 1.45:
                blocks[-1].append(row)
            else:
                blocks.append([row])
        return blocks

    # -- one block of rows ----------------------------------------------------------------

    def _cue_at(self, block: list[Row], i: int) -> bool:
        return self._cue_rows(block, i) > 0

    def _cue_rows(self, block: list[Row], i: int) -> int:
        """How many rows the cue at row i takes (0: no cue there).

        A cue is a capitalised line right of the margin with its speech directly below,
        further left; a very long name wraps onto more lines at the same indent.
        """
        if i + 1 >= len(block):
            return 0
        cue = _merged(block[i])
        if cue.scene or cue.x < self.margin + _INDENT or not self._in_cue_column(cue):
            return 0
        rows = 1
        while (
            i + rows + 1 < len(block)
            and abs(block[i + rows][0].x - cue.x) < 2
            and rules.is_upper(_text(block[i + rows]))
            and not _special(_text(block[i + rows]))
        ):
            rows += 1
        text = " ".join(_text(block[i + n]) for n in range(rows))
        if rules.cue_name(text, wrapped=rows > 1) is None:
            return 0
        return rows if self._speech_below(cue, block[i + rows][0]) else 0

    def _learn_cue_column(self, blocks: list[list[Row]]) -> None:
        """Where this document puts its cues: one indent (most apps) or centred (Word)."""
        by_name: dict[str, Segment] = {}  # one vote per name: REGGIE's 55 cues count once
        for b in blocks:
            for i in range(len(b)):
                if self._cue_rows(b, i):
                    cue = _merged(b[i])
                    by_name.setdefault(split_cue(cue.text, marks=False)[0], cue)
        found = list(by_name.values())
        if len(found) < 5:
            return  # too few to learn from: any capitalised line over speech will do
        centred = sum(1 for c in found if self._centred(c)) >= 0.6 * len(found)
        # Centred names start further left the longer they are (half a character per letter);
        # names at an indent start at one x whatever their length. Names of 3 to 7 letters
        # centred start within 12 points of each other, close enough to pass for an indent.
        if centred and _shift_per_letter(found) < -0.1 * found[0].size:
            self.cues_centred = True
            return
        indents = Counter(round(c.x / 4) for c in found)
        spot = indents.most_common(1)[0][0]
        aligned = [len(c.text) for c in found if abs(round(c.x / 4) - spot) <= 1]
        # Names of different lengths starting at one x: a cue indent (centred names of one
        # length would share an x too).
        if len(aligned) >= 0.6 * len(found) and max(aligned) - min(aligned) >= 3:
            self.cue_x = spot * 4.0
        elif centred:
            self.cues_centred = True

    def _in_cue_column(self, cue: Segment) -> bool:
        if self.cue_x is not None:
            return abs(cue.x - self.cue_x) <= 14
        return self._centred(cue) if self.cues_centred else True

    def _centred(self, line: Segment) -> bool:
        return abs(line.x + (line.end - line.x) / 2 - self.centre) < 50

    def _speech_below(self, cue: Segment, below: Segment) -> bool:
        if rules.CREDIT.match(below.text):
            return False  # a title over "Written by": a title page, not a cue
        if below.text.startswith(("(", "（")) and below.x < cue.x + 40:
            return True  # a parenthetical, also when both are centred (Word layouts)
        return below.x < cue.x - 6 and not rules.is_heading(below.text)

    def _dual_at(self, block: list[Row], i: int) -> bool:
        row = block[i]
        if len(row) < 2 or i + 1 >= len(block):
            return False
        left, right = row[0], row[-1]
        return (
            left.x >= self.margin + _INDENT
            and right.x > left.x + 100
            and rules.cue_name(left.text) is not None
            and rules.cue_name(right.text) is not None
        )

    def _block(self, block: list[Row]) -> None:
        i = 0
        while i < len(block):
            if self._dual_at(block, i):
                self._dual(block[i:])
                return
            line = _merged(block[i])
            text = line.text
            rows = self._cue_rows(block, i)
            if rows:
                lines = [_merged(row) for row in block]
                if rows > 1:  # one cue over several lines
                    joined = replace(lines[i], text=" ".join(x.text for x in lines[i : i + rows]))
                    lines[i : i + rows] = [joined]
                    block = [[x] for x in lines]
                i = self._speech(lines, i)
                continue
            self.more = False
            self.b.end_dialogue()
            if line.scene or rules.is_heading(text):
                number, heading = rules.scene_number(" ".join(text.split()))
                number = line.scene or number
                self.b.heading(heading, line.number, number=number, page=line.page)
            elif rules.is_transition(text):
                self._add(ElementKind.TRANSITION, [line])
            elif rules.is_shot(text):
                self._add(ElementKind.SHOT, [line])
            else:
                i = self._paragraph(block, i)
                continue
            i += 1

    def _paragraph(self, block: list[Row], i: int) -> int:
        first = _merged(block[i])
        lines = [first]
        j = i + 1
        while j < len(block):
            line = _merged(block[j])
            if abs(line.x - first.x) > 3 or line.scene or _special(line.text):
                break
            if self._cue_at(block, j):
                break
            lines.append(line)
            j += 1
        right = first.x > self.centre + 72 and len(lines) == 1 and rules.is_upper(first.text)
        centred = abs(first.x + (first.end - first.x) / 2 - self.centre) < 40
        if right:
            self._add(ElementKind.TRANSITION, lines)
        elif first.x > self.margin + _INDENT and centred:
            self._add(ElementKind.CENTERED, lines)
        else:
            self._add(ElementKind.ACTION, lines)
        return j

    def _speech(self, lines: list[Segment], i: int, *, dual: bool = False) -> int:
        """A cue and the parentheticals and dialogue under it; returns the next line index."""
        cue = lines[i]
        raw = rules.cue_name(cue.text) or cue.text
        name, extensions, _ = split_cue(raw, marks=False)
        continued = self.more and name == self.last_speaker and rules.continues(extensions)
        if not continued:
            self.last_speaker = self.b.cue(raw, cue.number, page=cue.page, dual=dual, marks=False)
        self.more = False
        run: list[Segment] = []
        kind = ElementKind.DIALOGUE
        j = i + 1
        speech_x = lines[j].x if j < len(lines) else cue.x
        while j < len(lines):
            line = lines[j]
            text = line.text
            if rules.is_more(text):
                self.more = True
                j += 1
                break
            new_cue = line.x > speech_x + 10 and j + 1 < len(lines) and lines[j + 1].x < line.x
            if line.scene or rules.is_heading(text) or (new_cue and rules.cue_name(text)):
                break
            if line.x >= cue.x + 40 and kind is not ElementKind.PARENTHETICAL:
                break  # something further right than the cue: not this speech
            opens = text.startswith(("(", "（"))
            if opens and run and kind is ElementKind.DIALOGUE:
                self._add(ElementKind.DIALOGUE, run)
                run = []
            if opens or (kind is ElementKind.PARENTHETICAL and run):
                kind = ElementKind.PARENTHETICAL
                run.append(line)
                if text.endswith((")", "）")):
                    self._add(ElementKind.PARENTHETICAL, run)
                    run, kind = [], ElementKind.DIALOGUE
            else:
                run.append(line)
            j += 1
        if run:
            self._add(kind, run)
        return j

    def _dual(self, rows: list[Row]) -> None:
        """Two speeches side by side: the left column, then the right one (marked dual)."""
        left_cue, right_cue = rows[0][0], rows[0][-1]
        split = (left_cue.x + right_cue.x) / 2
        left = [s for row in rows for s in row if s.x < split]
        right = [s for row in rows for s in row if s.x >= split]
        self.more = False
        self._speech(left, 0)
        self.b.end_dialogue()
        self._speech(right, 0, dual=True)
        self.b.end_dialogue()

    def _add(self, kind: ElementKind, lines: list[Segment]) -> None:
        text = "\n".join(line.text for line in lines)
        self.b.add(kind, text, tuple(line.number for line in lines), page=lines[0].page)

    # -- no screenplay layout ---------------------------------------------------------------

    def _as_plain_text(self, body: list[Segment]) -> ScriptDocument:
        """Read the text with the plain-text rules (Chinese layouts), keep the pages."""
        doc = read_text("\n".join(self.text_lines), self.source_name)
        page_of = {s.number: s.page for s in body}
        last = 1
        pages: dict[int, int] = {}
        for n in range(1, len(self.text_lines) + 1):
            last = page_of.get(n, last)
            pages[n] = last
        return doc.replace(
            format=self.fmt,
            elements=tuple(e.replace(page=pages.get(e.line)) for e in doc.elements),
            scenes=tuple(s.replace(page=pages.get(s.line)) for s in doc.scenes),
            pages=len(self.pages) if self.numbered is None else doc.pages,
            pages_estimated=self.numbered is not None,
            title_page=self.title_page or doc.title_page,
            title=doc.title or _title_of(self.title_page),
        )


def _special(text: str) -> bool:
    return rules.is_heading(text) or rules.is_transition(text) or rules.is_shot(text)


def _rows(segments: list[Segment]) -> list[Row]:
    rows: list[Row] = []
    for s in segments:
        if rows and abs(rows[-1][0].y - s.y) < 2:
            rows[-1].append(s)
        else:
            rows.append([s])
    for row in rows:
        row.sort(key=lambda s: s.x)
    return rows


def _shift_per_letter(cues: list[Segment]) -> float:
    """How far a cue's left edge moves per letter of its text: the median over pairs of cues
    of different lengths (robust to a stray line); 0 when every cue has one length."""
    sample = cues[:60]
    slopes = sorted(
        (a.x - b.x) / (len(a.text) - len(b.text))
        for a, b in itertools.combinations(sample, 2)
        if len(a.text) != len(b.text)
    )
    return slopes[len(slopes) // 2] if slopes else 0.0


def _merged(row: Row) -> Segment:
    if len(row) == 1:
        return row[0]
    first = row[0]
    return Segment(
        first.page,
        first.x,
        first.y,
        " ".join(s.text for s in row),
        first.size,
        first.number,
        first.scene,
    )


def _text(row: Row) -> str:
    return " ".join(s.text for s in row)


def _line_step(rows: list[Row]) -> float:
    """The distance between two lines of one paragraph: the smallest step down the page that
    is not less than the type size (smaller ones are overlapping or raised text)."""
    sizes = sorted(row[0].size for row in rows)
    floor = 0.8 * sizes[len(sizes) // 2] if sizes else 9.6
    steps = [
        a[0].y - b[0].y
        for a, b in itertools.pairwise(rows)
        if a[0].page == b[0].page and max(4.0, floor) <= a[0].y - b[0].y < 40
    ]
    return float(round(min(steps), 1)) if steps else 12.0


def _action_margin(segments: list[Segment]) -> float:
    """The smallest left edge that many lines share (page numbers and strays do not count)."""
    if not segments:
        return 0.0
    counts = Counter(round(s.x) for s in segments)
    if len(segments) < 40:  # too few lines to tell strays from columns: the leftmost edge
        return float(min(counts))
    floor = len(segments) // 20
    common = [x for x, n in counts.items() if n >= floor]
    return float(min(common) if common else min(counts))


def _title_page(rows: list[Row]) -> dict[str, str]:
    texts = [_text(row).strip() for row in rows if _text(row).strip()]
    result: dict[str, str] = {}
    title: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(texts):
        text = texts[i]
        low = text.lower()
        if "credit" not in result and low in ("written by", "by", "screenplay by", "teleplay by"):
            result["credit"] = text
            if i + 1 < len(texts):
                result["author"] = texts[i + 1]
                i += 1
        elif "credit" not in result and not rest and len(title) < 3:
            title.append(text)
        else:
            rest.append(text)
        i += 1
    if title:
        result["title"] = "\n".join(title)
    if rest:
        result["notes"] = "\n".join(rest)
    return result


def _title_of(title_page: dict[str, str]) -> str | None:
    value = title_page.get("title")
    return " ".join(value.split()) if value else None
