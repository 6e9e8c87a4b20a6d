"""The consent form: messages beside the fields, Save only when valid, evidence, pickers that
understand pinyin, and what saving does (with undo where the records allow it)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from models.clock import utc_now
from models.consent.service import ConsentService
from models.consent.words import ConsentStatus, Modality, Use
from models.errors import UserError
from models.parties.service import CounterpartyService
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from models.storage.files import hash_file
from tests.ui.consent.conftest import artist_id
from tests.ui.helpers import close_error_boxes, commit_text, error_boxes, wait_for_tasks
from ui.consent.form.dialog import ConsentDialog
from ui.consent.form.pickers import ID_ROLE, UNCHOSEN
from ui.consent.view import ConsentView


@pytest.fixture
def signed_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "signed-agreement.pdf"
    path.write_bytes(b"%PDF-1.4\n% a signed agreement\n%%EOF\n")
    return path


def choose_project(dialog: ConsentDialog) -> None:
    """Pick the counterparty's first named project (or "any project" when it has none)."""
    picker = dialog.scope.project
    rows = [picker.proxy.index(r, 0).data(ID_ROLE) for r in range(picker.proxy.rowCount())]
    named = [i for i in rows if i not in (None, UNCHOSEN)]
    picker.select_id(named[0] if named else None)


def choose_parties(dialog: ConsentDialog) -> None:
    """What a manager does first on a new form: pick the counterparty, then the project."""
    picker = dialog.scope.counterparty
    rows = [picker.proxy.index(r, 0).data(ID_ROLE) for r in range(picker.proxy.rowCount())]
    picker.select_id(next(i for i in rows if i not in (None, UNCHOSEN)))
    choose_project(dialog)


def new_form(qtbot: QtBot, db: Database, name: str, choose: bool = True) -> ConsentDialog:
    artist = RosterService(db).get(artist_id(db, name))
    dialog = ConsentDialog(None, ConsentService(db), CounterpartyService(db), artist)
    qtbot.addWidget(dialog)
    dialog.show()
    if choose:
        choose_parties(dialog)
        dialog.revalidate()
    return dialog


def shown(widget: QWidget) -> bool:
    """Shown by the form (a label on another tab is not "visible" to Qt until that tab is)."""
    return not widget.isHidden()


def settle(qtbot: QtBot, dialog: ConsentDialog) -> None:
    """Wait for the debounced validation that runs after typing."""
    qtbot.waitUntil(lambda: not dialog._debounce.isActive(), timeout=2000)


def test_new_form_needs_a_modality_but_does_not_scold_before_one_is_touched(
    qtbot: QtBot, demo_db: Database
) -> None:
    dialog = new_form(qtbot, demo_db, "林晓")
    assert not dialog.ok_button.isEnabled()
    assert not shown(dialog.problem_label("modalities"))
    assert "tick at least one modality" in dialog.summary.text()
    dialog.scope.modality_checks[Modality.VOICE].click()
    settle(qtbot, dialog)
    assert dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "Record request"
    assert "Records are never deleted" in dialog.effect_note.text()
    dialog.scope.modality_checks[Modality.VOICE].click()
    settle(qtbot, dialog)
    assert shown(dialog.problem_label("modalities"))
    assert "⚠" in dialog.tabs.tabText(0)
    assert not dialog.ok_button.isEnabled()


def test_term_ending_before_it_starts_is_explained_beside_the_end(
    qtbot: QtBot, demo_db: Database
) -> None:
    dialog = new_form(qtbot, demo_db, "林晓")
    dialog.scope.modality_checks[Modality.FACE_LIKENESS].click()
    dialog.terms.term_start.set_value(date(2026, 6, 1))
    dialog.terms.term_end.set_value(date(2026, 5, 1))
    settle(qtbot, dialog)
    label = dialog.problem_label("term_end")
    assert shown(label)
    assert "ends (2026-05-01) before it starts (2026-06-01)" in label.text()
    assert "⚠" in dialog.tabs.tabText(1)
    assert not dialog.ok_button.isEnabled()
    dialog.terms.term_end.set_value(date(2026, 12, 31))
    settle(qtbot, dialog)
    assert not shown(label)
    assert dialog.ok_button.isEnabled()
    assert dialog.draft().term_end == date(2026, 12, 31)


