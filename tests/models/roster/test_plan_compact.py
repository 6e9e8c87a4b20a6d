"""Planning an import with the compact roster index (models/roster/planning.py) gives exactly
the plan the whole-roster index of objects gave: the same kind, artist, version, changes and
drafts for every row, whatever the mix of ids, repeated names, birth dates and pinyin."""

from __future__ import annotations

import itertools
import shutil
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from models.roster.artist import ArtistDraft, Stance
from models.roster.io import COLUMNS, ImportPreview, IncomingRow
from models.roster.merge import (
    ImportPlan,
    RosterIndex,
    RowKind,
    match,
    match_key,
    pinyin_key,
    plan_row,
)
from models.roster.service import RosterService
from models.storage.database import Database
from models.storage.schema import ArtistRow


# -- the plan as it was made before: every artist an object, every key a list ---------------
@dataclass(frozen=True)
class _Known:
    id: int
    native_name: str
    date_of_birth: date | None
    romanized_name: str


class _WholeIndex:
    def __init__(self, known: list[_Known]) -> None:
        self.by_id = {k.id: k for k in known}
        self.by_key: dict[tuple[str, date | None], list[int]] = defaultdict(list)
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_pinyin: dict[str, list[int]] = defaultdict(list)
        for k in sorted(known, key=lambda a: a.id):
            self.by_key[(k.native_name, k.date_of_birth)].append(k.id)
            self.by_name[k.native_name].append(k.id)
            if pinyin_key(k.romanized_name):
                self.by_pinyin[pinyin_key(k.romanized_name)].append(k.id)


def _whole_match(rows, index: _WholeIndex) -> list[tuple[IncomingRow, int | None]]:
    taken: set[int] = set()
    seen: dict[tuple[str, date | None], int] = defaultdict(int)
    out = []
    for row in rows:
        found = None
        if row.artist_id is not None and row.artist_id in index.by_id:
            if row.artist_id not in taken:
                found = row.artist_id
        else:
            key = (row.draft.native_name, row.draft.date_of_birth)
            n = seen[key]
            seen[key] += 1
            free = [c for c in index.by_key.get(key, [])[n:] if c not in taken]
            found = free[0] if free else None
        if found is not None:
            taken.add(found)
        out.append((row, found))
    return out


def plan_the_old_way(roster: RosterService, preview: ImportPreview) -> ImportPlan:
    with roster.db.read() as s:
        q = select(
            ArtistRow.id, ArtistRow.native_name, ArtistRow.date_of_birth, ArtistRow.romanized_name
        )
        index = _WholeIndex([_Known(*r) for r in s.execute(q)])
    matched = _whole_match(preview.rows, index)
    taken = {a for _r, a in matched if a is not None}
    existing = roster.get_many(sorted(index.by_id))
    return ImportPlan(
        tuple(plan_row(r, a, existing, index, preview.columns, taken) for r, a in matched)
    )


# -- generated rosters and files with many near-collisions -----------------------------------
NAMES = ["林晓", "林晓明", "陈静怡", "陳靜怡", "Emma Hart", "王磊"]
ROMANIZED = ["", "Lin Xiao", "lín-xiǎo", "Chen Jingyi", "Emma Hart"]
BORN = [None, date(1994, 3, 12), date(1990, 1, 1)]
artists = st.builds(
    ArtistDraft,
    native_name=st.sampled_from(NAMES),
    romanized_name=st.sampled_from(ROMANIZED),
    date_of_birth=st.sampled_from(BORN),
    notes=st.sampled_from(["", "a"]),
    ai_stance=st.sampled_from([Stance.NOT_ASKED, Stance.DECLINED]),
)
file_rows = st.tuples(
    st.one_of(st.none(), st.integers(min_value=1, max_value=6)),  # an id cell: most exist
    artists,
    st.booleans(),  # the romanised name was given
)
column_sets = st.sampled_from(
    [COLUMNS, ("native_name", "date_of_birth"), ("id", "native_name", "notes", "ai_stance")]
)
_count = itertools.count()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    roster=st.lists(artists, max_size=8),
    rows=st.lists(file_rows, min_size=1, max_size=10),
    columns=column_sets,
)
def test_the_compact_plan_is_the_plan_of_the_whole_roster_index(
    template_db: Path, tmp_path: Path, roster, rows, columns
):
    path = tmp_path / f"p{next(_count)}.sqlite3"
    shutil.copyfile(template_db, path)
    db = Database.open(str(path), actor="tester")
    try:
        service = RosterService(db)
        service.add_many(roster)
        incoming = tuple(
            IncomingRow(line, artist_id, draft.normalized(), given)
            for line, (artist_id, draft, given) in enumerate(rows, start=2)
        )
        preview = ImportPreview(incoming, (), columns)
        new = service.plan_import(preview)
        assert new == plan_the_old_way(service, preview)
        assert len(new.rows) == len(rows)
    finally:
        db.close()


def test_a_reimport_of_a_generated_roster_plans_as_before(db: Database):
    from tests.benchmarks.roster_data import drafts

    service = RosterService(db)
    added = service.add_many(drafts(600, seed=3))  # repeated names and birth dates included
    rows = tuple(
        IncomingRow(i + 2, a.id if i % 3 == 0 else None, a.draft(), True)
        for i, a in enumerate(added)
    )
    preview = ImportPreview(rows, (), COLUMNS)
    plan = service.plan_import(preview)
    assert plan == plan_the_old_way(service, preview)
    assert plan.counts()[RowKind.UNCHANGED] == 600


def test_the_index_wants_the_roster_in_id_order_and_finds_ids():
    index = RosterIndex([(3, "林晓", None), (7, "林晓", None), (9, "王磊", date(1990, 1, 1))])
    assert [index.position(i) for i in (3, 7, 9, 4, 0, 10)] == [0, 1, 2, None, None, None]
    assert index.by_key[match_key("林晓", None)] == [0, 1]
    assert index.by_key[match_key("王磊", date(1990, 1, 1))] == 2
    with pytest.raises(ValueError, match="increasing id order"):
        RosterIndex([(3, "林晓", None), (2, "王磊", None)])


@given(
    a=st.tuples(st.text(max_size=4), st.one_of(st.none(), st.dates())),
    b=st.tuples(st.text(max_size=4), st.one_of(st.none(), st.dates())),
)
def test_match_keys_are_equal_only_for_the_same_name_and_birth_date(a, b):
    assert (match_key(*a) == match_key(*b)) == (a == b)


def test_match_gives_each_artist_to_one_row():
    index = RosterIndex([(3, "林晓", None), (7, "林晓", None), (9, "王磊", None)])
    rows = [
        IncomingRow(2, 7, ArtistDraft("林晓")),  # by id
        IncomingRow(3, None, ArtistDraft("林晓")),
        IncomingRow(4, None, ArtistDraft("林晓")),
        IncomingRow(5, 9, ArtistDraft("王磊")),
        IncomingRow(6, 9, ArtistDraft("王磊")),  # the same id again: already matched
        IncomingRow(7, None, ArtistDraft("王磊")),
    ]
    assert [a for _r, a in match(rows, index)] == [7, 3, None, 9, None, None]
