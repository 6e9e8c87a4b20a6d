"""Certificate names and fingerprints, read with the strict DER reader (`models.der`).

Verification, the audit seals and the signing identity share these without loading the
database, the signing code or `cryptography.x509` (names, extensions and path validation:
~25 ms at start-up, the largest part of `statement verify` once pyHanko's reader is counted):
a `Certificate` keeps the DER as written and the few fields read from it — serial number,
issuer and subject names (as encoded), validity, the public key info, whether it may issue
certificates, and its signature — and the key is loaded by cryptography's compiled core.
A certificate from `cryptography.x509` (the signing identity's) is accepted everywhere a
`Certificate` is, and read from its DER.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from models.certificate_names import name_parts, shown_name
from models.der import (
    BIT_STRING,
    BOOLEAN,
    INTEGER,
    OCTET_STRING,
    SEQUENCE,
    DerError,
    Tlv,
    check_strict,
    children,
    oid_text,
    read_tlv,
)

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes

# Where a database's signing identity keeps its certificate (models/identity.py), below the
# database's files folder; verification reads it from here without loading the identity.
IDENTITY_FOLDER = "identity"
CERT_FILE = "certificate.pem"

_PEM = re.compile(rb"-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", re.S)
_BASIC_CONSTRAINTS = "2.5.29.19"
_MGF1 = "1.2.840.113549.1.1.8"
_HASH_ALGORITHMS = {
    "1.3.14.3.2.26": "sha1",
    "2.16.840.1.101.3.4.2.4": "sha224",
    "2.16.840.1.101.3.4.2.1": "sha256",
    "2.16.840.1.101.3.4.2.2": "sha384",
    "2.16.840.1.101.3.4.2.3": "sha512",
    "2.16.840.1.101.3.4.2.7": "sha3_224",
    "2.16.840.1.101.3.4.2.8": "sha3_256",
    "2.16.840.1.101.3.4.2.9": "sha3_384",
    "2.16.840.1.101.3.4.2.10": "sha3_512",
}
# The certificate signature algorithms cryptography's `verify_directly_issued_by` accepts
# (none with SHA-1).
_SIGNATURE_ALGORITHMS = {
    "1.2.840.113549.1.1.14": ("rsa", "sha224"),
    "1.2.840.113549.1.1.11": ("rsa", "sha256"),
    "1.2.840.113549.1.1.12": ("rsa", "sha384"),
    "1.2.840.113549.1.1.13": ("rsa", "sha512"),
    "2.16.840.1.101.3.4.3.13": ("rsa", "sha3_224"),
    "2.16.840.1.101.3.4.3.14": ("rsa", "sha3_256"),
    "2.16.840.1.101.3.4.3.15": ("rsa", "sha3_384"),
    "2.16.840.1.101.3.4.3.16": ("rsa", "sha3_512"),
    "1.2.840.113549.1.1.10": ("pss", ""),
    "1.2.840.10045.4.3.1": ("ecdsa", "sha224"),
    "1.2.840.10045.4.3.2": ("ecdsa", "sha256"),
    "1.2.840.10045.4.3.3": ("ecdsa", "sha384"),
    "1.2.840.10045.4.3.4": ("ecdsa", "sha512"),
    "2.16.840.1.101.3.4.3.9": ("ecdsa", "sha3_224"),
    "2.16.840.1.101.3.4.3.10": ("ecdsa", "sha3_256"),
    "2.16.840.1.101.3.4.3.11": ("ecdsa", "sha3_384"),
    "2.16.840.1.101.3.4.3.12": ("ecdsa", "sha3_512"),
    "2.16.840.1.101.3.4.3.1": ("dsa", "sha224"),
    "2.16.840.1.101.3.4.3.2": ("dsa", "sha256"),
    "1.3.101.112": ("ed25519", ""),
    "1.3.101.113": ("ed448", ""),
}


@dataclass(frozen=True)
class Certificate:
    """One X.509 certificate: its DER as written and what verification reads from it.

    Two are equal when their DER is: the other fields are read from it."""

    der: bytes
    tbs: bytes = field(compare=False, repr=False)  # the signed part, as encoded
    serial_number: int = field(compare=False)
    issuer: bytes = field(compare=False, repr=False)  # the Name, DER as encoded
    subject: bytes = field(compare=False, repr=False)
    not_valid_before_utc: datetime = field(compare=False)
    not_valid_after_utc: datetime = field(compare=False)
    public_key_info: bytes = field(compare=False, repr=False)  # SubjectPublicKeyInfo DER
    signature_algorithm: bytes = field(compare=False, repr=False)  # AlgorithmIdentifier DER
    signature: bytes = field(compare=False, repr=False)
    is_ca: bool = field(compare=False, default=False)  # basic constraints say cA

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the DER certificate, lowercase hex (the machine form)."""
        return hashlib.sha256(self.der).hexdigest()

    def public_key(self) -> PublicKeyTypes:
        return load_public_key(self.public_key_info)


