"""Before a leak-day batch is signed: every artist, what will be signed and where it goes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class BatchConfirmDialog(QDialog):
    """Lists each artist with the statement kind and languages, the folder and the platform;
    nothing is signed until the manager says so."""

    def __init__(
        self,
        artists: Sequence[str],
        languages: Sequence[str],
        folder: Path,
        platform: str,
        again: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("leakIssueConfirm")
        n = len(artists)
        self.setWindowTitle(self.tr("Sign {n} statements?").format(n=n))
        self.setSizeGripEnabled(True)
        intro = QLabel(
            self.tr(
                "One signed position statement for each artist below, naming {platform} "
                "(a listing does not mean the artist agreed to anything), written to:"
            ).format(platform=platform),
            self,
        )
        intro.setWordWrap(True)
        self.folder_label = QLabel(str(folder), self)
        self.folder_label.setObjectName("leakIssueFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setStyleSheet("font-weight: bold")
        names = {"en": self.tr("English"), "zh": self.tr("Chinese")}
        language_text = " + ".join(names.get(code, code) for code in languages)
        self.table = QTableWidget(n, 3, self)
        self.table.setObjectName("leakIssueArtists")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Artist"), self.tr("Statement"), self.tr("Languages")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        kind = self.tr("Position statement")
        for row, artist in enumerate(artists):
            for column, text in enumerate((artist, kind, language_text)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.warning = QLabel(self)
        self.warning.setObjectName("leakIssueAgainWarning")
        self.warning.setWordWrap(True)
        if again:
            self.warning.setText(
                self.tr(
                    "{n} of these artists already got a statement from this list: signing "
                    "again issues a second statement for each."
                ).format(n=again)
            )
            self.warning.setStyleSheet("color: #b03a2e")
        else:
            self.warning.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = buttons.addButton(
            self.tr("Sign {n} statements…").format(n=n), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_button.setObjectName("leakIssueSign")
        self.sign_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.resize(560, min(520, 200 + 26 * n))

    def artists(self) -> list[str]:
        items = (self.table.item(r, 0) for r in range(self.table.rowCount()))
        return [item.text() for item in items if item is not None]


__all__ = ["BatchConfirmDialog"]
