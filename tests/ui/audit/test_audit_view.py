"""The audit view: newest first, paged; filters; what an event changed; the chain check."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from models.audit.service import AuditService
from models.clock import utc_now
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from tests.ui.helpers import wait_for_tasks
from ui.audit.model import AuditFilter, AuditTableModel, Column
from ui.audit.view import AuditView


def column(view: AuditView, col: Column) -> list[str]:
    m = view.model
    return [str(m.data(m.index(r, col))) for r in range(m.rowCount())]


def test_model_passes_qt_model_tester_while_paging(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    model = AuditTableModel(AuditService(demo_db))
    model.PAGE = 25
    model.load()
    qtmodeltester.check(model, force_py=True)
    model.fetch_more()
    model.load(AuditFilter(entity="consent_record"))


def test_events_are_newest_first_and_fetched_page_by_page(demo_db: Database) -> None:
    total = AuditService(demo_db).count()
    model = AuditTableModel(AuditService(demo_db))
    model.PAGE = 40
    model.load()
    assert model.rowCount() == 40 < total
    ids = [model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 1) for r in range(40)]
    assert ids == sorted(ids, reverse=True) and ids[0] == total
    while model.can_fetch_more():
        model.fetch_more()
    assert model.rowCount() == total


def test_filters_by_entity_id_and_text(qtbot: QtBot, view: AuditView, demo_db: Database) -> None:
    view.entity_combo.setCurrentIndex(view.entity_combo.findData("consent_record"))
    assert set(column(view, Column.ENTITY)) == {"Consent record"}
    view.id_edit.setText("6")  # 马骁's record: created, sent, given, then revoked
    qtbot.waitUntil(lambda: set(column(view, Column.ENTITY_ID)) == {"6"})
    assert column(view, Column.ACTION) == [
        "Revoked",
        "Consent given",
        "Sent to the artist",
        "Created",
    ]

    view.entity_combo.setCurrentIndex(0)
    view.id_edit.clear()
    qtbot.keyClicks(view.text_edit, "went beyond")  # words of 马骁's revocation reason
    qtbot.waitUntil(lambda: view.model.filter.text == "went beyond", timeout=3000)
    assert set(column(view, Column.ACTION)) == {"Revoked"}


def test_date_range_keeps_only_events_inside_it(
    qtbot: QtBot, view: AuditView, demo_db: Database
) -> None:
    everything = AuditService(demo_db).count()
    today = utc_now().astimezone().date()
    view.since_edit.set_value(today + timedelta(days=1))
    view.apply_filter()
    assert view.model.rowCount() == 0
    view.since_edit.set_value(None)
    view.until_edit.set_value(today - timedelta(days=1))
    view.apply_filter()
    assert view.model.rowCount() == 0
    view.until_edit.set_value(today + timedelta(days=1))
    view.since_edit.set_value(today - timedelta(days=1))
    view.apply_filter()
    while view.model.can_fetch_more():
        view.model.fetch_more()
    assert view.model.rowCount() == everything


def test_selected_event_shows_before_and_after(view: AuditView, demo_db: Database) -> None:
    artist = RosterService(demo_db).search("林晓")[0]
    RosterService(demo_db).update(
        artist.id, ArtistDraft("林晓", "Lin Xiao", notes="moved to Shanghai"), artist.version
    )
    view.apply_filter()
    view.table.selectRow(0)  # the newest: our edit
    rows = {r[0]: r for r in view.detail_rows()}
    assert rows["notes"][2] == "moved to Shanghai"
    assert "tester" in view.detail_title.text() and "update" in view.detail_title.text()
    assert view.detail_rows()[0][0] in {"notes", "version", "stage_names", "agent"}


def test_verify_reports_intact_then_the_first_broken_event(
    qtbot: QtBot, view: AuditView, demo_db: Database
) -> None:
    with qtbot.waitSignal(view.verified, timeout=10_000) as first:
        view.verify_button.click()
    assert first.args[0].intact
    assert view.verify_label.text().startswith("Intact: all")
    assert not view.show_broken_button.isVisible()

    with demo_db.write() as s:
        s.execute(text("UPDATE audit_event SET actor = 'mallory' WHERE id = 7"))
    with qtbot.waitSignal(view.verified, timeout=10_000) as second:
        view.verify()
    assert not second.args[0].intact
    assert "Broken at event #7" in view.verify_label.text()
    view.text_edit.setText("something")  # a filter that hides the event
    view.apply_filter()
    view.show_broken_button.click()
    assert view.text_edit.text() == ""
    current = view.model.event_at(view.table.currentIndex().row())
    assert current is not None and current.id == 7 and current.actor == "mallory"
    wait_for_tasks(qtbot)


def test_verify_names_a_record_edited_behind_the_trail(
    qtbot: QtBot, view: AuditView, demo_db: Database
) -> None:
    with demo_db.write() as s:
        s.execute(text("UPDATE artist SET notes = 'forged' WHERE id = 3"))
    with qtbot.waitSignal(view.verified, timeout=10_000) as done:
        view.verify()
    assert not done.args[0].intact
    label = view.verify_label.text()
    assert label.startswith("Not intact") and "artist 3" in label and "notes" in label
    assert not view.show_broken_button.isVisible()
    wait_for_tasks(qtbot)
