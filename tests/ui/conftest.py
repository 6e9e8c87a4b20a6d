"""GUI test fixtures: a settings file per test, a roster, the demo agency, the main window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from models.demo import load_demo
from models.roster.service import RosterService
from models.storage.database import Database
from ui.app import install_fonts
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.tasks import running_tasks

# The offscreen platform has no window manager and says so for each layout change of a shown
# main window; that notice is about the test platform, not about our code.
OFFSCREEN_NOTICE = "This plugin does not support"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOTICE))


@pytest.fixture(scope="session", autouse=True)
def _none_kept_alive() -> None:
    """As the window does at start (ui.binding.keep_none_alive): the binding may drop references."""
    from ui.binding import keep_none_alive

    keep_none_alive()


@pytest.fixture(scope="session", autouse=True)
def _bundled_font(qapp: QApplication) -> None:
    install_fonts(qapp)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.at(tmp_path / "settings.ini")


@pytest.fixture
def roster(db: Database) -> RosterService:
    return RosterService(db)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """The demo agency loaded once per run; tests get copies (loading it takes a second)."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    database = Database.open(str(path), actor="tester")
    load_demo(database)
    database.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A database holding the fictional demo agency (30 artists), private to the test."""
    path = tmp_path / "demo.sqlite3"
    source = Database.open(str(demo_template), actor="tester")
    source.copy_to(path)
    source.close()
    database = Database.open(str(path), actor="tester")
    # The demo's evidence files go with it, as they do with any database.
    shutil.copytree(source.location.files_dir, database.location.files_dir, dirs_exist_ok=True)
    yield database
    database.close()


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, settings: Settings) -> Iterator[MainWindow]:
    win = MainWindow(demo_db, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    qtbot.waitUntil(lambda: running_tasks() == 0)


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As in the window (ui/collector.py): no collection on a background task's thread, which
    could free a Qt object there and crash the test run; handed back after each test."""
    from ui.collector import GuiThreadCollector

    collector = GuiThreadCollector()
    yield
    collector.stop()
    collector.deleteLater()
