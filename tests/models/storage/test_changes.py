"""Noticing other desks' saves (issue 10): the cheap check, and PostgreSQL's push."""

from __future__ import annotations

import threading
import time

import pytest

from models.audit.chain import append_event
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.changes import ChangeListener, changes_since, latest_change
from models.storage.database import Database
from models.storage.schema import AuditEventRow


def test_a_save_by_another_desk_is_noticed_and_our_own_is_not(db: Database) -> None:
    # `db` is this desk; a second Database on the same database is another desk user.
    where = db.location.url
    other = Database.open(where, actor="other desk")
    try:
        seen = latest_change(db)
        assert changes_since(db, seen).by_others is False
        RosterService(db).add(ArtistDraft("林晓", jurisdiction="CN"))
        mine = changes_since(db, seen)
        assert mine.latest > seen and mine.by_others is False
        RosterService(other).add(ArtistDraft("王芳", jurisdiction="CN"))
        theirs = changes_since(db, mine.latest)
        assert theirs.by_others is True
        assert theirs.latest == latest_change(other) == latest_change(db)
        assert changes_since(db, theirs.latest).by_others is False
    finally:
        other.close()


def test_two_desks_under_the_same_user_name_see_each_other(db: Database) -> None:
    """Change notices tell desks apart by desk id, not by the name at the desk."""
    other = Database.open(db.location.url, actor=db.actor)
    try:
        assert other.actor == db.actor and other.desk_id != db.desk_id
        seen = latest_change(db)
        RosterService(other).add(ArtistDraft("王芳", jurisdiction="CN"))
        assert changes_since(db, seen).by_others is True
        assert changes_since(other, seen).by_others is False
    finally:
        other.close()


def test_the_desk_id_is_not_part_of_the_audit_chain(db: Database) -> None:
    from models.audit.service import AuditService

    RosterService(db).add(ArtistDraft("林晓"))
    with db.write() as s:
        s.execute(AuditEventRow.__table__.update().values(desk="somewhere else"))
    assert AuditService(db).verify().intact


@pytest.mark.sqlite_only
def test_nothing_to_listen_to_on_sqlite(db: Database) -> None:
    assert db.is_sqlite
    assert ChangeListener(db, lambda: None).start() is False


@pytest.mark.postgresql
def test_postgresql_pushes_each_committed_write_to_listening_desks(pg_database: str) -> None:
    desk = Database.open(pg_database, actor="listening desk")
    other = Database.open(pg_database, actor="other desk")
    heard = threading.Event()
    listener = ChangeListener(desk, heard.set)
    try:
        assert listener.start() is True
        roster = RosterService(other)
        # The listener connects on its own thread: keep saving until it hears one.
        for i in range(50):
            roster.add(ArtistDraft(f"艺人{i}", jurisdiction="CN"))
            if heard.wait(0.2):
                break
        assert heard.is_set()
        # A write that rolls back sends nothing. (Notices are batched for up to 0.5 s: let a
        # batch still on its way from the saves above arrive first.)
        time.sleep(0.6)
        heard.clear()
        with pytest.raises(RuntimeError), other.write() as s:
            append_event(s, "other desk", "artist", 1, "update", None, {"x": 1})
            raise RuntimeError("cancelled")
        assert not heard.wait(0.7)
    finally:
        listener.stop()
        other.close()
        desk.close()
