"""`consent-desk roster …`, `demo`: the headless paths a script or a smoke test uses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from main import main

REPO = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_then_search_json(db_path, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "demo")
    assert code == 0 and "30 fictional artists" in out
    code, out, _ = run(capsys, "--db", str(db_path), "roster", "search", "linxiao", "--json")
    found = json.loads(out)
    assert code == 0
    assert [a["native_name"] for a in found] == ["林晓", "林小雨"]
    assert {"id", "native_name", "romanized_name", "ai_stance"} <= set(found[0])
    code, out, _ = run(capsys, "--db", str(db_path), "roster", "search", "--json")
    assert len(json.loads(out)) == 30


def test_demo_refuses_a_non_empty_database(db_path, capsys):
    run(capsys, "--db", str(db_path), "demo")
    code, _, err = run(capsys, "--db", str(db_path), "demo")
    assert code == 2
    assert err.count("\n") == 1 and "already has artists" in err


def test_import_export_round_trip(db_path, tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("native_name,jurisdiction\n林晓,CN\n陈静怡,CN\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db_path), "roster", "import", str(src))
    assert code == 0 and "2 added" in out
    dst = tmp_path / "out.xlsx"
    assert run(capsys, "--db", str(db_path), "roster", "export", str(dst))[0] == 0
    fresh = tmp_path / "fresh.sqlite3"
    assert run(capsys, "--db", str(fresh), "roster", "import", str(dst))[0] == 0
    code, out, _ = run(capsys, "--db", str(fresh), "roster", "search", "--json")
    assert sorted(a["native_name"] for a in json.loads(out)) == ["林晓", "陈静怡"]


def test_bad_import_is_one_line_exit_2_and_writes_nothing(db_path, tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("native_name,date_of_birth\n林晓,1994-01-01\n陈静怡,soon\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db_path), "roster", "import", str(src))
    assert code == 2
    assert err.count("\n") == 1 and "row 3, date_of_birth" in err
    code, out, _ = run(capsys, "--db", str(db_path), "roster", "search", "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["roster", "import", "/nonexistent/file.csv"],
        ["roster", "export", "/tmp/out.pdf"],
        ["--db", "/nonexistent-dir/\0bad", "roster", "search"],
    ],
)
def test_user_errors_never_show_a_traceback(argv, capsys):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "Traceback" not in err and err.count("\n") == 1


def test_unknown_action_is_a_one_line_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["roster", "frobnicate"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_cli_never_imports_qt(db_path):
    code = (
        "import sys, main; rc = main.main(['--db', sys.argv[1], 'roster', 'search', '--json']);"
        "assert 'PySide6' not in sys.modules, 'PySide6 imported'; sys.exit(rc)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(db_path)], cwd=REPO, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr


def test_not_a_database_is_exit_2(tmp_path, capsys):
    f = tmp_path / "x.sqlite3"
    f.write_text("hello")
    code, _, err = run(capsys, "--db", str(f), "roster", "search")
    assert code == 2 and "not a Consent Desk database" in err


def test_import_twice_prints_the_counts_and_changes_nothing(db_path, tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("native_name,date_of_birth\n林晓,1994年3月12日\n陈静怡,\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db_path), "roster", "import", str(src))
    assert code == 0 and "2 new, 0 changed, 0 unchanged" in out and "2 added" in out
    code, out, _ = run(capsys, "--db", str(db_path), "roster", "import", str(src))
    assert code == 0 and "0 new, 0 changed, 2 unchanged" in out and "0 added, 0 updated" in out
    src.write_text("native_name,date_of_birth\n林晓,1994-03-12\n陈静怡,1990-01-01\n", "utf-8")
    code, out, _ = run(capsys, "--db", str(db_path), "roster", "import", str(src), "--dry-run")
    assert code == 0 and "1 unchanged, 1 possible duplicate (skipped)" in out
    assert "duplicate  row 3: 陈静怡 (Chen Jingyi) may be #2 陈静怡 (Chen Jingyi), —" in out
    assert "nothing was saved" in out
    code, out, _ = run(capsys, "--db", str(db_path), "roster", "search", "--json")
    assert len(json.loads(out)) == 2


def test_dry_run_lists_changes_field_by_field(db_path, tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("native_name,notes\n林晓,a\n", encoding="utf-8")
    run(capsys, "--db", str(db_path), "roster", "import", str(src))
    src.write_text("native_name,notes\n林晓,b\n赵一鸣,\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db_path), "roster", "import", str(src), "--dry-run")
    assert code == 0
    assert "changed    row 2: #1 林晓 (Lin Xiao): notes 'a' → 'b'" in out
    assert "new        row 3: 赵一鸣 (Zhao Yiming)" in out
    _code, out, _ = run(capsys, "--db", str(db_path), "roster", "search", "--json")
    assert len(json.loads(out)) == 1


def test_unterminated_quote_is_one_line_naming_the_row(db_path, tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text('native_name,notes\n"林晓,a\n陈静怡,b\n王磊,c\n', encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db_path), "roster", "import", str(src))
    assert code == 2 and err.count("\n") == 1
    assert "row 2: a quote" in err and "never closed" in err
