"""Page geometry, colours and paragraph styles of statements (one font, see fonts.py)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle

from reports.statements.fonts import FONT, register_fonts
from reports.statements.linebreak import KeptParagraph, latin_kept, unmarked

PAGE = A4
MARGIN_X = 50.0
MARGIN_TOP = 38.0
MARGIN_BOTTOM = 50.0
FOOTER_RULE_Y = 38.0
FOOTER_TEXT_Y = 27.0
FRAME_PAD = 6.0  # platypus frames keep 6 pt inside each side
WIDTH = PAGE[0] - 2 * MARGIN_X - 2 * FRAME_PAD
SIGNATURE_HEIGHT = 40.0
SIGNATURE_PAD = 8.0
QR_SIZE = 84.0

INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#5c5c5c")
ACCENT = colors.HexColor("#1f3a5f")
NO = colors.HexColor("#9b1c1c")
NO_BG = colors.HexColor("#fbeaea")
YES_BG = colors.HexColor("#eaf2ea")
RULE = colors.HexColor("#c9ced6")
PANEL = colors.HexColor("#f3f5f8")


@cache
def styles() -> dict[str, ParagraphStyle]:
    font = register_fonts()

    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            bulletFontName=font,
            fontSize=size,
            leading=leading,
            textColor=kw.pop("textColor", INK),
            wordWrap="CJK",  # breaks between Han characters, keeps Latin words whole
            **kw,
        )

    return {
        "agency": style("agency", 16, 20, textColor=ACCENT),
        "agency_zh": style("agency_zh", 12.5, 17, textColor=ACCENT),
        "address": style("address", 8, 11, textColor=MUTED),
        "title": style("title", 15, 20, textColor=ACCENT, spaceAfter=2),
        "banner": style("banner", 10, 14, textColor=NO),
        "label": style("label", 8, 11, textColor=MUTED),
        "value": style("value", 9.5, 13),
        "value_big": style("value_big", 12, 16),
        "body": style("body", 9.5, 14),
        "heading": style("heading", 11.5, 15, textColor=ACCENT),
        "heading_no": style("heading_no", 11.5, 15, textColor=NO),
        "cell": style("cell", 8.5, 11.5),
        "cell_head": style("cell_head", 8, 10.5, textColor=MUTED),
        "no_item": style("no_item", 9.5, 13, textColor=NO),
        "small": style("small", 7.5, 10, textColor=MUTED),
        "verify": style("verify", 8.5, 12),
        "code": style("code", 8.5, 11, textColor=INK, backColor=PANEL, borderPadding=2),
        "sig_head": style("sig_head", 9, 12, textColor=ACCENT),
    }


def plain(extra: list[tuple[Any, ...]] | None = None) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *(extra or []),
        ]
    )


_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")


@cache
def _latin(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "_latin", parent=style, wordWrap=None)


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph that wraps like CJK text only when it holds CJK text.

    CJK wrapping measures every character on its own; Latin-only text wraps the same with
    ReportLab's word wrapping at a fraction of the cost (most of a bilingual statement). Runs
    marked with `linebreak.keep()` (dates, names) stay on one line either way.
    """
    if _WIDE.search(markup):
        return KeptParagraph(markup, style)
    return Paragraph(unmarked(latin_kept(markup)), _latin(style))
