"""The same behaviour on SQLite and PostgreSQL where the back ends differ (issue 10)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import select, text

import models.storage.database as database
import models.storage.search as search
from models.audit.chain import append_event
from models.audit.service import AuditService
from models.errors import DatabaseError
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database, resolve
from models.storage.schema import ArtistRow


def test_a_read_sees_one_snapshot_while_another_desk_saves(db: Database) -> None:
    roster = RosterService(db)
    roster.add(ArtistDraft("林晓", jurisdiction="CN"))
    other = Database.open(db.location.url, actor="other desk")
    try:
        with db.read() as s:
            first = s.scalars(select(ArtistRow.native_name)).all()
            RosterService(other).add(ArtistDraft("王芳", jurisdiction="CN"))
            assert s.scalars(select(ArtistRow.native_name)).all() == first
        assert len(roster.search_ids()) == 2
    finally:
        other.close()


def test_values_longer_than_a_declared_length_save_on_both(db: Database) -> None:
    # SQLite never enforced `String(60)`; PostgreSQL must not start refusing such saves.
    long_id = "f" * 100
    with db.write() as s:
        append_event(s, db.actor, "stored_file", long_id, "create", None, {"size": 1})
    (event_,) = AuditService(db).events(entity="stored_file")
    assert event_.entity_id == long_id


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgresql://desk:secret@db.agency.lan/consent", "postgresql+psycopg"),
        ("postgres://desk@db.agency.lan:5433/consent", "postgresql+psycopg"),
        ("postgresql+psycopg://desk@/consent?host=/run/pg", "postgresql+psycopg"),
    ],
)
def test_a_postgresql_address_uses_the_shipped_driver(given: str, driver: str) -> None:
    location = resolve(given)
    assert "secret" not in location.shown  # the window title never shows a password
    assert location.url.split("://")[0] == driver
    assert location.url.split("://")[1] == given.split("://")[1]
    assert location.sqlite_path is None


@pytest.mark.postgresql
def test_name_searches_are_answered_from_the_search_indexes(
    pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database.open(pg_database)
    try:
        roster = RosterService(db)
        roster.add_many([ArtistDraft(f"艺人{i}", jurisdiction="CN") for i in range(20)])
        roster.add(ArtistDraft("林晓", stage_names=("小林",)))
        seen: list[tuple[str, Any]] = []
        run = search._postgresql_ids

        def capture(session: Any, stmt: Any) -> list[int]:
            compiled = stmt.compile(dialect=session.connection().dialect)
            seen.append((str(compiled), compiled.params))
            return run(session, stmt)

        monkeypatch.setattr(search, "_postgresql_ids", capture)
        assert len(roster.search_ids("lin xiao")) == 1
        assert len(roster.search_ids("林")) == 1
        (three, three_params), (one, one_params) = seen
        with db.write() as s:  # rolled back below: only which index can answer is asked
            # A small table is cheapest to read whole, and the other indexes on `artist` do
            # not answer a substring: take them and the whole-table read out of the choice.
            for index in ("search", "romanized", "archived_sort", "list"):
                s.execute(text(f"DROP INDEX ix_artist_{index}"))
            s.execute(text("SET LOCAL enable_seqscan = off"))
            conn = s.connection()
            plan3 = "\n".join(conn.exec_driver_sql("EXPLAIN " + three, three_params).scalars())
            plan1 = "\n".join(conn.exec_driver_sql("EXPLAIN " + one, one_params).scalars())
            s.rollback()
        assert "ix_artist_search_trgm" in plan3
        assert "ix_artist_search_chars" in plan1
    finally:
        db.close()


@pytest.mark.postgresql
def test_a_desk_that_waits_too_long_to_write_is_told_the_database_is_busy(
    pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = Database.open(pg_database, actor="slow desk")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.3)
    waiter = Database.open(pg_database, actor="waiting desk")
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with holder.write() as s:
            s.execute(text("SELECT 1"))
            holding.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    try:
        assert holding.wait(10)
        with pytest.raises(DatabaseError, match="busy"):
            RosterService(waiter).add(ArtistDraft("林晓", jurisdiction="CN"))
    finally:
        release.set()
        t.join()
    try:
        assert RosterService(waiter).search_ids() == []  # nothing was half-saved
        RosterService(waiter).add(ArtistDraft("林晓", jurisdiction="CN"))  # its turn now
        assert AuditService(waiter).verify().intact
    finally:
        waiter.close()
        holder.close()
