"""Check a statement PDF: open it or drop it here; the answer says valid or not in words.

Verification runs on a worker thread (a large or hostile file must not freeze the window) and
needs nothing but the file: this desk's register and a published register folder are asked
too when available, to say whether the statement was superseded or withdrawn.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.certificates import parse_fingerprint
from models.identity import fingerprint_display
from models.messages import in_language
from models.storage.database import Database
from reports.verify import (
    EXIT_INVALID,
    EXIT_UNCONFIRMED,
    EXIT_UNREADABLE,
    EXIT_WITHDRAWN,
    VerifyResult,
    own_identity_fingerprint,
    verify_statement,
)
from ui.i18n import model_language
from ui.settings import LAST_STATEMENT_FOLDER, Settings
from ui.statements.labels import zoned_text
from ui.tasks import Task, run_task

GOOD = "#1e7b34"
BAD = "#b03a2e"
WARN = "#9a6700"


def _two_lines(hex_digest: str) -> str:
    """`AB:CD:…` in two halves, so the whole fingerprint is visible to compare by eye."""
    shown = fingerprint_display(hex_digest)
    half = len(shown) // 2 + 1 if len(shown) > 60 else len(shown)
    return shown[:half].rstrip(":") + ("\n" + shown[half:] if shown[half:] else "")


class VerifyDialog(QDialog):
    """Open or drop a PDF; shows valid/intact/signer/fingerprint/… with green or red wording."""

    def __init__(
        self,
        db: Database | None,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("Verify a statement"))
        self.setAcceptDrops(True)
        self.db = db
        self.settings = settings
        self.outcome: VerifyResult | None = None
        self.path: Path | None = None
        self.task: Task[VerifyResult] | None = None

        self.drop_label = QLabel(self.tr("Drop a statement PDF here, or open one."), self)
        self.drop_label.setObjectName("verifyDrop")
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setMinimumHeight(56)
        self.drop_label.setStyleSheet(
            "QLabel#verifyDrop { border: 2px dashed palette(mid); border-radius: 6px; }"
        )
        open_button = QPushButton(self.tr("Open PDF…"), self)
        open_button.setObjectName("verifyOpen")
        open_button.clicked.connect(self.ask_file)
        self.use_db = QCheckBox(self.tr("Check against this desk's register"), self)
        self.use_db.setChecked(db is not None)
        self.use_db.setEnabled(db is not None)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("verifyRegisterFolder")
        self.folder_edit.setPlaceholderText(self.tr("Published register folder (optional)"))
        self.fingerprint_edit = QLineEdit(self)
        self.fingerprint_edit.setObjectName("verifyFingerprint")
        self.fingerprint_edit.setPlaceholderText(
            self.tr("The agency's published SHA-256 fingerprint (optional)")
        )
        self.fingerprint_edit.editingFinished.connect(self.recheck)
        folder_button = QPushButton(self.tr("Choose…"), self)
        folder_button.clicked.connect(self.ask_folder)
        for toggle in (self.use_db.toggled, self.folder_edit.editingFinished):
            toggle.connect(self.recheck)

        self.headline = QLabel(self)
        self.headline.setObjectName("verifyHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.headline.setFont(font)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, title in (
            ("file", self.tr("File:")),
            ("intact", self.tr("Unchanged since signing:")),
            ("signer", self.tr("Signed by:")),
            ("fingerprint", self.tr("Certificate SHA-256:")),
            ("trust", self.tr("Certificate:")),
            ("signed_at", self.tr("Signed at:")),
            ("statement", self.tr("Statement:")),
            ("artist", self.tr("Artist:")),
            ("as_of", self.tr("As of:")),
            ("register", self.tr("In the register:")),
            ("superseded", self.tr("Still current:")),
            ("problems", self.tr("Problems:")),
            ("notes", self.tr("Notes:")),
        ):
            value = QLabel(self)
            value.setObjectName(f"verify_{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(title, value)
        self.fields["fingerprint"].setFont(
            QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        )
        self.fields["problems"].setStyleSheet(f"color: {BAD};")
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        top = QHBoxLayout()
        top.addWidget(self.drop_label, 1)
        top.addWidget(open_button)
        register_row = QHBoxLayout()
        register_row.addWidget(self.use_db)
        register_row.addWidget(self.folder_edit, 1)
        register_row.addWidget(folder_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(register_row)
        layout.addWidget(self.fingerprint_edit)
        layout.addWidget(line)
        layout.addWidget(self.headline)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self._show(None)

    # -- choosing ------------------------------------------------------------------------------
    def ask_file(self) -> None:
        start = self.settings.get(LAST_STATEMENT_FOLDER) if self.settings else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Statement to verify"), start, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.verify(Path(path))

    def ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Published register folder"))
        if folder:
            self.folder_edit.setText(folder)
            self.recheck()

    def recheck(self) -> None:
        if self.path is not None:
            self.verify(self.path)

    def verify(self, path: Path) -> Task[VerifyResult]:
        """Check `path` in the background and show the answer."""
        self.path = path
        self.headline.setText(self.tr("Checking {file}…").format(file=path.name))
        self.headline.setStyleSheet("")
        db = self.db if self.use_db.isChecked() else None
        folder_text = self.folder_edit.text().strip()
        folder = Path(folder_text) if folder_text else None
        if folder is not None and not folder.is_dir():
            folder = None
        typed = parse_fingerprint(self.fingerprint_edit.text())
        fingerprints = (typed,) if typed else ()
        own = own_identity_fingerprint(self.db.location.files_dir) if self.db is not None else None
        self.task = run_task(
            self,
            lambda _c: verify_statement(
                path,
                db=db,
                register_folder=folder,
                fingerprints=fingerprints,
                own_fingerprint=own,
            ),
            self._show,
            label=self.tr("Checking {file}…").format(file=path.name),
        )
        return self.task

    # -- drag and drop -------------------------------------------------------------------------
    @staticmethod
    def dropped_pdf(mime: QMimeData) -> Path | None:
        for url in mime.urls():
            if url.isLocalFile():
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.dropped_pdf(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        path = self.dropped_pdf(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.verify(path)

    # -- the answer ----------------------------------------------------------------------------
    def _yes_no(self, value: bool | None) -> str:
        if value is None:
            return ""
        return self.tr("yes") if value else self.tr("no")

    def _show(self, result: VerifyResult | None) -> None:
        self.outcome = result
        for value in self.fields.values():
            value.clear()
            value.setStyleSheet("")
        self.fields["problems"].setStyleSheet(f"color: {BAD};")
        if result is None:
            self.headline.setText(self.tr("No file checked yet."))
            self.headline.setStyleSheet("")
            return
        code = result.exit_code
        if code == EXIT_UNREADABLE:
            self.headline.setText(self.tr("UNUSABLE — this file cannot be checked."))
            colour = BAD
        elif code == EXIT_INVALID:
            self.headline.setText(
                self.tr("NOT AUTHENTIC — do not rely on this file (see the problems below).")
            )
            colour = BAD
        elif code == EXIT_UNCONFIRMED:
            self.headline.setText(
                self.tr(
                    "SIGNER NOT CONFIRMED — the file is intact, but nothing confirms who signed "
                    "it. Compare this SHA-256 fingerprint with the one the agency publishes: "
                    "{fingerprint}"
                ).format(fingerprint="\n" + _two_lines(result.fingerprint or ""))
            )
            colour = WARN
        elif code == EXIT_WITHDRAWN and result.withdrawn:
            self.headline.setText(
                self.tr("WITHDRAWN — authentic, but the agency no longer stands by it.")
            )
            colour = WARN
        elif code == EXIT_WITHDRAWN:
            self.headline.setText(
                self.tr(
                    "SUPERSEDED — authentic, but the agency replaced it with a later statement."
                )
            )
            colour = WARN
        elif result.historical:
            self.headline.setText(
                self.tr(
                    "AUTHENTIC HISTORICAL COPY — as of {as_of}; not the agency's current position."
                ).format(as_of=zoned_text(result.as_of))
            )
            colour = GOOD
        else:
            self.headline.setText(
                self.tr(
                    "AUTHENTIC — signed by {signer}, a confirmed agency key; not a byte changed "
                    "since signing."
                ).format(signer=result.signer or "")
            )
            colour = GOOD
        self.headline.setStyleSheet(f"color: {colour};")
        f = self.fields
        f["file"].setText(self.path.name if self.path else "")
        if result.readable and result.signer is not None:
            f["intact"].setText(self._yes_no(result.intact))
            f["intact"].setStyleSheet(f"color: {GOOD if result.intact else BAD};")
        f["signer"].setText(result.signer or "")
        f["fingerprint"].setText(_two_lines(result.fingerprint or ""))
        if result.trusted:
            f["trust"].setText(self.tr("confirmed ({how})").format(how=result.confirmed_by or ""))
        elif result.self_signed:
            f["trust"].setText(
                self.tr("self-signed — compare the fingerprint with the one the agency publishes")
            )
        elif result.self_signed is False:
            f["trust"].setText(self.tr("issued by a certificate authority (not checked here)"))
        f["signed_at"].setText(zoned_text(result.signed_at))
        if result.statement_id:
            f["statement"].setText(f"{result.statement_id} ({result.kind or ''})")
        f["artist"].setText(result.artist or "")
        f["as_of"].setText(zoned_text(result.as_of))
        if result.in_register is None:
            f["register"].setText(self.tr("not checked"))
        else:
            f["register"].setText(self._yes_no(result.in_register))
        if result.superseded:
            f["superseded"].setText(
                self.tr("no — superseded by {id}").format(
                    id=result.superseded_by or self.tr("a later statement")
                )
            )
            f["superseded"].setStyleSheet(f"color: {WARN};")
        elif result.status == "revoked":
            f["superseded"].setText(self.tr("no — withdrawn by the agency"))
            f["superseded"].setStyleSheet(f"color: {BAD};")
        elif result.status == "historical":
            f["superseded"].setText(self.tr("a historical copy — never the current statement"))
        elif result.status == "current":
            f["superseded"].setText(self.tr("yes"))
            f["superseded"].setStyleSheet(f"color: {GOOD};")
        lang = model_language()  # the reasons in the interface language
        f["problems"].setText("\n".join(f"• {in_language(p, lang)}" for p in result.problems))
        f["notes"].setText("\n".join(f"• {in_language(n, lang)}" for n in result.notes))


__all__ = ["VerifyDialog"]
