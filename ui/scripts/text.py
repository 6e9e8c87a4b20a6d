"""The script text of the breakdown: one block per source line, AI use painted behind it.

Block N shows source line N + 1 (for FDX and .docx, paragraph N + 1), so the numbers in the
margin are the numbers the person sees in the CLI, the lists and their own editor. Highlights are
painted for the visible lines only, from a line → spans table, instead of being stored as
formats or extra selections in the document: opening a script with thousands of AI uses
costs nothing extra, and the read-only document stays exactly the script's text.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.scripts.analysis import HitSpan
from ui.scripts.labels import kind_colour

MARGIN_PADDING = 6
HIT_BAR_WIDTH = 4


def script_font() -> QFont:
    """Typewriter type, as scripts are written; Chinese falls back to the bundled CJK font."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    resolved = QFontInfo(font).family()  # "monospace" is an alias a family list cannot hold
    families = [resolved, *QGuiApplication.font().families()]
    font.setFamilies(list(dict.fromkeys(families)))
    font.setPointSizeF(max(QGuiApplication.font().pointSizeF(), 9.0))
    return font


def _x(line: QTextLine, position: int) -> float:
    """QTextLine.cursorToX without PySide's (x, position) tuple."""
    value = line.cursorToX(position)
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]


class LineMargin(QWidget):
    """Line numbers, with a coloured bar beside each line that holds an AI use."""

    def __init__(self, text: ScriptText) -> None:
        super().__init__(text)
        self.setObjectName("scriptLineMargin")
        self._text = text

    def sizeHint(self) -> QSize:
        return QSize(self._text.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._text.paint_margin(self, event)


class ScriptText(QPlainTextEdit):
    """Read-only script text with line numbers, AI-use highlights and the current line marked."""

    SLICE = 1_500  # lines added at a time (a few milliseconds each)
    complete = Signal()  # every line of the script is in the editor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptText")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # files dropped here open in the view, not as text
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFont(script_font())
        self.spans: dict[int, tuple[HitSpan, ...]] = {}
        self.margin = LineMargin(self)
        self.blockCountChanged.connect(lambda _n: self._update_margin_width())
        self.updateRequest.connect(self._scroll_margin)
        self.cursorPositionChanged.connect(self._current_line_moved)
        self._current = 1
        self._pending: list[str] = []  # lines still to be added (see set_script)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._add_slice)
        self._update_margin_width()

    # -- content -------------------------------------------------------------------------------
    def set_script(self, text: str, spans: dict[int, tuple[HitSpan, ...]]) -> None:
        """Show `text`: the first lines at once, the rest in slices between events.

        Filling the editor with a 5,000-scene script in one call holds the GUI thread for a
        third of a second; in slices of `SLICE` lines the window keeps painting and
        answering. `complete` fires once every line is in (at once for a short script);
        anything that needs a line further down finishes the filling first.
        """
        self.spans = spans
        self._timer.stop()
        lines = text.split("\n")
        self._pending = lines[self.SLICE :]
        self.setPlainText("\n".join(lines[: self.SLICE]))
        self._current = 1
        self.viewport().update()
        self.margin.update()
        if self._pending:
            self._timer.start()
        else:
            self.complete.emit()

    @property
    def filling(self) -> bool:
        """Whether lines of the script are still to be added."""
        return bool(self._pending)

    def _add_slice(self) -> None:
        if not self._pending:
            self._timer.stop()
            return
        part, self._pending = self._pending[: self.SLICE], self._pending[self.SLICE :]
        self._append(part)
        if not self._pending:
            self._timer.stop()
            self.complete.emit()

    def _append(self, lines: list[str]) -> None:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText("\n" + "\n".join(lines))

    def finish_filling(self) -> None:
        """Add every line still pending now (before a jump further down, or a read of it)."""
        if self._pending:
            part, self._pending = self._pending, []
            self._timer.stop()
            self._append(part)
            self.complete.emit()

    def clear_script(self) -> None:
        self.set_script("", {})

    def line_count(self) -> int:
        return self.blockCount() + len(self._pending)

    def current_line(self) -> int:
        return self.textCursor().blockNumber() + 1

    def current_column(self) -> int:
        return self.textCursor().positionInBlock()

    def jump_to(self, line: int, column: int = 0) -> bool:
        """Put the cursor on `line` (1-based) at `column` and bring it to the middle."""
        if line > self.blockCount():
            self.finish_filling()
        block = self.document().findBlockByNumber(line - 1)
        if not block.isValid():
            return False
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + max(0, min(column, block.length() - 1)))
        self.setTextCursor(cursor)
        self.centerCursor()
        return True

    def line_text(self, line: int) -> str:
        if line > self.blockCount():
            self.finish_filling()
        return self.document().findBlockByNumber(line - 1).text()

    # -- painting ------------------------------------------------------------------------------
    def _dark(self) -> bool:
        return self.palette().base().color().lightness() < 128

    def _current_line_moved(self) -> None:
        line = self.current_line()
        if line != self._current:
            self._current = line
            self.viewport().update()
            self.margin.update()

    def _visible_blocks(self, top: int, bottom: int) -> list[tuple[QTextBlock, QRectF]]:
        found: list[tuple[QTextBlock, QRectF]] = []
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if block.isVisible() and geometry.bottom() >= top:
                found.append((block, geometry))
            block = block.next()
        return found

    def span_rects(self, block: QTextBlock, geometry: QRectF, span: HitSpan) -> list[QRectF]:
        """Where a span is drawn, one rectangle per wrapped visual line it touches."""
        layout = block.layout()
        start, end = span.column, span.column + span.length
        rects = []
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            first, last = line.textStart(), line.textStart() + line.textLength()
            a, b = max(start, first), min(end, last)
            if a >= b and not (span.length == 0 and i == 0):
                continue
            x0 = _x(line, a)
            x1 = _x(line, b) if b > a else line.x() + line.naturalTextWidth()
            if x1 - x0 < 3:  # an empty line still shows that something is there
                x1 = x0 + 6
            rects.append(
                QRectF(
                    geometry.left() + x0 - 1,
                    geometry.top() + line.y(),
                    x1 - x0 + 2,
                    line.height(),
                )
            )
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = event.rect()
        painter = QPainter(self.viewport())
        current = self.palette().highlight().color()
        current.setAlpha(38)
        dark = self._dark()
        for block, geometry in self._visible_blocks(rect.top(), rect.bottom()):
            line = block.blockNumber() + 1
            if line == self._current:
                band = QRectF(0, geometry.top(), self.viewport().width(), geometry.height())
                painter.fillRect(band, current)
            for span in self.spans.get(line, ()):
                colour = kind_colour(span.use.kind, dark)
                for r in self.span_rects(block, geometry, span):
                    painter.fillRect(r, colour)
        painter.end()
        super().paintEvent(event)

    # -- the margin ----------------------------------------------------------------------------
    def margin_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return (
            MARGIN_PADDING * 2
            + HIT_BAR_WIDTH
            + self.fontMetrics().horizontalAdvance("9") * max(3, digits)
        )

    def _update_margin_width(self) -> None:
        self.setViewportMargins(self.margin_width(), 0, 0, 0)

    def _scroll_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self.margin.setGeometry(QRect(area.left(), area.top(), self.margin_width(), area.height()))

    def paint_margin(self, margin: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(margin)
        painter.fillRect(event.rect(), self.palette().window())
        painter.setFont(self.font())
        width = margin.width()
        dark = self._dark()
        number_colour = self.palette().placeholderText().color()
        text_colour = self.palette().text().color()
        height = self.fontMetrics().height()
        rect = event.rect()
        for block, geometry in self._visible_blocks(rect.top(), rect.bottom()):
            line = block.blockNumber() + 1
            top = round(geometry.top())
            spans = self.spans.get(line)
            if spans:
                bar = QColor(kind_colour(spans[0].use.kind, dark)).darker(130)
                painter.fillRect(
                    width - HIT_BAR_WIDTH - 1, top, HIT_BAR_WIDTH, round(geometry.height()), bar
                )
            font = painter.font()
            font.setBold(line == self._current)
            painter.setFont(font)
            painter.setPen(text_colour if line == self._current else number_colour)
            painter.drawText(
                0,
                top,
                width - HIT_BAR_WIDTH - MARGIN_PADDING - 1,
                height,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(line),
            )
        painter.end()
