"""pypdf's side of reading a PDF: what each page draws, bounded first, and the text of pages
whose fonts PDFium cannot map.

Before PDFium loads a page, guard.py measures what the page draws through pypdf's object
reader. PDFium (extract.py) then reads the page's text. A font without a usable ToUnicode map
(some CJK fonts embedded by PDFKit) comes out of PDFium as raw glyph codes, where pypdf's walk
of the content stream still finds the characters; only such pages are walked here. Runs drawn
one `Tj` at a time are joined into line segments the way the layout rules expect.
"""

from __future__ import annotations

import io
import logging
import time
from typing import Any

from models.scripts.pdf.extract import _CHAR, Segment, TooMuch, without_overprint
from models.scripts.pdf.guard import Overdrawn, check_page


class PypdfPages:
    """The document as pypdf reads it (opened at once: every page is measured before it is read)."""

    def __init__(self, data: bytes) -> None:
        from pypdf import PdfReader

        # pypdf reports damaged-but-readable files through logging; without a handler of its
        # own, Python would print those reports on stderr, where the CLI promises one line.
        logging.getLogger("pypdf").addHandler(logging.NullHandler())
        self._reader = PdfReader(io.BytesIO(data), strict=False)
        if self._reader.is_encrypted:
            self._reader.decrypt("")
        self._failed = False

    def check(self, index: int) -> None:
        """TooMuch if the page draws more than a script page could (guard.py)."""
        try:
            check_page(self._reader.pages[index])
        except Overdrawn:
            raise TooMuch from None

    def segments(self, index: int, deadline: float) -> list[Segment] | None:
        """The page's segments as pypdf's text walk finds them; None where pypdf fails."""
        if self._failed:
            return None
        try:
            return segments(self._reader.pages[index], index + 1, deadline)
        except TooMuch:
            raise
        except Exception:  # pypdf raises many types on damaged files: keep PDFium's reading
            self._failed = True
            return None


def segments(page: Any, number: int, deadline: float) -> list[Segment]:
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
            raise TooMuch
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
    return without_overprint(out)
