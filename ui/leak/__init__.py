"""Leak day: match a published list of names to the roster and answer it with signed
statements.

`register(window)` adds the screen (Ctrl+8). The roster index it matches against is rebuilt
after the roster changes (any undoable edit, an import, the demo roster).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.leak.view import LeakView

if TYPE_CHECKING:
    from ui.main_window import MainWindow

LEAK_KEY = "leak"
LEAK_SHORTCUT = "Ctrl+8"


def register(window: MainWindow) -> LeakView:
    view = LeakView(window.desk, window.settings, window)
    view.message.connect(window.show_message)
    window.undo_stack.indexChanged.connect(lambda _i: view.forget_matcher())
    window.roster_view.model.loaded.connect(view.forget_matcher)
    statements = getattr(window, "statements_view", None)  # registered before us
    refresh = getattr(statements, "refresh", None)
    if callable(refresh):
        view.statements_issued.connect(refresh)
    title = QCoreApplication.translate("LeakScreens", "Leak day")
    window.add_view(LEAK_KEY, title, view, LEAK_SHORTCUT)
    return view


__all__ = ["LeakView", "register"]
