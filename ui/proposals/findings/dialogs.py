"""The two small questions of the findings view: why a risk is accepted, and how to export.

Both open window-modal without blocking (`open()`); the caller connects `accepted`.
"""

from __future__ import annotations

from pathlib import Path

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
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.proposals.values import StoredFinding
from ui.i18n import model_language
from ui.proposals.labels import severity_label

MAX_REASON = 2000


class AcceptRiskDialog(QDialog):
    """Accepting a finding's risk needs a reason; the audit trail keeps who and why."""

    def __init__(self, parent: QWidget | None, finding: StoredFinding) -> None:
        super().__init__(parent)
        self.setObjectName("acceptRiskDialog")
        self.setWindowTitle(self.tr("Accept risk"))
        self.finding = finding
        x = finding.finding
        where = (
            self.tr("line {line}").format(line=x.line) if x.line is not None else self.tr("terms")
        )
        head = f"{severity_label(x.severity)} · {x.rule_id} · {where}"
        about = QLabel(f"{head}\n{x.message_in(model_language())}", self)
        about.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("riskReason")
        self.reason.setPlaceholderText(
            self.tr("Why the agency accepts this risk, e.g. the artist confirmed by phone")
        )
        self.reason.setTabChangesFocus(True)
        note = QLabel(
            self.tr(
                "The finding stays listed, marked as accepted, and no longer counts towards the "
                "proposal's worst finding. The same finding in later checks stays accepted. "
                "Recorded with your name; Edit → Undo takes it back."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setText(self.tr("Accept risk"))
        self.buttons.accepted.connect(self._accept_when_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(QLabel(self.tr("Reason (required)"), self))
        layout.addWidget(self.reason, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._revalidate)
        self._revalidate()
        self.resize(520, 320)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _revalidate(self) -> None:
        text = self.reason_text()
        self.ok_button.setEnabled(0 < len(text) <= MAX_REASON)

    def _accept_when_valid(self) -> None:
        if self.ok_button.isEnabled():
            self.accept()


class ExportDialog(QDialog):
    """The review report for the artist: in English, Chinese or both, to a PDF file."""

    def __init__(self, parent: QWidget | None, suggested: Path) -> None:
        super().__init__(parent)
        self.setObjectName("exportReviewDialog")
        self.setWindowTitle(self.tr("Export review report"))
        self.english = QRadioButton(self.tr("English"), self)
        self.chinese = QRadioButton(self.tr("Chinese (中文)"), self)
        self.both = QRadioButton(self.tr("Both (English and Chinese)"), self)
        self.both.setChecked(True)
        languages = QWidget(self)
        row = QHBoxLayout(languages)
        row.setContentsMargins(0, 0, 0, 0)
        for b in (self.english, self.chinese, self.both):
            row.addWidget(b)
        row.addStretch(1)
        self.path = QLineEdit(str(suggested), self)
        self.path.setObjectName("reviewPath")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        where = QWidget(self)
        where_row = QHBoxLayout(where)
        where_row.setContentsMargins(0, 0, 0, 0)
        where_row.addWidget(self.path, 1)
        where_row.addWidget(browse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setText(self.tr("Export"))
        self.buttons.accepted.connect(self._accept_when_valid)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(
            self.tr(
                "An unsigned PDF with the proposal, the character mapping, the findings with "
                "their sources and the script lines around each AI use."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Language"), languages)
        form.addRow(self.tr("File"), where)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        self.resize(560, 180)

    def languages(self) -> str:
        if self.english.isChecked():
            return "en"
        if self.chinese.isChecked():
            return "zh"
        return "en,zh"

    def target(self) -> Path:
        path = Path(self.path.text().strip()).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export review report"), self.path.text(), self.tr("PDF (*.pdf)")
        )
        if path:
            self.path.setText(path)

    def _accept_when_valid(self) -> None:
        if self.path.text().strip():
            self.accept()
