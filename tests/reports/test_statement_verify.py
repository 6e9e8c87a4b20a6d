"""Verification offline: a genuine statement is valid; any change, addition or removal is not."""

from __future__ import annotations

import io
import random
import re

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfReader, PdfWriter

from models.certificates import fingerprint_display
from models.statements.record import RECORD_FILE_NAME, canonical_bytes, record_sha256
from reports.statements.layout import render_statement
from reports.statements.signing import pyhanko_signer, sign_statement
from reports.verify import (
    EXIT_INVALID,
    EXIT_UNCONFIRMED,
    EXIT_UNREADABLE,
    EXIT_VALID,
    EXIT_WITHDRAWN,
    verify_statement,
)
from tests.reports.statement_data import (
    ca_issued_identity,
    issuer_for,
    quick_identity,
    record_for,
)


def issue(identity, **kw):
    record = record_for(identity, issuer=issuer_for(identity), **kw)
    return record, sign_statement(render_statement(record), record, pyhanko_signer(identity))


@pytest.fixture(scope="module")
def statement(unlocked):
    return issue(unlocked)


def test_round_trip_is_valid_and_carries_its_record(statement, unlocked):
    record, pdf = statement
    result = verify_statement(pdf)
    # Intact but nothing confirms the signer: exit 3, the fingerprint to compare first.
    assert result.valid and result.intact and result.exit_code == EXIT_UNCONFIRMED
    assert result.headline().startswith("SIGNER NOT CONFIRMED")
    assert fingerprint_display(unlocked.identity.fingerprint) in result.headline()
    assert result.problems == ()
    assert result.page_text_bound is True
    confirmed = verify_statement(pdf, fingerprints=(unlocked.identity.fingerprint,))
    assert confirmed.exit_code == EXIT_VALID and confirmed.confirmed_by == "fingerprint"
    own = verify_statement(pdf, own_fingerprint=unlocked.identity.fingerprint)
    assert own.exit_code == EXIT_VALID and own.confirmed_by == "this desk's identity"
    assert result.statement_id == record["statement_id"]
    assert result.artist == "林晓 (Lin Xiao)"
    assert result.as_of == record["as_of"]
    assert result.fingerprint == unlocked.identity.fingerprint
    assert result.signer == unlocked.identity.subject
    assert result.self_signed is True and result.trusted is False
    assert any("self-signed" in n for n in result.notes)
    assert result.record_sha256 == record_sha256(record)
    assert result.record == record
    assert result.in_register is None and result.signed_at is not None
    json_out = result.to_json()
    for key in (
        "valid",
        "intact",
        "signer",
        "fingerprint",
        "signed_at",
        "statement_id",
        "artist",
        "as_of",
        "in_register",
        "superseded",
        "superseded_by",
        "problems",
    ):
        assert key in json_out


def test_attachment_metadata_and_certification(statement):
    record, pdf = statement
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.attachments[RECORD_FILE_NAME] == [canonical_bytes(record)]
    meta = reader.metadata
    assert meta.title.startswith("Statement on AI use of likeness and voice — 林晓 (Lin Xiao)")
    assert record["statement_id"] in meta.subject
    assert "Consent Desk" in (meta.creator or "")
    assert meta.producer
    xmp = reader.xmp_metadata
    assert xmp is not None and any("Statement on AI use" in t for t in xmp.dc_title.values())
    docmdp = reader.trailer["/Root"]["/Perms"]["/DocMDP"].get_object()
    params = docmdp["/Reference"][0].get_object()["/TransformParams"]
    assert params["/P"] == 1
    assert docmdp["/SubFilter"] == "/ETSI.CAdES.detached"


def _byte_range(pdf: bytes) -> tuple[int, int, int, int]:
    found = re.findall(rb"/ByteRange \[\s*(\d+) (\d+) (\d+) (\d+)\s*\]", pdf)
    a, b, c, d = (int(x) for x in found[-1])
    return a, b, c, d


def test_fifty_flipped_bytes_are_all_invalid(statement):
    _, pdf = statement
    _, first_len, sig_end, _ = _byte_range(pdf)
    xref_start = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    rng = random.Random(20261125)
    offsets = (
        [rng.randrange(0, first_len) for _ in range(17)]  # content and signature dictionary
        + [rng.randrange(first_len, sig_end) for _ in range(17)]  # the signature itself
        + [rng.randrange(xref_start, len(pdf)) for _ in range(16)]  # xref and trailer
    )
    for offset in offsets:
        tampered = bytearray(pdf)
        tampered[offset] ^= rng.randrange(1, 256)
        result = verify_statement(bytes(tampered))
        assert not result.valid, f"flip at {offset} went unnoticed"
        assert result.exit_code == EXIT_INVALID, (offset, result.problems)
        assert result.problems


