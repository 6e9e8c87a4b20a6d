"""PDF scripts: the text layer with positions (pypdf), element types told by indentation.

A screenplay PDF keeps no element types, only where each line starts: action at the left
margin, dialogue indented about an inch, parentheticals further, cues further still,
transitions right-aligned. Margins differ between programs, so nothing is hard-coded: the
action margin is the most-used left edge, and a cue is a capitalised line with its speech
directly below it and further left (which also finds side-by-side dual dialogue). A PDF
without that layout (a Chinese script typed in a word processor) is read line by line with
the plain-text rules instead. Line numbers count the extracted text lines (a blank line
between paragraphs and pages); each element keeps its page number.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from pypdf import PdfReader

from models.scripts.builder import DocumentBuilder, split_cue
from models.scripts.document import ElementKind, ScriptDocument, ScriptFormat
from models.scripts.errors import ScriptReadError
from models.scripts.fountain import is_cue
from models.scripts.text import read_text

# pypdf reports damaged-but-readable files through logging; without a handler of its own,
# Python would print those reports on stderr, where the CLI promises a single line.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

MAX_PAGES = 2_000
MAX_LINES = 400_000  # ~7,000 full pages
TIME_BUDGET_S = 20.0
_HEADING = re.compile(r"^(?:\d+[A-Z]?\.?\s+)?(?:int\.?/ext|int/ext|i/e|int|ext|est)[. ]", re.I)
_PAGE_NUMBER = re.compile(r"^\(?\d{1,4}[A-Z]?\.?\)?$")
_SCENE_NUMBER = re.compile(r"^\d{1,4}[A-Z]{0,2}\.?$")
_NOT_A_SHOT = re.compile(r"^(?:FADE (?:OUT|IN|TO BLACK)|CUT TO BLACK|THE END|END)\b", re.I)
_MORE = re.compile(r"^\(MORE\)$", re.I)
_CONTD = re.compile(r"CONT['’]?D|CONTINUED", re.I)

Progress = Callable[[int, int], None]


@dataclass
class PdfLine:
    page: int
    x: float
    y: float
    text: str
    number: int = 0  # 1-based line in the extracted text


@dataclass
class _Paragraph:
    lines: list[PdfLine]

    @property
    def x(self) -> float:
        return self.lines[0].x

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(line.number for line in self.lines)


def read_pdf(data: bytes, source_name: str, progress: Progress | None = None) -> ScriptDocument:
    pages, page_count = _extract(data, source_name, progress)
    if not any(pages):
        raise ScriptReadError(
            f"{source_name} has no text layer (a scanned image?); export the script again as a "
            "PDF with text, FDX or Fountain, or run it through text recognition first",
            f"{source_name} 没有文字层（可能是扫描图片）；"
            "请重新导出带文字的 PDF、FDX 或 Fountain，或先做文字识别",
        )
    return _Layout(pages, page_count, source_name).read()


def _extract(
    data: bytes, source_name: str, progress: Progress | None
) -> tuple[list[list[PdfLine]], int]:
    started = time.monotonic()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _Locked
        count = len(reader.pages)
    except _Locked:
        raise ScriptReadError(
            f"{source_name} is password-protected; save an unprotected copy, or export the "
            "script as FDX or Fountain",
            f"{source_name} 受密码保护；请另存一份不加密的副本，或导出为 FDX 或 Fountain",
        ) from None
    except Exception as e:  # pypdf raises many types on damaged files; all mean "unreadable"
        raise _broken(source_name) from e
    if count == 0:
        raise _broken(source_name)
    if count > MAX_PAGES:
        raise ScriptReadError(
            f"{source_name} has {count} pages; scripts over {MAX_PAGES} pages are not read",
            f"{source_name} 共 {count} 页；超过 {MAX_PAGES} 页的剧本不予读取",
        )
    pages: list[list[PdfLine]] = []
    deadline = started + TIME_BUDGET_S
    total = 0
    for index in range(count):
        if progress is not None:
            progress(index, count)
        try:
            pages.append(_page_lines(reader, index, deadline))
        except _TooMuch:
            raise ScriptReadError(
                f"{source_name} is too complex to read as a script (stopped after "
                f"{TIME_BUDGET_S:.0f} s or {MAX_LINES} lines)",
                f"{source_name} 过于复杂，无法作为剧本读取",
            ) from None
        except Exception as e:
            raise _broken(source_name, page=index + 1) from e
        total += len(pages[-1])
        if total > MAX_LINES:
            raise ScriptReadError(
                f"{source_name} has more than {MAX_LINES} lines of text; that is not a script",
                f"{source_name} 的文字超过 {MAX_LINES} 行，不是剧本",
            )
    return pages, count


class _TooMuch(Exception):
    """Raised from inside pypdf's text walk when a page takes too long."""


class _Locked(Exception):
    pass


