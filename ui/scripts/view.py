"""The Scripts screen: a script's breakdown and every place it uses someone's likeness or voice
through AI.

A script comes in through File → Open script… (Ctrl+O) or by dropping the file on the view;
reading and detection run through `run_task`, so the window keeps responding, a progress window
appears for slow files and Cancel leaves the current breakdown exactly as it was. Nothing about
the script is stored: a confidential script is read, shown and forgotten when another is opened.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.scripts import AiUse, MarkerSet, ScriptFormat
from ui.errors import show_error
from ui.scripts.analysis import ScriptAnalysis, analyse, load_marker_set
from ui.scripts.labels import count_text, format_label
from ui.scripts.panes import USES_TAB, WARNING_LINE_ROLE, BreakdownPanes
from ui.scripts.tables import AiUseTableModel, CharacterTableModel, SceneTableModel
from ui.settings import LAST_SCRIPT_FOLDER, SCRIPT_MARKERS_FILE, SCRIPTS_LAYOUT, Settings
from ui.tasks import PROGRESS_DELAY_MS, Task, TaskControl, run_task

EMPTY_PAGE, BREAKDOWN_PAGE = 0, 1


class ScriptsView(QWidget):
    """Open a script, see its scenes, characters and AI use, and walk through the hits."""

    summary_changed = Signal(str)  # "48 scenes · 12 characters · 3 AI uses"
    message = Signal(str)  # a short note for the status bar
    wants_showing = Signal()  # File → Open script… from another view brings this one forward
    opened = Signal(object)  # the new ScriptAnalysis, once shown

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptsView")
        self.setAcceptDrops(True)
        self.settings = settings
        self.analysis: ScriptAnalysis | None = None
        self.task: Task[ScriptAnalysis] | None = None
        self._reading = ""
        self.progress_delay_ms = PROGRESS_DELAY_MS
        self.summary = self.tr("No script open")
        self.scenes = SceneTableModel(self)
        self.characters = CharacterTableModel(self)
        self.uses = AiUseTableModel(self)
        self._build()
        self._build_actions()
        self._restore_state()
        self._show_analysis(None)

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.panes = BreakdownPanes(self.scenes, self.characters, self.uses, self)
        self.scene_table = self.panes.scene_table
        self.character_table = self.panes.character_table
        self.use_table = self.panes.use_table
        self.text = self.panes.text
        self._announce: ScriptAnalysis | None = None  # opened once its text is all in
        self.text.complete.connect(self._text_complete)
        self.tabs = self.panes.tabs
        self.warning_list = self.panes.warning_list
        self.warning_list.itemActivated.connect(self._warning_activated)
        self.warning_list.itemClicked.connect(self._warning_activated)

        empty = QWidget(self)
        self.empty_label = QLabel(
            self.tr(
                "Open a script to see its scenes, characters and every place it uses a "
                "person's likeness or voice through AI.\n\nFountain, Final Draft (.fdx), PDF, "
                "Word (.docx) or plain text (Chinese layouts included): choose File → Open "
                "script… (Ctrl+O) or drop the file here. The script stays on this computer."
            ),
            empty,
        )
        self.empty_label.setObjectName("scriptsEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMaximumWidth(520)
        self.open_button = QPushButton(self.tr("&Open script…"), empty)
        self.open_button.setObjectName("openScriptButton")
        self.open_button.clicked.connect(self.open_script)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(empty)
        self.pages.addWidget(self.panes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.pages)

        for table in (self.scene_table, self.character_table, self.use_table):
            table.selectionModel().currentRowChanged.connect(
                lambda current, _previous, t=table: self._row_chosen(t, current)
            )
            table.clicked.connect(lambda index, t=table: self._row_chosen(t, index))

    def _action(self, name: str, text: str, shortcut: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(
            "openScript", self.tr("&Open script…"), "Ctrl+O", self.open_script
        )
        # File → Open script… works from every screen of the window, and brings this one up.
        self.open_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.next_action = self._action(
            "nextAiUse", self.tr("&Next AI use"), "F3", self.next_ai_use
        )
        self.previous_action = self._action(
            "previousAiUse", self.tr("&Previous AI use"), "Shift+F3", self.previous_ai_use
        )
        self.reanalyse_action = self._action(
            "reanalyseScript", self.tr("&Analyse again"), "F5", self.reanalyse
        )
        self.markers_action = self._action(
            "useMarkersFile", self.tr("Use AI &markers file…"), "", self.choose_markers_file
        )
        self.shipped_markers_action = self._action(
            "useShippedMarkers",
            self.tr("Use the &shipped AI markers"),
            "",
            lambda: self.use_markers_file(""),
        )
        self.menu = QMenu(self.tr("&Script"), self)
        self.menu.setObjectName("scriptMenu")
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.reanalyse_action)
        self.menu.addSeparator()
        self.menu.addAction(self.next_action)
        self.menu.addAction(self.previous_action)
        self.menu.addSeparator()
        self.menu.addAction(self.markers_action)
        self.menu.addAction(self.shipped_markers_action)
        self._update_actions()

    def _update_actions(self) -> None:
        has_uses = self.analysis is not None and bool(self.analysis.uses)
        self.next_action.setEnabled(has_uses)
        self.previous_action.setEnabled(has_uses)
        self.reanalyse_action.setEnabled(self.analysis is not None)
        self.shipped_markers_action.setEnabled(bool(self.markers_file))

    # -- opening -------------------------------------------------------------------------------
    @property
    def markers_file(self) -> str:
        return self.settings.get(SCRIPT_MARKERS_FILE)

    def open_script(self) -> None:
        """File → Open script…: ask for a file, then read it in the background."""
        self.wants_showing.emit()
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open script"),
            self.settings.get(LAST_SCRIPT_FOLDER),
            self.tr(
                "Scripts (*.fountain *.spmd *.fdx *.pdf *.docx *.txt *.text)"
                ";;Fountain (*.fountain *.spmd);;Final Draft (*.fdx);;PDF (*.pdf)"
                ";;Word (*.docx);;Plain text (*.txt *.text);;All files (*)"
            ),
        )
        if path:
            self.settings.set(LAST_SCRIPT_FOLDER, str(Path(path).parent))
            self.open_file(Path(path))

    def open_file(self, path: Path, markers_file: str | None = None) -> Task[ScriptAnalysis]:
        """Read `path` and find its AI use on a worker thread; show it when done.

        `markers_file` ("" for the shipped list) is remembered only once it has worked.
        """
        self.wants_showing.emit()
        if self.task is not None:
            self.message.emit(
                self.tr("Still reading {file}; wait for it or cancel it first.").format(
                    file=self._reading
                )
            )
            return self.task
        chosen = self.markers_file if markers_file is None else markers_file
        label = self.tr("Reading {file}…").format(file=path.name)
        detecting = self.tr("Looking for AI use in {file}…").format(file=path.name)

        def work(control: TaskControl) -> ScriptAnalysis:
            return analyse(path, chosen, control, detecting)

        def done(analysis: ScriptAnalysis) -> None:
            self.task = None
            if markers_file is not None and markers_file != self.markers_file:
                self._remember_markers(markers_file)
            if not any(line.strip() for line in analysis.document.lines):
                # "0 AI uses found" would read as a clean script: an empty file is not one
                self.warn_empty(path)
                return
            self._show_analysis(analysis)
            self.message.emit(
                self.tr("{file}: {uses}.").format(
                    file=path.name,
                    uses=count_text(
                        len(analysis.uses),
                        self.tr("{n} AI use found"),
                        self.tr("{n} AI uses found"),
                    ),
                )
            )

        def failed(error: BaseException) -> None:
            self.task = None
            show_error(self, error)

        def cancelled() -> None:
            self.task = None
            self.message.emit(
                self.tr("Opening {file} was cancelled; nothing changed.").format(file=path.name)
            )

        self.task = run_task(
            self,
            work,
            done,
            label=label,
            on_error=failed,
            on_cancelled=cancelled,
            delay_ms=self.progress_delay_ms,
        )
        self._reading = path.name
        return self.task

    def reanalyse(self) -> Task[ScriptAnalysis] | None:
        """F5: read the open script again (it may have been edited) with the current markers."""
        if self.analysis is None:
            return None
        return self.open_file(self.analysis.path)

    # -- markers -------------------------------------------------------------------------------
    def choose_markers_file(self) -> None:
        current = self.markers_file
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Use AI markers file"),
            str(Path(current).parent) if current else "",
            self.tr("AI marker lists (*.json);;All files (*)"),
        )
        if path:
            self.use_markers_file(path)

    def use_markers_file(self, path: str) -> Task[Any]:
        """Check a marker list ("" = the shipped one), remember it, and re-check the open script.

        A list that cannot be used is explained and not remembered; the breakdown stays as is.
        """
        if self.analysis is not None:
            return self.open_file(self.analysis.path, markers_file=path)

        def done(markers: MarkerSet) -> None:
            self._remember_markers(path)

        def failed(error: BaseException) -> None:
            show_error(self, error)

        return run_task(
            self,
            lambda _control: load_marker_set(path),
            done,
            label=self.tr("Checking the AI marker list…"),
            on_error=failed,
            delay_ms=self.progress_delay_ms,
        )

    def _remember_markers(self, path: str) -> None:
        self.settings.set(SCRIPT_MARKERS_FILE, path)
        self._update_actions()
        self.message.emit(
            self.tr("AI markers now come from {file}.").format(file=path)
            if path
            else self.tr("AI markers now come from the shipped list.")
        )

    # -- showing -------------------------------------------------------------------------------
    def warn_empty(self, path: Path) -> QMessageBox:
        """An empty file (or one with no readable text) is said to be so, never shown as clean."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Empty script"),
            self.tr(
                "{file} has no text to read, so it was not checked for AI use. Open the full "
                "script (a scanned PDF needs its text layer)."
            ).format(file=path.name),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("emptyScript")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.message.emit(self.tr("{file} is empty: not checked.").format(file=path.name))
        return box

    def _show_analysis(self, analysis: ScriptAnalysis | None) -> None:
        self.analysis = analysis
        for model in (self.scenes, self.characters, self.uses):
            model.set_analysis(analysis)
        if analysis is None:
            self.text.clear_script()
            self.pages.setCurrentIndex(EMPTY_PAGE)
            self.summary = self.tr("No script open")
        else:
            doc = analysis.document
            self.text.set_script(analysis.text, analysis.spans)
            self.panes.show_header(doc.title or doc.source_name, self._details(analysis))
            self.panes.show_warnings(doc)
            self.panes.set_counts(len(analysis.uses), len(doc.warnings))
            self.panes.fit_names(analysis)
            self.pages.setCurrentIndex(BREAKDOWN_PAGE)
            self.tabs.setCurrentIndex(USES_TAB)
            self.summary = " · ".join(
                [
                    count_text(len(doc.scenes), self.tr("{n} scene"), self.tr("{n} scenes")),
                    count_text(
                        len(doc.characters), self.tr("{n} character"), self.tr("{n} characters")
                    ),
                    count_text(len(analysis.uses), self.tr("{n} AI use"), self.tr("{n} AI uses")),
                ]
            )
            self.text.jump_to(1)
        self._update_actions()
        self.summary_changed.emit(self.summary)
        self._announce = None
        if analysis is not None:
            if self.text.filling:  # a long script's text goes in in slices: announce it after
                self._announce = analysis
            else:
                self.opened.emit(analysis)

    def _text_complete(self) -> None:
        announce, self._announce = self._announce, None
        if announce is not None and announce is self.analysis:
            self.opened.emit(announce)

    def _details(self, analysis: ScriptAnalysis) -> str:
        doc = analysis.document
        pages = (
            count_text(
                doc.pages,
                self.tr("about {n} page (estimated)"),
                self.tr("about {n} pages (estimated)"),
            )
            if doc.pages_estimated
            else count_text(doc.pages, self.tr("{n} page"), self.tr("{n} pages"))
        )
        parts = [format_label(doc.format), pages, doc.source_name]
        if doc.format in (ScriptFormat.FDX, ScriptFormat.DOCX):
            parts.append(self.tr("numbers are paragraphs"))
        markers = (
            self.tr("AI markers: {file}").format(file=Path(analysis.markers_file).name)
            if analysis.markers_file
            else self.tr("AI markers: shipped list")
        )
        parts.append(markers)
        return " · ".join(parts)

    # -- moving around -------------------------------------------------------------------------
    def _row_chosen(self, table: QTableView, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if table is self.use_table:
            use = self.uses.use_at(index.row())
            if use is not None:
                self.text.jump_to(use.line, use.column or 0)
            return
        model = table.model()
        line = model.line_at(index.row()) if hasattr(model, "line_at") else None
        if line is not None:
            self.text.jump_to(line)

    def _warning_activated(self, item: QListWidgetItem) -> None:
        line = item.data(WARNING_LINE_ROLE)
        if isinstance(line, int):
            self.text.jump_to(line)

    def jump_to_line(self, line: int) -> bool:
        return self.text.jump_to(line)

    def _use_key(self, use: AiUse) -> tuple[int, int]:
        return (use.line, use.column or 0)

    def next_ai_use(self) -> AiUse | None:
        """F3: the next AI use after the cursor in the script text (from the top after the last)."""
        return self._step(+1)

    def previous_ai_use(self) -> AiUse | None:
        """Shift+F3: the AI use before the cursor (from the end before the first)."""
        return self._step(-1)

    def _step(self, direction: int) -> AiUse | None:
        if self.analysis is None or not self.analysis.uses:
            return None
        uses = self.analysis.uses
        keys = [self._use_key(u) for u in uses]
        here = (self.text.current_line(), self.text.current_column())
        row = self.use_table.currentIndex().row()
        if 0 <= row < len(uses) and keys[row] == here:
            target = row + direction  # several uses at one place: step through them in order
        elif direction > 0:
            target = bisect.bisect_right(keys, here)
        else:
            target = bisect.bisect_left(keys, here) - 1
        if not 0 <= target < len(uses):
            target %= len(uses)
            self.message.emit(
                self.tr("Back to the first AI use.")
                if direction > 0
                else self.tr("On to the last AI use.")
            )
        self.tabs.setCurrentIndex(USES_TAB)
        index = self.uses.index(target, 0)
        self.use_table.setCurrentIndex(index)  # moves the text there (currentRowChanged)
        self.use_table.scrollTo(index)
        self.text.jump_to(uses[target].line, uses[target].column or 0)
        return uses[target]

    # -- drag and drop -------------------------------------------------------------------------
    @staticmethod
    def dropped_paths(mime: QMimeData) -> list[Path]:
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        if len(paths) > 1:
            self.message.emit(
                self.tr("One script at a time: opening {file}.").format(file=paths[0].name)
            )
        self.open_file(paths[0])

    # -- remembered layout ---------------------------------------------------------------------
    def _restore_state(self) -> None:
        self.panes.restore_state(self.settings.get(SCRIPTS_LAYOUT))

    def save_state(self) -> None:
        self.settings.set(SCRIPTS_LAYOUT, self.panes.save_state())