def test_amount_must_be_a_number_with_a_currency(qtbot: QtBot, demo_db: Database) -> None:
    dialog = new_form(qtbot, demo_db, "林晓")
    dialog.scope.modality_checks[Modality.VOICE].click()
    qtbot.keyClicks(dialog.terms.amount, "80k")
    settle(qtbot, dialog)
    assert "is not an amount" in dialog.problem_label("compensation_amount").text()
    dialog.terms.amount.clear()
    qtbot.keyClicks(dialog.terms.amount, "80,000")
    settle(qtbot, dialog)
    assert not shown(dialog.problem_label("compensation_amount"))
    assert "give the currency" in dialog.problem_label("compensation_currency").text()
    dialog.terms.currency.setEditText("cny")
    settle(qtbot, dialog)
    assert dialog.ok_button.isEnabled()
    assert str(dialog.draft().compensation_amount) == "80000"


def test_minor_without_guardian_is_named_at_the_top(qtbot: QtBot, demo_db: Database) -> None:
    born = utc_now().date() - timedelta(days=365 * 12)
    RosterService(demo_db).add(ArtistDraft("小明", "Xiao Ming", date_of_birth=born))
    dialog = new_form(qtbot, demo_db, "小明")
    dialog.scope.modality_checks[Modality.VOICE].click()
    settle(qtbot, dialog)
    label = dialog.problem_label("guardian")
    assert shown(label)
    assert "is a minor" in label.text() and "guardian" in label.text()
    assert not dialog.ok_button.isEnabled()
    assert "minor" in dialog.artist_label.text()


def test_deceased_without_estate_is_named_at_the_top(qtbot: QtBot, demo_db: Database) -> None:
    RosterService(demo_db).add(
        ArtistDraft(
            "老周", "Lao Zhou", date_of_birth=date(1930, 1, 1), deceased_on=date(2020, 1, 1)
        )
    )
    dialog = new_form(qtbot, demo_db, "老周")
    dialog.scope.modality_checks[Modality.VOICE].click()
    settle(qtbot, dialog)
    label = dialog.problem_label("estate_contact")
    assert shown(label)
    assert "is deceased" in label.text()
    assert not dialog.ok_button.isEnabled()


def test_given_needs_evidence_until_a_file_is_added(
    qtbot: QtBot, demo_db: Database, signed_pdf: Path
) -> None:
    dialog = new_form(qtbot, demo_db, "林晓")
    dialog.scope.modality_checks[Modality.VOICE].click()
    dialog.scope.use_checks[Use.THIS_PRODUCTION].click()
    outcome = dialog.decision.outcome
    outcome.setCurrentIndex(outcome.findData("given"))
    settle(qtbot, dialog)
    assert dialog.decision.decided_by.text() == "林晓 (Lin Xiao)"  # suggested: the artist
    label = dialog.problem_label("evidence")
    assert shown(label)
    assert "attach the signed agreement" in label.text()
    assert not dialog.ok_button.isEnabled()

    dialog.decision.evidence.add_files([signed_pdf])
    wait_for_tasks(qtbot)
    settle(qtbot, dialog)
    assert not shown(label)
    assert dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "Record consent as given"
    assert "cannot be undone" in dialog.effect_note.text()
    row = dialog.decision.evidence.tree.topLevelItem(0)
    assert row is not None
    assert row.toolTip(2) == hash_file(signed_pdf)[0]


