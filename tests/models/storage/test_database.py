"""Opening the database: sensible defaults, and clear refusals that never modify the file."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from models.errors import DatabaseError
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage import database as dbmod
from models.storage.database import Database, resolve


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_default_database_lives_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CONSENT_DESK_HOME", str(tmp_path / "home"))
    loc = resolve(None)
    assert loc.sqlite_path == (tmp_path / "home" / "consent-desk.sqlite3").resolve()
    assert loc.files_dir == loc.sqlite_path.parent / "consent-desk-files"


def test_env_and_plain_paths_are_sqlite(tmp_path, monkeypatch):
    monkeypatch.setenv("CONSENT_DESK_DB", str(tmp_path / "a.db"))
    assert resolve(None).url == f"sqlite:///{(tmp_path / 'a.db').resolve()}"
    assert resolve(f"sqlite:///{tmp_path / 'b.db'}").sqlite_path == (tmp_path / "b.db").resolve()
    with pytest.raises(DatabaseError, match="in-memory"):
        resolve("sqlite://")


def test_new_database_uses_wal_and_foreign_keys(db):
    with db.read() as s:
        assert s.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert db.location.files_dir.is_dir()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    f = tmp_path / "notes.sqlite3"
    f.write_text("my shopping list")
    before = digest(f)
    with pytest.raises(DatabaseError, match="not a Consent Desk database"):
        Database.open(str(f))
    assert digest(f) == before


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    f = tmp_path / "other.sqlite3"
    con = sqlite3.connect(f)
    con.execute("CREATE TABLE photos (id INTEGER)")
    con.commit()
    con.close()
    before = digest(f)
    with pytest.raises(DatabaseError, match="another program"):
        Database.open(str(f))
    assert digest(f) == before


def test_a_database_from_a_newer_version_is_refused_untouched(db_path):
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    con.commit()
    con.close()
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="newer version"):
        Database.open(str(db_path))
    assert digest(db_path) == before


def test_a_truncated_file_is_a_clear_error(db_path, tmp_path):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(db_path.read_bytes()[:200])
    with pytest.raises(DatabaseError):
        Database.open(str(broken))


def test_a_locked_database_says_busy_and_keeps_data(db, monkeypatch):
    roster = RosterService(db)
    roster.add(ArtistDraft("林晓"))
    db.close()
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_S", 0.2)
    busy = Database(db.location, actor="tester")
    blocker = sqlite3.connect(str(db.location.sqlite_path))
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError, match="busy"):
            RosterService(busy).add(ArtistDraft("陈静怡"))
    finally:
        blocker.rollback()
        blocker.close()
    assert [a.native_name for a in RosterService(busy).search()] == ["林晓"]
    busy.close()


def test_upgrade_copies_the_file_first(tmp_path):
    from alembic import command

    path = tmp_path / "old.sqlite3"
    old = Database(resolve(str(path)), actor="tester")
    cfg = dbmod._alembic_config()
    with old._write_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_foundation")
    old.close()
    heads = dbmod.head_revisions()
    if heads == {"0001_foundation"}:
        pytest.skip("only one schema revision exists, nothing to upgrade")
    Database.open(str(path)).close()
    copies = list(tmp_path.glob("old.before-upgrade-0001_foundation-*.sqlite3"))
    assert len(copies) == 1


def test_revision_reading_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(dbmod._alembic_config())
    assert dbmod.head_revisions() == frozenset(scripts.get_heads())
    assert dbmod._known_revisions() == {s.revision for s in scripts.walk_revisions()}


def test_opening_a_current_database_does_not_load_alembic(db_path):
    import subprocess
    import sys

    code = (
        "import sys; from models.storage.database import Database;"
        "Database.open(sys.argv[1]).close();"
        "assert 'alembic' not in sys.modules, 'alembic was imported'"
    )
    repo = Path(__file__).resolve().parents[3]
    proc = subprocess.run([sys.executable, "-c", code, str(db_path)], cwd=repo, capture_output=True)
    assert proc.returncode == 0, proc.stderr
