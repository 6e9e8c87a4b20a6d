"""`consent-desk backup PATH` and `consent-desk [--db URL] restore PATH`."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from models.audit.service import AuditService
from models.roster.service import RosterService
from models.storage import files
from models.storage.database import Database, resolve
from tests.models.storage.archives import DAMAGES, copy_desk, read_archive, tree

REPO = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The demo agency plus one stored file, built once; returns (db file, audit events)."""
    path = tmp_path_factory.mktemp("demo") / "desk.sqlite3"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--db", str(path), "demo"]) == 0
    db = Database.open(str(path))
    try:
        files.store_bytes(db, b"%PDF signed", "signed.pdf")
        events = AuditService(db).count()
    finally:
        db.close()
    return path, events


@pytest.fixture(scope="module")
def demo_archive(demo_source: tuple[Path, int], tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = tmp_path_factory.mktemp("archive") / "desk.zip"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--db", str(demo_source[0]), "backup", str(archive)]) == 0
    return archive


@pytest.fixture
def demo_backup(
    demo_source: tuple[Path, int], demo_archive: Path, tmp_path: Path
) -> tuple[Path, Path]:
    """A copy of the demo database and of its backup in this test's folder."""
    archive = tmp_path / "out" / "desk.zip"
    archive.parent.mkdir()
    shutil.copyfile(demo_archive, archive)
    return copy_desk(demo_source[0], tmp_path), archive


def test_backup_says_what_it_wrote(
    demo_source: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = copy_desk(demo_source[0], tmp_path)
    stored = len([p for p in (tmp_path / "desk-files").rglob("*") if p.is_file()])
    archive = tmp_path / "out" / "desk.zip"
    code, out, err = run(capsys, "--db", str(db_path), "backup", str(archive))
    assert (code, err) == (0, "")
    assert "30 artists" in out and f"{stored} stored files" in out and str(archive) in out
    assert archive.is_file() and not list(archive.parent.glob("*.part"))
    code, _, err = run(capsys, "--db", str(db_path), "backup", str(archive))
    assert code == 2 and "already exists" in err


def test_backup_then_restore_into_a_new_database(
    demo_source: tuple[Path, int],
    demo_backup: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, archive = demo_backup
    target = tmp_path / "laptop" / "desk.sqlite3"
    code, out, err = run(capsys, "--db", str(target), "restore", str(archive))
    assert (code, err) == (0, "")
    assert f"Audit trail intact: {demo_source[1]} events." in out
    db = Database.open(str(target))
    try:
        assert RosterService(db).counts().total == 30
        assert AuditService(db).verify().intact
    finally:
        db.close()


def test_restore_without_db_goes_to_the_user_data_folder(
    demo_backup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, archive = demo_backup
    code, _out, _err = run(capsys, "restore", str(archive))
    assert code == 0
    path = resolve(None).sqlite_path
    assert path is not None and path.exists()


def test_backup_into_a_folder_names_the_file(
    demo_backup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path, _ = demo_backup
    folder = tmp_path / "usb"
    folder.mkdir()
    assert run(capsys, "--db", str(db_path), "backup", str(folder))[0] == 0
    [made] = list(folder.iterdir())
    assert made.name.startswith("desk-backup-") and made.suffix == ".zip"


def test_restore_check_verifies_only(
    demo_backup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, archive = demo_backup
    before = tree(tmp_path)
    code, out, _ = run(capsys, "restore", "--check", "--json", str(archive))
    assert code == 0
    assert json.loads(out)["counts"]["artist"] == 30
    assert tree(tmp_path) == before


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_archive_exits_2_with_one_line_and_touches_nothing(
    damage: str,
    demo_backup: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db_path, archive = demo_backup
    members, manifest = read_archive(archive)
    bad = DAMAGES[damage](members, manifest, tmp_path / "out" / f"{damage}.zip")
    before = tree(tmp_path)
    code, out, err = run(capsys, "--db", str(db_path), "restore", str(bad))
    assert code == 2
    assert out == "" and err.count("\n") == 1 and err.startswith("consent-desk: ")
    assert "Traceback" not in err
    assert tree(tmp_path) == before


def test_backup_and_restore_of_postgresql_name_pg_dump(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://desk@db.invalid/consent"
    code, _, err = run(capsys, "--db", url, "backup", str(tmp_path / "b.zip"))
    assert code == 2 and "pg_dump" in err and err.count("\n") == 1
    assert "restore" in err  # and says a backup can be restored onto PostgreSQL
    code, _, err = run(capsys, "--db", url, "restore", str(tmp_path / "b.zip"))
    assert code == 2 and "b.zip" in err and err.count("\n") == 1


def test_backup_of_a_database_that_does_not_exist_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "none.sqlite3"), "backup", "b.zip")
    assert code == 2 and "no database" in err
    assert not (tmp_path / "none.sqlite3").exists()


def test_the_installed_command_refuses_a_damaged_archive(
    demo_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    """The real process: exit code 2 and one line, as a script calling it would see."""
    db_path, archive = demo_backup
    members, manifest = read_archive(archive)
    bad = DAMAGES["hash_mismatch"](members, manifest, tmp_path / "bad.zip")
    proc = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(db_path), "restore", str(bad)],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "does not match its recorded SHA-256" in proc.stderr
