"""Certificate names and fingerprints: cryptography only (no database, no signing code), so
verification and the signing identity share them without loading either."""

from __future__ import annotations

import re

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

# Where a database's signing identity keeps its certificate (models/identity.py), below the
# database's files folder; verification reads it from here without loading the identity.
IDENTITY_FOLDER = "identity"
CERT_FILE = "certificate.pem"


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
