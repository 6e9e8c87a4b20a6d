"""Many desks saving at once on PostgreSQL: throughput with no lost update (issue 10).

The normal run has 8 desks × 200 edits (tests/models/storage/test_pg_concurrency.py); this
is the bigger version, 8 and 16 desks × 1,000 edits, reporting the time for all of them. The
same checks hold afterwards: no lost update, one intact audit chain, one event per save.
"""

from __future__ import annotations

import pytest

from tests.models.storage.pg_desks import run_desks, seed
from tests.models.storage.test_pg_concurrency import check_no_lost_update

EDITS = 1000


@pytest.mark.postgresql
@pytest.mark.parametrize("desks", [8, 16])
def test_desks_saving_at_once(benchmark, pg_database: str, desks: int) -> None:
    benchmark.group = f"{EDITS} edits per desk, all desks at once"
    ids = seed(pg_database, 20)
    results = benchmark.pedantic(
        run_desks, args=(pg_database, desks, EDITS, ids), rounds=1, iterations=1
    )
    saves = check_no_lost_update(pg_database, ids, results)
    assert saves + sum(r.conflicts for r in results) == desks * EDITS
    benchmark.extra_info["saves"] = saves
    benchmark.extra_info["conflicts"] = desks * EDITS - saves
