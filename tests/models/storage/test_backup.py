"""Backups and restore: a round trip keeps everything, a damaged archive changes nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.audit.service import AuditService
from models.demo import load_demo
from models.roster.artist import ArtistDraft, Stance
from models.roster.service import RosterService
from models.safety.backup import check_backup, create_backup
from models.safety.integrity import check_stored_files
from models.safety.restore import restore_backup
from models.storage import files
from models.storage.archive import DATABASE, MANIFEST, BackupError
from models.storage.database import Database, remove_database_files, resolve
from tests.models.storage.archives import DAMAGES, copy_desk, read_archive, tree


def _fill(db: Database) -> list[str]:
    load_demo(db)
    roster = RosterService(db)
    first = roster.search()[0]
    roster.update(first.id, ArtistDraft(first.native_name, notes="edited"), first.version)
    roster.set_archived(roster.search()[1].id, True)
    roster.set_stance(roster.search()[2].id, Stance.DECLINED)
    return [
        files.store_bytes(db, b"%PDF-1.7 signed consent " + bytes([i]) * 50, f"consent-{i}.pdf")
        for i in range(3)
    ] + [files.store_bytes(db, "证据 evidence".encode() * 1000, "证据.txt")]


def _state(db: Database) -> tuple[list[object], list[tuple[object, ...]], object]:
    roster = RosterService(db)
    events = AuditService(db).events(limit=100_000)
    return (
        list(roster.search(include_archived=True)),
        [(e.id, e.hash, e.before, e.after) for e in events],
        roster.counts(),
    )


def _file_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], Path]:
    """The demo agency with stored files, and a backup of it: built once, copied per test."""
    folder = tmp_path_factory.mktemp("built")
    db = Database.open(str(folder / "desk.sqlite3"), actor="tester")
    try:
        stored = _fill(db)
        archive = create_backup(db, folder / "desk.zip").path
    finally:
        db.close()
    return folder / "desk.sqlite3", stored, archive


@pytest.fixture
def filled(
    built: tuple[Path, list[str], Path], tmp_path: Path
) -> Iterator[tuple[Database, list[str]]]:
    db = Database.open(str(copy_desk(built[0], tmp_path)), actor="tester")
    yield db, built[1]
    db.close()


@pytest.fixture
def archive(built: tuple[Path, list[str], Path], tmp_path: Path) -> Path:
    target = tmp_path / "backups" / "desk.zip"
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(built[2], target)
    return target


def test_round_trip_of_the_demo_roster_keeps_every_hash_and_the_audit_chain(
    filled: tuple[Database, list[str]], tmp_path: Path
) -> None:
    db, stored = filled
    before = _state(db)
    source_files = _file_hashes(db.location.files_dir)
    summary = create_backup(db, tmp_path / "out" / "desk.zip")
    assert summary.files == len(source_files) >= len(stored)
    assert summary.manifest.counts["artist"] == 30

    target = tmp_path / "new-laptop" / "restored.sqlite3"
    result = restore_backup(summary.path, str(target))
    assert result.audit_intact and result.audit_events == len(before[1])
    restored = Database.open(str(target))
    try:
        assert _state(restored) == before
        assert AuditService(restored).verify().intact
        # every stored file has exactly the bytes it had, at the same place
        assert _file_hashes(restored.location.files_dir) == source_files
        assert all(files.verify(restored, sha) for sha in stored)
        assert check_stored_files(restored) == []
        # and the manifest's hashes are the restored bytes' hashes
        listed = {m.name: m.sha256 for m in summary.manifest.members}
        for rel, sha in source_files.items():
            assert listed["files/" + rel] == sha
    finally:
        restored.close()


def test_restore_moves_the_current_database_and_files_aside_never_deletes(
    filled: tuple[Database, list[str]], archive: Path, tmp_path: Path
) -> None:
    _db, _ = filled
    target = tmp_path / "desk2.sqlite3"
    other = Database.open(str(target))
    RosterService(other).add(ArtistDraft("只在旧库"))
    sha = files.store_bytes(other, b"only in the old files folder", "old.txt")
    other.close()
    old_db_hash = hashlib.sha256(target.read_bytes()).hexdigest()

    result = restore_backup(archive, str(target))

    aside_db = next(p for p in result.moved_aside if p.name.endswith(".sqlite3"))
    aside_files = next(p for p in result.moved_aside if p.is_dir())
    assert aside_db.name.startswith("desk2.before-restore-")
    assert hashlib.sha256(aside_db.read_bytes()).hexdigest() == old_db_hash
    assert (aside_files / sha[:2] / sha).read_bytes() == b"only in the old files folder"
    old = Database.open(str(aside_db))  # the kept copy still opens and has its artist
    try:
        assert [a.native_name for a in RosterService(old).search()] == ["只在旧库"]
    finally:
        old.close()
    restored = Database.open(str(target))
    try:
        assert RosterService(restored).counts().total == 30
    finally:
        restored.close()


def test_restore_defaults_to_the_database_in_the_user_data_folder(archive: Path) -> None:
    result = restore_backup(archive)
    assert result.database == resolve(None).sqlite_path
    assert result.moved_aside == ()
    db = Database.open(None)
    try:
        assert RosterService(db).counts().total == 30
    finally:
        db.close()


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_archive_is_refused_and_nothing_is_touched(
    damage: str, filled: tuple[Database, list[str]], archive: Path, tmp_path: Path
) -> None:
    db, _ = filled
    members, manifest = read_archive(archive)
    bad = DAMAGES[damage](members, manifest, tmp_path / "backups" / f"{damage}.zip")
    db.close()
    before = tree(tmp_path)
    with pytest.raises(BackupError) as err:
        restore_backup(bad, str(db.location.sqlite_path))
    assert "\n" not in str(err.value)
    assert bad.name in str(err.value) or "newer version" in str(err.value)
    assert tree(tmp_path) == before
    assert not (tmp_path / "escaped.txt").exists()
    assert not Path("/tmp/escaped.txt").exists()


def test_newer_schema_is_named_in_the_refusal(archive: Path, tmp_path: Path) -> None:
    members, manifest = read_archive(archive)
    bad = DAMAGES["newer_schema"](members, manifest, tmp_path / "future.zip")
    with pytest.raises(BackupError, match=r"newer version of Consent Desk.*9999_from_the_future"):
        check_backup(bad)


def test_a_backup_whose_database_is_from_a_newer_schema_is_refused(
    archive: Path, tmp_path: Path
) -> None:
    """Even when the manifest hides it, the database's own schema revision is checked."""
    members, manifest = read_archive(archive)
    db_file = tmp_path / "future.sqlite3"
    db_file.write_bytes(members[DATABASE])
    con = sqlite3.connect(db_file)
    con.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    con.commit()
    con.close()
    members[DATABASE] = db_file.read_bytes()
    from tests.models.storage.archives import relist, write_archive

    bad = write_archive(tmp_path / "hidden-future.zip", members, relist(members, manifest))
    target = tmp_path / "t.sqlite3"
    with pytest.raises(BackupError, match="newer version"):
        restore_backup(bad, str(target))
    assert not target.exists()


