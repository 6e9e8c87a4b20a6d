"""Noticing other desks' saves: the screen in front refreshes when someone else changed data.

Several desks can share one PostgreSQL database (or, rarely, one SQLite file). While the
window is active, a timer asks every few seconds whether another desk user saved anything
(models/storage/changes.py: one index lookup), and it asks at once when the window becomes
active again; on PostgreSQL a notification sent at each commit makes it ask immediately. When
something changed, the current view's `refresh()` runs, but never under an open dialog (the
person may be editing there): then it waits for the next check.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from models.storage.changes import ChangeListener, changes_since, latest_change

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger("consent_desk.ui.changes")

POLL_MS = 4000


class DeskChanges(QObject):
    """Watches the database for other desks' saves on behalf of the main window."""

    refreshed = Signal()  # the current view was refreshed because another desk saved
    _heard = Signal()  # from the listener thread; queued onto the GUI thread

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.seen = self._latest()
        self._pending = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)
        self._heard.connect(self.check, Qt.ConnectionType.QueuedConnection)
        self.listener = ChangeListener(window.db, self._heard.emit)
        self.listening = self.listener.start()
        listener = self.listener  # not `self`: stopped even after this wrapper is gone
        self.destroyed.connect(lambda *_: listener.stop())
        if window.isActiveWindow():
            self.timer.start()

    def _latest(self) -> int:
        try:
            return latest_change(self.window.db)
        except Exception as e:  # an unreachable server must not stop the window opening
            log.warning("cannot read the latest change: %s", e)
            return 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.WindowActivate:
                self.timer.start()
                QTimer.singleShot(0, self.check)
            elif event.type() == QEvent.Type.WindowDeactivate:
                self.timer.stop()
        return False

    def check(self) -> bool:
        """Refresh the current view if another desk saved since the last check; say if so."""
        try:
            found = changes_since(self.window.db, self.seen)
        except Exception as e:  # a busy or briefly unreachable server: try at the next tick
            log.warning("cannot check for other desks' changes: %s", e)
            return False
        self.seen = found.latest
        self._pending = self._pending or found.by_others
        if not self._pending or QApplication.activeModalWidget() is not None:
            return False
        self._pending = False
        refresh = getattr(self.window.current_view(), "refresh", None)
        if callable(refresh):
            refresh()
        self.refreshed.emit()
        return True

    def stop(self) -> None:
        self.timer.stop()
        self.listener.stop()
