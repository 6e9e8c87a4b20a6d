""" "Export statement…": what to say about one artist, as of when, in which language, where.

The as-of time defaults to now. A time in the past makes a historical statement, and the
dialog says so plainly before anything is signed; a time in the future is refused (a statement
only says what is on record).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.clock import utc_now
from models.consent.state import state_as_of
from models.dates import desk_zone
from models.desk import Desk
from models.statements.record import FUTURE_TOLERANCE, HISTORICAL_AFTER, StatementKind
from reports.statements.service import StatementRequest, safe_file_name
from ui.settings import LAST_STATEMENT_FOLDER, STATEMENT_LANGUAGES, Settings
from ui.statements.artist_picker import ArtistPicker
from ui.statements.labels import AMBER, RED, kind_label

LANGUAGE_CHOICES = (("en",), ("zh",), ("en", "zh"))


def split_platforms(text: str) -> tuple[str, ...]:
    """Platforms typed as "A; B" (or one a line); empty pieces dropped, order kept."""
    pieces = [p.strip() for p in text.replace("；", ";").replace("\n", ";").split(";")]
    return tuple(dict.fromkeys(p for p in pieces if p))


class LanguageChoice(QWidget):
    """English / Chinese / both, remembered between exports (radio buttons, or a compact combo
    box where space is short)."""

    def __init__(
        self, settings: Settings | None, parent: QWidget | None = None, compact: bool = False
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.group = QButtonGroup(self)
        self.combo: QComboBox | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        titles = (self.tr("English"), self.tr("Chinese"), self.tr("Both, side by side"))
        if compact:
            self.combo = QComboBox(self)
            self.combo.setObjectName("statementLanguages")
            for n, title in enumerate(titles):
                self.combo.addItem(title, n)
            layout.addWidget(self.combo)
        else:
            for n, title in enumerate(titles):
                button = QRadioButton(title, self)
                button.setObjectName(f"language_{'_'.join(LANGUAGE_CHOICES[n])}")
                self.group.addButton(button, n)
                layout.addWidget(button)
            layout.addStretch(1)
        saved = tuple(settings.get(STATEMENT_LANGUAGES).split(",")) if settings else ("en", "zh")
        self._select(LANGUAGE_CHOICES.index(saved) if saved in LANGUAGE_CHOICES else 2)

    def _select(self, index: int) -> None:
        if self.combo is not None:
            self.combo.setCurrentIndex(index)
        else:
            self.group.button(index).setChecked(True)

    def languages(self) -> tuple[str, ...]:
        index = self.combo.currentIndex() if self.combo is not None else self.group.checkedId()
        return LANGUAGE_CHOICES[max(0, index)]

    def set_languages(self, languages: tuple[str, ...]) -> None:
        if languages in LANGUAGE_CHOICES:
            self._select(LANGUAGE_CHOICES.index(languages))

    def remember(self) -> None:
        if self.settings is not None:
            self.settings.set(STATEMENT_LANGUAGES, ",".join(self.languages()))


class AsOfChoice(QWidget):
    """ "Now" or a chosen moment (desk time zone), with the historical / future note."""

    note_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now_check = QCheckBox(self.tr("Now"), self)
        self.now_check.setObjectName("asOfNow")
        self.now_check.setChecked(True)
        self.edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.edit.setObjectName("asOfTime")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setEnabled(False)
        zone = datetime.now(desk_zone()).strftime("%z")
        self.zone_label = QLabel(f"UTC{zone[:3]}:{zone[3:]}", self)
        self.note = QLabel(self)
        self.note.setObjectName("asOfNote")
        self.note.setWordWrap(True)
        self.now_check.toggled.connect(self._toggled)
        self.edit.dateTimeChanged.connect(lambda _v: self.update_note())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.now_check)
        row.addWidget(self.edit)
        row.addWidget(self.zone_label)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.update_note()

    def _toggled(self, now: bool) -> None:
        self.edit.setEnabled(not now)
        if now:
            self.edit.setDateTime(QDateTime.currentDateTime())
        self.update_note()

    def as_of(self) -> datetime | None:
        """None means "now" (the moment of signing)."""
        if self.now_check.isChecked():
            return None
        chosen = self.edit.dateTime().toPython()
        assert isinstance(chosen, datetime)
        return chosen.replace(second=0, microsecond=0, tzinfo=desk_zone())

    def set_as_of(self, when: datetime) -> None:
        self.now_check.setChecked(False)
        local = when.astimezone(desk_zone()).replace(tzinfo=None)
        self.edit.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        self.update_note()

    def in_future(self) -> bool:
        when = self.as_of()
        return when is not None and when > utc_now() + FUTURE_TOLERANCE

    def historical(self) -> bool:
        when = self.as_of()
        return when is not None and when < utc_now() - HISTORICAL_AFTER

    def update_note(self) -> None:
        if self.in_future():
            self.note.setText(
                self.tr("This time is in the future: a statement can only say what is on record.")
            )
            self.note.setStyleSheet(f"color: {RED.name()};")
        elif self.historical():
            self.note.setText(
                self.tr(
                    "HISTORICAL statement: it will say what the records showed at that moment, "
                    "and it is labelled as historical on every page."
                )
            )
            self.note.setStyleSheet(f"color: {AMBER.name()}; font-weight: bold;")
        else:
            self.note.setText(self.tr("The statement says what is on record at signing."))
            self.note.setStyleSheet("")
        self.note_changed.emit()


class ExportStatementDialog(QDialog):
    """Collects a `StatementRequest` and the output file; signing happens after it closes."""

    def __init__(
        self,
        desk: Desk,
        settings: Settings,
        artist_id: int | None = None,
        parent: QWidget | None = None,
        as_of: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportStatementDialog")
        self.setWindowTitle(self.tr("Export statement"))
        self.desk = desk
        self.db = desk.db
        self.settings = settings
        self.roster = desk.roster
        self._fixed_artist = artist_id
        self._artist_id: int | None = artist_id
        self._path_edited = False

        if artist_id is not None:
            artist = self.roster.get(artist_id)
            self.artist_widget: QWidget = QLabel(artist.display_name, self)
            self.artist_widget.setObjectName("exportArtist")
            self.picker: ArtistPicker | None = None
        else:
            self.picker = ArtistPicker(self.roster, self)
            self.picker.chosen.connect(self._on_artist)
            self.artist_widget = self.picker
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("statementKind")
        for kind in StatementKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.project_combo = QComboBox(self)
        self.project_combo.setObjectName("statementProject")
        self.languages = LanguageChoice(settings, self)
        self.as_of = AsOfChoice(self)
        self.as_of.edit.dateTimeChanged.connect(lambda _v: self._update_ok())
        self.as_of.now_check.toggled.connect(lambda _v: self._update_ok())
        self.listings_edit = QLineEdit(self)
        self.listings_edit.setObjectName("statementListings")
        self.listings_edit.setPlaceholderText(
            self.tr("Platforms that list the artist, separated by ; (implies no consent)")
        )
        self.show_reason_check = QCheckBox(self.tr("Print the revocation reason"), self)
        self.show_reason_check.setObjectName("statementShowReason")
        self.show_reason_check.setToolTip(
            self.tr("The reason for a revocation is private unless you choose to publish it.")
        )
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("statementPath")
        self.path_edit.textEdited.connect(self._on_path_edited)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.ask_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Artist:"), self.artist_widget)
        form.addRow(self.tr("Kind:"), self.kind_combo)
        form.addRow(self.tr("Project:"), self.project_combo)
        form.addRow(self.tr("Language:"), self.languages)
        form.addRow(self.tr("As of:"), self.as_of)
        form.addRow(self.tr("Listed on:"), self.listings_edit)
        form.addRow("", self.show_reason_check)
        form.addRow(self.tr("Save as:"), path_row)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("Sign and export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("signAndExport")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self.setSizeGripEnabled(True)
        self.as_of.note_changed.connect(self._fit_note)
        if as_of is not None:  # the consent matrix's date: "what did we say in April?"
            self.as_of.set_as_of(as_of)
        self._on_artist(artist_id)

    def _fit_note(self) -> None:
        """Grow to show the whole as-of note (the historical warning is never cut off)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        note = self.as_of.note
        missing = note.heightForWidth(note.width()) - note.height()
        if missing > 0:
            self.resize(self.width(), self.height() + missing)

    # -- state ---------------------------------------------------------------------------------
    def artist_id(self) -> int | None:
        return self._artist_id

    def kind(self) -> StatementKind:
        return StatementKind(self.kind_combo.currentData())

    def _on_artist(self, artist_id: int | None) -> None:
        self._artist_id = artist_id
        self.project_combo.clear()
        self.listings_edit.clear()
        if artist_id is not None:
            state = state_as_of(self.db, artist_id, utc_now())
            seen: dict[int, str] = {}
            for r in state.records:
                if r.project_id is not None and r.project_id not in seen:
                    seen[r.project_id] = r.project_title or f"#{r.project_id}"
            for project_id, title in seen.items():
                self.project_combo.addItem(title, project_id)
            platforms = self.desk.leak.platforms_listed(artist_id)
            self.listings_edit.setText("; ".join(platforms))
        self._kind_changed()

    def _kind_changed(self) -> None:
        needs_project = self.kind() == StatementKind.PROJECT_CERTIFICATE
        self.project_combo.setEnabled(needs_project and self.project_combo.count() > 0)
        if not self._path_edited:
            self.path_edit.setText(str(self.suggested_path()))
        self._update_ok()

    def _on_path_edited(self, _text: str) -> None:
        self._path_edited = True
        self._update_ok()

    def suggested_path(self) -> Path:
        folder = Path(self.settings.get(LAST_STATEMENT_FOLDER) or Path.home())
        name = "statement"
        if self._artist_id is not None:
            artist = self.roster.get(self._artist_id)
            name = artist.romanized_name or artist.native_name
        stamp = datetime.now(desk_zone()).strftime("%Y%m%d-%H%M")
        return folder / f"{safe_file_name(f'{name}_{self.kind().value}_{stamp}')}.pdf"

    def ask_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save statement as"), self.path_edit.text(), self.tr("PDF (*.pdf)")
        )
        if path:
            self.path_edit.setText(path if path.lower().endswith(".pdf") else path + ".pdf")
            self._path_edited = True
            self._update_ok()

    def problem(self) -> str:
        """Why the statement cannot be exported as filled in ("" when it can)."""
        if self._artist_id is None:
            return self.tr("Choose an artist.")
        if self.kind() == StatementKind.PROJECT_CERTIFICATE and self.project_combo.count() == 0:
            return self.tr("This artist has no consent record for a project.")
        if self.as_of.in_future():
            return self.tr("The as-of time is in the future.")
        path = self.target()
        if path.suffix.lower() != ".pdf":
            return self.tr("The file name must end in .pdf.")
        if not path.parent.is_dir():
            return self.tr("The folder {folder} does not exist.").format(folder=path.parent)
        return ""

    def _update_ok(self) -> None:
        problem = self.problem()
        self.ok_button.setEnabled(not problem)
        self.ok_button.setToolTip(problem)

    def target(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def request(self) -> StatementRequest:
        assert self._artist_id is not None
        kind = self.kind()
        project = (
            self.project_combo.currentData() if kind == StatementKind.PROJECT_CERTIFICATE else None
        )
        return StatementRequest(
            artist_id=self._artist_id,
            kind=kind,
            languages=self.languages.languages(),
            as_of=self.as_of.as_of(),
            listings=split_platforms(self.listings_edit.text()),
            project_id=int(project) if project is not None else None,
            show_reason=self.show_reason_check.isChecked(),
        )

    def accept(self) -> None:
        if self.problem():
            return
        self.languages.remember()
        self.settings.set(LAST_STATEMENT_FOLDER, str(self.target().parent))
        super().accept()


__all__ = ["AsOfChoice", "ExportStatementDialog", "LanguageChoice", "split_platforms"]
