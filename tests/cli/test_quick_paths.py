"""The quick reading commands on SQLite (cli/quick.py) print exactly what the ordinary ones do.

`roster search`, `consent list` and `audit verify` read a current SQLite file with plain
sqlite3; `statement verify` reads its register that way. Each case runs the command both
ways on the same data (the demo agency, its consents and audit events, a signed statement
and checkpoints) and compares exit code, stdout and stderr byte for byte, in English and
Chinese. Which modules a quick command loads is checked in a fresh interpreter.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cli.app import LazyHandler, build_parser, run_command
from main import main
from models.audit.binding import BOUND_TABLES
from models.audit.quick import BOUND_COLUMNS
from models.demo import load_demo
from models.statements.record import QuickRegister
from models.storage.database import Database
from models.storage.quick import open_current
from reports.verify import verify_statement
from tests.cli.test_command_table import loaded, probe
from tests.reports.statement_data import PASSPHRASE, make_identity_folder
from tests.security.attacks import run_sql as _edit

pytestmark = pytest.mark.sqlite_only
NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
ORDINARY = {
    ("roster", "search"): "cli.roster:_search",
    ("consent", "list"): "cli.consent:_list",
    ("audit", "verify"): "cli.audit:_verify",
}


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo agency with a signed statement, a withdrawn one and a checkpoint."""
    root = tmp_path_factory.mktemp("agency")
    path = root / "agency.sqlite3"
    db = Database.open(str(path), actor="tester")
    load_demo(db)
    shutil.copytree(make_identity_folder(root / "id"), db.location.files_dir / "identity")
    db.close()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONSENT_DESK_PASSPHRASE", PASSPHRASE)
        mp.setenv("CONSENT_DESK_HOME", str(root / "home"))
        for artist, out in ((1, "one.pdf"), (2, "two.pdf")):
            argv = ["--db", str(path), "statement", "export", str(artist), "--out", str(root / out)]
            assert main(argv) == 0
        assert (
            main(["--db", str(path), "statement", "withdraw", _statement(path, 2), "--reason", "x"])
            == 0
        )
        assert main(["--db", str(path), "audit", "checkpoint"]) == 0
    return path


def _statement(path: Path, artist: int) -> str:
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT id FROM statement WHERE artist_id = ?", (artist,)).fetchone()
        return str(row[0])
    finally:
        con.close()


@pytest.fixture
def desk(agency: Path, tmp_path: Path) -> Path:
    """A copy of the agency (database and files) that a test may change."""
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(agency, path)
    shutil.copytree(agency.parent / "agency-files", tmp_path / "desk-files")
    return path


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cli.reading.utc_now", lambda: NOW)


def _run(capsys: pytest.CaptureFixture[str], argv: list[str], target: str | None) -> tuple:
    if target is None:
        code = main(argv)
    else:
        args = build_parser(argv).parse_args(argv)
        args.handler = LazyHandler(target)
        code = run_command(args)
    out, err = capsys.readouterr()
    return code, out, err


