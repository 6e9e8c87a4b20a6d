"""What the agency's register says of a verified file: this desk's register or a published one.

Asked only once the file itself is authentic (`signed_file`): this desk's register (the very
file it issued, and whether it was withdrawn), the agency's signed public register (counted
only once the signer is confirmed, and said to be older when a later one was seen), or a
folder of published statements (a later one, genuine and signed with the same key, supersedes
this one). What it finds joins the result's problems and notes, as catalogue messages.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from models.certificates import fingerprint_display
from models.messages import Text
from models.statements.record import StatementStatus
from reports.verification.register import (
    RegisterUnreadable,
    is_register_folder,
    read_register,
    remember_sequence,
)
from reports.verification.result import Confirmation, VerifyResult
from reports.verification.signed_file import MAX_PDF_BYTES, open_parts, verify_signed_file

if TYPE_CHECKING:
    from models.statements.record import RegisterEntry
    from models.statements.register import RegisteredStatement


class RegisterLookup(Protocol):
    """A desk's register as verification reads it (`StatementRegister`, `QuickRegister`)."""

    def find(self, statement_id: str, /) -> RegisterEntry | RegisteredStatement | None: ...


def with_register(
    result: VerifyResult,
    data: bytes,
    register: RegisterLookup | None,
    folder: Path | None,
    seen: Path | None,
) -> VerifyResult:
    """Add what the agency's register (this desk's, or a published folder) says of this file."""
    problems: list[str] = list(result.problems)
    notes: list[str] = list(result.notes)
    file_sha = hashlib.sha256(data).hexdigest()
    in_register: bool | None = None
    status: str | None = None
    superseded_by: str | None = None
    sequence: int | None = None
    older_than: int | None = None
    confirmed_by = result.confirmed_by
    sid = result.statement_id
    if register is not None and sid:
        entry = register.find(sid)
        in_register = False
        if entry is None:
            notes.append(Text("verify.note.not_in_desk_register", id=sid))
        elif entry.file_sha256 != file_sha:
            problems.append(Text("verify.problem.differs_from_desk_copy", id=sid))
        else:
            in_register = True
            status = entry.status.value
            superseded_by = entry.superseded_by_id
            confirmed_by = confirmed_by or "this desk's register (the very file it issued)"
            if entry.status == StatementStatus.REVOKED:
                notes.append(Text("verify.note.withdrawn_reason", reason=entry.status_reason))
    if folder is not None and sid:
        if confirmed_by is None:
            notes.append(Text("verify.note.register_not_consulted", folder=folder))
        elif is_register_folder(folder):
            answer = _public_register(folder, sid, file_sha, result.fingerprint, seen)
            problems.extend(answer.problems)
            notes.extend(answer.notes)
            if answer.consulted:
                in_register = bool(in_register) or answer.found
                status = status or answer.status
                superseded_by = superseded_by or answer.superseded_by
                sequence, older_than = answer.sequence, answer.older_than
        else:
            found, later = _search_folder(folder, sid, file_sha, result.fingerprint)
            in_register = bool(in_register) or found
            if later and superseded_by is None:
                superseded_by = later
                status = status or StatementStatus.SUPERSEDED.value
            if not found and register is None:
                notes.append(Text("verify.note.not_in_folder", id=sid, folder=folder))
    if status is None and in_register:
        status = StatementStatus.CURRENT.value
    if result.historical and status == StatementStatus.CURRENT.value:
        status = "historical"
    valid = not problems
    return replace(
        result,
        valid=valid,
        trusted=valid and confirmed_by is not None,
        confirmed_by=confirmed_by if valid else None,
        in_register=in_register,
        status=status,
        superseded=superseded_by is not None or status == StatementStatus.SUPERSEDED.value,
        superseded_by=superseded_by,
        problems=tuple(problems),
        notes=tuple(notes),
        register_sequence=sequence,
        register_older_than=older_than,
    )


@dataclass(frozen=True)
class _RegisterAnswer:
    consulted: bool = False
    found: bool = False
    status: str | None = None
    superseded_by: str | None = None
    sequence: int | None = None
    older_than: int | None = None
    problems: tuple[Text, ...] = ()
    notes: tuple[Text, ...] = ()


def _public_register(
    folder: Path, statement_id: str, file_sha: str, signer_fp: str | None, seen: Path | None
) -> _RegisterAnswer:
    """What the agency's signed public register says of this file (signer already confirmed)."""
    try:
        register = read_register(folder)
    except RegisterUnreadable as e:
        return _RegisterAnswer(
            notes=(Text("verify.note.register_not_used", folder=folder, reason=e.text),)
        )
    if register.fingerprint != signer_fp:
        return _RegisterAnswer(
            notes=(
                Text(
                    "verify.note.register_other_key",
                    folder=folder,
                    fingerprint=fingerprint_display(register.fingerprint),
                ),
            )
        )
    notes: list[Text] = []
    older = remember_sequence(seen, register.fingerprint, register.sequence)
    if older is not None:
        notes.append(
            Text("verify.note.register_older", sequence=register.sequence or 0, seen=older)
        )
    entry = register.entry(statement_id)
    if entry is None:
        notes.append(
            Text(
                "verify.note.not_in_public_register",
                id=statement_id,
                folder=folder,
                when=register.generated_at,
            )
        )
        return _RegisterAnswer(
            consulted=True, sequence=register.sequence, older_than=older, notes=tuple(notes)
        )
    if entry.get("file_sha256") != file_sha:
        problem = Text("verify.problem.differs_from_register", id=statement_id)
        return _RegisterAnswer(consulted=True, problems=(problem,), notes=tuple(notes))
    status = str(entry.get("status") or StatementStatus.CURRENT.value)
    later = entry.get("superseded_by")
    if status == StatementStatus.REVOKED.value:
        notes.append(Text("verify.note.withdrawn_in_register", when=register.generated_at))
    if older is not None and status == StatementStatus.CURRENT.value:
        status = "current in an older register"
    return _RegisterAnswer(
        consulted=True,
        found=True,
        status=status,
        superseded_by=str(later) if later else None,
        sequence=register.sequence,
        older_than=older,
        notes=tuple(notes),
    )


def _search_folder(
    folder: Path, statement_id: str, file_sha: str, signer_fp: str | None
) -> tuple[bool, str | None]:
    """Is this exact file among the published statements, and does a later one supersede it?

    A statement only counts as superseding when it verifies and was made with the same
    certificate, so a forged file in the folder cannot retire a genuine statement.
    """
    found = False
    later: str | None = None
    try:
        files = sorted(p for p in folder.rglob("*.pdf") if p.is_file())
    except OSError:
        return False, None
    anchor = Confirmation(fingerprints=frozenset({signer_fp}) if signer_fp else frozenset())
    for path in files:
        try:
            if path.stat().st_size > MAX_PDF_BYTES:
                continue
            other = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(other).hexdigest() == file_sha:
            found = True
            continue
        if _claimed_supersedes(other) != statement_id:
            continue
        try:
            check = verify_signed_file(other, anchor)
        except Exception:  # a damaged file in the folder supersedes nothing
            continue
        if check.valid and check.trusted and not check.historical and check.statement_id:
            later = check.statement_id
    return found, later


def _claimed_supersedes(data: bytes) -> str | None:
    try:
        raw = open_parts(data).record()
        if raw is None:
            return None
        value = json.loads(raw.decode("utf-8"))
        sup = value.get("supersedes") if isinstance(value, dict) else None
        return str(sup) if sup else None
    except Exception:  # other files in the folder may be anything
        return None


__all__ = ["RegisterLookup", "with_register"]
