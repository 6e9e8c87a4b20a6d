"""What desk users expect of a desktop app: a toolbar, recent files, find anything, and
dropping a script anywhere on the window.

- The toolbar carries the main actions of every journey (add an artist, import the roster,
  open a script, export a statement, leak day, find).
- File → Open Recent lists the scripts and leak-day lists opened lately (kept in the
  settings, newest first) and opens them again where they belong.
- Edit → Find everything… (Ctrl+Shift+F) looks up artists, proposals and statements by name
  or id (models/find.py) and jumps to the one chosen.
- A script dropped anywhere on the window opens in Scripts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolBar,
    QVBoxLayout,
)

from models.find import Hit, HitKind, find_everything
from models.scripts.reader import SUFFIXES as SCRIPT_SUFFIXES
from ui.geometry import fit_to_screen
from ui.settings import RECENT_FILES, Settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow

MAX_RECENT = 10
SCRIPT = "script"
LEAK_LIST = "leak_list"
PROPOSAL = "proposal"  # a proposal opened in the app (by id; its file was imported once)
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
FIND_DELAY_MS = 120


class RecentFiles:
    """The files and proposals opened lately, newest first; kept in the settings.

    A file is kept as [kind, path]; a proposal as ["proposal", id, label], because opening it
    again must show the stored proposal, not import its JSON file a second time.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def _raw(self) -> list[list[str]]:
        try:
            raw = json.loads(self.settings.get(RECENT_FILES))
        except ValueError:
            return []
        return [
            item
            for item in (raw if isinstance(raw, list) else [])
            if isinstance(item, list)
            and len(item) in (2, 3)
            and all(isinstance(x, str) for x in item)
        ]

    def entries(self) -> list[tuple[str, Path]]:
        """The recent files (scripts, leak lists)."""
        return [(item[0], Path(item[1])) for item in self._raw() if item[0] != PROPOSAL]

    def proposals(self) -> list[tuple[int, str]]:
        """The recent proposals: (id, label)."""
        return [
            (int(item[1]), item[2])
            for item in self._raw()
            if item[0] == PROPOSAL and len(item) == 3 and item[1].isdigit()
        ]

    def _keep(self, new: list[str]) -> None:
        kept = [item for item in self._raw() if item[:2] != new[:2]]
        kept.insert(0, new)
        self.settings.set(RECENT_FILES, json.dumps(kept[: 2 * MAX_RECENT]))

    def add(self, kind: str, path: Path) -> None:
        self._keep([kind, str(path.resolve())])
        files = self.entries()
        if len(files) > MAX_RECENT:  # at most MAX_RECENT of each
            dropped = {str(p) for _k, p in files[MAX_RECENT:]}
            self.settings.set(
                RECENT_FILES,
                json.dumps([i for i in self._raw() if i[0] == PROPOSAL or i[1] not in dropped]),
            )

    def add_proposal(self, proposal_id: int, label: str) -> None:
        self._keep([PROPOSAL, str(proposal_id), label])
        extra = self.proposals()[MAX_RECENT:]
        if extra:
            gone = {str(i) for i, _l in extra}
            self.settings.set(
                RECENT_FILES,
                json.dumps([i for i in self._raw() if not (i[0] == PROPOSAL and i[1] in gone)]),
            )


class FindEverythingDialog(QDialog):
    """Type a name or an id; Enter (or a double-click) goes to the chosen hit."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("findEverything")
        self.setWindowTitle(self.tr("Find everything"))
        self.window_ = window
        self.query = QLineEdit(self)
        self.query.setObjectName("findEverythingQuery")
        self.query.setPlaceholderText(
            self.tr("Artist, proposal or statement: 中文, pinyin, English or an id")
        )
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("findEverythingResults")
        self.hint = QLabel(self)
        self.hint.setEnabled(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FIND_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._go_current)
        self.results.itemActivated.connect(self.go)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.setSizeGripEnabled(True)
        fit_to_screen(self, 560, 420)

    def labels(self) -> dict[HitKind, str]:
        return {
            HitKind.ARTIST: self.tr("Artist"),
            HitKind.PROPOSAL: self.tr("Proposal"),
            HitKind.STATEMENT: self.tr("Statement"),
        }

    def run(self) -> list[Hit]:
        self._timer.stop()
        hits = find_everything(self.window_.db, self.query.text())
        self.results.clear()
        kinds = self.labels()
        for hit in hits:
            item = QListWidgetItem(f"{kinds[hit.kind]} · {hit.text}")
            item.setData(HIT_ROLE, hit)
            item.setToolTip(hit.text)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
            self.hint.setText(self.tr("Enter goes to the highlighted one."))
        else:
            self.hint.setText(self.tr("Nothing found.") if self.query.text().strip() else "")
        return hits

    def _go_current(self) -> None:
        if self._timer.isActive():
            self.run()
        item = self.results.currentItem()
        if item is not None:
            self.go(item)

    def go(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if isinstance(hit, Hit):
            go_to(self.window_, hit)
            self.accept()


def go_to(window: MainWindow, hit: Hit) -> None:
    """Show the view a hit lives in, with the hit selected."""
    if hit.kind is HitKind.ARTIST:
        window.show_view("roster")
        view = window.roster_view
        view.search_edit.clear()
        view.refresh(query="", include_archived=True, select=[int(hit.key)])
    elif hit.kind is HitKind.PROPOSAL:
        window.show_view("proposals")
        proposals = window.proposals_view
        proposals.show_list()
        proposals.refresh()
        proposals.select(int(hit.key))
    elif hit.kind is HitKind.STATEMENT:
        window.show_view("statements")
        statements = window.statements_view
        if not statements.select(hit.key):  # issued since the register was read
            task = statements.refresh()
            if task is not None:
                task.finished.connect(lambda: statements.select(hit.key))


class ScriptDrops(QObject):
    """A script dropped anywhere on the window opens in Scripts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    @staticmethod
    def scripts_in(event: QDropEvent) -> list[Path]:
        mime = event.mimeData()
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in SCRIPT_SUFFIXES]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window_:
            return False
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDropEvent)
            if self.scripts_in(event):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = self.scripts_in(event)
            if paths:
                event.acceptProposedAction()
                open_script(self.window_, paths[0])
                return True
        return False


