"""Evidence files of consent records: attach (content-addressed) and re-check by hashing.

The bytes go into the shared file store (`models.storage.files`: `files_dir/ab/abcdef…`,
written to `.part` and renamed) inside the caller's transaction, so the file row, the link to
the record and their audit events commit together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit.chain import append_event
from models.consent.row_values import evidence_snapshot, to_evidence
from models.consent.tables import ConsentEvidenceRow
from models.consent.values import Evidence, EvidenceRole
from models.errors import FieldProblem, ValidationError
from models.storage import files
from models.storage.database import Database
from models.storage.schema import StoredFileRow

MAX_NOTE = 2000
MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class EvidenceFile:
    """A file to attach: a path on disk or bytes in memory, with the role it plays."""

    source: Path | bytes
    role: EvidenceRole = EvidenceRole.SIGNED_AGREEMENT
    original_name: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if self.role not in set(EvidenceRole):
            raise TypeError(
                f"role must be one of {', '.join(EvidenceRole)}, not {self.role!r} "
                "(the file name goes in original_name=)"
            )
        object.__setattr__(self, "role", EvidenceRole(self.role))


@dataclass(frozen=True)
class EvidenceCheck:
    evidence: Evidence
    problem: str  # "" when the stored bytes still match the recorded SHA-256

    @property
    def ok(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class EvidenceReport:
    record_id: int
    checks: tuple[EvidenceCheck, ...]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def broken(self) -> tuple[EvidenceCheck, ...]:
        return tuple(c for c in self.checks if not c.ok)


def attach(s: Session, db: Database, record_id: int, file: EvidenceFile, now: datetime) -> Evidence:
    """Store the file and link it to the record, audited, in the caller's transaction."""
    problems: list[FieldProblem] = []
    if len(file.note) > MAX_NOTE:
        problems.append(FieldProblem("note", "problem.is_longer_than_characters", n=MAX_NOTE))
    if isinstance(file.source, Path):
        name = file.original_name or file.source.name
        if file.source.is_file() and file.source.stat().st_size > MAX_FILE_BYTES:
            problems.append(
                FieldProblem(
                    "evidence", "problem.is_larger_than_mb", name=name, n=MAX_FILE_BYTES >> 20
                )
            )
    else:
        name = file.original_name or "evidence.bin"
    if any(ord(c) < 32 for c in name) or len(name) > 400:
        problems.append(FieldProblem("evidence", "problem.the_file_name_is_too_long_or"))
    if problems:
        raise ValidationError(problems)
    if isinstance(file.source, Path):
        sha = files.store_file(db, file.source, name, session=s)
    else:
        sha = files.store_bytes(db, file.source, name, session=s)
    row = ConsentEvidenceRow(
        record_id=record_id,
        sha256=sha,
        original_name=name,
        role=EvidenceRole(file.role).value,
        note=file.note.strip(),
        added_at=now,
        added_by=db.actor,
    )
    s.add(row)
    s.flush()
    append_event(s, db.actor, "consent_evidence", row.id, "attach", None, evidence_snapshot(row))
    return to_evidence(row, s.get(StoredFileRow, sha))


def _problem(db: Database, sha256: str) -> str:
    if files.verify(db, sha256):
        return ""
    return "changed" if files.path_for(db, sha256).exists() else "missing"


def verify(s: Session, db: Database, record_id: int, now: datetime) -> EvidenceReport:
    """Hash every evidence file again; a file found changed or missing is marked not ok.

    Only a change of the verdict is written (and audited), so opening a record repeatedly
    does not flood the audit trail.
    """
    q = (
        select(ConsentEvidenceRow, StoredFileRow)
        .join(StoredFileRow, StoredFileRow.sha256 == ConsentEvidenceRow.sha256)
        .where(ConsentEvidenceRow.record_id == record_id)
        .order_by(ConsentEvidenceRow.id)
    )
    checks: list[EvidenceCheck] = []
    verdicts: dict[str, str] = {}
    for ev, file in s.execute(q):
        if ev.sha256 not in verdicts:
            verdicts[ev.sha256] = _problem(db, ev.sha256)
        problem = verdicts[ev.sha256]
        checks.append(EvidenceCheck(to_evidence(ev, file), problem))
        ok = not problem
        if file.ok != ok:
            before = {"ok": file.ok}
            file.ok = ok
            file.last_verified_at = now
            action = "repaired" if ok else "damaged"
            append_event(
                s,
                db.actor,
                "stored_file",
                file.sha256,
                action,
                before,
                {"ok": ok, "problem": problem},
            )
    return EvidenceReport(record_id, tuple(checks))
