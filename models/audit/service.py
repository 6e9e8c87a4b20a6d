"""Reading and verifying the audit trail."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from models.audit.binding import check_rows
from models.audit.chain import EVENTS_SQL, ChainReport, batches, verify_rows
from models.storage.database import Database
from models.storage.schema import AuditEventRow


@dataclass(frozen=True)
class AuditEvent:
    id: int
    at: str
    actor: str
    entity: str
    entity_id: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    hash: str

    def changed_fields(self) -> list[str]:
        """Names of the fields that differ between before and after."""
        b, a = self.before or {}, self.after or {}
        return sorted(k for k in set(b) | set(a) if b.get(k) != a.get(k))


if TYPE_CHECKING:
    from models.audit.anchors import Anchor


def _after_reader(s: Any) -> Any:
    def after_of(event_id: int) -> str | None:
        value = s.scalar(select(AuditEventRow.after).where(AuditEventRow.id == event_id))
        return value if isinstance(value, str) else None

    return after_of


class AuditService:
    """Who changed what and when; and whether anyone tampered with that record."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def verify(self, batch: int = 5000, anchors: Sequence[Anchor] | None = None) -> ChainReport:
        """Check the chain, every bound row against its last event, and every checkpoint.

        `anchors` are checkpoints found outside the database (`models.audit.anchors`); the
        database's own (checkpoint table, statement records) are always checked.
        """
        from models.audit.anchors import database_anchors, verify_log

        def walk(wanted: dict[int, str]) -> tuple[ChainReport, list[str]]:
            last_rows: dict[tuple[str, str], tuple[int, str | None]] = {}
            with self.db.read() as s:
                # Plain driver rows, fetched in batches: SQLAlchemy's result layer was a third
                # of verifying 100,000 events (tests/benchmarks/test_consent_bench.py).
                cursor = s.connection().connection.cursor()
                try:
                    cursor.execute(EVENTS_SQL)
                    report = verify_rows(batches(cursor, batch), last_rows, wanted)
                finally:
                    cursor.close()
                if not report.intact:
                    return report, []
                after_of = _after_reader(s)
                return report, [p.describe() for p in check_rows(s, last_rows, after_of)]

        found = [*database_anchors(self.db), *(anchors or ())]
        return verify_log(found, self.db.location.files_dir, walk)

    def count(self) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(AuditEventRow)) or 0)

    def events(
        self,
        entity: str | None = None,
        entity_id: int | str | None = None,
        limit: int = 500,
        offset: int = 0,
        text: str = "",
    ) -> list[AuditEvent]:
        """Newest first, optionally for one entity (e.g. "artist", 12)."""
        q = select(AuditEventRow).order_by(AuditEventRow.id.desc())
        if entity:
            q = q.where(AuditEventRow.entity == entity)
        if entity_id is not None:
            q = q.where(AuditEventRow.entity_id == str(entity_id))
        if text:
            like = f"%{text}%"
            q = q.where(
                AuditEventRow.actor.ilike(like)
                | AuditEventRow.after.ilike(like)
                | AuditEventRow.before.ilike(like)
            )
        with self.db.read() as s:
            rows = s.scalars(q.limit(limit).offset(offset)).all()
            return [
                AuditEvent(
                    r.id,
                    r.at,
                    r.actor,
                    r.entity,
                    r.entity_id,
                    r.action,
                    json.loads(r.before) if r.before else None,
                    json.loads(r.after) if r.after else None,
                    r.hash,
                )
                for r in rows
            ]
