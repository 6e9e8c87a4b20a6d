"""The proposal list's model: one row per proposal, deadline and worst finding in colour.

The rows are `ProposalSummary` values (frozen) from `ProposalService.list`; a proposal list is
short (hundreds at most), so it is read whole and filtered here.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models.names import normalize
from models.proposals.values import DeadlineState, ProposalSummary
from ui.consent.labels import when_text
from ui.proposals.labels import (
    CELL_TEXT,
    deadline_fill,
    deadline_text,
    severity_fill,
    severity_label,
    severity_text_colour,
    status_label,
)
from ui.table_model import ReadOnlyTable

Index = QModelIndex | QPersistentModelIndex

PROPOSAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    COUNTERPARTY = 0
    PROJECT = 1
    RECEIVED = 2
    DEADLINE = 3
    STATUS = 4
    WORST = 5
    ARTISTS = 6


class ProposalTableModel(ReadOnlyTable):
    columns = Column

    """Proposals in the service's order (open ones by deadline first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProposalSummary] = []

    def set_rows(self, rows: Sequence[ProposalSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> ProposalSummary | None:
        found: ProposalSummary | None = self.row_at(row)
        return found

    @property
    def rows(self) -> list[ProposalSummary]:
        return list(self._rows)

    # -- Qt model interface ------------------------------------------------------------------
    def column_titles(self) -> dict[Column, str]:
        return {
            Column.COUNTERPARTY: self.tr("Counterparty"),
            Column.PROJECT: self.tr("Project"),
            Column.RECEIVED: self.tr("Received"),
            Column.DEADLINE: self.tr("Answer by"),
            Column.STATUS: self.tr("Status"),
            Column.WORST: self.tr("Worst finding"),
            Column.ARTISTS: self.tr("Requested artists"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(Column)):
            return None
        r = self._rows[row]
        column = Column(col)
        if role == PROPOSAL_ID_ROLE:
            return r.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(r, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column is Column.DEADLINE:
                fill = deadline_fill(r.deadline)
                return QBrush(fill) if fill is not None else None
            if column is Column.WORST and r.worst_open is not None:
                return QBrush(severity_fill(r.worst_open))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is Column.DEADLINE and deadline_fill(r.deadline) is not None:
                return QBrush(QColor(CELL_TEXT))
            if column is Column.WORST and r.worst_open is not None:
                return QBrush(severity_text_colour(r.worst_open))
            return None
        if role == Qt.ItemDataRole.FontRole:
            bold = (column is Column.DEADLINE and r.deadline in _URGENT) or (
                column is Column.WORST and r.worst_open is not None
            )
            if bold:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def _display(self, r: ProposalSummary, column: Column) -> str:
        if column is Column.COUNTERPARTY:
            return r.counterparty_name
        if column is Column.PROJECT:
            return r.project_title
        if column is Column.RECEIVED:
            return r.received_on.isoformat()
        if column is Column.DEADLINE:
            return deadline_text(r) or self.tr("no deadline")
        if column is Column.STATUS:
            return status_label(r.status)
        if column is Column.WORST:
            if r.checked_at is None:
                return self.tr("not checked")
            if r.worst_open is not None:
                return severity_label(r.worst_open)
            if r.worst is not None:
                return self.tr("risks accepted")
            return self.tr("no findings")
        return ", ".join(r.artist_names)

    def _tooltip(self, r: ProposalSummary, column: Column) -> str | None:
        if column is Column.WORST and r.checked_at is not None:
            text = self.tr("Checked {when}").format(when=when_text(r.checked_at))
            if r.worst is not None and r.worst != r.worst_open:
                text += "\n" + self.tr("Worst before accepted risks: {severity}").format(
                    severity=severity_label(r.worst)
                )
            return text
        if column is Column.ARTISTS and r.artist_names:
            return "\n".join(r.artist_names)
        if column is Column.DEADLINE and r.deadline in _URGENT:
            return self.tr("Answer the producer before this date.")
        return None


def matches(row: ProposalSummary, text: str) -> bool:
    """Whether the counterparty, project or an artist contains `text` (spaces ignored)."""
    needle = normalize(text).replace(" ", "")
    if not needle:
        return True
    hay = normalize(" ".join((row.counterparty_name, row.project_title, *row.artist_names)))
    return needle in hay.replace(" ", "")


_URGENT = (DeadlineState.OVERDUE, DeadlineState.DUE_SOON)
