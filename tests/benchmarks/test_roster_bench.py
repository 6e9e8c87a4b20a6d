"""Roster benchmarks: search keystrokes at 10 vs 100,000 artists, and CSV imports.

Targets (issue: foundation): a search keystroke ≤ 20 ms at 100,000 artists; the whole
`roster search` command at 100,000 no more than 20 % slower than at 10; importing 10,000 CSV
rows ≤ 3 s and 100,000 rows ≤ 30 s. Figures are reported, not asserted.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from models.roster import io as roster_io
from models.roster.service import RosterService
from models.storage.database import Database
from tests.benchmarks.roster_data import make_database, roster_csv

REPO = Path(__file__).resolve().parents[2]
SIZES = [10, 100_000]


@pytest.fixture(scope="module", params=SIZES, ids=lambda n: f"{n}_artists")
def sized_db(request, tmp_path_factory):
    n = request.param
    return n, make_database(tmp_path_factory.mktemp(f"r{n}") / "bench.sqlite3", n)


@pytest.mark.parametrize("query", ["林", "linxiao", "Lin Xiao", "hart"])
def test_search_keystroke(benchmark, sized_db, query):
    _, path = sized_db
    benchmark.group = f"search keystroke '{query}'"
    db = Database.open(str(path))
    roster = RosterService(db)
    ids = benchmark(roster.search_ids, query)
    assert ids, "the benchmark must find something"
    db.close()


def test_roster_search_command(benchmark, sized_db):
    _, path = sized_db
    benchmark.group = "whole `roster search linxiao --json` command"
    cmd = [sys.executable, "main.py", "--db", str(path), "roster", "search", "linxiao", "--json"]

    def run() -> None:
        subprocess.run(cmd, cwd=REPO, check=True, capture_output=True)

    benchmark.pedantic(run, rounds=5, iterations=1, warmup_rounds=1)


@pytest.mark.parametrize("rows", [10_000, 100_000])
def test_csv_import(benchmark, tmp_path_factory, rows):
    benchmark.group = "roster CSV import"
    src = roster_csv(tmp_path_factory.mktemp("csv") / f"roster{rows}.csv", rows)
    counter = iter(range(1000))

    def setup():
        path = tmp_path_factory.mktemp("imp") / f"db{next(counter)}.sqlite3"
        return (Database.open(str(path)),), {}

    def run(db: Database) -> None:
        RosterService(db).add_many(roster_io.checked_drafts(src))
        db.close()

    benchmark.pedantic(run, setup=setup, rounds=2 if rows > 10_000 else 3, iterations=1)
