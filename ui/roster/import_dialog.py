"""The import preview: what a roster file would add or change, and every row that stops it.

Reading the file and matching it to the roster is the models' job (`models.roster.io.preview`,
`RosterService.plan_import`); this dialog shows the result, row by row: new, changed (field by
field), unchanged, or a possible duplicate, each with a choice (add / update / skip). Nothing
is imported while any row has a problem, because an import is all or nothing and a person
should fix the file rather than lose rows silently.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.names import normalize
from models.roster.artist import ArtistDraft
from models.roster.io import ImportPreview
from models.roster.merge import Choice, ImportPlan, PlannedRow, RowKind
from ui.i18n import number_text
from ui.roster.labels import field_label, problem_text, stance_icon, stance_label

Index = QModelIndex | QPersistentModelIndex
MAX_PROBLEMS_SHOWN = 1_000


class DraftTableModel(QAbstractTableModel):
    """Read-only rows of an import (up to 100,000: a model, not a table widget)."""

    def __init__(self, drafts: tuple[ArtistDraft, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._drafts = drafts

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._drafts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (
            self.tr("Native name"),
            self.tr("Romanised name"),
            self.tr("Stage names"),
            self.tr("Date of birth"),
            self.tr("Jurisdiction"),
            self.tr("Unions"),
            self.tr("AI stance"),
            self.tr("Notes"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._drafts):
            return None
        d = self._drafts[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DecorationRole and col == 6:
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


class PlanTableModel(QAbstractTableModel):
    """Every row of the file: what it is, the choice made for it, the artist, what changes."""

    ROW, KIND, CHOICE, NATIVE, ROMANIZED, BORN, CHANGES = range(7)

    def __init__(self, plan: ImportPlan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.choices: list[Choice] = plan.default_choices()
        # counted once (at C speed) and kept as choices change: 100,000 rows stay quick
        self._adds = self.choices.count(Choice.ADD)
        self._updates = self.choices.count(Choice.UPDATE)  # never offered for unchanged rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.plan.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() == self.CHOICE and len(self.plan.rows[index.row()].choices) > 1:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (
            self.tr("Row"),
            self.tr("What"),
            self.tr("Do"),
            self.tr("Native name"),
            self.tr("Romanised name"),
            self.tr("Date of birth"),
            self.tr("What changes"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.plan.rows):
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


class ImportPreviewDialog(QDialog):
    """Every row of a file and what importing it would do; Import only for a clean file."""

    def __init__(
        self,
        preview: ImportPreview,
        file_name: str,
        parent: QWidget | None = None,
        plan: ImportPlan | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.preview = preview
        self.plan = plan if plan is not None else all_new(preview)
        self.file_name = file_name
        self.setWindowTitle(self.tr("Import {file}").format(file=file_name))
        counts = self.plan.counts()
        n_bad = len(preview.problems)
        bad_rows = len({p.row for p in preview.problems})

        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        tally = self.tr(
            "New: {new} · Changed: {changed} · Unchanged: {unchanged} · "
            "Possible duplicates: {dupes}"
        ).format(
            new=number_text(counts[RowKind.NEW]),
            changed=number_text(counts[RowKind.CHANGED]),
            unchanged=number_text(counts[RowKind.UNCHANGED]),
            dupes=number_text(counts[RowKind.DUPLICATE]),
        )
        if n_bad:
            self.summary.setText(
                self.tr(
                    "{file}: rows with problems: {bad}. Nothing is imported until every row is "
                    "right: correct the file and import it again."
                ).format(file=file_name, bad=number_text(bad_rows))
                + "\n"
                + tally
            )
            self.summary.setStyleSheet("color: #b03a2e;")
        else:
            text = f"{file_name}: {tally}"
            if counts[RowKind.DUPLICATE]:
                text += "\n" + self.tr(
                    "A possible duplicate is skipped unless you choose otherwise in its Do column."
                )
            self.summary.setText(text)

        self.rows_model = PlanTableModel(self.plan, self)
        self.rows_model.dataChanged.connect(self._update_button)
        self.proxy = QSortFilterProxyModel(self)
        # Filtering asks every row for its kind: only worth it when there are kinds to pick
        # (100,000 new rows open at once, without a pass over them on the GUI thread).
        several = sum(1 for kind in RowKind if counts[kind]) > 1
        if several:
            self.proxy.setSourceModel(self.rows_model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(PlanTableModel.KIND)
        self.show_filter = QComboBox(self)
        self.show_filter.setObjectName("importShow")
        self.show_filter.addItem(self.tr("All rows"), "")
        for kind in RowKind:
            if counts[kind]:
                self.show_filter.addItem(
                    f"{kind_label(kind)} ({number_text(counts[kind])})", kind.value
                )
        self.show_filter.currentIndexChanged.connect(self._filter)
        if counts[RowKind.DUPLICATE] or counts[RowKind.CHANGED]:
            # what needs a look comes first
            first = RowKind.DUPLICATE if counts[RowKind.DUPLICATE] else RowKind.CHANGED
            self.show_filter.setCurrentIndex(self.show_filter.findData(first.value))

        self.rows_view = QTableView(self)
        self.rows_view.setObjectName("importRows")
        self.rows_view.setModel(self.proxy if several else self.rows_model)
        self.show_filter.setEnabled(several)
        self.rows_view.setItemDelegateForColumn(PlanTableModel.CHOICE, ChoiceDelegate(self))
        self.rows_view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.rows_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_view.setAlternatingRowColors(True)
        self.rows_view.verticalHeader().hide()
        self.rows_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.rows_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.rows_view.horizontalHeader().setStretchLastSection(True)
        self.rows_view.horizontalHeader().setResizeContentsPrecision(40)  # a sample, not 100k
        self.rows_view.resizeColumnsToContents()
        for column in range(self.rows_model.columnCount() - 1):
            width = self.rows_view.columnWidth(column)
            self.rows_view.setColumnWidth(column, min(max(width + 12, 50), 220))
        self._filter()

        self.problems_table = QTableWidget(0, 3, self)
        self.problems_table.setObjectName("importProblems")
        self.problems_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.problems_table.verticalHeader().hide()
        self.problems_table.horizontalHeader().setStretchLastSection(True)
        self.problems_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        shown = preview.problems[:MAX_PROBLEMS_SHOWN]
        self.problems_table.setRowCount(len(shown))
        for r, p in enumerate(shown):
            row_item = QTableWidgetItem(str(p.row) if p.row is not None else "")
            row_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.problems_table.setItem(r, 0, row_item)
            self.problems_table.setItem(r, 1, QTableWidgetItem(field_label(p.field)))
            text_item = QTableWidgetItem(problem_text(p.message))
            text_item.setToolTip(problem_text(p.message))
            self.problems_table.setItem(r, 2, text_item)
        self.problems_table.setColumnWidth(0, 60)
        self.problems_table.setColumnWidth(1, 140)
        self.more_problems = QLabel(self)
        if len(preview.problems) > MAX_PROBLEMS_SHOWN:
            self.more_problems.setText(
                self.tr("Problems not listed here: {n}.").format(
                    n=number_text(len(preview.problems) - MAX_PROBLEMS_SHOWN)
                )
            )
        else:
            self.more_problems.hide()

        problems_box = QWidget(self)
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_title = QLabel(
            self.tr("Problems ({n})").format(n=n_bad) if n_bad else self.tr("No problems found."),
            self,
        )
        problems_layout.addWidget(problems_title)
        problems_layout.addWidget(self.problems_table)
        problems_layout.addWidget(self.more_problems)
        self.problems_table.setVisible(bool(n_bad))

        rows_box = QWidget(self)
        rows_layout = QVBoxLayout(rows_box)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        show_row = QHBoxLayout()
        show_label = QLabel(self.tr("&Show:"), self)
        show_label.setBuddy(self.show_filter)
        show_row.addWidget(show_label)
        show_row.addWidget(self.show_filter)
        show_row.addStretch(1)
        rows_layout.addLayout(show_row)
        rows_layout.addWidget(self.rows_view)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(rows_box)
        splitter.addWidget(problems_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([300, 160] if n_bad else [420, 30])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(preview.ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_button()

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.setSizeGripEnabled(True)
        self.resize(900, 560)

    @property
    def choices(self) -> list[Choice]:
        return list(self.rows_model.choices)

    def _filter(self) -> None:
        kind = self.show_filter.currentData() or ""
        self.proxy.setFilterRegularExpression(f"^{kind}$" if kind else "")

    def _update_button(self) -> None:
        adds, updates = self.rows_model.totals()
        if updates and adds:
            text = self.tr("Add {added} and update {updated} artists").format(
                added=number_text(adds), updated=number_text(updates)
            )
        elif updates:
            text = self.tr("Update {n} artists").format(n=number_text(updates))
        elif adds:
            text = self.tr("Import {n} artists").format(n=number_text(adds))
        else:
            text = self.tr("Nothing to import")
        self.import_button.setText(text)
        self.import_button.setEnabled(self.preview.ok and bool(adds or updates))
