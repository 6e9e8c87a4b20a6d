"""The register table: every issued statement, with out-of-date ones flagged in red.

The rows are frozen `RegisteredStatement`s loaded on a worker thread (with the out-of-date
check, which asks `state_as_of(now)` for each artist); the model only filters and sorts them.
"OUT OF DATE" is said in words as well as in red, with what changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from models.consent.words import Modality
from models.names import normalize, pinyin
from models.statements.record import StatementStatus
from models.statements.register import OutOfDateStatement, RegisteredStatement
from ui.i18n import label
from ui.statements.labels import (
    RED,
    kind_label,
    languages_text,
    status_colour,
    status_label,
    zoned_text,
)
from ui.table_model import ReadOnlyTable

Index = QModelIndex | QPersistentModelIndex
STATEMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    ID = 0
    ARTIST = 1
    KIND = 2
    LANGUAGE = 3
    AS_OF = 4
    ISSUED = 5
    ISSUED_BY = 6
    STATUS = 7
    OUT_OF_DATE = 8


@dataclass(frozen=True)
class RegisterSnapshot:
    """What one load of the register found (made on a worker thread)."""

    statements: tuple[RegisteredStatement, ...]
    stale: dict[str, OutOfDateStatement]


def changed_text(changed: Sequence[str]) -> str:
    names = []
    for value in changed:
        try:
            names.append(label(Modality(value)))
        except ValueError:
            names.append(value)
    return ", ".join(names)


class StatementTableModel(ReadOnlyTable):
    columns = Column

    """Filtered by artist text and status; newest first unless sorted otherwise."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: tuple[RegisteredStatement, ...] = ()
        self._stale: dict[str, OutOfDateStatement] = {}
        self._rows: list[RegisteredStatement] = []
        self._keys: dict[str, str] = {}
        self.artist_filter = ""
        self.status_filter: StatementStatus | None = None
        self.only_out_of_date = False
        self._sort: tuple[int, bool] | None = None

    # -- loading and filtering -----------------------------------------------------------------
    def set_snapshot(self, snapshot: RegisterSnapshot) -> None:
        self._all = snapshot.statements
        self._stale = dict(snapshot.stale)
        self._keys = {s.id: self._search_key(s) for s in self._all}
        self._refilter()

    @staticmethod
    def _search_key(st: RegisteredStatement) -> str:
        subject = st.record.get("subject", {})
        native = str(subject.get("native_name", ""))
        py = pinyin(native)
        return normalize(" | ".join([st.artist_display_name, py, py.replace(" ", ""), st.id]))

    def set_filters(
        self,
        artist: str | None = None,
        status: StatementStatus | bool | None = False,
        only_out_of_date: bool | None = None,
    ) -> None:
        """`status=False` keeps the current status filter; None shows every status."""
        if artist is not None:
            self.artist_filter = artist
        if status is not False:
            self.status_filter = status if isinstance(status, StatementStatus) else None
        if only_out_of_date is not None:
            self.only_out_of_date = only_out_of_date
        self._refilter()

    def _refilter(self) -> None:
        needle = normalize(self.artist_filter)
        rows = [
            s
            for s in self._all
            if (not needle or needle in self._keys.get(s.id, ""))
            and (self.status_filter is None or s.status == self.status_filter)
            and (not self.only_out_of_date or s.id in self._stale)
        ]
        if self._sort is not None:
            column, descending = self._sort
            rows.sort(key=lambda s: self._sort_key(s, Column(column)), reverse=descending)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    # -- lookups -------------------------------------------------------------------------------
    def statement(self, row: int) -> RegisteredStatement | None:
        found: RegisteredStatement | None = self.row_at(row)
        return found

    def out_of_date(self, statement_id: str) -> OutOfDateStatement | None:
        return self._stale.get(statement_id)

    @property
    def total(self) -> int:
        return len(self._all)

    def all_statements(self) -> tuple[RegisteredStatement, ...]:
        """Every statement in the register, whatever the filters show."""
        return self._all

    @property
    def stale_count(self) -> int:
        return len(self._stale)

    # -- Qt model interface --------------------------------------------------------------------
    def column_titles(self) -> dict[Column, str]:
        return {
            Column.ID: self.tr("Statement"),
            Column.ARTIST: self.tr("Artist"),
            Column.KIND: self.tr("Kind"),
            Column.LANGUAGE: self.tr("Language"),
            Column.AS_OF: self.tr("As of"),
            Column.ISSUED: self.tr("Issued"),
            Column.ISSUED_BY: self.tr("Issued by"),
            Column.STATUS: self.tr("Status"),
            Column.OUT_OF_DATE: self.tr("Still true?"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        st = self.statement(index.row())
        if st is None or not 0 <= index.column() < len(Column):
            return None
        column = Column(index.column())
        stale = self._stale.get(st.id)
        if role == STATEMENT_ID_ROLE:
            return st.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(st, column, stale)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(st, column, stale)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is Column.OUT_OF_DATE and stale is not None:
                return QBrush(RED)
            if column is Column.STATUS:
                return QBrush(status_colour(st.status))
        if role == Qt.ItemDataRole.FontRole and column is Column.OUT_OF_DATE and stale:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(
        self, st: RegisteredStatement, column: Column, stale: OutOfDateStatement | None
    ) -> str:
        if column is Column.ID:
            return st.id
        if column is Column.ARTIST:
            return st.artist_display_name
        if column is Column.KIND:
            return kind_label(st.kind)
        if column is Column.LANGUAGE:
            return languages_text(st.languages)
        if column is Column.AS_OF:
            return zoned_text(st.record.get("as_of") or st.as_of)
        if column is Column.ISSUED:
            return zoned_text(st.record.get("issued_at") or st.issued_at)
        if column is Column.ISSUED_BY:
            return st.issued_by
        if column is Column.STATUS:
            return status_label(st.status)
        if stale is not None:
            return self.tr("OUT OF DATE: {changed}").format(
                changed=changed_text(stale.changed_modalities)
            )
        if st.status == StatementStatus.CURRENT:
            return self.tr("Up to date")
        return ""

    def _tooltip(
        self, st: RegisteredStatement, column: Column, stale: OutOfDateStatement | None
    ) -> str | None:
        if column is Column.OUT_OF_DATE and stale is not None:
            return self.tr(
                "What this statement says about {changed} no longer matches the consent "
                "records. Re-issue it so the published statement is true again."
            ).format(changed=changed_text(stale.changed_modalities))
        if column is Column.STATUS and st.status_reason:
            return st.status_reason
        if column is Column.ID and st.supersedes_id:
            return self.tr("Supersedes {id}").format(id=st.supersedes_id)
        if column is Column.AS_OF and st.record.get("historical"):
            return self.tr("Historical: the statement speaks for a moment before it was issued.")
        return None

    def _sort_key(self, st: RegisteredStatement, column: Column) -> Any:
        if column is Column.ARTIST:
            return normalize(
                pinyin(str(st.record.get("subject", {}).get("native_name", "")))
                or st.artist_display_name
            )
        if column is Column.AS_OF:
            return st.as_of
        if column is Column.ISSUED:
            return st.issued_at
        if column is Column.OUT_OF_DATE:
            return (st.id not in self._stale, st.issued_at)
        return self._display(st, column, self._stale.get(st.id))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self._refilter()
