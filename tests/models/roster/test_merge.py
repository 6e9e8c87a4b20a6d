"""Importing a roster file again merges: matched rows update their artist, nothing doubles."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from models.errors import ConflictError, UserError
from models.roster import io as roster_io
from models.roster.artist import ArtistDraft, Stance
from models.roster.merge import Choice, RowKind, pinyin_key
from models.roster.service import RosterService
from models.storage.database import Database
from models.storage.schema import AuditEventRow

HEADER = "native_name,romanized_name,stage_name,date_of_birth,jurisdiction,union,ai_stance,notes\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def events(db: Database, entity: str = "artist") -> list[tuple[str, str]]:
    with db.read() as s:
        q = select(AuditEventRow.entity_id, AuditEventRow.action).where(
            AuditEventRow.entity == entity
        )
        return [(str(i), str(a)) for i, a in s.execute(q.order_by(AuditEventRow.id))]


def import_file(roster: RosterService, path: Path, choices=None):
    plan = roster.plan_import(roster_io.checked(path))
    return plan, roster.apply_import(plan, choices)


def state(roster: RosterService) -> list[tuple]:
    return [(a.id, a.draft(), a.version, a.archived) for a in roster.search(include_archived=True)]


def test_importing_the_same_csv_twice_does_not_double_the_roster(db, tmp_path):
    roster = RosterService(db)
    f = write(tmp_path / "r.csv", HEADER + "林晓,,,1994-03-12,CN,,,\nEmma Hart,,,,US-CA,,,\n")
    plan, result = import_file(roster, f)
    assert plan.counts()[RowKind.NEW] == 2 and len(result.added) == 2
    before, n_events = state(roster), len(events(db))
    plan, result = import_file(roster, f)
    assert plan.counts()[RowKind.UNCHANGED] == 2
    assert result.added == () and result.updated == ()
    assert state(roster) == before and len(events(db)) == n_events


def test_a_changed_row_updates_its_artist_field_by_field(db, tmp_path):
    roster = RosterService(db)
    lin = roster.add(ArtistDraft("林晓", date_of_birth=date(1994, 3, 12), notes="old"))
    f = write(tmp_path / "r.csv", HEADER + "林晓,,小林,1994-03-12,HK,,,new\n")
    plan = roster.plan_import(roster_io.checked(f))
    (row,) = plan.rows
    assert row.kind is RowKind.CHANGED and row.artist_id == lin.id
    assert {(c.field, c.before, c.after) for c in row.changes} == {
        ("stage_name", "", "小林"),
        ("jurisdiction", "", "HK"),
        ("notes", "old", "new"),
    }
    result = roster.apply_import(plan)
    assert result.updated == (lin.id,)
    after = roster.get(lin.id)
    assert after.notes == "new" and after.jurisdiction == "HK" and after.version == 2
    assert roster.counts().total == 1


def test_columns_missing_from_the_file_keep_their_values(db, tmp_path):
    roster = RosterService(db)
    lin = roster.add(ArtistDraft("林晓", romanized_name="Lam Hiu", notes="keep", jurisdiction="CN"))
    f = write(tmp_path / "r.csv", "native_name,romanized_name,ai_stance\n林晓,,declined\n")
    _plan, result = import_file(roster, f)
    assert result.updated == (lin.id,)
    after = roster.get(lin.id)
    assert (after.notes, after.jurisdiction, after.romanized_name) == ("keep", "CN", "Lam Hiu")
    assert after.ai_stance is Stance.DECLINED


def test_reimporting_an_export_changes_nothing_even_after_renames(db, tmp_path):
    roster = RosterService(db)
    roster.add_many(
        [
            ArtistDraft("林晓", stage_names=("小林",), date_of_birth=date(1994, 3, 12)),
            ArtistDraft("Emma Hart", notes='a "quoted"\nline'),
        ]
    )
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"roster{suffix}"
        roster_io.export(roster.search(), out)
        before, n_events = state(roster), len(events(db))
        plan, result = import_file(roster, out)
        assert plan.counts()[RowKind.UNCHANGED] == 2, plan.rows
        assert state(roster) == before and len(events(db)) == n_events
    # the id column matches even when the name was corrected in the spreadsheet
    emma = next(a for a in roster.search() if a.native_name == "Emma Hart")
    text = (tmp_path / "roster.csv").read_text("utf-8-sig").replace("Emma Hart", "Emma Hartley")
    plan, result = import_file(roster, write(tmp_path / "renamed.csv", text))
    assert result.updated == (emma.id,) and roster.get(emma.id).native_name == "Emma Hartley"
    assert roster.counts().total == 2


def test_possible_duplicates_are_listed_and_skipped_unless_chosen(db, tmp_path):
    roster = RosterService(db)
    lin = roster.add(ArtistDraft("林晓", date_of_birth=date(1994, 3, 12)))
    chen = roster.add(ArtistDraft("陈静怡"))
    f = write(
        tmp_path / "r.csv",
        HEADER + "林晓,,,1995-01-01,,,,\n陳靜怡,Chén Jìngyí,,,,,,\n王磊,,,,,,,\n",
    )
    plan = roster.plan_import(roster_io.checked(f))
    kinds = [(r.kind, r.artist_id) for r in plan.rows]
    assert kinds == [
        (RowKind.DUPLICATE, lin.id),
        (RowKind.DUPLICATE, chen.id),
        (RowKind.NEW, None),
    ]
    assert "1994-03-12" in plan.rows[0].duplicate_of
    result = roster.apply_import(plan)
    assert len(result.added) == 1 and result.skipped == 2
    # choosing per row: the first is a different person, the second the same one
    plan = roster.plan_import(roster_io.checked(f))
    result = roster.apply_import(plan, [Choice.ADD, Choice.UPDATE, Choice.SKIP])
    assert len(result.added) == 1 and result.updated == (chen.id,)
    assert roster.get(chen.id).native_name == "陳靜怡"
    assert roster.counts().total == 4


def test_a_choice_that_does_not_fit_the_row_is_refused(db, tmp_path):
    roster = RosterService(db)
    f = write(tmp_path / "r.csv", HEADER + "王磊,,,,,,,\n")
    plan = roster.plan_import(roster_io.checked(f))
    with pytest.raises(ValueError, match="not possible"):
        roster.apply_import(plan, [Choice.UPDATE])


def test_an_artist_edited_since_the_preview_stops_the_whole_import(db, tmp_path):
    roster = RosterService(db)
    lin = roster.add(ArtistDraft("林晓"))
    f = write(tmp_path / "r.csv", HEADER + "林晓,,,,,,,changed\n赵一鸣,,,,,,,\n")
    plan = roster.plan_import(roster_io.checked(f))
    roster.update(lin.id, lin.draft().replace(notes="edited elsewhere"), lin.version)
    with pytest.raises(ConflictError):
        roster.apply_import(plan)
    assert roster.counts().total == 1 and roster.get(lin.id).notes == "edited elsewhere"


def test_a_name_listed_twice_imports_the_same_way_twice(db, tmp_path):
    roster = RosterService(db)
    f = write(tmp_path / "r.csv", HEADER + "王磊,,,,,,,a\n王磊,,,,,,,b\n")
    import_file(roster, f)
    plan, _result = import_file(roster, f)
    assert [r.kind for r in plan.rows] == [RowKind.UNCHANGED, RowKind.UNCHANGED]
    assert roster.counts().total == 2


def test_unterminated_quote_is_reported_at_its_row(tmp_path):
    f = write(tmp_path / "r.csv", HEADER + '"林晓,,,,,,,\n陈静怡,,,,,,,\n王磊,,,,,,,\n')
    with pytest.raises(UserError, match=r"row 2: a quote .* never closed"):
        roster_io.preview(f)


def test_a_quoted_cell_over_several_lines_is_fine_and_rows_count_from_their_start(tmp_path):
    f = write(tmp_path / "r.csv", HEADER + '林晓,,,,,,,"two\nlines"\n陈静怡,,,,,,maybe,\n')
    p = roster_io.preview(f)
    assert p.rows[0].draft.notes == "two\nlines"
    assert [(x.row, x.field) for x in p.problems] == [(4, "ai_stance")]


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("1994-03-12", date(1994, 3, 12)),
        ("1994年3月12日", date(1994, 3, 12)),
        ("1994/3/12", date(1994, 3, 12)),
        ("12.03.1994", date(1994, 3, 12)),
        ("03/04/1994", date(1994, 4, 3)),  # year last: day first
    ],
)
def test_import_reads_the_same_dates_as_the_artist_dialog(tmp_path, text, born):
    f = write(tmp_path / "r.csv", f"native_name,date_of_birth\n林晓,{text}\n")
    assert roster_io.checked_drafts(f)[0].date_of_birth == born


def test_a_month_first_date_is_refused_not_guessed(tmp_path):
    f = write(tmp_path / "r.csv", "native_name,date_of_birth\n林晓,03/25/1994\n")
    (problem,) = roster_io.preview(f).problems
    assert problem.row == 2 and "day first" in problem.message


def test_pinyin_key_ignores_case_spaces_and_tones():
    assert pinyin_key("Lín Xiǎo") == pinyin_key("lin-xiao") == "linxiao"


# -- properties ----------------------------------------------------------------------------
names = st.text(
    st.characters(
        whitelist_categories=("Lu", "Ll", "Lo"), max_codepoint=0x9FFF, blacklist_characters="；、"
    ),
    min_size=1,
    max_size=8,
)
drafts = st.builds(
    ArtistDraft,
    native_name=names,
    romanized_name=st.one_of(st.just(""), names),
    stage_names=st.lists(names, max_size=2).map(tuple),
    date_of_birth=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2020, 12, 31))),
    jurisdiction=st.sampled_from(["", "CN", "US-CA", "GB"]),
    unions=st.lists(st.sampled_from(["SAG-AFTRA", "Equity"]), max_size=1, unique=True).map(tuple),
    ai_stance=st.sampled_from(list(Stance)),
    notes=st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20),
)
_counter = itertools.count()
PROPS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def fresh(tmp_path: Path) -> Database:
    return Database.open(str(tmp_path / f"p{next(_counter)}.sqlite3"), actor="tester")


@PROPS
@given(roster=st.lists(drafts, min_size=1, max_size=5), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_export_then_import_is_the_identity(tmp_path, roster, suffix):
    source, target = fresh(tmp_path), fresh(tmp_path)
    try:
        RosterService(source).add_many(roster)
        out = tmp_path / f"e{next(_counter)}{suffix}"
        roster_io.export(RosterService(source).search(include_archived=True), out)
        # into an empty roster: the same artists
        import_file(RosterService(target), out)
        key = sorted((a.draft() for a in RosterService(target).search()), key=repr)
        assert key == sorted((a.draft() for a in RosterService(source).search()), key=repr)
        # into the roster it came from: nothing changes
        before, n_events = state(RosterService(source)), len(events(source))
        plan, result = import_file(RosterService(source), out)
        assert not plan.changes_anything and result.added == result.updated == ()
        assert state(RosterService(source)) == before and len(events(source)) == n_events
    finally:
        source.close()
        target.close()


@PROPS
@given(roster=st.lists(drafts, min_size=1, max_size=5))
def test_importing_a_file_twice_leaves_the_roster_as_after_once(tmp_path, roster):
    db = fresh(tmp_path)
    try:
        out = tmp_path / f"f{next(_counter)}.csv"
        lines = [HEADER.strip()]
        for d in roster:
            d = d.normalized()
            lines.append(
                ",".join(
                    '"' + v.replace('"', '""') + '"'
                    for v in (
                        d.native_name,
                        d.romanized_name,
                        ";".join(d.stage_names),
                        d.date_of_birth.isoformat() if d.date_of_birth else "",
                        d.jurisdiction,
                        ";".join(d.unions),
                        d.ai_stance.value,
                        d.notes,
                    )
                )
            )
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        service = RosterService(db)
        import_file(service, out, None)
        once = state(service)
        import_file(service, out, None)
        assert state(service) == once
    finally:
        db.close()


@PROPS
@given(
    roster=st.lists(drafts, min_size=1, max_size=5),
    which=st.integers(min_value=0, max_value=4),
    notes=st.text(st.characters(whitelist_categories=("Ll", "Lo")), min_size=1, max_size=10),
)
def test_a_changed_row_updates_exactly_that_artist_with_one_event(tmp_path, roster, which, notes):
    db = fresh(tmp_path)
    try:
        service = RosterService(db)
        service.add_many(roster)
        artists = service.search()
        target = artists[which % len(artists)]
        changed = [
            a if a.id != target.id else a.replace(notes=a.notes + "|" + notes) for a in artists
        ]
        out = tmp_path / f"c{next(_counter)}.csv"
        roster_io.export(changed, out)
        before = {a.id: a for a in artists}
        n_events = len(events(db))
        _plan, result = import_file(service, out)
        assert result.updated == (target.id,) and result.added == ()
        assert events(db)[n_events:] == [(str(target.id), "update")]
        for a in service.search():
            if a.id == target.id:
                assert a.notes == target.notes + "|" + notes and a.version == target.version + 1
            else:
                assert a == before[a.id]
    finally:
        db.close()
