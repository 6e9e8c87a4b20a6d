"""Listings: saved with their entries, audited, and only confirmed entries name an artist."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, inspect, select

from models.audit.service import AuditService
from models.clock import utc_now
from models.errors import ValidationError
from models.leak import NameMatcher, split_list
from models.leak.listings import (
    ListingDraft,
    ListingEntryDraft,
    ListingService,
    entries_from_matches,
)
from models.leak.matcher import MatchStatus
from models.leak.tables import ListingEntryRow, ListingRow
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database


@pytest.fixture
def artists(db: Database) -> dict[str, int]:
    added = RosterService(db).add_many(
        [
            ArtistDraft("林晓", "Lin Xiao"),
            ArtistDraft("林筱", "Lin Xiao"),
            ArtistDraft("陈静怡", "Chen Jingyi"),
            ArtistDraft("Emma Hart", "", stage_names=("Em Hart",)),
        ]
    )
    return {a.native_name: a.id for a in added}


def test_migrated_tables_match_the_orm(db: Database) -> None:
    found = inspect(db.engine)
    for cls in (ListingRow, ListingEntryRow):
        table = cls.__table__
        columns = {c["name"]: c for c in found.get_columns(table.name)}
        assert set(columns) == {c.name for c in table.columns}, table.name
        for c in table.columns:
            assert columns[c.name]["nullable"] == c.nullable, (table.name, c.name)
        indexes = {i["name"] for i in found.get_indexes(table.name)}
        assert {i.name for i in table.indexes} <= indexes
        fks = {
            (fk["referred_table"], tuple(fk["constrained_columns"]))
            for fk in found.get_foreign_keys(table.name)
        }
        assert fks == {(fk.column.table.name, (fk.parent.name,)) for fk in table.foreign_keys}


def test_a_matched_list_is_saved_and_names_only_confirmed_artists(
    db: Database, artists: dict[str, int]
) -> None:
    matches = NameMatcher.from_database(db).match_entries(
        split_list("1. 陈静怡（主演）\n2. Lin Xiao\n3. Em Hart\n4. 张三")
    )
    assert [m.status for m in matches] == [
        MatchStatus.MATCHED,
        MatchStatus.AMBIGUOUS,  # two artists are "Lin Xiao"
        MatchStatus.MATCHED,
        MatchStatus.NOT_FOUND,
    ]
    service = ListingService(db)
    listing = service.save(
        ListingDraft(
            "星幕 AI 艺人库",
            "https://example.org/list",
            date.today(),
            entries_from_matches(matches),
        )
    )
    assert listing.entry_count == 4
    assert (
        listing.entries[0].original == "1. 陈静怡（主演）" and listing.entries[0].text == "陈静怡"
    )
    assert listing.confirmed_artist_ids == (artists["陈静怡"], artists["Emma Hart"])
    again = service.get(listing.id)
    assert again == listing
    assert service.platforms_listed(artists["陈静怡"]) == ("星幕 AI 艺人库",)
    assert service.platforms_listed(artists["林晓"]) == ()  # ambiguous, nobody confirmed it
    assert service.platforms_listed(artists["林筱"]) == ()
    events = AuditService(db).events(entity="listing")
    assert len(events) == 1 and events[0].action == "create"
    assert events[0].after is not None and len(events[0].after["entries"]) == 4
    assert AuditService(db).verify().intact


def test_accept_best_confirms_the_top_candidate(db: Database, artists: dict[str, int]) -> None:
    matches = NameMatcher.from_database(db).match_entries(split_list("Lin Xiao"))
    (unchecked,) = entries_from_matches(matches, accept_best=True)
    assert not unchecked.confirmed  # only on a line a person confirmed
    (entry,) = entries_from_matches(matches, accept_best=True, confirmed_lines={1})
    assert entry.confirmed and entry.artist_id == matches[0].candidates[0].artist_id
    (plain,) = entries_from_matches(matches)
    assert not plain.confirmed and plain.artist_id is None


def test_platforms_of_several_listings_in_order_and_as_of(
    db: Database, artists: dict[str, int]
) -> None:
    service = ListingService(db)
    lin = artists["林晓"]
    entry = ListingEntryDraft("林晓", "林晓", lin, MatchStatus.MATCHED, 100, True)
    first_at = utc_now() - timedelta(days=3)
    service.save(
        ListingDraft("Platform B", "", date.today() - timedelta(days=3), (entry,)), now=first_at
    )
    service.save(ListingDraft("Platform A", "note", date.today(), (entry, entry)))
    service.save(ListingDraft("Platform B", "", date.today(), (entry,)))
    assert service.platforms_listed(lin) == ("Platform B", "Platform A")
    # As of before anything was recorded, the desk knew of no listing.
    assert service.platforms_listed(lin, first_at - timedelta(seconds=1)) == ()
    assert service.platforms_listed(lin, first_at + timedelta(days=1)) == ("Platform B",)
    both = service.platforms_for([lin, artists["陈静怡"]])
    assert both == {lin: ("Platform B", "Platform A")}
    assert [x.platform for x in service.listings()][:2] in (
        ["Platform B", "Platform A"],
        ["Platform A", "Platform B"],
    )


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (ListingDraft("  ", "", date.today(), ()), "platform"),
        (ListingDraft("X\x07", "", date.today(), ()), "platform"),
        (ListingDraft("X", "", date.today() + timedelta(days=5), ()), "seen_on"),
        (
            ListingDraft(
                "X",
                "",
                date.today(),
                (ListingEntryDraft("a", "a", None, MatchStatus.MATCHED, 100, True),),
            ),
            "artist",
        ),
        (
            ListingDraft(
                "X",
                "",
                date.today(),
                (ListingEntryDraft("a", "a", 9999, MatchStatus.MATCHED, 100, True),),
            ),
            "artist",
        ),
    ],
)
def test_bad_listings_are_refused_and_nothing_is_written(
    db: Database, artists: dict[str, int], draft: ListingDraft, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        ListingService(db).save(draft)
    assert field in {p.field for p in caught.value.problems}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ListingRow)) == 0
        assert s.scalar(select(func.count()).select_from(ListingEntryRow)) == 0
