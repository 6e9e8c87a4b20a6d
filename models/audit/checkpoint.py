"""Signed checkpoints of the audit log: "the log had N events and its head was H at time T".

A hash chain alone cannot tell a log that was cut short from one that was never longer:
delete the newest events (or all of them) and what is left still chains. A checkpoint is the
log's size and head hash, signed, and copied to places the database does not control: the
`audit_checkpoint` table, every signed statement (its record carries the checkpoint it was
issued at), every backup's manifest, and the public register export (`register.json` and the
append-only `checkpoints.json`). `audit verify` then requires the log to *extend* every
checkpoint it can find: at least N events, and event N's hash equal to H.

Signing: with the agency's signing identity when it is unlocked (statements, register,
`audit checkpoint` when an identity exists), otherwise an HMAC-SHA256 with a random 256-bit
desk key kept in the desk's data folder at `keys/desk.key` (mode 0600, folder 0700). It is
the desk's (one per user account, shared by every database this desk opens, so a backup
restores into a new database on the same desk), and it is outside every files folder, so
no backup carries it: whoever holds a backup cannot re-seal it.

What this does NOT defend: someone holding the database *and* the desk key (or the unlocked
identity) can rewrite the whole log, recompute every hash and sign fresh checkpoints that
match; the table copies are then worthless. What still catches them is any checkpoint they
cannot reach: a statement already handed out, a register already published (its
`checkpoints.json` history), a backup kept elsewhere. A published checkpoint pins the first
N events for good: nobody can later remove or rewrite them without contradicting it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.audit.chain import GENESIS
from models.clock import iso, utc_now
from models.messages import Text

if TYPE_CHECKING:
    from cryptography import x509

    from models.identity import UnlockedIdentity
    from models.storage.database import Database

# Checking a desk-key seal needs only hashlib: the signature libraries load when an identity
# seal is made or checked, and SQLAlchemy when a checkpoint is read or written through it
# (`audit verify`'s quick path reads checkpoints with sqlite3: models/audit/quick.py).

KEY_FOLDER = "keys"
DESK_KEY_FILE = "desk.key"
FORMAT = "consent-desk-checkpoint/1"
METHOD_IDENTITY = "identity"
METHOD_DESK = "desk-key"
REASONS = ("on-demand", "statement", "backup", "register")


# -- the desk key ---------------------------------------------------------------------------


KEY_DIR_ENV = "CONSENT_DESK_KEY_DIR"  # where the desk key lives, if not the data folder


def desk_key_path() -> Path:
    from models.storage.places import data_dir

    override = os.environ.get(KEY_DIR_ENV)
    return (Path(override) if override else data_dir() / KEY_FOLDER) / DESK_KEY_FILE


def desk_key(create: bool = True) -> bytes | None:
    """This desk's MAC key (32 random bytes), created on first use with mode 0600."""
    path = desk_key_path()
    try:
        raw = path.read_text("ascii").strip()
        key = bytes.fromhex(raw)
        if len(key) == 32:
            if path.stat().st_mode & 0o077:
                path.chmod(0o600)
            return key
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        return None
    if not create:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    key = secrets.token_bytes(32)
    tmp = path.with_name(f"{DESK_KEY_FILE}.{secrets.token_hex(4)}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, key.hex().encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # never replaces a key another process created meanwhile
    except FileExistsError:
        tmp.unlink(missing_ok=True)
        return desk_key(create=False)
    tmp.unlink(missing_ok=True)
    return key


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"consent-desk desk key\x00" + key).hexdigest()[:32]


# -- seals: a signature or MAC over some bytes ---------------------------------------------


@dataclass(frozen=True)
class Seal:
    method: str  # METHOD_IDENTITY or METHOD_DESK
    key_id: str  # certificate SHA-256 fingerprint, or desk key id
    signature: str  # base64
    certificate: str | None = None  # PEM, for identity seals

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "method": self.method,
            "key_id": self.key_id,
            "signature": self.signature,
        }
        if self.certificate:
            out["certificate"] = self.certificate
        return out

    @staticmethod
    def from_json(data: object) -> Seal | None:
        if not isinstance(data, dict):
            return None
        method, kid, sig = data.get("method"), data.get("key_id"), data.get("signature")
        cert = data.get("certificate")
        if not (isinstance(method, str) and isinstance(kid, str) and isinstance(sig, str)):
            return None
        return Seal(method, kid, sig, cert if isinstance(cert, str) else None)


