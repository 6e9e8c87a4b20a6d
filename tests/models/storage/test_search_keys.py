"""Short Chinese queries answered from the character key table (0009_fast_start): the same
artists as a scan of every name, after adds, edits and archiving."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.names import normalize
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database

pytestmark = pytest.mark.sqlite_only

CHARS = "林晓王芳陈静怡小雨Lin"
names = st.text(alphabet=CHARS, min_size=1, max_size=4).filter(lambda s: s.strip() != "")


def _expected(db: Database, query: str, include_archived: bool) -> set[int]:
    path = db.location.sqlite_path
    assert path is not None
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT id, search_text, archived FROM artist").fetchall()
    finally:
        con.close()
    q = normalize(query)
    return {i for i, text, archived in rows if q in text and (include_archived or not archived)}


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    added=st.lists(st.tuples(names, st.lists(names, max_size=2)), min_size=1, max_size=6),
    renamed=names,
    query=st.text(alphabet="林晓王芳小雨", min_size=1, max_size=2),
)
def test_short_chinese_queries_find_the_same_artists_as_a_scan(
    db: Database, added: list[tuple[str, list[str]]], renamed: str, query: str
) -> None:
    roster = RosterService(db)
    made = roster.add_many([ArtistDraft(n, stage_names=tuple(s)) for n, s in added])
    first = made[0]
    roster.update(first.id, ArtistDraft(renamed), first.version)  # keys follow an edit
    roster.set_archived(made[-1].id, True)
    for include_archived in (False, True):
        found = roster.search_ids(query, include_archived=include_archived)
        assert set(found) == _expected(db, query, include_archived)
        assert len(found) == len(set(found))
        assert roster.count_matching(query, include_archived) == len(found)


def test_the_key_table_holds_only_non_ascii_characters(db: Database) -> None:
    roster = RosterService(db)
    lin = roster.add(ArtistDraft("林晓", stage_names=("小林",)))
    roster.add(ArtistDraft("Emma Hart"))
    path = db.location.sqlite_path
    assert path is not None
    con = sqlite3.connect(path)
    try:
        keys = set(con.execute("SELECT key, artist_id FROM artist_search_keys"))
    finally:
        con.close()
    assert keys == {("林", lin.id), ("晓", lin.id), ("小", lin.id)}
