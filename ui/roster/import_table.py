"""The import preview's tables: the rows of a file and what importing each would do.

`DraftTableModel` lists a file's rows as read; `PlanTableModel` lists what each row would
do to the roster (new, changed, unchanged, possible duplicate) with the choice made for it,
which a person changes through `ChoiceDelegate` — so it is the editable sibling of the
shared read-only table.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from models.names import normalize
from models.roster.artist import ArtistDraft
from models.roster.io import ImportPreview
from models.roster.merge import Choice, ImportPlan, PlannedRow, RowKind
from ui.i18n import number_text
from ui.roster.labels import field_label, stance_icon, stance_label
from ui.table_model import EditableTable, Index, ReadOnlyTable


class DraftColumn(IntEnum):
    NATIVE = 0
    ROMANIZED = 1
    STAGE_NAMES = 2
    BORN = 3
    JURISDICTION = 4
    UNIONS = 5
    STANCE = 6
    NOTES = 7


class PlanColumn(IntEnum):
    ROW = 0
    KIND = 1
    CHOICE = 2
    NATIVE = 3
    ROMANIZED = 4
    BORN = 5
    CHANGES = 6


class DraftTableModel(ReadOnlyTable):
    """Read-only rows of an import (up to 100,000: a model, not a table widget)."""

    columns = DraftColumn

    def __init__(self, drafts: tuple[ArtistDraft, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(drafts)

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Native name"),
            self.tr("Romanised name"),
            self.tr("Stage names"),
            self.tr("Date of birth"),
            self.tr("Jurisdiction"),
            self.tr("Unions"),
            self.tr("AI stance"),
            self.tr("Notes"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.cell_index_valid(index):
            return None
        d: ArtistDraft = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DecorationRole and col == DraftColumn.STANCE:
            return stance_icon(d.ai_stance)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            d.native_name,
            d.romanized_name,
            "; ".join(d.stage_names),
            d.date_of_birth.isoformat() if d.date_of_birth else "",
            d.jurisdiction,
            "; ".join(d.unions),
            stance_label(d.ai_stance),
            d.notes,
        )
        return values[col] if 0 <= col < len(values) else None


def kind_label(kind: RowKind) -> str:
    return {
        RowKind.NEW: QCoreApplication.translate("ImportPreview", "New"),
        RowKind.CHANGED: QCoreApplication.translate("ImportPreview", "Changed"),
        RowKind.UNCHANGED: QCoreApplication.translate("ImportPreview", "Unchanged"),
        RowKind.DUPLICATE: QCoreApplication.translate("ImportPreview", "Possible duplicate"),
    }[kind]


def choice_label(choice: Choice, row: PlannedRow) -> str:
    if choice is Choice.ADD:
        if row.kind is RowKind.DUPLICATE:
            return QCoreApplication.translate("ImportPreview", "Add as a new artist")
        return QCoreApplication.translate("ImportPreview", "Add")
    if choice is Choice.UPDATE:
        if row.kind is RowKind.DUPLICATE:
            return QCoreApplication.translate("ImportPreview", "Update #{id}").format(
                id=row.artist_id
            )
        return QCoreApplication.translate("ImportPreview", "Update")
    if row.kind is RowKind.UNCHANGED:
        return QCoreApplication.translate("ImportPreview", "Nothing to do")
    return QCoreApplication.translate("ImportPreview", "Skip")


def what_changes(row: PlannedRow) -> str:
    """ "Notes: old → new; Jurisdiction: CN → HK", or whom a duplicate may be."""
    if row.kind is RowKind.DUPLICATE:
        text = QCoreApplication.translate("ImportPreview", "May be {who}").format(
            who=row.duplicate_of
        )
        if row.changes:
            text += " · " + _changes_text(row)
        return text
    return _changes_text(row)


def _changes_text(row: PlannedRow) -> str:
    empty = QCoreApplication.translate("ImportPreview", "(empty)")
    return "; ".join(
        f"{field_label(c.field)}: {c.before or empty} → {c.after or empty}" for c in row.changes
    )


KIND_COLOURS = {
    RowKind.NEW: "#1e8449",
    RowKind.CHANGED: "#b9770e",
    RowKind.UNCHANGED: "#8a8f98",
    RowKind.DUPLICATE: "#b03a2e",
}


def all_new(preview: ImportPreview) -> ImportPlan:
    """The plan of a file read without a roster to match against: every row is new."""
    return ImportPlan(tuple(PlannedRow(r.line, RowKind.NEW, r.draft) for r in preview.rows))


class PlanTableModel(EditableTable):
    """Every row of the file: what it is, the choice made for it, the artist, what changes."""

    columns = PlanColumn
    ROW, KIND, CHOICE, NATIVE, ROMANIZED, BORN, CHANGES = PlanColumn

    def __init__(self, plan: ImportPlan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.choices: list[Choice] = plan.default_choices()
        # counted once (at C speed) and kept as choices change: 100,000 rows stay quick
        self._adds = self.choices.count(Choice.ADD)
        self._updates = self.choices.count(Choice.UPDATE)  # never offered for unchanged rows

    def row_count(self) -> int:
        return len(self.plan.rows)

    def edit_flags(self, index: Index) -> Qt.ItemFlag:
        if index.column() == self.CHOICE and len(self.plan.rows[index.row()].choices) > 1:
            return Qt.ItemFlag.ItemIsEditable
        return Qt.ItemFlag.NoItemFlags

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Row"),
            self.tr("What"),
            self.tr("Do"),
            self.tr("Native name"),
            self.tr("Romanised name"),
            self.tr("Date of birth"),
            self.tr("What changes"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.cell_index_valid(index):
            return None
        row = self.plan.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row.kind.value
        if role == Qt.ItemDataRole.EditRole and col == self.CHOICE:
            return self.choices[index.row()].value
        if role == Qt.ItemDataRole.ForegroundRole and col == self.KIND:
            return QColor(KIND_COLOURS[row.kind])
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        d = row.draft
        if col == self.ROW:
            return number_text(row.line) if role == Qt.ItemDataRole.DisplayRole else None
        if col == self.KIND:
            return kind_label(row.kind)
        if col == self.CHOICE:
            return choice_label(self.choices[index.row()], row)
        if col == self.NATIVE:
            return d.native_name
        if col == self.ROMANIZED:  # a Western name is its own romanised form: shown once
            return (
                "" if normalize(d.romanized_name) == normalize(d.native_name) else d.romanized_name
            )
        if col == self.BORN:
            return d.date_of_birth.isoformat() if d.date_of_birth else ""
        if col == self.CHANGES:
            return what_changes(row)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.CHOICE:
            return False
        if not self.cell_index_valid(index):
            return False
        row = self.plan.rows[index.row()]
        try:
            choice = Choice(value)
        except ValueError:
            return False
        if choice not in row.choices:
            return False
        before = self.choices[index.row()]
        self._adds += (choice is Choice.ADD) - (before is Choice.ADD)
        self._updates += (choice is Choice.UPDATE) - (before is Choice.UPDATE)
        self.choices[index.row()] = choice
        self.dataChanged.emit(index, index)
        return True

    def totals(self) -> tuple[int, int]:
        """(artists to add, artists to update) with the current choices (kept as they change)."""
        return self._adds, self._updates


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of the choices a row allows (add / update / skip)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("importChoice")
        source = _source(index)
        model = source.model()
        if isinstance(model, PlanTableModel):
            row = model.plan.rows[source.row()]
            for choice in row.choices:
                combo.addItem(choice_label(choice, row), choice.value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _source(index: Index) -> QModelIndex:
    model = index.model()
    if model is None:
        return QModelIndex()
    plain = model.index(index.row(), index.column())
    if isinstance(model, QSortFilterProxyModel):
        return model.mapToSource(plain)
    return plain
