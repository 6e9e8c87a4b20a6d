"""The public register: which statements the agency issued and which of them still stand.

A journalist who holds one of our PDFs can ask two questions: "did the agency sign this?" (the
PDF answers alone) and "does the agency still stand by it?" — which needs the agency's later
word. The public register is that word, published as a folder the agency puts on its website:

- `register.json`: every issued statement (id, artist's public name, kind, as-of, SHA-256 of
  the PDF file, status current / superseded / revoked, what superseded it), the agency's
  certificate fingerprint and when the register was generated; labels in English and Chinese;
- `register.json.sig`: a detached CMS (PKCS#7) SignedData over the exact bytes of
  register.json, made with the agency's signing key (DER);
- `agency-certificate.pem`: the certificate that signed it (and signs the statements);
- `index.html`: the same list as a static bilingual page (no scripts, nothing fetched);
- `README.txt`: this format, and how to check it with OpenSSL or Consent Desk.

It is read back by one reader, `reports.verification.register.read_register`, which checks the
signature before anything in the JSON is believed, so an edited register.json (or one signed by
someone else) is refused, never half-trusted.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7

from models.agency import AgencyService
from models.audit.checkpoint import make_checkpoint, seal
from models.clock import utc_now
from models.errors import UserError
from models.identity import UnlockedIdentity, fingerprint, fingerprint_display, subject_name
from models.statements.publication import next_register_sequence
from models.statements.record import StatementStatus
from models.statements.register import RegisteredStatement, StatementRegister
from models.storage.database import Database
from reports.public_register_page import render_index, render_readme
from reports.verification.cms_check import check_cms
from reports.verification.register import (
    CERTIFICATE_FILE,
    MAX_REGISTER_BYTES,
    REGISTER_FILE,
    REGISTER_TYPE,
    SIGNATURE_FILE,
)
from reports.verify_page import VERIFY_FILE, VERIFY_FILE_ZH, render_verify_page

REGISTER_VERSION = 1
CHECKPOINTS_FILE = "checkpoints.json"
INDEX_FILE = "index.html"
README_FILE = "README.txt"

KIND_LABELS: dict[str, tuple[str, str]] = {
    "position": ("Position statement", "立场声明"),
    "project_certificate": ("Project consent certificate", "项目授权证明"),
    "non_authorisation": ("Notice of non-authorisation", "未授权声明"),
    "revocation": ("Notice of revocation", "撤回授权通知"),
}
STATUS_LABELS: dict[str, tuple[str, str]] = {
    StatementStatus.CURRENT.value: ("Current", "现行"),
    StatementStatus.SUPERSEDED.value: ("Superseded", "已被取代"),
    StatementStatus.REVOKED.value: ("Withdrawn (revoked)", "已撤回"),
    StatementStatus.HISTORICAL.value: ("Historical copy (not current)", "历史副本（非现行）"),
}


class RegisterError(UserError):
    """The folder is not a register signed by the certificate beside it."""


@dataclass(frozen=True)
class ExportedRegister:
    folder: Path
    statements: int
    fingerprint: str
    generated_at: str
    files: tuple[Path, ...]
    sequence: int = 0
    checkpoint: dict[str, Any] | None = None


def _labels(table: dict[str, tuple[str, str]], key: str) -> dict[str, str]:
    en, zh = table.get(key, (key, key))
    return {"en": en, "zh": zh}


def _entry(st: RegisteredStatement, withdrawn_at: datetime | None = None) -> dict[str, Any]:
    record = st.record
    subject = record.get("subject", {})
    return {
        "id": st.id,
        "artist": st.artist_display_name,
        "artist_native_name": subject.get("native_name", ""),
        "artist_romanized_name": subject.get("romanized_name", ""),
        "kind": st.kind.value,
        "kind_label": _labels(KIND_LABELS, st.kind.value),
        "languages": list(st.languages),
        "as_of": record.get("as_of") or st.as_of.isoformat(),
        "issued_at": record.get("issued_at") or st.issued_at.isoformat(),
        "file_sha256": st.file_sha256,
        "record_sha256": st.record_sha256,
        "status": st.status.value,
        "status_label": _labels(STATUS_LABELS, st.status.value),
        "supersedes": st.supersedes_id,
        "superseded_by": st.superseded_by_id,
        "signer_fingerprint_sha256": st.signer_fingerprint,
        "withdrawn_at": withdrawn_at.isoformat(timespec="seconds") if withdrawn_at else None,
    }


def build_register(
    db: Database, identity: UnlockedIdentity, now: datetime | None = None
) -> dict[str, Any]:
    """The register's content: every issued statement, oldest first (nothing written)."""
    when = (now or utc_now()).astimezone()
    profile = AgencyService(db).get()
    register = StatementRegister(db)
    statements = sorted(register.statements(), key=lambda s: (s.issued_at, s.id))
    withdrawn = register.withdrawal_times()
    cert = identity.certificate
    fp = fingerprint(cert)
    return {
        "register_type": REGISTER_TYPE,
        "register_version": REGISTER_VERSION,
        "generated_at": when.isoformat(timespec="seconds"),
        "agency": {
            "name": profile.name or identity.identity.subject,
            "name_zh": profile.name_zh,
            "certificate_subject": subject_name(cert),
            "certificate_fingerprint_sha256": fp,
            "certificate_fingerprint_display": fingerprint_display(fp),
            "certificate_self_signed": identity.identity.self_signed,
            "certificate_file": CERTIFICATE_FILE,
        },
        "signature": {
            "file": SIGNATURE_FILE,
            "format": "CMS SignedData (PKCS#7), detached, DER, SHA-256, over the exact bytes "
            "of register.json",
        },
        "statuses": {k: _labels(STATUS_LABELS, k) for k in STATUS_LABELS},
        "statements": [_entry(st, withdrawn.get(st.id)) for st in statements],
    }


