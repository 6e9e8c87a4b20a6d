"""`consent-desk leak match`: the list matched against the demo roster, as JSON or a table."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from models.roster.service import RosterService
from models.storage.database import Database

REPO = Path(__file__).resolve().parents[2]
LEAK = "1. 林曉（演员）\n2. ＷＡＮＧ ＺＩＸＵＡＮ\nKiki Wu、Chen Jingy；张伟\n陈静宜\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(db_path, capsys):
    assert run(capsys, "--db", str(db_path), "demo")[0] == 0
    return db_path


def ids_by_name(path: Path) -> dict[str, int]:
    db = Database.open(str(path))
    try:
        return {a.native_name: a.id for a in RosterService(db).search(include_archived=True)}
    finally:
        db.close()


def test_match_json_in_list_order(demo_db, tmp_path, capsys):
    src = tmp_path / "leak.txt"
    src.write_text(LEAK, encoding="utf-8")
    code, out, err = run(capsys, "--db", str(demo_db), "leak", "match", str(src), "--json")
    assert code == 0, err
    entries = json.loads(out)["entries"]
    ids = ids_by_name(demo_db)
    got = [(e["text"], e["status"], e["artist_id"], e["native_name"]) for e in entries]
    assert got == [
        ("林曉", "matched", ids["林晓"], "林晓"),
        ("ＷＡＮＧ ＺＩＸＵＡＮ", "matched", ids["王子轩"], "王子轩"),
        ("Kiki Wu", "matched", ids["吴思琪"], "吴思琪"),
        ("Chen Jingy", "ambiguous", None, None),
        ("张伟", "not_found", None, None),
        ("陈静宜", "ambiguous", None, None),
    ]
    first = entries[0]
    assert {"text", "status", "artist_id", "native_name", "score", "candidates"} <= set(first)
    assert first["score"] == 100 and first["original"] == "1. 林曉（演员）"
    assert first["candidates"][0] == {
        "artist_id": ids["林晓"],
        "native_name": "林晓",
        "romanized_name": "Lin Xiao",
        "score": 100,
        "kind": "name",
        "basis": "traditional",
        "archived": False,
    }
    assert (first["basis"], first["confirm"]) == ("traditional", False)
    assert (entries[1]["basis"], entries[1]["confirm"]) == ("pinyin", True)
    assert (
        entries[1]["reason"]
        == "same spelling as 王子轩 (Wang Zixuan) — other people share this pinyin"
    )
    assert (entries[2]["basis"], entries[2]["confirm"]) == ("stage_name", False)
    near = entries[3]  # a near spelling is offered, never matched
    assert (near["basis"], near["confirm"]) == ("near", True)
    assert near["candidates"][0]["native_name"] == "陈静怡" and near["score"] < 95
    assert near["reason"] == "one letter differs from 陈静怡 (Chen Jingyi)"
    assert entries[4]["candidates"] == [] and entries[4]["score"] == 0
    assert [c["native_name"] for c in entries[5]["candidates"]] == ["陈静怡"]


def test_match_reads_standard_input(demo_db, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(LEAK.encode("gb18030"))))
    code, out, _ = run(capsys, "--db", str(demo_db), "leak", "match", "-", "--json")
    assert code == 0
    assert [e["status"] for e in json.loads(out)["entries"]] == [
        "matched",
        "matched",
        "matched",
        "ambiguous",
        "not_found",
        "ambiguous",
    ]


def test_match_table_is_readable(demo_db, tmp_path, capsys):
    src = tmp_path / "leak.txt"
    src.write_text(LEAK, encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(demo_db), "leak", "match", str(src))
    assert code == 0
    lines = out.splitlines()
    assert "status" in lines[0] and "entry" in lines[0]
    assert "1. 林曉（演员） → 林晓 (Lin Xiao)" in lines[1] and "matched" in lines[1]
    assert "张伟 → not on the roster" in lines[5]
    assert "? 陈静怡 (Chen Jingyi)" in lines[6] and "ambiguous" in lines[6]
    assert "[confirm: same spelling as 王子轩 (Wang Zixuan)" in lines[2]
    assert "confirm" not in lines[1] and "confirm" not in lines[3]
    assert lines[-1] == (
        "6 entries: 3 matched (1 to confirm), 2 ambiguous, 1 not found (roster of 30 artists)."
    )


def test_archived_artist_is_flagged(demo_db, tmp_path, capsys):
    ids = ids_by_name(demo_db)
    db = Database.open(str(demo_db))
    RosterService(db).set_archived(ids["王子轩"], True)
    db.close()
    src = tmp_path / "leak.csv"
    src.write_text("姓名\nWang Zixuan\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(demo_db), "leak", "match", str(src), "--json")
    (entry,) = json.loads(out)["entries"]
    assert code == 0 and entry["status"] == "matched" and entry["archived"] is True
    code, out, _ = run(capsys, "--db", str(demo_db), "leak", "match", str(src))
    assert "archived" in out.splitlines()[1]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "Cannot open"),
        ("leak.docx", b"PK\x03\x04", "must be a .txt, .csv, .xlsx or .pdf"),
        ("leak.pdf", b"%PDF-1.4 broken", "not a readable PDF"),
        ("leak.txt", b"", "is empty"),
    ],
)
def test_bad_file_is_one_line_exit_2(db_path, tmp_path, capsys, name, content, message):
    src = tmp_path / name
    if content is not None:
        src.write_bytes(content)
    code, out, err = run(capsys, "--db", str(db_path), "leak", "match", str(src), "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err


def test_empty_standard_input_is_exit_2(db_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n1.\n")))
    code, _, err = run(capsys, "--db", str(db_path), "leak", "match", "-")
    assert code == 2 and "no names" in err


def test_real_command_reads_a_pipe(demo_db):
    done = subprocess.run(
        [sys.executable, "main.py", "--db", str(demo_db), "leak", "match", "-", "--json"],
        cwd=REPO,
        input="Lin Xiao\nWang Zixuan\n不在名单上的人\n".encode(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    entries = json.loads(done.stdout)["entries"]
    # a two-character name in Latin letters is only ever a candidate
    assert [e["status"] for e in entries] == ["ambiguous", "matched", "not_found"]
    assert [e["confirm"] for e in entries] == [True, True, False]


def test_aliases_are_set_shown_and_used(demo_db, capsys):
    ids = ids_by_name(demo_db)
    lin = str(ids["林晓"])
    code, out, err = run(capsys, "--db", str(demo_db), "leak", "aliases", lin, "Lynn Lin")
    assert code == 0 and out == "Lynn Lin\n", err
    code, out, _ = run(capsys, "--db", str(demo_db), "leak", "aliases", lin, "--json")
    assert json.loads(out) == {"artist_id": int(lin), "aliases": ["Lynn Lin"]}
    db = Database.open(str(demo_db))
    try:
        from models.leak import NameMatcher

        result = NameMatcher.from_database(db).match("lynn lin")
        assert result.artist_id == int(lin) and not result.confirm
    finally:
        db.close()
    code, _, err = run(capsys, "--db", str(demo_db), "leak", "aliases", lin, "小林林")
    assert code == 2 and err.count("\n") == 1 and "Chinese characters" in err
    code, out, _ = run(capsys, "--db", str(demo_db), "leak", "aliases", lin, "--clear")
    assert code == 0 and out == ""
    code, _, err = run(capsys, "--db", str(demo_db), "leak", "aliases", "99999", "X Y")
    assert code == 2 and "no artist" in err
