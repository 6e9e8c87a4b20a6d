"""A proposal's scripts and other files, and the character mapping of the chosen script.

Files come in through the Add buttons or by dropping them on the list they belong to (scripts
on the scripts list, anything else on the files list). Reading a script and finding its AI uses
can take a while for a long PDF, so attaching runs through `run_task` with progress; the
window keeps working. Files are stored by SHA-256 and never deleted: taking one off the
proposal is confirmed first, and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.errors import UserError
from models.messages import in_language, phrase
from models.proposals.values import FileRole, Proposal, ProposalFile, ProposalScript
from models.scripts import ScriptFormat
from ui.consent.labels import when_text
from ui.errors import show_error
from ui.i18n import model_language
from ui.proposals.context import ProposalContext
from ui.proposals.labels import file_role_label
from ui.proposals.mapping import MappingPanel
from ui.scripts.analysis import load_marker_set
from ui.scripts.labels import count_text, format_label
from ui.settings import LAST_SCRIPT_FOLDER, SCRIPT_MARKERS_FILE
from ui.tasks import Task, TaskControl, run_task

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Attached = tuple[list[ProposalScript | ProposalFile], list[tuple[str, UserError]]]


class DropList(QListWidget):
    """A list that takes files dropped from the desktop (never moves its own items)."""

    dropped = Signal(list)  # list[Path]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)

    @staticmethod
    def paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.paths(event) and self.isEnabled():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.paths(event) and self.isEnabled():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        found = self.paths(event)
        if not found:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(found)


class FilesPanel(QWidget):
    changed = Signal()  # files or mappings changed: reload the proposal
    message = Signal(str)

    def __init__(self, ctx: ProposalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filesPanel")
        self.ctx = ctx
        self.service = ctx.service
        self.proposal: Proposal | None = None
        self.task: Task[Attached] | None = None
        self.box: QMessageBox | None = None

        self.scripts = DropList(self)
        self.scripts.setObjectName("proposalScripts")
        self.scripts.setToolTip(self.tr("Drop script files here"))
        self.add_script_button = QPushButton(self.tr("Add &script…"), self)
        self.add_script_button.setObjectName("addScript")
        self.remove_script_button = QPushButton(self.tr("Remove…"), self)
        self.remove_script_button.setObjectName("removeScript")
        scripts_box = QGroupBox(self.tr("Scripts (drop files here)"), self)
        column = QVBoxLayout(scripts_box)
        column.addWidget(self.scripts, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_script_button)
        row.addWidget(self.remove_script_button)
        row.addStretch(1)
        column.addLayout(row)

        self.files = DropList(self)
        self.files.setObjectName("proposalFiles")
        self.files.setToolTip(self.tr("Drop the proposal letter, contracts or other files here"))
        self.role = QComboBox(self)
        self.role.setObjectName("fileRole")
        for role in (FileRole.PROPOSAL, FileRole.CONTRACT, FileRole.OTHER):
            self.role.addItem(file_role_label(role), role.value)
        self.add_file_button = QPushButton(self.tr("Add &file…"), self)
        self.add_file_button.setObjectName("addFile")
        self.remove_file_button = QPushButton(self.tr("Remove…"), self)
        self.remove_file_button.setObjectName("removeFile")
        files_box = QGroupBox(self.tr("Other files (drop files here)"), self)
        column = QVBoxLayout(files_box)
        column.addWidget(self.files, 1)
        row = QHBoxLayout()
        row.addWidget(self.role)
        row.addWidget(self.add_file_button)
        row.addWidget(self.remove_file_button)
        row.addStretch(1)
        column.addLayout(row)

        self.mapping = MappingPanel(ctx, self)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(scripts_box, 3)
        left_column.addWidget(files_box, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.mapping)
        splitter.setSizes([360, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)

        self.add_script_button.clicked.connect(self.choose_scripts)
        self.add_file_button.clicked.connect(self.choose_files)
        self.remove_script_button.clicked.connect(self.remove_script)
        self.remove_file_button.clicked.connect(self.remove_file)
        self.scripts.dropped.connect(lambda paths: self.attach(paths, scripts=True))
        self.files.dropped.connect(lambda paths: self.attach(paths, scripts=False))
        self.scripts.currentRowChanged.connect(lambda _r: self._show_mapping())
        self.files.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.mapping.changed.connect(self.changed.emit)
        self._update_buttons()

    # -- content -------------------------------------------------------------------------------
    def set_proposal(self, proposal: Proposal | None) -> None:
        same = _same(proposal, self.proposal)
        chosen = self.current_script_id() if same else None
        self.proposal = proposal
        self.scripts.blockSignals(True)
        self.scripts.clear()
        for s in proposal.scripts if proposal else ():
            item = QListWidgetItem(self._script_text(s))
            item.setData(ID_ROLE, s.id)
            item.setToolTip(self._script_tooltip(s))
            self.scripts.addItem(item)
        self.scripts.blockSignals(False)
        self.files.clear()
        for f in proposal.files if proposal else ():
            if f.role is FileRole.SCRIPT:
                continue
            item = QListWidgetItem(f"{f.original_name} — {file_role_label(f.role)}")
            item.setData(ID_ROLE, f.id)
            item.setToolTip(
                self.tr("Added by {who}, {when}\nSHA-256 {sha}").format(
                    who=f.added_by, when=when_text(f.added_at), sha=f.sha256
                )
            )
            self.files.addItem(item)
        self.select_script(chosen)
        self._show_mapping()

    def _script_text(self, s: ProposalScript) -> str:
        try:
            kind = format_label(ScriptFormat(s.format))
        except ValueError:
            kind = s.format
        return " · ".join(
            [
                s.original_name,
                kind,
                count_text(s.scene_count, self.tr("{n} scene"), self.tr("{n} scenes")),
                count_text(s.ai_uses, self.tr("{n} AI use"), self.tr("{n} AI uses")),
            ]
        )

    def _script_tooltip(self, s: ProposalScript) -> str:
        text = self.tr("Added by {who}, {when}").format(who=s.added_by, when=when_text(s.added_at))
        if s.warnings:
            language = model_language()
            text += "\n" + "\n".join(in_language(w, language) for w in s.warnings[:10])
        return text

    def current_script_id(self) -> int | None:
        item = self.scripts.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def select_script(self, script_id: int | None) -> None:
        for row in range(self.scripts.count()):
            item = self.scripts.item(row)
            if item is not None and (script_id is None or item.data(ID_ROLE) == script_id):
                self.scripts.setCurrentRow(row)
                return

    def _show_mapping(self) -> None:
        p = self.proposal
        script_id = self.current_script_id()
        script = next((s for s in p.scripts if s.id == script_id), None) if p else None
        self.mapping.set_script(p, script)
        self._update_buttons()

    def _update_buttons(self) -> None:
        open_ = self.proposal is not None and self.proposal.status.is_open
        idle = self.task is None
        for button in (self.add_script_button, self.add_file_button):
            button.setEnabled(open_ and idle)
        self.scripts.setAcceptDrops(open_ and idle)
        self.files.setAcceptDrops(open_ and idle)
        self.remove_script_button.setEnabled(open_ and self.scripts.currentItem() is not None)
        self.remove_file_button.setEnabled(open_ and self.files.currentItem() is not None)

    # -- adding --------------------------------------------------------------------------------
    def choose_scripts(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add scripts"),
            self.ctx.settings.get(LAST_SCRIPT_FOLDER),
            self.tr("Scripts (*.fountain *.spmd *.fdx *.pdf *.docx *.txt *.text);;All files (*)"),
        )
        if paths:
            self.ctx.settings.set(LAST_SCRIPT_FOLDER, str(Path(paths[0]).parent))
            self.attach([Path(p) for p in paths], scripts=True)

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add files"))
        if paths:
            self.attach([Path(p) for p in paths], scripts=False)

    def attach(self, paths: list[Path], scripts: bool) -> Task[Attached] | None:
        """Attach `paths` in the background (scripts are read and checked for AI use)."""
        p = self.proposal
        if p is None or not paths:
            return None
        if self.task is not None:
            self.message.emit(self.tr("Still attaching files; wait for them first."))
            return self.task
        service = self.service
        proposal_id = p.id
        markers_file = self.ctx.settings.get(SCRIPT_MARKERS_FILE)
        role = FileRole(self.role.currentData())
        reading = self.tr("Reading {file}…")

        def work(control: TaskControl) -> Attached:
            markers = load_marker_set(markers_file) if scripts else None
            done: list[ProposalScript | ProposalFile] = []
            problems: list[tuple[str, UserError]] = []
            for n, path in enumerate(paths):
                control.check()
                control.set_label(reading.format(file=path.name))
                control.progress(n, len(paths))
                try:
                    if scripts:
                        done.append(service.attach_script(proposal_id, path, markers=markers))
                    else:
                        done.append(service.attach_file(proposal_id, path, role=role))
                except UserError as e:
                    problems.append((path.name, e))
            control.progress(len(paths), len(paths))
            return done, problems

        def finished(result: Attached) -> None:
            self.task = None
            done, problems = result
            if done:
                self.changed.emit()
                self.message.emit(
                    self.tr("Attached {n} file(s) to proposal #{id}.").format(
                        n=len(done), id=proposal_id
                    )
                )
            if done and scripts and shiboken6.isValid(self):
                self.select_script(done[-1].id)
            if problems and shiboken6.isValid(self):
                show_error(self, _joined(problems))
            if shiboken6.isValid(self):
                self._update_buttons()

        def failed(error: BaseException) -> None:
            self.task = None
            if shiboken6.isValid(self):
                self._update_buttons()
                self.changed.emit()  # some files may be attached already
            show_error(self, error)

        def cancelled() -> None:
            self.task = None
            if shiboken6.isValid(self):
                self._update_buttons()
                self.changed.emit()

        self.task = run_task(
            self,
            work,
            finished,
            label=self.tr("Attaching {n} file(s)…").format(n=len(paths)),
            on_error=failed,
            on_cancelled=cancelled,
        )
        self._update_buttons()
        return self.task

    # -- removing ------------------------------------------------------------------------------
    def remove_script(self) -> QMessageBox | None:
        item = self.scripts.currentItem()
        if item is None or self.proposal is None:
            return None
        script_id = int(item.data(ID_ROLE))
        name = next((s.original_name for s in self.proposal.scripts if s.id == script_id), "")
        return self._confirm(
            self.tr(
                "Take the script {name} off proposal #{id}? Its character mapping and AI uses "
                "no longer count in checks. The stored copy and the audit trail keep it; this "
                "cannot be undone (attach the file again if needed)."
            ).format(name=name, id=self.proposal.id),
            lambda: self.service.detach_script(self.proposal_id(), script_id),
        )

    def remove_file(self) -> QMessageBox | None:
        item = self.files.currentItem()
        if item is None or self.proposal is None:
            return None
        file_id = int(item.data(ID_ROLE))
        return self._confirm(
            self.tr(
                "Take {name} off proposal #{id}? The stored copy and the audit trail keep it; "
                "this cannot be undone (attach the file again if needed)."
            ).format(name=item.text(), id=self.proposal.id),
            lambda: self.service.detach_file(self.proposal_id(), file_id),
        )

    def proposal_id(self) -> int:
        assert self.proposal is not None
        return self.proposal.id

    def _confirm(self, text: str, act: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove from the proposal"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmRemove")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(result: int) -> None:
            self.box = None
            if result != QMessageBox.StandardButton.Yes:
                return
            try:
                act()
            except UserError as e:
                show_error(self, e)
            self.changed.emit()

        box.finished.connect(answered)
        self.box = box
        box.open()
        return box


def _joined(problems: list[tuple[str, UserError]]) -> UserError:
    """One message for every file that could not be attached."""
    return UserError(
        "error.ui.proposals.not_attached",
        items=[
            phrase("error.ui.proposals.file_problem", name=n, problem=e.message)
            for n, e in problems
        ],
    )


def _same(a: Proposal | None, b: Proposal | None) -> bool:
    return a is not None and b is not None and a.id == b.id
