"""Identity seals are checked with the desk's own certificate read without `cryptography.x509`
(models/certificates.py `first_pem_der`, `public_key_info`): the same fingerprint and key as
the full certificate reader, the same verdicts, and any other bytes are a ValueError."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from hypothesis import given
from hypothesis import strategies as st

from models.audit.checkpoint import FORGED, UNKNOWN_KEY, VALID, check_seal, seal
from models.certificates import (
    CERT_FILE,
    IDENTITY_FOLDER,
    fingerprint,
    first_pem_der,
    public_key_info,
)
from tests.shared_identity import identity_folder, unlocked_identity


def _pem() -> bytes:
    return (identity_folder() / CERT_FILE).read_bytes()


def test_the_light_reader_agrees_with_the_certificate_library() -> None:
    cert = x509.load_pem_x509_certificate(_pem())
    der = first_pem_der(_pem())
    assert der is not None and hashlib.sha256(der).hexdigest() == fingerprint(cert)
    spki = cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert public_key_info(der) == spki


@pytest.fixture
def files_dir(tmp_path: Path) -> Path:
    shutil.copytree(identity_folder(), tmp_path / IDENTITY_FOLDER)
    return tmp_path


def test_identity_seals_verify_and_an_altered_one_is_forged(files_dir: Path) -> None:
    s = seal(b"42 events", files_dir, unlocked_identity())
    assert check_seal(b"42 events", s, files_dir) == VALID
    assert check_seal(b"41 events", s, files_dir) == FORGED


def test_a_damaged_own_certificate_leaves_the_seal_unchecked(files_dir: Path) -> None:
    s = seal(b"42 events", files_dir, unlocked_identity())
    (files_dir / IDENTITY_FOLDER / CERT_FILE).write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA")
    assert check_seal(b"42 events", s, files_dir) == UNKNOWN_KEY
    trusted = (x509.load_pem_x509_certificate(_pem()),)
    assert check_seal(b"42 events", s, files_dir, trusted) == VALID


@given(st.binary(max_size=300))
def test_any_bytes_are_a_key_info_or_a_value_error(data: bytes) -> None:
    try:
        out = public_key_info(data)
    except ValueError:
        return
    assert out[0] == 0x30 and len(out) <= len(data)


@given(st.integers(min_value=0, max_value=1 << 16))
def test_a_truncated_certificate_is_a_value_error(n: int) -> None:
    der = first_pem_der(_pem())
    assert der is not None
    with pytest.raises(ValueError):
        public_key_info(der[: n % len(der)])
