"""The CMS signature of a statement, checked on its original bytes with bounded work.

Nothing here re-encodes the signature: the bytes are first walked once as strict DER within
size, depth and element limits (`models.der`), then read with the same reader as the CMS
structures of RFC 5652 (ContentInfo, SignedData, SignerInfo, the signed attributes), and
the few small parts nobody's signature covers are checked to be canonical DER as written (a
SET OF in order, no DEFAULT value written out, minimal object identifiers). No ASN.1
library is loaded: keys and signatures are cryptography's. What is accepted is the shape
our signing produces: one signer, named by issuer and serial number, detached data, one
digest algorithm,
no unsigned attributes (a nested timestamp token there is refused before it is parsed), no
revocation lists, and only certificates on the signer's own chain.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

from models.certificates import Certificate, issued_by, read_certificate, read_time
from models.der import DerError, Tlv, check_strict, children, read_tlv
from models.messages import Text

_HASHES: dict[str, Callable[[bytes], Any]] = {
    "sha256": hashlib.sha256,
    "sha384": hashlib.sha384,
    "sha512": hashlib.sha512,
}
_CRYPTO_HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}

_SEQUENCE, _SET, _OID, _INTEGER, _SKI = 0x30, 0x31, 0x06, 0x02, 0x80
_SIGNED_DATA = "1.2.840.113549.1.7.2"
_DATA = "1.2.840.113549.1.7.1"
_CONTENT_TYPE = "1.2.840.113549.1.9.3"
_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
_SIGNING_TIME = "1.2.840.113549.1.9.5"
_RSASSA_PSS = "1.2.840.113549.1.1.10"
_MGF1 = "1.2.840.113549.1.1.8"


def _tags(*tags: int) -> frozenset[int]:
    return frozenset(tags)


# The structures read (RFC 5652): field name, the tags it may have (None: any), optional.
_CONTENT_INFO = (("type", _tags(_OID), False), ("content", _tags(0xA0), True))
# A required field is taken by its place and its type checked where it is read (as a schema
# reader that reads fields lazily does: what is read before it is answered first); an
# optional one is recognised by its tag.
_SIGNED_DATA_FIELDS = (
    ("version", _tags(_INTEGER), False),  # read at once: it tells how the content is held
    ("digest_algorithms", None, False),
    ("encap_content_info", None, False),
    ("certificates", _tags(0xA0), True),  # [0] IMPLICIT CertificateSet
    ("crls", _tags(0xA1), True),  # [1] IMPLICIT RevocationInfoChoices
    ("signer_infos", None, False),
)
_SIGNER_INFO = (
    ("version", None, False),
    ("sid", None, False),  # issuerAndSerialNumber, or [0] subjectKeyIdentifier
    ("digest_algorithm", None, False),
    ("signed_attrs", _tags(0xA0), True),  # [0] IMPLICIT SET OF Attribute
    ("signature_algorithm", None, False),
    ("signature", None, False),
    ("unsigned_attrs", _tags(0xA1), True),
)
_ALGORITHM = (("oid", _tags(_OID), False), ("params", None, True))
_ENCAP = (("type", _tags(_OID), False), ("content", _tags(0xA0), True))
_ISSUER_AND_SERIAL = (("issuer", _tags(_SEQUENCE), False), ("serial", _tags(_INTEGER), False))
_ATTRIBUTE = (("type", _tags(_OID), False), ("values", _tags(_SET), False))
_ATTRIBUTE_VALUE = (("type", _tags(_OID), False), ("value", None, False))
_PSS = (
    ("hash", _tags(0xA0), True),
    ("mgf", _tags(0xA1), True),
    ("salt", _tags(0xA2), True),
    ("trailer", _tags(0xA3), True),
)
# RSASSA-PSS parameters at their DEFAULT (RFC 4055: SHA-1, MGF1 with SHA-1, 20, 1), as a DER
# writer leaves them out.
_PSS_DEFAULTS = {
    "hash": bytes.fromhex("a00b300906052b0e03021a0500"),
    "mgf": bytes.fromhex("a118301606092a864886f70d010108300906052b0e03021a0500"),
    "salt": bytes.fromhex("a203020114"),
    "trailer": bytes.fromhex("a303020101"),
}
# The type each value of a well-known attribute has (content type, message digest, signing
# time, countersignature, timestamp tokens, algorithm protection, S/MIME preferences).
_ATTRIBUTE_VALUE_TAGS = {
    _CONTENT_TYPE: _tags(_OID),
    _MESSAGE_DIGEST: _tags(0x04),
    _SIGNING_TIME: _tags(0x17, 0x18),
    "1.2.840.113549.1.9.6": _tags(_SEQUENCE),
    "1.2.840.113549.1.9.15": _tags(_SEQUENCE),
    "1.2.840.113549.1.9.16.2.11": _tags(0xA0, 0xA1, 0xA2),
    "1.2.840.113549.1.9.16.2.14": _tags(_SEQUENCE),
    "1.2.840.113549.1.9.52": _tags(_SEQUENCE),
    "1.3.6.1.4.1.311.2.4.1": _tags(_SEQUENCE),
    "1.3.6.1.4.1.311.3.3.1": _tags(_SEQUENCE),
}
_DIGEST_NAMES = {
    "1.2.840.113549.2.2": "md2",
    "1.2.840.113549.2.5": "md5",
    "1.3.14.3.2.26": "sha1",
    "2.16.840.1.101.3.4.2.4": "sha224",
    "2.16.840.1.101.3.4.2.1": "sha256",
    "2.16.840.1.101.3.4.2.2": "sha384",
    "2.16.840.1.101.3.4.2.3": "sha512",
    "2.16.840.1.101.3.4.2.5": "sha512_224",
    "2.16.840.1.101.3.4.2.6": "sha512_256",
    "2.16.840.1.101.3.4.2.7": "sha3_224",
    "2.16.840.1.101.3.4.2.8": "sha3_256",
    "2.16.840.1.101.3.4.2.9": "sha3_384",
    "2.16.840.1.101.3.4.2.10": "sha3_512",
    "2.16.840.1.101.3.4.2.11": "shake128",
    "2.16.840.1.101.3.4.2.12": "shake256",
    "2.16.840.1.101.3.4.2.17": "shake128_len",
    "2.16.840.1.101.3.4.2.18": "shake256_len",
}
_RSA, _ECDSA, _DSA = "rsassa_pkcs1v15", "ecdsa", "dsa"
# Signature algorithms: (kind, the hash the identifier names; "" where it names none).
_SIGNATURE_ALGORITHMS = {
    "1.3.14.3.2.3": (_RSA, "md5"),
    "1.3.14.3.2.29": (_RSA, "sha1"),
    "1.3.14.7.2.3.1": (_RSA, "md2"),
    "1.2.840.113549.1.1.2": (_RSA, "md2"),
    "1.2.840.113549.1.1.4": (_RSA, "md5"),
    "1.2.840.113549.1.1.5": (_RSA, "sha1"),
    "1.2.840.113549.1.1.14": (_RSA, "sha224"),
    "1.2.840.113549.1.1.11": (_RSA, "sha256"),
    "1.2.840.113549.1.1.12": (_RSA, "sha384"),
    "1.2.840.113549.1.1.13": (_RSA, "sha512"),
    "1.2.840.113549.1.1.1": (_RSA, ""),
    _RSASSA_PSS: ("rsassa_pss", ""),
    "1.2.840.10040.4.3": (_DSA, "sha1"),
    "1.3.14.3.2.13": (_DSA, "sha1"),
    "1.3.14.3.2.27": (_DSA, "sha1"),
    "2.16.840.1.101.3.4.3.1": (_DSA, "sha224"),
    "2.16.840.1.101.3.4.3.2": (_DSA, "sha256"),
    "1.2.840.10040.4.1": (_DSA, ""),
    "1.2.840.10045.4.1": (_ECDSA, "sha1"),
    "1.2.840.10045.4.3.1": (_ECDSA, "sha224"),
    "1.2.840.10045.4.3.2": (_ECDSA, "sha256"),
    "1.2.840.10045.4.3.3": (_ECDSA, "sha384"),
    "1.2.840.10045.4.3.4": (_ECDSA, "sha512"),
    "2.16.840.1.101.3.4.3.9": (_ECDSA, ""),
    "2.16.840.1.101.3.4.3.10": (_ECDSA, ""),
    "2.16.840.1.101.3.4.3.11": (_ECDSA, ""),
    "2.16.840.1.101.3.4.3.12": (_ECDSA, ""),
    "1.2.840.10045.4": (_ECDSA, ""),
    "1.3.101.112": ("ed25519", "sha512"),
    "1.3.101.113": ("ed448", "shake256"),
}
# Older identifiers of algorithms that have a newer one: a DER writer writes the newer.
_SIGNATURE_ALIASES = frozenset(
    {"1.3.14.3.2.3", "1.3.14.3.2.29", "1.3.14.7.2.3.1", "1.3.14.3.2.13", "1.3.14.3.2.27"}
)
# Algorithms whose parameters are NULL when present (RFC 4055, RFC 5754).
_NULL_PARAMETERS = frozenset(
    {
        "1.2.840.113549.1.1.1",
        "1.2.840.113549.1.1.11",
        "1.2.840.113549.1.1.12",
        "1.2.840.113549.1.1.13",
        "1.2.840.113549.1.1.14",
        "1.3.14.3.2.26",
        "2.16.840.1.101.3.4.2.4",
        "2.16.840.1.101.3.4.2.1",
        "2.16.840.1.101.3.4.2.2",
        "2.16.840.1.101.3.4.2.3",
    }
)
_DIRECTORY_STRING = _tags(0x0C, 0x13, 0x14, 0x16, 0x1C, 0x1E)
# The types a name attribute's value may have (X.520 and the few others certificates use).
_NAME_VALUE_TAGS = {
    **{
        oid: _DIRECTORY_STRING
        for oid in (
            "2.5.4.3",
            "2.5.4.4",
            "2.5.4.5",
            "2.5.4.6",
            "2.5.4.7",
            "2.5.4.8",
            "2.5.4.9",
            "2.5.4.10",
            "2.5.4.11",
            "2.5.4.12",
            "2.5.4.15",
            "2.5.4.17",
            "2.5.4.41",
            "2.5.4.42",
            "2.5.4.43",
            "2.5.4.44",
            "2.5.4.46",
            "2.5.4.65",
            "2.5.4.97",
            "1.3.6.1.4.1.311.60.2.1.1",
            "1.3.6.1.4.1.311.60.2.1.2",
            "1.3.6.1.4.1.311.60.2.1.3",
            "0.2.262.1.10.7.20",
            "0.9.2342.19200300.100.1.1",
        )
    },
    "2.5.4.20": _tags(0x13),
    "2.5.4.45": _tags(0x03),
    "1.2.840.113549.1.9.1": _tags(0x16),
    "0.9.2342.19200300.100.1.25": _tags(0x16),
    **{f"2.23.133.2.{n}": _tags(0x0C) for n in range(1, 7)},
}
# Text that must decode in its own encoding (a Name in the signer identifier).
_TEXT_CODECS = {0x0C: "utf-8", 0x16: "ascii", 0x1C: "utf-32-be", 0x1E: "utf-16-be"}


@dataclass
class CmsOutcome:
    """What the signature says, and every reason not to believe it."""

    problems: list[Text] = field(default_factory=list)
    intact: bool = False  # the signed bytes hash to the signed message digest
    valid: bool = False  # the signer's key made the signature over the signed attributes
    signer: Certificate | None = None
    certificates: list[Certificate] = field(default_factory=list)
    signing_time: datetime | None = None


def signature_der(contents: bytes) -> tuple[bytes, bool]:
    """The DER signature inside the zero-padded /Contents, and whether the padding is clean."""
    tlv = read_tlv(contents, 0, len(contents))
    return contents[: tlv.end], not contents[tlv.end :].strip(b"\x00")


def check_cms(contents: bytes, signed_bytes: bytes, exact_certificates: bool = False) -> CmsOutcome:
    """Check the signature value `contents` (as in /Contents) over `signed_bytes`.

    `exact_certificates`: the certificate set must be exactly what our statement signing
    writes (pyHanko): in DER order, the signer's certificate twice (once as the signer, once
    from its certificate store) and every other certificate once — so no certificate can be
    added, dropped or reordered without the answer changing.
    """
    out = CmsOutcome()
    try:
        der, clean = signature_der(contents)
        if not clean:
            out.problems.append(Text("verify.cms.extra_bytes"))
        check_strict(der)
    except DerError as e:
        out.problems.append(Text("verify.cms.not_strict_der", detail=str(e)))
        return out
    try:
        _check(der, signed_bytes, out, exact_certificates)
    except (  # strict DER, but not the structure (a DerError here is a ValueError too)
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        OverflowError,
        UnsupportedAlgorithm,  # a key cryptography cannot load (e.g. an unknown curve)
    ) as e:
        out.problems.append(Text("verify.cms.unreadable", detail=str(e)))
    return out


def _check(der: bytes, signed_bytes: bytes, out: CmsOutcome, exact_certificates: bool) -> None:
    top = read_tlv(der, 0, len(der))
    _need(top.tag == _SEQUENCE, "not a CMS ContentInfo")
    parts = children(der, top)
    if _oid(der, parts[0] if parts else None) != _SIGNED_DATA:  # said before the rest is read
        out.problems.append(Text("verify.cms.not_signed_data"))
        return
    info = _fields(der, top, _CONTENT_INFO)
    signed = _fields(der, _explicit(der, info["content"], _SEQUENCE), _SIGNED_DATA_FIELDS)
    signer_infos = _set_of(der, signed["signer_infos"])
    if len(signer_infos) != 1:
        out.problems.append(Text("verify.cms.several_signers"))
        return
    signer = _fields(der, signer_infos[0], _SIGNER_INFO)
    if signer["unsigned_attrs"] is not None or signed["crls"] is not None:
        out.problems.append(Text("verify.cms.unsigned_additions"))
        return
    if _integer(der, signed["version"]) != 1 or _integer(der, signer["version"]) != 1:
        out.problems.append(Text("verify.cms.version_changed"))
    uncovered = (
        (signed["digest_algorithms"], _tags(_SET)),
        (signed["encap_content_info"], _tags(_SEQUENCE)),
        (signer["sid"], _tags(_SEQUENCE, _SKI)),
        (signer["digest_algorithm"], _tags(_SEQUENCE)),
        (signer["signature_algorithm"], _tags(_SEQUENCE)),
    )
    _need(all(_need_tlv(t).tag in tags for t, tags in uncovered), "a part of another type")
    if not (
        _canonical_digest_set(der, signed["digest_algorithms"])
        and _canonical_encap(der, signed["encap_content_info"])
        and _canonical_sid(der, signer["sid"])
        and _canonical_algorithm(der, signer["digest_algorithm"])
        and _canonical_algorithm(der, signer["signature_algorithm"], signature=True)
    ):
        out.problems.append(Text("verify.cms.encoding_changed"))
        return
    digest_name = _digest_name(der, signer["digest_algorithm"])
    listed = [_digest_name(der, a) for a in _set_of(der, signed["digest_algorithms"])]
    if listed != [digest_name]:
        out.problems.append(Text("verify.cms.digest_list_changed"))
    encap = _fields(der, _need_tlv(signed["encap_content_info"]), _ENCAP)
    if _oid(der, encap["type"]) != _DATA or encap["content"] is not None:
        out.problems.append(Text("verify.cms.content_description_changed"))
    if digest_name not in _HASHES:
        out.problems.append(Text("verify.cms.digest_not_accepted", digest=digest_name))
        return
    certs = _certificates(der, signed["certificates"], out)
    if certs is None:
        return
    signer_cert = _named_certificate(der, _need_tlv(signer["sid"]), certs, out)
    if signer_cert is None:
        return
    out.signer = signer_cert
    out.certificates = certs
    if exact_certificates and not _exact_set([c.der for c in certs], signer_cert):
        out.problems.append(Text("verify.cms.certificates_not_as_signed"))
        return
    _check_chain(signer_cert, out)
    attrs = signer["signed_attrs"]
    if attrs is None:
        out.problems.append(Text("verify.cms.no_signed_attributes"))
        return
    found = _signed_attributes(der, attrs, out)
    if found is None:
        return
    message_digest, content_type_ok = found
    if message_digest is None or not content_type_ok:
        out.problems.append(Text("verify.cms.attributes_incomplete"))
        return
    out.intact = _HASHES[digest_name](signed_bytes).digest() == message_digest
    if not out.intact:
        out.problems.append(Text("verify.cms.digest_mismatch"))
    # The signature is over the attributes' own bytes, re-tagged as the SET OF they are.
    signed_attrs = b"\x31" + der[attrs.start + 1 : attrs.end]
    signature = _need_tlv(signer["signature"])
    _need(signature.tag == 0x04, "the signature value is not an octet string")
    out.valid = _signature_ok(
        signer_cert,
        der,
        _need_tlv(signer["signature_algorithm"]),
        digest_name,
        der[signature.value_start : signature.end],
        signed_attrs,
    )
    if not out.valid:
        out.problems.append(Text("verify.cms.value_mismatch"))


def _signed_attributes(der: bytes, attrs: Tlv, out: CmsOutcome) -> tuple[bytes | None, bool] | None:
    """(message digest, whether the content type is data) of the signed attributes; None
    after a problem. Later attributes of a type override earlier ones."""
    message_digest: bytes | None = None
    content_type_ok = False
    for attr in children(der, attrs):  # each read in turn: what comes before counts
        fields = _fields(der, attr, _ATTRIBUTE)
        kind = _oid(der, fields["type"])
        values = children(der, _need_tlv(fields["values"]))
        wanted = _ATTRIBUTE_VALUE_TAGS.get(kind)
        if wanted is not None:
            _need(all(v.tag in wanted for v in values), "an attribute value of another type")
        if len(values) != 1:
            out.problems.append(Text("verify.cms.attribute_values"))
            return None
        value = values[0]
        if kind == _MESSAGE_DIGEST:
            message_digest = der[value.value_start : value.end]
        elif kind == _CONTENT_TYPE:
            content_type_ok = _oid(der, value) == _DATA
        elif kind == _SIGNING_TIME:
            try:
                out.signing_time = read_time(der, value)
            except DerError as e:  # strict DER, but not a time
                raise ValueError(str(e)) from e
    return message_digest, content_type_ok


def _certificates(der: bytes, carried: Tlv | None, out: CmsOutcome) -> list[Certificate] | None:
    if carried is None:
        out.problems.append(Text("verify.cms.no_certificate"))
        return None
    choices = children(der, carried)
    for choice in choices:
        _certificate_choice(der, choice)
    certs: list[Certificate] = []
    for choice in choices:
        if choice.tag != _SEQUENCE:
            out.problems.append(Text("verify.cms.not_certificates"))
            return None
        try:
            certs.append(read_certificate(der[choice.start : choice.end]))
        except DerError as e:  # a certificate the signature carries, not the signature's DER
            raise ValueError(str(e)) from e
    return certs


def _certificate_choice(der: bytes, choice: Tlv) -> None:
    """A CertificateChoices alternative: a certificate, or one of the [0]..[3] forms (an
    attribute certificate [1] must at least start as one)."""
    _need(choice.tag in (_SEQUENCE, 0xA0, 0xA1, 0xA2, 0xA3), "not a certificate choice")
    if choice.tag == 0xA1:
        inner = children(der, choice)
        _need(bool(inner) and inner[0].tag == _SEQUENCE, "not an attribute certificate")
        version = children(der, inner[0])
        _need(bool(version) and version[0].tag == _INTEGER, "not an attribute certificate")


def _named_certificate(
    der: bytes, sid: Tlv, certs: list[Certificate], out: CmsOutcome
) -> Certificate | None:
    if sid.tag != _SEQUENCE:
        out.problems.append(Text("verify.cms.no_longer_names"))
        return None
    fields = _fields(der, sid, _ISSUER_AND_SERIAL)
    issuer, serial = _need_tlv(fields["issuer"]), _need_tlv(fields["serial"])
    issuer_der = der[issuer.start : issuer.end]
    number = _integer(der, serial)
    for cert in certs:
        if cert.issuer == issuer_der and cert.serial_number == number:
            return cert
    out.problems.append(Text("verify.cms.no_longer_names"))
    return None


def _exact_set(encodings: list[bytes], signer: Certificate) -> bool:
    signer_der = signer.der
    others = [e for e in encodings if e != signer_der]
    return (
        encodings == sorted(encodings)
        and encodings.count(signer_der) == 2
        and len(set(others)) == len(others)
    )


def _check_chain(signer_cert: Certificate, out: CmsOutcome) -> None:
    """Every certificate carried is the signer's or an issuer on its chain."""
    needed = [signer_cert]
    frontier = [signer_cert]
    while frontier:
        cert = frontier.pop()
        if cert.issuer == cert.subject:
            continue
        for candidate in out.certificates:
            if (
                candidate not in needed
                and candidate.subject == cert.issuer
                and issued_by(cert, candidate)
            ):
                needed.append(candidate)
                frontier.append(candidate)
    if any(c not in needed for c in out.certificates):
        out.problems.append(Text("verify.cms.certificate_added"))
    if signer_cert.issuer == signer_cert.subject and not issued_by(signer_cert, signer_cert):
        out.problems.append(Text("verify.problem.certificate_altered"))