def open_script(window: MainWindow, path: Path) -> None:
    window.show_view("scripts")
    window.scripts_view.open_file(path)


def open_recent(window: MainWindow, kind: str, path: Path) -> None:
    if not path.exists():
        window.show_message(
            QCoreApplication.translate("DeskTools", "{file} is no longer there.").format(file=path)
        )
        return
    if kind == SCRIPT:
        open_script(window, path)
    elif kind == LEAK_LIST:
        window.show_view("leak")
        window.leak_view.open_list(path)


class DeskTools(QObject):
    """Installs the toolbar, Open Recent, Find everything and drops on a main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.recent = RecentFiles(window.settings)
        self.drops = ScriptDrops(window)
        self.find_action = QAction(self.tr("Find &everything…"), window)
        self.find_action.setObjectName("findEverythingAction")
        self.find_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.find_action.triggered.connect(self.find_everything)
        window.menu("edit").insertAction(window.find_action, self.find_action)
        window.addAction(self.find_action)
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self.recent_menu.setObjectName("openRecentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        file_menu = window.menu("file")
        file_menu.insertMenu(window.import_action, self.recent_menu)
        window.scripts_view.opened.connect(lambda analysis: self.recent.add(SCRIPT, analysis.path))
        proposals = getattr(window, "proposals_view", None)
        if proposals is not None:
            proposals.proposal_opened.connect(self.recent.add_proposal)
        list_opened = getattr(window.leak_view, "list_opened", None)
        if list_opened is not None:
            list_opened.connect(lambda path: self.recent.add(LEAK_LIST, path))
        self.toolbar = self._toolbar()
        self.dialog: FindEverythingDialog | None = None

    def _toolbar(self) -> QToolBar:
        w = self.window_
        bar = QToolBar(self.tr("Main actions"), w)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        add = QAction(self.tr("New artist"), bar)
        add.setObjectName("toolbarNewArtist")
        add.triggered.connect(lambda: self._add_artist())
        bar.addAction(add)
        bar.addAction(w.import_action)
        bar.addAction(w.scripts_view.open_action)
        bar.addSeparator()
        for key, text, name in (
            ("consent", self.tr("Consent"), "toolbarConsent"),
            ("proposals", self.tr("Proposals"), "toolbarProposals"),
            ("statements", self.tr("Statements"), "toolbarStatements"),
            ("leak", self.tr("Leak day"), "toolbarLeak"),
        ):
            if key in w.view_keys():
                action = QAction(text, bar)
                action.setObjectName(name)
                action.triggered.connect(lambda _c=False, k=key: w.show_view(k))
                bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.find_action)
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        return bar

    def _add_artist(self) -> None:
        self.window_.show_view("roster")
        self.window_.roster_view.add_artist()

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        entries = self.recent.entries()
        proposals = self.recent.proposals()
        if not entries and not proposals:
            empty = self.recent_menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
            return
        kinds = {SCRIPT: self.tr("Script"), LEAK_LIST: self.tr("Leak list")}
        for kind, path in entries:
            action = self.recent_menu.addAction(f"{path.name} — {kinds.get(kind, kind)}")
            action.setToolTip(str(path))
            action.triggered.connect(
                lambda _c=False, k=kind, p=path: open_recent(self.window_, k, p)
            )
        if entries and proposals:
            self.recent_menu.addSeparator()
        for proposal_id, label in proposals:
            action = self.recent_menu.addAction(self.tr("Proposal {label}").format(label=label))
            action.triggered.connect(lambda _c=False, i=proposal_id: self._open_proposal(i))

    def _open_proposal(self, proposal_id: int) -> None:
        self.window_.show_view("proposals")
        self.window_.proposals_view.open_proposal(proposal_id)

    def find_everything(self) -> FindEverythingDialog:
        dialog = FindEverythingDialog(self.window_)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        dialog.open()
        dialog.query.setFocus()
        return dialog


__all__ = ["DeskTools", "FindEverythingDialog", "RecentFiles", "go_to"]
