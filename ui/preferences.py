"""Edit → Preferences…: who is at the desk, and the interface language (system / English /
简体中文).

The choice is stored in the LANGUAGE setting and used at every start. It also applies at once:
every view builds its text when it is created, so rather than teaching each view to
retranslate itself, the window is rebuilt in the new language (same database, same view,
same layout). Only the undo history is lost, and the dialog says so. While background work
runs, the window cannot be rebuilt, and the change waits for the next start instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import CHINESE, ENGLISH, SYSTEM, install_language, resolve_language
from ui.settings import DESK_USER, LANGUAGE, Settings
from ui.tasks import running_tasks

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# Each language is named in itself, so a person can find their own in any interface language.
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "简体中文"}


class PreferencesDialog(QDialog):
    """The preferences; `choice()` is the language picked ("" follows the system)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        system = LANGUAGE_NAMES[resolve_language(SYSTEM)]
        self.language_combo.addItem(
            self.tr("System language ({language})").format(language=system), SYSTEM
        )
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        stored = settings.get(LANGUAGE)
        index = self.language_combo.findData(stored if stored in LANGUAGE_NAMES else SYSTEM)
        self.language_combo.setCurrentIndex(max(index, 0))

        self.language_note = QLabel(
            self.tr(
                "The window reopens in the new language when you press OK; the undo history "
                "is cleared. Dates and numbers follow the language too."
            ),
            self,
        )
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        self.language_note.setEnabled(False)  # drawn in the muted text colour

        self.desk_user_edit = QLineEdit(settings.get(DESK_USER), self)
        self.desk_user_edit.setObjectName("deskUserEdit")
        self.desk_user_edit.setMaxLength(200)
        self.desk_user_edit.setPlaceholderText(self.tr("Your name"))
        self.desk_user_note = QLabel(
            self.tr("Recorded with every change you make and as the issuer of statements."),
            self,
        )
        self.desk_user_note.setWordWrap(True)
        self.desk_user_note.setEnabled(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Desk &user"), self.desk_user_edit)
        form.addRow("", self.desk_user_note)
        form.addRow(self.tr("&Language"), self.language_combo)
        form.addRow("", self.language_note)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def choice(self) -> str:
        return str(self.language_combo.currentData())

    def desk_user(self) -> str:
        return " ".join(self.desk_user_edit.text().split())

    def save(self) -> bool:
        """Store the choice; True when the language in use changes because of it."""
        before = resolve_language(self.settings.get(LANGUAGE))
        self.settings.set(LANGUAGE, self.choice())
        self.settings.sync()
        return resolve_language(self.choice()) != before


def open_preferences(window: MainWindow) -> PreferencesDialog:
    """Show the dialog; on OK, save and switch the window's language if it changed."""
    dialog = PreferencesDialog(window.settings, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        name = dialog.desk_user()
        if name and name != window.settings.get(DESK_USER):
            window.set_desk_user(name)
        if dialog.save():
            apply_language(window)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def apply_language(window: MainWindow) -> MainWindow:
    """Rebuild `window` in the stored language; the new window is returned (or the old one).

    With background work running, the old window stays (closing it would cancel nothing and
    lose the result), and the language applies at the next start.
    """
    app = QCoreApplication.instance()
    if app is None:
        return window
    if running_tasks():
        window.show_message(
            QCoreApplication.translate(
                "Preferences", "The language changes when Consent Desk next starts."
            )
        )
        return window
    window.save_state()
    language = install_language(app, window.settings.get(LANGUAGE))
    fresh = type(window)(window.db, window.settings)
    fresh.restoreGeometry(window.saveGeometry())
    fresh.show()
    # Not close(): its guard would see work the new window may have started (a file check)
    # and keep the old one open; its state is saved above.
    window.hide()
    window.deleteLater()
    fresh.show_message(
        QCoreApplication.translate("Preferences", "Language: {language}").format(
            language=LANGUAGE_NAMES[language]
        )
    )
    return fresh