def test_padding_digit_turned_into_whitespace_is_noticed(statement):
    _, pdf = statement
    _, _, sig_end, _ = _byte_range(pdf)
    tampered = bytearray(pdf)
    tampered[sig_end - 3] = ord(" ")  # inside the zero padding of /Contents
    assert verify_statement(bytes(tampered)).exit_code == EXIT_INVALID


def test_incremental_update_changing_a_page_is_invalid(statement):
    _, pdf = statement
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    stream = generic.StreamObject(stream_data=b"0 0 1 rg 100 700 300 60 re f")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = io.BytesIO()
    writer.write(out)
    result = verify_statement(out.getvalue())
    assert result.exit_code == EXIT_INVALID
    assert any("added to the file after it was signed" in p for p in result.problems)
    assert result.statement_id  # still says which statement it claims to be


def test_appended_bytes_are_invalid(statement):
    _, pdf = statement
    result = verify_statement(pdf + b"\n% a harmless looking comment\n")
    assert result.exit_code == EXIT_INVALID


def test_stripped_signature_is_invalid(statement):
    record, pdf = statement
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    del writer._root_object["/AcroForm"]
    del writer._root_object["/Perms"]
    for page in writer.pages:
        if "/Annots" in page:
            del page["/Annots"]
    out = io.BytesIO()
    writer.write(out)
    result = verify_statement(out.getvalue())
    assert result.exit_code == EXIT_INVALID
    assert any("no signature" in p for p in result.problems)
    assert result.statement_id == record["statement_id"]
    _, first_len, sig_end, _ = _byte_range(pdf)
    zeroed = pdf[: first_len + 1] + b"0" * (sig_end - first_len - 2) + pdf[sig_end - 1 :]
    assert verify_statement(zeroed).exit_code == EXIT_INVALID


def test_truncated_file_is_invalid_not_an_exception(statement):
    _, pdf = statement
    for cut in (len(pdf) // 2, len(pdf) - 40, 2000):
        assert verify_statement(pdf[:cut]).exit_code == EXIT_INVALID


def test_unreadable_inputs(tmp_path):
    assert verify_statement(tmp_path / "missing.pdf").exit_code == EXIT_UNREADABLE
    assert verify_statement(tmp_path).exit_code == EXIT_UNREADABLE  # a folder
    assert verify_statement(b"").exit_code == EXIT_UNREADABLE
    assert verify_statement(b"\x89PNG\r\n\x1a\n" + bytes(500)).exit_code == EXIT_UNREADABLE


def test_trust_only_for_the_certificate_given(statement, unlocked):
    _, pdf = statement
    trusted = verify_statement(pdf, trust=unlocked.certificate)
    assert trusted.valid and trusted.trusted
    assert not any("self-signed" in n for n in trusted.notes)
    stranger = quick_identity("Somebody Else")
    other = verify_statement(pdf, trust=stranger.certificate)
    assert not other.valid and not other.trusted
    assert any("not signed with the certificate you trust" in p for p in other.problems)


def test_certificate_authority_chain_is_trusted_through_its_root():
    agency, root = ca_issued_identity()
    _, pdf = issue(agency)
    plain = verify_statement(pdf)
    assert plain.valid and not plain.trusted and plain.self_signed is False
    assert any("not checked against one you trust" in n for n in plain.notes)
    via_root = verify_statement(pdf, trust=root)
    assert via_root.valid and via_root.trusted and via_root.notes == ()


def test_a_forger_signing_our_record_is_caught(statement):
    record, _ = statement
    forger = quick_identity("Starlight Talent & Co.")
    pdf = sign_statement(render_statement(record), record, pyhanko_signer(forger))
    result = verify_statement(pdf)
    assert not result.valid
    assert any("different signing certificate" in p for p in result.problems)


def test_register_folder_tells_superseded_and_ignores_forgeries(unlocked, tmp_path):
    first_record, first = issue(unlocked)
    later_record = record_for(unlocked)
    later_record["supersedes"] = first_record["statement_id"]
    later = sign_statement(render_statement(later_record), later_record, pyhanko_signer(unlocked))
    forger = quick_identity("Forger")
    fake_record = record_for(forger, issuer=issuer_for(forger))
    fake_record["supersedes"] = first_record["statement_id"]
    fake = sign_statement(render_statement(fake_record), fake_record, pyhanko_signer(forger))
    folder = tmp_path / "published"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(first)
    (folder / "fake.pdf").write_bytes(fake)
    (folder / "junk.pdf").write_bytes(b"%PDF-1.7 not really")
    # Anyone can make a folder: it is only asked once the signer is confirmed.
    unconfirmed = verify_statement(first, register_folder=folder)
    assert unconfirmed.in_register is None and unconfirmed.exit_code == EXIT_UNCONFIRMED
    assert any("was not consulted" in n for n in unconfirmed.notes)
    ours = (unlocked.identity.fingerprint,)
    alone = verify_statement(first, register_folder=folder, fingerprints=ours)
    assert alone.valid and alone.in_register and not alone.superseded
    assert alone.exit_code == EXIT_VALID
    (folder / "b.pdf").write_bytes(later)
    result = verify_statement(first, register_folder=folder, fingerprints=ours)
    assert result.exit_code == EXIT_WITHDRAWN and result.verdict == "superseded"
    assert result.valid and result.in_register
    assert result.superseded and result.superseded_by == later_record["statement_id"]
    in_sub = verify_statement(later, register_folder=tmp_path, fingerprints=ours)
    assert in_sub.in_register is True  # subfolders
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = verify_statement(later, register_folder=empty, fingerprints=ours)
    assert missing.valid and missing.in_register is False
    assert any("not among the statements" in n for n in missing.notes)


def test_any_changed_digit_of_the_signature_is_noticed(statement):
    """Every part of the CMS signature matters, the embedded certificate included: a changed
    hex digit anywhere before the zero padding makes the statement invalid."""
    _, pdf = statement
    _, first_len, sig_end, _ = _byte_range(pdf)
    contents = pdf[first_len + 1 : sig_end - 1]  # inside <...>
    used = len(contents.rstrip(b"0"))
    escaped = []
    for i in range(1, used, 7):
        tampered = bytearray(pdf)
        old = chr(tampered[first_len + 1 + i])
        tampered[first_len + 1 + i] = ord("1" if old.lower() != "1" else "2")
        if verify_statement(bytes(tampered)).valid:
            escaped.append(i)
    assert escaped == [], f"{len(escaped)} changed digits went unnoticed, e.g. at {escaped[:5]}"


def _signed_by(identity) -> bytes:
    """A plain one-page PDF genuinely signed by `identity` with pyHanko: no statement."""
    from pyhanko.sign import signers

    blank = PdfWriter()
    blank.add_blank_page(200, 200)
    plain = io.BytesIO()
    blank.write(plain)
    out = signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(plain.getvalue())),
        signers.PdfSignatureMetadata(field_name="Signature"),
        signer=pyhanko_signer(identity),
    )
    return out.getvalue()


