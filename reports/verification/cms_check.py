"""The CMS signature of a statement, checked on its original bytes with bounded work.

Nothing here re-encodes the signature: the bytes are first walked once as strict DER within
size, depth and element limits (`der`), then only the few small parts nobody's signature
covers are compared with their canonical form. What is accepted is the shape our signing
produces: one signer, named by issuer and serial number, detached data, one digest algorithm,
no unsigned attributes (a nested timestamp token there is refused before it is parsed), no
revocation lists, and only certificates on the signer's own chain.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from asn1crypto import cms, core
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

from models.certificates import Certificate, issued_by, read_certificate
from models.der import DerError, check_strict, read_tlv
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


@dataclass
class CmsOutcome:
    """What the signature says, and every reason not to believe it."""

    problems: list[Text] = field(default_factory=list)
    intact: bool = False  # the signed bytes hash to the signed message digest
    valid: bool = False  # the signer's key made the signature over the signed attributes
    signer: Certificate | None = None
    certificates: list[Certificate] = field(default_factory=list)
    signing_time: datetime | None = None


def _canonical(value: core.Asn1Value) -> bool:
    """A small part's bytes are its canonical DER encoding (re-encoded from a copy)."""
    original: bytes = value.dump()
    again: bytes = value.copy().dump(force=True)
    return original == again


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
        _check(der, signed_bytes, out, exact_certificates)
    except DerError as e:
        out.problems.append(Text("verify.cms.not_strict_der", detail=str(e)))
    except (
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
    info = cms.ContentInfo.load(der, strict=True)
    if info["content_type"].native != "signed_data":
        out.problems.append(Text("verify.cms.not_signed_data"))
        return
    signed = info["content"]
    signer_infos = signed["signer_infos"]
    if len(signer_infos) != 1:
        out.problems.append(Text("verify.cms.several_signers"))
        return
    signer = signer_infos[0]
    if not isinstance(signer["unsigned_attrs"], core.Void) or not isinstance(
        signed["crls"], core.Void
    ):
        out.problems.append(Text("verify.cms.unsigned_additions"))
        return
    if signed["version"].native != "v1" or signer["version"].native != "v1":
        out.problems.append(Text("verify.cms.version_changed"))
    for part in (
        signed["digest_algorithms"],
        signed["encap_content_info"],
        signer["sid"],
        signer["digest_algorithm"],
        signer["signature_algorithm"],
    ):
        if not _canonical(part):
            out.problems.append(Text("verify.cms.encoding_changed"))
            return
    digest_name = signer["digest_algorithm"]["algorithm"].native
    if [a["algorithm"].native for a in signed["digest_algorithms"]] != [digest_name]:
        out.problems.append(Text("verify.cms.digest_list_changed"))
    encap = signed["encap_content_info"]
    if encap["content_type"].native != "data" or not isinstance(encap["content"], core.Void):
        out.problems.append(Text("verify.cms.content_description_changed"))
    if digest_name not in _HASHES:
        out.problems.append(Text("verify.cms.digest_not_accepted", digest=digest_name))
        return
    certs = _certificates(signed, out)
    if certs is None:
        return
    signer_cert = _named_certificate(signer["sid"], certs, out)
    if signer_cert is None:
        return
    out.signer = signer_cert
    out.certificates = certs
    if exact_certificates and not _exact_set([c.der for c in certs], signer_cert):
        out.problems.append(Text("verify.cms.certificates_not_as_signed"))
        return
    _check_chain(signer_cert, out)
    attrs = signer["signed_attrs"]
    if isinstance(attrs, core.Void):
        out.problems.append(Text("verify.cms.no_signed_attributes"))
        return
    message_digest: bytes | None = None
    content_type_ok = False
    for attr in attrs:
        kind = attr["type"].native
        values = attr["values"]
        if len(values) != 1:
            out.problems.append(Text("verify.cms.attribute_values"))
            return
        if kind == "message_digest":
            message_digest = values[0].native
        elif kind == "content_type":
            content_type_ok = values[0].native == "data"
        elif kind == "signing_time":
            out.signing_time = values[0].native
    if message_digest is None or not content_type_ok:
        out.problems.append(Text("verify.cms.attributes_incomplete"))
        return
    out.intact = _HASHES[digest_name](signed_bytes).digest() == message_digest
    if not out.intact:
        out.problems.append(Text("verify.cms.digest_mismatch"))
    signed_attrs = b"\x31" + attrs.dump()[1:]
    out.valid = _signature_ok(
        signer_cert,
        signer["signature_algorithm"],
        digest_name,
        signer["signature"].native,
        signed_attrs,
    )
    if not out.valid:
        out.problems.append(Text("verify.cms.value_mismatch"))


def _certificates(signed: cms.SignedData, out: CmsOutcome) -> list[Certificate] | None:
    certs: list[Certificate] = []
    if isinstance(signed["certificates"], core.Void):
        out.problems.append(Text("verify.cms.no_certificate"))
        return None
    for choice in signed["certificates"]:
        if choice.name != "certificate":
            out.problems.append(Text("verify.cms.not_certificates"))
            return None
        try:
            certs.append(read_certificate(choice.chosen.dump()))
        except DerError as e:  # a certificate the signature carries, not the signature's DER
            raise ValueError(str(e)) from e
    return certs


def _exact_set(encodings: list[bytes], signer: Certificate) -> bool:
    signer_der = signer.der
    others = [e for e in encodings if e != signer_der]
    return (
        encodings == sorted(encodings)
        and encodings.count(signer_der) == 2
        and len(set(others)) == len(others)
    )


def _named_certificate(
    sid: cms.SignerIdentifier, certs: list[Certificate], out: CmsOutcome
) -> Certificate | None:
    if sid.name != "issuer_and_serial_number":
        out.problems.append(Text("verify.cms.no_longer_names"))
        return None
    issuer = sid.chosen["issuer"].dump()
    serial = sid.chosen["serial_number"].native
    for cert in certs:
        if cert.issuer == issuer and cert.serial_number == serial:
            return cert
    out.problems.append(Text("verify.cms.no_longer_names"))
    return None


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
    algorithm: cms.SignedDigestAlgorithm,
    digest_name: str,
    signature: bytes,
    data: bytes,
) -> bool:
    key = cert.public_key()
    kind = algorithm.signature_algo
    try:
        hash_name = algorithm.hash_algo
    except ValueError:
        hash_name = digest_name
    if kind != "ed25519" and hash_name != digest_name:
        return False
    try:
        if kind == "ecdsa" and isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(_CRYPTO_HASHES[digest_name]()))
        elif kind == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), _CRYPTO_HASHES[digest_name]())
        elif kind == "rsassa_pss" and isinstance(key, rsa.RSAPublicKey):
            params = algorithm["parameters"]
            salt = int(params["salt_length"].native)
            mgf_hash = params["mask_gen_algorithm"]["parameters"]["algorithm"].native
            if mgf_hash != digest_name:
                return False
            pss = padding.PSS(padding.MGF1(_CRYPTO_HASHES[digest_name]()), salt)
            key.verify(signature, data, pss, _CRYPTO_HASHES[digest_name]())
        elif kind == "ed25519" and isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, data)
        else:
            return False
    except (InvalidSignature, ValueError, KeyError, TypeError):
        return False
    return True


__all__ = ["CmsOutcome", "check_cms", "signature_der"]
