"""Name search at 100,000 artists on PostgreSQL, reported beside SQLite (issue 10).

Target: a search keystroke ≤ 20 ms at 100,000 artists on both back ends. The PostgreSQL
database is the SQLite one moved with `db migrate` (so the same artists, ids and order), on
the test run's own server (Unix socket, same machine: no network time is included). Figures
are reported, not asserted; each group holds one query on both back ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.roster.service import RosterService
from models.safety.transfer import migrate_database
from models.storage.database import Database
from tests.benchmarks.roster_data import make_database
from tests.pg_server import PgServer

SIZE = 100_000
QUERIES = ["林", "林晓", "linxiao", "Lin Xiao", "hart", ""]


@pytest.fixture(scope="module")
def sqlite_roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_database(tmp_path_factory.mktemp("search100k") / "bench.sqlite3", SIZE)


@pytest.fixture(scope="module")
def pg_roster(
    sqlite_roster: Path, pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    pg_server.admin("CREATE DATABASE search_bench")
    url = pg_server.url("search_bench")
    migrate_database(str(sqlite_roster), url, tmp_path_factory.mktemp("search100k-files"))
    pg_server.admin("VACUUM ANALYZE", database="search_bench")
    yield url
    pg_server.admin("DROP DATABASE search_bench WITH (FORCE)")


@pytest.mark.postgresql
@pytest.mark.parametrize("store", ["sqlite", "postgresql"])
@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q or "everyone")
def test_search_keystroke_at_100k(
    benchmark, request: pytest.FixtureRequest, store: str, query: str
) -> None:
    where = str(request.getfixturevalue("sqlite_roster" if store == "sqlite" else "pg_roster"))
    benchmark.group = f"search {query or '(everyone)'!s} at 100,000 artists"
    db = Database.open(where)
    try:
        roster = RosterService(db)
        expected = RosterService(Database.open(str(request.getfixturevalue("sqlite_roster"))))
        ids = benchmark(roster.search_ids, query)
        assert ids, "the benchmark must find something"
        # the same artists in the same order on both back ends
        assert ids == expected.search_ids(query)
        expected.db.close()
    finally:
        db.close()
