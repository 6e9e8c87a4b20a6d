"""Pick an artist by typing any form of the name (Chinese, pinyin, romanised, stage name).

The roster search does the matching (`RosterService.search`, the same as the roster view), so
"linxiao", "林晓" and "Lin Xiao" all find 林晓 (Lin Xiao).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from models.roster.service import RosterService

ARTIST_ROLE = Qt.ItemDataRole.UserRole + 1
LIMIT = 50


class ArtistPicker(QWidget):
    chosen = Signal(object)  # artist id or None

    def __init__(self, roster: RosterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster = roster
        self.search = QLineEdit(self)
        self.search.setObjectName("artistSearch")
        self.search.setPlaceholderText(self.tr("Find by Chinese name, pinyin or romanised name"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("artistResults")
        self.results.setMaximumHeight(self.fontMetrics().height() * 6 + 10)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.results.currentItemChanged.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        self.run_search()

    def run_search(self) -> None:
        self.results.clear()
        for artist in self.roster.find(self.search.text(), limit=LIMIT):  # best match first
            item = QListWidgetItem(artist.display_name, self.results)
            item.setData(ARTIST_ROLE, artist.id)
        if self.results.count() == 1:
            self.results.setCurrentRow(0)
        else:
            self.chosen.emit(None)

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.chosen.emit(None if item is None else int(item.data(ARTIST_ROLE)))

    def current_id(self) -> int | None:
        item = self.results.currentItem()
        return None if item is None else int(item.data(ARTIST_ROLE))

    def select(self, artist_id: int) -> bool:
        for row in range(self.results.count()):
            item = self.results.item(row)
            if item is not None and item.data(ARTIST_ROLE) == artist_id:
                self.results.setCurrentRow(row)
                return True
        return False


__all__ = ["ArtistPicker"]
