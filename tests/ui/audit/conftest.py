"""Audit view fixtures: the demo agency copied from a session template, the view on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from models.desk import Desk
from models.storage.database import Database
from tests.ui.consent.template import copy_demo, make_demo_template
from tests.ui.helpers import close_error_boxes, wait_for_tasks
from ui.audit.view import AuditView


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_template(tmp_path_factory.mktemp("demo-template"))


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = Database.open(str(copy_demo(demo_template, tmp_path)), actor="tester")
    yield database
    database.close()


@pytest.fixture
def view(qtbot: QtBot, demo_db: Database) -> Iterator[AuditView]:
    widget = AuditView(Desk(demo_db))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    wait_for_tasks(qtbot)
    close_error_boxes()
