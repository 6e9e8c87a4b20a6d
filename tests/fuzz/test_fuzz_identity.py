"""Fuzz PKCS#12 import (`models.identity`): only UserError may escape, nothing half-installed."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime, timedelta
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.known_bugs import allow_known
from tests.fuzz.profiles import flip, fresh_database_file, fuzz_settings, scratch

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("models.identity") is None,
    reason="PKCS#12 import (models.identity) does not exist yet",
)
PASS = "correct horse battery"


@cache
def seed_p12() -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Fuzz Agency")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    enc = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(1000)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(PASS.encode())
    )
    return pkcs12.serialize_key_and_certificates(b"fuzz", key, cert, None, enc)


def _import(data: bytes, passphrase: str) -> None:
    from models.errors import UserError
    from models.identity import SigningIdentityService
    from models.storage.database import Database

    with scratch() as d:
        db = Database.open(str(fresh_database_file(d)), actor="fuzz")
        try:
            service = SigningIdentityService(db)
            try:
                with allow_known():
                    service.import_pkcs12(data, passphrase, replace=True)
            except UserError as e:
                assert e.message
                assert not service.exists()  # refused: nothing was installed
        finally:
            db.close()


def test_the_seed_imports() -> None:
    """Guards the fuzzers below: the unmutated file is a good identity."""
    _import(seed_p12(), PASS)


@fuzz_settings(weight=0.5)
@given(data=st.binary(max_size=3000), passphrase=st.sampled_from([PASS, "", "wrong passphrase"]))
def test_any_bytes_as_pkcs12(data: bytes, passphrase: str) -> None:
    _import(data, passphrase)


@fuzz_settings(weight=0.5)
@given(
    positions=st.lists(st.integers(min_value=0), min_size=1, max_size=6),
    values=st.lists(st.integers(min_value=0, max_value=255), min_size=1, max_size=6),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=3000)),
    passphrase=st.sampled_from([PASS, "wrong passphrase"]),
)
def test_damaged_pkcs12(
    positions: list[int], values: list[int], cut: int | None, passphrase: str
) -> None:
    data = flip(seed_p12(), positions, values)
    _import(data[:cut] if cut is not None else data, passphrase)
