"""The agency's signing identity: a key pair and certificate that sign every statement.

The private key only ever touches the disk encrypted with the desk passphrase (PKCS#8,
PBES2): a stolen laptop backup must not let anyone issue statements in the agency's name.
A new identity is a self-signed EC P-256 certificate with the agency's name; an agency that
bought a certificate from a certificate authority imports it as PKCS#12 instead. The
SHA-256 fingerprint of the certificate is what the agency publishes so journalists can
tell its statements from forgeries.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from models.audit.chain import append_event
from models.certificates import (
    CERT_FILE,
    IDENTITY_FOLDER,
    fingerprint,
    fingerprint_display,
    is_self_signed,
    subject_name,
)
from models.clock import iso, utc_now
from models.errors import UserError
from models.names import display_name
from models.storage.database import Database

FOLDER = IDENTITY_FOLDER
KEY_FILE = "private-key.pem"
INFO_FILE = "identity.json"
MIN_PASSPHRASE = 8
VALIDITY = timedelta(days=3653)
ENTITY = "signing_identity"
# PBKDF2-HMAC-SHA256 rounds for the stored key (OWASP 2023 advice); the default is 2048.
KDF_ROUNDS = 600_000

SigningKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey


@dataclass(frozen=True)
class SigningIdentity:
    """The public side of the identity: safe to show and to publish."""

    subject: str
    fingerprint: str
    self_signed: bool
    not_before: datetime
    not_after: datetime
    source: str  # "created" or "imported"
    created_at: str
    certificate_pem: bytes
    folder: Path

    @property
    def fingerprint_display(self) -> str:
        return fingerprint_display(self.fingerprint)


@dataclass(frozen=True)
class UnlockedIdentity:
    """The identity with its private key, held in memory only while signing."""

    identity: SigningIdentity
    private_key: SigningKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]


def _check_passphrase(passphrase: str) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(
            "error.identity.choose_passphrase_least_min_passphrase", min_passphrase=MIN_PASSPHRASE
        )
    return passphrase.encode("utf-8")


def _usable_key(key: object) -> SigningKey:
    if isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey):
        return key
    if isinstance(key, ed448.Ed448PrivateKey):
        raise UserError("error.identity.ed_keys_cannot_sign_statements")
    raise UserError("error.identity.key_type_cannot_sign_statements")


def _same_public_key(key: SigningKey, cert: x509.Certificate) -> bool:
    fmt = serialization.PublicFormat.SubjectPublicKeyInfo
    enc = serialization.Encoding.DER
    return key.public_key().public_bytes(enc, fmt) == cert.public_key().public_bytes(enc, fmt)


class SigningIdentityService:
    """Create, import, show and unlock the agency's signing identity."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def folder(self) -> Path:
        return self.db.location.files_dir / FOLDER

    def exists(self) -> bool:
        return (self.folder / CERT_FILE).is_file() and (self.folder / KEY_FILE).is_file()

    def show(self) -> SigningIdentity:
        """The current identity; a clear error when there is none or it is damaged."""
        if not self.exists():
            raise UserError("error.identity.there_no_signing_identity_yet")
        try:
            certs = x509.load_pem_x509_certificates((self.folder / CERT_FILE).read_bytes())
        except (OSError, ValueError) as e:
            raise UserError(
                "error.identity.signing_certificate_folder_cannot_read",
                folder=self.folder,
                reason=e,
            ) from e
        try:
            info = json.loads((self.folder / INFO_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            info = {}
        cert = certs[0]
        return SigningIdentity(
            subject=subject_name(cert),
            fingerprint=fingerprint(cert),
            self_signed=is_self_signed(cert),
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
            source=str(info.get("source", "")),
            created_at=str(info.get("created_at", "")),
            certificate_pem=cert.public_bytes(serialization.Encoding.PEM),
            folder=self.folder,
        )

    def unlock(self, passphrase: str) -> UnlockedIdentity:
        identity = self.show()
        certs = x509.load_pem_x509_certificates((self.folder / CERT_FILE).read_bytes())
        try:
            pem = (self.folder / KEY_FILE).read_bytes()
        except OSError as e:
            raise UserError(
                "error.identity.signing_key_cannot_read_strerror", strerror=e.strerror
            ) from e
        try:
            key = read_private_key(pem, passphrase.encode("utf-8"))
        except (ValueError, TypeError) as e:
            raise UserError("error.identity.passphrase_does_not_unlock_signing") from e
        signing_key = _usable_key(key)
        if not _same_public_key(signing_key, certs[0]):
            raise UserError("error.identity.stored_signing_key_does_not")
        now = utc_now()
        if not (certs[0].not_valid_before_utc <= now <= certs[0].not_valid_after_utc):
            raise UserError(
                "error.identity.signing_certificate_not_valid_now",
                not_before=iso(identity.not_before),
                not_after=iso(identity.not_after),
            )
        return UnlockedIdentity(identity, signing_key, certs[0], tuple(certs[1:]))

    def create(
        self, agency_name: str, passphrase: str, agency_name_zh: str = "", replace: bool = False
    ) -> SigningIdentity:
        """A new EC P-256 key and a self-signed certificate naming the agency."""
        name = " ".join(agency_name.split())
        name_zh = " ".join(agency_name_zh.split())
        if not name:
            raise UserError("error.identity.give_agency_name_agency_name")
        if len(name) > 64 or len(name_zh) > 64:
            raise UserError("error.identity.agency_names_certificate_are_limited")
        secret = _check_passphrase(passphrase)
        self.ensure_replaceable(replace)
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, display_name(name_zh or name, name)),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
            ]
        )
        now = utc_now()
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + VALIDITY)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .sign(key, hashes.SHA256())
        )
        return self._install(key, cert, (), secret, "created", replace)

    def import_pkcs12(
        self,
        data: bytes,
        passphrase: str,
        store_passphrase: str | None = None,
        replace: bool = False,
    ) -> SigningIdentity:
        """Take over a key and certificate bought from a certificate authority.

        The key is stored encrypted with `store_passphrase` (default: the PKCS#12 passphrase).
        """
        secret = _check_passphrase(store_passphrase if store_passphrase is not None else passphrase)
        self.ensure_replaceable(replace)
        if not _looks_like_pkcs12(data):
            raise UserError("error.identity.file_not_readable_pkcs_p")
        try:
            key, cert, extra = pkcs12.load_key_and_certificates(
                data, passphrase.encode("utf-8") if passphrase else None
            )
        except (ValueError, TypeError) as e:
            raise UserError("error.identity.passphrase_does_not_open_pkcs") from e
        if key is None or cert is None:
            raise UserError("error.identity.pkcs_file_holds_no_private")
        signing_key = _usable_key(key)
        if not _same_public_key(signing_key, cert):
            raise UserError("error.identity.key_pkcs_file_does_not")
        return self._install(signing_key, cert, tuple(extra), secret, "imported", replace)

    def ensure_replaceable(self, replace: bool) -> None:
        """Refuse early (before asking for a passphrase) to overwrite an identity by accident."""
        if self.exists() and not replace:
            raise UserError("error.identity.signing_identity_already_exists_replacing")

    def _install(
        self,
        key: SigningKey,
        cert: x509.Certificate,
        chain: tuple[x509.Certificate, ...],
        secret: bytes,
        source: str,
        replace: bool,
    ) -> SigningIdentity:
        """Write to a staging folder, then swap it in inside the audited transaction."""
        root = self.db.location.files_dir
        root.mkdir(parents=True, exist_ok=True)
        staging = root / f"{FOLDER}.part-{secrets.token_hex(4)}"
        staging.mkdir()
        try:
            key_pem = encrypted_pkcs8(key, secret)
            key_path = staging / KEY_FILE
            fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(key_pem)
            pem = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in (cert, *chain))
            (staging / CERT_FILE).write_bytes(pem)
            fp = fingerprint(cert)
            created_at = iso(utc_now())
            info = {"source": source, "created_at": created_at, "fingerprint": fp}
            (staging / INFO_FILE).write_text(json.dumps(info, indent=2), "utf-8")
            after = {
                "subject": subject_name(cert),
                "fingerprint": fp,
                "self_signed": is_self_signed(cert),
                "not_after": cert.not_valid_after_utc,
                "source": source,
            }
            with self.db.write() as s:
                before = None
                if self.folder.exists():
                    try:
                        old = self.show()
                        before = {"subject": old.subject, "fingerprint": old.fingerprint}
                    except UserError:  # a damaged identity may still be replaced
                        before = {"subject": "(unreadable)", "fingerprint": "unreadable"}
                action = "replace" if before else {"created": "create"}.get(source, "import")
                append_event(s, self.db.actor, ENTITY, fp[:16], action, before, after)
                if self.folder.exists():
                    if not replace:
                        raise UserError("error.identity.signing_identity_already_exists")
                    # Statements signed with the old key stay verifiable (the certificate
                    # rides in each signature); the old files are kept, never deleted.
                    retired = root / f"{FOLDER}-retired"
                    retired.mkdir(exist_ok=True)
                    stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
                    old_fp = (before or {}).get("fingerprint", "unknown")[:16]
                    os.replace(self.folder, retired / f"{stamp}-{old_fp}")
                os.replace(staging, self.folder)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        return self.show()


