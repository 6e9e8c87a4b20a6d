"""Several desks saving at once on one PostgreSQL database (issue 10).

Eight processes, each a desk with its own connections, make 200 edits each to the same
handful of artists at the same time. Each edit loads the artist and saves with the version it
saw, like a form does. What a user relies on: no save is silently lost (every refused save is
a ConflictError the desk can show), and the audit trail stays one valid chain with exactly
one event per successful save. A bigger run: tests/benchmarks/test_pg_concurrency_bench.py.
"""

from __future__ import annotations

import pytest

from models.audit.service import AuditService
from models.roster.service import RosterService
from models.storage.database import Database
from tests.models.storage.pg_desks import DeskResult, run_desks, seed

pytestmark = pytest.mark.postgresql

DESKS = 8
EDITS = 200
ARTISTS = 6


def check_no_lost_update(url: str, ids: list[int], results: list[DeskResult]) -> int:
    """Assert what users rely on after desks raced; return how many saves succeeded."""
    assert [e for r in results for e in r.errors] == []
    saves = sum(len(r.saved) for r in results)
    db = Database.open(url, actor="checker")
    try:
        roster = RosterService(db)
        audit = AuditService(db)
        report = audit.verify()
        assert report.intact, report
        # One event per artist created, then exactly one per successful save.
        assert report.count == len(ids) + saves
        final = {i: roster.get(i) for i in ids}
        # Each successful save moved its artist's version on by exactly one: no save
        # overwrote another unseen.
        assert sum(a.version - 1 for a in final.values()) == saves
        # The note each artist shows is the one the audit trail says was saved last, and
        # the trail holds every save a desk was told had succeeded.
        updates = [
            e for e in audit.events(entity="artist", limit=saves + 100) if e.action == "update"
        ]
        assert len(updates) == saves
        last: dict[int, str] = {}
        for event in reversed(updates):
            assert event.after is not None
            last[int(event.entity_id)] = event.after["notes"]
        for artist_id, artist in final.items():
            assert artist.notes == last.get(artist_id, "")
        assert {(int(e.entity_id), e.after["notes"]) for e in updates if e.after} == {
            s for r in results for s in r.saved
        }
    finally:
        db.close()
    return saves


def test_eight_desks_editing_the_same_artists_lose_no_update(pg_database: str) -> None:
    ids = seed(pg_database, ARTISTS)
    results = run_desks(pg_database, DESKS, EDITS, ids)
    saves = check_no_lost_update(pg_database, ids, results)
    conflicts = sum(r.conflicts for r in results)
    assert saves + conflicts == DESKS * EDITS  # every refused save was a ConflictError
    # The desks really did collide: some saves were refused, and every desk saved some.
    assert conflicts > 0
    assert all(r.saved for r in results)
