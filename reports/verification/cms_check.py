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
from models.der import INTEGER, SEQUENCE, SET, DerError, Tlv, check_strict, children, read_tlv
from models.messages import Text
from reports.verification.cms_syntax import (
    ALGORITHM,
    ATTRIBUTE,
    ATTRIBUTE_VALUE_TAGS,
    CONTENT_INFO,
    CONTENT_TYPE,
    DATA,
    ENCAP,
    ISSUER_AND_SERIAL,
    MESSAGE_DIGEST,
    MGF1,
    PSS,
    SIGNATURE_ALGORITHMS,
    SIGNED_DATA,
    SIGNED_DATA_FIELDS,
    SIGNER_INFO,
    SIGNING_TIME,
    SKI,
    canonical_algorithm,
    canonical_digest_set,
    canonical_encap,
    canonical_sid,
    explicit_inner,
    need,
    present,
    read_digest_name,
    read_fields,
    read_integer,
    read_oid,
    set_items,
    tags_of,
)

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
    need(top.tag == SEQUENCE, "not a CMS ContentInfo")
    parts = children(der, top)
    if read_oid(der, parts[0] if parts else None) != SIGNED_DATA:  # said before the rest is read
        out.problems.append(Text("verify.cms.not_signed_data"))
        return
    info = read_fields(der, top, CONTENT_INFO)
    signed = read_fields(der, explicit_inner(der, info["content"], SEQUENCE), SIGNED_DATA_FIELDS)
    signer_infos = set_items(der, signed["signer_infos"])
    if len(signer_infos) != 1:
        out.problems.append(Text("verify.cms.several_signers"))
        return
    signer = read_fields(der, signer_infos[0], SIGNER_INFO)
    if signer["unsigned_attrs"] is not None or signed["crls"] is not None:
        out.problems.append(Text("verify.cms.unsigned_additions"))
        return
    if read_integer(der, signed["version"]) != 1 or read_integer(der, signer["version"]) != 1:
        out.problems.append(Text("verify.cms.version_changed"))
    uncovered = (
        (signed["digest_algorithms"], tags_of(SET)),
        (signed["encap_content_info"], tags_of(SEQUENCE)),
        (signer["sid"], tags_of(SEQUENCE, SKI)),
        (signer["digest_algorithm"], tags_of(SEQUENCE)),
        (signer["signature_algorithm"], tags_of(SEQUENCE)),
    )
    need(all(present(t).tag in tags for t, tags in uncovered), "a part of another type")
    if not (
        canonical_digest_set(der, signed["digest_algorithms"])
        and canonical_encap(der, signed["encap_content_info"])
        and canonical_sid(der, signer["sid"])
        and canonical_algorithm(der, signer["digest_algorithm"])
        and canonical_algorithm(der, signer["signature_algorithm"], signature=True)
    ):
        out.problems.append(Text("verify.cms.encoding_changed"))
        return
    digest_name = read_digest_name(der, signer["digest_algorithm"])
    listed = [read_digest_name(der, a) for a in set_items(der, signed["digest_algorithms"])]
    if listed != [digest_name]:
        out.problems.append(Text("verify.cms.digest_list_changed"))
    encap = read_fields(der, present(signed["encap_content_info"]), ENCAP)
    if read_oid(der, encap["type"]) != DATA or encap["content"] is not None:
        out.problems.append(Text("verify.cms.content_description_changed"))
    if digest_name not in _HASHES:
        out.problems.append(Text("verify.cms.digest_not_accepted", digest=digest_name))
        return
    certs = _certificates(der, signed["certificates"], out)
    if certs is None:
        return
    signer_cert = _named_certificate(der, present(signer["sid"]), certs, out)
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
    signature = present(signer["signature"])
    need(signature.tag == 0x04, "the signature value is not an octet string")
    out.valid = _signature_ok(
        signer_cert,
        der,
        present(signer["signature_algorithm"]),
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
        fields = read_fields(der, attr, ATTRIBUTE)
        kind = read_oid(der, fields["type"])
        values = children(der, present(fields["values"]))
        wanted = ATTRIBUTE_VALUE_TAGS.get(kind)
        if wanted is not None:
            need(all(v.tag in wanted for v in values), "an attribute value of another type")
        if len(values) != 1:
            out.problems.append(Text("verify.cms.attribute_values"))
            return None
        value = values[0]
        if kind == MESSAGE_DIGEST:
            message_digest = der[value.value_start : value.end]
        elif kind == CONTENT_TYPE:
            content_type_ok = read_oid(der, value) == DATA
        elif kind == SIGNING_TIME:
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
        if choice.tag != SEQUENCE:
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
    need(choice.tag in (SEQUENCE, 0xA0, 0xA1, 0xA2, 0xA3), "not a certificate choice")
    if choice.tag == 0xA1:
        inner = children(der, choice)
        need(bool(inner) and inner[0].tag == SEQUENCE, "not an attribute certificate")
        version = children(der, inner[0])
        need(bool(version) and version[0].tag == INTEGER, "not an attribute certificate")


def _named_certificate(
    der: bytes, sid: Tlv, certs: list[Certificate], out: CmsOutcome
) -> Certificate | None:
    if sid.tag != SEQUENCE:
        out.problems.append(Text("verify.cms.no_longer_names"))
        return None
    fields = read_fields(der, sid, ISSUER_AND_SERIAL)
    issuer, serial = present(fields["issuer"]), present(fields["serial"])
    issuer_der = der[issuer.start : issuer.end]
    number = read_integer(der, serial)
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
    fields = read_fields(der, algorithm, ALGORITHM)
    oid = read_oid(der, fields["oid"])
    if oid not in SIGNATURE_ALGORITHMS:
        raise ValueError(f"signature algorithm {oid} is not known")
    kind, named_hash = SIGNATURE_ALGORITHMS[oid]
    pss: dict[str, Tlv | None] | None = None
    if kind == "rsassa_pss":
        pss = _pss_fields(der, fields["params"])
        hash_field = pss["hash"]
        named_hash = (
            read_digest_name(der, explicit_inner(der, hash_field)) if hash_field else "sha1"
        )
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
    need(params is not None, "RSASSA-PSS without its parameters")
    return read_fields(der, params, PSS)


def _mask_and_salt(der: bytes, fields: dict[str, Tlv | None]) -> tuple[str, int]:
    """The MGF1 hash and the salt length, RFC 4055's defaults (SHA-1, 20) for absent ones
    (raises ValueError for another mask generation function)."""
    mgf_hash, salt = "sha1", 20
    if fields["mgf"] is not None:
        mgf = read_fields(der, explicit_inner(der, fields["mgf"]), ALGORITHM)
        if read_oid(der, mgf["oid"]) != MGF1 or mgf["params"] is None:
            raise ValueError("RSASSA-PSS with a mask generation other than MGF1")
        mgf_hash = read_digest_name(der, mgf["params"])
    if fields["salt"] is not None:
        salt = read_integer(der, explicit_inner(der, fields["salt"]))
    return mgf_hash, salt


__all__ = ["CmsOutcome", "check_cms", "signature_der"]
