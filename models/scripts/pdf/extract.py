"""The text of a PDF with positions: one `Segment` per run of text on a line (pypdf).

pypdf is imported here only, and this module only when a PDF is read, so importing
`models.scripts` stays cheap. pypdf rather than pdfminer.six: on the PDFs of tests/corpus and
the shared samples pypdf took 2.6–18 ms a page where pdfminer.six took 4.8–34 ms (1.2–5×
slower, median about 2×), both giving each run's start position, which is all the layout
rules need; pypdf is already a dependency and pdfminer.six is not.

A line drawn twice at (almost) the same place — how many programs print bold — is kept once;
runs on one line far apart (dual dialogue columns, scene numbers in the margins) stay separate
segments. Segments come out in reading order: top to bottom, left to right.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from models.scripts.errors import ScriptReadError

MAX_PAGES = 2_000
MAX_LINES = 400_000  # ~7,000 full pages
TIME_BUDGET_S = 20.0
_CHAR = 0.6  # a Courier character is 0.6 em wide; wider than most proportional fonts

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class Segment:
    page: int  # 1-based
    x: float
    y: float  # PDF space: larger is higher on the page
    text: str
    size: float = 12.0  # font size in points
    number: int = 0  # 1-based line in the extracted text

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


class _TooMuch(Exception):
    """Raised from inside pypdf's text walk when a page takes too long."""


class _Locked(Exception):
    pass


def broken(source_name: str, page: int | None = None) -> ScriptReadError:
    where = f" (page {page})" if page else ""
    return ScriptReadError(
        "error.scripts.pdf.extract.source_name_not_readable_pdf",
        source_name=source_name,
        where=where,
    )


def extract(data: bytes, source_name: str, progress: Progress | None = None) -> list[Page]:
    from pypdf import PdfReader

    # pypdf reports damaged-but-readable files through logging; without a handler of its own,
    # Python would print those reports on stderr, where the CLI promises a single line.
    logging.getLogger("pypdf").addHandler(logging.NullHandler())
    started = time.monotonic()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _Locked
        count = len(reader.pages)
    except _Locked:
        raise ScriptReadError(
            "error.scripts.pdf.extract.source_name_password_protected_save", source_name=source_name
        ) from None
    except Exception as e:  # pypdf raises many types on damaged files; all mean "unreadable"
        raise broken(source_name) from e
    if count == 0:
        raise broken(source_name)
    if count > MAX_PAGES:
        raise ScriptReadError(
            "error.scripts.pdf.extract.source_name_has_count_pages",
            source_name=source_name,
            count=count,
            max_pages=MAX_PAGES,
        )
    pages: list[Page] = []
    deadline = started + TIME_BUDGET_S
    total = 0
    for index in range(count):
        if progress is not None:
            progress(index, count)
        try:
            page = reader.pages[index]
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            segments = _segments(page, index + 1, deadline)
        except _TooMuch:
            raise ScriptReadError(
                "error.scripts.pdf.extract.source_name_too_complex_read",
                source_name=source_name,
                time_budget_s=f"{TIME_BUDGET_S:.0f}",
                max_lines=MAX_LINES,
            ) from None
        except Exception as e:
            raise broken(source_name, page=index + 1) from e
        pages.append(Page(index + 1, width, segments, height))
        total += len(segments)
        if total > MAX_LINES:
            raise ScriptReadError(
                "error.scripts.pdf.extract.source_name_has_more_than",
                source_name=source_name,
                max_lines=MAX_LINES,
            )
    return pages


def _segments(page: Any, number: int, deadline: float) -> list[Segment]:
    out: list[Segment] = []
    parts: list[str] = []
    current: list[float] = []  # x, y, size of the open segment; x where its text should end
    calls = [0]
    runs: list[tuple[float, str]] = []  # where each run of the open segment was drawn

    def flush() -> None:
        text = "".join(parts).strip()
        if text and current:
            out.append(Segment(number, current[0], current[1], text, current[2]))
        parts.clear()
        current.clear()
        runs.clear()

    soft = [False]  # pypdf ended a line; the next run may still continue it (one glyph each)

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        calls[0] += 1
        if calls[0] % 1000 == 0 and time.monotonic() > deadline:
            raise _TooMuch
        if not text:
            return
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        scale = (a * a + b * b) ** 0.5
        fs = float(size) * scale if scale else float(size)
        if fs <= 0:
            fs = 12.0
        x = float(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])
        y = float(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
        stripped = text.strip()
        same_line = bool(current) and abs(y - current[1]) <= 1.5
        if stripped and same_line:
            for seen_x, seen_text in runs:
                if seen_text == stripped and abs(x - seen_x) < min(1.5, fs * 0.15):
                    return  # the same run drawn again over itself: bold by overprinting
        if soft[0]:
            soft[0] = False
            last_x, last_text = runs[-1] if runs else (current[0] if current else x, "")
            reach = last_x + len(last_text) * fs * _CHAR + fs * 0.8
            if same_line and last_x < x <= reach:
                gap = x - (last_x + len(last_text) * fs * 0.5)
                if stripped and gap > fs * 0.35 and not "".join(parts[-1:]).endswith(" "):
                    parts.append(" ")  # a space the producer skipped rather than drew
            else:
                flush()
        if stripped:
            runs.append((x, stripped))
        if current and "".join(parts).strip():
            far = x > current[3] + 2 * fs * _CHAR or x < current[0] - 1
            if abs(y - current[1]) > 1.5 or (stripped and far):
                flush()
        pieces = text.split("\n")
        for n, part in enumerate(pieces):
            if n and (part.strip() or n < len(pieces) - 1):
                flush()
            if part.strip() and not current:
                current[:] = [x, y, fs, x]
            if part and current:
                parts.append(part)
                current[3] = current[0] + len("".join(parts).rstrip()) * fs * _CHAR
        if len(pieces) > 1 and not pieces[-1].strip():
            soft[0] = True

    page.extract_text(visitor_text=visit)
    flush()
    out.sort(key=lambda s: (-round(s.y), s.x))
    return _without_overprint(out)


def _without_overprint(segments: list[Segment]) -> list[Segment]:
    """A segment repeated at (almost) the same place is printed once."""
    kept: list[Segment] = []
    for s in segments:
        if any(k.text == s.text and abs(k.x - s.x) < 2 and abs(k.y - s.y) < 2 for k in kept[-4:]):
            continue
        kept.append(s)
    return kept
