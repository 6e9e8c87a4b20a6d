"""How roster values read on screen: translatable labels and the colour hint of each stance.

The words follow domain.md: a stance is worded by the model itself in both languages (through
ui.i18n); the other labels are translation sources in the "Artist" context.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon, QPixmap

from models.resources import resource_path
from models.roster.artist import Artist, Stance
from ui.i18n import label, number_text


def stance_label(stance: Stance) -> str:
    """The stance in the interface language, from the model's own bilingual label."""
    return label(stance)


# Muted colours: a hint beside the words, never the only signal (the label says it).
STANCE_COLOURS: dict[Stance, str] = {
    Stance.NOT_ASKED: "#8a8f98",
    Stance.DECLINED: "#c0392b",
    Stance.OPEN_TO_DISCUSS: "#d68910",
    Stance.OPTED_IN_WITH_CONDITIONS: "#2471a3",
}

_icons: dict[Stance, QIcon] = {}


def stance_icon(stance: Stance) -> QIcon:
    """A small filled dot in the stance's colour (loaded once per stance).

    The dots are shipped as PNG files (resources/icons/stance-*.png, made by `paint_stance_dot`;
    tests/ui/roster/test_labels.py checks they match): painting them here would touch `Qt`
    (the pen and brush calls), which costs ~15 ms before the window's first paint.
    """
    icon = _icons.get(stance)
    if icon is None:
        icon = _icons[stance] = QIcon(QPixmap(str(stance_icon_file(stance))))
    return icon


def stance_icon_file(stance: Stance) -> Path:
    return resource_path("icons", f"stance-{stance.value}.png")


def paint_stance_dot(stance: Stance) -> QPixmap:
    """The stance's dot as painted (what its icon file holds): 12 px, antialiased."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPainter  # not on the way to the first paint

    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(STANCE_COLOURS[stance]))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return pixmap


def age_text(artist: Artist, on: date | None = None) -> str:
    """ "34", "15 · minor", "deceased (aged 88)", or "" when the date of birth is unknown."""
    age = artist.age(on)
    if artist.is_deceased:
        if age is None:
            return QCoreApplication.translate("Artist", "deceased")
        return QCoreApplication.translate("Artist", "deceased (aged {age})").format(
            age=number_text(age)
        )
    if age is None:
        return ""
    if artist.is_minor(on):
        return QCoreApplication.translate("Artist", "{age} · minor").format(age=number_text(age))
    return number_text(age)


def status_text(archived: bool) -> str:
    return (
        QCoreApplication.translate("Artist", "Archived")
        if archived
        else QCoreApplication.translate("Artist", "Active")
    )


def field_label(field_name: str) -> str:
    """The on-screen name of a draft field (for problems listed by field)."""
    names = {
        "native_name": QCoreApplication.translate("Artist", "Native name"),
        "romanized_name": QCoreApplication.translate("Artist", "Romanised name"),
        "stage_name": QCoreApplication.translate("Artist", "Stage names"),
        "date_of_birth": QCoreApplication.translate("Artist", "Date of birth"),
        "deceased_on": QCoreApplication.translate("Artist", "Deceased on"),
        "estate_contact": QCoreApplication.translate("Artist", "Estate contact"),
        "guardian": QCoreApplication.translate("Artist", "Guardian"),
        "union": QCoreApplication.translate("Artist", "Unions"),
        "jurisdiction": QCoreApplication.translate("Artist", "Jurisdiction"),
        "agent": QCoreApplication.translate("Artist", "Agent"),
        "contact": QCoreApplication.translate("Artist", "Contact"),
        "notes": QCoreApplication.translate("Artist", "Notes"),
        "ai_stance": QCoreApplication.translate("Artist", "AI stance"),
        "(row)": QCoreApplication.translate("Artist", "(whole row)"),
    }
    return names.get(field_name, field_name)