def _signature_ok(
    cert: Certificate,
    der: bytes,
    algorithm: Tlv,
    digest_name: str,
    signature: bytes,
    data: bytes,
) -> bool:
    key = cert.public_key()
    fields = _fields(der, algorithm, _ALGORITHM)
    oid = _oid(der, fields["oid"])
    if oid not in _SIGNATURE_ALGORITHMS:
        raise ValueError(f"signature algorithm {oid} is not known")
    kind, named_hash = _SIGNATURE_ALGORITHMS[oid]
    pss: dict[str, Tlv | None] | None = None
    if kind == "rsassa_pss":
        pss = _pss_fields(der, fields["params"])
        hash_field = pss["hash"]
        named_hash = _digest_name(der, _explicit(der, hash_field)) if hash_field else "sha1"
    hash_name = named_hash or digest_name
    if kind != "ed25519" and hash_name != digest_name:
        return False
    try:
        if kind == "ecdsa" and isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(_CRYPTO_HASHES[digest_name]()))
        elif kind == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), _CRYPTO_HASHES[digest_name]())
        elif kind == "rsassa_pss" and pss is not None and isinstance(key, rsa.RSAPublicKey):
            mgf_hash, salt = _mask_and_salt(der, pss)
            if mgf_hash != digest_name:
                return False
            mgf = padding.MGF1(_CRYPTO_HASHES[digest_name]())
            key.verify(signature, data, padding.PSS(mgf, salt), _CRYPTO_HASHES[digest_name]())
        elif kind == "ed25519" and isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, data)
        else:
            return False
    except (InvalidSignature, ValueError, KeyError, TypeError):
        return False
    return True


