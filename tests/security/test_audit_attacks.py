"""Attacks on the audit trail, as an attacker with write access to the SQLite file would try.

Each test applies one attack with raw SQL (behind the application), then asserts the verdict
of `consent-desk audit verify` (exit 1, naming what was found) and that verifying changed
nothing (the database file is byte-for-byte the same afterwards).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from main import main
from models.audit.chain import GENESIS, event_hash
from models.audit.checkpoint import make_checkpoint
from models.demo import load_demo
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from reports.public_register import export_public_register
from reports.statements.service import StatementRequest, StatementService
from tests.security.attacks import run_sql as _sql
from tests.shared_identity import install, unlocked_identity


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _verify(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    before = _sha(path)
    code = main(
        ["--db", str(path), "audit", "verify", "--backups", str(path.parent / "no"), *extra]
    )
    out = capsys.readouterr().out
    assert _sha(path) == before, "verify must not change the database"
    return code, out


@pytest.fixture
def desk(db_path: Path) -> Path:
    """The demo agency (30 artists), then a checkpoint, then a few more audited writes."""
    db = Database.open(str(db_path), actor="tester")
    try:
        load_demo(db)
        make_checkpoint(db, "on-demand")
        roster = RosterService(db)
        a = roster.add(ArtistDraft("Late Arrival"))
        roster.update(a.id, ArtistDraft("Late Arrival", notes="after the checkpoint"), a.version)
    finally:
        db.close()
    return db_path


def _count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    finally:
        con.close()


def test_untouched_desk_verifies(desk, capsys):
    code, out = _verify(capsys, desk)
    assert code == 0 and "intact" in out and "1 checkpoint" in out


@pytest.mark.parametrize("cut", [1, 2, 5, 40])
def test_truncating_the_newest_events_is_caught_by_the_checkpoint(desk, capsys, cut):
    n = _count(desk)
    _sql(desk, f"DELETE FROM audit_event WHERE id > {n - cut}")
    code, out = _verify(capsys, desk)
    assert code == 1
    if cut > 2:  # cut below the checkpoint: named as the checkpoint the log is shorter than
        assert "shorter" in out and "checkpoint 1 in the database" in out
    else:  # the rows written after the cut no longer match their (missing) last event
        assert "artist" in out


def test_truncation_below_every_checkpoint_with_the_checkpoints_deleted_too(desk, capsys):
    """The attacker also empties the checkpoint table: the rows still betray the cut."""
    n = _count(desk)
    _sql(desk, f"DELETE FROM audit_event WHERE id > {n - 40}", "DELETE FROM audit_checkpoint")
    code, out = _verify(capsys, desk)
    assert code == 1 and "artist" in out


def test_wiping_every_event_is_caught(desk, capsys):
    _sql(desk, "DELETE FROM audit_event")
    code, out = _verify(capsys, desk)
    assert code == 1 and "shorter (0 events)" in out
    _sql(desk, "DELETE FROM audit_checkpoint")
    code, out = _verify(capsys, desk)
    assert code == 1 and "has no audit event" in out  # 31 artists remain without any event


def _rechain(path: Path, from_id: int) -> None:
    """Recompute every hash from `from_id` on, as an attacker who edited an event would."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT id, at, actor, entity, entity_id, action, before, after, row_hash "
            "FROM audit_event ORDER BY id"
        ).fetchall()
        prev = GENESIS
        for r in rows:
            if r[0] >= from_id:
                h = event_hash(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], prev, r[8])
                con.execute(
                    "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, r[0])
                )
                prev = h
            else:
                prev = con.execute("SELECT hash FROM audit_event WHERE id = ?", (r[0],)).fetchone()[
                    0
                ]
        con.commit()
    finally:
        con.close()


@pytest.mark.parametrize("event", [3, 20, 100])
def test_editing_an_event_and_recomputing_later_hashes_is_caught(desk, capsys, event):
    _sql(desk, f"UPDATE audit_event SET actor = 'someone else' WHERE id = {event}")
    _rechain(desk, event)
    code, out = _verify(capsys, desk)
    assert code == 1
    assert "does not extend" in out and "checkpoint 1 in the database" in out


