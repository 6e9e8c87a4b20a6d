"""The Statements screen and its dialogs, driven like a manager would."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from models import identity as identity_module
from models.agency import AgencyService
from models.dates import desk_zone
from models.identity import SigningIdentityService
from models.roster.service import RosterService
from models.statements.record import StatementStatus
from models.statements.register import StatementRegister
from reports.statements.service import StatementRequest, StatementService
from reports.verify import verify_statement
from tests.ui.helpers import close_error_boxes, error_boxes, select_row, wait_for_tasks
from tests.ui.statements.conftest import revoke_first_given
from tests.ui.statements.signing import artist_id, enter_passphrase, gone
from ui.main_window import MainWindow
from ui.settings import LAST_STATEMENT_FOLDER
from ui.statements import export_statement_for
from ui.statements.confirm import ConfirmBatchDialog
from ui.statements.export_dialog import ExportStatementDialog
from ui.statements.identity_dialog import IdentityDialog, passphrase_strength
from ui.statements.letterhead_dialog import LetterheadDialog
from ui.statements.unlock import PassphraseDialog
from ui.statements.verify_dialog import VerifyDialog
from ui.statements.view import StatementsView


def statements_view(window: MainWindow, qtbot: QtBot) -> StatementsView:
    window.show_view("statements")
    wait_for_tasks(qtbot)
    view = window.statements_view
    assert isinstance(view, StatementsView)
    return view


def test_the_screen_lists_the_register_and_flags_out_of_date(
    signing_window, signing_db, identity, qtbot, tmp_path
):
    lin = artist_id(signing_db, "林晓")
    StatementService(signing_db, identity).export(StatementRequest(lin), tmp_path)
    view = statements_view(signing_window, qtbot)
    assert view.model.rowCount() == 1 and view.banner.isHidden()
    assert signing_window.summary_label.text() == "1 statement · 0 out of date"
    assert view.menu.menuAction().isVisible()
    shortcut = signing_window.findChild(type(view.export_action), "show_statements")
    assert shortcut is not None and shortcut.shortcut().toString() == "Ctrl+7"
    revoke_first_given(signing_db, lin)
    signing_window.show_view("roster")
    signing_window.show_view("statements")  # shown again: reloaded
    wait_for_tasks(qtbot)
    assert view.model.stale_count == 1 and not view.banner.isHidden()
    assert "OUT OF DATE" in view.model.data(view.model.index(0, 8))


def test_reissue_after_a_wrong_passphrase_supersedes_the_out_of_date_statement(
    signing_window, signing_db, identity, qtbot, tmp_path, settings
):
    lin = artist_id(signing_db, "林晓")
    old = StatementService(signing_db, identity).export(
        StatementRequest(lin, listings=("Platform X",)), tmp_path
    )
    revoke_first_given(signing_db, lin)
    settings.set(LAST_STATEMENT_FOLDER, str(tmp_path))
    view = statements_view(signing_window, qtbot)
    select_row(view.table, 0)
    assert view.reissue_action.isEnabled()
    view.reissue_action.trigger()
    dialog = view.statement_actions.dialog
    assert isinstance(dialog, PassphraseDialog)
    dialog.edit.setText("not the passphrase")
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "does not unlock" in dialog.error_label.text()
    enter_passphrase(qtbot, dialog)
    wait_for_tasks(qtbot)
    box = view.statement_actions.result_box
    assert box is not None and "supersedes " + old.statement.id in box.text()
    box.done(0)
    register = StatementRegister(signing_db)
    assert register.get(old.statement.id).status is StatementStatus.SUPERSEDED
    new = register.current_for(lin, old.statement.kind)
    assert new is not None and new.supersedes_id == old.statement.id
    assert [x["platform"] for x in new.record["listings"]] == ["Platform X"]
    wait_for_tasks(qtbot)
    assert view.model.total == 2 and view.model.stale_count == 0 and view.banner.isHidden()


def test_withdraw_needs_a_reason(signing_window, signing_db, identity, qtbot, tmp_path):
    lin = artist_id(signing_db, "林晓")
    issued = StatementService(signing_db, identity).export(StatementRequest(lin), tmp_path)
    view = statements_view(signing_window, qtbot)
    select_row(view.table, 0)
    assert not view.statement_actions.withdraw(view.selected(), reason="  ")
    assert error_boxes() and "reason is required" in error_boxes()[0].text()
    close_error_boxes()
    assert view.statement_actions.withdraw(view.selected(), reason="Wrong artist")
    wait_for_tasks(qtbot)
    assert StatementRegister(signing_db).get(issued.statement.id).status_reason == "Wrong artist"
    assert view.model.data(view.model.index(0, 7)) == "Withdrawn"
    select_row(view.table, 0)
    assert not view.withdraw_action.isEnabled() and not view.reissue_action.isEnabled()


def test_export_dialog_labels_historical_refuses_future_and_signs(
    signing_window, signing_db, qtbot, tmp_path, settings
):
    settings.set(LAST_STATEMENT_FOLDER, str(tmp_path))
    lin = artist_id(signing_db, "林晓")
    dialog = export_statement_for(signing_window, lin)
    assert isinstance(dialog, ExportStatementDialog)
    assert Path(dialog.path_edit.text()).parent == tmp_path
    assert "does not exist" not in dialog.problem()
    dialog.as_of.set_as_of(datetime.now(desk_zone()) + timedelta(days=2))
    assert not dialog.ok_button.isEnabled() and "future" in dialog.as_of.note.text()
    past = datetime.now(desk_zone()).replace(second=0, microsecond=0) - timedelta(days=30)
    dialog.as_of.set_as_of(past)
    assert dialog.ok_button.isEnabled() and dialog.as_of.note.text().startswith("HISTORICAL")
    dialog.languages.set_languages(("en",))
    dialog.listings_edit.setText("Platform X; 平台 Y ;")
    target = tmp_path / "lin-xiao.pdf"
    dialog.path_edit.setText(str(target))
    dialog.ok_button.click()
    enter_passphrase(qtbot, signing_window.statements_view.statement_actions.dialog)
    wait_for_tasks(qtbot)
    result = verify_statement(target, db=signing_db)
    assert result.valid and result.in_register and result.record is not None
    assert result.status == "historical" and result.historical
    assert result.record["historical"] is True and result.record["language"] == ["en"]
    assert datetime.fromisoformat(result.record["as_of"]) == past
    assert [x["platform"] for x in result.record["listings"]] == ["Platform X", "平台 Y"]


def test_batch_export_shows_progress_and_cancel_keeps_what_was_signed(
    signing_window, signing_db, qtbot, tmp_path
):
    ids = [a.id for a in RosterService(signing_db).search()]
    actions = statements_view(signing_window, qtbot).statement_actions
    actions.sign_batch(ids, tmp_path, languages=("en", "zh"))
    enter_passphrase(qtbot, actions.dialog)
    task = actions.last_task
    assert task is not None
    qtbot.waitUntil(lambda: task.dialog is not None and any(tmp_path.glob("*.pdf")), timeout=15_000)
    assert task.dialog.labelText().startswith("Signed ")
    assert task.dialog.maximum() == len(ids)
    task.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
    wait_for_tasks(qtbot)
    box = actions.result_box
    assert box is not None and box.text().startswith("Cancelled")
    issued = StatementRegister(signing_db).statements()
    files = sorted(tmp_path.glob("*.pdf"))
    assert 1 <= len(issued) < len(ids) and len(files) == len(issued)
    box.done(0)


def test_verify_dialog_on_a_good_a_tampered_and_a_dropped_file(
    signing_window, signing_db, identity, qtbot, tmp_path
):
    lin = artist_id(signing_db, "林晓")
    issued = StatementService(signing_db, identity).export(StatementRequest(lin), tmp_path)
    actions = statements_view(signing_window, qtbot).statement_actions
    dialog = actions.verify(issued.path)
    assert isinstance(dialog, VerifyDialog)
    wait_for_tasks(qtbot)
    assert dialog.headline.text().startswith("AUTHENTIC")
    assert QColor("#1e7b34").name() in dialog.headline.styleSheet()
    shown = dialog.fields["fingerprint"].text()
    assert "\n" in shown and shown.replace("\n", ":") == identity.identity.fingerprint_display
    assert dialog.fields["register"].text() == "yes"
    assert dialog.fields["superseded"].text() == "yes"
    assert dialog.fields["trust"].text() == "confirmed (this desk's identity)"
    assert dialog.fields["artist"].text() == "林晓 (Lin Xiao)"

    # Read like a journalist would: no register, no identity — the signer is not confirmed.
    dialog.db = None
    dialog.use_db.setChecked(False)
    wait_for_tasks(qtbot)
    assert dialog.headline.text().startswith("SIGNER NOT CONFIRMED")
    assert identity.identity.fingerprint_display in dialog.headline.text().replace("\n", ":")
    assert QColor("#9a6700").name() in dialog.headline.styleSheet()
    dialog.fingerprint_edit.setText(identity.identity.fingerprint_display)
    dialog.recheck()
    wait_for_tasks(qtbot)
    assert dialog.headline.text().startswith("AUTHENTIC")
    assert dialog.fields["trust"].text() == "confirmed (fingerprint)"

    data = bytearray(issued.path.read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tampered))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(drop)
    wait_for_tasks(qtbot)
    assert dialog.headline.text().startswith("NOT AUTHENTIC")
    assert QColor("#b03a2e").name() in dialog.headline.styleSheet()
    assert dialog.fields["problems"].text().startswith("• ")
    assert dialog.fields["file"].text() == "tampered.pdf"
    dialog.done(0)


def test_signing_without_an_identity_offers_to_set_one_up(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(identity_module, "KDF_ROUNDS", 1000)
    actions = statements_view(window, qtbot).statement_actions
    actions.sign_export(StatementRequest(artist_id(window.db, "林晓")), tmp_path / "x.pdf")
    box = actions.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "noIdentityBox"
    setup = next(b for b in box.buttons() if b.text() == "Set up signing identity…")
    setup.click()
    dialog = actions.dialog
    assert isinstance(dialog, IdentityDialog)
    assert dialog.tabs.currentIndex() == 1 and not dialog.copy_button.isEnabled()
    dialog.name_edit.setText("Starlight Talent")
    dialog.name_zh_edit.setText("星光经纪")
    dialog.pass_edit.setText("short")
    assert "Too short" in dialog.strength_label.text() and not dialog.create_button.isEnabled()
    dialog.pass_edit.setText("correct horse battery staple")
    dialog.repeat_edit.setText("correct horse battery stapler")
    assert "differ" in dialog.create_problem.text() and not dialog.create_button.isEnabled()
    dialog.repeat_edit.setText("correct horse battery staple")
    assert dialog.strength_label.text() == "Strong." and dialog.create_button.isEnabled()
    dialog.create_button.click()
    wait_for_tasks(qtbot)
    made = SigningIdentityService(window.db).show()
    assert dialog.fingerprint_label.text() == made.fingerprint_display
    assert made.subject == "星光经纪 (Starlight Talent)" and dialog.tabs.currentIndex() == 0
    assert dialog.pass_edit.text() == "" and dialog.copy_button.isEnabled()
    pem = tmp_path / "agency.pem"
    dialog.export_certificate(pem)
    assert pem.read_bytes() == made.certificate_pem
    dialog.done(0)


@pytest.mark.parametrize(
    ("text", "strength"),
    [("", 0), ("abcdefg", 0), ("abcdefgh", 1), ("Abcdefgh1!", 2), ("four words of text", 3)],
)
def test_passphrase_strength_hint(text, strength):
    assert passphrase_strength(text) == strength


def test_letterhead_dialog_saves_names_address_and_logo(window, qtbot, tmp_path):
    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_ARGB32)
    image.fill(QColor("#1f3a5f"))
    assert image.save(str(logo))
    dialog = LetterheadDialog(window.desk, window)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Starlight Talent")
    dialog.name_zh_edit.setText("星光经纪")
    dialog.address_edit.setPlainText("12 Film Road\nBeijing")
    dialog.address_zh_edit.setPlainText("北京市电影路12号")
    assert dialog.set_logo(logo)
    assert not dialog.logo_label.pixmap().isNull()
    assert not dialog.set_logo(tmp_path / "missing.gif")
    assert error_boxes()
    close_error_boxes()
    dialog.save()
    saved = AgencyService(window.db).get()
    assert (saved.name, saved.name_zh, saved.address) == (
        "Starlight Talent",
        "星光经纪",
        "12 Film Road\nBeijing",
    )
    assert AgencyService(window.db).logo_path(saved) is not None
    assert gone(dialog)


def test_batch_dialog_finds_artists_in_any_script_and_keeps_the_ticks(
    signing_window, qtbot, tmp_path, settings
):
    settings.set(LAST_STATEMENT_FOLDER, str(tmp_path))
    db = signing_window.db
    lin, chen = artist_id(db, "林晓"), artist_id(db, "陈静怡")
    actions = statements_view(signing_window, qtbot).statement_actions
    dialog = actions.batch([lin])
    assert dialog.list.item(0).text() == "林晓 (Lin Xiao)" and dialog.artist_ids() == [lin]
    assert dialog.ok_button.isEnabled() and dialog.folder() == tmp_path
    dialog.filter_edit.setText("chenjingyi")
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    assert dialog.list.item(0).text() == "陈静怡 (Chen Jingyi)"
    dialog._tick_shown(True)
    assert dialog.artist_ids() == [lin, chen] and dialog.count_label.text() == "2 ticked"
    dialog.every_check.setChecked(True)
    assert len(dialog.artist_ids()) == 30 and dialog.count_label.text() == "30 ticked"
    dialog.every_check.setChecked(False)
    dialog.set_checked([])
    assert not dialog.ok_button.isEnabled() and "Tick at least one" in dialog.ok_button.toolTip()
    dialog.done(0)


def test_export_dialog_without_an_artist_finds_one_by_pinyin(
    signing_window, qtbot, tmp_path, settings
):
    settings.set(LAST_STATEMENT_FOLDER, str(tmp_path))
    actions = statements_view(signing_window, qtbot).statement_actions
    dialog = actions.export_for(None)
    assert dialog.picker is not None
    assert not dialog.ok_button.isEnabled() and dialog.problem() == "Choose an artist."
    dialog.picker.search.setText("linxiao")  # 林晓 (Lin Xiao) and 林小雨 (Lin Xiaoyu)
    qtbot.waitUntil(lambda: dialog.picker.results.count() == 2)
    assert dialog.artist_id() is None
    lin = artist_id(signing_window.db, "林晓")
    assert dialog.picker.select(lin)
    assert dialog.artist_id() == lin
    assert dialog.ok_button.isEnabled() and "Lin Xiao_position_" in dialog.path_edit.text()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("project_certificate"))
    assert dialog.project_combo.isEnabled() and dialog.project_combo.count() >= 1
    assert dialog.request().project_id == dialog.project_combo.currentData()
    dialog.done(0)


def test_reissue_all_signs_nothing_when_the_list_is_cancelled(
    signing_window, signing_db, identity, qtbot, tmp_path, settings
):
    lin = artist_id(signing_db, "林晓")
    service = StatementService(signing_db, identity)
    old = service.export(StatementRequest(lin, languages=("en", "zh")), tmp_path / "a")
    revoke_first_given(signing_db, lin)
    settings.set(LAST_STATEMENT_FOLDER, str(tmp_path))
    view = statements_view(signing_window, qtbot)
    for size in ((1024, 700), (1920, 1080)):
        signing_window.resize(*size)
        view.reissue_all_action.trigger()
        confirm = view.statement_actions.dialog
        assert isinstance(confirm, ConfirmBatchDialog)
        assert ("林晓 (Lin Xiao)", "Position statement", "English + Chinese") in confirm.rows()
        assert confirm.height() <= size[1] and confirm.sign_button.isVisible()
        confirm.reject()
        wait_for_tasks(qtbot)
        assert StatementRegister(signing_db).get(old.statement.id).status is not (
            StatementStatus.SUPERSEDED
        )


def test_one_click_reissues_every_out_of_date_statement(
    signing_window, signing_db, identity, qtbot, tmp_path, settings
):
    """Journey 3: the artist's consent changed; every statement it makes untrue is re-issued."""
    lin = artist_id(signing_db, "林晓")
    service = StatementService(signing_db, identity)
    old_en = service.export(StatementRequest(lin, languages=("en",)), tmp_path / "a")
    old_zh = service.export(StatementRequest(lin, languages=("zh",)), tmp_path / "b")
    revoke_first_given(signing_db, lin)
    settings.set(LAST_STATEMENT_FOLDER, str(tmp_path))
    view = statements_view(signing_window, qtbot)
    assert view.model.stale_count >= 1
    assert view.reissue_all_action.isEnabled()
    stale = {st.id for st in view.out_of_date_statements()}
    assert old_zh.statement.id in stale
    view.reissue_all_action.trigger()
    # first, what will be signed: each artist, kind and languages, and the folder
    confirm = view.statement_actions.dialog
    assert isinstance(confirm, ConfirmBatchDialog) and confirm.isVisible()
    rows = confirm.rows()
    assert len(rows) == len(stale)
    assert ("林晓 (Lin Xiao)", "Position statement", "Chinese") in rows
    assert str(tmp_path) in confirm.folder_label.text()
    assert confirm.sign_button.text() == f"Sign {len(stale)} statements"
    confirm.sign_button.click()
    enter_passphrase(qtbot, view.statement_actions.dialog)
    wait_for_tasks(qtbot)
    register = StatementRegister(signing_db)
    for old_id in stale:
        assert register.get(old_id).status is StatementStatus.SUPERSEDED
    wait_for_tasks(qtbot)
    assert view.model.stale_count == 0
    assert not view.reissue_all_action.isEnabled()
    assert old_en.path.exists()  # the old files are kept


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)])
def test_exporting_from_a_past_matrix_date_opens_on_that_date_with_the_whole_warning(
    signing_window, signing_db, qtbot, tmp_path, settings, size
):
    """Journey 5: "what did we say in April?" — the export carries the matrix's date."""
    settings.set(LAST_STATEMENT_FOLDER, str(tmp_path))
    signing_window.resize(*size)
    lin = artist_id(signing_db, "林晓")
    consent = signing_window.consent_screens.view
    consent.show_artist(lin)
    past = datetime.now(desk_zone()).replace(second=0, microsecond=0) - timedelta(days=40)
    consent.set_as_of(past)
    assert consent.is_historical()
    action = signing_window.export_as_of_action
    assert action in consent.menu.actions()
    action.trigger()
    dialog = signing_window.statements_view.statement_actions.dialog
    assert isinstance(dialog, ExportStatementDialog)
    assert dialog.as_of.as_of() == past
    assert dialog.as_of.historical()
    note = dialog.as_of.note
    assert "HISTORICAL statement" in note.text()
    QApplication.processEvents()
    assert note.height() >= note.heightForWidth(note.width())  # not clipped
    dialog.done(0)
    # the roster's export for the same artist lends the matrix's date too; others start "now"
    again = export_statement_for(signing_window, lin)
    assert isinstance(again, ExportStatementDialog) and again.as_of.as_of() == past
    again.done(0)
    other = export_statement_for(signing_window, artist_id(signing_db, "陈静怡"))
    assert isinstance(other, ExportStatementDialog) and other.as_of.as_of() is None
    other.done(0)
    consent.set_as_of(None)
