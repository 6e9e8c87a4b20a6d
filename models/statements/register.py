"""The statement register: every issued statement, which one is current, which are stale.

A statement is a public promise about an artist's consent. When the consent changes the
promise may become false, so the register keeps every issued file (a copy in the data
folder), links re-issues to what they supersede, and can list the statements whose record
no longer matches `state_as_of(now)` (this feeds rule R20).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit.chain import append_event
from models.clock import utc_now
from models.errors import ConflictError, NotFoundError, UserError
from models.statements.record import (
    StatementKind,
    StatementStatus,
    canonical_bytes,
    comparable,
    modality_part,
    record_sha256,
)
from models.statements.tables import StatementRow
from models.storage.database import Database
from models.storage.places import STATEMENT_STORE
from models.storage.schema import AuditEventRow

ENTITY = "statement"


@dataclass(frozen=True)
class RegisteredStatement:
    """One row of the register, as the GUI and CLI see it."""

    id: str
    kind: StatementKind
    artist_id: int
    project_id: int | None
    languages: tuple[str, ...]
    as_of: datetime
    record_json: str
    record_sha256: str
    file_sha256: str
    stored_path: Path
    file_name: str
    signer: str
    signer_fingerprint: str
    supersedes_id: str | None
    superseded_by_id: str | None
    status: StatementStatus
    status_reason: str
    issued_at: datetime
    issued_by: str

    @property
    def record(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.record_json)
        return value

    @property
    def artist_display_name(self) -> str:
        return str(self.record.get("subject", {}).get("display_name", ""))


@dataclass(frozen=True)
class OutOfDateStatement:
    """A current statement that no longer says what is on record today."""

    statement: RegisteredStatement
    changed_modalities: tuple[str, ...]
    checked_at: datetime


def _to_statement(row: StatementRow, files_dir: Path) -> RegisteredStatement:
    return RegisteredStatement(
        id=row.id,
        kind=StatementKind(row.kind),
        artist_id=row.artist_id,
        project_id=row.project_id,
        languages=tuple(x for x in row.language.split(",") if x),
        as_of=row.as_of,
        record_json=row.record_json,
        record_sha256=row.record_sha256,
        file_sha256=row.file_sha256,
        stored_path=files_dir / row.stored_path,
        file_name=row.file_name,
        signer=row.signer,
        signer_fingerprint=row.signer_fingerprint,
        supersedes_id=row.supersedes_id,
        superseded_by_id=row.superseded_by_id,
        status=StatementStatus(row.status),
        status_reason=row.status_reason,
        issued_at=row.issued_at,
        issued_by=row.issued_by,
    )


def _snapshot(row: StatementRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind,
        "artist_id": row.artist_id,
        "project_id": row.project_id,
        "language": row.language,
        "as_of": row.as_of,
        "record_sha256": row.record_sha256,
        "file_sha256": row.file_sha256,
        "signer_fingerprint": row.signer_fingerprint,
        "supersedes_id": row.supersedes_id,
        "superseded_by_id": row.superseded_by_id,
        "status": row.status,
        "status_reason": row.status_reason,
    }


def _changed(old: Sequence[dict[str, Any]], new: Sequence[dict[str, Any]]) -> tuple[str, ...]:
    before = {m["modality"]: comparable([m]) for m in old}
    after = {m["modality"]: comparable([m]) for m in new}
    return tuple(sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k)))


class StatementRegister:
    """The only way statements are recorded, listed, superseded and withdrawn."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def store_dir(self) -> Path:
        return self.db.location.files_dir / STATEMENT_STORE

    # ---- reading -------------------------------------------------------------------------

    def find(self, statement_id: str) -> RegisteredStatement | None:
        with self.db.read() as s:
            row = s.get(StatementRow, statement_id)
            return _to_statement(row, self.db.location.files_dir) if row else None

    def get(self, statement_id: str) -> RegisteredStatement:
        found = self.find(statement_id)
        if found is None:
            raise NotFoundError(
                "error.statements.register.no_statement_statement_id_register",
                statement_id=statement_id,
            )
        return found

    def by_file_sha256(self, sha256: str) -> RegisteredStatement | None:
        with self.db.read() as s:
            row = s.scalars(
                select(StatementRow).where(StatementRow.file_sha256 == sha256).limit(1)
            ).first()
            return _to_statement(row, self.db.location.files_dir) if row else None

    def statements(
        self,
        artist_id: int | None = None,
        statuses: Iterable[StatementStatus] | None = None,
    ) -> list[RegisteredStatement]:
        """Newest first."""
        q = select(StatementRow).order_by(StatementRow.issued_at.desc(), StatementRow.id)
        if artist_id is not None:
            q = q.where(StatementRow.artist_id == artist_id)
        if statuses is not None:
            q = q.where(StatementRow.status.in_([st.value for st in statuses]))
        with self.db.read() as s:
            return [_to_statement(r, self.db.location.files_dir) for r in s.scalars(q)]

    def current_for(
        self, artist_id: int, kind: StatementKind, project_id: int | None = None
    ) -> RegisteredStatement | None:
        """The statement a re-issue of this kind and scope would supersede."""
        with self.db.read() as s:
            row = self._current_rows(s, artist_id, kind, project_id)
            return _to_statement(row[0], self.db.location.files_dir) if row else None

    @staticmethod
    def _current_rows(
        s: Session, artist_id: int, kind: StatementKind, project_id: int | None
    ) -> list[StatementRow]:
        q = select(StatementRow).where(
            StatementRow.artist_id == artist_id,
            StatementRow.kind == kind.value,
            StatementRow.status == StatementStatus.CURRENT.value,
        )
        q = q.where(
            StatementRow.project_id.is_(None)
            if project_id is None
            else StatementRow.project_id == project_id
        )
        return list(s.scalars(q.order_by(StatementRow.issued_at.desc())))

    # ---- writing -------------------------------------------------------------------------

    def register(self, record: dict[str, Any], pdf: bytes, file_name: str) -> RegisteredStatement:
        """Keep a copy of the signed file and record it; older statements of its scope step down.

        The copy is written to a `.part` file and renamed inside the transaction, so a failure
        leaves neither a row without a file nor a half-written file.
        """
        statement_id = str(record["statement_id"])
        kind = StatementKind(record["kind"])
        artist_id = int(record["subject"]["artist_id"])
        scope = record.get("scope") or {}
        project_id = scope.get("project_id")
        issued_at = datetime.fromisoformat(record["issued_at"])
        historical = bool(record.get("historical"))
        self.store_dir.mkdir(parents=True, exist_ok=True)
        target = self.store_dir / f"{statement_id}.pdf"
        part = target.with_name(target.name + ".part")
        part.write_bytes(pdf)
        try:
            with self.db.write() as s:
                if s.get(StatementRow, statement_id) is not None:
                    raise ConflictError(
                        "error.statements.register.statement_statement_id_already_register",
                        statement_id=statement_id,
                    )
                row = StatementRow(
                    id=statement_id,
                    kind=kind.value,
                    artist_id=artist_id,
                    project_id=project_id,
                    language=",".join(record["language"]),
                    as_of=datetime.fromisoformat(record["as_of"]),
                    record_json=canonical_bytes(record).decode("utf-8"),
                    record_sha256=record_sha256(record),
                    file_sha256=hashlib.sha256(pdf).hexdigest(),
                    stored_path=f"{STATEMENT_STORE}/{target.name}",
                    file_name=Path(file_name).name,
                    signer=str(record["issuer"]["signer"]),
                    signer_fingerprint=str(record["issuer"]["signer_fingerprint_sha256"]),
                    supersedes_id=None if historical else record.get("supersedes"),
                    superseded_by_id=None,
                    status=(
                        StatementStatus.HISTORICAL.value
                        if historical
                        else StatementStatus.CURRENT.value
                    ),
                    status_reason="",
                    issued_at=issued_at,
                    issued_by=self.db.actor,
                    row_version=1,
                )
                # A historical copy stands beside the present; it never replaces it.
                stepping_down = (
                    [] if historical else self._current_rows(s, artist_id, kind, project_id)
                )
                for old in stepping_down:
                    before = _snapshot(old)
                    old.status = StatementStatus.SUPERSEDED.value
                    old.superseded_by_id = statement_id
                    old.status_reason = f"re-issued as {statement_id}"
                    old.row_version += 1
                    append_event(
                        s, self.db.actor, ENTITY, old.id, "supersede", before, _snapshot(old)
                    )
                s.add(row)
                s.flush()
                append_event(s, self.db.actor, ENTITY, statement_id, "issue", None, _snapshot(row))
                os.replace(part, target)
                result = _to_statement(row, self.db.location.files_dir)
        finally:
            if part.exists():
                part.unlink()
        return result

    def withdraw(self, statement_id: str, reason: str) -> RegisteredStatement:
        """The agency takes a statement back (status `revoked`); the row and file stay."""
        reason = reason.strip()
        if not reason:
            raise UserError("error.statements.register.say_why_statement_withdrawn_reason")
        with self.db.write() as s:
            row = s.get(StatementRow, statement_id)
            if row is None:
                raise NotFoundError(
                    "error.statements.register.no_statement_statement_id_register_2",
                    statement_id=statement_id,
                )
            if row.status == StatementStatus.REVOKED.value:
                raise ConflictError(
                    "error.statements.register.statement_statement_id_was_already",
                    statement_id=statement_id,
                )
            before = _snapshot(row)
            row.status = StatementStatus.REVOKED.value
            row.status_reason = reason
            row.row_version += 1
            append_event(s, self.db.actor, ENTITY, row.id, "withdraw", before, _snapshot(row))
            return _to_statement(row, self.db.location.files_dir)

    def withdrawal_times(self) -> dict[str, datetime]:
        """When each withdrawn statement was withdrawn, from its audit event (the row keeps
        only its status)."""
        with self.db.read() as s:
            rows = s.execute(
                select(AuditEventRow.entity_id, AuditEventRow.at).where(
                    AuditEventRow.entity == ENTITY, AuditEventRow.action == "withdraw"
                )
            ).all()
        return {str(entity_id): datetime.fromisoformat(at) for entity_id, at in rows}

    # ---- staleness -----------------------------------------------------------------------

    def out_of_date(self, now: datetime | None = None) -> list[OutOfDateStatement]:
        """Current statements whose per-modality record differs from `state_as_of(now)`."""
        from models.consent.state import state_as_of

        when = now or utc_now()
        current = self.statements(statuses=[StatementStatus.CURRENT])
        states: dict[int, Any] = {}
        out: list[OutOfDateStatement] = []
        for st in current:
            if st.artist_id not in states:
                states[st.artist_id] = state_as_of(self.db, st.artist_id, when)
            record = st.record
            scope = record.get("scope") or {}
            today = modality_part(states[st.artist_id], scope.get("project_id"))
            said = record.get("modalities", [])
            if comparable(said) != comparable(today):
                out.append(OutOfDateStatement(st, _changed(said, today), when))
        return out


def out_of_date(db: Database, now: datetime | None = None) -> list[OutOfDateStatement]:
    """Statements on record that contradict the current consent state (rule R20)."""
    return StatementRegister(db).out_of_date(now)


__all__ = ["OutOfDateStatement", "RegisteredStatement", "StatementRegister", "out_of_date"]
