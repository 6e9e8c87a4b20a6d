"""How script breakdown values read on screen: translatable words and the colour of each kind.

The same colour marks an AI use in the script text, beside its kind in the AI-use list and in
the line-number margin, so the list doubles as the legend. Colours are pale tints behind dark
text (and deep tints behind light text in a dark theme); the kind is always also written out.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from models.scripts import AiKind, AiSource, ScriptFormat


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScriptLabels", text)


def kind_label(kind: AiKind) -> str:
    return {
        AiKind.VOICE: _tr("Voice"),
        AiKind.LIKENESS: _tr("Likeness"),
        AiKind.DE_AGING: _tr("De-aging"),
        AiKind.FACE_SWAP: _tr("Face swap"),
        AiKind.DIGITAL_DOUBLE: _tr("Digital double"),
        AiKind.TRAINING: _tr("Training"),
        AiKind.OTHER: _tr("Other AI use"),
    }[kind]


def source_label(source: AiSource) -> str:
    return {
        AiSource.EXTENSION: _tr("Character extension"),
        AiSource.NOTE: _tr("Note"),
        AiSource.ACTION: _tr("Action"),
        AiSource.DIALOGUE: _tr("Dialogue"),
        AiSource.HEADING: _tr("Scene heading"),
    }[source]


def format_label(fmt: ScriptFormat) -> str:
    return {
        ScriptFormat.FOUNTAIN: _tr("Fountain"),
        ScriptFormat.FDX: _tr("Final Draft (FDX)"),
        ScriptFormat.PDF: _tr("PDF"),
        ScriptFormat.TEXT: _tr("Plain text"),
        ScriptFormat.DOCX: _tr("Word (.docx)"),
    }[fmt]


def count_text(n: int, one: str, many: str) -> str:
    """ "1 scene" / "48 scenes": both forms are translatable strings with {n}."""
    return (one if n == 1 else many).format(n=f"{n:,}")


KIND_COLOURS: dict[AiKind, str] = {
    AiKind.VOICE: "#bcd9ff",
    AiKind.LIKENESS: "#ffc9d2",
    AiKind.DE_AGING: "#ddd0ff",
    AiKind.FACE_SWAP: "#ffd3a8",
    AiKind.DIGITAL_DOUBLE: "#fff09a",
    AiKind.TRAINING: "#c4efc4",
    AiKind.OTHER: "#dcdcdc",
}


def kind_colour(kind: AiKind, dark: bool = False) -> QColor:
    """The background tint for `kind`; `dark` for a theme with light text on a dark base."""
    colour = QColor(KIND_COLOURS[kind])
    return colour.darker(330) if dark else colour


_icons: dict[tuple[AiKind, bool], QIcon] = {}


def kind_icon(kind: AiKind, dark: bool = False) -> QIcon:
    """A small swatch of the kind's colour, for lists (made once per kind)."""
    icon = _icons.get((kind, dark))
    if icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setPen(QColor("#7f7f7f"))
        painter.setBrush(kind_colour(kind, dark))
        painter.drawRect(0, 0, 11, 11)
        painter.end()
        icon = _icons[(kind, dark)] = QIcon(pixmap)
    return icon
