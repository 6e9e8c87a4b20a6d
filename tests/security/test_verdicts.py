"""Verdicts nobody can misread: foreign signers, attackers' registers, withdrawn statements,
rolled-back registers, and pages that say something else than the record."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream

import reports.statements.signing as signing
from models.statements.register import StatementRegister
from reports.public_register import (
    CERTIFICATE_FILE,
    REGISTER_FILE,
    SIGNATURE_FILE,
    build_register,
    export_public_register,
    sign_detached,
)
from reports.statements.layout import render_statement
from reports.statements.service import StatementRequest, StatementService
from reports.statements.signing import pyhanko_signer, sign_statement
from reports.verification.pdf_parts import page_content_digest
from reports.verify import (
    EXIT_INVALID,
    EXIT_UNCONFIRMED,
    EXIT_VALID,
    EXIT_WITHDRAWN,
    verify_statement,
)
from tests.reports.statement_data import (
    SHANGHAI,
    consent_world,
    issuer_for,
    quick_identity,
    record_for,
)

AGENCY_NAME = "Starlight Talent & Co."


def _sign(identity, record, rendered=None):
    return sign_statement(rendered or render_statement(record), record, pyhanko_signer(identity))


def _publish(folder, data: dict, identity) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    raw = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    (folder / REGISTER_FILE).write_bytes(raw)
    (folder / SIGNATURE_FILE).write_bytes(sign_detached(raw, identity))
    (folder / CERTIFICATE_FILE).write_bytes(
        identity.certificate.public_bytes(serialization.Encoding.PEM)
    )


def test_a_foreign_signer_with_the_same_name_and_its_own_register(unlocked, tmp_path):
    forger = quick_identity(AGENCY_NAME)
    record = record_for(forger, issuer=issuer_for(forger, AGENCY_NAME))
    pdf = _sign(forger, record)
    folder = tmp_path / "forged-register"
    entry = {
        "id": record["statement_id"],
        "status": "current",
        "file_sha256": __import__("hashlib").sha256(pdf).hexdigest(),
    }
    _publish(
        folder,
        {
            "register_type": "consent-desk.public-register",
            "agency": {"certificate_fingerprint_sha256": forger.identity.fingerprint},
            "generated_at": "2026-05-01T00:00:00+08:00",
            "statements": [entry],
        },
        forger,
    )
    alone = verify_statement(pdf, register_folder=folder)
    assert alone.exit_code == EXIT_UNCONFIRMED and alone.in_register is None
    assert alone.headline().startswith("SIGNER NOT CONFIRMED")
    agency = (unlocked.identity.fingerprint,)
    checked = verify_statement(pdf, register_folder=folder, fingerprints=agency)
    assert checked.exit_code == EXIT_INVALID and checked.in_register is None
    mine = verify_statement(pdf, register_folder=folder, own_fingerprint=agency[0])
    assert mine.exit_code == EXIT_UNCONFIRMED and mine.in_register is None


def test_a_page_that_says_something_else_than_the_record_is_not_authentic(unlocked, monkeypatch):
    record = record_for(unlocked, issuer=issuer_for(unlocked))
    rendered = render_statement(record)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(rendered.pdf)))
    page = writer.pages[0]
    content = ContentStream(page.get_contents(), writer)
    content.set_data(content.get_data() + b"\nq 1 1 1 rg 40 300 500 300 re f Q\n")
    page.replace_contents(content)
    out = io.BytesIO()
    writer.write(out)
    honest = page_content_digest(PdfFileReader(io.BytesIO(rendered.pdf)), rendered.record_sha256)
    # The signing tool is made to bind the record's own rendering, but the pages differ.
    monkeypatch.setattr(signing, "page_content_digest", lambda reader, h: honest)
    pdf = sign_statement(replace(rendered, pdf=out.getvalue()), record, pyhanko_signer(unlocked))
    result = verify_statement(pdf, fingerprints=(unlocked.identity.fingerprint,))
    assert result.exit_code == EXIT_INVALID and result.page_text_bound is False
    assert any("page content digest" in p for p in result.problems)


def test_a_statement_signed_before_page_digests_still_verifies(unlocked, monkeypatch):
    monkeypatch.setattr(signing, "PAGE_DIGEST_KEY", "unused-before")
    record = record_for(unlocked, issuer=issuer_for(unlocked))
    pdf = _sign(unlocked, record)
    result = verify_statement(pdf, fingerprints=(unlocked.identity.fingerprint,))
    assert result.exit_code == EXIT_VALID and result.page_text_bound is None
    assert any("Older statement" in n for n in result.notes)


@pytest.fixture
def issued(signing_db, unlocked, tmp_path):
    world = consent_world(signing_db)
    service = StatementService(signing_db, unlocked, zone=SHANGHAI)
    return world, service.export(StatementRequest(world.artist.id), tmp_path / "s.pdf")


def test_a_withdrawn_statement_exits_4(issued, signing_db, unlocked, tmp_path):
    _, exported = issued
    assert verify_statement(exported.path, db=signing_db).exit_code == EXIT_VALID
    StatementRegister(signing_db).withdraw(exported.statement.id, "issued in error")
    result = verify_statement(exported.path, db=signing_db)
    assert result.exit_code == EXIT_WITHDRAWN and result.withdrawn
    assert result.headline().startswith("WITHDRAWN")
    folder = tmp_path / "public"
    export_public_register(signing_db, unlocked, folder)
    ours = (unlocked.identity.fingerprint,)
    public = verify_statement(exported.path, register_folder=folder, fingerprints=ours)
    assert public.exit_code == EXIT_WITHDRAWN and public.in_register


def test_an_older_register_is_said_to_be_older(issued, signing_db, unlocked, tmp_path):
    _, exported = issued
    seen = tmp_path / "seen.json"
    ours = (unlocked.identity.fingerprint,)
    content = build_register(signing_db, unlocked)
    newer, older = tmp_path / "newer", tmp_path / "older"
    _publish(newer, {**content, "sequence": 5}, unlocked)
    _publish(older, {**content, "sequence": 3}, unlocked)
    first = verify_statement(
        exported.path, register_folder=newer, fingerprints=ours, seen_file=seen
    )
    assert first.exit_code == EXIT_VALID and first.register_sequence == 5
    assert first.register_older_than is None
    rolled = verify_statement(
        exported.path, register_folder=older, fingerprints=ours, seen_file=seen
    )
    assert rolled.register_older_than == 5 and rolled.register_sequence == 3
    assert any("older than one already seen (sequence 3 < 5)" in n for n in rolled.notes)
    assert rolled.status == "current in an older register"
    assert not rolled.headline().endswith("current in the register.")
    # The highest sequence stays remembered; an older register never lowers it.
    assert json.loads(seen.read_text()) == {unlocked.identity.fingerprint: 5}


def test_the_highest_sequence_is_kept_in_the_desk_data_folder(
    issued, signing_db, unlocked, tmp_path
):
    import os

    _, exported = issued
    content = build_register(signing_db, unlocked)
    folder = tmp_path / "reg"
    _publish(folder, {**content, "sequence": 9}, unlocked)
    verify_statement(
        exported.path, register_folder=folder, fingerprints=(unlocked.identity.fingerprint,)
    )
    home = os.environ["CONSENT_DESK_HOME"]
    stored = json.loads((__import__("pathlib").Path(home) / "registers-seen.json").read_text())
    assert stored[unlocked.identity.fingerprint] == 9


def test_incremental_update_on_a_genuine_statement_is_refused_even_by_its_own_desk(
    issued, signing_db
):
    _, exported = issued
    writer = IncrementalPdfFileWriter(io.BytesIO(exported.path.read_bytes()))
    writer.root["/Lang"] = writer.root.get("/Lang")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    assert verify_statement(out.getvalue(), db=signing_db).exit_code == EXIT_INVALID
