"""Crash safety: SIGKILL a writer at random moments; nothing it acknowledged may be lost.

A handful of trials here (the stress target runs 100+: tests/benchmarks/test_crash_stress.py).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.models.storage.crash_harness import Report, check_database, run_trials


@pytest.mark.slow
def test_killed_writer_loses_no_acknowledged_write(tmp_path: Path) -> None:
    report = run_trials(5, tmp_path / "crash", max_run=0.6)
    print(report.summary())
    assert report.trials == 5
    assert report.lost == []
    assert report.problems == []
    # Which kinds of write a kill lands among depends on timing; that some were acknowledged
    # (and all of them survived, above) does not.
    assert sum(report.acked.values()) > 0
    assert {"roster", "files"} <= report.families


def _a_few_writes(workdir: Path) -> list[dict[str, object]]:
    from models.roster.artist import ArtistDraft
    from models.roster.service import RosterService
    from models.storage.database import Database

    (workdir / "backups").mkdir(parents=True)
    db = Database.open(str(workdir / "desk.sqlite3"))
    a = RosterService(db).add(ArtistDraft("林晓", notes="n1"))
    db.close()
    return [
        {"family": "roster", "entity": "artist", "entity_id": str(a.id), "expect": {"version": 1}}
    ]


def test_the_checker_notices_a_write_that_is_not_there(tmp_path: Path) -> None:
    """The harness would be worthless if its check could not fail."""
    acks = _a_few_writes(tmp_path)
    report = Report()
    check_database(tmp_path, acks, report)
    assert report.lost == [] and report.problems == []
    ghost = {**acks[0], "expect": {"version": 2, "notes": "never saved"}}
    check_database(tmp_path, [*acks, ghost], report)
    assert len(report.lost) == 1 and "never saved" in report.lost[0]


def test_the_checker_notices_a_tampered_audit_trail_and_a_row_without_its_event(
    tmp_path: Path,
) -> None:
    acks = _a_few_writes(tmp_path)
    con = sqlite3.connect(tmp_path / "desk.sqlite3")
    con.execute("UPDATE artist SET notes = 'changed behind the audit trail'")
    after = json.dumps({"tampered": True})
    con.execute("UPDATE audit_event SET after = ? WHERE id = 1", (after,))
    con.commit()
    con.close()
    report = Report()
    check_database(tmp_path, acks, report)
    assert any("audit chain broken" in p for p in report.problems)
    assert any("differs from its last audit event" in p for p in report.problems)
