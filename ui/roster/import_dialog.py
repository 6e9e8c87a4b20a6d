"""The import preview: what a roster file would add, and every row that stops it.

Reading the file is the models' job (`models.roster.io.preview`); this dialog only shows the
result. Nothing is imported while any row has a problem, because an import is all or nothing
and a person should fix the file rather than lose rows silently.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.roster.artist import ArtistDraft
from models.roster.io import ImportPreview
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


class ImportPreviewDialog(QDialog):
    """Shows the rows to add and the problems; Import is enabled only for a clean file."""

    def __init__(self, preview: ImportPreview, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.preview = preview
        self.setWindowTitle(self.tr("Import {file}").format(file=file_name))
        n_ok, n_bad = len(preview.drafts), len(preview.problems)
        bad_rows = len({p.row for p in preview.problems})

        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        if n_bad:
            self.summary.setText(
                self.tr(
                    "{file}: {ok} rows are ready, but {bad} rows have problems. Nothing is "
                    "imported until every row is right: correct the file and import it again."
                ).format(file=file_name, ok=n_ok, bad=bad_rows)
            )
            self.summary.setStyleSheet("color: #b03a2e;")
        else:
            self.summary.setText(
                self.tr("{file}: {ok} artists will be added, all in one step.").format(
                    file=file_name, ok=n_ok
                )
            )

        self.rows_model = DraftTableModel(preview.drafts, self)
        self.rows_view = QTableView(self)
        self.rows_view.setObjectName("importRows")
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_view.setAlternatingRowColors(True)
        self.rows_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.rows_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.rows_view.horizontalHeader().setStretchLastSection(True)
        self.rows_view.horizontalHeader().setResizeContentsPrecision(200)  # sample, not 100k
        self.rows_view.resizeColumnsToContents()
        for column in range(self.rows_model.columnCount() - 1):
            width = self.rows_view.columnWidth(column)
            self.rows_view.setColumnWidth(column, min(max(width + 12, 70), 240))

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
            self.problems_table.setItem(r, 2, QTableWidgetItem(problem_text(p.message)))
        self.problems_table.setColumnWidth(0, 60)
        self.problems_table.setColumnWidth(1, 140)
        self.more_problems = QLabel(self)
        if len(preview.problems) > MAX_PROBLEMS_SHOWN:
            self.more_problems.setText(
                self.tr("… and {n} more problems.").format(
                    n=len(preview.problems) - MAX_PROBLEMS_SHOWN
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
        rows_layout.addWidget(QLabel(self.tr("Artists to add ({n})").format(n=n_ok), self))
        rows_layout.addWidget(self.rows_view)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(rows_box)
        splitter.addWidget(problems_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([300, 160] if n_bad else [420, 30])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button: QPushButton = self.buttons.addButton(
            self.tr("Import {n} artists").format(n=n_ok),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(preview.ok and n_ok > 0)
        self.import_button.setDefault(preview.ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