def test_files_can_be_dropped_onto_the_evidence_list(
    qtbot: QtBot, demo_db: Database, signed_pdf: Path
) -> None:
    dialog = new_form(qtbot, demo_db, "林晓")
    evidence = dialog.decision.evidence
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(signed_pdf))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    evidence.dragEnterEvent(enter)  # what Qt calls while a file is dragged over the list
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    evidence.dropEvent(drop)
    wait_for_tasks(qtbot)
    files = evidence.pending_files()
    assert [f.original_name for f in files] == ["signed-agreement.pdf"]
    evidence.add_files([signed_pdf])  # the same file again is not attached twice
    wait_for_tasks(qtbot)
    assert len(evidence.pending_files()) == 1


def test_counterparty_picker_finds_pinyin_and_english(qtbot: QtBot, demo_db: Database) -> None:
    dialog = new_form(qtbot, demo_db, "林晓", choose=False)
    picker = dialog.scope.counterparty
    qtbot.keyClicks(picker.search, "xingmushipin")  # 星幕视频 typed as pinyin
    assert picker.texts() == ["— choose the counterparty —", "星幕视频 (Xingmu Video)"]
    picker.search.clear()
    qtbot.keyClicks(picker.search, "qinghe")
    assert picker.texts() == ["— choose the counterparty —", "青禾影业 (Qinghe Pictures)"]
    cp = picker.current_id()
    projects = dialog.scope.project.texts()
    assert projects[:2] == ["— choose the project —", "(any project of this counterparty)"]
    assert set(projects[2:]) == {"归途 (Gui Tu)", "雾港 (Wu Gang)"}
    assert not dialog.scope.project.has_choice()  # chosen on purpose, never by default
    project_search = dialog.scope.project.search
    commit_text(project_search, "雾")
    assert dialog.scope.project.texts() == [
        "— choose the project —",
        "(any project of this counterparty)",
        "雾港 (Wu Gang)",
    ]
    assert dialog.draft().counterparty_id == cp
    assert dialog.draft().project_id == dialog.scope.project.current_id()
    dialog.scope.project.select_id(None)
    assert dialog.draft().project_id is None


def test_recording_a_signed_consent_from_the_form(
    qtbot: QtBot, view: ConsentView, demo_db: Database, signed_pdf: Path, undo_stack: QUndoStack
) -> None:
    aid = artist_id(demo_db, "曹安然")
    view.show_artist(aid)
    dialog = view.new_consent()
    assert dialog is not None
    qtbot.keyClicks(dialog.scope.counterparty.search, "yunti")
    choose_project(dialog)
    dialog.scope.modality_checks[Modality.FACE_LIKENESS].click()
    dialog.scope.use_checks[Use.THIS_PRODUCTION].click()
    dialog.terms.term_start.set_value(utc_now().date())
    dialog.terms.term_end.set_value(utc_now().date() + timedelta(days=180))
    dialog.terms.exclusion_checks["nudity"].click()
    dialog.decision.evidence.add_files([signed_pdf])
    outcome = dialog.decision.outcome
    outcome.setCurrentIndex(outcome.findData("given"))
    rec = dialog.decision.recommendation
    rec.setCurrentIndex(rec.findData("recommend"))
    wait_for_tasks(qtbot)
    settle(qtbot, dialog)
    assert dialog.ok_button.isEnabled(), dialog.summary.text()
    dialog.ok_button.click()

    [record] = ConsentService(demo_db).records_for_artist(aid)
    assert record.status == ConsentStatus.GIVEN
    assert record.counterparty_name == "云梯互动 (Yunti Interactive)"
    assert record.terms.content_exclusions == ("nudity",)
    assert record.evidence[0].sha256 == hash_file(signed_pdf)[0]
    assert record.decision is not None and record.decision.decided_by == "曹安然 (Cao Anran)"
    assert record.recommendation is not None and record.recommendation.recommended_by == "tester"
    assert view.model.columnCount() == 1
    assert view.selected_record_id() == record.id
    assert undo_stack.count() == 0  # a decision is final: not offered for undo


