"""Roster import/export: the spreadsheet a manager already keeps goes in whole or not at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import UserError, ValidationError
from models.roster import io as roster_io
from models.roster.artist import DRAFT_FIELDS, ArtistDraft, Stance
from models.roster.service import RosterService

HEADER = "native_name,romanized_name,stage_name,date_of_birth,jurisdiction,union,ai_stance,notes\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_with_bom_imports_and_fills_pinyin(tmp_path):
    f = write(
        tmp_path / "r.csv",
        HEADER
        + "林晓,,小林;Xiao Lin,1994-03-12,cn,,open_to_discuss,\nEmma Hart,,,,US-CA,SAG-AFTRA,,\n",
        "utf-8-sig",
    )
    p = roster_io.preview(f)
    assert p.ok
    lin, emma = p.drafts
    assert lin.romanized_name == "Lin Xiao"
    assert lin.stage_names == ("小林", "Xiao Lin")
    assert lin.jurisdiction == "CN" and lin.ai_stance is Stance.OPEN_TO_DISCUSS
    assert lin.date_of_birth == date(1994, 3, 12)
    assert emma.unions == ("SAG-AFTRA",) and emma.ai_stance is Stance.NOT_ASKED


def test_gb18030_csv_is_read(tmp_path):
    f = write(tmp_path / "r.csv", HEADER + "陈静怡,,,,CN,,,备注\n", "gb18030")
    (d,) = roster_io.checked_drafts(f)
    assert d.native_name == "陈静怡" and d.notes == "备注"


def test_columns_may_come_in_any_order_and_be_partial(tmp_path):
    f = write(tmp_path / "r.csv", "ai_stance,native_name\ndeclined,赵一鸣\n")
    (d,) = roster_io.checked_drafts(f)
    assert d.native_name == "赵一鸣" and d.ai_stance is Stance.DECLINED


def test_bad_rows_are_reported_with_row_column_and_reason(tmp_path):
    f = write(
        tmp_path / "r.csv",
        HEADER + "林晓,,,1994-13-40,,,,\n,,,,,,,\n陈静怡,,,,,,maybe,\n王,,,,,,,,extra\n",
    )
    p = roster_io.preview(f)
    found = {(x.row, x.field) for x in p.problems}
    assert (2, "date_of_birth") in found
    assert (4, "ai_stance") in found
    assert (5, "(row)") in found
    assert "maybe" in next(str(x) for x in p.problems if x.field == "ai_stance")


def test_import_with_any_bad_row_writes_nothing(db, tmp_path):
    f = write(tmp_path / "r.csv", HEADER + "林晓,,,,,,,\n陈静怡,,,,,,bogus,\n")
    with pytest.raises(ValidationError, match="row 3"):
        RosterService(db).add_many(roster_io.checked_drafts(f))
    assert RosterService(db).is_empty()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"native_name,native_name\nx,y\n", "more than once"),
        (b"name,dob\nx,y\n", "unknown column"),
        (b"romanized_name\nLin\n", "must include native_name"),
        (HEADER.encode(), "no artists"),
        ("native_name\ncaf\xe9,\n".encode("latin-1"), "encoding"),
        (b"\x00\x01\x02binary\x00" * 20, "not a text file"),
    ],
)
def test_unusable_files_give_a_clear_message(tmp_path, content, message):
    f = tmp_path / "r.csv"
    f.write_bytes(content)
    with pytest.raises(UserError, match=message):
        roster_io.preview(f)


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(roster_io, "MAX_BYTES", 1000)
    f = write(tmp_path / "r.csv", HEADER + "林晓,,,,,,,\n" * 200)
    with pytest.raises(UserError, match="too large"):
        roster_io.preview(f)


def test_not_a_workbook_is_a_clear_message(tmp_path):
    f = tmp_path / "r.xlsx"
    f.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UserError, match="not a readable Excel workbook"):
        roster_io.preview(f)


def test_export_then_import_round_trips_csv_and_xlsx(db, tmp_path):
    roster = RosterService(db)
    roster.add_many(
        [
            ArtistDraft(
                "林晓", stage_names=("小林",), date_of_birth=date(1994, 3, 12), jurisdiction="CN"
            ),
            ArtistDraft(
                "Emma Hart", unions=("SAG-AFTRA",), ai_stance=Stance.DECLINED, notes='=1+1, "b"\nc'
            ),
        ]
    )
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"roster{suffix}"
        assert roster_io.export(roster.search(), out) == 2
        again = roster_io.checked_drafts(out)
        assert {d.native_name: d for d in again} == {
            a.native_name: a.draft() for a in roster.search()
        }


names = st.text(
    st.characters(
        whitelist_categories=("Lu", "Ll", "Lo"), max_codepoint=0x9FFF, blacklist_characters="；、"
    ),
    min_size=1,
    max_size=12,
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
    notes=st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
)


@settings(max_examples=30, deadline=None)
@given(roster=st.lists(drafts, min_size=1, max_size=6), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_any_valid_roster_round_trips(tmp_path_factory, roster, suffix):
    from models.roster.artist import Artist

    normalized = [d.normalized() for d in roster]
    artists = [
        Artist(i + 1, **{f: getattr(d, f) for f in DRAFT_FIELDS}) for i, d in enumerate(normalized)
    ]
    out = tmp_path_factory.mktemp("rt") / f"r{suffix}"
    roster_io.export(artists, out)
    assert list(roster_io.checked_drafts(out)) == [d.normalized() for d in normalized]