def first_pem_der(pem: bytes) -> bytes | None:
    """The DER bytes of the first certificate in PEM text (not parsed), or None."""
    import base64

    m = _PEM.search(pem)
    if m is None:
        return None
    try:
        return base64.b64decode(b"".join(m.group(1).split()), validate=True)
    except ValueError:
        return None


def _tbs_fields(der: bytes) -> tuple[list[Tlv], list[Tlv]]:
    """The certificate's three parts and the to-be-signed fields after the version.

    Certificate = SEQUENCE { tbsCertificate = SEQUENCE { [0] version OPTIONAL, serial,
    signature algorithm, issuer, validity, subject, subjectPublicKeyInfo, ... },
    signatureAlgorithm, signatureValue }"""
    cert = read_tlv(der, 0, len(der))
    parts = children(der, cert)
    if not parts or parts[0].tag != SEQUENCE:
        raise DerError("not a certificate")
    fields = children(der, parts[0])
    if fields and fields[0].tag == 0xA0:
        fields = fields[1:]
    if len(fields) < 6 or fields[5].tag != SEQUENCE:
        raise DerError("not a certificate")
    return parts, fields


def public_key_info(der: bytes) -> bytes:
    """A DER certificate's SubjectPublicKeyInfo element (raises ValueError)."""
    fields = _tbs_fields(der)[1]
    return der[fields[5].start : fields[5].end]


def read_certificate(der: bytes) -> Certificate:
    """A DER certificate, checked as strict DER (raises ValueError for anything else)."""
    top = check_strict(der)
    if top.tag != SEQUENCE:
        raise DerError("not a certificate")
    parts, fields = _tbs_fields(der)
    if len(parts) != 3 or parts[1].tag != SEQUENCE or parts[2].tag != BIT_STRING:
        raise DerError("not a certificate")
    serial, algorithm, issuer, validity, subject, spki = fields[:6]
    _check_algorithm(der, algorithm)
    _check_algorithm(der, parts[1])
    if serial.tag != INTEGER or issuer.tag != SEQUENCE or subject.tag != SEQUENCE:
        raise DerError("not a certificate")
    times = children(der, validity) if validity.tag == SEQUENCE else []
    if len(times) != 2:
        raise DerError("the certificate's validity is not two times")
    issuer_name, subject_name_der = der[issuer.start : issuer.end], der[subject.start : subject.end]
    name_parts(issuer_name)  # the names are read now, so showing one never fails later
    name_parts(subject_name_der)
    signature = der[parts[2].value_start : parts[2].end]
    if signature[:1] != b"\x00":
        raise DerError("the certificate's signature is not whole bytes")
    return Certificate(
        der=der,
        tbs=der[parts[0].start : parts[0].end],
        serial_number=int.from_bytes(der[serial.value_start : serial.end], "big", signed=True),
        issuer=issuer_name,
        subject=subject_name_der,
        not_valid_before_utc=read_time(der, times[0]),
        not_valid_after_utc=read_time(der, times[1]),
        public_key_info=der[spki.start : spki.end],
        signature_algorithm=der[parts[1].start : parts[1].end],
        signature=signature[1:],
        is_ca=_is_ca(der, fields[6:]),
    )


def _check_algorithm(der: bytes, tlv: Tlv) -> None:
    """An AlgorithmIdentifier as cryptography reads one: an identifier, then parameters
    only where the algorithm has them (NULL or none for RSA, a sequence for RSA-PSS)."""
    parts = children(der, tlv) if tlv.tag == SEQUENCE else []
    if not 1 <= len(parts) <= 2:
        raise DerError("not an algorithm identifier")
    kind = _SIGNATURE_ALGORITHMS.get(oid_text(der, parts[0]), ("?", ""))[0]
    params = parts[1:]
    if kind in ("ecdsa", "dsa", "ed25519", "ed448") and params:
        raise DerError("parameters where the algorithm has none")
    if (
        kind == "rsa"
        and params
        and (params[0].tag != 0x05 or params[0].end > params[0].value_start)
    ):
        raise DerError("RSA parameters other than NULL")
    if kind == "pss" and (not params or params[0].tag != SEQUENCE):
        raise DerError("RSASSA-PSS without its parameters")


