"""`consent-desk identity …` and `statement …`: exit codes and JSON a script relies on."""

from __future__ import annotations

import io
import json
import random
import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from main import main
from models import identity as identity_module
from models.clock import utc_now
from models.consent.service import ConsentService
from models.consent.words import Modality
from models.storage.database import Database, resolve
from tests.reports.statement_data import (
    PASSPHRASE,
    ca_bundle,
    consent_world,
    make_identity_folder,
)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def identity_folder(tmp_path_factory):
    return make_identity_folder(tmp_path_factory.mktemp("identity"))


@pytest.fixture
def desk(db_path, identity_folder, monkeypatch):
    """A database with an artist who gave face and voice consent, and the agency identity."""
    monkeypatch.setenv("CONSENT_DESK_PASSPHRASE", PASSPHRASE)
    db = Database.open(str(db_path), actor="tester")
    world = consent_world(db)
    world.give([Modality.FACE_LIKENESS, Modality.VOICE])
    shutil.copytree(identity_folder, db.location.files_dir / "identity")
    db.close()
    return db_path, world


def export(capsys, db_path, artist_id, out, *extra):
    return run(capsys, "--db", db_path, "statement", "export", artist_id, "--out", out, *extra)


def verify_json(capsys, *argv, db=None):
    before = ("--db", db) if db is not None else ()
    code, out, err = run(capsys, *before, "statement", "verify", *argv, "--json")
    return code, json.loads(out), err


def test_identity_create_show_refuse_and_letterhead(db_path, capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(identity_module, "KDF_ROUNDS", 1000)
    monkeypatch.setenv("CONSENT_DESK_PASSPHRASE", PASSPHRASE)
    code, _, err = run(capsys, "--db", db_path, "identity", "show")
    assert code == 2 and "no signing identity" in err and err.count("\n") == 1
    code, out, _ = run(
        capsys,
        "--db",
        db_path,
        "identity",
        "create",
        "--agency-name",
        "Starlight Talent",
        "--agency-name-zh",
        "星光经纪",
    )
    assert code == 0 and "SHA-256 fingerprint:" in out
    code, out, _ = run(capsys, "--db", db_path, "identity", "show", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["self_signed"] is True and len(shown["fingerprint"]) == 64
    assert shown["letterhead"]["name_zh"] == "星光经纪"
    code, _, err = run(capsys, "--db", db_path, "identity", "create", "--agency-name", "Other")
    assert code == 2 and "--replace" in err
    monkeypatch.setenv("CONSENT_DESK_PASSPHRASE", "short")
    code, _, err = run(
        capsys, "--db", db_path, "identity", "create", "--agency-name", "X", "--replace"
    )
    assert code == 2 and "at least 8" in err
    code, out, _ = run(
        capsys, "--db", db_path, "identity", "letterhead", "--address", "12 Film Road"
    )
    assert code == 0 and "Address: 12 Film Road" in out and "Name: Starlight Talent" in out
    cert = tmp_path / "agency.pem"
    assert run(capsys, "--db", db_path, "identity", "export-cert", cert)[0] == 0
    assert cert.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")


def test_export_then_verify_json(desk, capsys, tmp_path):
    db_path, world = desk
    out = tmp_path / "lin.pdf"
    code, text, _ = export(
        capsys,
        db_path,
        world.artist.id,
        out,
        "--kind",
        "position",
        "--lang",
        "en,zh",
        "--listed-on",
        "Platform X",
    )
    assert code == 0 and "Issued statement CDS-" in text
    statement_id = re.search(r"CDS-\d{8}-[0-9A-F]{8}", text).group(0)
    code, result, _ = verify_json(capsys, out, db=db_path)
    assert code == 0
    assert result["valid"] and result["intact"] and result["in_register"]
    assert result["statement_id"] == statement_id
    assert result["artist"] == "林晓 (Lin Xiao)"
    assert result["superseded"] is False and result["superseded_by"] is None
    # This desk's own identity confirms the signer: exit 0, not 3.
    assert result["problems"] == [] and result["trusted"] is True
    assert result["confirmed_by"] == "this desk's identity" and result["verdict"] == "authentic"
    code, alone, _ = verify_json(capsys, "--no-register", out)
    assert code == 3 and alone["verdict"] == "signer_not_confirmed"
    fp = alone["fingerprint"]
    spaced = ":".join(fp[i : i + 2] for i in range(0, 64, 2)).upper()
    code, by_fp, _ = verify_json(capsys, "--no-register", out, "--fingerprint", spaced)
    assert code == 0 and by_fp["confirmed_by"] == "fingerprint"
    code, text_out, _ = run(capsys, "statement", "verify", "--no-register", out)
    assert code == 3 and text_out.startswith("SIGNER NOT CONFIRMED") and spaced in text_out
    wrong = "ab" * 32
    assert verify_json(capsys, "--no-register", out, "--fingerprint", wrong)[0] == 1
    code, _, err = run(capsys, "statement", "verify", out, "--fingerprint", "xyz")
    assert code == 2 and "not a SHA-256 fingerprint" in err
    code, listed, _ = run(capsys, "--db", db_path, "statement", "list", "--json")
    rows = json.loads(listed)
    assert code == 0 and [r["id"] for r in rows] == [statement_id]
    assert rows[0]["record_sha256"] == result["record_sha256"]


def test_every_tampering_exits_1(desk, capsys, tmp_path):
    db_path, world = desk
    good = tmp_path / "good.pdf"
    assert export(capsys, db_path, world.artist.id, good, "--lang", "en")[0] == 0
    pdf = good.read_bytes()
    rng = random.Random(7)
    bad = tmp_path / "bad.pdf"
    for offset in sorted(rng.sample(range(len(pdf)), 50)):
        tampered = bytearray(pdf)
        tampered[offset] ^= rng.randrange(1, 256)
        bad.write_bytes(bytes(tampered))
        code, result, _ = verify_json(capsys, "--no-register", bad)
        assert code == 1 and result["valid"] is False, offset
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=b"q Q")))
    buf = io.BytesIO()
    writer.write(buf)
    bad.write_bytes(buf.getvalue())
    assert verify_json(capsys, "--no-register", bad)[0] == 1
    unsigned = pdf[: pdf.index(b"%%EOF") + 5] + b"\n"  # the revision before the signature
    bad.write_bytes(unsigned)
    code, result, _ = verify_json(capsys, "--no-register", bad)
    assert code == 1 and any("no signature" in p for p in result["problems"])