def test_recomputing_and_editing_the_checkpoint_too_is_caught_by_its_seal(desk, capsys):
    _sql(desk, "UPDATE audit_event SET actor = 'someone else' WHERE id = 3")
    _rechain(desk, 3)
    con = sqlite3.connect(desk)
    events, head = con.execute("SELECT events, head FROM audit_checkpoint").fetchone()
    new_head = con.execute("SELECT hash FROM audit_event WHERE id = ?", (events,)).fetchone()[0]
    con.close()
    assert new_head != head
    _sql(desk, f"UPDATE audit_checkpoint SET head = '{new_head}'")
    code, out = _verify(capsys, desk)
    assert code == 1 and "was altered" in out


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("UPDATE artist SET notes = 'forged' WHERE id = 3", "artist 3"),
        ("UPDATE artist SET ai_stance = 'open' WHERE id = 5", "artist 5"),
        ("UPDATE artist SET native_name = 'X' WHERE id = 31", "artist 31"),
        ("DELETE FROM consent_record WHERE id = 1", "consent_record 1"),
        ("UPDATE consent_record SET status = 'forged' WHERE id = 2", "consent_record 2"),
    ],
)
def test_a_direct_table_edit_is_found_and_named(desk, capsys, sql, named):
    _sql(desk, sql)
    code, out = _verify(capsys, desk)
    assert code == 1 and named in out


def test_the_changed_field_is_named(desk, capsys):
    _sql(desk, "UPDATE artist SET notes = 'forged' WHERE id = 3")
    code, out = _verify(capsys, desk)
    assert code == 1 and "artist 3" in out and "field notes" in out


def test_a_row_inserted_behind_the_log_is_found(desk, capsys):
    con = sqlite3.connect(desk)
    cols = [r[1] for r in con.execute("PRAGMA table_info(artist)") if r[1] != "id"]
    con.execute(
        f"INSERT INTO artist ({', '.join(cols)}) SELECT {', '.join(cols)} FROM artist WHERE id = 1"
    )
    new_id = con.execute("SELECT max(id) FROM artist").fetchone()[0]
    con.commit()
    con.close()
    code, out = _verify(capsys, desk)
    assert code == 1 and f"artist {new_id}" in out and "no audit event" in out


