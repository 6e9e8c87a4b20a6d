"""The one font statements use: the shipped WenQuanYi Micro Hei, embedded as a subset.

A single TrueType font covers Latin and Chinese, so no run of text can fall back to an
unembedded standard font (Helvetica) and a journalist's PDF reader shows exactly what we
printed. Bold and italic map to the same face for the same reason.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib import textsplit
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph

from models.gcpause import freeze_loaded_data
from models.resources import CJK_FONT

FONT = "CDSans"
CANNOT_START_ZH = "，；：！？》”’…—·、。）」』】〕％"


@cache
def register_fonts() -> str:
    """Register once per process (parsing the 5 MB collection takes ~70 ms)."""
    pdfmetrics.registerFont(TTFont(FONT, str(CJK_FONT), subfontIndex=0))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)
    # ReportLab's CJK line breaking keeps "cannot start a line" marks on the previous line,
    # but its list lacks the full-width Chinese ones (，；：！？…); without them a line of a
    # Chinese statement can begin with a comma.
    for module in (paragraph, textsplit):
        missing = "".join(c for c in CANNOT_START_ZH if c not in module.ALL_CANNOT_START)
        module.ALL_CANNOT_START += missing
    if not getattr(paragraph.wordSplit, "_hangs_runs", False):
        paragraph.wordSplit = _hanging_word_split(paragraph.wordSplit)
    # The font's glyph tables (~35,000 lists) live as long as the process: out of the
    # collector's passes, or the first pass after a batch of statements walks them all.
    freeze_loaded_data()
    return FONT


def _hanging_word_split(split: Any) -> Any:
    """ReportLab hangs one closing mark at a line end, never two ("）。" or "”，"); this moves
    any closing marks left at the start of a line to the end of the line before."""

    def word_split(word: Any, max_widths: Any, font_name: str, font_size: float, *a: Any) -> Any:
        lines = split(word, max_widths, font_name, font_size, *a)
        for i in range(1, len(lines)):
            text = lines[i][1]
            if not isinstance(text, str):
                continue
            n = 0
            while n < len(text) - 1 and text[n] in paragraph.ALL_CANNOT_START:
                n += 1
            if n:
                moved = text[:n]
                width = pdfmetrics.stringWidth(moved, font_name, font_size)
                lines[i - 1][1] += moved
                lines[i - 1][0] -= width
                lines[i][1] = text[n:]
                lines[i][0] += width
        return lines

    word_split._hangs_runs = True  # type: ignore[attr-defined]
    return word_split


@cache
def _cmap() -> frozenset[int]:
    register_fonts()
    face = pdfmetrics.getFont(FONT).face
    return frozenset(face.charToGlyph)


def missing_glyphs(text: str) -> str:
    """Characters the font cannot draw (they would print as empty boxes)."""
    have = _cmap()
    return "".join(sorted({c for c in text if ord(c) >= 32 and ord(c) not in have}))


__all__ = ["FONT", "missing_glyphs", "register_fonts"]
