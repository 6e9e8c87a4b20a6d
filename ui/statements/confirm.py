"""Before a batch is signed: who and what will be signed, in which languages, and where.

Signing cannot be taken back (a signed statement can only be superseded or withdrawn), so a
batch — re-issuing every out-of-date statement, or a leak day's issue — first lists every
statement it will sign: the artist, the kind, the languages, and the folder the files go to.
Both batches use this one dialog. Cancel is the default button, so Enter never signs by
accident. A leak day's batch also says which platform's list the statements answer and that
being listed is not consent (see the terminology notes), and warns when some artists already
got a statement from the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.statements.record import StatementKind
from ui.geometry import fit_to_screen
from ui.i18n import number_text
from ui.statements.labels import kind_label, languages_text


@dataclass(frozen=True)
class PlannedStatement:
    artist: str  # the artist's display name
    kind: StatementKind
    languages: tuple[str, ...]


class ConfirmBatchDialog(QDialog):
    """Lists the statements a batch will sign; "Sign N statements" or Cancel (the default)."""

    def __init__(
        self,
        planned: list[PlannedStatement],
        folder: Path,
        title: str,
        parent: QWidget | None = None,
        *,
        platform: str = "",
        again: int = 0,
    ) -> None:
        """`platform`: the leak day's list the statements answer; `again`: how many of the
        artists already got a statement from that list."""
        super().__init__(parent)
        self.setObjectName("confirmBatch")
        self.setWindowTitle(title)
        self.planned = planned
        self.folder = folder
        self.intro = QLabel(
            self.tr(
                "These statements will be signed with the agency's key. A signed statement "
                "cannot be unsigned: it can only be superseded or withdrawn later."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.listing_note = QLabel(self)
        self.listing_note.setObjectName("confirmBatchListing")
        self.listing_note.setWordWrap(True)
        if platform:
            self.listing_note.setText(
                self.tr(
                    "Each statement says that {platform} lists the artist. Being listed does "
                    "not mean the artist has agreed to or authorised any AI use."
                ).format(platform=platform)
            )
        else:
            self.listing_note.hide()
        self.table = QTableWidget(len(planned), 3, self)
        self.table.setObjectName("confirmBatchRows")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Artist"), self.tr("Statement"), self.tr("Languages")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for row, p in enumerate(planned):
            for col, text in enumerate(
                (p.artist, kind_label(p.kind), languages_text(list(p.languages)))
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.folder_label = QLabel(
            self.tr("The PDF files go to: {folder}").format(folder=folder), self
        )
        self.folder_label.setObjectName("confirmBatchFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel(self)
        self.warning.setObjectName("confirmBatchAgain")
        self.warning.setWordWrap(True)
        if again:
            self.warning.setText(
                self.tr(
                    "{n} of these artists already got a statement from this list: signing "
                    "again issues a second statement for each."
                ).format(n=number_text(again))
            )
            self.warning.setStyleSheet("color: #b03a2e")
        else:
            self.warning.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button: QPushButton = self.buttons.addButton(
            self.tr("Sign {n} statements").format(n=number_text(len(planned))),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.sign_button.setObjectName("confirmBatchSign")
        self.sign_button.setAutoDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setDefault(True)  # Enter does not sign by accident
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.listing_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.setSizeGripEnabled(True)
        fit_to_screen(self, 640, min(480, 220 + 26 * len(planned)))

    def rows(self) -> list[tuple[str, ...]]:
        """The listed statements as shown: (artist, statement, languages)."""
        out = []
        for r in range(self.table.rowCount()):
            cells = (self.table.item(r, c) for c in range(3))
            out.append(tuple(cell.text() if cell is not None else "" for cell in cells))
        return out

    def artists(self) -> list[str]:
        """The artists listed, in order."""
        return [row[0] for row in self.rows()]