def same_both_ways(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple:
    full = ["--db", str(db), *argv]
    command = next(k for k in ORDINARY if all(w in argv for w in k))
    quick = _run(capsys, full, None)
    ordinary = _run(capsys, full, ORDINARY[command])
    assert quick == ordinary
    return quick


@pytest.mark.parametrize(
    "argv",
    [
        ("roster", "search"),
        ("roster", "search", "lin"),
        ("roster", "search", "林"),
        ("roster", "search", "林晓"),
        ("roster", "search", "Lin Xiao", "--json"),
        ("roster", "search", "xiao", "--include-archived"),
        ("roster", "search", "--json", "--include-archived"),
        ("roster", "search", "没有这个人"),
        ("roster", "search", "nobody at all", "--json"),
        ("--lang", "zh", "roster", "search", "lin"),
        ("consent", "list", "1"),
        ("consent", "list", "2", "--json"),
        ("consent", "list", "3", "--as-of", "2026-06-01"),
        ("consent", "list", "4", "--as-of", "2026-03-01T10:00", "--json"),
        ("consent", "list", "5", "--as-of", "2025-01-01T10:00+08:00"),
        ("--lang", "zh", "consent", "list", "1"),
        ("consent", "list", "999"),
        ("--lang", "zh", "consent", "list", "999"),
        ("consent", "list", "1", "--as-of", "yesterday"),
        ("audit", "verify"),
        ("audit", "verify", "--json"),
        ("--lang", "zh", "audit", "verify"),
        ("audit", "verify", "--register", "no-such-folder"),
    ],
)
def test_each_command_prints_the_same_both_ways(agency, capsys, argv) -> None:
    code, out, err = same_both_ways(capsys, agency, *argv)
    assert code in (0, 2)
    if code == 2:
        assert out == "" and err.count("\n") == 1 and err.startswith("consent-desk: ")
    else:
        assert out and err == ""


def test_chinese_from_the_environment(agency, capsys, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    for argv in (("roster", "search", "林"), ("consent", "list", "2"), ("consent", "list", "0")):
        _code, out, err = same_both_ways(capsys, agency, *argv)
        assert any("\u4e00" <= c <= "\u9fff" for c in out + err)


def test_the_demo_agency_is_read_in_full(agency, capsys) -> None:
    code, out, _ = same_both_ways(capsys, agency, "audit", "verify")
    assert code == 0 and "Audit trail intact" in out and "checkpoint(s)" in out
    code, out, _ = same_both_ways(capsys, agency, "roster", "search", "--include-archived")
    assert code == 0 and "30 artist(s)" in out


def test_an_empty_database(db_path, capsys) -> None:
    assert same_both_ways(capsys, db_path, "roster", "search")[:2] == (0, "0 artist(s)\n")
    assert same_both_ways(capsys, db_path, "consent", "list", "1")[0] == 2
    code, out, _ = same_both_ways(capsys, db_path, "audit", "verify", "--json")
    assert code == 0 and '"events": 0' in out


def test_a_row_changed_behind_the_log_is_named_the_same(desk, capsys) -> None:
    _edit(
        desk,
        "UPDATE artist SET notes = 'edited' WHERE id = 3",
        "UPDATE consent_record SET term_end = '2030-01-01' WHERE id = 2",
        "DELETE FROM counterparty WHERE id = (SELECT max(id) FROM counterparty)",
    )
    code, out, _ = same_both_ways(capsys, desk, "audit", "verify")
    assert code == 1 and "artist 3" in out and "(field notes)" in out
    assert "consent_record 2" in out
    same_both_ways(capsys, desk, "audit", "verify", "--json")


def test_a_broken_chain_and_a_cut_log_are_reported_the_same(desk, capsys) -> None:
    _edit(desk, "UPDATE audit_event SET actor = 'mallory' WHERE id = 5")
    code, out, _ = same_both_ways(capsys, desk, "audit", "verify")
    assert code == 1 and "BROKEN at event 5" in out
    _edit(
        desk,
        "UPDATE audit_event SET actor = 'tester' WHERE id = 5",
        "DELETE FROM audit_event WHERE id > 100",
    )
    code, out, _ = same_both_ways(capsys, desk, "audit", "verify")
    assert code == 1 and "is shorter" in out


def test_a_forged_checkpoint_in_the_database_is_reported_the_same(desk, capsys) -> None:
    _edit(desk, "UPDATE audit_checkpoint SET made_at = '2020-01-01T00:00:00+00:00'")
    code, out, _ = same_both_ways(capsys, desk, "audit", "verify")
    assert code == 1 and "was altered" in out


def test_a_value_the_app_never_writes_takes_the_ordinary_path(desk, capsys) -> None:
    _edit(desk, "UPDATE artist SET updated_at = '2026-05-06T18:58:07' WHERE id = 4")
    code, out, _ = same_both_ways(capsys, desk, "audit", "verify")
    assert code == 1 and "artist 4" in out
    _edit(desk, "UPDATE artist SET date_of_birth = '1990-1-5' WHERE id = 4")
    code, out, err = same_both_ways(capsys, desk, "audit", "verify")
    assert code == 1 and out == "" and "something went wrong" in err


def test_a_database_that_is_not_current_takes_the_ordinary_path(desk, capsys) -> None:
    _edit(desk, "INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    assert open_current(desk) is None
    code, out, err = _run(capsys, ["--db", str(desk), "roster", "search"], None)
    assert code == 2 and "newer version" in err and out == ""


def test_a_missing_file_is_created_by_the_ordinary_path(tmp_path, capsys) -> None:
    path = tmp_path / "new.sqlite3"
    assert _run(capsys, ["--db", str(path), "roster", "search"], None)[:2] == (0, "0 artist(s)\n")
    assert open_current(path) is not None


def test_bad_arguments_are_one_line_and_exit_2(agency, capsys) -> None:
    for argv in (
        ("consent", "list", "x"),
        ("roster", "search", "--nope"),
        ("audit", "verify", "x"),
    ):
        with pytest.raises(SystemExit) as stop:
            main(["--db", str(agency), *argv])
        out, err = capsys.readouterr()
        assert stop.value.code == 2 and out == "" and err.count("\n") == 1


def test_statement_verify_reads_the_register_the_same_way(agency, tmp_path) -> None:
    db = Database.open(str(agency))
    con = open_current(agency)
    assert con is not None
    try:
        register = QuickRegister(con)
        for pdf in (agency.parent / "one.pdf", agency.parent / "two.pdf"):
            ordinary = verify_statement(pdf, db=db, seen_file=None).to_json()
            quick = verify_statement(pdf, register=register, seen_file=None).to_json()
            assert quick == ordinary and quick["in_register"] is True
        other = tmp_path / "other.pdf"
        data = (agency.parent / "one.pdf").read_bytes()
        other.write_bytes(data[:-10] + b"\n%%EOF\n\n\n")
        assert verify_statement(other, register=register, seen_file=None).to_json() == (
            verify_statement(other, db=db, seen_file=None).to_json()
        )
    finally:
        con.close()
        db.close()


def test_statement_verify_prints_the_register_answer(agency, capsys) -> None:
    code, out, _ = _run(
        capsys, ["--db", str(agency), "statement", "verify", str(agency.parent / "two.pdf")], None
    )
    assert code == 4 and "Register status: revoked" in out


def test_the_audit_reader_hashes_the_columns_the_orm_reads() -> None:
    from sqlalchemy import JSON, Boolean, Date, DateTime

    import models.consent.tables
    import models.statements.tables  # noqa: F401
    from models.storage.schema import Base

    for table in BOUND_TABLES.values():
        expected = []
        for column in Base.metadata.tables[table].columns:
            kind = column.type
            name = column.name
            if isinstance(kind, JSON):
                name += ":json"
            elif isinstance(kind, Boolean):
                name += ":bool"
            elif isinstance(kind, Date):
                name += ":date"
            elif isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):
                name += ":time"
            expected.append(name)
        assert BOUND_COLUMNS[table].split() == expected, table


@pytest.mark.parametrize(
    "argv",
    [
        ("roster", "search", "lin"),
        ("consent", "list", "1", "--json"),
        ("audit", "verify"),
        ("statement", "verify", "one.pdf"),
    ],
)
def test_the_quick_commands_load_no_database_layer(agency, argv) -> None:
    argv = tuple(str(agency.parent / a) if a.endswith(".pdf") else a for a in argv)
    seen = probe("--db", str(agency), *argv)
    assert seen["code"] in (0, 3)
    for heavy in ("sqlalchemy", "alembic", "reportlab", "pyhanko.sign", "aiohttp", "PySide6"):
        assert not loaded(seen["modules"], heavy), heavy
    assert not loaded(seen["modules"], "pyhanko_certvalidator.context")


def test_statement_verify_loads_no_certificate_library_nor_key_file_formats(agency) -> None:
    """Certificates are read with the strict DER reader; pyHanko's reader imports the key
    file formats (PKCS#12 pulls in `cryptography.x509`) and the local time zone, which a
    verification never uses: they load only when used (reports/verification/deferred.py)."""
    seen = probe("--db", str(agency), "statement", "verify", str(agency.parent / "one.pdf"))
    assert seen["code"] in (0, 3)
    for unused in (
        "cryptography.x509",
        "cryptography.hazmat.primitives.serialization.ssh",
        "pyhanko.sign",
        "pyhanko.pdf_utils.writer",
        "reportlab",
        "aiohttp",
        "models.dates",
        "platformdirs",
    ):
        assert not loaded(seen["modules"], unused), unused


def test_statement_verify_of_our_own_statement_imports_no_pyhanko(agency, tmp_path) -> None:
    """A statement in exactly the form we write it is read straight from its bytes
    (reports/verification/own_form.py) and its signature with our DER reader
    (cms_check.py): no pyHanko or ASN.1 library module is imported, nor even registered
    for later; a file in any other form is read with pyHanko's reader, as before."""
    statement = agency.parent / "one.pdf"
    seen = probe("--db", str(agency), "statement", "verify", str(statement))
    assert seen["code"] in (0, 3)
    assert [m for m in seen["modules"] if m.startswith(("pyhanko", "asn1crypto"))] == []
    other = tmp_path / "commented.pdf"
    other.write_bytes(statement.read_bytes() + b"% not our form: a comment after %%EOF\n")
    seen = probe("--db", str(agency), "statement", "verify", str(other))
    assert seen["code"] == 1 and loaded(seen["modules"], "pyhanko.pdf_utils.reader")


def test_fast_start_off_means_the_ordinary_path_everywhere(agency, monkeypatch) -> None:
    monkeypatch.setenv("CONSENT_DESK_FAST_START", "0")
    seen = probe("--db", str(agency), "roster", "search", "lin")
    assert seen["code"] == 0 and "Lin Xiao" in str(seen["out"])
    assert loaded(seen["modules"], "sqlalchemy")