def test_passphrase_identity_and_pkcs12_errors_exit_2(desk, capsys, tmp_path, monkeypatch):
    db_path, world = desk
    monkeypatch.setenv("CONSENT_DESK_PASSPHRASE", "not the passphrase")
    code, _, err = export(capsys, db_path, world.artist.id, tmp_path / "x.pdf")
    assert code == 2 and "passphrase does not unlock" in err and err.count("\n") == 1
    fresh = tmp_path / "fresh.sqlite3"
    code, _, err = export(capsys, fresh, 1, tmp_path / "x.pdf")
    assert code == 2 and "no signing identity" in err
    corrupt = tmp_path / "agency.p12"
    corrupt.write_bytes(b"\x30\x82\x01\x00 definitely not pkcs12")
    code, _, err = run(capsys, "--db", fresh, "identity", "import", corrupt)
    assert code == 2 and "not a readable PKCS#12" in err
    corrupt.write_bytes(ca_bundle(password=b"the real one"))
    monkeypatch.setenv("CONSENT_DESK_PASSPHRASE", "the wrong one")
    code, _, err = run(capsys, "--db", fresh, "identity", "import", corrupt)
    assert code == 2 and "does not open" in err
    code, _, err = run(capsys, "--db", fresh, "identity", "import", tmp_path / "none.p12")
    assert code == 2 and "Cannot read" in err
    assert not (tmp_path / "x.pdf").exists()


