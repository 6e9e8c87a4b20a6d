"""RosterService: what a talent manager relies on when adding, editing and finding artists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.audit.service import AuditService
from models.errors import ConflictError, NotFoundError, ValidationError
from models.roster.artist import ArtistDraft, Stance
from models.roster.service import RosterService, SortColumn


@pytest.fixture
def roster(db):
    return RosterService(db)


def test_romanized_name_is_filled_from_pinyin_when_empty(roster):
    assert roster.add(ArtistDraft("陈静怡")).romanized_name == "Chen Jingyi"
    assert roster.add(ArtistDraft("Emma Hart")).romanized_name == "Emma Hart"


@pytest.mark.parametrize(
    "query",
    [
        "林晓",
        "林",
        "晓",
        "linxiao",
        "lin xiao",
        "Lin",
        "LIN XIAO",
        "xiao",
        "小林",
        "ｌｉｎｘｉａｏ",
    ],
)
def test_search_finds_chinese_name_by_every_form(roster, query):
    target = roster.add(ArtistDraft("林晓", stage_names=("小林",)))
    roster.add(ArtistDraft("Emma Hart"))
    assert target.id in roster.search_ids(query)


def test_search_does_not_match_unrelated_names(roster):
    roster.add(ArtistDraft("林晓"))
    emma = roster.add(ArtistDraft("Emma Hart", stage_names=("Em",)))
    assert roster.search_ids("hart") == [emma.id]
    assert roster.search_ids("zzz") == []
    assert roster.search_ids("%") == []
    assert roster.search_ids("_") == []


def test_empty_query_lists_active_artists_in_name_order(roster):
    b = roster.add(ArtistDraft("Bella Zhou"))
    a = roster.add(ArtistDraft("安然"))  # pinyin "an ran" sorts first
    c = roster.add(ArtistDraft("Chen Li"))
    roster.set_archived(c.id, True)
    assert roster.search_ids("") == [a.id, b.id]
    assert roster.search_ids("", include_archived=True) == [a.id, b.id, c.id]
    assert roster.search_ids("", sort=SortColumn.NAME, descending=True) == [b.id, a.id]


def test_archive_keeps_the_artist_and_can_be_undone(roster):
    a = roster.add(ArtistDraft("林晓"))
    archived = roster.set_archived(a.id, True)
    assert archived.archived and roster.get(a.id).archived
    assert roster.search_ids("林晓") == []
    assert roster.search_ids("林晓", include_archived=True) == [a.id]
    assert not roster.set_archived(a.id, False).archived
    assert roster.counts().active == 1


def test_second_save_of_a_stale_version_is_refused(roster):
    a = roster.add(ArtistDraft("林晓"))
    roster.update(a.id, ArtistDraft("林晓", notes="first desk"), a.version)
    with pytest.raises(ConflictError, match="changed by tester"):
        roster.update(a.id, ArtistDraft("林晓", notes="second desk"), a.version)
    assert roster.get(a.id).notes == "first desk"


def test_validation_lists_every_problem_and_saves_nothing(roster):
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as err:
        roster.add(ArtistDraft("", date_of_birth=tomorrow, jurisdiction="California"))
    fields = {p.field for p in err.value.problems}
    assert fields == {"native_name", "date_of_birth", "jurisdiction"}
    assert roster.counts().total == 0


def test_deceased_before_birth_is_refused(roster):
    with pytest.raises(ValidationError, match="deceased_on"):
        roster.add(
            ArtistDraft("周慕白", date_of_birth=date(1930, 1, 1), deceased_on=date(1920, 1, 1))
        )


def test_add_many_is_all_or_nothing(roster):
    with pytest.raises(ValidationError) as err:
        roster.add_many([ArtistDraft("林晓"), ArtistDraft("", jurisdiction="x")])
    assert {p.row for p in err.value.problems} == {2}
    assert roster.is_empty()


def test_minor_and_age_derive_from_date_of_birth(roster):
    today = date.today()
    kid = roster.add(ArtistDraft("王子轩", date_of_birth=today.replace(year=today.year - 10)))
    adult = roster.add(ArtistDraft("赵一鸣", date_of_birth=date(1978, 2, 20)))
    assert kid.is_minor() and kid.age() == 10
    assert not adult.is_minor()


def test_every_write_is_audited_with_before_and_after(db, roster):
    a = roster.add(ArtistDraft("林晓"))
    roster.update(a.id, ArtistDraft("林晓", notes="n"), a.version)
    roster.set_stance(a.id, Stance.DECLINED)
    events = AuditService(db).events(entity="artist", entity_id=a.id)
    assert [e.action for e in events] == ["stance", "update", "create"]
    assert events[1].changed_fields() == ["notes", "version"]
    assert events[0].after is not None and events[0].after["ai_stance"] == "declined"
    assert AuditService(db).verify().intact


def test_unknown_artist_is_a_clear_error(roster):
    with pytest.raises(NotFoundError, match="no artist with id 999"):
        roster.get(999)


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(max_examples=40, deadline=None)
@given(name=st.text(han, min_size=1, max_size=4))
def test_any_chinese_name_is_found_by_itself_and_its_pinyin(tmp_path_factory, template_db, name):
    import shutil

    from models.names import pinyin
    from models.storage.database import Database

    path = tmp_path_factory.mktemp("h") / "db.sqlite3"
    shutil.copyfile(template_db, path)
    db = Database.open(str(path), actor="tester")
    try:
        roster = RosterService(db)
        a = roster.add(ArtistDraft(name))
        assert a.id in roster.search_ids(name)
        assert a.id in roster.search_ids(pinyin(name, sep=""))
        assert a.id in roster.search_ids(name[:1])
    finally:
        db.close()


@pytest.mark.parametrize("query", ['o"brien', "50%", "a_b", "o'neil"])
def test_search_text_with_quotes_and_wildcards_is_literal(roster, query):
    odd = roster.add(ArtistDraft("Kate O\"Brien 50% a_b O'Neil"))
    roster.add(ArtistDraft("Kate Obrien 500 ab Oneil"))
    assert roster.search_ids(query) == [odd.id]


def test_pickers_rank_a_pinyin_prefix_above_a_substring(roster):
    roster.add_many(
        [ArtistDraft("Hannah Lindqvist"), ArtistDraft("林晓"), ArtistDraft("Colin Firth")]
    )
    names = [a.native_name for a in roster.find("lin")]
    assert names == ["林晓", "Hannah Lindqvist", "Colin Firth"]  # prefix, word start, inside
    assert [a.native_name for a in roster.find("lin xiao")] == ["林晓"]
    assert roster.find("Hannah Lindqvist")[0].native_name == "Hannah Lindqvist"
    # the plain search keeps the roster's name order
    assert roster.search("lin")[0].native_name == "Colin Firth"
