"""Signed statements in the window: the register screen and the export, verify and identity
dialogs.

`register(window)` adds the Statements screen (Ctrl+7) with its Statements menu. Other screens
offer statements through the public functions below, e.g. the roster's Artist menu:

    action.triggered.connect(lambda: export_statement_for(window, roster.current_id()))
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.statements.actions import StatementActions
from ui.statements.view import StatementsView

if TYPE_CHECKING:
    from ui.main_window import MainWindow

STATEMENTS_KEY = "statements"
STATEMENTS_SHORTCUT = "Ctrl+7"


def _actions(window: MainWindow) -> StatementActions:
    view = getattr(window, "statements_view", None)
    if isinstance(view, StatementsView):
        return view.statement_actions
    found = window.findChild(StatementsView)
    if found is not None:
        return found.statement_actions
    return StatementActions(window, window.desk, window.settings)


def export_statement_for(
    window: MainWindow, artist_id: int | None, as_of: datetime | None = None
) -> QWidget:
    """Open "Export statement…" for one artist (None: pick the artist in the dialog).

    Without `as_of`, a consent matrix showing this artist at a past date lends its date, so
    "what did we say in April?" exports what the screen shows.
    """
    if as_of is None and artist_id is not None:
        as_of = matrix_as_of(window, artist_id)
    return _actions(window).export_for(artist_id, as_of)


def matrix_as_of(window: MainWindow, artist_id: int) -> datetime | None:
    """The past moment the consent view shows this artist at, if it does."""
    screens = getattr(window, "consent_screens", None)
    view = getattr(screens, "view", None)
    artist = getattr(view, "artist", None)
    if view is None or artist is None or artist.id != artist_id or not view.is_historical():
        return None
    when = view.as_of()
    return when if isinstance(when, datetime) else None


def batch_export_for(window: MainWindow, artist_ids: Sequence[int]) -> QWidget:
    """Open the batch export with these artists ticked."""
    return _actions(window).batch(artist_ids)


def verify_statement_file(window: MainWindow) -> QWidget:
    return _actions(window).verify(None)


def register(window: MainWindow) -> StatementsView:
    view = StatementsView(window.desk, window.settings, window)
    view.statement_actions.message.connect(window.show_message)
    title = QCoreApplication.translate("StatementScreens", "Statements")
    window.add_view(STATEMENTS_KEY, title, view, STATEMENTS_SHORTCUT, menu=view.menu)
    return view


__all__ = [
    "StatementsView",
    "batch_export_for",
    "export_statement_for",
    "register",
    "verify_statement_file",
]
