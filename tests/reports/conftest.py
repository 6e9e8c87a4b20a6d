"""The session's signing identity (tests/signing_fixtures.py)."""

from tests.signing_fixtures import identity_folder, signing_db, unlocked

__all__ = ["identity_folder", "signing_db", "unlocked"]
