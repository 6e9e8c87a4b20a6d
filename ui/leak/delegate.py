"""A combo box in the Artist cell: the entry's candidates, best first, or none of them."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.leak.model import CANDIDATES_ROLE

Index = QModelIndex | QPersistentModelIndex


class CandidateDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("candidateCombo")
        combo.addItem(self.tr("(none of them: not our artist)"), None)
        for artist_id, text in index.data(CANDIDATES_ROLE) or []:
            combo.addItem(text, artist_id)
        # Choosing commits at once: one click, not a click and then another elsewhere.
        combo.activated.connect(lambda _i: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if not isinstance(editor, QComboBox):
            return
        current = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(current) if current is not None else -1
        # Nothing chosen yet stays "none": leaving the editor must never pick for the manager.
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


__all__ = ["CandidateDelegate"]
