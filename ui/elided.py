"""Full text on hover for cells too narrow for it.

Long stances, findings and legal sources are elided ("…") in their columns; hovering shows
the whole text. Cells whose model gives its own tooltip keep it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
PADDING = 12  # the cell's margins and focus frame


def elided_text(view: QAbstractItemView, index: Index, option: QStyleOptionViewItem) -> str:
    """The cell's text when it does not fit its cell, else ""."""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not isinstance(text, str) or not text:
        return ""
    model = index.model()
    plain = model.index(index.row(), index.column()) if model is not None else QModelIndex()
    width = view.visualRect(plain).width()
    longest = max(option.fontMetrics.horizontalAdvance(line) for line in text.splitlines() or [""])
    return text if longest + PADDING > width or "\n" in text else ""


class ElidedTooltipDelegate(QStyledItemDelegate):
    """The default delegate, plus the full text as a tooltip when the cell cuts it short."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if (
            event is not None
            and event.type() == QEvent.Type.ToolTip
            and index.isValid()
            and not index.data(Qt.ItemDataRole.ToolTipRole)
        ):
            text = elided_text(view, index, option)
            if text:
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)


def install_elided_tooltips(root: QWidget) -> int:
    """Give every item view under `root` that uses the plain delegate the tooltip one."""
    count = 0
    views = root.findChildren(QAbstractItemView)
    if isinstance(root, QAbstractItemView):
        views.insert(0, root)
    for view in views:
        if type(view.itemDelegate()) is QStyledItemDelegate:
            view.setItemDelegate(ElidedTooltipDelegate(view))
            count += 1
    return count
