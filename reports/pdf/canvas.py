"""A canvas that holds pages back until the end, so every page can say "page n of N".

ReportLab draws a page and forgets it; the total is known only when the document is saved. The
canvas keeps each finished page's state, and at save time replays them, letting the report
draw its footer (and anything else that needs the total) on each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

# Draws on one page, given its number (from 1) and the number of pages.
PageDecorator = Callable[[Canvas, int, int], None]


def numbered_canvas(decorate: PageDecorator) -> type[Canvas]:
    """A canvas class for `doc.build(..., canvasmaker=...)` that calls `decorate` on each page.

    `decorate` runs inside saveState/restoreState, so it may change fonts and colours freely.
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.saveState()
                decorate(self, number, total)
                self.restoreState()
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


__all__ = ["PageDecorator", "numbered_canvas"]
