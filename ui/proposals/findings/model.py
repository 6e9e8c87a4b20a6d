"""The findings table's model: one row per finding of a check run, BLOCK first.

Messages and suggested actions are the rule's own words in English and Chinese; the table
shows the interface language (`ui.i18n.pick`) and the other in the tooltip, so a manager can
quote either to the producer. A finding the check no longer raises ("resolved", in the
what-changed view) is shown struck through.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models.proposals.values import FindingChange, StoredFinding
from ui.i18n import model_language, pick
from ui.proposals.labels import (
    change_label,
    severity_fill,
    severity_label,
    severity_text_colour,
)
from ui.table_model import ReadOnlyTable

Index = QModelIndex | QPersistentModelIndex

FINDING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACCEPTED_MARK = "✔"
RESOLVED_TEXT = "#7b7d7d"


class Column(IntEnum):
    SEVERITY = 0
    RULE = 1
    ARTIST = 2
    LINE = 3
    MESSAGE = 4
    SOURCE = 5
    ACTION = 6
    ACCEPTED = 7
    CHANGE = 8


class FindingsTableModel(ReadOnlyTable):
    columns = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StoredFinding] = []
        self.script_names: dict[int, str] = {}
        self.compared = False  # the run has a run before it: "new" means something

    def set_findings(self, findings: Sequence[StoredFinding], compared: bool = True) -> None:
        self.beginResetModel()
        self._rows = sorted(findings, key=lambda f: (f.finding.sort_key, f.id))
        self.compared = compared
        self.endResetModel()

    def finding(self, row: int) -> StoredFinding | None:
        found: StoredFinding | None = self.row_at(row)
        return found

    @property
    def findings(self) -> list[StoredFinding]:
        return list(self._rows)

    # -- Qt model interface ------------------------------------------------------------------
    def column_titles(self) -> dict[Column, str]:
        return {
            Column.SEVERITY: self.tr("Severity"),
            Column.RULE: self.tr("Rule"),
            Column.ARTIST: self.tr("Artist"),
            Column.LINE: self.tr("Line"),
            Column.MESSAGE: self.tr("Finding"),
            Column.SOURCE: self.tr("Source"),
            Column.ACTION: self.tr("Suggested action"),
            Column.ACCEPTED: self.tr("Accepted risk"),
            Column.CHANGE: self.tr("Since last run"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(Column)):
            return None
        f = self._rows[row]
        column = Column(col)
        resolved = f.change is FindingChange.RESOLVED
        if role == FINDING_ID_ROLE:
            return f.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(f, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(f, column)
        if role == Qt.ItemDataRole.BackgroundRole and column is Column.SEVERITY and not resolved:
            return QBrush(severity_fill(f.finding.severity))
        if role == Qt.ItemDataRole.ForegroundRole:
            if resolved:
                return QBrush(QColor(RESOLVED_TEXT))
            if column is Column.SEVERITY:
                return QBrush(severity_text_colour(f.finding.severity))
            return None
        if role == Qt.ItemDataRole.FontRole:
            new = column is Column.CHANGE and f.change is FindingChange.NEW and self.compared
            if resolved or column is Column.SEVERITY or new:
                font = QFont()
                font.setStrikeOut(resolved)
                font.setBold(not resolved)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.LINE, Column.ACCEPTED):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, f: StoredFinding, column: Column) -> str:
        x = f.finding
        if column is Column.SEVERITY:
            return severity_label(x.severity)
        if column is Column.RULE:
            return x.rule_id
        if column is Column.ARTIST:
            return f.artist_name or "—"
        if column is Column.LINE:
            return str(x.line) if x.line is not None else self.tr("terms")
        if column is Column.MESSAGE:
            return x.message_in(model_language())
        if column is Column.SOURCE:
            return pick(x.source, x.source_zh or x.source)
        if column is Column.ACTION:
            return pick(x.action, x.action_zh)
        if column is Column.ACCEPTED:
            return ACCEPTED_MARK if f.accepted_risk else ""
        return change_label(f.change) if self.compared else self.tr("first check")

    def _tooltip(self, f: StoredFinding, column: Column) -> str | None:
        x = f.finding
        if column is Column.MESSAGE:
            return f"{x.message_in('en')}\n\n{x.message_in('zh')}"
        if column is Column.ACTION:
            return f"{x.action}\n\n{x.action_zh}"
        if column is Column.SOURCE:
            return pick(x.source, x.source_zh or x.source)
        if column is Column.LINE and x.script_id is not None:
            return self.script_names.get(x.script_id, "")
        if column is Column.ACCEPTED and f.accepted_risk:
            return self.tr("Accepted by {who}: {reason}").format(
                who=f.accepted_by, reason=f.accepted_reason
            )
        return None
