"""`consent-desk leak statements` and `register export`: what a script and a manager rely on."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from main import main
from models.demo import load_demo
from models.leak.listings import ListingService
from models.statements.register import StatementRegister
from models.storage.database import Database
from reports.verify import verify_statement
from tests.shared_identity import PASSPHRASE, install

AMBIGUOUS_LIST = "1. 林晓（主演）\n2. 陈静宜\nKiki Wu、Zhao Yiming；张伟\n"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory, template_db):
    """The demo agency, loaded once for this module (tests get copies)."""
    path = tmp_path_factory.mktemp("leak-cli") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    db = Database.open(str(path), actor="tester")
    load_demo(db)
    db.close()
    return path


@pytest.fixture
def desk(demo_template, tmp_path, monkeypatch):
    """A copy of the demo agency with the session's signing identity."""
    monkeypatch.setenv("CONSENT_DESK_PASSPHRASE", PASSPHRASE)
    source = Database.open(str(demo_template), actor="tester")
    path = tmp_path / "desk.sqlite3"
    source.copy_to(path)
    source.close()
    db = Database.open(str(path), actor="tester")
    install(db)
    db.close()
    return path


def opened(path: Path) -> Database:
    return Database.open(str(path), actor="tester")


def test_unconfirmed_entries_are_refused_in_one_line_and_nothing_is_written(desk, capsys, tmp_path):
    listing = tmp_path / "leak.txt"
    listing.write_text(AMBIGUOUS_LIST, "utf-8")
    out = tmp_path / "out"
    code, stdout, err = run(
        capsys,
        "--db",
        desk,
        "leak",
        "statements",
        listing,
        "--out",
        out,
        "--platform",
        "Platform X",
    )
    assert code == 2 and err.count("\n") == 1
    # 林晓 (characters) and Kiki Wu (a stage name) need nobody; the homophone 陈静宜 and the
    # pinyin "Zhao Yiming" (shared by other people) do.
    assert "2 entries need a person to confirm" in err
    assert "line 2 陈静宜" in err and "line 3 Zhao Yiming" in err and "林晓" not in err
    assert "--confirmed 2,3" in err and stdout == ""
    assert not out.exists() or not any(out.iterdir())
    db = opened(desk)
    try:
        assert StatementRegister(db).statements() == []
        assert ListingService(db).listings() == []
    finally:
        db.close()


def test_accept_best_issues_one_verified_statement_per_artist_naming_the_platform(
    desk, capsys, tmp_path
):
    listing = tmp_path / "leak.txt"
    listing.write_text(AMBIGUOUS_LIST + "Lin Xiao\n", "utf-8")  # 林晓 twice: one statement
    out = tmp_path / "out"
    code, stdout, err = run(
        capsys,
        "--db",
        desk,
        "leak",
        "statements",
        listing,
        "--out",
        out,
        "--lang",
        "en,zh",
        "--platform",
        "Platform X AI library",
        "--confirmed",
        "2,3,4",
        "--accept-best",
        "--json",
    )
    assert code == 0, err
    report = json.loads(stdout)
    issued = report["issued"]
    assert [r["artist"] for r in issued] == [
        "林晓 (Lin Xiao)",
        "陈静怡 (Chen Jingyi)",
        "吴思琪 (Wu Siqi)",
        "赵一鸣 (Zhao Yiming)",
    ]
    assert report["not_on_roster"] == ["张伟"] and report["failed"] == []
    for r in issued:
        result = verify_statement(Path(r["file"]))
        assert result.valid and result.statement_id == r["statement_id"]
        assert result.record is not None
        assert result.record["listings"] == [
            {"platform": "Platform X AI library", "meaning": "willingness_only"}
        ]
        assert result.record["language"] == ["en", "zh"]
    rows = list(csv.DictReader(io.StringIO(Path(report["summary_csv"]).read_text("utf-8-sig"))))
    assert [r["statement_id"] for r in rows] == [r["statement_id"] for r in issued]
    assert all(len(r["sha256"]) == 64 and r["outcome"] == "issued" for r in rows)
    assert Path(report["summary_pdf"]).read_bytes().startswith(b"%PDF")
    db = opened(desk)
    try:
        (saved,) = ListingService(db).listings()
        assert saved.platform == "Platform X AI library" and saved.entry_count == 6
        assert saved.source == "list file leak.txt"
    finally:
        db.close()


