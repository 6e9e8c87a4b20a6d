"""The drawn parts of a statement: rule, QR code, logo and the visible signature box."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Table

from reports.statements.style import ACCENT, PANEL, SIGNATURE_HEIGHT, SIGNATURE_PAD, WIDTH, plain


@dataclass(frozen=True)
class SignaturePlacement:
    """Where the visible signature box landed: page index (0-based) and PDF box."""

    page: int
    box: tuple[float, float, float, float]


def logo_image(path: Path) -> Image | None:
    try:
        w, h = ImageReader(str(path)).getSize()
    except Exception:  # a damaged logo must not stop an urgent statement
        return None
    scale = min(56.0 / max(w, 1), 56.0 / max(h, 1))
    return Image(str(path), width=w * scale, height=h * scale)


class QrCode(Flowable):  # type: ignore[misc]
    """A vector QR code drawn as filled rectangles (no graphics renderer, no font)."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
        code.add_data(data)
        code.make(fit=True)
        self.matrix: list[list[bool]] = code.get_matrix()
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        n = len(self.matrix)
        cell = self.size / n
        c = self.canv
        c.saveState()
        c.setFillColor(colors.black)
        path = c.beginPath()
        for row_index, row in enumerate(self.matrix):
            y = self.size - (row_index + 1) * cell
            col = 0
            while col < n:
                if row[col]:
                    start = col
                    while col < n and row[col]:
                        col += 1
                    path.rect(start * cell, y, (col - start) * cell, cell)
                else:
                    col += 1
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()


class Rule(Flowable):  # type: ignore[misc]
    def __init__(self, width: float, color: Any, thickness: float) -> None:
        super().__init__()
        self.width = width
        self.color = color
        self.thickness = thickness

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.thickness

    def draw(self) -> None:
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, 0, self.width, 0)


class SignatureBox(Flowable):  # type: ignore[misc]
    """The visible signature box; remembers where it was drawn for the signature widget."""

    def __init__(self, content: list[Flowable], placement: list[SignaturePlacement]) -> None:
        super().__init__()
        self.content = Table([[c] for c in content], colWidths=[WIDTH - 2 * SIGNATURE_PAD])
        self.content.setStyle(plain())
        self.placement = placement
        self.width = WIDTH
        self.height = SIGNATURE_HEIGHT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _, h = self.content.wrap(WIDTH - 2 * SIGNATURE_PAD, available_height)
        self.height = max(SIGNATURE_HEIGHT, h + 2 * SIGNATURE_PAD)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(ACCENT)
        c.setLineWidth(1.4)
        c.setFillColor(PANEL)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        c.restoreState()
        _, h = self.content.wrap(WIDTH - 2 * SIGNATURE_PAD, self.height)
        self.content.drawOn(c, SIGNATURE_PAD, self.height - SIGNATURE_PAD - h)
        x, y = c.absolutePosition(0, 0)
        self.placement.append(
            SignaturePlacement(c.getPageNumber() - 1, (x, y, x + self.width, y + self.height))
        )
