"""The leak table's cells that act: the Artist cell's candidate list and the Confirmed tick.

The Artist cell of a row with candidates shows a drop-down arrow; a click on it opens the
candidates, best first, or none of them (double-click and F2 still work). The Confirmed cell
toggles on a click anywhere in it, not only on its small box.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.leak.model import CANDIDATES_ROLE

Index = QModelIndex | QPersistentModelIndex
ARROW_WIDTH = 18


def arrow_rect(cell: QRect) -> QRect:
    """Where the drop-down arrow of an Artist cell is drawn (and clicked)."""
    return QRect(cell.right() - ARROW_WIDTH + 1, cell.top(), ARROW_WIDTH, cell.height())


class CandidateDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        candidates = index.data(CANDIDATES_ROLE) or []
        if not candidates:
            super().paint(painter, option, index)
            return
        text_option = QStyleOptionViewItem(option)
        text_option.rect = option.rect.adjusted(0, 0, -ARROW_WIDTH, 0)
        super().paint(painter, text_option, index)
        arrow = QStyleOptionViewItem(option)
        arrow.rect = arrow_rect(option.rect).adjusted(4, 0, -4, 0)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorArrowDown, arrow, painter, widget)

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and index.data(CANDIDATES_ROLE)
            and arrow_rect(option.rect).contains(event.position().toPoint())
        ):
            view = self.parent()
            if isinstance(view, QAbstractItemView):
                cell = view.model().index(index.row(), index.column())
                view.setCurrentIndex(cell)
                view.edit(cell)
                return True
        return super().editorEvent(event, model, option, index)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("candidateCombo")
        combo.addItem(self.tr("(none of them: not our artist)"), None)
        for artist_id, text in index.data(CANDIDATES_ROLE) or []:
            combo.addItem(text, artist_id)
        # Choosing commits at once: one click, not a click and then another elsewhere.
        combo.activated.connect(lambda _i: self._commit(combo))
        QTimer.singleShot(0, lambda: combo.showPopup() if combo.isVisible() else None)
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


class CheckCellDelegate(QStyledItemDelegate):
    """A tick box whose whole cell is the target."""

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        checkable = bool(model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable)
        if not checkable or not isinstance(event, QMouseEvent):
            return super().editorEvent(event, model, option, index)
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if event.type() == QEvent.Type.MouseButtonRelease:
            state = index.data(Qt.ItemDataRole.CheckStateRole)
            checked = state == Qt.CheckState.Checked or state == Qt.CheckState.Checked.value
            new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
            return model.setData(index, new, Qt.ItemDataRole.CheckStateRole)
        # presses and double-clicks are swallowed: one click, one toggle
        return event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


__all__ = ["ARROW_WIDTH", "CandidateDelegate", "CheckCellDelegate", "arrow_rect"]
