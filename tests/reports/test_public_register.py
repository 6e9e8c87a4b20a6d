"""The public register: signed, checkable with OpenSSL, and refused when anyone edits it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from models.identity import UnlockedIdentity
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.statements.register import StatementRegister
from models.storage.database import Database
from reports.public_register import (
    CERTIFICATE_FILE,
    INDEX_FILE,
    REGISTER_FILE,
    SIGNATURE_FILE,
    export_public_register,
    sign_detached,
)
from reports.statements.service import StatementRequest, StatementService
from reports.verification.register import RegisterUnreadable, read_register
from reports.verify import verify_statement
from tests.reports.statement_data import quick_identity

NASTY_NAME = "<script>alert(1)</script> & Co"


@pytest.fixture
def issued(signing_db: Database, unlocked: UnlockedIdentity, tmp_path: Path):
    """Three statements: one superseded by a re-issue, and one withdrawn."""
    roster = RosterService(signing_db)
    lin = roster.add(ArtistDraft("林晓", "Lin Xiao"))
    nasty = roster.add(ArtistDraft(NASTY_NAME, ""))
    service = StatementService(signing_db, unlocked)
    out = tmp_path / "out"
    out.mkdir()
    first = service.export(StatementRequest(lin.id), out)
    second = service.export(StatementRequest(lin.id), out)
    other = service.export(StatementRequest(nasty.id, languages=("en",)), out)
    StatementRegister(signing_db).withdraw(other.statement.id, "issued by mistake")
    return signing_db, first, second, other


def test_export_lists_every_statement_with_its_status(issued, unlocked, tmp_path):
    db, first, second, other = issued
    folder = tmp_path / "public"
    result = export_public_register(db, unlocked, folder)
    assert result.statements == 3 and result.fingerprint == unlocked.identity.fingerprint
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        [
            "README.txt",
            CERTIFICATE_FILE,
            "checkpoints.json",
            INDEX_FILE,
            REGISTER_FILE,
            SIGNATURE_FILE,
            "verify.html",
            "verify.zh.html",
        ]
    )
    register = read_register(folder)
    assert register.fingerprint == unlocked.identity.fingerprint
    by_id = {e["id"]: e for e in register.data["statements"]}
    assert by_id[first.statement.id]["status"] == "superseded"
    assert by_id[first.statement.id]["superseded_by"] == second.statement.id
    assert by_id[second.statement.id]["status"] == "current"
    assert by_id[second.statement.id]["artist"] == "林晓 (Lin Xiao)"
    assert by_id[second.statement.id]["file_sha256"] == second.file_sha256
    assert by_id[other.statement.id]["status"] == "revoked"
    assert by_id[other.statement.id]["status_label"] == {
        "en": "Withdrawn (revoked)",
        "zh": "已撤回",
    }
    assert register.data["agency"]["certificate_fingerprint_sha256"] == result.fingerprint


def test_the_page_is_static_bilingual_and_escaped(issued, unlocked, tmp_path):
    db, first, *_ = issued
    folder = tmp_path / "public"
    export_public_register(db, unlocked, folder)
    page = (folder / INDEX_FILE).read_text("utf-8")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert "http://" not in page and "https://" not in page and "src=" not in page
    assert "声明登记簿" in page and "Register of issued statements" in page
    assert first.statement.id in page and "已被取代" in page


def test_openssl_accepts_the_signature(issued, unlocked, tmp_path):
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    db, *_ = issued
    folder = tmp_path / "public"
    export_public_register(db, unlocked, folder)
    args = [
        openssl,
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        str(folder / SIGNATURE_FILE),
        "-content",
        str(folder / REGISTER_FILE),
        "-CAfile",
        str(folder / CERTIFICATE_FILE),
        "-purpose",
        "any",
        "-out",
        "/dev/null",
    ]
    assert subprocess.run(args, capture_output=True).returncode == 0
    (folder / REGISTER_FILE).write_bytes((folder / REGISTER_FILE).read_bytes() + b" ")
    assert subprocess.run(args, capture_output=True).returncode != 0


def test_an_edited_register_is_refused(issued, unlocked, tmp_path):
    db, first, *_ = issued
    folder = tmp_path / "public"
    export_public_register(db, unlocked, folder)
    path = folder / REGISTER_FILE
    content = json.loads(path.read_text("utf-8"))
    for e in content["statements"]:
        e["status"] = "current"
        e["superseded_by"] = None
    path.write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", "utf-8")
    with pytest.raises(RegisterUnreadable, match="does not check out"):
        read_register(folder)
    ours = (unlocked.identity.fingerprint,)
    result = verify_statement(first.path, register_folder=folder, fingerprints=ours)
    # An edited register says nothing: the statement is judged without it, and it says so.
    assert result.valid and result.in_register is None and result.status is None
    assert any("does not check out" in n for n in result.notes)


def test_a_register_signed_by_someone_else_cannot_answer(issued, unlocked, tmp_path):
    db, first, *_ = issued
    folder = tmp_path / "public"
    export_public_register(db, unlocked, folder)
    forger = quick_identity("Forger")
    data = (folder / REGISTER_FILE).read_bytes()
    (folder / SIGNATURE_FILE).write_bytes(sign_detached(data, forger))
    with pytest.raises(RegisterUnreadable):  # the certificate beside it did not sign it
        read_register(folder)
    content = json.loads(data)
    content["agency"]["certificate_fingerprint_sha256"] = forger.identity.fingerprint
    for e in content["statements"]:
        e["status"] = "revoked"
    forged = json.dumps(content).encode("utf-8")
    (folder / REGISTER_FILE).write_bytes(forged)
    (folder / SIGNATURE_FILE).write_bytes(sign_detached(forged, forger))
    (folder / CERTIFICATE_FILE).write_bytes(forger.identity.certificate_pem)
    assert read_register(folder).fingerprint == forger.identity.fingerprint
    ours = (unlocked.identity.fingerprint,)
    result = verify_statement(first.path, register_folder=folder, fingerprints=ours)
    assert result.status is None and result.in_register is None and not result.superseded
    assert any("not the one that signed this statement" in n for n in result.notes)


def test_verify_with_the_register_says_superseded_current_and_withdrawn(issued, unlocked, tmp_path):
    db, first, second, other = issued
    folder = tmp_path / "public"
    export_public_register(db, unlocked, folder)
    ours = (unlocked.identity.fingerprint,)
    old = verify_statement(first.path, register_folder=folder, fingerprints=ours)
    assert old.valid and old.in_register and old.superseded and old.exit_code == 4
    assert old.superseded_by == second.statement.id and old.status == "superseded"
    new = verify_statement(second.path, register_folder=folder, fingerprints=ours)
    assert new.valid and new.in_register and not new.superseded and new.status == "current"
    assert new.exit_code == 0
    gone = verify_statement(other.path, register_folder=folder, fingerprints=ours)
    assert gone.status == "revoked" and any("withdrew" in n for n in gone.notes)
    assert gone.exit_code == 4 and gone.headline().startswith("WITHDRAWN")
    # A statement issued after the register was generated is simply not in it yet.
    later = StatementService(db, unlocked).export(
        StatementRequest(first.statement.artist_id), tmp_path / "out"
    )
    fresh = verify_statement(later.path, register_folder=folder, fingerprints=ours)
    assert fresh.valid and fresh.in_register is False
    assert any("is not in the register" in n for n in fresh.notes)


def test_a_missing_signature_is_refused(issued, unlocked, tmp_path):
    db, first, *_ = issued
    folder = tmp_path / "public"
    export_public_register(db, unlocked, folder)
    (folder / SIGNATURE_FILE).unlink()
    with pytest.raises(RegisterUnreadable, match=r"no register\.json\.sig"):
        read_register(folder)
    (folder / SIGNATURE_FILE).write_bytes(b"\x30\x03\x02\x01\x01")
    ours = (unlocked.identity.fingerprint,)
    result = verify_statement(first.path, register_folder=folder, fingerprints=ours)
    assert result.in_register is None and any("was not used" in n for n in result.notes)