def encrypted_pkcs8(key: SigningKey, secret: bytes, rounds: int | None = None) -> bytes:
    """PEM `ENCRYPTED PRIVATE KEY`: PBES2, PBKDF2-HMAC-SHA256 (`rounds`), AES-256-CBC.

    The same standard format `BestAvailableEncryption` writes (OpenSSL reads it), but with
    far more key-derivation rounds than its 2048, so guessing the passphrase of a stolen
    copy is slow.
    """
    from asn1crypto import algos, pem
    from asn1crypto import keys as asn1_keys

    plain = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    rounds = rounds or KDF_ROUNDS
    salt = os.urandom(16)
    iv = os.urandom(16)
    derived = hashlib.pbkdf2_hmac("sha256", secret, salt, rounds, 32)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(derived), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(padded) + encryptor.finalize()
    info = asn1_keys.EncryptedPrivateKeyInfo(
        {
            "encryption_algorithm": algos.EncryptionAlgorithm(
                {
                    "algorithm": "pbes2",
                    "parameters": algos.Pbes2Params(
                        {
                            "key_derivation_func": algos.KdfAlgorithm(
                                {
                                    "algorithm": "pbkdf2",
                                    "parameters": algos.Pbkdf2Params(
                                        {
                                            "salt": algos.Pbkdf2Salt(name="specified", value=salt),
                                            "iteration_count": rounds,
                                            "prf": algos.HmacAlgorithm(
                                                {"algorithm": "sha256", "parameters": None}
                                            ),
                                        }
                                    ),
                                }
                            ),
                            "encryption_scheme": algos.EncryptionAlgorithm(
                                {"algorithm": "aes256_cbc", "parameters": iv}
                            ),
                        }
                    ),
                }
            ),
            "encrypted_data": ciphertext,
        }
    )
    armored: bytes = pem.armor("ENCRYPTED PRIVATE KEY", info.dump())
    return armored