def read_pem_certificate(pem: bytes) -> Certificate:
    """The first certificate in PEM text (raises ValueError when there is none)."""
    der = first_pem_der(pem)
    if der is None:
        raise DerError("the text holds no PEM certificate")
    return read_certificate(der)


def load_certificate(data: bytes) -> Certificate:
    """A certificate file as people have them: PEM (the first certificate) or DER."""
    if b"-----BEGIN CERTIFICATE-----" in data:
        return read_pem_certificate(data)
    return read_certificate(data)


def as_certificate(cert: Certificate | x509.Certificate) -> Certificate:
    """`cert` as a `Certificate` (one from `cryptography.x509` is read from its DER)."""
    if isinstance(cert, Certificate):
        return cert
    from cryptography.hazmat.primitives.serialization import Encoding

    return read_certificate(cert.public_bytes(Encoding.DER))


def load_public_key(spki: bytes) -> PublicKeyTypes:
    """The public key of a SubjectPublicKeyInfo (raises ValueError or UnsupportedAlgorithm),
    loaded by cryptography's compiled core: its `serialization` package also loads the SSH
    key formats."""
    try:
        from cryptography.hazmat.bindings._rust import openssl as core

        key: PublicKeyTypes = core.keys.load_der_public_key(spki)
    except (ImportError, AttributeError):  # pragma: no cover - another cryptography
        from cryptography.hazmat.primitives.serialization import load_der_public_key

        key = load_der_public_key(spki)
    return key


def read_time(der: bytes, tlv: Tlv) -> datetime:
    """UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z), as in RFC 5280
    (certificate validity, a CMS signing time); raises DerError for any other form."""
    text = der[tlv.value_start : tlv.end].decode("ascii", "replace")
    if tlv.tag == 0x17 and re.fullmatch(r"\d{12}Z", text):
        year = int(text[:2])
        text = ("19" if year >= 50 else "20") + text
    elif not (tlv.tag == 0x18 and re.fullmatch(r"\d{14}(\.\d*[1-9])?Z", text)):
        raise DerError("a time is not a UTC time")
    whole, _, fraction = text[:-1].partition(".")
    month, day, hour, minute, second = (int(whole[i : i + 2]) for i in range(4, 14, 2))
    try:  # by hand: `strptime` loads its locale machinery (~2 ms)
        moment = datetime(int(whole[:4]), month, day, hour, minute, second, tzinfo=UTC)
    except ValueError as e:
        raise DerError(f"a time is not a date ({e})") from e
    return moment.replace(microsecond=int((fraction + "000000")[:6])) if fraction else moment


def _is_ca(der: bytes, rest: list[Tlv]) -> bool:
    """Whether the extensions ([3]) hold basic constraints with cA true."""
    for tlv in rest:
        if tlv.tag != 0xA3:
            continue
        for outer in children(der, tlv):
            for ext in children(der, outer):
                parts = children(der, ext)
                if not parts or oid_text(der, parts[0]) != _BASIC_CONSTRAINTS:
                    continue
                value = parts[-1]
                if value.tag != OCTET_STRING:
                    raise DerError("an extension's value is not an octet string")
                inner = read_tlv(der, value.value_start, value.end)
                if inner.end != value.end or inner.tag != SEQUENCE:
                    raise DerError("basic constraints are not a sequence")
                flags = children(der, inner)
                return bool(
                    flags
                    and flags[0].tag == BOOLEAN
                    and der[flags[0].value_start : flags[0].end] == b"\xff"
                )
    return False


def subject_name(cert: Certificate | x509.Certificate) -> str:
    """The signer's name as shown: common name, else organisation, else the full subject."""
    return shown_name(as_certificate(cert).subject)


def fingerprint(cert: Certificate | x509.Certificate) -> str:
    """SHA-256 of the DER certificate, lowercase hex (the machine form)."""
    return as_certificate(cert).fingerprint


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


