"""Consent screens: the artist's consent records (matrix, history, form) and the deadlines.

`register(window)` plugs them into the main window: two views, "Open consent records" (Ctrl+R)
on the roster's Artist menu, a count of deadlines beside "Deadlines" in the navigation, and the
signals that keep the roster, the deadlines and the consent view in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from models.consent.deadlines import DeadlineCounts
from ui.consent.deadlines import DeadlinesView
from ui.consent.view import ConsentView

if TYPE_CHECKING:
    from ui.main_window import MainWindow

CONSENT_KEY = "consent"
DEADLINES_KEY = "deadlines"
CONSENT_SHORTCUT = "Ctrl+2"
DEADLINES_SHORTCUT = "Ctrl+3"
OPEN_SHORTCUT = "Ctrl+R"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentScreens", text)


@dataclass(frozen=True)
class ConsentScreens:
    view: ConsentView
    deadlines: DeadlinesView
    open_action: QAction


def deadlines_title(counts: DeadlineCounts) -> str:
    if counts.total:
        return _tr("Deadlines ({n})").format(n=counts.total)
    return _tr("Deadlines")


def register(window: MainWindow) -> ConsentScreens:
    """Add the consent view and the deadlines dashboard to `window`."""
    view = ConsentView(window.desk, window.undo_stack, window)
    deadlines = DeadlinesView(window.desk, window.undo_stack, window)
    window.add_view(CONSENT_KEY, _tr("Consent records"), view, CONSENT_SHORTCUT, menu=view.menu)
    window.add_view(DEADLINES_KEY, deadlines_title(deadlines.counts()), deadlines,
                    DEADLINES_SHORTCUT)  # fmt: skip

    roster = window.roster_view
    open_action = QAction(_tr("Open &consent records"), roster)
    open_action.setObjectName("openConsent")
    open_action.setShortcut(QKeySequence(OPEN_SHORTCUT))
    open_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    roster.addAction(open_action)
    roster.table.addAction(open_action)  # the table's right-click menu lists its actions
    roster.menu.addSeparator()
    roster.menu.addAction(open_action)

    def open_selected() -> None:
        artist_id = roster.current_id()
        if artist_id is None:
            ids = roster.selected_ids()
            artist_id = ids[0] if ids else None
        if artist_id is None:
            window.show_message(_tr("Select an artist first."))
            return
        view.show_artist(artist_id)
        window.show_view(CONSENT_KEY)

    def update_open() -> None:
        open_action.setEnabled(bool(roster.table.selectionModel().selectedRows()))

    def open_record(artist_id: int, record_id: int) -> None:
        view.show_artist(artist_id)
        view.select_record(record_id)
        window.show_view(CONSENT_KEY)

    def badge(counts: DeadlineCounts) -> None:
        for row in range(window.nav.count()):
            item = window.nav.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == DEADLINES_KEY:
                item.setText(deadlines_title(counts))
                item.setToolTip(deadlines.summary)

    open_action.triggered.connect(open_selected)
    roster.table.selectionModel().selectionChanged.connect(lambda *_a: update_open())
    roster.model.modelReset.connect(update_open)
    update_open()
    deadlines.open_record.connect(open_record)
    deadlines.counts_changed.connect(badge)
    view.records_changed.connect(lambda _a: deadlines.refresh())
    view.artist_changed.connect(lambda artist_id: roster.model.forget([artist_id]))
    view.message.connect(window.show_message)
    roster.model.loaded.connect(deadlines.refresh)  # roster import / demo load adds records
    return ConsentScreens(view, deadlines, open_action)


__all__ = ["ConsentScreens", "ConsentView", "DeadlinesView", "register"]