def test_editing_an_undecided_record_can_be_undone_and_redone(
    qtbot: QtBot, view: ConsentView, demo_db: Database, undo_stack: QUndoStack
) -> None:
    aid = artist_id(demo_db, "刘雨桐")
    consents = ConsentService(demo_db)
    [before] = consents.records_for_artist(aid)
    view.show_artist(aid)
    view.select_record(before.id)
    dialog = view.edit_consent()
    assert dialog is not None
    assert dialog.scope.modality_checks[Modality.DE_AGING].isChecked()
    dialog.scope.modality_checks[Modality.VOICE].click()
    dialog.terms.term_end.set_value(date(2027, 1, 31))
    settle(qtbot, dialog)
    assert dialog.ok_button.text() == "Save"
    assert "Undo" in dialog.effect_note.text()
    dialog.ok_button.click()

    after = consents.get(before.id)
    assert Modality.VOICE in after.modalities
    assert after.term_end == date(2027, 1, 31)
    assert undo_stack.count() == 1

    undo_stack.undo()
    undone = consents.get(before.id)
    assert undone.terms.normalized() == before.terms.normalized()
    assert "Digital double creation" in str(view.model.headerData(5, Qt.Orientation.Vertical))
    undo_stack.redo()
    assert Modality.VOICE in consents.get(before.id).modalities


def test_changing_a_given_record_makes_a_new_version_not_an_edit(
    qtbot: QtBot, view: ConsentView, demo_db: Database, undo_stack: QUndoStack
) -> None:
    aid = artist_id(demo_db, "林晓")
    consents = ConsentService(demo_db)
    [given] = consents.records_for_artist(aid)
    view.show_artist(aid)
    view.select_record(given.id)
    dialog = view.edit_consent()
    assert dialog is not None
    assert "cannot change" in dialog.mode_note.text()
    assert not dialog.decision.outcome.isEnabled()  # the decision is recorded already
    dialog.scope.modality_checks[Modality.VOICE].click()
    settle(qtbot, dialog)
    assert dialog.ok_button.text() == "Save as version 2"
    dialog.ok_button.click()

    versions = consents.history(given.id)
    assert [v.status for v in versions] == [ConsentStatus.GIVEN, ConsentStatus.PENDING_ARTIST]
    assert consents.get(given.id).modalities == given.modalities  # the given one unchanged
    assert undo_stack.count() == 0
    assert view.selected_record_id() == versions[1].id
    assert view.history.version_list.count() == 2


def test_final_records_only_take_more_evidence(
    qtbot: QtBot, view: ConsentView, demo_db: Database, signed_pdf: Path
) -> None:
    aid = artist_id(demo_db, "马骁")
    [revoked] = ConsentService(demo_db).records_for_artist(aid)
    view.show_artist(aid)
    view.select_record(revoked.id)
    dialog = view.edit_consent()
    assert dialog is not None
    assert not dialog.scope.isEnabled() and not dialog.terms.isEnabled()
    assert not dialog.ok_button.isEnabled()
    dialog.decision.evidence.add_files([signed_pdf])
    wait_for_tasks(qtbot)
    settle(qtbot, dialog)
    assert dialog.ok_button.text() == "Attach files"
    dialog.ok_button.click()
    assert len(ConsentService(demo_db).get(revoked.id).evidence) == len(revoked.evidence) + 1