def test_manifest_lists_every_member_with_sha256_size_and_schema(
    filled: tuple[Database, list[str]], archive: Path
) -> None:
    _db, stored = filled
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        names = {i.filename for i in zf.infolist()}
        for m in manifest["members"]:
            data = zf.read(m["name"])
            assert hashlib.sha256(data).hexdigest() == m["sha256"]
            assert len(data) == m["size"]
    assert names == {m["name"] for m in manifest["members"]} | {MANIFEST}
    assert {f"files/{s[:2]}/{s}" for s in stored} <= names
    from models.storage.database import head_revisions

    assert set(manifest["schema"]) == set(head_revisions())
    assert manifest["created_by"] == "tester"
    assert manifest["app_version"]


def test_backup_is_written_whole_or_not_at_all(
    filled: tuple[Database, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _ = filled
    target = tmp_path / "b.zip"

    def broken_disk(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("models.storage.archive.ArchiveWriter.finish", broken_disk)
    with pytest.raises(BackupError, match="No space left"):
        create_backup(db, target)
    assert sorted(p.name for p in tmp_path.iterdir() if "b.zip" in p.name) == []


def test_backup_refuses_to_overwrite_and_to_write_inside_the_files_folder(
    filled: tuple[Database, list[str]], archive: Path
) -> None:
    db, _ = filled
    with pytest.raises(BackupError, match="already exists"):
        create_backup(db, archive)
    with pytest.raises(BackupError, match="outside"):
        create_backup(db, db.location.files_dir / "b.zip")
    assert create_backup(db, archive, overwrite=True).path == archive


def test_unfinished_files_are_left_out_of_the_backup(
    filled: tuple[Database, list[str]], tmp_path: Path
) -> None:
    db, _ = filled
    (db.location.files_dir / "incoming-1234.part").write_bytes(b"half a file")
    summary = create_backup(db, tmp_path / "b.zip")
    assert not any(m.name.endswith(".part") for m in summary.manifest.members)


def test_restore_puts_the_old_database_back_if_the_restored_one_does_not_open(
    filled: tuple[Database, list[str]],
    archive: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db, _ = filled
    db.close()
    before = tree(tmp_path)
    from models.errors import DatabaseError

    def refuse(*_a: object, **_k: object) -> None:
        # the restored database was opened (it has a WAL now) and then found wanting
        Path(str(db.location.sqlite_path) + "-wal").write_bytes(b"wal of the restored copy")
        raise DatabaseError(
            "error.storage.database.path_cannot_read_as_database", path="x", reason="bad"
        )

    monkeypatch.setattr("models.safety.restore._check_restored", refuse)
    with pytest.raises(DatabaseError):
        restore_backup(archive, str(db.location.sqlite_path))
    after = tree(tmp_path)
    # the original database and files are back in place, byte for byte, without a stray WAL
    kept = {n: v[0] for n, v in after.items() if "failed-restore" not in n}
    assert kept == {n: v[0] for n, v in before.items()}
    failed = [n for n in after if "failed-restore" in n]
    assert any(n.endswith(".sqlite3-wal") for n in failed)  # kept for inspection, with its WAL


def test_restore_onto_postgresql_checks_the_archive_before_it_connects(tmp_path: Path) -> None:
    """(Restoring onto PostgreSQL itself: tests/models/storage/test_backup_postgresql.py.)"""
    with pytest.raises(BackupError, match=r"x\.zip"):
        restore_backup(tmp_path / "x.zip", "postgresql://desk@server.invalid/consent")


def test_restore_refuses_while_another_program_writes(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "busy.sqlite3"
    Database.open(str(target)).close()
    holder = sqlite3.connect(target, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        before = tree(tmp_path)
        with pytest.raises(BackupError, match="in use"):
            restore_backup(archive, str(target))
        assert tree(tmp_path) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        remove_database_files(target)


def test_files_with_names_a_backup_cannot_hold_are_refused_by_name(
    filled: tuple[Database, list[str]], tmp_path: Path
) -> None:
    db, _ = filled
    odd = db.location.files_dir / "photos" / "bad\\name.jpg"
    odd.parent.mkdir()
    odd.write_bytes(b"jpg")
    with pytest.raises(BackupError, match="bad"):
        create_backup(db, tmp_path / "b.zip")
    assert not (tmp_path / "b.zip").exists()


def test_staging_folders_of_unfinished_installs_are_left_out(
    filled: tuple[Database, list[str]], tmp_path: Path
) -> None:
    db, _ = filled
    staging = db.location.files_dir / "identity.part-1a2b"
    staging.mkdir()
    (staging / "key.pem").write_bytes(b"half")
    done = db.location.files_dir / "identity"
    done.mkdir()
    (done / "cert.pem").write_bytes(b"cert")
    names = {m.name for m in create_backup(db, tmp_path / "b.zip").manifest.members}
    assert "files/identity/cert.pem" in names
    assert not any("part" in n for n in names)
