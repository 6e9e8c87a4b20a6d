"""run_task: work off the GUI thread, results back on it, progress late, cancel, errors."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from models.errors import UserError
from models.roster.artist import Artist, ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from tests.ui.helpers import close_error_boxes, error_boxes, wait_for_tasks
from ui.tasks import TaskControl, run_task


def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot: QtBot) -> None:
    seen: dict[str, object] = {}

    def work(_control: TaskControl) -> int:
        seen["work_thread"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_thread"] = threading.current_thread()

    task = run_task(None, work, done, label="answer")
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["result"] == 42
    assert seen["work_thread"] is not threading.main_thread()
    assert seen["done_thread"] is threading.main_thread()
    assert task.dialog is None  # quick work never flashes a progress window


def test_progress_dialog_appears_only_after_a_delay_and_cancel_stops_the_work(
    qtbot: QtBot,
) -> None:
    started = threading.Event()
    outcome: list[str] = []

    def work(control: TaskControl) -> str:
        started.set()
        for i in range(10_000):
            control.progress(i, 10_000)
            control.check()
            threading.Event().wait(0.005)
        return "finished"

    task = run_task(
        None,
        work,
        outcome.append,
        label="Counting…",
        on_cancelled=lambda: outcome.append("cancelled"),
        delay_ms=100,
    )
    assert started.wait(5)
    assert task.dialog is None
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=3000)
    dialog = task.dialog
    assert dialog is not None
    assert dialog.labelText() == "Counting…"
    qtbot.waitUntil(lambda: dialog.value() > 0)
    assert dialog.maximum() == 10_000
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "Cancel"
    with qtbot.waitSignal(task.finished, timeout=5000):
        cancel_button.click()  # the person presses Cancel
    assert outcome == ["cancelled"]
    assert task.dialog is None


def test_a_user_error_in_the_work_is_shown_as_a_message(qtbot: QtBot) -> None:
    def work(_control: TaskControl) -> None:
        raise UserError("error.roster.io.name_empty", name="roster.csv")

    task = run_task(None, work, label="Reading…")
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    boxes = error_boxes()
    assert [b.text() for b in boxes] == ["roster.csv is empty."]
    close_error_boxes()


def test_errors_can_be_handled_by_the_caller(qtbot: QtBot) -> None:
    caught: list[BaseException] = []

    def work(_control: TaskControl) -> None:
        raise ValueError("bug")

    task = run_task(None, work, label="x", on_error=caught.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert [str(e) for e in caught] == ["bug"]
    assert error_boxes() == []


def test_work_may_call_services_while_the_gui_thread_reads(qtbot: QtBot, db: Database) -> None:
    """SQLite connections are per thread in SQLAlchemy's pool, so services work in tasks."""
    roster = RosterService(db)
    roster.add(ArtistDraft("林晓"))
    in_worker = threading.Event()
    gui_may_read = threading.Event()

    def work(_control: TaskControl) -> list[Artist]:
        in_worker.set()
        gui_may_read.wait(5)
        return roster.add_many(ArtistDraft(f"Artist {i}") for i in range(500))

    added: list[list[Artist]] = []
    task = run_task(None, work, added.append, label="Adding…")
    assert in_worker.wait(5)
    assert roster.counts().active == 1  # the GUI thread reads while the worker is busy
    gui_may_read.set()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert len(added[0]) == 500
    assert roster.counts().active == 501
    wait_for_tasks(qtbot)