def _sign_with(identity: UnlockedIdentity, data: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    key = identity.private_key
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    return key.sign(data)


def seal(data: bytes, files_dir: Path, identity: UnlockedIdentity | None = None) -> Seal:
    """Sign `data` with the unlocked identity, or MAC it with the desk key."""
    if identity is not None:
        pem = identity.identity.certificate_pem.decode("ascii")
        sig = _sign_with(identity, data)
        return Seal(
            METHOD_IDENTITY, identity.identity.fingerprint, base64.b64encode(sig).decode(), pem
        )
    key = desk_key()
    if key is None:
        raise OSError(f"the desk key {desk_key_path()} is damaged")
    mac = hmac.new(key, data, hashlib.sha256).digest()
    return Seal(METHOD_DESK, key_id(key), base64.b64encode(mac).decode())


def _verify_signature(public: object, data: bytes, sig: bytes) -> bool:
    """Whether `sig` over `data` verifies with a certificate's public key."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

    try:
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(sig, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(sig, data, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(public, ed25519.Ed25519PublicKey):
            public.verify(sig, data)
        else:
            return False
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def _own_public_key(files_dir: Path, key_id: str) -> object | None:
    """The public key of this desk's certificate when its fingerprint is `key_id`, read
    without `cryptography.x509` (~25 ms): the PEM's DER is hashed and only its key loaded."""
    from models.certificates import (
        CERT_FILE,
        IDENTITY_FOLDER,
        first_pem_der,
        load_public_key,
        public_key_info,
    )

    try:
        der = first_pem_der((files_dir / IDENTITY_FOLDER / CERT_FILE).read_bytes())
        if der is None or hashlib.sha256(der).hexdigest() != key_id:
            return None
        return load_public_key(public_key_info(der))
    except Exception:  # unreadable or unusual: the full certificate reader decides
        return None


def _own_certificate(files_dir: Path) -> x509.Certificate | None:
    from cryptography import x509

    from models.certificates import CERT_FILE, IDENTITY_FOLDER

    try:
        return x509.load_pem_x509_certificates(
            (files_dir / IDENTITY_FOLDER / CERT_FILE).read_bytes()
        )[0]
    except (OSError, ValueError, IndexError):
        return None


# Verdicts of `check_seal`
VALID = "valid"
FORGED = "forged"  # does not verify with the key it names: changed after sealing
UNKNOWN_KEY = "unknown-key"  # sealed by a key this desk does not hold or trust


def check_seal(
    data: bytes, s: Seal, files_dir: Path, trusted: tuple[x509.Certificate, ...] = ()
) -> str:
    """VALID, FORGED or UNKNOWN_KEY for a seal over `data`.

    Identity seals count only with this desk's own certificate or one in `trusted` (a
    certificate embedded in the sealed thing itself proves nothing: anyone can make one).
    """
    try:
        sig = base64.b64decode(s.signature, validate=True)
    except (ValueError, TypeError):
        return FORGED
    if s.method == METHOD_DESK:
        key = desk_key(create=False)
        if key is None or key_id(key) != s.key_id:
            return UNKNOWN_KEY
        good = hmac.new(key, data, hashlib.sha256).digest()
        return VALID if hmac.compare_digest(good, sig) else FORGED
    if s.method == METHOD_IDENTITY:
        own = _own_public_key(files_dir, s.key_id)
        if own is not None:
            return VALID if _verify_signature(own, data, sig) else FORGED
        from models.certificates import fingerprint

        candidates = [c for c in (_own_certificate(files_dir), *trusted) if c is not None]
        for cert in candidates:
            if fingerprint(cert) == s.key_id:
                return VALID if _verify_signature(cert.public_key(), data, sig) else FORGED
        return UNKNOWN_KEY
    return FORGED


# -- checkpoints ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    events: int
    head: str
    made_at: str
    seal: Seal
    reason: str = "on-demand"

    def signed_bytes(self) -> bytes:
        return checkpoint_bytes(self.events, self.head, self.made_at)

    def to_json(self) -> dict[str, Any]:
        """The published form (statement record, register, manifest, checkpoints.json)."""
        out: dict[str, Any] = {
            "events": self.events,
            "head": self.head,
            "made_at": self.made_at,
            "reason": self.reason,
        }
        out.update(self.seal.to_json())
        out.pop("certificate", None)  # the register and statements carry the certificate
        return out

    @staticmethod
    def from_json(data: object) -> Checkpoint | None:
        if not isinstance(data, dict):
            return None
        events, head, made_at = data.get("events"), data.get("head"), data.get("made_at")
        if not isinstance(events, int) or isinstance(events, bool) or events < 0:
            return None
        if not isinstance(head, str) or len(head) != 64 or not isinstance(made_at, str):
            return None
        s = Seal.from_json(data)
        if s is None:
            return None
        reason = data.get("reason")
        return Checkpoint(events, head, made_at, s, reason if isinstance(reason, str) else "")

    def describe(self) -> Text:
        return Text(
            "audit.checkpoint.described",
            events=self.events,
            head=self.head[:12],
            made_at=self.made_at,
        )


def checkpoint_bytes(events: int, head: str, made_at: str) -> bytes:
    body = {"format": FORMAT, "events": events, "head": head, "made_at": made_at}
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")


def make_checkpoint(
    db: Database, reason: str = "on-demand", identity: UnlockedIdentity | None = None
) -> Checkpoint:
    """Sign the log's current size and head and keep the checkpoint in `audit_checkpoint`."""
    from sqlalchemy import select

    from models.storage.schema import AuditCheckpointRow, AuditEventRow

    with db.write() as s:
        last = s.execute(
            select(AuditEventRow.id, AuditEventRow.hash).order_by(AuditEventRow.id.desc()).limit(1)
        ).first()
        events, head = (int(last[0]), str(last[1])) if last else (0, GENESIS)
        made_at = iso(utc_now())
        sealed = seal(checkpoint_bytes(events, head, made_at), db.location.files_dir, identity)
        s.add(
            AuditCheckpointRow(
                events=events,
                head=head,
                made_at=made_at,
                reason=reason,
                method=sealed.method,
                key_id=sealed.key_id,
                signature=sealed.signature,
                certificate=sealed.certificate,
            )
        )
    return Checkpoint(events, head, made_at, sealed, reason)


def stored_checkpoints(db: Database) -> list[Checkpoint]:
    from sqlalchemy import select

    from models.storage.schema import AuditCheckpointRow

    with db.read() as s:
        rows = s.scalars(select(AuditCheckpointRow).order_by(AuditCheckpointRow.id)).all()
        return [
            Checkpoint(
                r.events,
                r.head,
                r.made_at,
                Seal(r.method, r.key_id, r.signature, r.certificate),
                r.reason,
            )
            for r in rows
        ]
