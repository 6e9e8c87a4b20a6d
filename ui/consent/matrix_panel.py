"""The matrix on screen: the grid, its legend, and what it says when there is nothing to show.

Columns share the width while there are few projects and scroll sideways when there are many;
a selected cell keeps its status colour (the selection is a frame), so selecting never hides
what a cell says.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.consent.state import ConsentMatrix
from ui.consent.labels import legend_entries
from ui.consent.matrix_model import ConsentMatrixModel
from ui.table_model import Index

COLUMN_WIDTH = 190
STRETCH_UP_TO = 5  # columns share the width up to this many; more scroll sideways
SELECTION_FRAME = "#1f618d"


class MatrixDelegate(QStyledItemDelegate):
    """Keeps a selected cell's status colour and marks the selection with a frame instead."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        opt.state &= ~QStyle.StateFlag.State_Selected
        opt.state &= ~QStyle.StateFlag.State_HasFocus
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if selected:
            painter.save()
            painter.setPen(QPen(QColor(SELECTION_FRAME), 3))
            painter.drawRect(opt.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class MatrixPanel(QWidget):
    """The consent grid with its legend."""

    def __init__(self, model: ConsentMatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = QTableView(self)
        self.table.setObjectName("consentMatrix")
        self.table.setModel(model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setCornerButtonEnabled(False)
        self.table.setTabKeyNavigation(False)
        self.table.setItemDelegate(MatrixDelegate(self.table))
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setDefaultSectionSize(COLUMN_WIDTH)
        h.setMinimumSectionSize(120)
        h.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        v = self.table.verticalHeader()
        v.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        v.setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.empty_label = QLabel(
            self.tr("No consent records: nothing is authorised for this artist."), self
        )
        self.empty_label.setObjectName("noRecords")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        # The legend wraps onto rows of three so the panel fits a laptop screen.
        legend = QGridLayout()
        legend.setHorizontalSpacing(6)
        per_row = 3
        for i, (colour, words) in enumerate(legend_entries()):
            swatch = QLabel(self)
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {colour}; border: 1px solid #999;")
            row, col = divmod(i, per_row)
            legend.addWidget(swatch, row, col * 2)
            legend.addWidget(QLabel(words, self), row, col * 2 + 1)
        legend.setColumnStretch(per_row * 2, 1)
        note = QLabel(self.tr("* via a record for any project"), self)
        note.setEnabled(False)
        legend.addWidget(note, legend.rowCount(), 0, 1, per_row * 2 + 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(legend)

    def show_matrix(self, grid: ConsentMatrix) -> None:
        self.model.set_matrix(grid)
        h = self.table.horizontalHeader()
        h.setMinimumHeight(self.fontMetrics().height() * 2 + 12)  # two-line column titles
        few = self.model.columnCount() <= STRETCH_UP_TO
        mode = QHeaderView.ResizeMode.Stretch if few else QHeaderView.ResizeMode.Interactive
        h.setSectionResizeMode(mode)
        rows = self.table.verticalHeader().length() + h.minimumHeight()
        self.table.setMinimumHeight(min(rows + 4, 24 * self.fontMetrics().height()))
        self.empty_label.setVisible(not grid.columns)
