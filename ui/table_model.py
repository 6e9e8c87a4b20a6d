"""What every read-only list table of the window shares.

A table holds its rows in `_rows`, takes its columns from an IntEnum, shows selectable,
non-editable items and titles its columns from `column_titles()`; a subclass only says what
each cell shows (`data`).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


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

    def column_titles(self) -> Mapping[Any, str]:
        """The header text of each column (translated)."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

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
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.column_titles()[self.columns(section)]
