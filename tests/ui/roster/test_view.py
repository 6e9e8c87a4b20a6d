"""The roster screen driven like a person would: typing searches, keys, undo and redo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from models.desk import Desk
from models.roster.artist import ArtistDraft, Stance
from models.roster.service import RosterService
from models.storage.database import Database
from tests.ui.helpers import close_error_boxes, commit_text, error_boxes, select_row
from ui.roster.model import Column
from ui.roster.view import RosterView
from ui.settings import Settings


@pytest.fixture
def view(qtbot: QtBot, demo_db: Database, settings: Settings) -> Iterator[RosterView]:
    stack = QUndoStack()
    widget = RosterView(Desk(demo_db), stack, settings)
    widget._test_stack = stack  # type: ignore[attr-defined]  # keep the stack alive
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    close_error_boxes()


def names(view: RosterView) -> list[str]:
    model = view.model
    return [str(model.data(model.index(r, Column.NATIVE))) for r in range(model.rowCount())]


def select_artist(view: RosterView, native_name: str) -> None:
    row = names(view).index(native_name)
    select_row(view.table, row)
    view.table.setFocus()


def test_ascii_typing_filters_after_a_short_pause(qtbot: QtBot, view: RosterView) -> None:
    assert view.model.rowCount() == 30
    qtbot.keyClicks(view.search_edit, "zhaoyiming")
    assert view.model.query == ""  # debounced: nothing searched while typing
    qtbot.waitUntil(lambda: view.model.query == "zhaoyiming")
    assert names(view) == ["赵一鸣"]
    assert view.summary.startswith("1 artist shown · 30 active")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("lin xiao", ["林晓", "林小雨"]),  # 林小雨 is "lin xiao yu"
        ("linxiaoyu", ["林小雨"]),
        ("Lin", ["林晓", "林小雨", "Hannah Lindqvist"]),
        ("kiki", ["吴思琪"]),  # stage name
        ("Em", ["Emma Hart"]),  # two letters
        ("hart", ["Emma Hart"]),
    ],
)
def test_search_finds_by_pinyin_romanised_and_stage_names(
    qtbot: QtBot, view: RosterView, typed: str, expected: list[str]
) -> None:
    qtbot.keyClicks(view.search_edit, typed)
    qtbot.waitUntil(lambda: view.model.query == typed)
    assert sorted(names(view)) == sorted(expected)


def test_chinese_typed_through_an_input_method_filters(qtbot: QtBot, view: RosterView) -> None:
    view.search_edit.setFocus()
    commit_text(view.search_edit, "林")
    assert view.search_edit.text() == "林"
    qtbot.waitUntil(lambda: view.model.query == "林")
    assert sorted(names(view)) == ["林小雨", "林晓"]
    commit_text(view.search_edit, "晓")
    qtbot.waitUntil(lambda: view.model.query == "林晓")
    assert names(view) == ["林晓"]
    assert view.summary.startswith("1 artist shown")


def test_escape_clears_and_down_moves_into_the_table(qtbot: QtBot, view: RosterView) -> None:
    qtbot.keyClicks(view.search_edit, "wang")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert names(view) == ["王子轩"]  # the pending search ran at once
    assert view.table.hasFocus() or view.table.isAncestorOf(view.focusWidget())
    assert view.selected_ids() == [view.model.artist_id(0)]
    view.search_edit.setFocus()
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Escape)
    assert view.search_edit.text() == ""
    qtbot.waitUntil(lambda: view.model.rowCount() == 30)


def test_show_archived_toggle(qtbot: QtBot, view: RosterView) -> None:
    lin = view.roster.search("林晓")[0]
    view.roster.set_archived(lin.id, True)
    view.refresh()
    assert "林晓" not in names(view)
    view.archived_check.click()
    assert "林晓" in names(view)
    assert view.summary == "30 artists shown · 29 active · 1 archived"
    assert view.show_archived_action.isChecked()


def test_add_undo_redo(qtbot: QtBot, view: RosterView) -> None:
    stack: QUndoStack = view.undo_stack
    added = view.commit_add(ArtistDraft("张伟", ai_stance=Stance.DECLINED))
    assert added is not None and added.romanized_name == "Zhang Wei"
    assert "张伟" in names(view)
    assert view.selected_ids() == [added.id]
    assert stack.undoText() == "Add 张伟 (Zhang Wei)"

    stack.undo()
    assert "张伟" not in names(view)
    assert view.roster.get(added.id).archived  # undoing an add archives; nothing is deleted
    stack.redo()
    assert "张伟" in names(view)
    assert not view.roster.get(added.id).archived
    assert len(view.roster.search("张伟", include_archived=True)) == 1


def test_ctrl_n_opens_the_form_and_saving_adds(qtbot: QtBot, view: RosterView) -> None:
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    commit_text(dialog.native_edit, "李娜")
    qtbot.keyClicks(dialog.dob_edit, "1992-02-02")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "李娜" in names(view))
    li = view.roster.search("李娜")[0]
    assert li.romanized_name == "Li Na"
    assert view.selected_ids() == [li.id]


def test_enter_edits_the_current_artist_and_undo_restores(qtbot: QtBot, view: RosterView) -> None:
    select_artist(view, "林晓")
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.dialog
    assert dialog is not None and dialog.native_edit.text() == "林晓"
    dialog.stance_combo.setCurrentIndex(dialog.stance_combo.findData(Stance.DECLINED.value))
    dialog.agent_edit.setText("周敏")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    lin = view.roster.search("林晓")[0]
    assert lin.ai_stance is Stance.DECLINED and lin.agent == "周敏"
    row = names(view).index("林晓")
    assert view.model.data(view.model.index(row, Column.STANCE)) == "Declined all AI use"

    view.undo_stack.undo()
    lin = view.roster.get(lin.id)
    assert lin.ai_stance is Stance.OPEN_TO_DISCUSS and lin.agent == "周敏 Zhou Min"
    assert view.model.data(view.model.index(row, Column.STANCE)) == (
        "Open to discuss (not consent)"
    )
    view.undo_stack.redo()
    assert view.roster.get(lin.id).ai_stance is Stance.DECLINED


def test_delete_key_archives_and_undo_brings_back(qtbot: QtBot, view: RosterView) -> None:
    select_artist(view, "赵一鸣")
    assert view.archive_action.text() == "A&rchive"
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "赵一鸣" not in names(view)
    assert view.summary == "29 artists shown · 29 active · 1 archived"
    assert view.undo_stack.undoText() == "Archive 赵一鸣 (Zhao Yiming)"

    view.undo_stack.undo()
    assert "赵一鸣" in names(view)
    assert view.summary == "30 artists shown · 30 active · 0 archived"
    view.undo_stack.redo()
    assert "赵一鸣" not in names(view)


def test_ctrl_delete_on_archived_artists_unarchives(qtbot: QtBot, view: RosterView) -> None:
    for name in ("唐雪", "马骁"):
        view.roster.set_archived(view.roster.search(name)[0].id, True)
    view.archived_check.setChecked(True)
    rows = [names(view).index("唐雪"), names(view).index("马骁")]
    for row in rows:
        view.table.selectionModel().select(
            view.model.index(row, 0),
            view.table.selectionModel().SelectionFlag.Select
            | view.table.selectionModel().SelectionFlag.Rows,
        )
    view.table.setFocus()
    assert view.archive_action.text() == "Un&archive"
    qtbot.keyClick(view.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert view.roster.counts().archived == 0
    assert view.undo_stack.undoText() == "Unarchive 2 artists"
    view.undo_stack.undo()
    assert view.roster.counts().archived == 2


def test_a_save_after_someone_else_saved_shows_why_and_reloads(
    qtbot: QtBot, view: RosterView, demo_db: Database
) -> None:
    lin = view.roster.search("林晓")[0]
    other_desk = RosterService(demo_db)
    other_desk.set_stance(lin.id, Stance.DECLINED)  # another desk saves first
    stack_before = view.undo_stack.count()

    saved = view.commit_edit(lin, lin.draft().replace(notes="x"))
    assert saved is None
    boxes = error_boxes()
    assert len(boxes) == 1
    assert "was changed by tester" in boxes[0].text()
    assert "Reload" in boxes[0].text()
    assert view.undo_stack.count() == stack_before
    row = names(view).index("林晓")
    assert view.model.data(view.model.index(row, Column.STANCE)) == "Declined all AI use"
    assert view.roster.get(lin.id).notes != "x"


def test_undo_refused_when_someone_else_changed_the_artist(
    qtbot: QtBot, view: RosterView, demo_db: Database
) -> None:
    lin = view.roster.search("林晓")[0]
    edited = view.commit_edit(lin, ArtistDraft("林晓", "Lin Xiao", notes="first"))
    assert edited is not None
    RosterService(demo_db).set_stance(lin.id, Stance.DECLINED)  # another desk, afterwards

    view.undo_stack.undo()
    boxes = error_boxes()
    assert len(boxes) == 1 and "was changed by" in boxes[0].text()
    assert view.undo_stack.count() == 0  # the stale command is dropped, not half-applied
    current = view.roster.get(lin.id)
    assert current.notes == "first" and current.ai_stance is Stance.DECLINED


def test_invalid_draft_is_refused_without_an_undo_entry(qtbot: QtBot, view: RosterView) -> None:
    assert view.commit_add(ArtistDraft("  ")) is None
    assert view.undo_stack.count() == 0
    assert "a name is required" in error_boxes()[0].text()


def test_sort_and_column_widths_are_remembered(
    qtbot: QtBot, view: RosterView, demo_db: Database, settings: Settings
) -> None:
    view.table.horizontalHeader().setSortIndicator(Column.ROMANIZED, Qt.SortOrder.DescendingOrder)
    assert names(view)[0] == "周慕白"
    view.table.setColumnWidth(Column.NATIVE, 233)
    view.save_state()

    again = RosterView(Desk(demo_db), QUndoStack(), settings)
    qtbot.addWidget(again)
    assert again.table.columnWidth(Column.NATIVE) == 233
    assert names(again)[0] == "周慕白"
    assert again.model.descending


def test_an_empty_result_says_why(qtbot: QtBot, view: RosterView) -> None:
    assert not view.empty_label.isVisible()
    qtbot.keyClicks(view.search_edit, "nobody here")
    qtbot.waitUntil(lambda: view.model.query == "nobody here")
    assert view.empty_label.isVisible()
    assert view.empty_label.text() == "No artist matches “nobody here”."
    view.search_edit.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 30)
    assert not view.empty_label.isVisible()


def test_sorting_keeps_the_selected_artist_selected(qtbot: QtBot, view: RosterView) -> None:
    select_artist(view, "林晓")
    lin_id = view.selected_ids()
    view.table.horizontalHeader().setSortIndicator(Column.AGE, Qt.SortOrder.AscendingOrder)
    assert view.selected_ids() == lin_id
    assert view.model.artist_id(view.table.currentIndex().row()) == lin_id[0]
