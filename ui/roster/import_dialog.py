"""The import preview: what a roster file would add or change, and every row that stops it.

Reading the file and matching it to the roster is the models' job (`models.roster.io.preview`,
`RosterService.plan_import`); this dialog shows the result, row by row: new, changed (field by
field), unchanged, or a possible duplicate, each with a choice (add / update / skip). Nothing
is imported while any row has a problem, because an import is all or nothing and a person
should fix the file rather than lose rows silently.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
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
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.roster.io import ImportPreview
from models.roster.merge import Choice, ImportPlan, RowKind
from ui.i18n import number_text, problem_text
from ui.roster.import_table import (
    ChoiceDelegate,
    PlanTableModel,
    all_new,
    kind_label,
)
from ui.roster.labels import field_label

MAX_PROBLEMS_SHOWN = 1_000


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
            text_item = QTableWidgetItem(problem_text(p))
            text_item.setToolTip(problem_text(p))
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
