"""The main window: navigation between views, the menus, one undo stack and the status bar.

Views plug in with one call, `window.add_view(key, title, widget, shortcut, menu)` (one line
in `MainWindow._add_views`, which fixes the navigation order): the widget gets a navigation
entry, a View-menu item with its shortcut and, if given, its own menu in the menu bar while it
is shown. A view may also offer `focus_search()` (Edit → Find calls it), `save_state()`
(called on close) and a `summary_changed(str)` signal with a `summary` attribute (the text
shows in the status bar while the view is current). Every view pushes its edits onto
`window.undo_stack`, so Edit → Undo works the same everywhere; long work goes through
`ui.tasks.run_task` and errors through `ui.errors.show_error`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from models.clock import desk_user
from models.desk import Desk
from models.roster.service import RosterCounts
from models.storage.database import Database
from ui.about import AboutDialog
from ui.desk_changes import DeskChanges
from ui.desk_user import DeskUserDialog, needs_desk_user
from ui.elided import install_elided_tooltips
from ui.preferences import open_preferences
from ui.roster.view import RosterView
from ui.safety import Safety
from ui.settings import (
    CURRENT_VIEW,
    DEMO_OFFERED,
    DESK_USER,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)
from ui.tasks import running_tasks

OFFER_DEMO_ENV = "CONSENT_DESK_OFFER_DEMO"  # "0" turns the first-run offer off (kiosks, tests)


@dataclass
class ViewEntry:
    key: str
    title: str
    widget: QWidget
    item: QListWidgetItem
    action: QAction
    menu: QMenu | None
    summary: str = ""


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        settings: Settings,
        parent: QWidget | None = None,
        defer_views: bool = False,
    ) -> None:
        """`defer_views`: build the roster first and the other screens right after it has
        painted, so a person sees their roster as soon as possible (the GUI start uses it)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.db = db
        self.desk = Desk(db)  # every view's services, built once (models/desk.py)
        self.settings = settings
        self.roster = self.desk.roster
        self.undo_stack = QUndoStack(self)
        self._views: dict[str, ViewEntry] = {}
        self.demo_box: QMessageBox | None = None
        name = db.location.shown  # the file name, or the server address without its password
        self.setWindowTitle(name)  # Qt adds the application name: "desk.sqlite3 — Consent Desk"

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard focus stays in the view
        self.nav.setFixedWidth(160)
        self.nav.setStyleSheet(
            "QListWidget#navigation { border: none; border-right: 1px solid palette(mid);"
            " background: palette(window); }"
            " QListWidget#navigation::item { padding: 7px 12px; }"
        )
        self.nav.currentRowChanged.connect(self._on_nav)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary")
        self.statusBar().addPermanentWidget(self.summary_label)

        self._build_menus()
        self._add_roster_view()
        if defer_views:
            self._restore()
            self.roster_view.first_paint.connect(
                lambda: QTimer.singleShot(0, self._add_other_views),
                Qt.ConnectionType.SingleShotConnection,
            )
        else:
            self._add_other_views()
            self._restore()
        self.desk_changes = DeskChanges(self)  # refreshes the view when another desk saves

    def _add_roster_view(self) -> None:
        self.roster_view = RosterView(self.desk, self.undo_stack, self.settings, self)
        self.roster_view.files.message.connect(self.show_message)
        self.roster_view.counts_changed.connect(self._on_counts)
        self.roster_view.restore_requested.connect(lambda: self.safety.ask_restore())
        self._on_counts(self.roster_view.counts)
        self.add_view(
            "roster", self.tr("Roster"), self.roster_view, "Ctrl+1", menu=self.roster_view.menu
        )

    def _add_other_views(self) -> None:
        """Every other screen, in navigation order; a new view is one `register` line here.

        The view packages are imported here, not at the top: they pull in the rule checker,
        the script readers and the signing code, which the roster does not need to appear.
        """
        from ui.audit import register as register_audit
        from ui.consent import register as register_consent
        from ui.leak import register as register_leak
        from ui.proposals import register as register_proposals
        from ui.scripts import register as register_scripts
        from ui.statements import register as register_statements

        self.consent_screens = register_consent(self)  # Consent Ctrl+2, Deadlines Ctrl+3
        self.audit_view = register_audit(self)  # Audit trail Ctrl+4
        self.safety.files_checked.connect(lambda _problems: self.audit_view.show_integrity())
        self.scripts_view = register_scripts(self)  # Scripts Ctrl+5, File → Open script…
        self.proposals_view = register_proposals(self)  # Proposals Ctrl+6
        self.statements_view = register_statements(self)  # Statements Ctrl+7
        self.leak_view = register_leak(self)  # Leak day Ctrl+8
        self._add_statement_actions()
        from ui.desk_tools import DeskTools

        self.desk_tools = DeskTools(self)  # toolbar, Open Recent, Find everything, drops
        key = self.settings.get(CURRENT_VIEW)
        if key in self._views and key != self.current_key():
            self.show_view(key)

    def _add_statement_actions(self) -> None:
        """Artist → Export statement…: a signed statement for the chosen artist(s)."""
        from ui.statements import batch_export_for, export_statement_for

        roster = self.roster_view
        export_action = QAction(self.tr("Export &statement…"), roster)
        export_action.setObjectName("exportStatementForArtist")
        export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        export_action.triggered.connect(lambda: export_statement_for(self, roster.current_id()))
        batch_action = QAction(self.tr("Export statements for the selected artists…"), roster)
        batch_action.setObjectName("batchStatementsForArtists")
        batch_action.triggered.connect(lambda: batch_export_for(self, roster.selected_ids()))
        roster.menu.addSeparator()
        for action in (export_action, batch_action):
            roster.menu.addAction(action)
            roster.table.addAction(action)
        screens = getattr(self, "consent_screens", None)
        consent = getattr(screens, "view", None)
        if consent is not None:
            # the consent view's own export carries the date its matrix shows
            as_of_action = QAction(self.tr("Export statement &as of the date shown…"), consent)
            as_of_action.setObjectName("exportStatementAsOf")
            as_of_action.triggered.connect(
                lambda: consent.artist is not None and export_statement_for(self, consent.artist.id)
            )
            consent.menu.addSeparator()
            consent.menu.addAction(as_of_action)
            self.export_as_of_action = as_of_action

    # -- views ---------------------------------------------------------------------------------
    def add_view(
        self,
        key: str,
        title: str,
        widget: QWidget,
        shortcut: str | None = None,
        menu: QMenu | None = None,
    ) -> QAction:
        """Register a screen: navigation entry, View-menu item (with shortcut), own menu."""
        if key in self._views:
            raise ValueError(f"a view called {key!r} is already registered")
        self.stack.addWidget(widget)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        action = QAction(title, self)
        action.setObjectName(f"show_{key}")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda: self.show_view(key))
        self.view_menu.addAction(action)
        if menu is not None:
            self.menuBar().insertMenu(self.help_menu.menuAction(), menu)
            menu.menuAction().setVisible(False)
        entry = ViewEntry(key, title, widget, item, action, menu)
        self._views[key] = entry
        install_elided_tooltips(widget)  # cut-short cells show their whole text on hover
        summary_signal = getattr(widget, "summary_changed", None)
        if summary_signal is not None:
            entry.summary = str(getattr(widget, "summary", ""))
            summary_signal.connect(lambda text: self._on_summary(key, text))
        if self.nav.count() == 1:
            self.show_view(key)
        return action

    def show_view(self, key: str) -> None:
        entry = self._views[key]
        self.nav.setCurrentItem(entry.item)  # _on_nav does the rest

    def current_key(self) -> str | None:
        item = self.nav.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def current_view(self) -> QWidget | None:
        return self.stack.currentWidget()

    def view_keys(self) -> list[str]:
        return list(self._views)

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        key = self.current_key()
        for entry in self._views.values():
            if entry.menu is not None:
                entry.menu.menuAction().setVisible(entry.key == key)
        if key is None:
            return
        entry = self._views[key]
        self.stack.setCurrentWidget(entry.widget)
        self.statusBar().clearMessage()  # a note about the view left behind does not follow
        self.summary_label.setText(entry.summary)
        entry.widget.setFocus()

    def _on_summary(self, key: str, text: str) -> None:
        self._views[key].summary = text
        if key == self.current_key():
            self.summary_label.setText(text)

    # -- menus ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self.file_menu.addAction(self.tr("&Import roster…"))
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda: self.roster_view.files.import_roster())
        self.export_action = self.file_menu.addAction(self.tr("&Export roster…"))
        self.export_action.triggered.connect(
            lambda: self.roster_view.files.export_roster(
                self.roster_view.archived_check.isChecked()
            )
        )
        self.demo_action = self.file_menu.addAction(self.tr("Load &demo roster"))
        self.demo_action.setToolTip(self.tr("Only possible while the roster is empty"))
        self.demo_action.triggered.connect(lambda: self.roster_view.files.load_demo_roster())
        self.file_menu.addSeparator()
        self.safety = Safety(self, self.db)
        self.file_menu.addAction(self.safety.backup_action)
        self.file_menu.addAction(self.safety.restore_action)
        self.file_menu.addSeparator()
        user_action = self.file_menu.addAction(self.tr("Desk &user name…"))
        user_action.setObjectName("deskUserAction")
        user_action.triggered.connect(self.ask_desk_user)
        self.file_menu.addSeparator()
        quit_action = self.file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.find_action = self.edit_menu.addAction(self.tr("&Find"))
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.find_in_view)
        self.edit_menu.addSeparator()
        self.preferences_action = self.edit_menu.addAction(self.tr("&Preferences…"))
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(lambda: open_preferences(self))

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        about = self.help_menu.addAction(self.tr("&About Consent Desk"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)

    def menu(self, name: str) -> QMenu:
        """The File, Edit, View or Help menu, for views that add their own entries."""
        return {
            "file": self.file_menu,
            "edit": self.edit_menu,
            "view": self.view_menu,
            "help": self.help_menu,
        }[name]

    def find_in_view(self) -> None:
        view = self.current_view()
        focus = getattr(view, "focus_search", None)
        if callable(focus):
            focus()

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def ask_desk_user(self) -> DeskUserDialog:
        """File → Desk user name…, and the first start: who is at this desk."""
        dialog = DeskUserDialog(self.settings.get(DESK_USER) or "", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_desk_user(dialog.name()))
        dialog.open()
        return dialog

    def should_ask_desk_user(self) -> bool:
        return needs_desk_user(self.settings)

    def set_desk_user(self, name: str) -> None:
        self.settings.set(DESK_USER, name)
        self.db.actor = name or desk_user()
        self.show_message(self.tr("Changes are now recorded as {name}.").format(name=self.db.actor))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    def _on_counts(self, counts: RosterCounts) -> None:
        self.demo_action.setEnabled(counts.total == 0)

    # -- first run -----------------------------------------------------------------------------
    def first_start(self) -> None:
        """Ask who is at the desk (once per OS user), then offer the demo on an empty roster."""
        offer = self.should_offer_demo()
        if self.should_ask_desk_user():
            dialog = self.ask_desk_user()
            if offer:
                dialog.finished.connect(lambda _r: self.offer_demo())
        elif offer:
            self.offer_demo()

    def should_offer_demo(self) -> bool:
        return (
            os.environ.get(OFFER_DEMO_ENV, "1") != "0"
            and not self.settings.get(DEMO_OFFERED)
            and self.roster.is_empty()
        )

    def offer_demo(self) -> QMessageBox | None:
        """First run on an empty database: offer the fictional demo agency (asked once)."""
        if not self.roster.is_empty():
            return None
        self.settings.set(DEMO_OFFERED, True)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Try the demo roster?"),
            self.tr(
                "Your roster is empty. Load a fictional demo agency (about 30 artists, Chinese "
                "and Western names) to try Consent Desk?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("demoOffer")
        box.setInformativeText(
            self.tr(
                "Demo artists stay in this database (they can be archived, never deleted). "
                "To keep real records apart, start Consent Desk with another database (--db)."
            )
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._demo_answered)
        self.demo_box = box
        box.open()
        return box

    def _demo_answered(self, result: int) -> None:
        self.demo_box = None
        if result == QMessageBox.StandardButton.Yes:
            self.roster_view.files.load_demo_roster()

    # -- window state --------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1180, 720)
        state = self.settings.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        key = self.settings.get(CURRENT_VIEW)
        if key in self._views:
            self.show_view(key)

    def save_state(self) -> None:
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        self.settings.set(CURRENT_VIEW, self.current_key() or "roster")
        for entry in self._views.values():
            save = getattr(entry.widget, "save_state", None)
            if callable(save):
                save()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if running_tasks():
            event.ignore()
            self.show_message(
                self.tr("Please wait for the running task to finish (or cancel it) first.")
            )
            return
        self.save_state()
        super().closeEvent(event)