def test_a_new_counterparty_and_project_can_be_added_from_the_form_and_undone(
    qtbot: QtBot, view: ConsentView, demo_db: Database, undo_stack: QUndoStack
) -> None:
    view.show_artist(artist_id(demo_db, "林晓"))
    dialog = view.new_consent()
    assert dialog is not None
    party = dialog.add_counterparty()
    commit_text(party.native_edit, "光年影业")
    assert party.romanized_edit.placeholderText().startswith("Guang Nianyingye")
    party.ok_button.click()
    assert dialog.scope.counterparty.combo.currentText() == "光年影业 (Guang Nianyingye)"
    assert dialog.scope.project.texts() == [
        "— choose the project —",
        "(any project of this counterparty)",
    ]
    project = dialog.add_project()
    assert project is not None
    commit_text(project.native_edit, "星河")
    project.ok_button.click()
    assert dialog.scope.project.combo.currentText() == "星河 (Xing He)"
    assert undo_stack.count() == 2

    parties = CounterpartyService(demo_db)
    undo_stack.undo()
    undo_stack.undo()
    assert all(c.native_name != "光年影业" for c in parties.counterparties())  # archived
    assert any(c.native_name == "光年影业" for c in parties.counterparties(include_archived=True))


def test_a_save_after_another_desk_changed_the_record_is_refused_not_lost(
    qtbot: QtBot, view: ConsentView, demo_db: Database, undo_stack: QUndoStack
) -> None:
    aid = artist_id(demo_db, "刘雨桐")
    consents = ConsentService(demo_db)
    [record] = consents.records_for_artist(aid)
    view.show_artist(aid)
    view.select_record(record.id)
    dialog = view.edit_consent()
    assert dialog is not None
    # meanwhile, at another desk:
    other = consents.edit(
        record.id, replace(record.terms, notes="changed at desk 2"), record.row_version
    )
    dialog.terms.notes.setPlainText("changed here")
    settle(qtbot, dialog)
    dialog.ok_button.click()
    boxes = error_boxes()
    assert boxes and "changed by tester" in boxes[0].text() and "Reload" in boxes[0].text()
    assert consents.get(record.id).terms.notes == "changed at desk 2"
    assert consents.get(record.id).row_version == other.row_version
    assert undo_stack.count() == 0
    close_error_boxes()


def test_opening_a_record_rechecks_its_evidence_in_the_list(
    qtbot: QtBot, view: ConsentView, demo_db: Database
) -> None:
    aid = artist_id(demo_db, "陈静怡")
    record = ConsentService(demo_db).records_for_artist(aid)[0]
    view.show_artist(aid)
    view.select_record(record.id)
    dialog = view.edit_consent()
    assert dialog is not None
    wait_for_tasks(qtbot)
    row = dialog.decision.evidence.tree.topLevelItem(0)
    assert row is not None
    assert row.text(0) == record.evidence[0].original_name
    assert row.toolTip(2) == record.evidence[0].sha256
    assert row.text(3) == "✓ matches"


def test_a_save_that_fails_after_the_edit_leaves_the_terms_and_the_undo_stack_alone(
    qtbot: QtBot,
    view: ConsentView,
    demo_db: Database,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    aid = artist_id(demo_db, "刘雨桐")
    consents = ConsentService(demo_db)
    [record] = consents.records_for_artist(aid)
    real_get = ConsentService.get

    def failing_inside_the_save(self: ConsentService, record_id: int) -> object:
        if self.db.open_unit() is not None:  # the step after the edit, in the same unit
            raise UserError(
                "error.storage.database.path_cannot_read_as_database",
                path="consent.db",
                reason="the disk is full",
            )
        return real_get(self, record_id)

    monkeypatch.setattr(ConsentService, "get", failing_inside_the_save)
    view.show_artist(aid)
    view.select_record(record.id)
    dialog = view.edit_consent()
    assert dialog is not None
    dialog.terms.notes.setPlainText("changed here")
    settle(qtbot, dialog)
    dialog.ok_button.click()
    boxes = error_boxes()
    assert boxes and "disk is full" in boxes[0].text()
    close_error_boxes()
    monkeypatch.undo()
    after = consents.get(record.id)
    assert after.terms.notes == record.terms.notes
    assert after.row_version == record.row_version
    assert undo_stack.count() == 0
