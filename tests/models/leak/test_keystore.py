"""Leak-day name keys in their indexed table: current after every write, used by the matcher."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from models.errors import ValidationError
from models.leak import MatchStatus, NameMatcher
from models.leak.keys import Basis
from models.leak.keystore import AliasService, TableKeys, stale_ids
from models.leak.roster_keys import MemoryKeys, load_roster_names
from models.leak.tables import LeakNameKeyRow
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService


def keys_of(db, artist_id: int) -> set[str]:
    with db.read() as s:
        q = select(LeakNameKeyRow.key).where(LeakNameKeyRow.artist_id == artist_id)
        return set(s.scalars(q))


def test_adding_and_editing_an_artist_keeps_its_keys_current(db):
    roster = RosterService(db)
    lin = roster.add(ArtistDraft("林晓", stage_names=("小林",)))
    with db.read() as s:
        assert stale_ids(s) == []  # keyed in the same transaction as the add
    assert {"林晓", "lin'xiao", "小林", "xiao'lin"} <= keys_of(db, lin.id)
    edited = roster.update(lin.id, ArtistDraft("林筱"), lin.version)
    assert "林筱" in keys_of(db, lin.id) and "林晓" not in keys_of(db, lin.id)
    roster.set_archived(lin.id, True, edited.version)
    with db.read() as s:
        assert stale_ids(s) == []
    matcher = NameMatcher.from_database(db)
    result = matcher.match("林筱")
    assert result.status is MatchStatus.MATCHED and result.artist_id == lin.id
    assert result.archived
    assert matcher.match("林晓").status is not MatchStatus.MATCHED


def test_rows_written_without_keys_are_keyed_before_the_next_match(db):
    roster = RosterService(db)
    wang = roster.add(ArtistDraft("王伟"))
    with db.write() as s:  # as an older build, a restore or a raw import would leave them
        s.execute(text("DELETE FROM leak_name_key"))
        s.execute(text("UPDATE artist SET native_name = '王玮', version = version + 1"))
    with db.read() as s:
        assert stale_ids(s) == [wang.id]
    result = NameMatcher.from_database(db).match("王玮")
    assert result.status is MatchStatus.MATCHED and result.artist_id == wang.id
    with db.read() as s:
        assert stale_ids(s) == []


def test_the_table_and_the_memory_index_agree(db):
    roster = RosterService(db)
    roster.add_many(
        [
            ArtistDraft("孙莉"),
            ArtistDraft("周润发"),
            ArtistDraft("吕佳容"),
            ArtistDraft("George Bills", stage_names=("GB",)),
            ArtistDraft("陈静怡", romanized_name="Chen Jingyi"),
        ]
    )
    AliasService(db).set(roster.search("周润发")[0].id, ["Chow Yun-fat"])
    table = NameMatcher.from_database(db)
    memory = NameMatcher(MemoryKeys(load_roster_names(db)))
    for entry in [
        "Sun Li", "孙俪", "Chow Yun-fat", "Chow Yunfat", "Jiarong Lu", "Lü Jiarong",
        "George Hills", "GB", "陳靜怡", "Chen Jingy", "玉伟", "Nobody Here", "Jingyi Chen",
    ]:  # fmt: skip
        a, b = table.match(entry), memory.match(entry)
        assert (a.status, a.candidates) == (b.status, b.candidates), entry


def test_aliases_are_recorded_audited_and_count_as_exact(db):
    roster = RosterService(db)
    zhou = roster.add(ArtistDraft("周润发"))
    aliases = AliasService(db)
    assert aliases.set(zhou.id, ["  Chow  Yun-fat ", "CHOW YUN-FAT", "", "Fat Gor"]) == (
        "Chow Yun-fat",
        "Fat Gor",
    )
    assert aliases.get(zhou.id) == ("Chow Yun-fat", "Fat Gor")
    result = NameMatcher.from_database(db).match("chow yun fat")
    assert (result.status, result.basis, result.confirm) == (
        MatchStatus.MATCHED,
        Basis.ALIAS,
        False,
    )
    with db.read() as s:
        n = s.scalar(
            text("SELECT count(*) FROM audit_event WHERE action = 'aliases' AND entity = 'artist'")
        )
    assert n == 1
    aliases.set(zhou.id, [])
    assert NameMatcher.from_database(db).match("Fat Gor").status is MatchStatus.NOT_FOUND


def test_aliases_in_characters_are_refused(db):
    zhou = RosterService(db).add(ArtistDraft("周润发"))
    with pytest.raises(ValidationError):
        AliasService(db).set(zhou.id, ["发哥"])


def test_matching_reads_keys_not_the_whole_roster(db):
    RosterService(db).add_many([ArtistDraft(f"测试{i}号") for i in range(50)])
    source = TableKeys(db)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(LeakNameKeyRow)) > 50
    found = source.exact(["测试7号", "nothing"])
    assert list(found) == ["测试7号"] and len(found["测试7号"]) == 1


def test_a_big_import_is_keyed_before_the_next_match(db, monkeypatch):
    import models.roster.service as roster_service

    monkeypatch.setattr(roster_service, "KEY_ON_WRITE_LIMIT", 2)  # as 5,000+ rows would be
    added = RosterService(db).add_many([ArtistDraft(n) for n in ("赵敏", "周芷若", "小昭")])
    with db.read() as s:
        assert sorted(stale_ids(s)) == sorted(a.id for a in added)  # left for the match
    result = NameMatcher.from_database(db).match("周芷若")
    assert result.status is MatchStatus.MATCHED and result.artist_id == added[1].id
    with db.read() as s:
        assert stale_ids(s) == []
