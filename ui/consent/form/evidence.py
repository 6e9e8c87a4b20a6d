"""The evidence files of a consent record: what is attached, its SHA-256, and whether the
stored bytes still match it; new files added by the file dialog or by dropping them here.

New files are hashed in the background (a scanned agreement can be large) so the form never
freezes; they are stored only when the form is saved, all together with the record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.consent.evidence import EvidenceFile, EvidenceReport
from models.consent.values import Evidence, EvidenceRole
from models.storage.files import hash_file
from ui.consent.labels import role_label
from ui.tasks import TaskControl, run_task

OK_COLOUR = "#1e8449"
BAD_COLOUR = "#b03a2e"


@dataclass
class _Pending:
    path: Path
    item: QTreeWidgetItem
    role: QComboBox
    sha256: str = ""
    size: int = 0
    duplicate: bool = False
    failed: str = ""


class EvidenceList(QWidget):
    """Attached evidence (read-only) and files waiting to be attached when the form saves."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceList")
        self.setAcceptDrops(True)
        self._existing: list[Evidence] = []
        self._pending: list[_Pending] = []
        self._hashing: set[int] = set()  # id() of pending files still being hashed
        self.file_dialog: QFileDialog | None = None

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("evidenceTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("File"), self.tr("Role"), self.tr("SHA-256"), self.tr("Check")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setMinimumHeight(110)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())

        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.add_button.setObjectName("addEvidence")
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove new file"), self)
        self.remove_button.setObjectName("removeEvidence")
        self.remove_button.clicked.connect(self.remove_current)
        hint = QLabel(
            self.tr("Drop signed agreements here. Files are stored with their SHA-256 when saved."),
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- what is attached already --------------------------------------------------------------
    def set_existing(self, evidence: Iterable[Evidence]) -> None:
        for i in reversed(range(len(self._existing))):
            self.tree.takeTopLevelItem(i)
        self._existing = list(evidence)
        for i, e in enumerate(self._existing):
            item = QTreeWidgetItem(
                [e.original_name, role_label(e.role), e.sha256[:16] + "…", self.tr("not checked")]
            )
            item.setToolTip(2, e.sha256)
            item.setData(0, Qt.ItemDataRole.UserRole, e.sha256)
            self.tree.insertTopLevelItem(i, item)
        self.changed.emit()

    def set_report(self, report: EvidenceReport) -> None:
        """Show the result of re-hashing the stored files."""
        problems = {c.evidence.id: c.problem for c in report.checks}
        for i, e in enumerate(self._existing):
            item = self.tree.topLevelItem(i)
            if item is None or e.id not in problems:
                continue
            problem = problems[e.id]
            if not problem:
                item.setText(3, self.tr("✓ matches"))
                item.setForeground(3, Qt.GlobalColor.darkGreen)
            elif problem == "missing":
                item.setText(3, self.tr("✗ file missing"))
                item.setForeground(3, Qt.GlobalColor.red)
            else:
                item.setText(3, self.tr("✗ changed since it was stored"))
                item.setForeground(3, Qt.GlobalColor.red)

    # -- new files -----------------------------------------------------------------------------
    def choose_files(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Attach evidence"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [self.tr("Documents (*.pdf *.png *.jpg *.jpeg *.txt *.docx *.eml)"), self.tr("All (*)")]
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda names: self.add_files([Path(n) for n in names]))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def add_files(self, paths: Iterable[Path]) -> None:
        """List files to attach; each is hashed in the background."""
        for path in paths:
            if not path.is_file():
                continue
            role = QComboBox(self.tree)
            for r in EvidenceRole:
                role.addItem(role_label(r), r.value)
            if any(not p.duplicate for p in self._pending) or self._existing:
                role.setCurrentIndex(role.findData(EvidenceRole.CORRESPONDENCE.value))
            item = QTreeWidgetItem([path.name, "", self.tr("hashing…"), self.tr("new")])
            item.setToolTip(0, str(path))
            self.tree.addTopLevelItem(item)
            self.tree.setItemWidget(item, 1, role)
            pending = _Pending(path, item, role)
            self._pending.append(pending)
            self._hash(pending)
        self._update_buttons()
        self.changed.emit()

    def _hash(self, pending: _Pending) -> None:
        self._hashing.add(id(pending))

        def work(_control: TaskControl) -> tuple[str, int]:
            return hash_file(pending.path)

        run_task(
            self,
            work,
            lambda result: self._hashed(pending, result),
            label=self.tr("Checking {name}…").format(name=pending.path.name),
            on_error=lambda e: self._hash_failed(pending, e),
        )

    def _hashed(self, pending: _Pending, result: tuple[str, int]) -> None:
        self._hashing.discard(id(pending))
        if not shiboken6.isValid(self.tree) or pending not in self._pending:
            return
        pending.sha256, pending.size = result
        known = {e.sha256 for e in self._existing} | {
            p.sha256 for p in self._pending if p is not pending and not p.duplicate
        }
        pending.item.setText(2, pending.sha256[:16] + "…")
        pending.item.setToolTip(2, pending.sha256)
        if pending.sha256 in known:
            pending.duplicate = True
            pending.item.setText(3, self.tr("same file already listed: not added again"))
        else:
            pending.item.setText(
                3, self.tr("new · {kb} KB").format(kb=max(1, pending.size // 1024))
            )
        self.changed.emit()

    def _hash_failed(self, pending: _Pending, error: BaseException) -> None:
        self._hashing.discard(id(pending))
        if not shiboken6.isValid(self.tree) or pending not in self._pending:
            return
        pending.failed = str(error)
        pending.item.setText(2, "—")
        pending.item.setText(3, self.tr("cannot be read: not added"))
        pending.item.setForeground(3, Qt.GlobalColor.red)
        self.changed.emit()

    def remove_current(self) -> None:
        item = self.tree.currentItem()
        for p in list(self._pending):
            if p.item is item:
                self._pending.remove(p)
                self._hashing.discard(id(p))  # a result still coming finds no row
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
                break
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        self.remove_button.setEnabled(any(p.item is item for p in self._pending))

    @property
    def busy(self) -> bool:
        """Files are still being hashed (the form waits before saving)."""
        return bool(self._hashing)

    def pending_files(self) -> tuple[EvidenceFile, ...]:
        return tuple(
            EvidenceFile(p.path, EvidenceRole(p.role.currentData()), p.path.name)
            for p in self._pending
            if p.sha256 and not p.duplicate and not p.failed
        )

    def pending_hashes(self) -> list[str]:
        return [p.sha256 for p in self._pending if p.sha256 and not p.duplicate]

    # -- drag and drop -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.isLocalFile() for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_files(paths)
        event.acceptProposedAction()
