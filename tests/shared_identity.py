"""One agency signing identity per test session, for every test that signs statements.

Creating and unlocking an identity runs 600,000 key-derivation rounds each time; the leak-day,
statements-view and register tests share this one (made on first use, removed at exit).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from models.identity import UnlockedIdentity
from models.storage.database import Database
from tests.reports.statement_data import (
    PASSPHRASE,
    install_identity,
    make_identity_folder,
    unlock_from,
)


@cache
def _root() -> Path:
    root = Path(tempfile.mkdtemp(prefix="consent-desk-test-identity-"))
    atexit.register(shutil.rmtree, root, True)
    return root


@cache
def identity_folder() -> Path:
    (_root() / "make").mkdir()
    return make_identity_folder(_root() / "make")


@cache
def unlocked_identity() -> UnlockedIdentity:
    (_root() / "unlock").mkdir()
    return unlock_from(identity_folder(), _root() / "unlock")


def install(db: Database) -> None:
    """Give `db` the session's identity (its passphrase is PASSPHRASE)."""
    install_identity(db, identity_folder())


__all__ = ["PASSPHRASE", "identity_folder", "install", "unlocked_identity"]
