"""The deadlines dashboard: what is listed, thresholds with undo, rows that open the artist,
and the count beside "Deadlines" in the navigation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from models.consent.deadlines import DeadlineService
from models.desk import Desk
from models.storage.database import Database
from tests.ui.consent.conftest import artist_id
from tests.ui.helpers import wait_for_tasks
from ui.consent import ConsentScreens, register
from ui.consent.deadlines import ARTIST_ROLE, RECORD_ROLE, DeadlinesView
from ui.consent.view import ConsentView
from ui.main_window import MainWindow
from ui.settings import Settings


@pytest.fixture
def deadlines(qtbot: QtBot, demo_db: Database, undo_stack: QUndoStack) -> Iterator[DeadlinesView]:
    widget = DeadlinesView(Desk(demo_db), undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    yield widget


def listed(view: DeadlinesView) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    tree = view.tree
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        assert group is not None
        names = []
        for c in range(group.childCount()):
            child = group.child(c)
            if child is not None and child.data(0, RECORD_ROLE) is not None:
                names.append(child.text(0))
        out[group.text(0).split(" (")[0]] = names
    return out


def test_demo_deadlines_are_listed_by_kind(deadlines: DeadlinesView) -> None:
    assert listed(deadlines) == {
        "Consents expiring within 30 days": ["陈静怡 (Chen Jingyi)"],
        "Decisions pending longer than 14 days": ["刘雨桐 (Liu Yutong)"],
        "Scans booked with less than 48 h notice": ["王子轩 (Wang Zixuan)"],
    }
    assert deadlines.counts().total == 3
    scan = deadlines.rows()[2]
    assert scan.text(4) == "36 h notice"
    assert "2 expiring" not in deadlines.summary and "1 expiring" in deadlines.summary


def test_activating_a_row_asks_to_open_that_artist_and_record(
    qtbot: QtBot, deadlines: DeadlinesView, demo_db: Database
) -> None:
    row = deadlines.rows()[1]
    deadlines.tree.setCurrentItem(row)
    deadlines.tree.setFocus()
    with qtbot.waitSignal(deadlines.open_record) as signal:
        qtbot.keyClick(deadlines.tree, Qt.Key.Key_Return)
    assert signal.args == [artist_id(demo_db, "刘雨桐"), row.data(0, RECORD_ROLE)]
    assert row.data(0, ARTIST_ROLE) == artist_id(demo_db, "刘雨桐")


def test_thresholds_apply_to_every_desk_and_can_be_undone(
    deadlines: DeadlinesView, demo_db: Database, undo_stack: QUndoStack
) -> None:
    deadlines.expiry_spin.setValue(10)  # 陈静怡's consent has 20 days left
    deadlines.pending_spin.setValue(60)  # 刘雨桐 has waited 25 days
    deadlines.apply_button.click()
    assert DeadlineService(demo_db).settings().expiry_days == 10
    assert deadlines.counts().expiring == 0 and deadlines.counts().pending == 0
    group = deadlines.tree.topLevelItem(0)
    assert group is not None and "within 10 days" in group.text(0)
    undo_stack.undo()
    assert DeadlineService(demo_db).settings().expiry_days == 30
    assert deadlines.expiry_spin.value() == 30
    assert deadlines.counts().total == 3


@pytest.fixture
def screens(window: MainWindow) -> ConsentScreens:
    """The consent screens in the real main window (registered here until it does so itself)."""
    if "consent" in window.view_keys():
        view = window.findChild(ConsentView)
        deadlines = window.findChild(DeadlinesView)
        action = window.roster_view.findChild(type(window.roster_view.add_action), "openConsent")
        assert view is not None and deadlines is not None and action is not None
        return ConsentScreens(view, deadlines, action)
    return register(window)


def test_navigation_shows_the_deadline_count_and_rows_open_the_consent_view(
    qtbot: QtBot, window: MainWindow, screens: ConsentScreens, demo_db: Database, settings: Settings
) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Deadlines (3)" in titles
    window.show_view("deadlines")
    row = screens.deadlines.rows()[0]
    screens.deadlines.open_item(row)
    assert window.current_key() == "consent"
    assert screens.view.artist is not None
    assert screens.view.artist.native_name == "陈静怡"
    assert screens.view.selected_record_id() == row.data(0, RECORD_ROLE)
    wait_for_tasks(qtbot)


def test_ctrl_r_opens_the_selected_roster_artist(
    qtbot: QtBot, window: MainWindow, screens: ConsentScreens, demo_db: Database
) -> None:
    roster = window.roster_view
    roster.refresh(select=[artist_id(demo_db, "马骁")])
    roster.table.setFocus()
    assert screens.open_action.isEnabled()
    qtbot.keyClick(roster.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "consent"
    assert screens.view.header.name_label.text() == "马骁 (Ma Xiao)"
    assert "Open &consent records" in [a.text() for a in roster.menu.actions()]
    wait_for_tasks(qtbot)
