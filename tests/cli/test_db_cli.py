"""`consent-desk db migrate`: a single desk's database onto the shared server, from a script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from main import main

pytestmark = pytest.mark.postgresql


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_migrate_copies_the_demo_agency_then_refuses_a_second_copy(
    tmp_path: Path, pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = tmp_path / "desk.sqlite3"
    assert run(capsys, "--db", str(desk), "demo")[0] == 0
    shared = tmp_path / "shared"
    argv = ["db", "migrate", "--from", f"sqlite:///{desk}", "--to", pg_database]
    code, out, err = run(capsys, *argv, "--files", str(shared), "--json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["tables"]["artist"] == 30
    assert result["audit_intact"] is True
    assert result["audit_events"] == result["tables"]["audit_event"] > 30
    assert result["files"] == len([p for p in shared.rglob("*") if p.is_file()]) > 0

    code, out, _ = run(capsys, "--db", pg_database, "roster", "search", "linxiao", "--json")
    assert code == 0
    assert [a["native_name"] for a in json.loads(out)] == ["林晓", "林小雨"]

    code, out, err = run(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1 and "already holds records" in err


def test_migrate_names_a_missing_source_in_one_line(
    tmp_path: Path, pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "db", "migrate", "--from", str(tmp_path / "none.sqlite3"), "--to", pg_database
    )
    assert code == 2
    assert err.count("\n") == 1 and "no database at" in err
