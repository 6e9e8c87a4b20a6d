"""One signing identity for the whole run: key generation and the slow key derivation once.

Shared by the conftest.py of tests/reports and tests/security (imported there as fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.identity import UnlockedIdentity
from models.storage.database import Database
from tests.reports.statement_data import install_identity, make_identity_folder, unlock_from


@pytest.fixture(scope="session")
def identity_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_identity_folder(tmp_path_factory.mktemp("identity"))


@pytest.fixture(scope="session")
def unlocked(identity_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> UnlockedIdentity:
    return unlock_from(identity_folder, tmp_path_factory.mktemp("unlock"))


@pytest.fixture
def signing_db(db: Database, identity_folder: Path) -> Database:
    """The test database with the session's identity installed."""
    install_identity(db, identity_folder)
    return db
