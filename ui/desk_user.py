"""Who is at the desk: the name recorded with every change and on every statement issued.

Asked on the first start (a shared login such as "root" or "admin" says nothing about who
did what), kept per operating-system user in the settings, changeable in Preferences and
File → Desk user name…. The command line reads CONSENT_DESK_USER instead.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.settings import DESK_USER, Settings

USER_ENV = "CONSENT_DESK_USER"
MAX_NAME = 200


def needs_desk_user(settings: Settings) -> bool:
    """True until a name is stored (or given by CONSENT_DESK_USER for this run)."""
    return not settings.get(DESK_USER).strip() and not os.environ.get(USER_ENV, "").strip()


class DeskUserDialog(QDialog):
    """Asks for the desk user's name; OK only with a name."""

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskUserDialog")
        self.setWindowTitle(self.tr("Who is at this desk?"))
        self.name_edit = QLineEdit(current, self)
        self.name_edit.setObjectName("deskUserName")
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(self.tr("e.g. Mei Chen"))
        note = QLabel(
            self.tr(
                "Your name is recorded with every change made here (the audit trail's "
                "operator) and as the issuer of the statements you sign. Change it any time "
                "in Edit → Preferences."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Your &name *"), self.name_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._update()

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.name()))
