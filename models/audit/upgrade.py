"""Binding the rows of a database made before rows were bound (run once, by a migration).

Events written before `row_hash` existed (models/audit/binding.py) bind nothing, so `audit
verify` could not see a later direct edit of their rows. At the upgrade each such row — one
that exists and whose last event carries no row hash — gets a baseline event, labelled
`bound at upgrade` and written by `Consent Desk upgrade`, that records its current content
(`after`, so a later edit is named field by field) and binds it. The events are appended to
the hash chain like any other, so existing checkpoints stay valid (the log only grows).

What this cannot do: vouch for the content a row had when it was bound. A row edited behind
the log *before* the upgrade is bound as it was found; the label says exactly that. Rows with
no event at all are left alone, so `audit verify` still reports them as added behind the log.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from models.audit.binding import BOUND_TABLES, _plain, row_digest
from models.audit.chain import GENESIS, event_hash
from models.clock import iso, utc_now

UPGRADE_ACTION = "bound at upgrade"
UPGRADE_ACTOR = "Consent Desk upgrade"
_BATCH = 1000

_events = sa.table(
    "audit_event",
    sa.column("id", sa.Integer),
    sa.column("at", sa.String),
    sa.column("actor", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("action", sa.String),
    sa.column("before", sa.Text),
    sa.column("after", sa.Text),
    sa.column("prev_hash", sa.String),
    sa.column("row_hash", sa.String),
    sa.column("hash", sa.String),
)


def _unbound(conn: Connection) -> set[tuple[str, str]]:
    """Bound-table rows whose last event carries no row hash (written before binding)."""
    last = (
        sa.select(sa.func.max(_events.c.id).label("id"))
        .where(_events.c.entity.in_(sorted(BOUND_TABLES)))
        .group_by(_events.c.entity, _events.c.entity_id)
        .subquery()
    )
    rows = conn.execute(
        sa.select(_events.c.entity, _events.c.entity_id)
        .join(last, last.c.id == _events.c.id)
        .where(_events.c.row_hash.is_(None))
    )
    return {(str(e), str(i)) for e, i in rows}


def bind_unbound_rows(conn: Connection) -> int:
    """Append a `bound at upgrade` event for every unbound row; return how many."""
    from models.storage.schema import Base

    unbound = _unbound(conn)
    if not unbound:
        return 0
    inspector = sa.inspect(conn)
    changes: list[tuple[str, str, str, str]] = []  # entity, id, after, row hash
    for entity, table_name in sorted(BOUND_TABLES.items()):
        table = Base.metadata.tables.get(table_name)
        if table is None or not inspector.has_table(table_name):
            continue
        present = {c["name"] for c in inspector.get_columns(table_name)}
        columns = [c for c in table.columns if c.name in present]
        pk = next(iter(table.primary_key.columns))
        for mapping in conn.execute(sa.select(*columns).order_by(pk)).mappings():
            row: dict[str, Any] = dict(mapping)
            row_id = str(row[pk.name])
            if (entity, row_id) not in unbound:
                continue
            after = json.dumps(
                row, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_plain
            )
            changes.append((entity, row_id, after, row_digest(row)))
    head = conn.execute(
        sa.select(_events.c.id, _events.c.hash).order_by(_events.c.id.desc()).limit(1)
    ).first()
    seq, prev = (int(head[0]), str(head[1])) if head else (0, GENESIS)
    at = iso(utc_now())
    out: list[dict[str, Any]] = []
    for entity, row_id, after, row_hash in changes:
        seq += 1
        digest = event_hash(
            seq, at, UPGRADE_ACTOR, entity, row_id, UPGRADE_ACTION, None, after, prev, row_hash
        )
        out.append(
            {
                "id": seq,
                "at": at,
                "actor": UPGRADE_ACTOR,
                "entity": entity,
                "entity_id": row_id,
                "action": UPGRADE_ACTION,
                "before": None,
                "after": after,
                "prev_hash": prev,
                "row_hash": row_hash,
                "hash": digest,
            }
        )
        prev = digest
    for start in range(0, len(out), _BATCH):
        conn.execute(sa.insert(_events), out[start : start + _BATCH])
    return len(out)


__all__ = ["UPGRADE_ACTION", "UPGRADE_ACTOR", "bind_unbound_rows"]
