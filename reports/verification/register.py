"""The agency's published register, read for verification without signing or database code.

The folder format is written by reports/public_register.py (register.json, its detached CMS
signature register.json.sig, agency-certificate.pem). Here it is only read: the signature is
checked with the same bounded CMS reader as statements, and the register only answers when
the key that signed it is the statement's signer *and* that signer is confirmed — an
attacker's own register folder says nothing.

Registers carry an increasing `sequence`; the highest one seen per agency key is remembered
in the desk's data folder so an older register (a rollback) is recognised and said to be older.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.certificates import read_pem_certificate
from models.messages import Text
from reports.verification.cms_check import check_cms

REGISTER_TYPE = "consent-desk.public-register"
REGISTER_FILE = "register.json"
SIGNATURE_FILE = "register.json.sig"
CERTIFICATE_FILE = "agency-certificate.pem"
MAX_REGISTER_BYTES = 64 * 1024 * 1024
SEEN_FILE = "registers-seen.json"


class RegisterUnreadable(ValueError):
    """The folder holds no register that its own certificate signed (why: `text`)."""

    def __init__(self, text: Text) -> None:
        super().__init__(text)
        self.text = text


@dataclass(frozen=True)
class CheckedRegister:
    data: dict[str, Any]
    fingerprint: str
    generated_at: str
    sequence: int | None

    def entry(self, statement_id: str) -> dict[str, Any] | None:
        for item in self.data.get("statements", []):
            if isinstance(item, dict) and item.get("id") == statement_id:
                return item
        return None


def is_register_folder(folder: Path) -> bool:
    return (folder / REGISTER_FILE).is_file()


def _read(path: Path, limit: int) -> bytes:
    try:
        if path.stat().st_size > limit:
            raise RegisterUnreadable(
                Text("error.reports.public_register.name_too_large_register", name=path.name)
            )
        return path.read_bytes()
    except FileNotFoundError as e:
        raise RegisterUnreadable(
            Text("verify.register.missing", folder=path.parent, name=path.name)
        ) from e
    except OSError as e:
        raise RegisterUnreadable(
            Text(
                "error.reports.public_register.cannot_read_path_value",
                path=path,
                value=e.strerror or e,
            )
        ) from e


def read_register(folder: Path) -> CheckedRegister:
    """The register in `folder` after checking its signature with the certificate beside it."""
    data = _read(folder / REGISTER_FILE, MAX_REGISTER_BYTES)
    signature = _read(folder / SIGNATURE_FILE, 1024 * 1024)
    pem = _read(folder / CERTIFICATE_FILE, 1024 * 1024)
    try:
        certificate = read_pem_certificate(pem)
    except ValueError as e:
        raise RegisterUnreadable(
            Text(
                "error.reports.public_register.certificate_file_not_certificate",
                certificate_file=CERTIFICATE_FILE,
            )
        ) from e
    outcome = check_cms(signature, data)
    if outcome.problems or outcome.signer is None:
        reason = outcome.problems[0] if outcome.problems else Text("verify.cms.no_signer")
        raise RegisterUnreadable(Text("verify.register.bad_signature", reason=reason))
    fp = outcome.signer.fingerprint
    if fp != certificate.fingerprint:
        raise RegisterUnreadable(Text("verify.register.other_certificate"))
    try:
        content = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise RegisterUnreadable(
            Text("error.reports.public_register.register_json_signed_but_not")
        ) from e
    if not isinstance(content, dict) or content.get("register_type") != REGISTER_TYPE:
        raise RegisterUnreadable(
            Text("error.reports.public_register.register_json_not_consent_desk")
        )
    agency = content.get("agency")
    named = agency.get("certificate_fingerprint_sha256") if isinstance(agency, dict) else None
    if named != fp:
        raise RegisterUnreadable(
            Text("error.reports.public_register.register_json_names_different_certificate")
        )
    if not isinstance(content.get("statements"), list):
        raise RegisterUnreadable(
            Text("error.reports.public_register.register_json_lists_no_statements")
        )
    sequence = content.get("sequence")
    if isinstance(sequence, bool) or not isinstance(sequence, int):
        sequence = None
    return CheckedRegister(content, fp, str(content.get("generated_at", "")), sequence)


def default_seen_file() -> Path:
    """Beside the desk's settings and database (CONSENT_DESK_HOME, else the user data folder)."""
    from models.storage.places import data_dir

    return data_dir() / SEEN_FILE


def _load_seen(path: Path) -> dict[str, int]:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): v for k, v in raw.items() if isinstance(v, int) and not isinstance(v, bool)}


def remember_sequence(path: Path | None, agency_fp: str, sequence: int | None) -> int | None:
    """Record `sequence` for the agency key; returns the higher one seen before, if any.

    A register without a sequence counts as 0 (older than any numbered one).
    """
    if path is None:
        return None
    seen = _load_seen(path)
    before = seen.get(agency_fp)
    current = sequence if sequence is not None else 0
    if before is not None and current < before:
        return before
    if before is None or current > before:
        seen[agency_fp] = current
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(path.name + ".part")
            part.write_text(json.dumps(seen, indent=1, sort_keys=True), "utf-8")
            os.replace(part, path)
        except OSError:
            pass  # remembering is a help, not a condition of the answer
    return None


__all__ = [
    "CheckedRegister",
    "RegisterUnreadable",
    "default_seen_file",
    "is_register_folder",
    "read_register",
    "remember_sequence",
]
