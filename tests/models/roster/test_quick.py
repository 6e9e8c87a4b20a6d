"""The roster's first page read with plain sqlite3 (models/roster/quick.py), and the artist
count kept by the triggers of migration 0009_fast_start."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.roster.artist import ArtistDraft, Stance
from models.roster.listing import SortColumn
from models.roster.quick import first_page
from models.roster.service import RosterService
from models.storage.database import Database

pytestmark = pytest.mark.sqlite_only


def _fill(db: Database) -> RosterService:
    roster = RosterService(db)
    roster.add_many(
        [
            ArtistDraft("林晓", stage_names=("Lin",), ai_stance=Stance.DECLINED),
            ArtistDraft("陈静怡", jurisdiction="HK"),
            ArtistDraft("Emma Hart", jurisdiction="GB"),
            ArtistDraft("王芳"),
            ArtistDraft("Daniel Test"),
        ]
    )
    return roster


def _count_rows(path: Path) -> dict[int, int]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT archived, n FROM artist_search_counts").fetchall())
    finally:
        con.close()


@pytest.mark.parametrize(
    ("sort", "descending", "archived"),
    [
        (SortColumn.NAME, False, False),
        (SortColumn.NAME, True, True),
        (SortColumn.JURISDICTION, False, True),
        (SortColumn.AGE, True, False),
    ],
)
def test_first_page_is_the_roster_as_the_service_lists_it(
    db: Database, sort: SortColumn, descending: bool, archived: bool
) -> None:
    roster = _fill(db)
    first = roster.search_ids()[0]
    roster.set_archived(first, True)
    page = first_page(db.location.sqlite_path, 3, archived, sort, descending)  # type: ignore[arg-type]
    assert page is not None
    expected = roster.search_ids("", include_archived=archived, sort=sort, descending=descending)
    assert [a.id for a in page.artists] == expected[:3]
    assert page.rows == len(expected)
    assert (page.counts.active, page.counts.archived) == (4, 1)
    full = roster.get_many(expected[:3])
    for artist in page.artists:
        want = full[artist.id]
        assert artist.native_name == want.native_name
        assert artist.romanized_name == want.romanized_name
        assert artist.stage_names == want.stage_names
        assert artist.ai_stance == want.ai_stance
        assert artist.archived == want.archived


def test_a_database_that_needs_an_upgrade_takes_the_ordinary_path(db: Database) -> None:
    _fill(db)
    path = db.location.sqlite_path
    assert path is not None
    db.close()
    con = sqlite3.connect(path)
    con.execute(
        "UPDATE alembic_version SET version_num = '0001_foundation' "
        "WHERE version_num = '0009_fast_start'"
    )
    con.commit()
    con.close()
    assert first_page(path, 10) is None


def test_not_a_database_or_missing_takes_the_ordinary_path(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("name,notes\n", encoding="utf-8")
    assert first_page(notes, 10) is None
    assert first_page(tmp_path / "absent.sqlite3", 10) is None
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert first_page(other, 10) is None


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(["add", "archive", "unarchive"]), min_size=1, max_size=12))
def test_the_kept_count_always_equals_a_recount(db: Database, steps: list[str]) -> None:
    roster = RosterService(db)
    for step in steps:
        ids = roster.search_ids(include_archived=True)
        if step == "add" or not ids:
            roster.add(ArtistDraft(f"艺人{len(ids)}"))
        else:
            roster.set_archived(ids[len(ids) // 2], step == "archive")
    path = db.location.sqlite_path
    assert path is not None
    con = sqlite3.connect(path)
    recount = dict(con.execute("SELECT archived != 0, count(*) FROM artist GROUP BY archived != 0"))
    con.close()
    kept = _count_rows(path)
    assert kept.get(0, 0) == recount.get(0, 0) and kept.get(1, 0) == recount.get(1, 0)
    counts = roster.counts()
    assert (counts.active, counts.archived) == (recount.get(0, 0), recount.get(1, 0))
