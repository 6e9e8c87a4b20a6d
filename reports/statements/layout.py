"""Lay out a statement with ReportLab platypus, from its machine-readable record only.

Rendering from the record (never from the database) guarantees the printed words and the
attached `statement.json` say the same thing. Every page carries "page n of N": pages are
held back until the end so the total is known.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from reports.pdf.canvas import numbered_canvas
from reports.pdf.fonts import FONT, missing_glyphs, register_fonts
from reports.statements.compose import StatementComposer
from reports.statements.flowables import SignaturePlacement
from reports.statements.style import (
    FOOTER_RULE_Y,
    FOOTER_TEXT_Y,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE,
    RULE,
)
from reports.statements.templates import load_texts

HISTORICAL_INK = colors.HexColor("#b03a2e")


@dataclass(frozen=True)
class RenderedStatement:
    pdf: bytes
    pages: int
    signature: SignaturePlacement
    record_sha256: str
    title: str
    subject: str
    warnings: tuple[str, ...]


def _canvas_class(composer: StatementComposer) -> type[Canvas]:
    def decorate(canvas: Canvas, number: int, total: int) -> None:
        composer.pages = total
        for line, label in enumerate(composer.page_label()):
            canvas.setFont(FONT, 7.5)
            canvas.setFillColor(HISTORICAL_INK)
            canvas.drawCentredString(PAGE[0] / 2, PAGE[1] - 14 - 10 * line, label)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(PAGE[0] / 2, FOOTER_TEXT_Y, composer.footer(number, total))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, FOOTER_RULE_Y, PAGE[0] - MARGIN_X, FOOTER_RULE_Y)

    return numbered_canvas(decorate)


def render_statement(
    record: dict[str, Any],
    logo: Path | None = None,
    template_dir: Path | None = None,
) -> RenderedStatement:
    """The unsigned PDF of a record, and where its signature box is."""
    font = register_fonts()
    texts = [load_texts(lang, template_dir) for lang in record["language"]]
    composer = StatementComposer(record, texts)
    placement: list[SignaturePlacement] = []
    first = texts[0]
    title = f"{first.raw('title.' + record['kind'])} — {record['subject']['display_name']}"
    subject = (
        f"Consent Desk statement {record['statement_id']} ({record['kind']}) about "
        f"{record['subject']['display_name']} as of {record['as_of']}"
    )
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=subject,
        author=record["issuer"].get("name") or record["issuer"]["signer"],
        creator="Consent Desk",
        producer="Consent Desk (ReportLab)",
        keywords=f"statement-id={record['statement_id']}, record-sha256={composer.hash}",
        initialFontName=font,
        initialFontSize=9,
        lang="zh-Hans" if first.language == "zh" else "en",
    )
    doc.build(composer.story(logo, placement), canvasmaker=_canvas_class(composer))
    if not placement:
        raise RuntimeError("the signature box was not drawn")
    pdf = buf.getvalue()
    missing = missing_glyphs("".join(composer.shown))
    warnings = (
        (f"These characters cannot be printed with the statement font: {missing}",)
        if missing
        else ()
    )
    return RenderedStatement(
        pdf=pdf,
        pages=composer.pages,
        signature=placement[-1],
        record_sha256=composer.hash,
        title=title,
        subject=subject,
        warnings=warnings,
    )


__all__ = ["RenderedStatement", "SignaturePlacement", "render_statement"]