def issued_by(cert: Certificate | x509.Certificate, issuer: Certificate | x509.Certificate) -> bool:
    """Whether `issuer` names and signed `cert` (its signature checks with the issuer's key)."""
    cert, issuer = as_certificate(cert), as_certificate(issuer)
    if cert.issuer != issuer.subject:
        return False
    from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm

    try:
        verify_signature(issuer.public_key(), cert.signature_algorithm, cert.signature, cert.tbs)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return True


def verify_signature(key: PublicKeyTypes, algorithm: bytes, signature: bytes, data: bytes) -> None:
    """Check a certificate's `signature` over `data` with `key`, the way named by the
    AlgorithmIdentifier DER `algorithm` (RSA, RSA-PSS, ECDSA, DSA, Ed25519, Ed448).

    Raises InvalidSignature, or ValueError / TypeError / UnsupportedAlgorithm when the
    algorithm is unknown or does not fit the key."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, padding, rsa

    top = read_tlv(algorithm, 0, len(algorithm))
    parts = children(algorithm, top) if top.tag == SEQUENCE else []
    if not parts or top.end != len(algorithm):
        raise DerError("not an algorithm identifier")
    kind, hash_name = _SIGNATURE_ALGORITHMS.get(oid_text(algorithm, parts[0]), ("", ""))

    def digest(name: str) -> hashes.HashAlgorithm:
        algo: hashes.HashAlgorithm = getattr(hashes, name.upper())()
        return algo

    if kind == "rsa" and isinstance(key, rsa.RSAPublicKey):
        key.verify(signature, data, padding.PKCS1v15(), digest(hash_name))
    elif kind == "pss" and isinstance(key, rsa.RSAPublicKey):
        hash_name, mgf_hash, salt = _pss_parameters(algorithm, parts[1:])
        pss = padding.PSS(padding.MGF1(digest(mgf_hash)), salt)
        key.verify(signature, data, pss, digest(hash_name))
    elif kind == "ecdsa" and isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, data, ec.ECDSA(digest(hash_name)))
    elif kind == "dsa" and isinstance(key, dsa.DSAPublicKey):
        key.verify(signature, data, digest(hash_name))
    elif (kind == "ed25519" and isinstance(key, ed25519.Ed25519PublicKey)) or (
        kind == "ed448" and isinstance(key, ed448.Ed448PublicKey)
    ):
        key.verify(signature, data)
    else:
        raise TypeError("the signature algorithm does not fit the key, or is not known")


def _pss_parameters(der: bytes, params: list[Tlv]) -> tuple[str, str, int]:
    """(hash, MGF1 hash, salt length) of RSASSA-PSS parameters (RFC 4055 defaults)."""
    hash_name, mgf_hash, salt = "sha1", "sha1", 20
    if len(params) != 1 or params[0].tag != SEQUENCE:
        raise DerError("RSASSA-PSS without its parameters")
    for tlv in children(der, params[0]):
        inner = children(der, tlv)
        if len(inner) != 1:
            raise DerError("RSASSA-PSS parameters are not explicit")
        if tlv.tag == 0xA0:
            hash_name = _hash_name(der, inner[0])
        elif tlv.tag == 0xA1:
            mgf = children(der, inner[0])
            if len(mgf) != 2 or oid_text(der, mgf[0]) != _MGF1:
                raise DerError("RSASSA-PSS with a mask generation other than MGF1")
            mgf_hash = _hash_name(der, mgf[1])
        elif tlv.tag == 0xA2 and inner[0].tag == INTEGER:
            salt = int.from_bytes(der[inner[0].value_start : inner[0].end], "big", signed=True)
        elif tlv.tag != 0xA3:
            raise DerError("unknown RSASSA-PSS parameter")
    return hash_name, mgf_hash, salt


def _hash_name(der: bytes, algorithm: Tlv) -> str:
    parts = children(der, algorithm) if algorithm.tag == SEQUENCE else []
    name = _HASH_ALGORITHMS.get(oid_text(der, parts[0])) if parts else None
    if name is None:
        raise DerError("a hash algorithm that is not known")
    return name


def is_self_signed(cert: Certificate | x509.Certificate) -> bool:
    cert = as_certificate(cert)
    return cert.issuer == cert.subject and issued_by(cert, cert)


__all__ = [
    "Certificate",
    "as_certificate",
    "fingerprint",
    "fingerprint_display",
    "is_self_signed",
    "issued_by",
    "load_certificate",
    "load_public_key",
    "oid_text",
    "parse_fingerprint",
    "read_certificate",
    "read_pem_certificate",
    "read_time",
    "subject_name",
    "verify_signature",
]
