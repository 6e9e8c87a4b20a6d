"""The Leak day screen: paste a list, fix the doubtful matches, save it, issue statements."""

from __future__ import annotations

import csv
import io

from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from models.leak.listings import ListingService
from models.roster.service import RosterService
from models.statements.register import StatementRegister
from reports.verify import verify_statement
from tests.ui.helpers import close_error_boxes, error_boxes, wait_for_tasks
from tests.ui.statements.signing import artist_id, enter_passphrase
from ui.leak.model import Column
from ui.leak.view import LeakView

LIST = "1. 林晓（主演）\n2. 陈静宜\nKiki Wu、Zhou Mubia；张伟\n王子軒\n"


def paste(qtbot: QtBot, view: LeakView, text: str) -> None:
    before = view.match_task
    view.paste_edit.setPlainText(text)  # what a paste does; matching follows after a pause
    qtbot.waitUntil(lambda: view.match_task is not before, timeout=5000)
    wait_for_tasks(qtbot)


def cell(view: LeakView, row: int, column: Column) -> str:
    return str(view.model.data(view.model.index(row, column)) or "")


def test_pasting_a_list_fills_the_table(leak_window, leak_view, qtbot):
    paste(qtbot, leak_view, LIST)
    view = leak_view
    rows = [cell(view, r, Column.ENTRY) for r in range(view.model.rowCount())]
    assert rows == ["1. 林晓（主演）", "2. 陈静宜", "Kiki Wu", "Zhou Mubia", "张伟", "王子軒"]
    assert cell(view, 5, Column.ARTIST) == "王子轩 (Wang Zixuan)"  # traditional characters
    assert cell(view, 4, Column.MATCH) == "Not on the roster"
    assert view.summary.startswith("6 entries: 4 matched, 1 ambiguous, 1 not on the roster")
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
    assert error_boxes() and "platform" in error_boxes()[0].text()
    close_error_boxes()
    leak_view.platform_edit.setText("星幕 AI 艺人库")
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
    enter_passphrase(qtbot, leak_view.issue_into(tmp_path))
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
    enter_passphrase(qtbot, leak_view.issue_into(tmp_path))
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
