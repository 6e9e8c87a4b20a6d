"""The Leak day screen: paste a list, fix the doubtful matches, save it, issue statements."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from models.leak.listings import ListingService
from models.roster.service import RosterService
from models.statements.register import StatementRegister
from reports.verify import verify_statement
from tests.ui.helpers import error_boxes, wait_for_tasks
from tests.ui.statements.signing import artist_id, enter_passphrase
from ui.leak.delegate import arrow_rect
from ui.leak.model import DOUBT, Column
from ui.leak.view import LeakView
from ui.statements.confirm import ConfirmBatchDialog

LIST = "1. 林晓（主演）\n2. 陈静宜\nKiki Wu、Zhou Mubia；张伟\n王子軒\n"


def paste(qtbot: QtBot, view: LeakView, text: str) -> None:
    before = view.match_task
    view.paste_edit.setPlainText(text)  # what a paste does; matching follows after a pause
    qtbot.waitUntil(lambda: view.match_task is not before, timeout=5000)
    wait_for_tasks(qtbot)


def cell(view: LeakView, row: int, column: Column) -> str:
    return str(view.model.data(view.model.index(row, column)) or "")


def checked(view: LeakView, row: int) -> bool:
    state = view.model.data(view.model.index(row, Column.CONFIRMED), Qt.ItemDataRole.CheckStateRole)
    return state == Qt.CheckState.Checked


def sign(qtbot: QtBot, view: LeakView, folder) -> ConfirmBatchDialog:
    """Issue into `folder`: the batch is listed first, then signed with the passphrase."""
    confirm = view.issue_into(folder)
    assert isinstance(confirm, ConfirmBatchDialog)
    qtbot.waitUntil(confirm.isVisible)
    listed = confirm.artists()
    confirm.sign_button.click()
    enter_passphrase(qtbot, view.dialog)
    confirm.listed = listed  # type: ignore[attr-defined]
    return confirm


def test_pasting_a_list_fills_the_table(leak_window, leak_view, qtbot):
    paste(qtbot, leak_view, LIST)
    view = leak_view
    rows = [cell(view, r, Column.ENTRY) for r in range(view.model.rowCount())]
    assert rows == ["1. 林晓（主演）", "2. 陈静宜", "Kiki Wu", "Zhou Mubia", "张伟", "王子軒"]
    assert cell(view, 5, Column.ARTIST) == "王子轩 (Wang Zixuan)"  # traditional characters
    assert cell(view, 5, Column.MATCH) == "Exact (traditional)"
    assert cell(view, 4, Column.MATCH) == "Not on the roster"
    assert cell(view, 3, Column.MATCH) == "Near spelling — pick or skip"  # Zhou Mubia
    assert view.summary.startswith("6 entries: 3 matched, 2 ambiguous, 1 not on the roster")
    assert leak_window.summary_label.text() == view.summary
    assert view.issue_button.text() == "Issue 3 statements…"
    assert view.matcher is not None
    kept = view.matcher
    paste(qtbot, view, "林晓")
    assert view.matcher is kept and view.model.rowCount() == 1  # the index is reused
    leak_window.roster_view.model.loaded.emit()  # the roster was reloaded (import, demo…)
    assert view.matcher is None


def test_an_ambiguous_row_is_settled_by_picking_a_candidate(leak_view, qtbot, demo_db):
    paste(qtbot, leak_view, LIST)
    view = leak_view
    index = view.model.index(1, Column.ARTIST)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    combo = view.table.findChild(QComboBox, "candidateCombo")
    assert combo is not None
    assert combo.currentIndex() == 0  # "none" until the manager chooses
    assert combo.itemText(1).startswith("陈静怡 (Chen Jingyi)")
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    qtbot.waitUntil(lambda: cell(view, 1, Column.ARTIST) == "陈静怡 (Chen Jingyi)")
    assert cell(view, 1, Column.MATCH) == "Picked by hand"
    assert artist_id(demo_db, "陈静怡") in view.model.confirmed_ids()
    assert view.issue_button.text() == "Issue 4 statements…"


def test_saving_the_listing_needs_its_platform(leak_view, qtbot, demo_db):
    paste(qtbot, leak_view, LIST)
    assert leak_view.save_listing() is None
    assert not error_boxes()  # said at the field, not in a message box
    assert (
        leak_view.platform_problem.isVisible() and "platform" in leak_view.platform_problem.text()
    )
    leak_view.platform_edit.setText("星幕 AI 艺人库")
    assert not leak_view.platform_problem.isVisible()
    leak_view.source_edit.setText("https://news.example/list")
    leak_view.save_listing()
    wait_for_tasks(qtbot)
    (saved,) = ListingService(demo_db).listings()
    assert saved.platform == "星幕 AI 艺人库" and saved.entry_count == 6
    assert "listing #" in leak_view.saved_label.text()
    lin = artist_id(demo_db, "林晓")
    assert ListingService(demo_db).platforms_listed(lin) == ("星幕 AI 艺人库",)
    assert cell(leak_view, 0, Column.LISTED) == "星幕 AI 艺人库"


def test_issuing_statements_for_the_confirmed_artists(
    leak_window, leak_view, qtbot, tmp_path, demo_db
):
    paste(qtbot, leak_view, LIST)
    leak_view.platform_edit.setText("Xingmu AI Artist Library")
    leak_view.languages.set_languages(("en", "zh"))
    sign(qtbot, leak_view, tmp_path)
    wait_for_tasks(qtbot)
    box = leak_view.issuer.box
    assert box is not None and "3 signed statements issued" in box.text()
    box.done(0)
    (summary,) = tmp_path.glob("issued-statements-*.csv")
    rows = list(csv.DictReader(io.StringIO(summary.read_text("utf-8-sig"))))
    assert [r["artist"] for r in rows] == [
        "林晓 (Lin Xiao)",
        "吴思琪 (Wu Siqi)",
        "王子轩 (Wang Zixuan)",
    ]
    assert all(r["platforms"] == "Xingmu AI Artist Library" for r in rows)
    assert list(tmp_path.glob("issued-statements-*.pdf"))
    for r in rows:
        result = verify_statement(tmp_path / r["file"], db=demo_db)
        assert result.valid and result.in_register and result.record is not None
        assert result.record["listings"][0]["platform"] == "Xingmu AI Artist Library"
    (listing,) = ListingService(demo_db).listings()  # saved once, with the statements
    assert "listing #" in leak_view.saved_label.text()
    leak_window.show_view("statements")
    wait_for_tasks(qtbot)
    assert leak_window.statements_view.model.total == 3
    assert listing.platform == "Xingmu AI Artist Library"


def test_issuing_many_can_be_cancelled_and_says_what_went_out(leak_view, qtbot, tmp_path, demo_db):
    names = "\n".join(a.native_name for a in RosterService(demo_db).search())
    paste(qtbot, leak_view, names)
    assert len(leak_view.model.confirmed_ids()) == 30
    leak_view.platform_edit.setText("Platform X")
    sign(qtbot, leak_view, tmp_path)
    task = leak_view.issuer.task
    assert task is not None
    qtbot.waitUntil(lambda: task.dialog is not None and any(tmp_path.glob("*.pdf")), timeout=15_000)
    assert not leak_view.issue_button.isEnabled()  # no second batch while this one runs
    task.dialog.findChild(QPushButton).click()
    wait_for_tasks(qtbot)
    box = leak_view.issuer.box
    assert box is not None and box.text().startswith("Cancelled")
    issued = StatementRegister(demo_db).statements()
    assert 1 <= len(issued) < 30
    (summary,) = tmp_path.glob("issued-statements-*.csv")
    rows = list(csv.DictReader(io.StringIO(summary.read_text("utf-8-sig"))))
    assert {r["statement_id"] for r in rows} == {s.id for s in issued}
    box.done(0)
    assert leak_view.issue_button.isEnabled()


def test_opening_a_list_file(leak_view, qtbot, tmp_path):
    sheet = tmp_path / "名单.csv"
    sheet.write_text("排名,姓名,备注\n1,林晓,主演\n2,Kiki Wu,\n", "utf-8")
    leak_view.open_list(sheet)
    wait_for_tasks(qtbot)
    qtbot.waitUntil(lambda: leak_view.model.rowCount() == 2, timeout=5000)
    assert cell(leak_view, 1, Column.ARTIST) == "吴思琪 (Wu Siqi)"
    assert leak_view.source_edit.text() == "file 名单.csv"


# -- confirming, and only what a person confirmed (issue 17) -------------------------------------
def test_latin_matches_wait_unticked_and_shaded_with_the_reason(leak_view, qtbot):
    paste(qtbot, leak_view, "林晓\nWang Zixuan\nLin Xaio\nKiki Wu\nLin Xiao\n")
    view = leak_view
    assert checked(view, 0) and checked(view, 3)  # characters, a stage name: sure
    assert cell(view, 1, Column.ARTIST) == "王子轩 (Wang Zixuan)" and not checked(view, 1)
    assert cell(view, 1, Column.MATCH) == "Pinyin — confirm"
    reason = view.model.data(view.model.index(1, Column.MATCH), Qt.ItemDataRole.ToolTipRole)
    assert reason == "Same spelling as 王子轩 (Wang Zixuan) — other people share this pinyin."
    # a two-character name in Latin letters is a candidate to pick, not a match
    assert cell(view, 4, Column.ARTIST).startswith("— pick one") and not checked(view, 4)
    assert "shared by many" in str(
        view.model.data(view.model.index(4, Column.MATCH), Qt.ItemDataRole.ToolTipRole)
    )
    shade = view.model.data(view.model.index(1, Column.ENTRY), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(shade, QBrush) and shade.color() == DOUBT
    # a near spelling is never pre-ticked, nor even chosen
    assert not checked(view, 2) and cell(view, 2, Column.ARTIST).startswith("— pick one")
    assert "One letter differs from 林晓" in str(
        view.model.data(view.model.index(2, Column.MATCH), Qt.ItemDataRole.ToolTipRole)
    )
    assert view.issue_button.text() == "Issue 2 statements…"  # 林晓 and 吴思琪 only
    view.model.confirm(1)
    assert cell(view, 1, Column.MATCH) == "Pinyin — confirmed"


def cell_center(view: LeakView, row: int, column: Column) -> QPoint:
    return view.table.visualRect(view.model.index(row, column)).center()


def test_the_confirmed_cell_toggles_on_a_click_anywhere_in_it(leak_view, qtbot):
    paste(qtbot, leak_view, "Wang Zixuan\n")
    view = leak_view
    rect = view.table.visualRect(view.model.index(0, Column.CONFIRMED))
    far = QPoint(rect.right() - 3, rect.center().y())  # away from the small box
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=far)
    assert checked(view, 0)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not checked(view, 0)


def test_an_arrow_in_the_artist_cell_opens_the_candidates(leak_view, qtbot):
    paste(qtbot, leak_view, LIST)
    view = leak_view
    rect = view.table.visualRect(view.model.index(1, Column.ARTIST))
    assert view.table.findChild(QComboBox, "candidateCombo") is None
    qtbot.mouseClick(
        view.table.viewport(), Qt.MouseButton.LeftButton, pos=arrow_rect(rect).center()
    )
    combo = view.table.findChild(QComboBox, "candidateCombo")
    assert combo is not None and combo.itemText(1).startswith("陈静怡 (Chen Jingyi)")
    combo.hidePopup()
    assert "arrow" in str(
        view.model.data(view.model.index(1, Column.ARTIST), Qt.ItemDataRole.ToolTipRole)
    )


def test_issuing_without_a_platform_marks_the_field_and_moves_focus(leak_view, qtbot, tmp_path):
    paste(qtbot, leak_view, LIST)
    leak_view.table.setFocus()
    assert leak_view.issue_into(tmp_path) is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert leak_view.platform_problem.isVisible()
    assert leak_view.platform_edit.property("problem") is True
    qtbot.waitUntil(leak_view.platform_edit.hasFocus)


def test_the_batch_is_listed_before_signing_and_rows_show_their_statement(
    leak_view, qtbot, tmp_path, demo_db
):
    paste(qtbot, leak_view, LIST)
    view = leak_view
    view.platform_edit.setText("Platform X")
    view.languages.set_languages(("en", "zh"))
    confirm = view.issue_into(tmp_path)
    assert isinstance(confirm, ConfirmBatchDialog)
    assert confirm.artists() == ["林晓 (Lin Xiao)", "吴思琪 (Wu Siqi)", "王子轩 (Wang Zixuan)"]
    rows = [
        [confirm.table.item(r, c).text() for c in range(3)] for r in range(confirm.table.rowCount())
    ]
    assert all(r[1] == "Position statement" and r[2] == "English + Chinese" for r in rows)
    assert str(tmp_path) in confirm.folder_label.text()
    assert not confirm.warning.isVisible()
    # the list's platform is named, and being listed is never read as consent
    assert "Platform X lists the artist" in confirm.listing_note.text()
    assert "does not mean the artist has agreed" in confirm.listing_note.text()
    assert confirm.windowTitle() == "Sign 3 statements?"
    cancel = confirm.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.isDefault() and not confirm.sign_button.isDefault()  # Enter never signs
    confirm.reject()  # nothing is signed
    assert StatementRegister(demo_db).statements() == []
    sign(qtbot, view, tmp_path)
    wait_for_tasks(qtbot)
    assert view.issuer.box is not None
    view.issuer.box.done(0)
    issued = {s.id for s in StatementRegister(demo_db).statements()}
    shown = {cell(view, r, Column.STATEMENT) for r in (0, 2, 5)}
    assert shown == issued and len(issued) == 3
    assert cell(view, 4, Column.STATEMENT) == ""
    again = view.issue_into(tmp_path)  # issuing twice asks first, saying so
    assert isinstance(again, ConfirmBatchDialog)
    qtbot.waitUntil(again.isVisible)
    assert again.warning.isVisible() and "3 of these artists already got" in again.warning.text()
    again.reject()


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)])
def test_leak_day_fits_the_window_without_sideways_scrolling(leak_window, leak_view, qtbot, size):
    leak_window.resize(*size)
    paste(qtbot, leak_view, LIST)
    qtbot.waitUntil(lambda: leak_window.width() <= size[0])
    QApplication.processEvents()
    table = leak_view.table
    assert table.horizontalScrollBar().maximum() == 0, size
    edit = leak_view.platform_edit
    assert edit.isVisible() and edit.width() >= 180
    placeholder = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert placeholder < edit.width()  # the hint is not cut off
    assert "*" in leak_view.platform_label.text()  # marked required
    button = leak_view.issue_button
    right = button.mapTo(leak_window, button.rect().topRight()).x()
    assert right < leak_window.width() - 2  # the issue button does not touch the edge


def test_after_issuing_one_action_writes_the_press_kit(leak_view, qtbot, tmp_path, demo_db):
    assert not leak_view.press_kit_button.isEnabled()  # nothing issued yet
    paste(qtbot, leak_view, LIST)
    leak_view.platform_edit.setText("Xingmu AI Artist Library")
    out = tmp_path / "issued"
    out.mkdir()
    sign(qtbot, leak_view, out)
    wait_for_tasks(qtbot)
    leak_view.issuer.box.done(0)
    assert leak_view.press_kit_button.isEnabled()
    enter_passphrase(qtbot, leak_view.write_press_kit(tmp_path))
    wait_for_tasks(qtbot)
    (kit,) = tmp_path.glob("press-kit-*")
    issued = set(leak_view.model.statements.values())
    assert len(list((kit / "statements").glob("*.pdf"))) == len(issued) == 3
    note = (kit / "press-note.txt").read_text(encoding="utf-8")
    assert "Xingmu AI Artist Library" in note and all(i in note for i in issued)
    assert (kit / "register" / "verify.html").is_file() and (kit / "how-to-check.pdf").is_file()
