"""Shared fixtures: a fresh, migrated database per test, copied from a template for speed."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.storage.database import Database

# Tests never touch the user's real data, logs or settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CONSENT_DESK_HOME", str(home / "data"))
    monkeypatch.setenv("CONSENT_DESK_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("CONSENT_DESK_USER", "tester")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("CONSENT_DESK_DB", raising=False)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database file for the whole run; tests get copies of it."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database.open(str(path), actor="tester")
    db.close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(str(db_path), actor="tester")
    yield database
    database.close()
