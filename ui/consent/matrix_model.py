"""The consent matrix as a Qt table: modalities (rows) × projects of counterparties (columns).

The model only shows a `ConsentMatrix` that `models.consent.state.matrix` computed for one
moment; it never decides what is authorised itself, so the matrix, the rule checker and the
statements cannot disagree. Each cell knows the record it shows (RECORD_ID_ROLE).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models.consent.state import ConsentMatrix, MatrixCell, MatrixColumn
from models.consent.words import ConsentStatus, Modality, RecordAtTime
from ui.consent.labels import (
    CELL_TEXT,
    NONE_TEXT,
    any_project_label,
    modality_label,
    modality_tooltip,
    status_fill,
    status_label,
)
from ui.table_model import Index, ReadOnlyTable

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the status value ("given"), "" when no record
MODALITIES: tuple[Modality, ...] = tuple(Modality)


class ConsentMatrixModel(ReadOnlyTable):
    """Read-only grid of one artist's consent at one moment."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matrix: ConsentMatrix | None = None
        self._records: dict[int, RecordAtTime] = {}

    # -- content -------------------------------------------------------------------------------
    @property
    def matrix(self) -> ConsentMatrix | None:
        return self._matrix

    def set_matrix(self, matrix: ConsentMatrix | None) -> None:
        self.beginResetModel()
        self._matrix = matrix
        self._records = {r.record_id: r for r in matrix.state.records} if matrix else {}
        self.endResetModel()

    def cell(self, row: int, column: int) -> MatrixCell | None:
        m = self._matrix
        if m is None or not (0 <= row < len(MODALITIES) and 0 <= column < len(m.columns)):
            return None
        return m.cell(MODALITIES[row], column)

    def column(self, column: int) -> MatrixColumn | None:
        m = self._matrix
        if m is None or not 0 <= column < len(m.columns):
            return None
        return m.columns[column]

    def index_of_record(self, record_id: int) -> QModelIndex:
        """The first cell that shows `record_id` (invalid if none does at this moment)."""
        m = self._matrix
        if m is None:
            return QModelIndex()
        for c in range(len(m.columns)):
            for r, modality in enumerate(MODALITIES):
                if m.cell(modality, c).record_id == record_id:
                    return self.index(r, c)
        return QModelIndex()

    def record_at(self, record_id: int) -> RecordAtTime | None:
        return self._records.get(record_id)

    # -- Qt model interface ------------------------------------------------------------------
    def row_count(self) -> int:
        return 0 if self._matrix is None else len(MODALITIES)

    def column_count(self) -> int:
        return 0 if self._matrix is None else len(self._matrix.columns)

    def row_header(self, section: int, role: int) -> Any:
        modality = MODALITIES[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return modality_label(modality)
        if role == Qt.ItemDataRole.ToolTipRole:
            return modality_tooltip(modality)
        return None

    def column_header(self, section: int, role: int) -> Any:
        column = self.column(section)
        if column is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{column.counterparty_name}\n{column.project_title or any_project_label()}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.project_id is None:
                return self.tr("{party}: any project of this counterparty").format(
                    party=column.counterparty_name
                )
            return f"{column.counterparty_name} — {column.project_title}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if cell is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(status_fill(cell.status, cell.in_force))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(CELL_TEXT if cell.status is not None else NONE_TEXT))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and cell.status == ConsentStatus.GIVEN:
            font = QFont()
            font.setBold(cell.in_force)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        if role == RECORD_ID_ROLE:
            return cell.record_id
        if role == STATUS_ROLE:
            return cell.status.value if cell.status is not None else ""
        return None

    def _text(self, cell: MatrixCell) -> str:
        text = status_label(cell.status)
        if cell.status == ConsentStatus.GIVEN and not cell.in_force:
            record = self._records.get(cell.record_id or 0)
            if record is not None and record.term_start is not None:
                text = self.tr("Given from {day}").format(day=record.term_start.isoformat())
        if cell.via_any_project:
            text += " *"
        return text

    def _tooltip(self, cell: MatrixCell) -> str:
        lines = [
            f"{modality_label(cell.modality)} — {cell.column.counterparty_name} — "
            f"{cell.column.project_title or any_project_label()}"
        ]
        record = self._records.get(cell.record_id or 0) if cell.record_id else None
        if record is None:
            lines.append(self.tr("No consent record: not authorised."))
            return "\n".join(lines)
        lines.append(
            self.tr("{status} · record #{id}, version {version}").format(
                status=status_label(record.status), id=record.record_id, version=record.version
            )
        )
        start = record.term_start.isoformat() if record.term_start else "…"
        end = record.term_end.isoformat() if record.term_end else self.tr("open-ended")
        lines.append(self.tr("Term {start} to {end}").format(start=start, end=end))
        if record.revoked_at is not None:
            lines.append(
                self.tr("Revoked: {reason}").format(reason=record.revocation_reason or "—")
            )
        if cell.via_any_project:
            lines.append(self.tr("* covered by a record for any project of this counterparty"))
        if len(cell.record_ids) > 1:
            others = ", ".join(f"#{i}" for i in cell.record_ids if i != cell.record_id)
            lines.append(self.tr("Also covered by {records}").format(records=others))
        return "\n".join(lines)