def _broken(source_name: str, page: int | None = None) -> ScriptReadError:
    where = f" (page {page})" if page else ""
    return ScriptReadError(
        f"{source_name} is not a readable PDF{where}: the file is damaged or incomplete",
        f"{source_name} 不是可读的 PDF{where}：文件已损坏或不完整",
    )


def _page_lines(reader: PdfReader, index: int, deadline: float) -> list[PdfLine]:
    page = reader.pages[index]
    lines: list[PdfLine] = []
    buffer: list[str] = []
    at: list[float] = []

    def flush() -> None:
        text = "".join(buffer).strip()
        if text:
            lines.append(PdfLine(index + 1, at[0], at[1], text))
        buffer.clear()
        at.clear()

    calls = [0]

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        calls[0] += 1
        if calls[0] % 1000 == 0 and time.monotonic() > deadline:
            raise _TooMuch
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if at and abs(y - at[1]) > 1.0 and "".join(buffer).strip():
            flush()
        for n, part in enumerate(text.split("\n")):
            if n:
                flush()
            if part.strip() and (not at or not "".join(buffer).strip()):
                at[:] = [float(x), float(y)]
            if part:
                buffer.append(part)

    page.extract_text(visitor_text=visit)
    flush()
    return lines


class _Layout:
    def __init__(self, pages: list[list[PdfLine]], page_count: int, source_name: str) -> None:
        self.pages = pages
        self.page_count = page_count
        self.source_name = source_name
        self.b = DocumentBuilder()
        self.text_lines: list[str] = []
        self.title_page: dict[str, str] = {}

    def read(self) -> ScriptDocument:
        self._drop_page_furniture()
        self._number_lines()
        script_pages = self.pages
        if len(self.pages) > 1 and self._is_title_page(self.pages[0]):
            self.title_page = _title_page(self.pages[0])
            script_pages = self.pages[1:]
        body = [line for page in script_pages for line in page]
        paragraphs = _paragraphs(body)
        margin = _action_margin(body)
        if not any(self._cue_at(paragraphs, i, margin) for i in range(len(paragraphs))):
            return self._as_plain_text(body)
        self._classify(paragraphs, margin)
        return self.b.finish(
            ScriptFormat.PDF,
            self.source_name,
            tuple(self.text_lines),
            title_page=self.title_page,
            pages=self.page_count,
        )

    def _drop_page_furniture(self) -> None:
        """Page numbers, (MORE) markers and margin scene numbers are not script text."""
        for n, page in enumerate(self.pages):
            if not page:
                continue
            top = max(line.y for line in page)
            per_row = Counter(round(line.y) for line in page)
            kept = []
            for line in page:
                text = line.text.strip()
                if _PAGE_NUMBER.match(text) and (line.y >= top - 1 or line.y < 60):
                    continue
                if _SCENE_NUMBER.match(text) and per_row[round(line.y)] > 1:
                    continue  # "12  INT. HOUSE - DAY  12": the numbers beside a heading
                kept.append(line)
            self.pages[n] = kept

    def _number_lines(self) -> None:
        for page in self.pages:
            previous: PdfLine | None = None
            step = _line_step(page)
            if self.text_lines:
                self.text_lines.append("")
            for line in page:
                if previous is not None and previous.y - line.y > step * 1.5:
                    self.text_lines.append("")
                self.text_lines.append(line.text)
                line.number = len(self.text_lines)
                previous = line

    def _is_title_page(self, page: list[PdfLine]) -> bool:
        paragraphs = _paragraphs(page)
        margin = _action_margin(page)
        if any(_HEADING.match(p.lines[0].text.strip()) for p in paragraphs):
            return False
        return not any(self._cue_at(paragraphs, i, margin) for i in range(len(paragraphs)))

    @staticmethod
    def _cue_at(paragraphs: list[_Paragraph], i: int, margin: float) -> bool:
        """A capitalised one-line paragraph with its speech directly below and to the left."""
        cue = paragraphs[i]
        if len(cue.lines) != 1 or i + 1 >= len(paragraphs) or cue.x < margin + 20:
            return False
        text = cue.lines[0].text.strip()
        if not is_cue(text) or _HEADING.match(text):
            return False
        below = paragraphs[i + 1]
        first = below.lines[0]
        step = first.page == cue.lines[0].page and 0 < cue.lines[0].y - first.y < 20
        return step and margin + 10 < below.x < cue.x - 10

    def _classify(self, paragraphs: list[_Paragraph], margin: float) -> None:
        right_edge = max(p.x for p in paragraphs)
        i = 0
        last_speaker: str | None = None
        more = False
        while i < len(paragraphs):
            p = paragraphs[i]
            if self._cue_at(paragraphs, i, margin):
                raw = p.lines[0].text.strip()
                name, extensions, _ = split_cue(raw, marks=False)
                continued = (
                    more and name == last_speaker and any(_CONTD.search(e) for e in extensions)
                )
                if not continued:
                    dual = any(
                        q.lines[0].page == p.lines[0].page
                        and abs(q.lines[0].y - p.lines[0].y) < 1
                        and q.x < p.x
                        and self._cue_at(paragraphs, j, margin)
                        for j, q in enumerate(paragraphs[max(0, i - 12) : i], max(0, i - 12))
                    )
                    last_speaker = self.b.cue(
                        raw, p.lines[0].number, page=p.lines[0].page, dual=dual, marks=False
                    )
                i, more = self._speech(paragraphs, i + 1, p)
                continue
            more = False
            self.b.end_dialogue()
            self._other(p, margin, right_edge)
            i += 1

    def _speech(self, paragraphs: list[_Paragraph], i: int, cue: _Paragraph) -> tuple[int, bool]:
        """The parentheticals and dialogue under a cue; True when it ends in (MORE)."""
        bottom = cue.lines[-1]
        more = False
        while i < len(paragraphs):
            p = paragraphs[i]
            first = p.lines[0]
            if first.page != bottom.page or not 0 < bottom.y - first.y < 20:
                break
            text = p.text.strip()
            if _MORE.match(text):  # printed at the cue's or the parenthetical's indent
                more = True
                i += 1
                break
            if p.x >= cue.x:
                break
            if text.startswith("("):
                self.b.add(ElementKind.PARENTHETICAL, p.text, p.numbers, page=first.page)
            else:
                self.b.add(ElementKind.DIALOGUE, p.text, p.numbers, page=first.page)
            bottom = p.lines[-1]
            i += 1
        return i, more

    def _other(self, p: _Paragraph, margin: float, right_edge: float) -> None:
        first = p.lines[0]
        text = p.text.strip()
        one_line = " ".join(line.text.strip() for line in p.lines)
        if abs(p.x - margin) <= 10:
            shot = (
                len(p.lines) == 1
                and is_cue(text)
                and len(text) <= 60
                and not _NOT_A_SHOT.match(text)
            )
            if _HEADING.match(text) or shot:
                self.b.heading(one_line, first.number, page=first.page)
            else:
                self.b.add(ElementKind.ACTION, p.text, p.numbers, page=first.page)
            return
        upper = text == text.upper() and any(c.isupper() for c in text)
        if len(p.lines) == 1 and upper and (text.endswith(":") or p.x >= right_edge - 150):
            self.b.add(ElementKind.TRANSITION, text, p.numbers, page=first.page)
        elif p.x > margin:
            self.b.add(ElementKind.CENTERED, p.text, p.numbers, page=first.page)
        else:
            self.b.add(ElementKind.ACTION, p.text, p.numbers, page=first.page)

    def _as_plain_text(self, body: list[PdfLine]) -> ScriptDocument:
        """No screenplay layout: read the text with the plain-text rules, keep the pages."""
        doc = read_text("\n".join(self.text_lines), self.source_name)
        page_of = {line.number: line.page for line in body}
        last = 1
        pages: dict[int, int] = {}
        for n in range(1, len(self.text_lines) + 1):
            last = page_of.get(n, last)
            pages[n] = last
        return replace(
            doc,
            format=ScriptFormat.PDF,
            elements=tuple(replace(e, page=pages.get(e.line)) for e in doc.elements),
            scenes=tuple(replace(s, page=pages.get(s.line)) for s in doc.scenes),
            pages=self.page_count,
            pages_estimated=False,
            title_page=self.title_page or doc.title_page,
            title=doc.title or _title_of(self.title_page),
        )


def _line_step(page: list[PdfLine]) -> float:
    """The distance between two lines of one paragraph: the smallest step down the page."""
    steps = [round(a.y - b.y) for a, b in itertools.pairwise(page) if 4 < a.y - b.y < 40]
    return float(min(steps or [12]))


def _paragraphs(lines: list[PdfLine]) -> list[_Paragraph]:
    """Consecutive lines at the same left edge, one line-step apart, form a paragraph."""
    out: list[_Paragraph] = []
    for line in lines:
        if out:
            last = out[-1].lines[-1]
            if last.page == line.page and abs(last.x - line.x) < 2 and 0 < last.y - line.y < 20:
                out[-1].lines.append(line)
                continue
        out.append(_Paragraph([line]))
    return out


def _action_margin(lines: list[PdfLine]) -> float:
    """The smallest left edge that many lines share (page numbers and strays do not count)."""
    if not lines:
        return 0.0
    counts = Counter(round(line.x) for line in lines)
    floor = max(2, len(lines) // 20)
    common = [x for x, n in counts.items() if n >= floor]
    return float(min(common) if common else min(counts))


def _title_page(page: list[PdfLine]) -> dict[str, str]:
    texts = [line.text.strip() for line in page if line.text.strip()]
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
