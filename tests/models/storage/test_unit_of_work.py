"""The unit of work storage owns: `with db.transaction():` joins every service call inside it."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from models.audit.checkpoint import make_checkpoint, stored_checkpoints
from models.audit.service import AuditService
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database


def test_writes_inside_a_unit_commit_together(db: Database) -> None:
    roster = RosterService(db)
    with db.transaction():
        first = roster.add(ArtistDraft("林晓", jurisdiction="CN"))
        # A read inside the unit sees what the unit wrote so far.
        assert roster.get(first.id).native_name == "林晓"
        roster.add(ArtistDraft("陈静怡", jurisdiction="CN"))
    assert len(roster.search()) == 2
    report = AuditService(db).verify()
    assert report.intact and report.count == 2


def test_a_failure_in_the_second_call_rolls_back_the_first(db: Database) -> None:
    roster = RosterService(db)
    with pytest.raises(RuntimeError, match="second call"), db.transaction():
        roster.add(ArtistDraft("林晓", jurisdiction="CN"))
        make_checkpoint(db)  # a checkpoint joins the unit too
        raise RuntimeError("the second call failed")
    assert roster.is_empty()
    assert AuditService(db).count() == 0
    assert stored_checkpoints(db) == []


def test_a_nested_write_does_not_commit_by_itself(db: Database) -> None:
    roster = RosterService(db)
    with pytest.raises(RuntimeError), db.transaction() as outer:
        with db.write() as inner:
            assert inner is outer  # joined, not a second transaction
        roster.add(ArtistDraft("林晓", jurisdiction="CN", date_of_birth=date(1994, 3, 12)))
        raise RuntimeError
    assert roster.is_empty()
    assert db.open_unit() is None


def test_another_thread_does_not_join_the_open_unit(db: Database) -> None:
    seen: list[object] = []
    with db.transaction() as session:
        worker = threading.Thread(target=lambda: seen.append(db.open_unit()))
        worker.start()
        worker.join()
        assert db.open_unit() is session
    assert seen == [None]
    assert db.open_unit() is None
