"""The text of a PDF with positions: one `Segment` per run of text on a line (PDFium).

pypdfium2 is imported here only, and this module only when a PDF is read, so importing
`models.scripts` stays cheap. PDFium rather than pypdf: its text layer is built in C, so a page
costs the same whether the producer wrote one text object per line or one per glyph (web-app
prints). Measured on this machine (tests/benchmarks/test_pdf_bench.py): a glyph-by-glyph page
took ~300 ms in pypdf's own `extract_text()` and 285 ms in the pypdf-based reader; through PDFium
the whole read is under 20 ms. On tests/corpus the segments are the same as pypdf's, except that
a hyphen PDFium marks as a line-end hyphen is kept as "-". Pages whose fonts have no usable
Unicode map (raw glyph codes in PDFium) are read through pypdf instead (pypdf_text.py).
PDFium works in C, where no time budget reaches: before it loads a page, what the page draws
is measured through pypdf's object reader (guard.py) and a page drawing far more than a
script page (a content-stream bomb, a form drawn thousands of times) refuses the file.

Characters join into a segment while they continue one line: the same text object (a gap
inside it is kept as spaces), or the next object starting where the last one ended (within
`_JOIN` em) — so one glyph per object
still makes whole lines, while runs far apart (dual dialogue columns, scene numbers in the
margins) stay separate. A glyph or run drawn twice at (almost) the same place — how many
programs print bold — is kept once. Segments come out in reading order: top to bottom, left
to right.
"""

from __future__ import annotations

import ctypes
import functools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from models.scripts.errors import ScriptReadError

MAX_PAGES = 2_000
MAX_LINES = 400_000  # ~7,000 full pages
MAX_CHARS = 20_000_000  # characters over the whole file (~4,000 dense pages)
TIME_BUDGET_S = 20.0
_CHAR = 0.6  # a Courier character is 0.6 em wide; wider than most proportional fonts
_JOIN = 0.8  # ems between two text objects still read as one run
_UNMAPPED = 0.2  # share of a page's glyphs without Unicode above which pypdf reads the page
_HYPHENS = {0x02, 0xFFFE}  # PDFium's marks for a hyphen at the end of a line

Progress = Callable[[int, int], None]
# PDFium keeps global state and is not thread-safe: one document is read at a time, whichever
# thread (the GUI's workers, a proposal check) asks.
_PDFIUM = threading.Lock()


@dataclass(slots=True)
class Segment:
    page: int  # 1-based
    x: float
    y: float  # PDF space: larger is higher on the page
    text: str
    size: float = 12.0  # font size in points
    number: int = 0  # 1-based line in the extracted text
    scene: str = ""  # the scene number printed at both margins of this line, if any

    @property
    def end(self) -> float:
        """Where the text ends, estimated (monospace width, an upper bound for most fonts)."""
        return self.x + len(self.text) * self.size * _CHAR


@dataclass(slots=True)
class Page:
    number: int
    width: float
    segments: list[Segment]
    height: float = 792.0


class TooMuch(Exception):
    """A page or the file takes too long or holds too much text to be a script."""


def broken(source_name: str, page: int | None = None) -> ScriptReadError:
    where = f" (page {page})" if page else ""
    return ScriptReadError(
        "error.scripts.pdf.extract.source_name_not_readable_pdf",
        source_name=source_name,
        where=where,
    )


def _locked(source_name: str) -> ScriptReadError:
    return ScriptReadError("error.scripts.pdf.extract.password_protected", source_name=source_name)


def _too_complex(source_name: str) -> ScriptReadError:
    return ScriptReadError(
        "error.scripts.pdf.extract.too_complex",
        source_name=source_name,
        seconds=f"{TIME_BUDGET_S:.0f}",
    )


def extract(data: bytes, source_name: str, progress: Progress | None = None) -> list[Page]:
    with _PDFIUM:
        return _extract(data, source_name, progress)


def _extract(data: bytes, source_name: str, progress: Progress | None) -> list[Page]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from models.scripts.pdf.pypdf_text import PypdfPages

    started = time.monotonic()
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise _locked(source_name) from None
        raise broken(source_name) from e
    except Exception as e:  # anything else from a hostile file still means "unreadable"
        raise broken(source_name) from e
    try:
        count = len(document)
        if count == 0:
            raise broken(source_name)
        if count > MAX_PAGES:
            raise ScriptReadError(
                "error.scripts.pdf.extract.too_many_pages",
                source_name=source_name,
                count=count,
                max_pages=MAX_PAGES,
            )
        try:
            pypdf_pages = PypdfPages(data)
        except Exception as e:  # pypdf cannot bound what the pages draw: not read
            raise broken(source_name) from e
        reading = _Reading(started + TIME_BUDGET_S)
        pages: list[Page] = []
        lines = 0
        for index in range(count):
            if progress is not None:
                progress(index, count)
            try:
                pypdf_pages.check(index)
                page = _page(document, index, reading, pypdf_pages)
            except TooMuch:
                raise _too_complex(source_name) from None
            except ScriptReadError:
                raise
            except Exception as e:
                raise broken(source_name, page=index + 1) from e
            pages.append(page)
            lines += len(page.segments)
            if lines > MAX_LINES:
                raise ScriptReadError(
                    "error.scripts.pdf.extract.too_many_lines",
                    source_name=source_name,
                    max_lines=MAX_LINES,
                )
        return pages
    finally:
        document.close()


