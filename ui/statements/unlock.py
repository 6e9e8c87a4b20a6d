"""Asking for the signing passphrase, each time something is signed.

The passphrase is never stored: it is asked when signing, used to unlock the key on a worker
thread (600,000 key-derivation rounds take a moment) and forgotten. A wrong passphrase keeps
the dialog open with a plain message, so the person simply types it again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from models.desk import Desk
from models.errors import UserError
from models.identity import UnlockedIdentity
from ui.errors import show_error
from ui.i18n import user_message
from ui.tasks import run_task


def _tr(text: str) -> str:
    return QCoreApplication.translate("Signing", text)


class PassphraseDialog(QDialog):
    """ "Passphrase of the signing identity" with retry; emits `unlocked` and closes."""

    unlocked = Signal(object)  # UnlockedIdentity

    def __init__(self, desk: Desk, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Sign with the agency's identity"))
        self._service = desk.identities
        identity = self._service.show()
        self.busy = False
        intro = QLabel(
            self.tr("{purpose}\n\nSigning as {subject}\nCertificate {fingerprint}").format(
                purpose=purpose,
                subject=identity.subject,
                fingerprint=identity.fingerprint_display[:23] + "…",
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("passphrase")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(self.tr("Passphrase of the signing identity"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("passphraseError")
        self.error_label.setStyleSheet("color: #b03a2e;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        note = QLabel(self.tr("The passphrase is not stored; it is asked each time you sign."))
        note.setEnabled(False)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.sign_button = self.buttons.addButton(
            self.tr("Unlock and sign"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(self.error_label)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def try_unlock(self) -> None:
        secret = self.edit.text()
        if not secret or self.busy:
            return
        self.busy = True
        self.edit.setEnabled(False)
        self.sign_button.setEnabled(False)
        self.error_label.hide()
        run_task(
            self,
            lambda _control: self._service.unlock(secret),
            self._on_unlocked,
            label=self.tr("Unlocking the signing key…"),
            on_error=self._on_error,
            cancellable=False,
        )

    def _on_unlocked(self, identity: UnlockedIdentity) -> None:
        self.busy = False
        self.edit.clear()
        self.unlocked.emit(identity)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.busy = False
        self.edit.setEnabled(True)
        self.sign_button.setEnabled(True)
        if not isinstance(exc, UserError):
            show_error(self, exc)
            return
        self.error_label.setText(
            self.tr("{problem} Please try again.").format(problem=user_message(exc))
        )
        self.error_label.show()
        self.edit.selectAll()
        self.edit.setFocus()


def with_identity(
    parent: QWidget,
    desk: Desk,
    purpose: str,
    on_unlocked: Callable[[UnlockedIdentity], None],
    on_setup: Callable[[], object] | None = None,
) -> PassphraseDialog | QMessageBox:
    """Ask for the passphrase, then call `on_unlocked` (never if cancelled).

    With no identity yet, says so and offers to set one up (`on_setup`).
    """
    if not desk.identities.exists():
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _tr("No signing identity"),
            _tr(
                "Statements are signed with the agency's signing identity, and there is none "
                "yet. Create one (or import your certificate) first."
            ),
            QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setObjectName("noIdentityBox")
        setup = box.addButton(_tr("Set up signing identity…"), QMessageBox.ButtonRole.AcceptRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_setup is not None:
            setup.clicked.connect(on_setup)
        box.open()
        return box
    dialog = PassphraseDialog(desk, purpose, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.unlocked.connect(on_unlocked)
    dialog.open()
    return dialog


__all__ = ["PassphraseDialog", "with_identity"]
