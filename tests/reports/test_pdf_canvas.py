"""The shared numbered canvas: every page learns its number and the total."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from reports.pdf.canvas import numbered_canvas
from reports.pdf.fonts import FONT
from reports.pdf.styles import paragraph_style


def test_each_page_says_page_n_of_the_total() -> None:
    seen: list[tuple[int, int]] = []

    def footer(canvas: Canvas, number: int, total: int) -> None:
        seen.append((number, total))
        canvas.setFont(FONT, 7)
        canvas.drawString(40, 20, f"page {number} of {total}")

    style = paragraph_style("body", 9, 12)
    story = [Paragraph("一页 one", style), PageBreak(), Paragraph("二", style), PageBreak()]
    story.append(Paragraph("three 三", style))
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build(story, canvasmaker=numbered_canvas(footer))
    pages = PdfReader(io.BytesIO(buf.getvalue())).pages
    assert seen == [(1, 3), (2, 3), (3, 3)]
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of 3" in (page.extract_text() or "")
    assert style.fontName == FONT and style.bulletFontName == FONT and style.wordWrap == "CJK"
