"""Certificates read with the strict DER reader (models/certificates.py) say what
`cryptography.x509` says of them: serial, names, validity, whether they may issue, the name
shown, the fingerprint and who issued them — for every key type a signer may use — and any
other bytes are a ValueError, never a crash."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
from hypothesis import given, settings
from hypothesis import strategies as st

from models.certificates import (
    as_certificate,
    fingerprint,
    is_self_signed,
    issued_by,
    load_certificate,
    read_certificate,
    subject_name,
)

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def _name(**parts: str) -> x509.Name:
    oids = {
        "cn": NameOID.COMMON_NAME,
        "o": NameOID.ORGANIZATION_NAME,
        "c": NameOID.COUNTRY_NAME,
        "l": NameOID.LOCALITY_NAME,
        "ou": NameOID.ORGANIZATIONAL_UNIT_NAME,
        "email": NameOID.EMAIL_ADDRESS,
    }
    return x509.Name([x509.NameAttribute(oids[k], v) for k, v in parts.items()])


def _make(
    subject: x509.Name,
    key: Any,
    issuer: tuple[x509.Name, Any] | None = None,
    *,
    ca: bool | None = None,
    sign_hash: hashes.HashAlgorithm | None = None,
    pss: bool = False,
    after: datetime | None = None,
) -> x509.Certificate:
    issuer_name, issuer_key = issuer or (subject, key)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(after or NOW + timedelta(days=365))
    )
    if ca is not None:
        builder = builder.add_extension(x509.BasicConstraints(ca=ca, path_length=None), True)
    if isinstance(issuer_key, ed25519.Ed25519PrivateKey | ed448.Ed448PrivateKey):
        return builder.sign(issuer_key, None)
    if pss:
        return builder.sign(
            issuer_key,
            hashes.SHA256(),
            rsa_padding=padding.PSS(padding.MGF1(hashes.SHA256()), padding.PSS.DIGEST_LENGTH),
        )
    return builder.sign(issuer_key, sign_hash or hashes.SHA256())


@pytest.fixture(scope="module")
def certificates() -> list[x509.Certificate]:
    rsa_key = rsa.generate_private_key(65537, 2048)
    ec_key = ec.generate_private_key(ec.SECP384R1())
    root = _name(cn="Test Root CA", o="Roots")
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    return [
        root_cert := _make(root, rsa_key, ca=True, sign_hash=hashes.SHA512()),
        _make(_name(cn="Starlight Talent"), leaf_key, (root_cert.subject, rsa_key), ca=False),
        _make(_name(o="Only An Organisation"), ec_key, sign_hash=hashes.SHA384()),
        _make(_name(cn="PSS Agency"), rsa_key, pss=True),
        _make(_name(c="CN", l="Beijing", ou='#Press, "Desk" + ;<>', email="a@b.cn"), ec_key),
        _make(_name(cn="林晓 Talent 经纪"), ed25519.Ed25519PrivateKey.generate()),
        _make(_name(cn="Ed448 Agency"), ed448.Ed448PrivateKey.generate()),
        _make(_name(cn="DSA Agency"), dsa.generate_private_key(2048)),
        _make(_name(cn="Far Future"), ec_key, after=datetime(2061, 1, 2, 3, 4, 5, tzinfo=UTC)),
        _make(_name(cn="Forged Child"), leaf_key, (root, ec_key)),  # names the root, not by it
    ]


def _ca(cert: x509.Certificate) -> bool:
    try:
        ext = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    except x509.ExtensionNotFound:
        return False
    return ext.value.ca


def _library_name(cert: x509.Certificate) -> str:
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        attrs = cert.subject.get_attributes_for_oid(oid)
        if attrs:
            return str(attrs[0].value)
    return cert.subject.rfc4514_string()


def _library_issued(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except Exception:
        return False
    return True


def test_the_fields_are_what_the_certificate_library_reads(certificates) -> None:
    for cert in certificates:
        ours = read_certificate(cert.public_bytes(Encoding.DER))
        assert ours.serial_number == cert.serial_number
        assert ours.not_valid_before_utc == cert.not_valid_before_utc
        assert ours.not_valid_after_utc == cert.not_valid_after_utc
        assert ours.is_ca == _ca(cert)
        assert subject_name(ours) == _library_name(cert) == subject_name(cert)
        assert ours.fingerprint == cert.fingerprint(hashes.SHA256()).hex() == fingerprint(cert)
        assert ours.issuer == cert.issuer.public_bytes()
        assert ours.subject == cert.subject.public_bytes()
        assert ours == as_certificate(cert)


def test_who_issued_whom_is_what_the_certificate_library_says(certificates) -> None:
    read = [read_certificate(c.public_bytes(Encoding.DER)) for c in certificates]
    agreed = 0
    for (a, ours_a), (b, ours_b) in itertools.product(
        zip(certificates, read, strict=True), repeat=2
    ):
        expected = _library_issued(a, b)
        assert issued_by(ours_a, ours_b) == expected, (subject_name(a), subject_name(b))
        agreed += expected
    assert agreed == 9  # eight self-signed certificates and the leaf issued by the root
    assert not is_self_signed(read[-1]) and is_self_signed(read[0])


def test_pem_and_der_files_both_load(certificates) -> None:
    cert = certificates[1]
    pem = b"some text before\n" + cert.public_bytes(Encoding.PEM)
    assert load_certificate(pem) == load_certificate(cert.public_bytes(Encoding.DER))
    with pytest.raises(ValueError):
        load_certificate(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")


def test_a_changed_signature_is_not_issued_by_anyone(certificates) -> None:
    der = bytearray(certificates[0].public_bytes(Encoding.DER))
    der[-5] ^= 0x01
    changed = read_certificate(bytes(der))
    assert changed.issuer == changed.subject and not is_self_signed(changed)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_change_to_a_certificate_is_a_certificate_or_a_value_error(
    certificates, data: st.DataObject
) -> None:
    der = bytearray(certificates[1].public_bytes(Encoding.DER))
    position = data.draw(st.integers(0, len(der) - 1))
    der[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(der)))
    try:
        cert = read_certificate(bytes(der[:cut]))
    except ValueError:
        return
    subject_name(cert)
    issued_by(cert, cert)
