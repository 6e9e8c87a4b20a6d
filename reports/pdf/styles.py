"""The palette and the one way to make a paragraph style, shared by every PDF we write.

Every style draws text and bullets with the one embedded font (fonts.py), so no run of text
can fall back to an unembedded standard font. CJK wrapping (break between Han characters,
keep Latin words whole) is the default; a style may turn it off.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from reports.pdf.fonts import register_fonts

INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#5c5c5c")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#c9ced6")
PANEL = colors.HexColor("#f3f5f8")


def paragraph_style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
    """A style in the embedded font, in INK unless told; `kw` are ParagraphStyle attributes."""
    font = register_fonts()
    kw.setdefault("textColor", INK)
    kw.setdefault("wordWrap", "CJK")
    kw.setdefault("bulletFontName", font)
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **kw)


__all__ = ["ACCENT", "INK", "MUTED", "PANEL", "RULE", "paragraph_style"]
