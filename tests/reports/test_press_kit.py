"""The leak-day press kit: statements as issued, the register with its verify page, a note
that says only what the signed statements say, and a how-to-check sheet."""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from models.agency import AgencyService
from models.consent.words import Modality
from models.errors import UserError, ValidationError
from models.identity import UnlockedIdentity
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from reports.press_kit import write_press_kit
from reports.statements.service import StatementRequest, StatementService
from reports.verification.register import read_register

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def issued(signing_db: Database, unlocked: UnlockedIdentity, tmp_path: Path):
    roster = RosterService(signing_db)
    lin = roster.add(ArtistDraft("林晓", "Lin Xiao"))
    chen = roster.add(ArtistDraft("陈静怡", "Chen Jingyi"))
    out = tmp_path / "issued"
    out.mkdir()
    service = StatementService(signing_db, unlocked)
    return [service.export(StatementRequest(a.id), out) for a in (lin, chen)]


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


def test_the_kit_holds_the_issued_files_the_register_the_note_and_the_sheet(
    signing_db: Database, unlocked: UnlockedIdentity, issued, tmp_path: Path
) -> None:
    agency = AgencyService(signing_db)
    agency.save(replace(agency.get(), verify_url="https://agency.example/verify.html"))
    kit = write_press_kit(
        signing_db, unlocked, [i.statement.id for i in issued], tmp_path / "kit", "StreamCo"
    )
    for done in issued:  # byte for byte what was issued: the register's hashes match
        copy = kit.folder / "statements" / done.path.name
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == done.file_sha256
    register = read_register(kit.folder / "register")
    assert {e["id"] for e in register.data["statements"]} >= {i.statement.id for i in issued}
    assert (kit.folder / "register" / "verify.html").is_file()

    note = (kit.folder / "press-note.txt").read_text(encoding="utf-8")
    assert "Being listed does not mean an artist has agreed to or authorised any AI use" in note
    assert "列名不代表艺人同意或授权任何人工智能使用" in note
    assert "林晓 (Lin Xiao)" in note and "林晓（Lin Xiao）" in note
    for done in issued:
        assert done.statement.id in note
        record = done.statement.record
        denied = [m["modality"] for m in record["modalities"] if m["status"] != "authorised"]
        line = next(p for p in note.split("\n\n") if done.statement.id in p)
        if len(denied) == len(record["modalities"]):
            assert "No AI use of likeness or voice is authorised." in line
        for code in denied if len(denied) < len(record["modalities"]) else ():
            assert Modality(code).label.lower() in line  # each denied use named
    assert "StreamCo" in _text(kit.folder / "press-note.pdf")
    sheet = _text(kit.folder / "how-to-check.pdf")
    assert "https://agency.example/verify.html" in sheet
    assert "How to check these statements" in sheet and "如何核验这些声明" in sheet
    fonts = subprocess.run(
        ["pdffonts", str(kit.folder / "how-to-check.pdf")], capture_output=True, text=True
    )
    if fonts.returncode == 0:
        rows = fonts.stdout.splitlines()[2:]
        assert rows and all(" yes " in row for row in rows), fonts.stdout  # all embedded


def test_without_a_verify_address_the_sheet_says_where_to_set_it(
    signing_db: Database, unlocked: UnlockedIdentity, issued, tmp_path: Path
) -> None:
    kit = write_press_kit(signing_db, unlocked, [issued[0].statement.id], tmp_path / "k", "X")
    assert kit.verify_url == ""
    assert "No verify page address is configured" in _text(kit.folder / "how-to-check.pdf")


def test_a_kit_is_refused_without_statements_platform_or_an_empty_folder(
    signing_db: Database, unlocked: UnlockedIdentity, issued, tmp_path: Path
) -> None:
    ids = [issued[0].statement.id]
    with pytest.raises(UserError, match="no statements"):
        write_press_kit(signing_db, unlocked, [], tmp_path / "a", "X")
    with pytest.raises(UserError, match="platform"):
        write_press_kit(signing_db, unlocked, ids, tmp_path / "b", "  ")
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "other.txt").write_text("keep me")
    with pytest.raises(UserError, match="not empty"):
        write_press_kit(signing_db, unlocked, ids, busy, "X")
    assert sorted(p.name for p in busy.iterdir()) == ["other.txt"]


def test_the_verify_address_must_be_https(signing_db: Database) -> None:
    agency = AgencyService(signing_db)
    with pytest.raises(ValidationError):
        agency.save(replace(agency.get(), verify_url="http://agency.example/verify"))
    saved = agency.save(replace(agency.get(), verify_url=" https://agency.example/v "))
    assert saved.verify_url == "https://agency.example/v"
