"""The agency's signing identity: see the fingerprint to publish, create one, or import one.

Creating an identity makes an EC P-256 key and a self-signed certificate with the agency's
name in both scripts; the key is stored only encrypted with the passphrase typed here (twice,
with a hint on its strength). An agency with a certificate from a certificate authority
imports its PKCS#12 file instead. Replacing an existing identity changes the fingerprint
journalists compare, so it needs an explicit confirmation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.desk import Desk
from models.errors import UserError
from models.identity import MIN_PASSPHRASE, SigningIdentity
from ui.errors import show_error
from ui.settings import LAST_STATEMENT_FOLDER, Settings
from ui.tasks import run_task


def passphrase_strength(text: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 strong: length counts most, then variety."""
    if len(text) < MIN_PASSPHRASE:
        return 0
    classes = sum(
        any(test(c) for c in text)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(text.split())
    if len(text) >= 20 or (len(text) >= 14 and (classes >= 3 or words >= 3)):
        return 3
    if len(text) >= 12 or classes >= 3:
        return 2
    return 1


class IdentityDialog(QDialog):
    """Show, create, import and export the signing identity."""

    changed = Signal()  # an identity was created or imported
    letterhead_requested = Signal()

    def __init__(self, desk: Desk, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(self.tr("Signing identity"))
        self.db = desk.db
        self.settings = settings
        self.service = desk.identities
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._current_tab(), self.tr("Current identity"))
        self.tabs.addTab(self._create_tab(), self.tr("Create new"))
        self.tabs.addTab(self._import_tab(), self.tr("Import certificate (.p12)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        letterhead = buttons.addButton(
            self.tr("Letterhead…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        letterhead.clicked.connect(self.letterhead_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.refresh()

    # -- current -------------------------------------------------------------------------------
    def _current_tab(self) -> QWidget:
        page = QWidget(self)
        self.subject_label = QLabel(page)
        self.subject_label.setObjectName("identitySubject")
        self.kind_label = QLabel(page)
        self.kind_label.setWordWrap(True)
        self.valid_label = QLabel(page)
        self.fingerprint_label = QLabel(page)
        self.fingerprint_label.setObjectName("identityFingerprint")
        self.fingerprint_label.setWordWrap(True)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy_button = QPushButton(self.tr("Copy fingerprint"), page)
        self.copy_button.clicked.connect(self.copy_fingerprint)
        self.export_button = QPushButton(self.tr("Export certificate…"), page)
        self.export_button.setObjectName("exportCertificate")
        self.export_button.clicked.connect(self.ask_export_certificate)
        self.publish_note = QLabel(
            self.tr(
                "Publish this SHA-256 fingerprint (website, press page) so journalists can tell "
                "the agency's statements from forgeries."
            ),
            page,
        )
        self.publish_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Signer:"), self.subject_label)
        form.addRow(self.tr("Certificate:"), self.kind_label)
        form.addRow(self.tr("Valid until:"), self.valid_label)
        form.addRow(self.tr("SHA-256 fingerprint:"), self.fingerprint_label)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.publish_note)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def current(self) -> SigningIdentity | None:
        try:
            return self.service.show()
        except UserError:
            return None

    def refresh(self) -> None:
        ident = self.current()
        has = ident is not None
        for w in (self.copy_button, self.export_button, self.publish_note):
            w.setEnabled(has)
        if ident is None:
            self.subject_label.setText(self.tr("No signing identity yet: create or import one."))
            self.kind_label.clear()
            self.valid_label.clear()
            self.fingerprint_label.clear()
            self.tabs.setCurrentIndex(1)
            self.create_button.setText(self.tr("Create identity"))
            self.import_button.setText(self.tr("Import"))
            return
        self.subject_label.setText(ident.subject)
        self.kind_label.setText(
            self.tr("Self-signed (readers compare the fingerprint)")
            if ident.self_signed
            else self.tr("Issued by a certificate authority")
        )
        self.valid_label.setText(f"{ident.not_after:%Y-%m-%d}")
        self.fingerprint_label.setText(ident.fingerprint_display)
        self.create_button.setText(self.tr("Replace with a new identity…"))
        self.import_button.setText(self.tr("Replace with imported identity…"))

    def copy_fingerprint(self) -> None:
        ident = self.current()
        if ident is not None:
            QGuiApplication.clipboard().setText(ident.fingerprint_display)

    def ask_export_certificate(self) -> None:
        folder = self.settings.get(LAST_STATEMENT_FOLDER)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export certificate"),
            str(Path(folder or Path.home()) / "agency-certificate.pem"),
            self.tr("Certificates (*.pem)"),
        )
        if path:
            self.export_certificate(Path(path))

    def export_certificate(self, path: Path) -> None:
        ident = self.current()
        if ident is None:
            return
        try:
            path.write_bytes(ident.certificate_pem)
        except OSError as e:
            show_error(
                self,
                UserError(
                    "error.ui.statements.identity_dialog.cannot_write_path_value",
                    path=path,
                    value=e.strerror or e,
                ),
            )

    # -- create --------------------------------------------------------------------------------
    def _create_tab(self) -> QWidget:
        page = QWidget(self)
        self.name_edit = QLineEdit(page)
        self.name_edit.setObjectName("agencyName")
        self.name_edit.setPlaceholderText(self.tr("e.g. Starlight Talent"))
        self.name_zh_edit = QLineEdit(page)
        self.name_zh_edit.setObjectName("agencyNameZh")
        self.name_zh_edit.setPlaceholderText(self.tr("e.g. 星光经纪"))
        self.pass_edit = QLineEdit(page)
        self.pass_edit.setObjectName("newPassphrase")
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(page)
        self.repeat_edit.setObjectName("repeatPassphrase")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_label = QLabel(page)
        self.strength_label.setObjectName("passphraseStrength")
        self.create_problem = QLabel(page)
        self.create_problem.setStyleSheet("color: #b03a2e;")
        self.create_problem.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create identity"), page)
        self.create_button.setObjectName("createIdentity")
        self.create_button.clicked.connect(self.create_identity)
        for edit in (self.pass_edit, self.repeat_edit, self.name_edit):
            edit.textChanged.connect(self._update_create)
        note = QLabel(
            self.tr(
                "A new key pair and a self-signed certificate naming the agency. The key is "
                "stored only encrypted with this passphrase; nobody can recover a forgotten "
                "passphrase."
            ),
            page,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Agency name (English):"), self.name_edit)
        form.addRow(self.tr("Agency name (Chinese):"), self.name_zh_edit)
        form.addRow(self.tr("Passphrase:"), self.pass_edit)
        form.addRow(self.tr("Repeat passphrase:"), self.repeat_edit)
        form.addRow("", self.strength_label)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.create_problem)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        self._update_create()
        return page

    def _update_create(self) -> None:
        text = self.pass_edit.text()
        words = {
            0: self.tr("Too short: at least {n} characters.").format(n=MIN_PASSPHRASE),
            1: self.tr("Weak: longer is better (a few words make a good passphrase)."),
            2: self.tr("Fair."),
            3: self.tr("Strong."),
        }
        colours = {0: "#b03a2e", 1: "#b03a2e", 2: "#9a6700", 3: "#1e7b34"}
        strength = passphrase_strength(text)
        self.strength_label.setText(words[strength] if text else "")
        self.strength_label.setStyleSheet(f"color: {colours[strength]};")
        mismatch = bool(self.repeat_edit.text()) and self.repeat_edit.text() != text
        self.create_problem.setText(self.tr("The two passphrases differ.") if mismatch else "")
        self.create_button.setEnabled(
            bool(self.name_edit.text().strip()) and strength > 0 and self.repeat_edit.text() == text
        )

    def _confirm_replace(self) -> bool:
        if not self.service.exists():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Replace the signing identity?"),
            self.tr(
                "Statements issued so far stay valid, but new ones will carry a different "
                "fingerprint: publish the new one. Replace the identity?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def create_identity(self, confirmed: bool = False) -> None:
        if not self.create_button.isEnabled():
            return
        replace = self.service.exists()
        if replace and not confirmed and not self._confirm_replace():
            return
        name, name_zh, secret = (
            self.name_edit.text(),
            self.name_zh_edit.text(),
            self.pass_edit.text(),
        )
        self.create_button.setEnabled(False)
        run_task(
            self,
            lambda _c: self.service.create(name, secret, name_zh, replace=replace),
            self._created,
            label=self.tr("Creating the signing key…"),
            on_error=self._failed,
            cancellable=False,
        )

    def _created(self, _ident: SigningIdentity) -> None:
        for edit in (self.pass_edit, self.repeat_edit):
            edit.clear()
        self._finish()

    def _failed(self, exc: BaseException) -> None:
        self._update_create()
        self.import_button.setEnabled(True)
        show_error(self, exc)

    def _finish(self) -> None:
        self.refresh()
        self.tabs.setCurrentIndex(0)
        self.changed.emit()

    # -- import --------------------------------------------------------------------------------
    def _import_tab(self) -> QWidget:
        page = QWidget(self)
        self.p12_edit = QLineEdit(page)
        self.p12_edit.setObjectName("p12File")
        browse = QPushButton(self.tr("Choose…"), page)
        browse.clicked.connect(self._choose_p12)
        self.p12_pass_edit = QLineEdit(page)
        self.p12_pass_edit.setObjectName("p12Passphrase")
        self.p12_pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.import_button = QPushButton(self.tr("Import"), page)
        self.import_button.setObjectName("importIdentity")
        self.import_button.clicked.connect(self.import_identity)
        note = QLabel(
            self.tr(
                "A key and certificate from a certificate authority, as a PKCS#12 file "
                "(.p12 or .pfx). Its passphrase also protects the stored key."
            ),
            page,
        )
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.p12_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Passphrase of the file:"), self.p12_pass_edit)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        return page

    def _choose_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("PKCS#12 file"), "", self.tr("PKCS#12 files (*.p12 *.pfx)")
        )
        if path:
            self.p12_edit.setText(path)

    def import_identity(self, confirmed: bool = False) -> None:
        path = Path(self.p12_edit.text().strip())
        secret = self.p12_pass_edit.text()
        if not self.p12_edit.text().strip():
            show_error(self, UserError("error.ui.identity.choose_p12"))
            return
        replace = self.service.exists()
        if replace and not confirmed and not self._confirm_replace():
            return

        def work(_control: object) -> SigningIdentity:
            try:
                data = path.read_bytes()
            except OSError as e:
                raise UserError(
                    "error.ui.statements.identity_dialog.cannot_read_path_value",
                    path=path,
                    value=e.strerror or e,
                ) from e
            return self.service.import_pkcs12(data, secret, replace=replace)

        self.import_button.setEnabled(False)
        run_task(
            self,
            work,
            lambda _i: self._imported(),
            label=self.tr("Importing the certificate…"),
            on_error=self._failed,
            cancellable=False,
        )

    def _imported(self) -> None:
        self.p12_pass_edit.clear()
        self.import_button.setEnabled(True)
        self._finish()


__all__ = ["IdentityDialog", "passphrase_strength"]