def sign_detached(data: bytes, identity: UnlockedIdentity) -> bytes:
    """A detached CMS signature (DER) over `data` that OpenSSL's `cms -verify` also accepts."""
    key = identity.private_key
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise UserError("error.reports.public_register.public_register_can_only_signed")
    builder = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(data)
        .add_signer(identity.certificate, key, hashes.SHA256())
    )
    for extra in identity.chain:
        builder = builder.add_certificate(extra)
    return builder.sign(
        serialization.Encoding.DER,
        [
            pkcs7.PKCS7Options.DetachedSignature,
            pkcs7.PKCS7Options.Binary,
            pkcs7.PKCS7Options.NoCapabilities,
        ],
    )


def check_signature(data: bytes, signature: bytes, certificate: x509.Certificate) -> None:
    """Raise RegisterError unless `signature` is `certificate`'s detached signature of `data`.

    The same bounded CMS reader that checks statements (reports/verification/cms_check.py)."""
    outcome = check_cms(signature, data)
    if outcome.signer is None:
        reason = outcome.problems[0] if outcome.problems else "no signer"
        raise RegisterError(
            "error.reports.public_register.register_signature_cannot_checked_reason", reason=reason
        )
    if fingerprint(outcome.signer) != fingerprint(certificate):
        raise RegisterError(
            "error.reports.public_register.register_signature_cannot_checked_signed"
        )
    if not outcome.intact:
        raise RegisterError("error.reports.public_register.register_json_was_changed_after")
    if not outcome.valid or outcome.problems:
        raise RegisterError("error.reports.public_register.register_signature_not_valid_do")


def _write_all(folder: Path, files: dict[str, bytes]) -> tuple[Path, ...]:
    """Every file to `.part` first, then renamed: a failure leaves the old register whole."""
    tag = secrets.token_hex(4)
    parts: list[tuple[Path, Path]] = []
    try:
        for name, content in files.items():
            target = folder / name
            part = folder / f".{name}.{tag}.part"
            part.write_bytes(content)
            parts.append((part, target))
        for part, target in parts:
            os.replace(part, target)
    except OSError as e:
        raise UserError(
            "error.reports.public_register.cannot_write_register_into_folder",
            folder=folder,
            value=e.strerror or e,
        ) from e
    finally:
        for part, _target in parts:
            if part.exists():
                part.unlink()
    return tuple(target for _part, target in parts)