def test_imported_certificate_signs_and_trust_matches(db_path, capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(identity_module, "KDF_ROUNDS", 1000)
    monkeypatch.setenv("CONSENT_DESK_PASSPHRASE", PASSPHRASE)
    db = Database.open(str(db_path), actor="tester")
    artist_id = consent_world(db).artist.id
    db.close()
    p12 = tmp_path / "agency.p12"
    p12.write_bytes(ca_bundle(password=PASSPHRASE.encode()))
    code, out, _ = run(capsys, "--db", db_path, "identity", "import", p12)
    assert code == 0 and "Bought Agency Cert" in out
    out_pdf = tmp_path / "s.pdf"
    assert export(capsys, db_path, artist_id, out_pdf, "--kind", "non-authorisation")[0] == 0
    cert = tmp_path / "agency.pem"
    run(capsys, "--db", db_path, "identity", "export-cert", cert)
    code, result, _ = verify_json(capsys, "--no-register", out_pdf, "--trust", cert)
    assert code == 0 and result["trusted"] and result["self_signed"] is False
    code, _, err = run(capsys, "statement", "verify", out_pdf, "--trust", tmp_path / "nope.pem")
    assert code == 2 and "Cannot read the certificate" in err
    bogus = tmp_path / "bogus.pem"
    bogus.write_text("hello")
    assert run(capsys, "statement", "verify", out_pdf, "--trust", bogus)[0] == 2


def test_unreadable_file_exits_2_and_needs_no_database(capsys, tmp_path):
    code, out, err = run(capsys, "statement", "verify", tmp_path / "missing.pdf")
    assert code == 2 and "UNUSABLE" in out and "cannot be read" in err
    text = tmp_path / "notes.pdf"
    text.write_text("just some notes")
    assert verify_json(capsys, text)[0] == 2
    default = resolve(None).sqlite_path
    assert default is not None and not default.exists()  # verifying created no database


def test_list_out_of_date_after_revocation(desk, capsys, tmp_path):
    db_path, world = desk
    assert export(capsys, db_path, world.artist.id, tmp_path / "a.pdf")[0] == 0
    code, out, _ = run(capsys, "--db", db_path, "statement", "list", "--out-of-date", "--json")
    assert code == 0 and json.loads(out) == []
    db = Database.open(str(db_path), actor="tester")
    consents = ConsentService(db)
    record = consents.records_for_artist(world.artist.id)[0]
    consents.revoke(record.id, "changed her mind", utc_now(), record.row_version)
    db.close()
    code, out, _ = run(capsys, "--db", db_path, "statement", "list", "--out-of-date", "--json")
    stale = json.loads(out)
    assert code == 0 and len(stale) == 1
    assert stale[0]["changed_modalities"] == ["face_likeness", "voice"]
    code, out, _ = run(capsys, "--db", db_path, "statement", "list", "--out-of-date")
    assert "OUT OF DATE" in out and "1 out-of-date statement(s)" in out


def test_bad_arguments_exit_2(desk, capsys, tmp_path):
    db_path, world = desk
    code, _, err = export(capsys, db_path, world.artist.id, tmp_path / "a.pdf", "--kind", "memo")
    assert code == 2 and "Unknown statement kind" in err
    code, _, err = export(capsys, db_path, world.artist.id, tmp_path / "a.pdf", "--lang", "fr")
    assert code == 2 and "Unknown statement language" in err
    code, _, err = export(
        capsys, db_path, world.artist.id, tmp_path / "a.pdf", "--as-of", "yesterday"
    )
    assert code == 2 and "--as-of: 'yesterday' is not a date or time" in err
    code, _, err = export(capsys, db_path, world.artist.id, tmp_path / "a.txt")
    assert code == 2 and ".pdf" in err
    assert not Path(tmp_path / "a.pdf").exists()


def test_batch_export_to_a_folder(desk, capsys, tmp_path):
    db_path, world = desk
    folder = tmp_path / "press"
    folder.mkdir()
    code, out, _ = run(
        capsys,
        "--db",
        db_path,
        "statement",
        "batch",
        "--artists",
        f"{world.artist.id},4242",
        "--folder",
        folder,
        "--lang",
        "zh",
    )
    assert code == 1  # one artist could not be exported, and the output says which
    assert "Exported 1 statement(s)" in out and "artist 4242" in out
    (pdf,) = folder.glob("*.pdf")
    code, result, _ = verify_json(capsys, pdf, db=db_path)
    assert code == 0 and result["in_register"]


def test_export_as_of_a_past_date_is_a_historical_copy(desk, capsys, tmp_path):
    db_path, world = desk
    now = tmp_path / "now.pdf"
    assert export(capsys, db_path, world.artist.id, now)[0] == 0
    past = tmp_path / "april.pdf"
    code, text, _ = export(capsys, db_path, world.artist.id, past, "--as-of", "2026-01-03")
    assert code == 0 and "historical copy" in text and "supersedes nothing" in text
    code, listed, _ = run(capsys, "--db", db_path, "statement", "list", "--json")
    statuses = sorted(r["status"] for r in json.loads(listed))
    assert statuses == ["current", "historical"]
    code, out, _ = run(capsys, "--db", db_path, "statement", "verify", past)
    assert code == 0 and out.startswith("AUTHENTIC HISTORICAL COPY")
    assert "not the agency's current position" in out


def test_as_of_a_day_speaks_for_the_whole_day_in_desk_time() -> None:
    from cli.statement import parse_time
    from models.dates import desk_zone

    end = parse_time("2026-05-01")
    assert end.tzinfo is not None
    assert end.astimezone(desk_zone()).replace(tzinfo=None) == datetime(
        2026, 5, 1, 23, 59, 59, 999999
    )
    typed = parse_time("2026-05-01T09:30")
    assert typed.astimezone(desk_zone()).replace(tzinfo=None) == datetime(2026, 5, 1, 9, 30)
    assert parse_time("2026-05-01T09:30+08:00").utcoffset() == timedelta(hours=8)
