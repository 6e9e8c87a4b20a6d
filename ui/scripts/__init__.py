"""The Scripts screen: a script's scenes, characters and AI use of likeness or voice.

`register(window)` adds it to the main window's navigation (Ctrl+5), puts "Open script…"
(Ctrl+O) in the File menu, where it works from every screen, and shows the Script menu (next /
previous AI use, the AI markers file) while the screen is current.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.scripts.view import ScriptsView

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SCRIPTS_KEY = "scripts"
SCRIPTS_SHORTCUT = "Ctrl+5"


def register(window: MainWindow) -> ScriptsView:
    view = ScriptsView(window.settings, window)
    view.message.connect(window.show_message)
    view.wants_showing.connect(lambda: window.show_view(SCRIPTS_KEY))
    file_menu = window.menu("file")
    separators = [a for a in file_menu.actions() if a.isSeparator()]
    if separators:
        file_menu.insertAction(separators[0], view.open_action)
        file_menu.insertSeparator(view.open_action)
    else:
        file_menu.addAction(view.open_action)
    title = QCoreApplication.translate("ScriptScreens", "Scripts")
    window.add_view(SCRIPTS_KEY, title, view, SCRIPTS_SHORTCUT, menu=view.menu)
    return view


__all__ = ["ScriptsView", "register"]
