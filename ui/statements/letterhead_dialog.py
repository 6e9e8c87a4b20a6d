"""The letterhead printed on every statement: agency name in both scripts, address, logo."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.agency import AgencyProfile
from models.desk import Desk
from models.errors import UserError
from ui.errors import show_error

LOGO_PREVIEW = 72


class LetterheadDialog(QDialog):
    """Edit the letterhead; the logo is copied into the data folder when chosen."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterheadDialog")
        self.setWindowTitle(self.tr("Letterhead"))
        self.service = desk.agency
        self.profile = self.service.get()
        self.name_edit = QLineEdit(self.profile.name, self)
        self.name_edit.setObjectName("letterheadName")
        self.name_zh_edit = QLineEdit(self.profile.name_zh, self)
        self.name_zh_edit.setObjectName("letterheadNameZh")
        self.address_edit = QPlainTextEdit(self.profile.address, self)
        self.address_edit.setObjectName("letterheadAddress")
        self.address_zh_edit = QPlainTextEdit(self.profile.address_zh, self)
        self.address_zh_edit.setObjectName("letterheadAddressZh")
        for edit in (self.address_edit, self.address_zh_edit):
            edit.setFixedHeight(self.fontMetrics().height() * 3 + 12)
            edit.setTabChangesFocus(True)
        self.verify_url_edit = QLineEdit(self.profile.verify_url, self)
        self.verify_url_edit.setObjectName("letterheadVerifyUrl")
        self.verify_url_edit.setPlaceholderText("https://")
        self.verify_url_edit.setToolTip(
            self.tr(
                "Where the agency publishes its register's verify page; press kits print it "
                "as a QR code."
            )
        )
        self.logo_label = QLabel(self)
        self.logo_label.setObjectName("letterheadLogo")
        self.logo_label.setFixedSize(LOGO_PREVIEW * 2, LOGO_PREVIEW)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_label.setStyleSheet("QLabel { border: 1px solid palette(mid); }")
        choose = QPushButton(self.tr("Choose logo…"), self)
        choose.clicked.connect(self.ask_logo)
        self.remove_button = QPushButton(self.tr("Remove logo"), self)
        self.remove_button.clicked.connect(self.remove_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label)
        logo_row.addWidget(choose)
        logo_row.addWidget(self.remove_button)
        logo_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Agency name (English):"), self.name_edit)
        form.addRow(self.tr("Agency name (Chinese):"), self.name_zh_edit)
        form.addRow(self.tr("Address (English):"), self.address_edit)
        form.addRow(self.tr("Address (Chinese):"), self.address_zh_edit)
        form.addRow(self.tr("Logo (PNG or JPEG):"), logo_row)
        form.addRow(self.tr("Verify page address:"), self.verify_url_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._show_logo()

    def _show_logo(self) -> None:
        path = self.service.logo_path(self.profile)
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText(self.tr("No logo"))
        else:
            self.logo_label.setPixmap(
                pixmap.scaled(
                    LOGO_PREVIEW * 2,
                    LOGO_PREVIEW,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.remove_button.setEnabled(bool(self.profile.logo_file))

    def ask_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.set_logo(Path(path))

    def set_logo(self, path: Path) -> bool:
        try:
            stored = self.service.store_logo(path)
        except UserError as e:
            show_error(self, e)
            return False
        self.profile = replace(self.profile, logo_file=stored)
        self._show_logo()
        return True

    def remove_logo(self) -> None:
        self.profile = replace(self.profile, logo_file="")
        self._show_logo()

    def edited(self) -> AgencyProfile:
        return AgencyProfile(
            name=self.name_edit.text(),
            name_zh=self.name_zh_edit.text(),
            address=self.address_edit.toPlainText(),
            address_zh=self.address_zh_edit.toPlainText(),
            logo_file=self.profile.logo_file,
            verify_url=self.verify_url_edit.text(),
        )

    def save(self) -> None:
        try:
            self.profile = self.service.save(self.edited())
        except UserError as e:
            show_error(self, e)
            return
        self.accept()


__all__ = ["LetterheadDialog"]
