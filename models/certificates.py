"""Certificate names and fingerprints: cryptography only (no database, no signing code), so
verification and the signing identity share them without loading either."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes

if TYPE_CHECKING:
    from cryptography import x509

# `cryptography.x509` (names, extensions, verification: ~25 ms) loads only where a name is
# read; fingerprints and `load_pem_certificates` need only the compiled core, so checking a
# checkpoint's seal in `audit verify` stays cheap.

# Where a database's signing identity keeps its certificate (models/identity.py), below the
# database's files folder; verification reads it from here without loading the identity.
IDENTITY_FOLDER = "identity"
CERT_FILE = "certificate.pem"


def first_pem_der(pem: bytes) -> bytes | None:
    """The DER bytes of the first certificate in PEM text (not parsed), or None."""
    import base64

    m = re.search(rb"-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", pem, re.S)
    if m is None:
        return None
    try:
        return base64.b64decode(b"".join(m.group(1).split()), validate=True)
    except ValueError:
        return None


def public_key_info(der: bytes) -> bytes:
    """A DER certificate's SubjectPublicKeyInfo element (raises ValueError).

    Certificate = SEQUENCE { tbsCertificate = SEQUENCE { [0] version OPTIONAL, serial,
    signature algorithm, issuer, validity, subject, subjectPublicKeyInfo, ... }, ... }"""
    from models.der import children, read_tlv

    cert = read_tlv(der, 0, len(der))
    parts = children(der, cert)
    if not parts or parts[0].tag != 0x30:
        raise ValueError("not a certificate")
    fields = children(der, parts[0])
    if fields and fields[0].tag == 0xA0:
        fields = fields[1:]
    if len(fields) < 6 or fields[5].tag != 0x30:
        raise ValueError("not a certificate")
    return der[fields[5].start : fields[5].end]


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the DER certificate, lowercase hex (the machine form)."""
    return cert.fingerprint(hashes.SHA256()).hex()


def fingerprint_display(hex_digest: str) -> str:
    """The form people compare by eye: `AB:CD:…`."""
    h = hex_digest.upper()
    return ":".join(h[i : i + 2] for i in range(0, len(h), 2))


def parse_fingerprint(text: str) -> str | None:
    """A SHA-256 fingerprint as people copy it (`AB:CD…`, spaces, any case) → lowercase hex."""
    cleaned = re.sub(r"[\s:\-]", "", text).lower()
    if re.fullmatch(r"[0-9a-f]{64}", cleaned):
        return cleaned
    return None


def subject_name(cert: x509.Certificate) -> str:
    """The signer's name as shown: common name, else organisation, else the full subject."""
    from cryptography.x509.oid import NameOID

    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        attrs = cert.subject.get_attributes_for_oid(oid)
        if attrs:
            value = attrs[0].value
            return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return cert.subject.rfc4514_string()


def issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def is_self_signed(cert: x509.Certificate) -> bool:
    return cert.issuer == cert.subject and issued_by(cert, cert)


__all__ = [
    "fingerprint",
    "fingerprint_display",
    "is_self_signed",
    "issued_by",
    "parse_fingerprint",
    "subject_name",
]
