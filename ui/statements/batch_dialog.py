"""Batch export: one statement per chosen artist into a folder, all as of the same moment."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.desk import Desk
from models.statements.record import StatementKind
from ui.settings import LAST_STATEMENT_FOLDER, Settings
from ui.statements.export_dialog import AsOfChoice, LanguageChoice, split_platforms
from ui.statements.labels import kind_label

ARTIST_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN = 300


class BatchExportDialog(QDialog):
    """Tick the artists; choose kind, language, as-of, folder."""

    def __init__(
        self,
        desk: Desk,
        settings: Settings,
        selected: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchExportDialog")
        self.setWindowTitle(self.tr("Export statements for many artists"))
        self.settings = settings
        self.roster = desk.roster
        self._ticked: dict[int, None] = dict.fromkeys(selected)  # in the order ticked
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("batchFilter")
        self.filter_edit.setPlaceholderText(
            self.tr("Find artists by Chinese name, pinyin or romanised name")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.show_matches)
        self.filter_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.every_check = QCheckBox(self.tr("Every active artist"), self)
        self.every_check.setObjectName("batchEveryone")
        self.every_check.toggled.connect(self._every_toggled)
        self.list = QListWidget(self)
        self.list.setObjectName("batchArtists")
        self.list.itemChanged.connect(self._item_changed)
        all_button = QPushButton(self.tr("Tick all shown"), self)
        all_button.clicked.connect(lambda: self._tick_shown(True))
        none_button = QPushButton(self.tr("Untick all"), self)
        none_button.clicked.connect(lambda: self.set_checked([]))
        self.count_label = QLabel(self)
        self.kind_combo = QComboBox(self)
        for kind in (StatementKind.POSITION, StatementKind.NON_AUTHORISATION):
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.languages = LanguageChoice(settings, self)
        self.as_of = AsOfChoice(self)
        self.listings_edit = QLineEdit(self)
        self.listings_edit.setPlaceholderText(
            self.tr("Platforms that list them, separated by ; (a listing implies no consent)")
        )
        self.folder_edit = QLineEdit(settings.get(LAST_STATEMENT_FOLDER) or str(Path.home()), self)
        self.folder_edit.setObjectName("batchFolder")
        self.folder_edit.textChanged.connect(lambda _t: self._update())
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.ask_folder)
        picks = QHBoxLayout()
        picks.addWidget(all_button)
        picks.addWidget(none_button)
        picks.addStretch(1)
        picks.addWidget(self.count_label)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Kind:"), self.kind_combo)
        form.addRow(self.tr("Language:"), self.languages)
        form.addRow(self.tr("As of:"), self.as_of)
        form.addRow(self.tr("Listed on:"), self.listings_edit)
        form.addRow(self.tr("Folder:"), folder_row)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("Sign and export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("batchSign")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.as_of.now_check.toggled.connect(lambda _v: self._update())
        self.as_of.edit.dateTimeChanged.connect(lambda _v: self._update())
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.every_check)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(picks)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(620, 640)
        self.show_matches()

    def show_matches(self) -> None:
        """The artists the search finds (the ticked ones first when nothing is typed); a
        roster of any size stays quick because only a page of matches is listed."""
        query = self.filter_edit.text().strip()
        found = self.roster.find(query, limit=SHOWN)  # best match first
        if not query and self._ticked:
            ticked = self.roster.get_many(list(self._ticked))
            first = [ticked[i] for i in self._ticked if i in ticked]
            found = first + [a for a in found if a.id not in ticked]
        self.list.blockSignals(True)
        self.list.clear()
        for artist in found:
            item = QListWidgetItem(artist.display_name, self.list)
            item.setData(ARTIST_ROLE, artist.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = artist.id in self._ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._update()

    def _item_changed(self, item: QListWidgetItem) -> None:
        artist_id = int(item.data(ARTIST_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            self._ticked.setdefault(artist_id, None)
        else:
            self._ticked.pop(artist_id, None)
        self._update()

    def _every_toggled(self, on: bool) -> None:
        self.list.setEnabled(not on)
        self.filter_edit.setEnabled(not on)
        self._update()

    def _tick_shown(self, on: bool) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._update()

    def artist_ids(self) -> list[int]:
        if self.every_check.isChecked():
            return self.roster.search_ids()
        return list(self._ticked)

    def set_checked(self, artist_ids: Sequence[int]) -> None:
        self._ticked = dict.fromkeys(artist_ids)
        self.show_matches()

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def kind(self) -> StatementKind:
        return StatementKind(self.kind_combo.currentData())

    def listings(self) -> tuple[str, ...]:
        return split_platforms(self.listings_edit.text())

    def ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def problem(self) -> str:
        if not self.every_check.isChecked() and not self._ticked:
            return self.tr("Tick at least one artist.")
        if not self.folder().is_dir():
            return self.tr("Choose an existing folder.")
        if self.as_of.in_future():
            return self.tr("The as-of time is in the future.")
        return ""

    def _update(self) -> None:
        n = self.roster.counts().active if self.every_check.isChecked() else len(self._ticked)
        self.count_label.setText(self.tr("{n} ticked").format(n=n))
        problem = self.problem()
        self.ok_button.setEnabled(not problem)
        self.ok_button.setToolTip(problem)

    def accept(self) -> None:
        if self.problem():
            return
        self.languages.remember()
        self.settings.set(LAST_STATEMENT_FOLDER, str(self.folder()))
        super().accept()


__all__ = ["BatchExportDialog"]