# PBES2 key-derivation hashes and ciphers the stored key may use (what `encrypted_pkcs8` and
# cryptography's `BestAvailableEncryption` write); other encryptions take cryptography's reader.
_PRF_HASHES = {
    "sha1": "sha1",
    "sha224": "sha224",
    "sha256": "sha256",
    "sha384": "sha384",
    "sha512": "sha512",
}
_AES_CBC = {"aes128_cbc": 16, "aes192_cbc": 24, "aes256_cbc": 32}


def read_private_key(pem: bytes, secret: bytes) -> object:
    """The private key of a PEM file, decrypted with `secret`; ValueError if it does not open.

    The stored key's PBKDF2 (600,000 rounds) runs in `hashlib.pbkdf2_hmac`, which lets other
    threads run meanwhile: cryptography's PEM reader holds the interpreter lock for the whole
    derivation (~170-330 ms), during which the window could not repaint. Same derivation,
    same key: keys written by cryptography or by `encrypted_pkcs8` both open.
    """
    plain = _pbes2_aes_plaintext(pem, secret)
    if plain is None:
        return serialization.load_pem_private_key(pem, password=secret)
    return serialization.load_der_private_key(plain, password=None)


def _pbes2_aes_plaintext(pem: bytes, secret: bytes) -> bytes | None:
    """The DER PKCS#8 inside a PBES2 (PBKDF2-HMAC, AES-CBC) `ENCRYPTED PRIVATE KEY`; None for
    any other file (cryptography reads those); ValueError when `secret` does not open it."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import pem as asn1_pem

    try:
        kind, _headers, der = asn1_pem.unarmor(pem)
        if kind != "ENCRYPTED PRIVATE KEY":
            return None
        info = asn1_keys.EncryptedPrivateKeyInfo.load(der)
        algorithm = info["encryption_algorithm"]
        if algorithm["algorithm"].native != "pbes2":
            return None
        params = algorithm["parameters"]
        kdf = params["key_derivation_func"]
        scheme = params["encryption_scheme"]
        if kdf["algorithm"].native != "pbkdf2":
            return None
        kdf_params = kdf["parameters"]
        prf = _PRF_HASHES.get(kdf_params["prf"]["algorithm"].native)
        length = _AES_CBC.get(scheme["algorithm"].native)
        salt = kdf_params["salt"].native
        if prf is None or length is None or not isinstance(salt, bytes):
            return None
        rounds = int(kdf_params["iteration_count"].native)
        stated = kdf_params["key_length"].native
        iv = scheme["parameters"].native
        ciphertext = info["encrypted_data"].native
    except (ValueError, TypeError, KeyError):
        return None  # not the structure we read: cryptography's reader decides
    if stated is not None and int(stated) != length:
        return None
    derived = hashlib.pbkdf2_hmac(prf, secret, salt, rounds, length)
    decryptor = Cipher(algorithms.AES(derived), modes.CBC(iv)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()  # ValueError: wrong passphrase


def _looks_like_pkcs12(data: bytes) -> bool:
    """A PFX is a DER SEQUENCE whose first element is INTEGER 3; anything else is corrupt."""
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        version = pfx["version"].native
        _ = pfx["auth_safe"]["content_type"].native
    except Exception:  # asn1crypto raises many types on garbage; all mean "not a PKCS#12"
        return False
    return version in (3, "v3")


__all__ = [
    "SigningIdentity",
    "SigningIdentityService",
    "UnlockedIdentity",
    "fingerprint",
    "fingerprint_display",
    "is_self_signed",
    "subject_name",
]
