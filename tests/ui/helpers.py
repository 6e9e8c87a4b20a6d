"""Small helpers shared by the GUI tests (waiting for background tasks, finding messages)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from ui.tasks import running_tasks


def wait_for_tasks(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def error_boxes() -> list[QMessageBox]:
    """Message boxes shown by ui.errors that are still open."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorBox" and w.isVisible()
    ]


def close_error_boxes() -> None:
    for box in error_boxes():
        box.done(0)


def commit_text(widget: QWidget, text: str) -> None:
    """Type `text` the way an input method (pinyin IME) delivers it: one committed string.

    QTest.keyClicks only knows ASCII keys, so Chinese goes in as an input method event.
    """
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def select_row(table: QTableView, row: int) -> None:
    """Select one row as a click would, independent of modifier keys left over by QTest."""
    model = table.model()
    selection = table.selectionModel()
    flag = QItemSelectionModel.SelectionFlag
    selection.setCurrentIndex(model.index(row, 0), flag.ClearAndSelect | flag.Rows)
