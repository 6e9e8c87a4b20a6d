"""Import with a preview (a bad row blocks it), export, and the demo roster, in the GUI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from models.desk import Desk
from models.gcpause import paused
from models.roster import io as roster_io
from models.roster.artist import ArtistDraft, Stance
from models.storage.database import Database
from tests.ui.helpers import close_error_boxes, error_boxes, wait_for_tasks
from ui.roster.import_dialog import ImportPreviewDialog
from ui.roster.view import RosterView
from ui.settings import Settings

HEADER = "native_name,romanized_name,stage_name,date_of_birth,jurisdiction,union,ai_stance,notes\n"
GOOD = HEADER + (
    "张伟,,小张,1990-05-31,CN,,declined,\n"
    "李娜,Li Na,,1992-02-02,cn,,open_to_discuss,Tennis? no: actor\n"
    "Emma Stone-Hart,,Em,1987-05-14,US-CA,SAG-AFTRA,opted_in_with_conditions,\n"
)


def _view(qtbot: QtBot, db: Database, settings: Settings) -> Iterator[RosterView]:
    widget = RosterView(Desk(db), QUndoStack(), settings)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    wait_for_tasks(qtbot)
    close_error_boxes()


@pytest.fixture
def view(qtbot: QtBot, db: Database, settings: Settings) -> Iterator[RosterView]:
    """The roster screen on an empty database."""
    yield from _view(qtbot, db, settings)


@pytest.fixture
def demo_view(qtbot: QtBot, demo_db: Database, settings: Settings) -> Iterator[RosterView]:
    """The roster screen on the demo agency."""
    yield from _view(qtbot, demo_db, settings)


def _preview(qtbot: QtBot, view: RosterView, path: Path) -> ImportPreviewDialog:
    view.files.import_file(path)
    qtbot.waitUntil(lambda: view.files.preview_dialog is not None, timeout=5000)
    dialog = view.files.preview_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_clean_file_previews_and_imports_in_one_step(
    qtbot: QtBot, view: RosterView, tmp_path: Path
) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(GOOD, encoding="utf-8-sig")
    dialog = _preview(qtbot, view, path)
    assert dialog.rows_model.rowCount() == 3
    assert dialog.problems_table.rowCount() == 0
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Import 3 artists"
    model = dialog.rows_model
    assert model.index(0, model.ROMANIZED).data() == "Zhang Wei"  # filled from pinyin

    messages: list[str] = []
    view.files.message.connect(messages.append)
    dialog.import_button.click()
    wait_for_tasks(qtbot)
    assert view.model.rowCount() == 3
    assert messages == ["Imported 3 artists from roster.csv."]
    assert view.summary == "3 artists shown · 3 active · 0 archived"
    li = view.roster.search("李娜")[0]
    assert li.jurisdiction == "CN" and li.ai_stance is Stance.OPEN_TO_DISCUSS


def test_a_bad_row_blocks_the_import_and_says_where(
    qtbot: QtBot, view: RosterView, tmp_path: Path
) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        GOOD + "王芳,,,2999-01-01,CN,,not_asked,\n" + "刘洋,,,,China!,,maybe,\n", encoding="utf-8"
    )
    dialog = _preview(qtbot, view, path)
    assert not dialog.import_button.isEnabled()
    assert dialog.rows_model.rowCount() == 3
    rows = [
        tuple(dialog.problems_table.item(r, c).text() for c in range(3))
        for r in range(dialog.problems_table.rowCount())
    ]
    assert ("5", "Date of birth", "is in the future") in rows
    assert any(r[0] == "6" and r[1] == "AI stance" and "'maybe'" in r[2] for r in rows)
    assert any(r[0] == "6" and r[1] == "Jurisdiction" for r in rows)
    assert "rows with problems: 2." in dialog.summary.text()
    dialog.reject()
    assert view.roster.counts().total == 0  # nothing was written


def test_preview_table_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    from ui.roster.import_table import DraftTableModel

    model = DraftTableModel((ArtistDraft("林晓", "Lin Xiao"), ArtistDraft("Emma Hart")))
    qtmodeltester.check(model, force_py=True)


def test_an_unusable_file_is_a_message_not_a_crash(
    qtbot: QtBot, view: RosterView, tmp_path: Path
) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    view.files.import_file(path)
    wait_for_tasks(qtbot)
    assert [b.text() for b in error_boxes()] == ["empty.csv is empty."]
    assert view.files.preview_dialog is None


def test_export_writes_a_file_that_imports_back(
    qtbot: QtBot, demo_view: RosterView, tmp_path: Path
) -> None:
    view = demo_view
    archived = view.roster.search("林晓")[0]
    view.roster.set_archived(archived.id, True)
    for suffix in (".csv", ".xlsx"):
        target = tmp_path / f"out{suffix}"
        messages: list[str] = []
        view.files.message.connect(messages.append)
        view.files.export_to(target)
        wait_for_tasks(qtbot)
        view.files.message.disconnect(messages.append)
        assert messages == [f"Exported 29 artists to {target}."]
        back = roster_io.preview(target)
        assert back.ok
        assert len(back.drafts) == 29
        assert "林晓" not in {d.native_name for d in back.drafts}
        assert not list(tmp_path.glob("*.part"))

    everyone = tmp_path / "all.csv"
    view.files.export_to(everyone, include_archived=True)
    wait_for_tasks(qtbot)
    assert len(roster_io.preview(everyone).drafts) == 30


def test_demo_roster_loads_into_an_empty_database(qtbot: QtBot, view: RosterView) -> None:
    counts: list[int] = []
    view.counts_changed.connect(lambda c: counts.append(c.total))
    view.files.load_demo_roster()
    wait_for_tasks(qtbot)
    assert view.model.rowCount() == 30
    assert counts[-1] == 30

    view.files.load_demo_roster()  # a second time is refused with a message
    wait_for_tasks(qtbot)
    assert "already has artists" in error_boxes()[0].text()
    assert view.roster.counts().total == 30


def test_an_empty_roster_points_to_the_ways_in(view: RosterView) -> None:
    assert view.empty_label.isVisible()
    text = view.empty_label.text()
    assert "No artists yet" in text and "Ctrl+N" in text and "Import roster" in text
    assert "Restore a backup" in text


def test_reimporting_shows_every_row_unchanged_and_imports_nothing(
    qtbot: QtBot, view: RosterView, tmp_path: Path
) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(GOOD, encoding="utf-8")
    _preview(qtbot, view, path).import_button.click()
    wait_for_tasks(qtbot)
    dialog = _preview(qtbot, view, path)
    assert "New: 0 · Changed: 0 · Unchanged: 3" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Nothing to import"
    dialog.reject()
    assert view.roster.counts().total == 3


def test_changed_and_duplicate_rows_are_shown_with_a_choice_each(
    qtbot: QtBot, view: RosterView, tmp_path: Path
) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(GOOD, encoding="utf-8")
    _preview(qtbot, view, path).import_button.click()
    wait_for_tasks(qtbot)
    path.write_text(
        HEADER + "张伟,,小张,1990-05-31,CN,,declined,now with notes\n"
        "李娜,Li Na,,1993-03-03,CN,,,\n",
        encoding="utf-8",
    )
    dialog = _preview(qtbot, view, path)
    model = dialog.rows_model
    kinds = [model.index(r, model.KIND).data() for r in range(model.rowCount())]
    assert kinds == ["Changed", "Possible duplicate"]
    assert model.index(0, model.CHANGES).data() == "Notes: (empty) → now with notes"
    assert "May be #2 李娜 (Li Na), 1992-02-02" in model.index(1, model.CHANGES).data()
    assert model.index(1, model.CHOICE).data() == "Skip"
    # the duplicates are shown first; "All rows" shows both
    assert dialog.proxy.rowCount() == 1
    dialog.show_filter.setCurrentIndex(0)
    assert dialog.proxy.rowCount() == 2
    assert dialog.import_button.text() == "Update 1 artists"
    # choose to add the possible duplicate as a new artist, through the row's drop-down
    cell = dialog.proxy.index(1, model.CHOICE)
    dialog.rows_view.edit(cell)
    combo = dialog.rows_view.findChild(QComboBox, "importChoice")
    assert combo is not None
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Skip",
        "Add as a new artist",
        "Update #2",
    ]
    combo.setCurrentIndex(1)
    dialog.rows_view.commitData(combo)
    assert model.index(1, model.CHOICE).data() == "Add as a new artist"
    assert dialog.import_button.text() == "Add 1 and update 1 artists"
    messages: list[str] = []
    view.files.message.connect(messages.append)
    dialog.import_button.click()
    wait_for_tasks(qtbot)
    assert messages == ["Imported roster.csv: 1 added, 1 updated."]
    assert view.roster.counts().total == 4
    assert view.roster.search("张伟")[0].notes == "now with notes"


def test_plan_table_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    from models.roster.merge import FieldChange, ImportPlan, PlannedRow, RowKind
    from ui.roster.import_table import PlanTableModel

    plan = ImportPlan(
        (
            PlannedRow(2, RowKind.NEW, ArtistDraft("林晓", "Lin Xiao")),
            PlannedRow(
                3, RowKind.CHANGED, ArtistDraft("Emma Hart"), 4, 1, (FieldChange("notes", "", "x"),)
            ),
            PlannedRow(4, RowKind.DUPLICATE, ArtistDraft("王磊"), 5, 1, (), "#5 王磊, —"),
        )
    )
    model = PlanTableModel(plan)
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("how", ["import", "cancel"])
def test_the_collector_rests_while_a_files_rows_live(
    qtbot: QtBot, view: RosterView, tmp_path: Path, how: str
) -> None:
    """From reading the file to saving it (or closing the preview) no collector pass walks
    its rows; afterwards the collector runs again. An unreadable file releases it too."""
    path = tmp_path / "roster.csv"
    path.write_text(GOOD, encoding="utf-8-sig")
    assert not paused()
    dialog = _preview(qtbot, view, path)
    assert paused()
    if how == "import":
        dialog.import_button.click()
        wait_for_tasks(qtbot)
        assert view.roster.counts().active == 3
    else:
        dialog.reject()
    qtbot.waitUntil(lambda: view.files.preview_dialog is None, timeout=5000)
    qtbot.waitUntil(lambda: not paused(), timeout=5000)
    (tmp_path / "empty.csv").write_bytes(b"")
    view.files.import_file(tmp_path / "empty.csv")
    wait_for_tasks(qtbot)
    close_error_boxes()
    assert not paused()
