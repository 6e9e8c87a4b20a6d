"""Page geometry, colours and paragraph styles of statements (built on reports/pdf)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle

from reports.pdf.fonts import FONT
from reports.pdf.styles import ACCENT, INK, MUTED, PANEL, RULE, paragraph_style
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

NO = colors.HexColor("#9b1c1c")
NO_BG = colors.HexColor("#fbeaea")
YES_BG = colors.HexColor("#eaf2ea")


@cache
def styles() -> dict[str, ParagraphStyle]:
    return {
        "agency": paragraph_style("agency", 16, 20, textColor=ACCENT),
        "agency_zh": paragraph_style("agency_zh", 12.5, 17, textColor=ACCENT),
        "address": paragraph_style("address", 8, 11, textColor=MUTED),
        "title": paragraph_style("title", 15, 20, textColor=ACCENT, spaceAfter=2),
        "banner": paragraph_style("banner", 10, 14, textColor=NO),
        "label": paragraph_style("label", 8, 11, textColor=MUTED),
        "value": paragraph_style("value", 9.5, 13),
        "value_big": paragraph_style("value_big", 12, 16),
        "body": paragraph_style("body", 9.5, 14),
        "heading": paragraph_style("heading", 11.5, 15, textColor=ACCENT),
        "heading_no": paragraph_style("heading_no", 11.5, 15, textColor=NO),
        "cell": paragraph_style("cell", 8.5, 11.5),
        "cell_head": paragraph_style("cell_head", 8, 10.5, textColor=MUTED),
        "no_item": paragraph_style("no_item", 9.5, 13, textColor=NO),
        "small": paragraph_style("small", 7.5, 10, textColor=MUTED),
        "verify": paragraph_style("verify", 8.5, 12),
        "code": paragraph_style("code", 8.5, 11, textColor=INK, backColor=PANEL, borderPadding=2),
        "sig_head": paragraph_style("sig_head", 9, 12, textColor=ACCENT),
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


__all__ = [  # the shared palette (reports/pdf/styles.py) with the statement's own geometry
    "ACCENT",
    "FOOTER_RULE_Y",
    "FOOTER_TEXT_Y",
    "FRAME_PAD",
    "INK",
    "MARGIN_BOTTOM",
    "MARGIN_TOP",
    "MARGIN_X",
    "MUTED",
    "NO",
    "NO_BG",
    "PAGE",
    "PANEL",
    "QR_SIZE",
    "RULE",
    "SIGNATURE_HEIGHT",
    "SIGNATURE_PAD",
    "WIDTH",
    "YES_BG",
    "para",
    "plain",
    "styles",
]
