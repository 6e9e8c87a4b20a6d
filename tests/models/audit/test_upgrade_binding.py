"""A database made before rows were bound gets one `bound at upgrade` event per audited row
when it is upgraded, so a later direct table edit is found and named (0013_evidence_bind_rows).

The old database is built at the revisions before row binding (0002_consent, 0003_statements,
no 0007_audit_anchor), its rows and events written as the application wrote them then: events
hashed without a row hash.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from models.audit.chain import GENESIS, canonical_json, event_hash
from models.audit.service import AuditService
from models.audit.upgrade import UPGRADE_ACTION, UPGRADE_ACTOR
from models.storage import database as dbmod
from models.storage.database import Database, resolve
from models.storage.schema import Base

OLD_REVISIONS = ("0002_consent", "0003_statements")
NAMES = ("林晓", "Emma Hart", "Ana Souza")
# audit_event as 0001_foundation made it (no row_hash, no desk)
OLD_EVENTS = sa.table(
    "audit_event",
    *map(
        sa.column,
        ("id", "at", "actor", "entity", "entity_id", "action", "before", "after", "prev_hash"),
    ),
    sa.column("hash"),
)


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


def old_database(where: str, audited: int = len(NAMES), unaudited: int = 0) -> None:
    """A desk at the old revisions (SQLite file or PostgreSQL URL): `audited` artists with a
    `create` event each (old hash form), then `unaudited` artists written behind the log."""
    from alembic import command

    old = Database(resolve(where), actor="tester")
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
            conn.execute(
                sa.insert(OLD_EVENTS).values(
                    id=seq,
                    at=at,
                    actor="tester",
                    entity="artist",
                    entity_id=row,
                    action="create",
                    before=None,
                    after=after,
                    prev_hash=prev,
                    hash=digest,
                )
            )
            prev = digest
    old.close()


def raw(where: str, sql: str) -> None:
    engine = sa.create_engine(resolve(where).url)
    with engine.begin() as conn:
        conn.exec_driver_sql(sql)
    engine.dispose()


def baseline_events(where: str) -> list[tuple[str, str, str, str, str | None]]:
    engine = sa.create_engine(resolve(where).url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT entity, entity_id, actor, after, row_hash FROM audit_event"
                " WHERE action = :action ORDER BY id"
            ),
            {"action": UPGRADE_ACTION},
        ).all()
    engine.dispose()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_upgrade_binds_every_audited_row_with_a_labelled_baseline_event(tmp_path):
    path = str(tmp_path / "old.sqlite3")
    old_database(path)
    db = Database.open(path, actor="tester")
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
    Database.open(path, actor="tester").close()  # opening again binds nothing more
    assert len(baseline_events(path)) == len(NAMES)


def _direct_edit_is_found(where: str) -> None:
    old_database(where)
    Database.open(where, actor="tester").close()
    assert len(baseline_events(where)) == len(NAMES)
    raw(where, "UPDATE artist SET notes = 'all AI use authorised' WHERE id = 2")
    db = Database.open(where, actor="tester")
    report = AuditService(db).verify()
    db.close()
    assert not report.intact
    assert any(
        p.startswith("artist 2: was changed behind the audit trail") and "notes" in p
        for p in report.problems
    ), report.problems


def test_a_direct_edit_after_the_upgrade_is_found_and_named(tmp_path):
    _direct_edit_is_found(str(tmp_path / "old.sqlite3"))


@pytest.mark.postgresql
def test_the_upgrade_binds_rows_on_postgresql_too(pg_server):
    name = "old_desk_" + uuid.uuid4().hex[:8]
    pg_server.admin(f"CREATE DATABASE {name}")
    try:
        _direct_edit_is_found(pg_server.url(name))
    finally:
        pg_server.admin(f"DROP DATABASE {name} WITH (FORCE)")


def test_rows_never_audited_are_not_whitewashed_by_the_upgrade(tmp_path):
    path = str(tmp_path / "old.sqlite3")
    old_database(path, unaudited=1)
    db = Database.open(path, actor="tester")
    report = AuditService(db).verify()
    db.close()
    assert len(baseline_events(path)) == len(NAMES)
    assert report.problems == ("artist 4: has no audit event (added behind the log)",)
