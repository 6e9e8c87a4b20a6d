"""Consent screen fixtures: the view on the demo agency, and finding demo artists by name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from models.desk import Desk
from models.roster.service import RosterService
from models.storage.database import Database
from tests.ui.consent.template import copy_demo, make_demo_template
from tests.ui.helpers import close_error_boxes, wait_for_tasks
from ui.consent.view import ConsentView


def artist_id(db: Database, native_name: str) -> int:
    found = [a for a in RosterService(db).search(native_name) if a.native_name == native_name]
    assert found, native_name
    return found[0].id


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_template(tmp_path_factory.mktemp("demo-template"))


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """The demo agency (copied from the session's template rather than loaded again)."""
    database = Database.open(str(copy_demo(demo_template, tmp_path)), actor="tester")
    yield database
    database.close()


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def view(qtbot: QtBot, demo_db: Database, undo_stack: QUndoStack) -> Iterator[ConsentView]:
    widget = ConsentView(Desk(demo_db), undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    wait_for_tasks(qtbot)
    close_error_boxes()
