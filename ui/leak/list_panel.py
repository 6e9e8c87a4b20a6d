"""The leak day's left side: the list itself, where it was published, and the languages.

The platform is required (every statement cites it): asked for without one, the field is
marked, says why and takes the focus; typing a name clears the mark.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.settings import Settings
from ui.statements.export_dialog import LanguageChoice

REQUIRED_STYLE = "QLineEdit#leakPlatform { border: 2px solid #b03a2e; }"


class ListPanel(QWidget):
    """The pasted or opened list, its platform, source and date, and the statements' languages."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paste_edit = QPlainTextEdit(self)
        self.paste_edit.setObjectName("leakPaste")
        self.paste_edit.setPlaceholderText(
            self.tr(
                "Paste the published list here: one name a line, or separated by commas or 、. "
                "Numbering, brackets and roles are ignored."
            )
        )
        self.open_button = QPushButton(self.tr("Open list…"), self)
        self.open_button.setObjectName("openLeakList")
        self.open_button.setToolTip(self.tr("A text, CSV, Excel (.xlsx) or PDF file"))
        self.clear_button = QPushButton(self.tr("Clear"), self)

        self.platform_edit = QLineEdit(self)
        self.platform_edit.setObjectName("leakPlatform")
        self.platform_edit.setPlaceholderText(self.tr("e.g. Xingmu AI Artist Library"))
        self.platform_edit.setToolTip(
            self.tr("Required: the platform or list that published the names.")
        )
        self.platform_edit.setAccessibleName(self.tr("Platform or list (required)"))
        self.platform_edit.setMinimumWidth(180)
        self.platform_edit.textChanged.connect(self._platform_given)
        self.platform_label = QLabel(
            self.tr("Platform or list:") + ' <span style="color:#b03a2e">*</span>', self
        )
        self.platform_label.setObjectName("leakPlatformLabel")
        self.platform_label.setBuddy(self.platform_edit)
        self.platform_problem = QLabel(self)
        self.platform_problem.setObjectName("leakPlatformProblem")
        self.platform_problem.setWordWrap(True)
        self.platform_problem.setStyleSheet("color: #b03a2e")
        self.platform_problem.hide()
        self.source_edit = QLineEdit(self)
        self.source_edit.setObjectName("leakSource")
        self.source_edit.setPlaceholderText(self.tr("https://… or where it was seen"))
        self.seen_edit = QDateEdit(QDate.currentDate(), self)
        self.seen_edit.setObjectName("leakSeenOn")
        self.seen_edit.setCalendarPopup(True)
        self.seen_edit.setDisplayFormat("yyyy-MM-dd")
        self.seen_edit.setMaximumDate(QDate.currentDate().addDays(1))
        source_box = QGroupBox(self.tr("Where the list was published"), self)
        form = QFormLayout(source_box)
        # Label above field: the fields get the panel's whole width (placeholders not cut).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.platform_label, self.platform_edit)
        form.addRow(self.platform_problem)
        required = QLabel(self.tr("* required"), source_box)
        required.setEnabled(False)
        form.addRow(self.tr("URL or note:"), self.source_edit)
        form.addRow(self.tr("Seen on:"), self.seen_edit)
        form.addRow(required)
        self.languages = LanguageChoice(settings, self, compact=True)
        self.languages.setToolTip(self.tr("Language of the statements"))
        statements_form = QFormLayout()
        statements_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        statements_form.addRow(self.tr("Statements in:"), self.languages)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(QLabel(self.tr("The list"), self))
        layout.addWidget(self.paste_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(source_box)
        layout.addLayout(statements_form)

    def need_platform(self) -> str:
        """Without a platform: mark the field, say why, give it the focus, return the reason
        ("" when a platform is named)."""
        if self.platform_edit.text().strip():
            return ""
        self.platform_problem.setText(
            self.tr("Name the platform or list that published the names: statements cite it.")
        )
        self.platform_problem.show()
        self.platform_edit.setProperty("problem", True)
        self.platform_edit.setStyleSheet(REQUIRED_STYLE)
        self.platform_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.platform_problem.text()

    def _platform_given(self, text: str) -> None:
        if text.strip() and self.platform_edit.property("problem"):
            self.platform_edit.setProperty("problem", False)
            self.platform_edit.setStyleSheet("")
            self.platform_problem.hide()