def export_public_register(
    db: Database, identity: UnlockedIdentity, folder: Path, now: datetime | None = None
) -> ExportedRegister:
    """Write (or refresh) the publishable register folder, signed with the agency's key."""
    if folder.exists() and not folder.is_dir():
        raise UserError("error.reports.public_register.folder_file_not_folder", folder=folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(
            "error.reports.public_register.cannot_create_folder_folder_value",
            folder=folder,
            value=e.strerror or e,
        ) from e
    content = build_register(db, identity, now)
    history = _previous_history(folder)
    previous_seq = max(
        (e.get("sequence", 0) for e in history if _is_int(e.get("sequence"))), default=0
    )
    content["sequence"] = next_register_sequence(db, at_least=previous_seq)
    checkpoint = make_checkpoint(db, "register", identity)
    content["checkpoint"] = checkpoint.to_json()
    entry: dict[str, Any] = {
        "sequence": content["sequence"],
        "generated_at": content["generated_at"],
        **checkpoint.to_json(),
    }
    entry["entry_signature"] = seal(
        json.dumps(entry, sort_keys=True, separators=(",", ":")).encode("utf-8"),
        db.location.files_dir,
        identity,
    ).signature
    history_data = (
        json.dumps(
            {
                "about": "Every export of this register, oldest first: its sequence, date and "
                "the audit checkpoint it was made at (event count, head hash, signed by the "
                "agency's key; entry_signature also covers sequence and date). A later export "
                "whose log does not extend an earlier checkpoint means history was rewritten.",
                "checkpoints": [*history, entry],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    ).encode("utf-8")
    data = (json.dumps(content, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode(
        "utf-8"
    )
    signature = sign_detached(data, identity)
    check_signature(data, signature, identity.certificate)  # never publish what fails to verify
    pem = b"".join(
        c.public_bytes(serialization.Encoding.PEM) for c in (identity.certificate, *identity.chain)
    )
    files = _write_all(
        folder,
        {
            REGISTER_FILE: data,
            SIGNATURE_FILE: signature,
            CERTIFICATE_FILE: pem,
            INDEX_FILE: render_index(content).encode("utf-8"),
            README_FILE: render_readme(content).encode("utf-8"),
            VERIFY_FILE: render_verify_page(content, "en").encode("utf-8"),
            VERIFY_FILE_ZH: render_verify_page(content, "zh").encode("utf-8"),
            CHECKPOINTS_FILE: history_data,
        },
    )
    return ExportedRegister(
        folder=folder,
        statements=len(content["statements"]),
        fingerprint=content["agency"]["certificate_fingerprint_sha256"],
        generated_at=content["generated_at"],
        files=files,
        sequence=content["sequence"],
        checkpoint=content["checkpoint"],
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _previous_history(folder: Path) -> list[dict[str, Any]]:
    """The entries of the folder's existing checkpoints.json (kept: the file only grows)."""
    path = folder / CHECKPOINTS_FILE
    if not path.exists():
        return []
    try:
        data = json.loads(_read(path))
    except (UserError, ValueError, RecursionError) as e:
        raise UserError(
            "error.reports.public_register.path_exists_but_cannot_read", path=path, reason=e
        ) from e
    entries = data.get("checkpoints") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UserError("error.reports.public_register.path_not_consent_desk_checkpoint", path=path)
    return [e for e in entries if isinstance(e, dict)]


def _read(path: Path, limit: int = MAX_REGISTER_BYTES) -> bytes:
    try:
        if path.stat().st_size > limit:
            raise RegisterError(
                "error.reports.public_register.name_too_large_register", name=path.name
            )
        return path.read_bytes()
    except FileNotFoundError as e:
        raise RegisterError(
            "error.reports.public_register.parent_has_no_name_not",
            parent=path.parent,
            name=path.name,
        ) from e
    except OSError as e:
        raise RegisterError(
            "error.reports.public_register.cannot_read_path_value", path=path, value=e.strerror or e
        ) from e


__all__ = [
    "CERTIFICATE_FILE",
    "INDEX_FILE",
    "README_FILE",
    "REGISTER_FILE",
    "SIGNATURE_FILE",
    "ExportedRegister",
    "RegisterError",
    "build_register",
    "check_signature",
    "export_public_register",
    "sign_detached",
]
