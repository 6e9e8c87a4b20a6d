"""The interface in Simplified Chinese: every screen and dialog, the language preference.

Each screen and dialog is opened in zh_CN and read as a person sees it (tests/ui/
english_check.py); any English source string or stray English word left in it fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from models.desk import Desk
from models.errors import FieldProblem, ValidationError
from models.roster.artist import Stance
from models.roster.io import preview
from models.roster.service import RosterService
from models.statements.record import StatementKind
from models.storage.database import Database
from tests.ui.consent.template import copy_demo, make_demo_template
from tests.ui.english_check import ROOT, assert_chinese, english_left
from tests.ui.helpers import close_error_boxes, wait_for_tasks
from ui.about import AboutDialog
from ui.app import install_translation
from ui.desk_tools import FindEverythingDialog
from ui.desk_user import DeskUserDialog
from ui.errors import show_error
from ui.i18n import (
    CHINESE,
    ENGLISH,
    SYSTEM,
    current_language,
    date_text,
    install_language,
    label,
    user_message,
)
from ui.main_window import MainWindow
from ui.preferences import PreferencesDialog, apply_language
from ui.roster.dialog import ArtistDialog
from ui.roster.import_dialog import ImportPreviewDialog
from ui.roster.model import Column
from ui.settings import LANGUAGE, Settings
from ui.statements.confirm import ConfirmBatchDialog, PlannedStatement


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    saved = QLocale()
    assert install_language(qapp, CHINESE) == CHINESE
    yield
    install_language(qapp, ENGLISH)
    QLocale.setDefault(saved)


@pytest.fixture(scope="module")
def demo_with_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_template(tmp_path_factory.mktemp("zh-demo"))


@pytest.fixture
def demo_db(demo_with_files: Path, tmp_path: Path) -> Iterator[Database]:
    """The demo agency with its evidence files (so evidence checks read "matches")."""
    database = Database.open(str(copy_demo(demo_with_files, tmp_path)), actor="tester")
    yield database
    database.close()


@pytest.fixture
def zh_window(
    qtbot: QtBot, chinese: None, demo_db: Database, settings: Settings
) -> Iterator[MainWindow]:
    win = MainWindow(demo_db, settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    wait_for_tasks(qtbot)
    close_error_boxes()


def _artist_id(db: Database, native_name: str) -> int:
    return next(a.id for a in RosterService(db).search(native_name) if a.native_name == native_name)


def test_the_english_check_catches_english(chinese: None) -> None:
    """The checker itself: English sources, stray English words; data and codes pass."""
    assert english_left("&Import roster…") == ["Import roster…"]
    assert english_left("Exported 3 artists to roster.csv.") != []
    assert english_left("Something new nobody wrapped") == ["Something", "new", "nobody", "wrapped"]
    assert english_left("导入艺人名册(&I)…") == []
    assert english_left("林晓 (Lin Xiao) · CN · US-CA · SHA-256 · Ctrl+Shift+D") == []
    assert english_left("条件：Voice only; no de-aging; no political content.") == []


def test_every_view_of_the_main_window_speaks_chinese(
    qtbot: QtBot, zh_window: MainWindow, demo_db: Database
) -> None:
    window = zh_window
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.nav.item(0).text() == "艺人名册"
    assert window.summary_label.text() == "显示 30 位艺人 · 30 位在册 · 0 位已归档"
    read = 0
    for key in window.view_keys():
        window.show_view(key)
        view = window.current_view()
        show_artist = getattr(view, "show_artist", None)
        if callable(show_artist):  # the consent view shows a demo artist with records
            show_artist(_artist_id(demo_db, "陈静怡"))
        qtbot.wait(50)
        wait_for_tasks(qtbot)
        read += assert_chinese(window)
    assert read > 100


def test_roster_cells_show_stances_ages_and_dates_in_chinese(
    zh_window: MainWindow, demo_db: Database
) -> None:
    model = zh_window.roster_view.model
    lin = model.row_of(_artist_id(demo_db, "林晓"))
    minor = model.row_of(_artist_id(demo_db, "王子轩"))
    assert lin is not None and minor is not None
    assert model.data(model.index(lin, Column.STANCE)) == label(Stance.OPEN_TO_DISCUSS)
    assert model.data(model.index(lin, Column.STANCE)) == "愿意洽谈（非同意）"
    assert model.data(model.index(lin, Column.STATUS)) == "在册"
    assert model.data(model.index(minor, Column.AGE)).endswith(" · 未成年")
    tip = model.data(model.index(lin, Column.AGE), Qt.ItemDataRole.ToolTipRole)
    assert tip == "生于 1994年3月12日"
    assert model.headerData(Column.NATIVE, Qt.Orientation.Horizontal) == "原文姓名"


def test_the_roster_dialogs_speak_chinese(
    qtbot: QtBot, zh_window: MainWindow, demo_db: Database, tmp_path: Path
) -> None:
    roster = RosterService(demo_db)
    add = ArtistDialog(zh_window)
    qtbot.addWidget(add)
    add.show()
    assert add.windowTitle() == "添加艺人"
    assert_chinese(add)
    add.dob_edit.setText("not a date")
    add.native_edit.setText("")
    qtbot.keyClicks(add.native_edit, "x")
    add.native_edit.clear()
    assert add.problem_label("native_name").text() == "必须填写名称"
    assert add.problem_label("date_of_birth").text() == (
        "“not a date”不是有效日期（格式如 1990-05-31、1990/5/31、1990年5月31日或 31.05.1990）"
    )
    assert_chinese(add)

    minor = roster.get(_artist_id(demo_db, "王子轩"))
    edit = ArtistDialog(zh_window, minor)
    qtbot.addWidget(edit)
    edit.show()
    assert edit.guardian_hint.isVisible()
    assert_chinese(edit)

    sheet = tmp_path / "新签艺人.csv"
    sheet.write_text(
        "native_name,romanized_name,date_of_birth,jurisdiction,ai_stance\n"
        "张伟,,1990-05-31,CN,declined\n"
        ",,2031-01-01,CN,not_asked\n"
        "陈晨,,1985-10-10,Singapore,maybe\n",
        encoding="utf-8",
    )
    dialog = ImportPreviewDialog(preview(sheet), sheet.name, zh_window)
    qtbot.addWidget(dialog)
    dialog.show()
    problems = {
        dialog.problems_table.item(r, 2).text() for r in range(dialog.problems_table.rowCount())
    }
    assert "必须填写名称" in problems and "不能是将来的日期" in problems
    assert "格式应如 CN、US-CA 或 GB（国家或地区代码，可加下级地区）" in problems
    assert_chinese(dialog)


def test_about_and_preferences_speak_chinese(qtbot: QtBot, zh_window: MainWindow) -> None:
    about = AboutDialog(zh_window)
    qtbot.addWidget(about)
    about.show()
    assert_chinese(about)
    preferences = PreferencesDialog(zh_window.settings, zh_window)
    qtbot.addWidget(preferences)
    preferences.show()
    assert preferences.windowTitle() == "偏好设置"
    assert [preferences.language_combo.itemText(i) for i in (1, 2)] == ["English", "简体中文"]
    assert_chinese(preferences)
    confirm = ConfirmBatchDialog(
        [PlannedStatement("林晓 (Lin Xiao)", StatementKind.POSITION, ("en", "zh"))],
        Path("/声明/林晓"),
        "重新出具已过时的声明",
        zh_window,
    )
    qtbot.addWidget(confirm)
    confirm.show()
    assert confirm.sign_button.text() == "签署 1 份声明"
    assert_chinese(confirm)
    finder = FindEverythingDialog(zh_window)
    qtbot.addWidget(finder)
    finder.show()
    assert finder.windowTitle() == "全局查找"
    assert_chinese(finder)
    desk = DeskUserDialog("", zh_window)
    qtbot.addWidget(desk)
    desk.show()
    assert desk.windowTitle() == "谁在使用本工作台？"
    assert_chinese(desk)


def test_the_consent_dialogs_speak_chinese(
    qtbot: QtBot, zh_window: MainWindow, demo_db: Database
) -> None:
    view = getattr(zh_window, "consent_screens", None)
    if view is None:
        pytest.skip("no consent screens registered")
    consent = view.view
    consent.show_artist(_artist_id(demo_db, "陈静怡"))
    zh_window.show_view("consent")
    wait_for_tasks(qtbot)
    matrix = consent.model.matrix
    assert matrix is not None
    in_force = [r.record_id for r in matrix.state.records if r.in_force]
    assert in_force, "the demo artist has a consent in force"
    consent.select_record(in_force[0])
    wait_for_tasks(qtbot)
    assert_chinese(zh_window)  # the history panel of a given record
    for open_dialog in (
        consent.new_consent,
        consent.edit_consent,
        consent.revoke_consent,
        consent.record_stance,
    ):
        dialog = open_dialog()
        if dialog is None:
            continue
        qtbot.waitExposed(dialog)
        wait_for_tasks(qtbot)
        assert_chinese(dialog)
        dialog.close()
        qtbot.waitUntil(lambda: consent.dialog is None, timeout=2000)
    from ui.consent.form.parties import PartyDialog

    party = PartyDialog(zh_window)
    qtbot.addWidget(party)
    party.show()
    assert_chinese(party)


def _show(qtbot: QtBot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_for_tasks(qtbot)
    return dialog


def test_the_proposal_screens_and_dialogs_speak_chinese(
    qtbot: QtBot, zh_window: MainWindow, demo_db: Database, tmp_path: Path
) -> None:
    from tests.ui.proposals.conftest import SCRIPT, draft
    from ui.proposals import PROPOSALS_KEY
    from ui.proposals.accept import AcceptDialog
    from ui.proposals.decisions import DecisionDialog
    from ui.proposals.findings.dialogs import AcceptRiskDialog, ExportDialog
    from ui.proposals.form.dialog import ProposalDialog
    from ui.proposals.mapping import ArtistPickDialog
    from ui.proposals.page import FINDINGS_TAB

    view = zh_window.proposals_view
    ctx = view.ctx
    proposal = ctx.service.create(draft(demo_db))
    zh_window.show_view(PROPOSALS_KEY)
    view.refresh()
    wait_for_tasks(qtbot)
    assert_chinese(zh_window)  # the list
    assert view.open_proposal(proposal.id)
    script = tmp_path / "changye-ep3.fountain"
    script.write_text(SCRIPT, encoding="utf-8")
    assert view.page.files.attach([script], scripts=True) is not None
    wait_for_tasks(qtbot)
    assert view.page.files.mapping.confirm_suggestions()
    view.page.tabs.setCurrentIndex(FINDINGS_TAB)
    panel = view.page.findings
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.run_check()
    wait_for_tasks(qtbot)
    panel.table.selectRow(0)
    assert_chinese(zh_window)  # every tab of the proposal page, with findings

    finding = panel.current_finding()
    assert finding is not None
    proposal = ctx.service.get(proposal.id)
    for dialog in (
        ProposalDialog(zh_window, ctx.service, ctx.parties, ctx.roster, None, ctx.undo_stack),
        ProposalDialog(zh_window, ctx.service, ctx.parties, ctx.roster, proposal, ctx.undo_stack),
        AcceptDialog(zh_window, proposal, {}),
        AcceptRiskDialog(zh_window, finding),
        ExportDialog(zh_window, tmp_path / "review.pdf"),
        ArtistPickDialog(zh_window, ctx, "SHEN YAO"),
        DecisionDialog(zh_window, proposal.artists[0], True, "梅"),
        DecisionDialog(zh_window, proposal.artists[0], False, "梅"),
    ):
        assert_chinese(_show(qtbot, dialog))
        dialog.close()


def test_the_statement_and_leak_screens_speak_chinese(
    qtbot: QtBot, zh_window: MainWindow, demo_db: Database
) -> None:
    from tests.shared_identity import install
    from ui.leak import LEAK_KEY
    from ui.statements.batch_dialog import BatchExportDialog
    from ui.statements.export_dialog import ExportStatementDialog
    from ui.statements.identity_dialog import IdentityDialog
    from ui.statements.letterhead_dialog import LetterheadDialog
    from ui.statements.unlock import PassphraseDialog
    from ui.statements.verify_dialog import VerifyDialog

    settings = zh_window.settings
    lin = _artist_id(demo_db, "林晓")
    assert_chinese(_show(qtbot, IdentityDialog(Desk(demo_db), settings, zh_window)))  # none yet
    install(demo_db)
    for dialog in (
        IdentityDialog(Desk(demo_db), settings, zh_window),
        ExportStatementDialog(Desk(demo_db), settings, lin, zh_window),
        BatchExportDialog(Desk(demo_db), settings, [lin], zh_window),
        LetterheadDialog(Desk(demo_db), zh_window),
        VerifyDialog(demo_db, settings, zh_window),
        PassphraseDialog(Desk(demo_db), "签署一份声明。", zh_window),
    ):
        assert_chinese(_show(qtbot, dialog))
        dialog.close()

    leak = zh_window.leak_view
    zh_window.show_view(LEAK_KEY)
    before = leak.match_task
    leak.paste_edit.setPlainText("1. 林晓（主演）\n2. 陈静宜\nLin Xiao、王子軒；张伟\n")
    qtbot.waitUntil(lambda: leak.match_task is not before, timeout=5000)
    wait_for_tasks(qtbot)
    assert leak.model.rowCount() == 5
    assert_chinese(zh_window)
    confirm = ConfirmBatchDialog(
        [PlannedStatement("林晓（Lin Xiao）", StatementKind.POSITION, ("en", "zh"))],
        Path("/声明"),
        "签署 1 份声明？",
        zh_window,
        platform="星幕",
        again=1,
    )
    assert "星幕将艺人列入其名单" in confirm.listing_note.text()
    assert_chinese(_show(qtbot, confirm))
    confirm.close()


def test_messages_and_errors_are_in_chinese(qtbot: QtBot, zh_window: MainWindow) -> None:
    assert current_language() == CHINESE
    error = ValidationError([FieldProblem("native_name", "problem.a_name_is_required", 2)])
    assert user_message(error) == "请更正：第 2 行，原文姓名：必须填写名称"
    box = show_error(zh_window, error)
    assert box.windowTitle() == "请更正" and box.text() == user_message(error)
    ok = box.button(QMessageBox.StandardButton.Ok)
    assert ok is not None and ok.text() in ("确定", "好")  # Qt's own words come translated too
    close_error_boxes()
    zh_window.set_desk_user("梅")
    assert zh_window.statusBar().currentMessage() == "今后的更改将记录为 梅。"


def test_the_language_setting_picks_the_translation(qapp: QApplication, settings: Settings) -> None:
    saved = QLocale()
    try:
        settings.set(LANGUAGE, CHINESE)
        assert install_translation(qapp, settings) == CHINESE
        assert current_language() == CHINESE
        assert QApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert date_text(date(2026, 5, 1)) == "2026年5月1日"

        settings.set(LANGUAGE, ENGLISH)
        assert install_translation(qapp, settings) == ENGLISH
        assert current_language() == ENGLISH
        assert QApplication.translate("MainWindow", "&File") == "&File"

        settings.set(LANGUAGE, SYSTEM)  # follows the desktop: Chinese on a Chinese system
        chinese_desktop = QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)
        assert install_language(qapp, SYSTEM, chinese_desktop) == CHINESE
        assert QLocale().language() == QLocale.Language.Chinese
        assert install_language(qapp, SYSTEM, QLocale(QLocale.Language.French)) == ENGLISH
        assert QApplication.translate("MainWindow", "&File") == "&File"
    finally:
        install_language(qapp, ENGLISH)
        QLocale.setDefault(saved)


def test_preferences_switch_the_window_to_chinese_and_back(
    qtbot: QtBot, qapp: QApplication, demo_db: Database, settings: Settings
) -> None:
    saved = QLocale()
    window = MainWindow(demo_db, settings)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.preferences_action.trigger()  # Edit → Preferences… (Ctrl+,)
        dialog = window.findChild(PreferencesDialog)
        assert dialog is not None and dialog.isVisible()
        assert dialog.choice() == SYSTEM
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(CHINESE))
        dialog.accept()  # saves, then rebuilds the window in Chinese
        qtbot.waitUntil(lambda: not window.isVisible())
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        zh = next(w for w in shown if w.isVisible())
        assert zh is not window
        assert settings.get(LANGUAGE) == CHINESE
        assert zh.menuBar().actions()[0].text() == "文件(&F)"
        assert zh.statusBar().currentMessage() == "语言：简体中文"
        assert zh.preferences_action.shortcut().toString() == "Ctrl+,"
        assert_chinese(zh)

        again = PreferencesDialog(settings, zh)
        assert again.choice() == CHINESE
        again.language_combo.setCurrentIndex(again.language_combo.findData(ENGLISH))
        assert again.save()
        again.deleteLater()
        en = apply_language(zh)
        assert en.menuBar().actions()[0].text() == "&File"
        assert en.statusBar().currentMessage() == "Language: English"
        en.close()
        en.deleteLater()
    finally:
        install_language(qapp, ENGLISH)
        QLocale.setDefault(saved)
        wait_for_tasks(qtbot)


def test_every_dialog_class_in_ui_is_covered() -> None:
    """A new dialog should be added to the checks above (or here, with the reason)."""
    covered = {
        "ArtistDialog", "ImportPreviewDialog", "AboutDialog", "PreferencesDialog",
        "ConsentDialog", "RevokeDialog", "StanceDialog", "PartyDialog",
        "ProposalDialog", "AcceptDialog", "AcceptRiskDialog", "ExportDialog",
        "ArtistPickDialog", "DecisionDialog",
        "IdentityDialog", "ExportStatementDialog", "BatchExportDialog", "LetterheadDialog",
        "VerifyDialog", "PassphraseDialog", "DeskUserDialog",
        "ConfirmBatchDialog", "FindEverythingDialog",
    }  # fmt: skip
    found = set()
    for path in (ROOT / "ui").rglob("*.py"):
        found.update(re.findall(r"^class (\w+)\((?:QDialog)\)", path.read_text(), re.M))
    assert found - covered == set(), "open the new dialog in test_i18n.py"


def test_problems_made_by_their_codes_read_in_chinese_in_the_dialogs(
    qtbot: QtBot, zh_window: MainWindow, demo_db: Database, tmp_path: Path
) -> None:
    """The form problems and a validation error come in Chinese from their catalogue codes
    (they were English sentences, found again by matching the English)."""
    import json

    from models.proposals.importer import plan_import
    from ui.consent.stance import StanceDialog
    from ui.proposals.form.dialog import ProposalDialog

    ctx = zh_window.proposals_view.ctx
    form = _show(
        qtbot, ProposalDialog(zh_window, ctx.service, ctx.parties, ctx.roster, None, ctx.undo_stack)
    )
    form.counterparty.combo.setCurrentIndex(-1)  # nothing chosen
    form.project.combo.setCurrentIndex(-1)
    form.revalidate()
    assert form.problems["counterparty_id"].text() == "请选择合作方"
    assert form.problems["project_id"].text() == "请选择项目"
    assert form.summary.text().endswith("：请选择合作方")
    assert not form.ok_button.isEnabled()
    form.close()

    artist = RosterService(demo_db).get(_artist_id(demo_db, "陈静怡"))
    stance = _show(qtbot, StanceDialog(zh_window, artist, []))
    stance.stance_combo.setCurrentIndex(
        stance.stance_combo.findData(Stance.OPTED_IN_WITH_CONDITIONS.value)
    )
    stance.conditions.setPlainText("")
    stance.revalidate()
    assert stance.problem_labels["conditions"].text() == "请写明艺人的条件"
    stance.close()

    bad = tmp_path / "proposal.json"
    bad.write_text(
        json.dumps(
            {
                "counterparty": 10**30,
                "project": "长夜行",
                "received_on": "2026-05-01",
                "artists": [{"artist": "无此人"}],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        plan_import(demo_db, bad)
    box = show_error(zh_window, caught.value)
    assert box.text() == (
        "请更正：合作方：没有编号为 （数值过大） 的合作方；"
        "第 1 行，艺人：艺人名册中没有名为“无此人”的艺人"
    )
    assert_chinese(box)
    close_error_boxes()


def test_a_failed_daily_backup_says_why_in_chinese(
    qtbot: QtBot, zh_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.storage.archive import BackupError

    def refuse(_db: Database) -> None:
        raise BackupError("error.safety.backup.sqlite_only")

    monkeypatch.setattr("models.safety.backup.rolling_backup", refuse)
    monkeypatch.setattr(zh_window.safety, "check_files", lambda: None)
    zh_window.safety.start_background_checks()
    qtbot.waitUntil(lambda: "每日备份" in zh_window.statusBar().currentMessage(), timeout=5000)
    assert (
        zh_window.statusBar()
        .currentMessage()
        .startswith("无法写入每日备份：Consent Desk 只备份 SQLite 数据库")
    )
