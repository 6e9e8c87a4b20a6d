"""Leak day fixtures: the window on the demo agency with a signing identity."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from models.storage.database import Database
from tests.shared_identity import install
from tests.ui.helpers import close_error_boxes, wait_for_tasks
from ui.leak.view import LeakView
from ui.main_window import MainWindow


@pytest.fixture
def leak_window(window: MainWindow, demo_db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    install(demo_db)
    window.show_view("leak")
    yield window
    wait_for_tasks(qtbot)
    close_error_boxes()


@pytest.fixture
def leak_view(leak_window: MainWindow) -> LeakView:
    view = leak_window.leak_view
    assert isinstance(view, LeakView)
    return view
