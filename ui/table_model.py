"""What every list table of the window shares: `ReadOnlyTable` and its `EditableTable` sibling.

A table holds its rows in `_rows`, takes its columns from an IntEnum, shows selectable,
non-editable items and titles its columns from `column_titles()`; a subclass only says what
each cell shows (`data`). Tables whose rows live elsewhere (a lazily paged id list, one
computed matrix, one script analysis) say how many rows and columns there are through
`row_count()` / `column_count()` instead of filling `_rows`; tables with their own header
shape (a matrix titled by modality and project) override `column_header()` / `row_header()`.

`EditableTable` is the one sibling for tables a person changes in place (a choice per import
row, the artist picked for a leaked name): the same read-only base, plus the cells' extra
flags from `edit_flags()`; the subclass takes the value in `setData`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

READ_ONLY_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class ReadOnlyTable(QAbstractTableModel):
    columns: ClassVar[type[IntEnum]]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def row_at(self, row: int) -> Any:
        """The row's item, or None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, item_id: object) -> int | None:
        """The row showing the item with this `id`, if any."""
        for n, item in enumerate(self._rows):
            if item.id == item_id:
                return n
        return None

    def column_titles(self) -> Mapping[Any, str] | Sequence[str]:
        """The header text of each column (translated): by column, or in column order."""
        raise NotImplementedError

    def row_count(self) -> int:
        """How many rows the table has (`_rows` unless the rows live elsewhere)."""
        return len(self._rows)

    def column_count(self) -> int:
        return len(self.columns)

    def cell_index_valid(self, index: Index) -> bool:
        """A top-level index inside the table (what `data` may answer for)."""
        return (
            index.isValid()
            and not index.parent().isValid()
            and 0 <= index.row() < self.row_count()
            and 0 <= index.column() < self.column_count()
        )

    def column_header(self, section: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.column_titles()
        if isinstance(titles, Mapping):
            return titles[self.columns(section)]
        return titles[section]

    def row_header(self, section: int, role: int) -> Any:
        """Row titles: none by default (Qt numbers the rows)."""
        return None

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return READ_ONLY_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < self.row_count():
                return None
            return self.row_header(section, role)
        if not 0 <= section < self.column_count():
            return None
        return self.column_header(section, role)


class EditableTable(ReadOnlyTable):
    """A `ReadOnlyTable` with cells a person changes in place (see the module docstring)."""

    def edit_flags(self, index: Index) -> Qt.ItemFlag:
        """The flags this cell adds to the read-only ones (editable, checkable)."""
        return Qt.ItemFlag.NoItemFlags

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return READ_ONLY_FLAGS | self.edit_flags(index)
