"""The roster table's model: ordered artist ids, with rows fetched lazily in pages.

As in Anki's browser, the search returns only ids (cheap even for 100,000 artists); the view
asks for the few rows on screen and the model fetches those pages through
`RosterService.get_many` into a bounded cache. The model holds frozen `Artist` records only,
never ORM objects.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from models.names import display_name
from models.roster.artist import Artist
from models.roster.listing import SortColumn
from ui.i18n import date_text
from ui.roster.labels import age_text, stance_icon, stance_label, status_text

if TYPE_CHECKING:
    from models.roster.service import RosterService

Index = QModelIndex | QPersistentModelIndex

ARTIST_ID_ROLE = Qt.ItemDataRole.UserRole + 1


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


class ArtistTableModel(QAbstractTableModel):
    """Rows are artists in the order the service returns; only visible pages are loaded."""

    PAGE = 100
    MAX_CACHED = 5_000

    loaded = Signal()  # after every (re)load of the id list

    def __init__(self, roster: RosterService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roster = roster
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._cache: dict[int, Artist] = {}
        self.query = ""
        self.include_archived = False
        self.sort_column = SortColumn.NAME
        self.descending = False

    # -- loading -----------------------------------------------------------------------------
    def load(
        self,
        query: str | None = None,
        include_archived: bool | None = None,
        sort: SortColumn | None = None,
        descending: bool | None = None,
    ) -> None:
        """Run the search again (with any changed parameter) and forget cached rows."""
        if query is not None:
            self.query = query
        if include_archived is not None:
            self.include_archived = include_archived
        if sort is not None:
            self.sort_column = sort
        if descending is not None:
            self.descending = descending
        # "Age" ascending means youngest first, i.e. the latest date of birth first.
        by_dob = self.sort_column is SortColumn.AGE
        ids = self._roster.search_ids(
            self.query,
            include_archived=self.include_archived,
            sort=self.sort_column,
            descending=self.descending != by_dob,
        )
        self.beginResetModel()
        self._ids = ids
        self._row_of = None
        self._cache.clear()
        self.endResetModel()
        self.loaded.emit()

    def reload(self) -> None:
        self.load()

    def forget(self, artist_ids: list[int]) -> None:
        """Drop cached rows that changed in place and repaint them (order unchanged)."""
        for artist_id in artist_ids:
            self._cache.pop(artist_id, None)
            row = self.row_of(artist_id)
            if row is not None:
                last = self.columnCount() - 1
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    # -- lookups -----------------------------------------------------------------------------
    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def artist_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, artist_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {a: r for r, a in enumerate(self._ids)}
        return self._row_of.get(artist_id)

    def artist_at(self, row: int) -> Artist | None:
        """The artist on `row`, fetching its page if needed (None if it vanished meanwhile)."""
        if not 0 <= row < len(self._ids):
            return None
        artist_id = self._ids[row]
        artist = self._cache.get(artist_id)
        if artist is None:
            self._fetch_page(row)
            artist = self._cache.get(artist_id)
        return artist

    def _fetch_page(self, row: int) -> None:
        if len(self._cache) > self.MAX_CACHED:
            self._cache.clear()
        start = (row // self.PAGE) * self.PAGE
        page = [i for i in self._ids[start : start + self.PAGE] if i not in self._cache]
        self._cache.update(self._roster.get_many(page))

    @property
    def cached_count(self) -> int:
        return len(self._cache)

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(Column(section))
        return None

    def _header(self, column: Column) -> str:
        return {
            Column.NATIVE: self.tr("Native name"),
            Column.ROMANIZED: self.tr("Romanised name"),
            Column.STANCE: self.tr("AI stance"),
            Column.JURISDICTION: self.tr("Jurisdiction"),
            Column.AGE: self.tr("Age"),
            Column.STATUS: self.tr("Status"),
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._ids) and 0 <= col < len(Column)):
            return None
        if role == ARTIST_ID_ROLE:
            return self._ids[row]
        artist = self.artist_at(row)
        if artist is None:
            return None
        column = Column(col)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(artist, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(artist, column)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STANCE:
            return stance_icon(artist.ai_stance)
        if role == Qt.ItemDataRole.ForegroundRole and artist.archived:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.AGE and artist.is_minor():
            return QBrush(QColor("#b03a2e"))
        if role == Qt.ItemDataRole.FontRole and column is Column.AGE and artist.is_minor():
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(artist, column)
        return None

    def _display(self, artist: Artist, column: Column) -> str:
        if column is Column.NATIVE:
            return artist.native_name
        if column is Column.ROMANIZED:
            return artist.romanized_name
        if column is Column.STANCE:
            return stance_label(artist.ai_stance)
        if column is Column.JURISDICTION:
            return artist.jurisdiction
        if column is Column.AGE:
            return age_text(artist)
        return status_text(artist.archived)

    def _tooltip(self, artist: Artist, column: Column) -> str | None:
        if column in (Column.NATIVE, Column.ROMANIZED):
            name = display_name(artist.native_name, artist.romanized_name)
            if artist.stage_names:
                return self.tr("{name}\nAlso known as: {aliases}").format(
                    name=name, aliases=", ".join(artist.stage_names)
                )
            return name
        if column is Column.STANCE:
            return self.tr("{stance}. A stance is not consent.").format(
                stance=stance_label(artist.ai_stance)
            )
        if column is Column.AGE and artist.date_of_birth is not None:
            born = date_text(artist.date_of_birth)
            if artist.deceased_on is not None:
                return self.tr("Born {born}, died {died}").format(
                    born=born, died=date_text(artist.deceased_on)
                )
            return self.tr("Born {born}").format(born=born)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self.load(
            sort=SORT_BY_COLUMN[Column(column)],
            descending=order == Qt.SortOrder.DescendingOrder,
        )