@pytest.fixture
def signed_desk(db_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A desk that issued a statement and exported its register (identity-signed)."""
    db = Database.open(str(db_path), actor="tester")
    try:
        install(db)
        identity = unlocked_identity()
        roster = RosterService(db)
        lin = roster.add(ArtistDraft("林晓", "Lin Xiao"))
        out = tmp_path / "out"
        out.mkdir()
        StatementService(db, identity).export(StatementRequest(lin.id), out)
        register = tmp_path / "register"
        export_public_register(db, identity, register)
        roster.update(
            lin.id, ArtistDraft("林晓", "Lin Xiao", notes="later"), roster.get(lin.id).version
        )
    finally:
        db.close()
    return db_path, register


def test_statement_and_register_carry_checkpoints(signed_desk, capsys):
    path, register = signed_desk
    data = json.loads((register / "register.json").read_text("utf-8"))
    assert data["sequence"] == 1 and data["checkpoint"]["events"] > 0
    history = json.loads((register / "checkpoints.json").read_text("utf-8"))["checkpoints"]
    assert [e["sequence"] for e in history] == [1]
    con = sqlite3.connect(path)
    (record,) = con.execute("SELECT record_json FROM statement").fetchone()
    con.close()
    statement_cp = json.loads(record)["checkpoint"]
    assert statement_cp["method"] == "identity" and statement_cp["reason"] == "statement"
    assert 0 < statement_cp["events"] < data["checkpoint"]["events"]
    code, out = _verify(capsys, path, "--register", str(register))
    assert code == 0, out


def test_truncation_with_every_database_copy_removed_is_caught_by_the_published_register(
    signed_desk, capsys
):
    """The attacker cuts the log and removes every copy inside the database (checkpoint
    table, statement rows' records): the statement PDF in the store and the published
    register still pin the history."""
    path, register = signed_desk
    n = _count(path)
    _sql(
        path,
        f"DELETE FROM audit_event WHERE id > {n - 4}",
        "DELETE FROM audit_checkpoint",
        "UPDATE statement SET record_json = '{}'",
    )
    code, out = _verify(capsys, path, "--register", str(register))
    assert code == 1 and "shorter" in out
    assert "register" in out or "statement" in out


def test_exports_append_to_the_checkpoint_history(signed_desk, tmp_path):
    path, register = signed_desk
    db = Database.open(str(path), actor="tester")
    try:
        export_public_register(db, unlocked_identity(), register)
    finally:
        db.close()
    data = json.loads((register / "register.json").read_text("utf-8"))
    history = json.loads((register / "checkpoints.json").read_text("utf-8"))["checkpoints"]
    assert data["sequence"] == 2
    assert [e["sequence"] for e in history] == [1, 2]
    assert history[1]["events"] > history[0]["events"]
    assert all(e["signature"] and e["entry_signature"] for e in history)


def test_checkpoint_on_demand(desk, capsys):
    capsys.readouterr()
    assert main(["--db", str(desk), "audit", "checkpoint", "--json"]) == 0
    cp = json.loads(capsys.readouterr().out)
    assert cp["events"] == _count(desk) and cp["method"] == "desk-key"


def test_truncation_is_caught_by_a_backup_checkpoint_and_other_databases_backups_are_ignored(
    desk, capsys, tmp_path
):
    from models.safety.backup import create_backup

    backups = tmp_path / "backups"
    db = Database.open(str(desk), actor="tester")
    try:
        create_backup(db, backups / "desk-2026-12-01.zip")
    finally:
        db.close()
    other = Database.open(str(tmp_path / "other" / "elsewhere.sqlite3"), actor="tester")
    try:
        RosterService(other).add(ArtistDraft("Someone Else"))
        create_backup(other, backups / "elsewhere-2026-12-01.zip")
    finally:
        other.close()
    code, out = _verify(capsys, desk, "--backups", str(backups))
    assert code == 0, out
    n = _count(desk)
    _sql(desk, f"DELETE FROM audit_event WHERE id > {n - 3}", "DELETE FROM audit_checkpoint")
    code, out = _verify(capsys, desk, "--backups", str(backups))
    assert code == 1 and "backup desk-2026-12-01.zip" in out


def test_an_identity_signed_checkpoint_verifies_and_an_edited_one_is_named(
    desk, capsys, monkeypatch
):
    from tests.shared_identity import PASSPHRASE

    db = Database.open(str(desk), actor="tester")
    try:
        install(db)
    finally:
        db.close()
    monkeypatch.setenv("CONSENT_DESK_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["--db", str(desk), "audit", "checkpoint", "--json"]) == 0
    cp = json.loads(capsys.readouterr().out)
    assert cp["method"] == "identity" and cp["events"] == _count(desk)
    code, out = _verify(capsys, desk)
    assert code == 0 and "2 checkpoint" in out
    _sql(desk, "UPDATE audit_checkpoint SET events = events - 1 WHERE method = 'identity'")
    code, out = _verify(capsys, desk)
    assert code == 1 and "was altered" in out


def test_deleting_the_desk_key_does_not_hide_checkpoints_silently(db_path, capsys, tmp_path):
    """The residual risk, said out loud: cut events about unbound things (a setting) behind a
    desk-key checkpoint, then remove the desk key. The checkpoint cannot be checked any more;
    verify says so instead of counting it."""
    from models.audit.checkpoint import desk_key_path
    from models.safety.backup import set_backup_keep

    db = Database.open(str(db_path), actor="tester")
    try:
        RosterService(db).add(ArtistDraft("First"))
        set_backup_keep(db, 5)
        set_backup_keep(db, 6)
        make_checkpoint(db, "on-demand")
    finally:
        db.close()
    code, out = _verify(capsys, db_path)
    assert code == 0 and "1 checkpoint" in out
    _sql(db_path, "DELETE FROM audit_event WHERE entity = 'setting'")
    code, out = _verify(capsys, db_path)
    assert code == 1 and "shorter" in out  # with the key: caught
    desk_key_path().rename(tmp_path / "stolen.key")
    try:
        code, out = _verify(capsys, db_path)
        assert "1 checkpoint(s) are sealed by a key this desk does not hold" in out
    finally:
        (tmp_path / "stolen.key").rename(desk_key_path())
