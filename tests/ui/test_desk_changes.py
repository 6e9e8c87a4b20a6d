"""The window notices other desks' saves (issue 10): the screen in front refreshes itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from ui.main_window import MainWindow


def another_desk_adds(window: MainWindow, name: str) -> None:
    other = Database.open(window.db.location.url, actor="another desk")
    try:
        RosterService(other).add(ArtistDraft(name, jurisdiction="CN"))
    finally:
        other.close()


def test_an_artist_added_at_another_desk_appears_in_the_roster(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.show_view("roster")
    shown = window.roster_view.model.rowCount()
    another_desk_adds(window, "新来的")
    with qtbot.waitSignal(window.desk_changes.refreshed, timeout=5000):
        window.desk_changes.check()
    qtbot.waitUntil(lambda: window.roster_view.model.rowCount() == shown + 1)
    # nothing new since: the next check leaves the screen alone
    assert window.desk_changes.check() is False


def test_our_own_saves_do_not_trigger_a_refresh(window: MainWindow) -> None:
    RosterService(window.db).add(ArtistDraft("自己加的", jurisdiction="CN"))
    assert window.desk_changes.check() is False


def test_no_refresh_under_an_open_dialog_until_it_closes(window: MainWindow, qtbot: QtBot) -> None:
    window.show_view("roster")
    shown = window.roster_view.model.rowCount()
    another_desk_adds(window, "新来的")
    box = QMessageBox(window)
    box.setModal(True)
    box.open()
    qtbot.waitUntil(lambda: box.isVisible())
    assert window.desk_changes.check() is False  # the person may be editing in the dialog
    assert window.roster_view.model.rowCount() == shown
    box.close()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.desk_changes.check() is True  # remembered, refreshed once it closed
    qtbot.waitUntil(lambda: window.roster_view.model.rowCount() == shown + 1)


def test_the_poll_runs_only_while_the_window_is_active(window: MainWindow, qtbot: QtBot) -> None:
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    assert not window.desk_changes.timer.isActive()
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    assert window.desk_changes.timer.isActive()
