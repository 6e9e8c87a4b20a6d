"""A database made before rows were bound gets one `bound at upgrade` event per audited row
when it is upgraded, so a later direct table edit is found and named (0013_evidence_bind_rows).

The old database is built at the revisions before row binding (0002_consent, 0003_statements,
no 0007_audit_anchor), its rows and events written as the application wrote them then: events
hashed without a row hash.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from models.audit.chain import GENESIS, canonical_json, event_hash
from models.audit.service import AuditService
from models.audit.upgrade import UPGRADE_ACTION, UPGRADE_ACTOR
from models.storage import database as dbmod
from models.storage.database import Database, resolve
from models.storage.schema import Base

OLD_REVISIONS = ("0002_consent", "0003_statements")
NAMES = ("林晓", "Emma Hart", "Ana Souza")


def _artist(name: str) -> dict[str, object]:
    now = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
    return {
        "native_name": name,
        "romanized_name": name,
        "stage_names": [],
        "estate_contact": "",
        "guardian": "",
        "unions": [],
        "jurisdiction": "",
        "agent": "",
        "contact": "",
        "notes": "",
        "ai_stance": "undecided",
        "archived": False,
        "sort_key": name.lower(),
        "search_text": name.lower(),
        "created_at": now,
        "updated_at": now,
        "updated_by": "tester",
        "version": 1,
    }


def old_database(path: Path, audited: int = len(NAMES), unaudited: int = 0) -> None:
    """A desk at the old revisions: `audited` artists with a `create` event each (old hash
    form), then `unaudited` artists written behind the log."""
    from alembic import command

    old = Database(resolve(str(path)), actor="tester")
    cfg = dbmod._alembic_config()
    with old._write_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for revision in OLD_REVISIONS:
            command.upgrade(cfg, revision)
        artist = Base.metadata.tables["artist"]
        present = {c["name"] for c in sa.inspect(conn).get_columns("artist")}
        prev = GENESIS
        names = [*NAMES, *(f"Extra {i}" for i in range(unaudited))]
        for seq, name in enumerate(names, start=1):
            values = {k: v for k, v in _artist(name).items() if k in present}
            row_id = conn.execute(sa.insert(artist).values(values)).inserted_primary_key[0]
            if seq > audited:
                continue
            at = f"2026-04-01T09:00:0{seq}+00:00"
            after = canonical_json({"native_name": name})
            row = str(row_id)
            digest = event_hash(seq, at, "tester", "artist", row, "create", None, after, prev)
            conn.exec_driver_sql(
                "INSERT INTO audit_event (id, at, actor, entity, entity_id, action, before,"
                " after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, at, "tester", "artist", row, "create", None, after, prev, digest),
            )
            prev = digest
    old.close()


def raw(path: Path, sql: str) -> None:
    con = sqlite3.connect(path)
    con.execute(sql)
    con.commit()
    con.close()


def baseline_events(path: Path) -> list[tuple[str, str, str, str, str | None]]:
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT entity, entity_id, actor, after, row_hash FROM audit_event WHERE action = ?"
        " ORDER BY id",
        (UPGRADE_ACTION,),
    ).fetchall()
    con.close()
    return rows


def test_upgrade_binds_every_audited_row_with_a_labelled_baseline_event(tmp_path):
    path = tmp_path / "old.sqlite3"
    old_database(path)
    db = Database.open(str(path), actor="tester")
    report = AuditService(db).verify()
    assert report.intact, report.problems
    assert report.count == 2 * len(NAMES)  # the old events and one baseline each
    events = baseline_events(path)
    assert [(e[0], e[1], e[2]) for e in events] == [
        ("artist", str(i), UPGRADE_ACTOR) for i in range(1, len(NAMES) + 1)
    ]
    assert all(e[4] and len(e[4]) == 64 for e in events)
    assert json.loads(events[1][3])["native_name"] == "Emma Hart"
    db.close()
    Database.open(str(path), actor="tester").close()  # opening again binds nothing more
    assert len(baseline_events(path)) == len(NAMES)


def test_a_direct_edit_after_the_upgrade_is_found_and_named(tmp_path):
    path = tmp_path / "old.sqlite3"
    old_database(path)
    Database.open(str(path), actor="tester").close()
    raw(path, "UPDATE artist SET notes = 'all AI use authorised' WHERE id = 2")
    db = Database.open(str(path), actor="tester")
    report = AuditService(db).verify()
    db.close()
    assert not report.intact
    assert any(
        p.startswith("artist 2: was changed behind the audit trail") and "notes" in p
        for p in report.problems
    ), report.problems


def test_rows_never_audited_are_not_whitewashed_by_the_upgrade(tmp_path):
    path = tmp_path / "old.sqlite3"
    old_database(path, unaudited=1)
    db = Database.open(str(path), actor="tester")
    report = AuditService(db).verify()
    db.close()
    assert len(baseline_events(path)) == len(NAMES)
    assert report.problems == ("artist 4: has no audit event (added behind the log)",)
