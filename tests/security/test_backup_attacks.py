"""Attacks on backups and restore: forged archives, broken trails, bombs, busy databases.

Every refused restore must exit 2 with one line on stderr and leave the target folder exactly
as it was (same files, same bytes).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from main import main
from models.audit.service import AuditService
from models.demo import load_demo
from models.safety.backup import create_backup
from models.safety.restore import remove_stale_restores
from models.storage.database import Database
from tests.shared_identity import install


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def source(tmp_path: Path) -> tuple[Path, Path]:
    """A demo desk with an identity installed, and a sealed backup of it."""
    path = tmp_path / "src" / "desk.sqlite3"
    db = Database.open(str(path), actor="tester")
    try:
        load_demo(db)
        install(db)
        archive = create_backup(db, tmp_path / "backups" / "desk.zip").path
    finally:
        db.close()
    return path, archive


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """The desk a backup is restored onto: its own small database, to be kept if refused."""
    path = tmp_path / "live" / "desk.sqlite3"
    Database.open(str(path), actor="tester").close()
    return path


def _refused(capsys, archive: Path, target: Path, *extra: str) -> str:
    before = _tree(target.parent)
    code, _out, err = _run(capsys, "--db", str(target), "restore", str(archive), *extra)
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _tree(target.parent) == before, "a refused restore must change nothing"
    return err


def _rewrite(archive: Path, change) -> None:
    """Rebuild the zip after `change(members: dict[name, bytes])` edits it in memory."""
    with zipfile.ZipFile(archive) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    change(members)
    archive.unlink()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _recompute(members: dict[str, bytes]) -> None:
    manifest = json.loads(members["manifest.json"])
    for m in manifest["members"]:
        m["sha256"] = hashlib.sha256(members[m["name"]]).hexdigest()
        m["size"] = len(members[m["name"]])
    members["manifest.json"] = json.dumps(manifest).encode()


def _edit_database(members: dict[str, bytes], tmp: Path, sql: str) -> None:
    db = tmp / "edit.sqlite3"
    db.write_bytes(members["database.sqlite3"])
    con = sqlite3.connect(db)
    con.execute(sql)
    con.commit()
    con.close()
    members["database.sqlite3"] = db.read_bytes()


def test_a_genuine_backup_restores(source, target, capsys):
    _, archive = source
    code, out, err = _run(capsys, "--db", str(target), "restore", str(archive))
    assert (code, err) == (0, ""), err
    assert "Audit trail intact" in out


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE artist SET notes = 'forged' WHERE id = 3",
        "UPDATE consent_record SET status = 'forged' WHERE id = 1",
        "DELETE FROM audit_event WHERE id > 100",
    ],
)
def test_a_changed_database_with_recomputed_manifest_hashes_is_refused(
    source, target, capsys, tmp_path, sql
):
    _, archive = source
    _rewrite(archive, lambda m: (_edit_database(m, tmp_path, sql), _recompute(m)))
    err = _refused(capsys, archive, target)
    assert "changed after the backup was made" in err
    code, _out, err = _run(capsys, "--db", str(target), "restore", str(archive), "--check")
    assert code == 2 and "would be refused" in err


def test_a_manifest_without_its_seal_is_refused(source, target, capsys):
    _, archive = source

    def strip(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        del manifest["seal"]
        members["manifest.json"] = json.dumps(manifest).encode()

    _rewrite(archive, strip)
    assert "not sealed" in _refused(capsys, archive, target)


def test_a_backup_sealed_by_another_desk_is_refused(source, target, capsys, monkeypatch, tmp_path):
    _, archive = source
    monkeypatch.setenv("CONSENT_DESK_KEY_DIR", str(tmp_path / "other-desk-keys"))
    assert "another desk" in _refused(capsys, archive, target)


@pytest.fixture
def broken_source(tmp_path: Path) -> Path:
    """A backup, genuinely sealed by this desk, of a database whose trail was already broken."""
    path = tmp_path / "src2" / "desk.sqlite3"
    db = Database.open(str(path), actor="tester")
    load_demo(db)
    db.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE artist SET notes = 'edited behind the log' WHERE id = 4")
    con.commit()
    con.close()
    db = Database.open(str(path), actor="tester")
    try:
        return create_backup(db, tmp_path / "b2" / "broken.zip").path
    finally:
        db.close()


def test_a_backup_with_a_broken_trail_is_refused_unless_accepted(broken_source, target, capsys):
    err = _refused(capsys, broken_source, target)
    assert "artist 4" in err and "--accept-broken" in err
    code, out, err = _run(
        capsys, "--db", str(target), "restore", str(broken_source), "--accept-broken"
    )
    assert code == 0 and "WARNING" in out and "artist 4" in out
    db = Database.open(str(target))
    try:
        newest = AuditService(db).events(limit=1)[0]
        assert newest.action == "restore-accepted-broken"
        assert any("artist 4" in p for p in newest.after["problems"])
    finally:
        db.close()


def test_restore_is_refused_while_another_process_has_the_database_open(source, target, capsys):
    _, archive = source
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"c = sqlite3.connect({str(target)!r})\n"
            "c.execute('SELECT count(*) FROM artist').fetchall()\n"
            "print('open', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert "in use" in _refused(capsys, archive, target)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)


def test_key_files_stay_0600_after_restore(source, target, capsys):
    _, archive = source
    code, _out, err = _run(capsys, "--db", str(target), "restore", str(archive))
    assert code == 0, err
    files = target.parent / "desk-files"
    key = files / "identity" / "private-key.pem"
    assert key.is_file()
    for p in files.rglob("*"):
        if p.is_file():
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p


def _bomb_members(size: int) -> dict[str, bytes]:
    return {"manifest.json": b"{}", "database.sqlite3": b"\0" * size}


def test_a_zip_bomb_backup_is_refused_before_decompressing(target, capsys, tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in _bomb_members(200 * 1024 * 1024).items():
            zf.writestr(name, data)
    assert archive.stat().st_size < 1024 * 1024
    assert "zip bomb" in _refused(capsys, archive, target)


def test_a_zip_with_too_many_members_is_refused(target, capsys, tmp_path, monkeypatch):
    import models.storage.zip_limits as zip_limits

    monkeypatch.setattr(zip_limits, "MAX_MEMBERS", 50)
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for i in range(60):
            zf.writestr(f"files/aa/{i:064x}", b"x")
    assert "members" in _refused(capsys, archive, target)


def test_an_xlsx_bomb_is_refused_before_openpyxl_reads_it(db_path, capsys, tmp_path):
    Database.open(str(db_path)).close()
    bomb = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b" " * (300 * 1024 * 1024))
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    code, _out, err = _run(capsys, "--db", str(db_path), "roster", "import", str(bomb))
    assert code == 2 and "was not read" in err and err.count("\n") == 1
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_a_killed_restores_staging_folder_is_removed_at_next_start(target):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = target.parent / f".{target.name}.restore-{dead.pid}-abcdef012345.part"
    (stale / "files").mkdir(parents=True)
    (stale / "database.sqlite3").write_bytes(b"half")
    live = target.parent / f".{target.name}.restore-{os.getppid()}-abcdef012345.part"
    live.mkdir()
    removed = remove_stale_restores(target)
    assert removed == [stale] and not stale.exists()
    assert live.exists()  # a restore that is still running elsewhere is left alone
