"""Content-addressed stored files: one copy per content, registered with an audit event."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.audit.service import AuditService
from models.errors import NotFoundError, UserError
from models.storage import files
from models.storage.database import Database


def test_store_file_copies_to_the_hash_path_and_registers_it(db: Database, tmp_path: Path) -> None:
    src = tmp_path / "signed agreement.pdf"
    src.write_bytes(b"%PDF-1.7 consent")
    sha = files.store_file(db, src)
    assert sha == hashlib.sha256(b"%PDF-1.7 consent").hexdigest()
    assert files.path_for(db, sha) == db.location.files_dir / sha[:2] / sha
    assert files.path_for(db, sha).read_bytes() == b"%PDF-1.7 consent"
    info = files.get(db, sha)
    assert (info.original_name, info.size, info.media_type, info.ok) == (
        "signed agreement.pdf",
        16,
        "application/pdf",
        True,
    )
    [event] = AuditService(db).events(entity="stored_file")
    assert (event.entity_id, event.action) == (sha, "store")
    assert not list(db.location.files_dir.rglob("*.part"))


def test_the_same_bytes_are_kept_once(db: Database) -> None:
    a = files.store_bytes(db, b"same", "a.txt")
    b = files.store_bytes(db, b"same", "b.txt")
    assert a == b
    assert len([p for p in db.location.files_dir.rglob("*") if p.is_file()]) == 1
    assert files.get(db, a).original_name == "a.txt"
    assert len(AuditService(db).events(entity="stored_file")) == 1


def test_registering_inside_the_callers_transaction_rolls_back_with_it(db: Database) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), db.write() as s:
        sha = files.store_bytes(db, b"evidence", "e.pdf", session=s)
        raise Boom
    with pytest.raises(NotFoundError):
        files.get(db, sha)
    assert AuditService(db).verify().intact


def test_verify_notices_changed_and_missing_files(db: Database) -> None:
    sha = files.store_bytes(db, b"original", "o.txt")
    assert files.verify(db, sha)
    files.path_for(db, sha).write_bytes(b"tampered")
    assert not files.verify(db, sha)
    files.path_for(db, sha).unlink()
    assert not files.verify(db, sha)
    with pytest.raises(UserError, match="missing"), files.open_stored(db, sha):
        pass


def test_storing_good_bytes_again_repairs_a_damaged_file(db: Database) -> None:
    from models.safety.integrity import check_stored_files

    sha = files.store_bytes(db, b"original", "o.txt")
    files.path_for(db, sha).write_bytes(b"tampered")
    assert len(check_stored_files(db)) == 1
    files.store_bytes(db, b"original", "o.txt")
    assert files.verify(db, sha) and files.get(db, sha).ok
    assert [e.action for e in AuditService(db).events(entity="stored_file")] == [
        "repaired",
        "integrity_failed",
        "store",
    ]


def test_a_missing_source_file_is_a_user_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Cannot find"):
        files.store_file(db, tmp_path / "nope.pdf")


@pytest.mark.parametrize("bad", ["", "../etc/passwd", "ABCDEF" * 10 + "ABCD", "g" * 64])
def test_path_for_refuses_anything_but_a_lowercase_sha256(db: Database, bad: str) -> None:
    with pytest.raises(ValueError):
        files.path_for(db, bad)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=3000))
def test_any_bytes_round_trip(db: Database, data: bytes) -> None:
    sha = files.store_bytes(db, data, "x.bin")
    assert sha == hashlib.sha256(data).hexdigest()
    with files.open_stored(db, sha) as fh:
        assert fh.read() == data
    assert files.get(db, sha).size == len(data)
