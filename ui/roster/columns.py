"""The roster table's columns and what each cell shows, without Qt's `Qt` namespace.

Shared by the roster view's model (ui/roster/model.py) and the quick first window
(ui/quick_start.py). PySide builds the Python enums of the whole `Qt` namespace (~15 ms) the
first time any of them is touched, so this module — on the path to the first paint — speaks
of item roles by their numbers (`ROLE_*`, Qt's own values; tests/ui/test_quick_start.py checks
them against `Qt.ItemDataRole`).
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

from models.names import display_name, normalize
from models.roster.artist import Artist
from models.roster.listing import SortColumn
from ui.i18n import date_text
from ui.roster.labels import age_text, stance_icon, stance_label, status_text

# Qt.ItemDataRole values
ROLE_DISPLAY = 0
ROLE_DECORATION = 1
ROLE_TOOLTIP = 3
ROLE_FONT = 6
ROLE_TEXT_ALIGNMENT = 7
ROLE_FOREGROUND = 9
ROLE_ACCESSIBLE_TEXT = 11
CELL_ROLES = (
    ROLE_DISPLAY,
    ROLE_DECORATION,
    ROLE_TOOLTIP,
    ROLE_FONT,
    ROLE_FOREGROUND,
    ROLE_ACCESSIBLE_TEXT,
)
PAINTED_ROLES = (ROLE_DISPLAY, ROLE_DECORATION, ROLE_FONT, ROLE_FOREGROUND)
HEADER_ALIGNMENT = 0x0001 | 0x0080  # Qt.AlignmentFlag.AlignLeft | AlignVCenter


class Column(IntEnum):
    NATIVE = 0
    ROMANIZED = 1
    STANCE = 2
    JURISDICTION = 3
    AGE = 4
    STATUS = 5


SORT_BY_COLUMN: dict[Column, SortColumn] = {
    Column.NATIVE: SortColumn.NAME,
    Column.ROMANIZED: SortColumn.ROMANIZED,
    Column.STANCE: SortColumn.STANCE,
    Column.JURISDICTION: SortColumn.JURISDICTION,
    Column.AGE: SortColumn.AGE,
    Column.STATUS: SortColumn.STATUS,
}
COLUMN_BY_SORT = {v: k for k, v in SORT_BY_COLUMN.items()}
DEFAULT_WIDTHS = {
    Column.NATIVE: 150,
    Column.ROMANIZED: 170,
    Column.STANCE: 250,
    Column.JURISDICTION: 100,
    Column.AGE: 150,
}


translate = QCoreApplication.translate  # the context stays the model's: "ArtistTableModel"


def column_titles() -> dict[Column, str]:
    return {
        Column.NATIVE: translate("ArtistTableModel", "Native name"),
        Column.ROMANIZED: translate("ArtistTableModel", "Romanised name"),
        Column.STANCE: translate("ArtistTableModel", "AI stance"),
        Column.JURISDICTION: translate("ArtistTableModel", "Jurisdiction"),
        Column.AGE: translate("ArtistTableModel", "Age"),
        Column.STATUS: translate("ArtistTableModel", "Status"),
    }


def lay_out_roster_table(table: QTableView, row_height: int) -> None:
    """The roster table's look but its header's text alignment (which needs `Qt`): the roster
    view sets it as the default (ui/roster/model.py), the quick window on each column title."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setCornerButtonEnabled(False)
    vertical = table.verticalHeader()
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(row_height)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    for column, width in DEFAULT_WIDTHS.items():
        table.setColumnWidth(column, width)


def cell_data(artist: Artist, column: Column, role: int) -> Any:
    """What the roster shows in `column` for `artist` in `role` (None: nothing)."""
    if role in (ROLE_DISPLAY, ROLE_ACCESSIBLE_TEXT):
        return display_text(artist, column)
    if role == ROLE_TOOLTIP:
        return tooltip(artist, column)
    if role == ROLE_DECORATION and column is Column.STANCE:
        return stance_icon(artist.ai_stance)
    if role == ROLE_FOREGROUND and artist.archived:
        from PySide6.QtGui import QPalette  # archived rows are hidden at first: not at start-up

        return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    if role == ROLE_FOREGROUND and column is Column.AGE and artist.is_minor():
        # a colour: the delegate paints it as the text's brush (building a QBrush from it
        # would touch `Qt`, see the module docstring)
        return QColor("#b03a2e")
    if role == ROLE_FONT and column is Column.AGE and artist.is_minor():
        font = QFont()
        font.setBold(True)
        return font
    return None


def display_text(artist: Artist, column: Column) -> str:
    if column is Column.NATIVE:
        return artist.native_name
    if column is Column.ROMANIZED:
        # a Western name is its own romanised form: shown once, in the name column
        same = normalize(artist.romanized_name) == normalize(artist.native_name)
        return "" if same else artist.romanized_name
    if column is Column.STANCE:
        return stance_label(artist.ai_stance)
    if column is Column.JURISDICTION:
        return artist.jurisdiction
    if column is Column.AGE:
        return age_text(artist)
    return status_text(artist.archived)


def tooltip(artist: Artist, column: Column) -> str | None:
    if column in (Column.NATIVE, Column.ROMANIZED):
        name = display_name(artist.native_name, artist.romanized_name)
        if artist.stage_names:
            return translate("ArtistTableModel", "{name}\nAlso known as: {aliases}").format(
                name=name, aliases=", ".join(artist.stage_names)
            )
        return name
    if column is Column.STANCE:
        return translate("ArtistTableModel", "{stance}. A stance is not consent.").format(
            stance=stance_label(artist.ai_stance)
        )
    if column is Column.AGE and artist.date_of_birth is not None:
        born = date_text(artist.date_of_birth)
        if artist.deceased_on is not None:
            return translate("ArtistTableModel", "Born {born}, died {died}").format(
                born=born, died=date_text(artist.deceased_on)
            )
        return translate("ArtistTableModel", "Born {born}").format(born=born)
    return None
