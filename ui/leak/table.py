"""The leak day's table: every entry of the list beside the roster's answer, always in sight.

The columns fit the width they are given: on a narrow screen they shrink in proportion
(texts are elided and shown whole in their tooltips) instead of scrolling sideways, the
entry, the artist and how it matched keeping most of their width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.leak.delegate import CandidateDelegate, CheckCellDelegate
from ui.leak.model import Column, LeakTableModel

# Sized so that the whole table fits beside the list at 1024 px without scrolling sideways;
# long texts are elided and shown whole in their tooltips.
WIDTHS = {
    Column.POSITION: 28,
    Column.ENTRY: 100,
    Column.ARTIST: 135,
    Column.SCORE: 40,
    Column.MATCH: 135,
    Column.STANCE: 100,
    Column.AUTHORISED: 100,
    Column.LISTED: 90,
    Column.STATEMENT: 90,
}
PRIORITY = (Column.ENTRY, Column.ARTIST, Column.MATCH)


class LeakTableView(QTableView):
    """The table with its candidate picker and confirm tick, fitted to its width."""

    def __init__(self, model: LeakTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leakTable")
        self.setModel(model)
        self.candidate_delegate = CandidateDelegate(self)
        self.setItemDelegateForColumn(Column.ARTIST, self.candidate_delegate)
        self.check_delegate = CheckCellDelegate(self)
        self.setItemDelegateForColumn(Column.CONFIRMED, self.check_delegate)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        for column, width in WIDTHS.items():
            self.setColumnWidth(column, width)
        header.setMinimumSectionSize(24)
        confirmed_title = str(model.headerData(Column.CONFIRMED, Qt.Orientation.Horizontal))
        header.setSectionResizeMode(Column.CONFIRMED, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            Column.CONFIRMED, header.fontMetrics().horizontalAdvance(confirmed_title) + 20
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Every column in sight: narrower screens shrink the columns in proportion (texts are
        elided, whole in their tooltips) instead of scrolling sideways."""
        header = self.horizontalHeader()
        available = self.viewport().width()
        fixed = header.sectionSize(Column.CONFIRMED)
        wanted = dict(WIDTHS)
        total = sum(wanted.values()) + fixed
        scale = min(2.0, (available - fixed) / max(1, total - fixed))  # wide screens too
        # On a narrow screen the entry, the artist and how it matched keep most of their
        # width; the overview columns give way first.
        keep = max(scale, 0.85) if scale < 1 else scale
        widths = {c: int(wanted[c] * keep) for c in PRIORITY}
        others = [c for c in wanted if c not in PRIORITY]
        room = available - fixed - sum(widths.values())
        share = room / max(1, sum(wanted[c] for c in others))
        for column in others:
            widths[column] = int(wanted[column] * share)
        widths = {c: max(28 if c is Column.POSITION else 40, w) for c, w in widths.items()}
        over = sum(widths.values()) + fixed - available
        while over > 0:  # minimums can overshoot a very narrow table: take it from the widest
            widest = max(widths, key=lambda c: widths[c])
            if widths[widest] <= 40:
                break
            cut = min(over, widths[widest] - 40)
            widths[widest] -= cut
            over -= cut
        # the last column takes what is left, to the edge
        rest = available - fixed - sum(w for c, w in widths.items() if c is not Column.STATEMENT)
        widths[Column.STATEMENT] = max(40, rest)
        for column, width in widths.items():
            header.resizeSection(column, width)