def _pss_fields(der: bytes, params: Tlv | None) -> dict[str, Tlv | None]:
    """RSASSA-PSS parameters (RFC 4055): hash, mask generation, salt length, trailer."""
    _need(params is not None, "RSASSA-PSS without its parameters")
    return _fields(der, params, _PSS)


def _mask_and_salt(der: bytes, fields: dict[str, Tlv | None]) -> tuple[str, int]:
    """The MGF1 hash and the salt length, RFC 4055's defaults (SHA-1, 20) for absent ones
    (raises ValueError for another mask generation function)."""
    mgf_hash, salt = "sha1", 20
    if fields["mgf"] is not None:
        mgf = _fields(der, _explicit(der, fields["mgf"]), _ALGORITHM)
        if _oid(der, mgf["oid"]) != _MGF1 or mgf["params"] is None:
            raise ValueError("RSASSA-PSS with a mask generation other than MGF1")
        mgf_hash = _digest_name(der, mgf["params"])
    if fields["salt"] is not None:
        salt = _integer(der, _explicit(der, fields["salt"]))
    return mgf_hash, salt


# --- reading the parts ---------------------------------------------------------------------

_Fields = tuple[tuple[str, frozenset[int] | None, bool], ...]  # name, tags (None: any), optional


def _need(condition: bool, what: str) -> None:
    """The value is strict DER but not the CMS structure there (as a schema reader says)."""
    if not condition:
        raise ValueError(what)


