"""Verification is bounded: a crafted CMS is refused before it is expanded, and verifying
imports no signing, layout or network code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from models.certificates import parse_fingerprint
from models.der import MAX_DER_BYTES, DerError, check_strict, children, read_tlv
from reports.statements.layout import render_statement
from reports.statements.signing import pyhanko_signer, sign_statement
from reports.verification.cms_check import check_cms, signature_der
from reports.verification.structure import byte_range_problems, oversized_signature_value
from reports.verify import EXIT_INVALID, verify_statement
from tests.reports.statement_data import issuer_for, record_for
from tests.security.attacks import byte_range
from tests.security.cms_equivalence import tlv as _tlv

ROOT = Path(__file__).resolve().parents[2]


def _signed_cms(unlocked) -> tuple[bytes, bytes]:
    record = record_for(unlocked, issuer=issuer_for(unlocked))
    pdf = sign_statement(render_statement(record), record, pyhanko_signer(unlocked))
    _, len1, start2, len2 = byte_range(pdf)
    der, _ = signature_der(bytes.fromhex(pdf[len1 + 1 : start2 - 1].decode()))
    return der, pdf[:len1] + pdf[start2 : start2 + len2]


def _with_unsigned_token(der: bytes, token: bytes) -> bytes:
    """Our own signature, its SignerInfo given an unsigned signature-time-stamp-token
    attribute holding `token` (built on the raw bytes, lengths fixed on the way up)."""
    oid = b"\x06\x0b\x2a\x86\x48\x86\xf7\x0d\x01\x09\x10\x02\x0e"
    unsigned = _tlv(0xA1, _tlv(0x30, oid + _tlv(0x31, token)))
    info = read_tlv(der, 0, len(der))
    (oid_ci, explicit) = children(der, info)
    signed = children(der, explicit)[0]
    parts = children(der, signed)
    signer_set = parts[-1]
    signer = children(der, signer_set)[0]
    new_signer = _tlv(0x30, der[signer.value_start : signer.end] + unsigned)
    new_set = _tlv(0x31, new_signer)
    body = b"".join(der[p.start : p.end] for p in parts[:-1]) + new_set
    return _tlv(0x30, der[oid_ci.start : oid_ci.end] + _tlv(0xA0, _tlv(0x30, body)))


def _nested_token(der: bytes, depth: int) -> bytes:
    """The signature with a timestamp token in its unsigned attributes, itself holding one…"""
    token = der
    for _ in range(depth):
        token = _with_unsigned_token(der, token)
    return token


def test_nested_timestamp_tokens_are_refused(unlocked):
    der, signed = _signed_cms(unlocked)
    crafted = _nested_token(der, 12)
    outcome = check_cms(crafted, signed, exact_certificates=True)
    assert not outcome.valid
    assert any("unsigned additions" in p or "nested too deeply" in p for p in outcome.problems)
    genuine = check_cms(der, signed, exact_certificates=True)
    assert genuine.problems == [] and genuine.valid and genuine.intact


def test_the_der_reader_refuses_what_is_not_strict():
    deep = b""
    inner = b"\x05\x00"
    for _ in range(40):
        inner = b"\x30" + bytes([len(inner)]) + inner if len(inner) < 128 else inner
        deep = inner
    for bad in (
        b"\x30\x80\x05\x00\x00\x00",  # indefinite length
        b"\x30\x81\x02\x05\x00",  # length not minimal
        b"\x30\x02\x05\x00\x00",  # trailing byte
        b"\x02\x02\x00\x01",  # integer not minimal
        b"\x01\x01\x01",  # boolean not 0xFF
        deep,  # nested too deeply
    ):
        try:
            check_strict(bad)
        except DerError:
            continue
        raise AssertionError(f"accepted {bad!r}")
    assert check_strict(b"\x30\x03\x02\x01\x05").end == 5


def test_verify_imports_no_signing_layout_or_network_code():
    code = (
        "import sys, reports.verify\n"
        "bad = [m for m in ('reportlab', 'aiohttp', 'pyhanko.sign.signers', 'pyhanko.sign',"
        " 'sqlalchemy') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_the_der_reader_answers_any_bytes_with_der_error_or_a_tree(data):
    try:
        top = check_strict(data)
    except DerError:
        return
    assert top.end == len(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.binary(max_size=300))
def test_check_cms_never_raises(contents, signed):
    outcome = check_cms(contents, signed, exact_certificates=True)
    assert outcome.problems and not outcome.valid


@given(st.text(alphabet="0123456789abcdefABCDEF: ", max_size=120))
def test_fingerprints_are_read_as_people_copy_them(text):
    value = parse_fingerprint(text)
    digits = "".join(c for c in text if c not in ": ").lower()
    assert value == (digits if len(digits) == 64 else None)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=-5, max_value=5000), min_size=0, max_size=6),
    st.binary(max_size=64),
)
def test_byte_range_checks_never_raise(ranges, contents):
    data = b"%PDF-1.7\n" + b"x" * 3000 + b"%%EOF\n"
    assert byte_range_problems(data, ranges, contents)


def test_a_statement_carrying_a_nested_timestamp_cms_is_not_authentic(unlocked):
    record = record_for(unlocked, issuer=issuer_for(unlocked))
    pdf = sign_statement(render_statement(record), record, pyhanko_signer(unlocked))
    _, len1, start2, _ = byte_range(pdf)
    der, _ = signature_der(bytes.fromhex(pdf[len1 + 1 : start2 - 1].decode()))
    # A small token so it fits the reserved space: refused for what it is, unparsed.
    small = _tlv(
        0x30, b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02" + _tlv(0xA0, _tlv(0x30, b""))
    )
    crafted = _with_unsigned_token(der, small)
    width = start2 - len1 - 2
    hex_crafted = crafted.hex().upper().encode()
    assert len(hex_crafted) <= width
    attacked = pdf[: len1 + 1] + hex_crafted.ljust(width, b"0") + pdf[start2 - 1 :]
    result = verify_statement(attacked, fingerprints=(unlocked.identity.fingerprint,))
    assert result.exit_code == EXIT_INVALID and not result.intact
    assert any("unsigned additions" in p for p in result.problems)


def test_an_oversized_signature_value_is_refused_before_any_pdf_library_reads_it(unlocked):
    """A 2 MB hex /Contents (EU DSS's enveloping-CMS sample) took pyHanko's hex reader 1.6 s."""
    record = record_for(unlocked, issuer=issuer_for(unlocked))
    pdf = sign_statement(render_statement(record), record, pyhanko_signer(unlocked))
    assert not oversized_signature_value(pdf)
    huge = b"%PDF-1.7\n1 0 obj << /Contents <" + b"0A" * (MAX_DER_BYTES + 1) + b"> >>\n%%EOF\n"
    assert oversized_signature_value(huge)
    assert not oversized_signature_value(huge.replace(b"<0A0A", b"<0A>0A", 1))
    result = verify_statement(huge)
    assert result.exit_code == EXIT_INVALID
    assert "far larger than any statement's signature" in result.problems[0]
