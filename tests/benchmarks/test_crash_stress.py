"""Crash stress: 100+ SIGKILL trials against one long-lived database (`make stress`).

Not a timing benchmark: it lives here because it takes minutes, so the normal run skips it.
Set CRASH_TRIALS to change the number of trials (at least 100 for the report).
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.models.storage.crash_harness import run_trials


def test_hundreds_of_kills_lose_no_acknowledged_write(tmp_path: Path) -> None:
    trials = int(os.environ.get("CRASH_TRIALS", "100"))
    report = run_trials(trials, tmp_path / "crash", log=print)
    print(report.summary())
    for line in report.lost[:20] + report.problems[:20]:
        print("  ", line)
    assert report.trials == trials
    assert report.lost == [], f"{len(report.lost)} acknowledged writes lost"
    assert report.problems == []
