"""Writing entries of an artist's stance history (shared by the roster and `StanceService`).

Kept apart from `stance.py` so the roster service can record history without importing the
consent services (which import the roster).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from models.audit.chain import Change, append_event
from models.clock import iso
from models.consent.tables import StanceRecordRow

ENTITY = "stance_record"


def stance_snapshot(
    artist_id: int, stance: str, conditions: str, effective_at: datetime
) -> dict[str, Any]:
    return {
        "artist_id": artist_id,
        "stance": stance,
        "conditions": conditions,
        "effective_at": iso(effective_at),
    }


def add_stance_entry(
    s: Session,
    actor: str,
    artist_id: int,
    stance: str,
    conditions: str,
    effective_at: datetime,
    recorded_at: datetime,
) -> StanceRecordRow:
    """Append a stance entry, audited, in the caller's transaction."""
    row = StanceRecordRow(
        artist_id=artist_id,
        stance=stance,
        conditions=conditions,
        effective_at=effective_at,
        recorded_by=actor,
        recorded_at=recorded_at,
    )
    s.add(row)
    s.flush()
    append_event(
        s,
        actor,
        ENTITY,
        row.id,
        "create",
        None,
        stance_snapshot(artist_id, stance, conditions, effective_at),
    )
    return row


def add_stance_entries(
    s: Session, actor: str, entries: Sequence[tuple[int, str]], now: datetime
) -> list[Change]:
    """Insert many (artist id, stance) entries effective `now` in one statement (imports).

    Returns the audit changes for the caller to append with its own, in one batch.
    """
    if not entries:
        return []
    rows = [
        {
            "artist_id": artist_id,
            "stance": stance,
            "conditions": "",
            "effective_at": now,
            "recorded_by": actor,
            "recorded_at": now,
        }
        for artist_id, stance in entries
    ]
    ids = list(
        s.scalars(
            insert(StanceRecordRow).returning(StanceRecordRow.id, sort_by_parameter_order=True),
            rows,
        )
    )
    return [
        Change(ENTITY, sid, "create", None, stance_snapshot(a, st, "", now))
        for sid, (a, st) in zip(ids, entries, strict=True)
    ]