def test_only_the_lines_left_unconfirmed_are_listed(desk, capsys, tmp_path):
    listing = tmp_path / "leak.txt"
    listing.write_text(AMBIGUOUS_LIST + "Lin Xiao\n", "utf-8")
    args = ["--db", desk, "leak", "statements", listing, "--out", tmp_path / "out"]
    code, _out, err = run(capsys, *args, "--confirmed", "3")
    assert code == 2 and err.count("\n") == 1
    assert "line 2 陈静宜" in err and "line 4 Lin Xiao" in err and "Zhao Yiming" not in err
    assert "spelled like 林晓 (Lin Xiao), but a two-character name" in err
    code, _out, err = run(capsys, *args, "--confirmed", "2,3,4")  # 陈静宜, Lin Xiao: choices
    assert code == 2 and "--accept-best" in err and err.count("\n") == 1
    code, _out, err = run(capsys, *args, "--confirmed", "2,x")
    assert code == 2 and "line numbers" in err
    code, _out, err = run(capsys, *args, "--confirmed", "9")
    assert code == 2 and "line 9" in err


def test_a_list_without_any_roster_name_is_refused(desk, capsys, tmp_path):
    listing = tmp_path / "leak.txt"
    listing.write_text("张伟\n李雷\n", "utf-8")
    code, _, err = run(capsys, "--db", desk, "leak", "statements", listing, "--out", tmp_path / "o")
    assert code == 2 and "No name of the list matched" in err and err.count("\n") == 1


def test_wrong_passphrase_is_one_line_and_issues_nothing(desk, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("CONSENT_DESK_PASSPHRASE", "not the passphrase")
    listing = tmp_path / "leak.txt"
    listing.write_text("林晓\n", "utf-8")
    code, _, err = run(
        capsys,
        "--db",
        desk,
        "leak",
        "statements",
        listing,
        "--out",
        tmp_path / "o",
        "--platform",
        "X",
    )
    assert code == 2 and "passphrase does not unlock" in err and err.count("\n") == 1
    db = opened(desk)
    try:
        assert ListingService(db).listings() == []  # nothing saved before the key opened
    finally:
        db.close()


def test_register_export_then_verify_against_it(desk, capsys, tmp_path):
    listing = tmp_path / "leak.txt"
    listing.write_text("林晓\nKiki Wu\n", "utf-8")
    out = tmp_path / "out"
    code, stdout, _ = run(
        capsys, "--db", desk, "leak", "statements", listing, "--out", out, "--json"
    )
    assert code == 0
    first = json.loads(stdout)["issued"][0]
    assert first["platforms"] == []  # no --platform: nothing named, nothing saved
    public = tmp_path / "public"
    code, stdout, _ = run(capsys, "--db", desk, "register", "export", public, "--json")
    assert code == 0
    exported = json.loads(stdout)
    assert exported["statements"] == 2 and "register.json.sig" in exported["files"]
    code, stdout, _ = run(
        capsys,
        "statement",
        "verify",
        first["file"],
        "--register",
        public,
        "--no-register",
        "--json",
    )
    answer = json.loads(stdout)
    # Without a confirmed signer the folder is not asked (anyone can publish a register).
    assert code == 3 and answer["in_register"] is None
    fp = exported["fingerprint"]
    code, stdout, _ = run(
        capsys,
        "statement",
        "verify",
        first["file"],
        "--register",
        public,
        "--no-register",
        "--fingerprint",
        fp,
        "--json",
    )
    answer = json.loads(stdout)
    assert code == 0 and answer["in_register"] is True and answer["superseded"] is False
    assert answer["status"] == "current" and answer["register_sequence"] == 1


def test_register_export_without_identity_is_a_clear_error(db_path, capsys, tmp_path):
    code, _, err = run(capsys, "--db", db_path, "register", "export", tmp_path / "p")
    assert code == 2 and "no signing identity" in err and err.count("\n") == 1
