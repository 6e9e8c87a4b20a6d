"""The consent view driven like a person would: pick a cell, move the as-of time, record a
stance, revoke — and see the matrix and history follow."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QUndoStack
from pytestqt.qtbot import QtBot

from models.clock import utc_now
from models.consent.service import ConsentService
from models.consent.stance import StanceService
from models.consent.words import ConsentStatus, Modality
from models.roster.artist import ArtistDraft, Stance
from models.roster.service import RosterService
from models.storage.database import Database
from models.storage.files import path_for
from tests.ui.consent.conftest import artist_id
from tests.ui.helpers import wait_for_tasks
from ui.consent.labels import GIVEN_FILL, REFUSED_FILL
from ui.consent.matrix_model import MODALITIES
from ui.consent.revoke import RevokeDialog
from ui.consent.stance import StanceDialog
from ui.consent.view import ConsentView


def cell_text(view: ConsentView, modality: Modality, column: int = 0) -> str:
    return str(view.model.data(view.model.index(MODALITIES.index(modality), column)))


def cell_fill(view: ConsentView, modality: Modality, column: int = 0) -> str:
    brush = view.model.data(
        view.model.index(MODALITIES.index(modality), column), Qt.ItemDataRole.BackgroundRole
    )
    assert isinstance(brush, QBrush)
    return brush.color().name()


def click_cell(qtbot: QtBot, view: ConsentView, modality: Modality, column: int = 0) -> None:
    index = view.model.index(MODALITIES.index(modality), column)
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_nothing_shown_until_an_artist_is_chosen(view: ConsentView) -> None:
    assert view.pages.currentWidget() is view.placeholder
    assert not view.new_action.isEnabled()


def test_header_shows_name_stance_and_that_a_stance_is_not_consent(
    view: ConsentView, demo_db: Database
) -> None:
    view.show_artist(artist_id(demo_db, "陈静怡"))
    header = view.header
    assert header.name_label.text() == "陈静怡 (Chen Jingyi)"
    assert "Opted in with conditions" in header.stance_label.text()
    assert "Voice only; no de-aging" in header.stance_label.text()
    assert header.note.text() == "A stance is not consent."
    assert header.note.isVisible()
    assert "recorded by tester" in header.stance_meta.text()
    assert not header.minor_badge.isVisible() and not header.deceased_badge.isVisible()


def test_minor_and_deceased_badges_name_who_decides(view: ConsentView, demo_db: Database) -> None:
    view.show_artist(artist_id(demo_db, "王子轩"))
    assert view.header.minor_badge.isVisible()
    assert "王丽（母亲）" in view.header.minor_badge.text()
    view.show_artist(artist_id(demo_db, "周慕白"))
    assert not view.header.minor_badge.isVisible()
    assert view.header.deceased_badge.isVisible()
    assert "周氏遗产管理人" in view.header.deceased_badge.text()


def test_artist_without_records_is_told_nothing_is_authorised(
    view: ConsentView, demo_db: Database
) -> None:
    view.show_artist(artist_id(demo_db, "曹安然"))
    assert view.model.columnCount() == 0
    assert view.empty_label.isVisible()
    assert "nothing is authorised" in view.empty_label.text()


def test_as_of_in_the_past_shows_the_records_then_with_a_banner(
    qtbot: QtBot, view: ConsentView, demo_db: Database
) -> None:
    view.show_artist(artist_id(demo_db, "马骁"))  # given 262 days ago, revoked 70 days ago
    assert cell_text(view, Modality.VOICE) == "Revoked"
    assert cell_fill(view, Modality.VOICE) == REFUSED_FILL
    assert not view.banner.isVisible()

    view.as_of_edit.set_value(utc_now() - timedelta(days=100))  # as if typed in the picker
    qtbot.waitUntil(lambda: cell_text(view, Modality.VOICE) == "Given")
    assert cell_fill(view, Modality.VOICE) == GIVEN_FILL
    assert view.banner.isVisible()
    assert "Historical view" in view.banner.text()
    assert view.is_historical()
    # the stance then: 马骁 had declined all AI work between -70 and -20 days; at -100 opted in
    assert "Games and animation only." in view.header.stance_label.text()

    view.now_button.click()
    assert not view.banner.isVisible()
    assert cell_text(view, Modality.VOICE) == "Revoked"
    assert "Only with final approval" in view.header.stance_label.text()


def test_before_a_record_existed_the_cell_is_not_authorised(
    view: ConsentView, demo_db: Database
) -> None:
    view.show_artist(artist_id(demo_db, "马骁"))
    view.set_as_of(utc_now() - timedelta(days=400))  # before the record was entered
    assert view.model.columnCount() == 0
    assert view.empty_label.isVisible()


def test_clicking_a_cell_selects_its_record_and_shows_versions_with_a_diff(
    qtbot: QtBot, view: ConsentView, demo_db: Database
) -> None:
    view.show_artist(artist_id(demo_db, "陈静怡"))
    click_cell(qtbot, view, Modality.VOICE_TRANSLATION_DUBBING, 1)  # the amended 雾港 record
    record_id = view.selected_record_id()
    assert record_id is not None
    assert view.edit_action.isEnabled() and view.revoke_action.isEnabled()
    history = view.history
    assert history.version_list.count() == 2
    assert history.version_list.item(0).text().startswith(f"Version 2 (#{record_id}) · Given")
    assert "Superseded" in history.version_list.item(1).text()
    rows = history.diff_rows()
    assert ("Modalities", "Voice", "Voice, Voice translation / dubbing") in rows
    assert ("Compensation", "60,000", "95,000") in rows
    assert ("Had counsel", "no", "yes") in rows
    # the older version: what it was recorded with
    history.version_list.setCurrentRow(1)
    assert history.diff_caption.text() == "Version 1: recorded with"
    assert ("Modalities", "—", "Voice") in history.diff_rows()
    wait_for_tasks(qtbot)
    assert "all match" in history.evidence_label.text()


def test_changed_evidence_file_is_reported_when_the_record_is_opened(
    qtbot: QtBot, view: ConsentView, demo_db: Database
) -> None:
    record = ConsentService(demo_db).records_for_artist(artist_id(demo_db, "林晓"))[0]
    stored = path_for(demo_db, record.evidence[0].sha256)
    stored.chmod(0o644)
    stored.write_bytes(b"someone edited the signed PDF")
    view.show_artist(artist_id(demo_db, "林晓"))
    view.select_record(record.id)
    wait_for_tasks(qtbot)
    assert "no longer match" in view.history.evidence_label.text()
    assert record.evidence[0].original_name in view.history.evidence_label.text()


def test_recording_a_stance_updates_the_header_and_can_be_undone(
    view: ConsentView, demo_db: Database, undo_stack: QUndoStack
) -> None:
    aid = artist_id(demo_db, "林晓")
    view.show_artist(aid)
    dialog = view.record_stance()
    assert isinstance(dialog, StanceDialog)
    assert dialog.history.rowCount() == 2  # declined, then open to discuss
    dialog.stance_combo.setCurrentIndex(dialog.stance_combo.findData("opted_in_with_conditions"))
    dialog.conditions.clear()
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_labels["conditions"].isVisible()
    dialog.conditions.setPlainText("Voice only, Mandarin.")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert "Opted in with conditions" in view.header.stance_label.text()
    assert RosterService(demo_db).get(aid).ai_stance == Stance.OPTED_IN_WITH_CONDITIONS
    assert undo_stack.count() == 1

    undo_stack.undo()
    assert "Open to discuss" in view.header.stance_label.text()
    assert RosterService(demo_db).get(aid).ai_stance == Stance.OPEN_TO_DISCUSS
    # the history keeps every entry: undo recorded the previous stance again
    assert [e.stance for e in StanceService(demo_db).history(aid)][-2:] == [
        Stance.OPTED_IN_WITH_CONDITIONS,
        Stance.OPEN_TO_DISCUSS,
    ]


def test_backdated_stance_is_recorded_but_not_offered_for_undo(
    view: ConsentView, demo_db: Database, undo_stack: QUndoStack
) -> None:
    aid = artist_id(demo_db, "曹安然")
    view.show_artist(aid)
    dialog = view.record_stance()
    assert dialog is not None
    dialog.stance_combo.setCurrentIndex(dialog.stance_combo.findData("declined"))
    dialog.earlier.set_value(utc_now() + timedelta(days=2))
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_labels["effective_at"].text() == "is in the future"
    dialog.earlier.set_value(utc_now() - timedelta(days=30))
    dialog.ok_button.click()
    assert undo_stack.count() == 0
    assert "Declined all AI use" in view.header.stance_label.text()
    view.set_as_of(utc_now() - timedelta(days=31))
    assert "Not asked" in view.header.stance_label.text()


def test_revoking_asks_reason_and_date_and_turns_the_matrix_red_from_then(
    qtbot: QtBot, view: ConsentView, demo_db: Database, undo_stack: QUndoStack
) -> None:
    view.show_artist(artist_id(demo_db, "孙浩然"))  # any project of Northlight, given
    click_cell(qtbot, view, Modality.BODY_LIKENESS)
    dialog = view.revoke_consent()
    assert isinstance(dialog, RevokeDialog)
    assert not dialog.ok_button.isEnabled()  # the reason is required
    assert "cannot be undone" in dialog.effect.text()
    # Two days ahead: the revocation starts at midnight in the artist's zone (UTC+8), which
    # for "tomorrow" may already have passed in UTC late in the day.
    later = utc_now().date() + timedelta(days=2)
    dialog.set_date(later)
    qtbot.keyClicks(dialog.reason_edit, "Artist withdrew by letter.")
    assert dialog.ok_button.isEnabled()
    assert later.isoformat() in dialog.effect.text()
    messages: list[str] = []
    view.message.connect(messages.append)
    dialog.ok_button.click()
    # one stated zone everywhere: the artist's (Asia/Shanghai for CN), named with its offset
    when = f"{later.isoformat()} 00:00 Asia/Shanghai (UTC+08:00)"
    assert messages[-1].endswith(f"revoked from {when}.")

    assert undo_stack.count() == 0  # nothing pretends it could be undone
    assert cell_text(view, Modality.BODY_LIKENESS) == "Given"  # in force until then
    view.set_as_of(utc_now() + timedelta(days=3))
    assert cell_text(view, Modality.BODY_LIKENESS) == "Revoked"
    assert "Looking ahead" in view.banner.text()
    assert f"Revoked from {when} by" in view.history.details.text()


def test_revocation_before_the_consent_was_given_is_refused_inline(
    view: ConsentView, demo_db: Database
) -> None:
    view.show_artist(artist_id(demo_db, "林晓"))
    record = ConsentService(demo_db).records_for_artist(artist_id(demo_db, "林晓"))[0]
    view.select_record(record.id)
    dialog = view.revoke_consent()
    assert dialog is not None
    dialog.reason_edit.setPlainText("Changed her mind.")
    dialog.set_date(utc_now().date() - timedelta(days=400))
    assert not dialog.ok_button.isEnabled()
    assert "before the artist gave the consent" in dialog.problems_labels["revoked_at"].text()
    dialog.reject()
    assert ConsentService(demo_db).get(record.id).status == ConsentStatus.GIVEN


def test_revoke_is_offered_only_for_a_given_record(view: ConsentView, demo_db: Database) -> None:
    view.show_artist(artist_id(demo_db, "刘雨桐"))  # waiting for the artist
    record = ConsentService(demo_db).records_for_artist(artist_id(demo_db, "刘雨桐"))[0]
    view.select_record(record.id)
    assert view.edit_action.isEnabled()
    assert not view.revoke_action.isEnabled()
    assert view.revoke_consent() is None


def test_a_change_by_another_desk_is_picked_up_on_refresh(
    view: ConsentView, demo_db: Database
) -> None:
    aid = RosterService(demo_db).add(ArtistDraft("新人", "Xin Ren")).id
    view.show_artist(aid)
    assert view.model.columnCount() == 0
    StanceService(demo_db).record(aid, Stance.DECLINED)
    view.refresh_action.trigger()
    assert "Declined all AI use" in view.header.stance_label.text()
