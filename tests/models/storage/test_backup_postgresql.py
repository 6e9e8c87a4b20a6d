"""Restoring a backup onto a PostgreSQL database: the same checks as on SQLite, refused while
another session is connected (pg_stat_activity), the replaced content kept as an SQLite desk,
the rows replaced in one transaction."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from models.audit.service import AuditService
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.safety.backup import UnverifiedBackup, create_backup
from models.safety.restore import restore_backup
from models.storage import files
from models.storage.archive import MANIFEST, BackupError
from models.storage.database import Database

pytestmark = pytest.mark.postgresql


def _names(db: Database) -> list[str]:
    return sorted(a.native_name for a in RosterService(db).search(include_archived=True))


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def laptop_backup(tmp_path: Path) -> tuple[Path, list[str], dict[str, str]]:
    """A laptop desk (SQLite) with two artists and a stored file, and its backup."""
    db = Database.open(str(tmp_path / "laptop" / "desk.sqlite3"), actor="tester")
    try:
        roster = RosterService(db)
        roster.add(ArtistDraft("林晓"))
        roster.add(ArtistDraft("Emma Hart"))
        files.store_bytes(db, b"%PDF-1.7 signed consent", "consent.pdf")
        archive = create_backup(db, tmp_path / "laptop.zip").path
        return archive, _names(db), _hashes(db.location.files_dir)
    finally:
        db.close()


@pytest.fixture
def server(pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The server database, already holding one artist and one file of its own."""
    monkeypatch.setenv("CONSENT_DESK_FILES", str(tmp_path / "server-files"))
    db = Database.open(pg_database, actor="tester")
    try:
        RosterService(db).add(ArtistDraft("Server Only"))
        files.store_bytes(db, b"server evidence", "server.txt")
    finally:
        db.close()
    return pg_database


def _server_state(url: str) -> tuple[list[str], dict[str, str], int]:
    db = Database.open(url, actor="tester")
    try:
        return _names(db), _hashes(db.location.files_dir), AuditService(db).verify().count
    finally:
        db.close()


def test_a_backup_restores_onto_postgresql_and_the_replaced_content_is_kept(
    laptop_backup, server, tmp_path
):
    archive, names, stored = laptop_backup
    before = _server_state(server)
    summary = restore_backup(archive, server)
    assert summary.audit_intact and str(summary.database).startswith("postgresql")
    db = Database.open(server, actor="tester")
    try:
        assert _names(db) == names
        assert _hashes(db.location.files_dir) == stored
        report = AuditService(db).verify()
        assert report.intact and report.count == summary.audit_events
        RosterService(db).add(ArtistDraft("Added after the restore"))  # ids continue
    finally:
        db.close()
    kept_db, kept_files = summary.moved_aside
    kept = Database.open(str(kept_db), actor="tester")
    try:
        assert _names(kept) == before[0] and AuditService(kept).verify().count == before[2]
        assert (
            _hashes(kept.location.files_dir) == before[1] and kept.location.files_dir == kept_files
        )
    finally:
        kept.close()


def test_restore_is_refused_while_another_session_is_connected(laptop_backup, server, tmp_path):
    archive = laptop_backup[0]
    before = _server_state(server)
    other = Database.open(server, actor="other desk")
    idle = other.engine.connect()  # another window, open and idle
    try:
        with pytest.raises(BackupError, match=r"other session\(s\) are connected") as e:
            restore_backup(archive, server)
        assert "Nothing was restored" in str(e.value)
    finally:
        idle.close()
        other.close()
    assert _server_state(server) == before
    folder = tmp_path / "server-files"
    assert sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(".")) == []
    assert not list(folder.parent.glob("server-files.before-restore-*"))


def test_a_backup_that_does_not_verify_is_refused_onto_postgresql(laptop_backup, server, tmp_path):
    archive = laptop_backup[0]
    unsealed = tmp_path / "unsealed.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(unsealed, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == MANIFEST:
                data = data.replace(b'"seal"', b'"seal_removed"', 1)
            dst.writestr(item, data)
    before = _server_state(server)
    with pytest.raises(BackupError):
        restore_backup(unsealed, server)
    assert _server_state(server) == before
    assert not list((tmp_path / "server-files").parent.glob("server-files.before-restore-*"))
    with pytest.raises(UnverifiedBackup):
        restore_backup(_broken_audit(archive, tmp_path), server)
    assert _server_state(server) == before


def _broken_audit(archive: Path, tmp_path: Path) -> Path:
    """The laptop's backup rebuilt after an audit event was edited (sealed by this desk,
    so only the audit trail is wrong)."""
    import sqlite3

    from models.storage.archive import DATABASE

    work = tmp_path / "broken"
    work.mkdir()
    with zipfile.ZipFile(archive) as z:
        (work / "desk.sqlite3").write_bytes(z.read(DATABASE))
    con = sqlite3.connect(work / "desk.sqlite3")
    con.execute("UPDATE audit_event SET actor = 'someone else' WHERE id = 1")
    con.commit()
    con.close()
    db = Database.open(str(work / "desk.sqlite3"), actor="tester")
    try:
        return create_backup(db, work / "broken.zip").path
    finally:
        db.close()


def test_the_command_line_restores_onto_postgresql_and_refuses_in_one_line(
    laptop_backup, server, capsys
):
    from main import main

    archive = laptop_backup[0]
    other = Database.open(server, actor="other desk")
    idle = other.engine.connect()
    try:
        code = main(["--db", server, "restore", str(archive)])
        out, err = capsys.readouterr()
        assert code == 2 and out == "" and err.count("\n") == 1
        assert "other session(s) are connected" in err and "Traceback" not in err
    finally:
        idle.close()
        other.close()
    code = main(["--db", server, "restore", str(archive)])
    out, _err = capsys.readouterr()
    assert code == 0 and "Restored laptop.zip" in out and "Audit trail intact" in out
    assert "Kept the previous copy as" in out
