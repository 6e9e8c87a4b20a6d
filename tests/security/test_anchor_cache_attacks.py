"""The stored statements' anchor cache (models/audit/anchor_cache.py) never hides an anchor.

`audit verify` takes the checkpoint of a stored statement PDF from `statements/.anchors.json`
when the entry matches the PDF's name, size and SHA-256 and its desk-key seal verifies, and
reads the PDF otherwise. An attacker who cuts the log and edits, forges, deletes or replaces
the cache or the PDFs must still be caught; a valid cache means the PDF library is not loaded.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import models.audit.anchors as anchors_module
from main import main
from models.audit.anchor_cache import CACHE_FILE
from models.audit.anchors import store_anchors_in
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from reports.statements.service import StatementRequest, StatementService
from tests.security.attacks import run_sql as _sql
from tests.shared_identity import install, unlocked_identity

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def stored(db_path: Path, tmp_path: Path) -> Path:
    """A desk with two issued statements (their PDFs in the store), then later writes."""
    db = Database.open(str(db_path), actor="tester")
    try:
        install(db)
        identity = unlocked_identity()
        roster = RosterService(db)
        out = tmp_path / "out"
        out.mkdir()
        for name in ("Lin Xiao", "Ana Silva"):
            artist = roster.add(ArtistDraft(name))
            StatementService(db, identity).export(StatementRequest(artist.id), out)
        later = roster.add(ArtistDraft("Late Arrival"))
        roster.update(later.id, ArtistDraft("Late Arrival", notes="later"), later.version)
    finally:
        db.close()
    return db_path


def _folder(path: Path) -> Path:
    return path.with_name(f"{path.stem}-files") / "statements"


def _pdfs(path: Path) -> list[Path]:
    pdfs = sorted(_folder(path).glob("*.pdf"))
    assert len(pdfs) == 2
    return pdfs


def _cache(path: Path) -> dict:
    return json.loads((_folder(path) / CACHE_FILE).read_text("utf-8"))


def _write_cache(path: Path, data: dict) -> None:
    (_folder(path) / CACHE_FILE).write_text(json.dumps(data), "utf-8")


def _anchors(path: Path) -> list[tuple[int, str, str]]:
    return [
        (a.checkpoint.events, a.checkpoint.head, str(a.source))
        for a in store_anchors_in(_folder(path).parent)
    ]


def _no_pdf_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: bytes) -> None:
        raise AssertionError("the PDF was read although the cache holds it")

    monkeypatch.setattr(anchors_module, "_embedded_record", refuse)


def _cut_below_the_statements(path: Path) -> None:
    """Truncate the log below the first statement's checkpoint and remove every copy of the
    checkpoints inside the database: only the stored PDFs still pin the history."""
    first = min(e for e, _, _ in _anchors(path))
    _sql(
        path,
        f"DELETE FROM audit_event WHERE id > {first - 2}",
        "DELETE FROM audit_checkpoint",
        "UPDATE statement SET record_json = '{}'",
    )


def _verify(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(path), "audit", "verify", "--backups", str(path.parent / "no")])
    return code, capsys.readouterr().out


def test_the_cache_is_written_and_then_stands_for_the_pdfs(stored, monkeypatch):
    first = _anchors(stored)
    assert len(first) == 2
    entries = _cache(stored)["entries"]
    assert [e["name"] for e in entries] == [p.name for p in _pdfs(stored)]
    for entry, pdf in zip(entries, _pdfs(stored), strict=True):
        assert entry["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert entry["size"] == pdf.stat().st_size
    _no_pdf_reads(monkeypatch)
    assert _anchors(stored) == first


@pytest.mark.parametrize("mac", ["stale", "wrong-key", "removed"])
def test_a_forged_entry_is_ignored_and_the_pdf_read(stored, capsys, mac):
    honest = _anchors(stored)
    _cut_below_the_statements(stored)
    data = _cache(stored)
    for entry in data["entries"]:
        entry["checkpoint"]["events"] = 1  # the log is "at least 1 event long": hides the cut
        body = {k: entry[k] for k in ("name", "size", "sha256", "label", "checkpoint")}
        text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        signed = b"consent-desk statement anchor\x00" + text.encode("utf-8")
        if mac == "wrong-key":
            entry["mac"] = hmac.new(b"\x00" * 32, signed, hashlib.sha256).hexdigest()
        elif mac == "removed":
            del entry["mac"]
    _write_cache(stored, data)
    assert _anchors(stored) == honest
    code, out = _verify(capsys, stored)
    assert code == 1 and "shorter" in out and "stored" in out.lower()


@pytest.mark.parametrize("damage", ["deleted", "not json", "empty", "other format"])
def test_a_missing_or_damaged_cache_costs_only_the_pdf_read(stored, capsys, damage):
    honest = _anchors(stored)
    cache = _folder(stored) / CACHE_FILE
    if damage == "deleted":
        cache.unlink()
    else:
        text = {"not json": "{nope", "empty": "", "other format": '{"format": "x"}'}[damage]
        cache.write_text(text, "utf-8")
    _cut_below_the_statements(stored)
    assert _anchors(stored) == honest
    assert len(_cache(stored)["entries"]) == 2  # written again
    code, out = _verify(capsys, stored)
    assert code == 1 and "shorter" in out


def test_a_pdf_replaced_by_another_is_read_again(stored, monkeypatch):
    one, two = _pdfs(stored)
    honest = dict(zip((one.name, two.name), _anchors(stored), strict=True))
    shutil.copyfile(two, one)  # same name, the other statement's bytes
    found = _anchors(stored)
    assert found[0][:2] == honest[two.name][:2] and one.name in found[0][2]
    entry = next(e for e in _cache(stored)["entries"] if e["name"] == one.name)
    assert entry["sha256"] == hashlib.sha256(two.read_bytes()).hexdigest()
    _no_pdf_reads(monkeypatch)
    assert _anchors(stored) == found


def test_a_pdf_replaced_by_a_damaged_file_anchors_nothing_and_leaves_the_cache(stored):
    one, _ = _pdfs(stored)
    _anchors(stored)
    one.write_bytes(b"%PDF-1.7\nnot a statement\n")
    assert len(_anchors(stored)) == 1
    assert [e["name"] for e in _cache(stored)["entries"]] == [_pdfs(stored)[1].name]


def test_an_entry_copied_to_another_pdf_name_is_not_used(stored):
    _, two = _pdfs(stored)
    honest = _anchors(stored)
    data = _cache(stored)
    data["entries"][0]["name"] = two.name  # one's sealed entry under two's name
    data["entries"] = [data["entries"][0]]
    _write_cache(stored, data)
    assert _anchors(stored) == honest


def test_a_cache_that_cannot_be_written_never_fails_verify(stored, capsys, monkeypatch):
    honest = _anchors(stored)
    (_folder(stored) / CACHE_FILE).unlink()

    def refuse(*args: object) -> None:
        raise PermissionError("read-only folder")

    monkeypatch.setattr("models.audit.anchor_cache.os.replace", refuse)
    assert _anchors(stored) == honest
    assert not (_folder(stored) / CACHE_FILE).exists()
    assert [p.name for p in _folder(stored).iterdir() if p.suffix == ".part"] == []
    code, out = _verify(capsys, stored)
    assert code == 0, out


def test_without_the_desk_key_the_cache_is_not_trusted(stored, tmp_path, monkeypatch):
    from models.audit.checkpoint import KEY_DIR_ENV

    honest = _anchors(stored)
    monkeypatch.setenv(KEY_DIR_ENV, str(tmp_path / "another-desk"))  # a different desk key
    assert _anchors(stored) == honest  # its entries do not verify: both PDFs read again


def _modules_of_audit_verify(path: Path) -> list[str]:
    probe = (
        "import json, sys\n"
        "from main import main\n"
        "code = main(['--db', sys.argv[1], 'audit', 'verify', '--backups', sys.argv[2]])\n"
        "print(json.dumps({'code': code, 'modules': sorted(sys.modules)}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(path), str(path.parent / "no")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["code"] == 0, result.stdout
    return list(seen["modules"])


@pytest.mark.sqlite_only
def test_audit_verify_loads_no_pdf_library_when_the_cache_is_valid(stored):
    assert (_folder(stored) / CACHE_FILE).is_file()  # written when issuing
    assert "pypdf" not in _modules_of_audit_verify(stored)  # the first verify reads no PDF
    (_folder(stored) / CACHE_FILE).unlink()
    assert "pypdf" in _modules_of_audit_verify(stored)  # no cache: the PDFs are read
    assert (_folder(stored) / CACHE_FILE).is_file()
    modules = _modules_of_audit_verify(stored)
    assert "pypdf" not in modules
    assert "cryptography.x509" not in modules  # the identity seals use the compiled core
