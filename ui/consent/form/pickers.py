"""Pickers for counterparties and projects that find names typed in any script.

A manager types 星幕, "xingmu", "xing mu shi pin" or "Xingmu Video"; the list narrows to what
matches, through the same `models.names.search_text` the roster search uses (Chinese, toneless
pinyin with or without spaces, romanised names, full-width letters).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from models.names import normalize, search_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
PINNED_ROLE = Qt.ItemDataRole.UserRole + 3  # always listed, whatever is typed
UNCHOSEN = -1  # the id of a "— choose … —" entry: nothing is chosen yet


@dataclass(frozen=True)
class Choice:
    """One entry of a picker: what it stands for and how it reads."""

    id: int | None
    text: str
    native: str = ""
    romanized: str = ""
    pinned: bool = False


class SearchFilterModel(QSortFilterProxyModel):
    """Keeps the rows whose search text contains what was typed (spaces ignored too)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = normalize(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(PINNED_ROLE):
            return True
        hay = str(index.data(SEARCH_ROLE) or "")
        return self._needle in hay or self._needle.replace(" ", "") in hay.replace(" ", "")


class SearchPicker(QWidget):
    """A search box and the list it narrows; `current_id()` is the chosen entry."""

    chosen = Signal(object)  # the id (int or None) of the chosen entry

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(150)
        self.search.setMaximumWidth(220)
        self.search.setToolTip(
            self.tr("Type Chinese, pinyin (with or without spaces) or the English name")
        )
        self.items = QStandardItemModel(self)
        self.proxy = SearchFilterModel(self)
        self.proxy.setSourceModel(self.items)
        self.combo = QComboBox(self)
        self.combo.setModel(self.proxy)
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.combo, 1)
        self.search.textChanged.connect(self._filter)
        self.combo.currentIndexChanged.connect(lambda _i: self.chosen.emit(self.current_id()))
        self.setFocusProxy(self.search)

    def set_choices(self, choices: list[Choice], keep: int | None = None) -> None:
        """Replace the entries, keeping `keep` (an id) chosen if it is still there."""
        self.combo.blockSignals(True)
        self.items.clear()
        for c in choices:
            item = QStandardItem(c.text)
            item.setData(c.id, ID_ROLE)
            item.setData(search_text(c.native or c.text, c.romanized, []), SEARCH_ROLE)
            item.setData(c.pinned, PINNED_ROLE)
            item.setEditable(False)
            self.items.appendRow(item)
        self.combo.blockSignals(False)
        if not self.select_id(keep):
            self.combo.setCurrentIndex(0 if self.combo.count() else -1)
        self.chosen.emit(self.current_id())

    def _filter(self, text: str) -> None:
        before = self.current_id()
        self.combo.blockSignals(True)
        self.proxy.set_needle(text)
        self.combo.blockSignals(False)
        if not self.select_id(before) or (text and self._first_match_differs(before)):
            self.combo.setCurrentIndex(self._first_unpinned())
        self.chosen.emit(self.current_id())

    def _first_unpinned(self) -> int:
        for row in range(self.proxy.rowCount()):
            if not self.proxy.index(row, 0).data(PINNED_ROLE):
                return row
        return 0 if self.proxy.rowCount() else -1

    def _first_match_differs(self, current: int | None) -> bool:
        row = self._first_unpinned()
        return row >= 0 and self.proxy.index(row, 0).data(ID_ROLE) != current

    def current_id(self) -> int | None:
        row = self.combo.currentIndex()
        if row < 0:
            return None
        value = self.proxy.index(row, 0).data(ID_ROLE)
        return int(value) if value is not None and value != UNCHOSEN else None

    def has_choice(self) -> bool:
        """False while nothing (or the "— choose … —" entry) is chosen."""
        row = self.combo.currentIndex()
        return row >= 0 and self.proxy.index(row, 0).data(ID_ROLE) != UNCHOSEN

    def select_id(self, item_id: int | None) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == item_id:
                self.combo.setCurrentIndex(row)
                return True
        return False

    def texts(self) -> list[str]:
        """The entries listed now (after filtering), as shown."""
        return [str(self.proxy.index(r, 0).data()) for r in range(self.proxy.rowCount())]
