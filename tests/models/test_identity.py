"""The signing identity: created or imported, stored only encrypted, unlocked by passphrase."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from hypothesis import given, settings
from hypothesis import strategies as st

from models import identity as identity_module
from models.audit.service import AuditService
from models.errors import UserError
from models.identity import KEY_FILE, SigningIdentityService, fingerprint
from tests.reports.statement_data import ca_bundle

PASS = "correct horse"


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    """Key derivation is deliberately slow; only the test about it pays for the real rounds."""
    monkeypatch.setattr(identity_module, "KDF_ROUNDS", 1000)


def test_create_stores_the_key_only_encrypted_with_many_rounds(db, monkeypatch):
    monkeypatch.setattr(identity_module, "KDF_ROUNDS", 600_000)
    svc = SigningIdentityService(db)
    ident = svc.create("Starlight Talent", PASS, "星光经纪")
    assert ident.self_signed and ident.source == "created"
    assert ident.subject == "星光经纪 (Starlight Talent)"
    pem = (svc.folder / KEY_FILE).read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    with pytest.raises(TypeError):  # cannot be read without the passphrase
        serialization.load_pem_private_key(pem, password=None)
    from asn1crypto import keys
    from asn1crypto import pem as asn1_pem

    _, _, der = asn1_pem.unarmor(pem)
    params = keys.EncryptedPrivateKeyInfo.load(der)["encryption_algorithm"]["parameters"]
    assert params["key_derivation_func"]["parameters"]["iteration_count"].native == 600_000
    unlocked = svc.unlock(PASS)
    assert fingerprint(unlocked.certificate) == ident.fingerprint
    assert isinstance(unlocked.private_key, ec.EllipticCurvePrivateKey)
    assert unlocked.private_key.curve.name == "secp256r1"
    assert len(ident.fingerprint) == 64 and ident.fingerprint_display.count(":") == 31


def test_wrong_passphrase_and_missing_identity_are_user_errors(db):
    svc = SigningIdentityService(db)
    with pytest.raises(UserError, match="no signing identity"):
        svc.show()
    with pytest.raises(UserError, match="no signing identity"):
        svc.unlock(PASS)
    svc.create("Starlight", PASS)
    with pytest.raises(UserError, match="passphrase does not unlock"):
        svc.unlock("not the passphrase")


def test_short_passphrase_and_accidental_replacement_are_refused(db):
    svc = SigningIdentityService(db)
    with pytest.raises(UserError, match="at least 8"):
        svc.create("Starlight", "short")
    assert not svc.exists()
    first = svc.create("Starlight", PASS)
    with pytest.raises(UserError, match="already exists"):
        svc.create("Starlight", PASS)
    second = svc.create("Starlight", PASS, replace=True)
    assert second.fingerprint != first.fingerprint
    retired = list((db.location.files_dir / "identity-retired").iterdir())
    assert len(retired) == 1 and (retired[0] / "certificate.pem").exists()
    actions = [e.action for e in AuditService(db).events()]
    assert actions.count("create") == 1 and actions.count("replace") == 1
    assert AuditService(db).verify().intact


def test_import_pkcs12_from_a_certificate_authority(db):
    svc = SigningIdentityService(db)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ident = svc.import_pkcs12(ca_bundle(key), PASS)
    assert ident.source == "imported" and not ident.self_signed
    assert ident.subject == "Bought Agency Cert"
    unlocked = svc.unlock(PASS)
    assert isinstance(unlocked.private_key, rsa.RSAPrivateKey)


def test_corrupt_or_locked_pkcs12_is_a_clear_error(db):
    svc = SigningIdentityService(db)
    with pytest.raises(UserError, match="not a readable PKCS#12"):
        svc.import_pkcs12(b"this is no pkcs12 file" * 10, PASS)
    good = ca_bundle()
    with pytest.raises(UserError, match="not a readable PKCS#12"):
        svc.import_pkcs12(good[: len(good) // 2], PASS)
    with pytest.raises(UserError, match="passphrase does not open"):
        svc.import_pkcs12(good, "wrong passphrase")
    with pytest.raises(UserError, match="no private key"):
        svc.import_pkcs12(ca_bundle(with_key=False), PASS)
    assert not svc.exists()


def test_damaged_certificate_file_is_a_user_error(db):
    svc = SigningIdentityService(db)
    svc.create("Starlight", PASS)
    (svc.folder / "certificate.pem").write_text("garbage")
    with pytest.raises(UserError, match="cannot be read"):
        svc.show()
    with pytest.raises(UserError, match="cannot be read"):
        svc.unlock(PASS)
    fresh = svc.create("Starlight", PASS, replace=True)  # a damaged identity can be replaced
    assert svc.unlock(PASS).identity.fingerprint == fresh.fingerprint


def _public(key):
    return key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _write_key(svc, pem: bytes) -> None:
    (svc.folder / KEY_FILE).write_bytes(pem)


@pytest.mark.parametrize(
    "written_by",
    ["BestAvailableEncryption", "traditional OpenSSL PEM"],
)
def test_key_files_written_by_cryptography_still_unlock(db, written_by):
    """Keys stored the old way (cryptography's own encryption, read back by cryptography)
    open with the same passphrase and give the same key; a wrong passphrase is refused."""
    svc = SigningIdentityService(db)
    svc.create("Starlight", PASS)
    key = svc.unlock(PASS).private_key
    secret = PASS.encode()
    if written_by == "BestAvailableEncryption":
        encryption, fmt = (
            serialization.BestAvailableEncryption(secret),
            serialization.PrivateFormat.PKCS8,
        )
    else:
        encryption, fmt = (
            serialization.BestAvailableEncryption(secret),
            serialization.PrivateFormat.TraditionalOpenSSL,
        )
    _write_key(svc, key.private_bytes(serialization.Encoding.PEM, fmt, encryption))
    assert _public(svc.unlock(PASS).private_key) == _public(key)
    with pytest.raises(UserError, match="passphrase does not unlock"):
        svc.unlock("not the passphrase")


def test_stored_key_opens_with_cryptography_and_the_reader_agrees(db):
    """What `encrypted_pkcs8` writes is standard: cryptography's reader opens it too."""
    svc = SigningIdentityService(db)
    svc.create("Starlight", PASS)
    pem = (svc.folder / KEY_FILE).read_bytes()
    by_cryptography = serialization.load_pem_private_key(pem, password=PASS.encode())
    by_reader = identity_module.read_private_key(pem, PASS.encode())
    assert _public(by_reader) == _public(by_cryptography)


@settings(max_examples=25, deadline=None)
@given(
    secret=st.binary(min_size=1, max_size=40),
    salt=st.binary(min_size=8, max_size=32),
    rounds=st.integers(min_value=1, max_value=3000),
    prf=st.sampled_from(["sha1", "sha256", "sha512"]),
)
def test_hashlib_pbkdf2_derives_what_cryptography_derives(secret, salt, rounds, prf):
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    algorithm = {"sha1": hashes.SHA1(), "sha256": hashes.SHA256(), "sha512": hashes.SHA512()}
    expected = PBKDF2HMAC(algorithm[prf], 32, salt, rounds).derive(secret)
    assert hashlib.pbkdf2_hmac(prf, secret, salt, rounds, 32) == expected


def test_a_key_file_written_before_the_reader_changed_still_unlocks(db):
    """A stored key written by the previous `encrypted_pkcs8` (cryptography's PBKDF2, the real
    600,000 rounds), kept as a file, opens with the same passphrase to the same key."""
    files = Path(__file__).parent / "identity_files"
    svc = SigningIdentityService(db)
    svc.create("Starlight", PASS)
    old = (files / "key-written-before-hashlib.pem").read_bytes()
    key = identity_module.read_private_key(old, PASS.encode())
    public = serialization.load_pem_public_key(
        (files / "key-written-before-hashlib.pub.pem").read_bytes()
    )
    assert _public(key) == public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    with pytest.raises(ValueError):
        identity_module.read_private_key(old, b"not the passphrase")