def _need_tlv(tlv: Tlv | None) -> Tlv:
    _need(tlv is not None, "a required element is missing")
    assert tlv is not None
    return tlv


def _fields(der: bytes, tlv: Tlv | None, spec: _Fields) -> dict[str, Tlv | None]:
    """The children of a SEQUENCE matched in order to `spec`: a required field missing, a
    field of another type or one left over makes the structure unreadable."""
    tlv = _need_tlv(tlv)
    _need(tlv.tag == _SEQUENCE, "not a sequence")
    parts = children(der, tlv)
    found: dict[str, Tlv | None] = {}
    i = 0
    for name, tags, optional in spec:
        if i < len(parts) and (tags is None or parts[i].tag in tags):
            found[name] = parts[i]
            i += 1
        elif optional:
            found[name] = None
        else:
            raise ValueError(f"{name} is missing or of another type")
    _need(i == len(parts), "an element where none is expected")
    return found


def _explicit(der: bytes, tlv: Tlv | None, tag: int | None = None) -> Tlv:
    """The one element inside an explicit tag (of type `tag` when one is given)."""
    inner = children(der, _need_tlv(tlv))
    _need(len(inner) == 1, "an explicit tag that holds not one element")
    _need(tag is None or inner[0].tag == tag, "an explicit tag that holds another type")
    return inner[0]