class _Reading:
    """What the whole file has used so far: time and characters."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.chars = 0

    def charge(self, chars: int) -> None:
        self.chars += chars
        if self.chars > MAX_CHARS or time.monotonic() > self.deadline:
            raise TooMuch


def _page(document: Any, index: int, reading: _Reading, pypdf_pages: Any) -> Page:
    page = document[index]
    try:
        left, bottom, right, top = page.get_mediabox()
        textpage = page.get_textpage()
        try:
            segments, unmapped, glyphs = _segments(textpage.raw, index + 1, reading)
        finally:
            textpage.close()
    finally:
        page.close()
    if glyphs and unmapped > glyphs * _UNMAPPED:
        better = pypdf_pages.segments(index, reading.deadline)
        if better is not None:
            segments = better
    return Page(index + 1, float(right - left), segments, float(top - bottom))


def _segments(tp: Any, number: int, reading: _Reading) -> tuple[list[Segment], int, int]:
    """Line segments of one text page; also how many glyphs had no Unicode, of how many."""
    import pypdfium2.raw as raw

    count = raw.FPDFText_CountChars(tp)
    if count < 0:
        raise ValueError("no text page")
    reading.charge(count)
    unicode_of, generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
    origin, loose_box = raw.FPDFText_GetCharOrigin, raw.FPDFText_GetLooseCharBox
    text_object, unmapped_at = _text_object_address(), raw.FPDFText_HasUnicodeMapError
    x, y, box = ctypes.c_double(), ctypes.c_double(), raw.FS_RECTF()
    matrix = raw.FS_MATRIX()

    out: list[Segment] = []
    chars: list[str] = []
    # the open segment: start x, baseline, size, where its last glyph ends, its text object
    seg_x = seg_y = size = end = last_left = 0.0
    last_code = -1
    obj: int | None = None
    space = False  # PDFium saw a gap here and generated a space
    unmapped = glyphs = 0

    def flush() -> None:
        text = "".join(chars).strip()
        if text:
            out.append(Segment(number, seg_x, seg_y, text, size))
        chars.clear()

    for i in range(count):
        code = unicode_of(tp, i)
        if code in (10, 13):
            continue
        if code == 32 and generated(tp, i) == 1:
            space = True
            continue
        glyphs += 1
        if unmapped_at(tp, i) == 1:
            unmapped += 1
        if i % 4096 == 4095:
            reading.charge(0)
        origin(tp, i, x, y)
        loose_box(tp, i, box)
        here = text_object(tp, i)
        left, right, base = box.left, box.right, y.value
        if chars:
            same_line = abs(base - seg_y) <= 1.5
            gap = left - end
            if same_line and code == last_code and abs(left - last_left) < min(1.5, size * 0.15):
                continue  # the same glyph drawn again over itself: bold by overprinting
            if not same_line or gap < -size * 0.5 or (here != obj and gap > size * _JOIN):
                flush()
            elif (space or gap > size * 0.15) and code != 32:
                # spaces the producer skipped rather than drew (PDFium draws a run of them as one)
                wide = round(gap / (size * _CHAR)) if here == obj else 1
                chars.append(" " * max(1, wide - (chars[-1] == " ")))
        if not chars:
            seg_x, seg_y = left, base
            size = _size(tp, i, matrix)
        chars.append("-" if code in _HYPHENS else chr(code) if code >= 32 else "")
        end, last_left, last_code, obj, space = right, left, code, here, False
    flush()
    out.sort(key=lambda s: (-round(s.y), s.x))
    return without_overprint(out), unmapped, glyphs


@functools.cache
def _text_object_address() -> Callable[[Any, int], int | None]:
    """FPDFText_GetTextObject returning the object's address as an int: the binding's pointer
    result, cast per glyph, took 4 µs — most of a glyph-by-glyph page's time."""
    import pypdfium2.raw as raw

    binding = raw.FPDFText_GetTextObject
    prototype = ctypes.CFUNCTYPE(ctypes.c_void_p, *binding.argtypes)
    address = ctypes.cast(binding, ctypes.c_void_p).value
    if address is None:
        raise ValueError("PDFium has no FPDFText_GetTextObject")
    function: Callable[[Any, int], int | None] = prototype(address)
    return function


def _size(tp: Any, index: int, matrix: Any) -> float:
    """The glyph's font size in page points: the font's size scaled by its text matrix."""
    import pypdfium2.raw as raw

    size = float(raw.FPDFText_GetFontSize(tp, index))
    if raw.FPDFText_GetMatrix(tp, index, matrix):
        scale = (matrix.a * matrix.a + matrix.b * matrix.b) ** 0.5
        if scale > 0 and abs(scale - 1) > 1e-3:
            size *= scale
    return size if size > 0 else 12.0


def without_overprint(segments: list[Segment]) -> list[Segment]:
    """A segment repeated at (almost) the same place is printed once."""
    kept: list[Segment] = []
    for s in segments:
        if any(k.text == s.text and abs(k.x - s.x) < 2 and abs(k.y - s.y) < 2 for k in kept[-4:]):
            continue
        kept.append(s)
    return kept