def test_a_pdf_genuinely_signed_by_someone_else_is_said_to_be_no_statement_of_the_agency():
    from models.messages import in_language

    other = quick_identity("Northwind Pictures Ltd")
    pdf = _signed_by(other)
    result = verify_statement(pdf, seen_file=None)
    assert result.exit_code == EXIT_INVALID and result.verdict == "not_authentic"
    first = result.problems[0]
    assert first.startswith("Not one of the agency's statements: this PDF is signed by someone")
    assert "(Northwind Pictures Ltd)" in first
    assert in_language(first, "zh").startswith("这不是经纪公司出具的声明：此 PDF 由他人（Northwind")
    assert not any("not as they were signed" in p or "certification" in p for p in result.problems)
    assert result.signer == "Northwind Pictures Ltd"
    assert result.fingerprint == other.identity.fingerprint
    # Refused all the same when the reader gives the agency's fingerprint.
    agency = quick_identity("Starlight Talent")
    given = verify_statement(pdf, fingerprints=(agency.identity.fingerprint,), seen_file=None)
    assert given.exit_code == EXIT_INVALID and given.problems[0] == first


def test_only_a_whole_genuine_signature_without_a_record_is_called_someone_elses():
    other = quick_identity("Northwind Pictures Ltd")
    pdf = _signed_by(other)
    # Changed after signing: that is what the reader is told, not whose signature it is.
    changed = verify_statement(pdf + b"\n% added later\n", seen_file=None)
    assert changed.exit_code == EXIT_INVALID
    assert not any(p.startswith("Not one of the agency's") for p in changed.problems)
    assert any("added to the file after it was signed" in p for p in changed.problems)
    # Signed by the very key the reader confirms: not "someone else".
    confirmed = verify_statement(pdf, fingerprints=(other.identity.fingerprint,), seen_file=None)
    assert confirmed.exit_code == EXIT_INVALID
    assert not any(p.startswith("Not one of the agency's") for p in confirmed.problems)
    # Nor one whose signature does not check: the signed page was changed.
    edited = verify_statement(pdf.replace(b" 200 200 ]", b" 200 201 ]", 1), seen_file=None)
    assert edited.exit_code == EXIT_INVALID
    assert not any(p.startswith("Not one of the agency's") for p in edited.problems)
    assert any("changed after signing" in p or "digest" in p for p in edited.problems)


def test_an_ed25519_identity_signs_statements_that_verify():
    """Ed25519's signature mechanism fixes SHA-512: an imported Ed25519 identity still issues
    statements, and they verify as authentic when its certificate is trusted."""
    from cryptography.hazmat.primitives.asymmetric import ed25519

    agency = quick_identity("Ed Talent", key=ed25519.Ed25519PrivateKey.generate())
    _, pdf = issue(agency)
    result = verify_statement(pdf, trust=agency.certificate)
    assert result.valid and result.trusted, result.problems
    assert result.exit_code == EXIT_VALID