def _set_of(
    der: bytes, tlv: Tlv | None, tag: int | None = None, container: int = _SET
) -> list[Tlv]:
    """The elements of a SET OF (or another `container`), each of type `tag` when given."""
    tlv = _need_tlv(tlv)
    _need(tlv.tag == container, "not a set")
    parts = children(der, tlv)
    _need(tag is None or all(p.tag == tag for p in parts), "a set of another type")
    return parts


def _integer(der: bytes, tlv: Tlv | None) -> int:
    tlv = _need_tlv(tlv)
    _need(tlv.tag == _INTEGER, "not an integer")
    return int.from_bytes(der[tlv.value_start : tlv.end], "big", signed=True)


def _oid(der: bytes, tlv: Tlv | None) -> str:
    """An OBJECT IDENTIFIER's dotted form, read as written: an arc's leading 0x80 octets and
    a last arc cut short are not refused here (`_minimal_oid` says where that matters)."""
    tlv = _need_tlv(tlv)
    value = der[tlv.value_start : tlv.end]
    _need(tlv.tag == _OID and bool(value), "not an object identifier")
    arcs: list[int] = []
    n = 0
    for byte in value:
        n = (n << 7) | (byte & 0x7F)
        if not byte & 0x80:
            if arcs:
                arcs.append(n)
            else:
                first = min(n // 40, 2)
                arcs += [first, n - 40 * first]
            n = 0
    return ".".join(map(str, arcs))


def _minimal_oid(der: bytes, tlv: Tlv) -> bool:
    value = der[tlv.value_start : tlv.end]
    return not value[-1] & 0x80 and all(
        not (byte == 0x80 and (i == 0 or not value[i - 1] & 0x80)) for i, byte in enumerate(value)
    )


def _digest_name(der: bytes, tlv: Tlv | None) -> str:
    """A digest AlgorithmIdentifier's name (its dotted form when it is not a known one)."""
    oid = _oid(der, _fields(der, tlv, _ALGORITHM)["oid"])
    return _DIGEST_NAMES.get(oid, oid)


# --- the parts nobody's signature covers, in canonical DER -----------------------------------
# `check_strict` has proved minimal lengths and integers; what remains is what a DER writer
# would write differently: a SET OF out of order, a DEFAULT value written out, an object
# identifier's arc with a leading 0x80 or an alias of another, text not in its own encoding.


def _canonical_digest_set(der: bytes, tlv: Tlv | None) -> bool:
    parts = _set_of(der, tlv, _SEQUENCE)
    encodings = [der[p.start : p.end] for p in parts]
    return all(_canonical_algorithm(der, p) for p in parts) and encodings == sorted(encodings)


def _canonical_encap(der: bytes, tlv: Tlv | None) -> bool:
    fields = _fields(der, tlv, _ENCAP)
    if fields["content"] is not None:
        _need(len(children(der, fields["content"])) == 1, "encapsulated content is not one value")
    return _minimal_oid(der, _need_tlv(fields["type"]))


def _canonical_sid(der: bytes, tlv: Tlv | None) -> bool:
    sid = _need_tlv(tlv)
    _need(sid.tag in (_SEQUENCE, _SKI), "a signer identifier of another type")
    if sid.tag == _SKI:
        return True
    fields = _fields(der, sid, _ISSUER_AND_SERIAL)
    canonical = True
    for rdn in _set_of(der, fields["issuer"], _SET, container=_SEQUENCE):
        atvs = _set_of(der, rdn, _SEQUENCE)
        encodings = [der[a.start : a.end] for a in atvs]
        canonical = canonical and encodings == sorted(encodings)
        for atv in atvs:
            parts = _fields(der, atv, _ATTRIBUTE_VALUE)
            kind, value = _need_tlv(parts["type"]), _need_tlv(parts["value"])
            canonical = canonical and _minimal_oid(der, kind)
            allowed = _NAME_VALUE_TAGS.get(_oid(der, kind))
            _need(allowed is None or value.tag in allowed, "a name value of another type")
            codec = _TEXT_CODECS.get(value.tag)
            if codec is not None:
                der[value.value_start : value.end].decode(codec)  # raises UnicodeDecodeError
    return canonical


def _canonical_algorithm(der: bytes, tlv: Tlv | None, signature: bool = False) -> bool:
    fields = _fields(der, tlv, _ALGORITHM)
    oid_tlv = _need_tlv(fields["oid"])
    oid = _oid(der, oid_tlv)
    params = fields["params"]
    if oid in _NULL_PARAMETERS and params is not None:
        _need(params.tag == 0x05, "parameters other than NULL")
    if not _minimal_oid(der, oid_tlv) or (signature and oid in _SIGNATURE_ALIASES):
        return False
    if not signature or oid != _RSASSA_PSS or params is None:
        return True
    return _canonical_pss(der, params)


def _canonical_pss(der: bytes, params: Tlv) -> bool:
    """RSASSA-PSS parameters as DER writes them: no DEFAULT value written out, each field
    under its own tag, the hash algorithms inside canonical too."""
    try:
        pss = _fields(der, params, _PSS)
    except ValueError:
        _need(params.tag == _SEQUENCE, "RSASSA-PSS parameters that are not a sequence")
        return False  # a field under another tag
    for name, default in _PSS_DEFAULTS.items():
        given = pss[name]
        if given is not None and der[given.start : given.end] == default:
            return False  # DER leaves a DEFAULT value out
    if pss["salt"] is not None:
        _need(_explicit(der, pss["salt"]).tag == _INTEGER, "a salt length that is no number")
    if pss["hash"] is not None and not _canonical_algorithm(
        der, _explicit(der, pss["hash"], _SEQUENCE)
    ):
        return False
    if pss["mgf"] is None:
        return True
    mgf = _explicit(der, pss["mgf"], _SEQUENCE)
    if not _canonical_algorithm(der, mgf):
        return False
    fields = _fields(der, mgf, _ALGORITHM)
    mgf_hash = fields["params"]
    if mgf_hash is None or _oid(der, fields["oid"]) != _MGF1:
        return True
    _need(mgf_hash.tag == _SEQUENCE, "MGF1 parameters that are not a hash algorithm")
    return _canonical_algorithm(der, mgf_hash)


__all__ = ["CmsOutcome", "check_cms", "signature_der"]
