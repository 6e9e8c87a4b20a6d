"""Binding each audited row's current content to its last audit event.

The hash chain proves the *events* were not changed; on its own it says nothing about the
tables the events describe: `UPDATE artist SET notes = …` behind the application's back left
the chain intact. So every event about a row of a bound table also records `row_hash`, the
SHA-256 of that row's columns as they are after the write (read back inside the same
transaction), and `row_hash` is covered by the event's own hash. `audit verify` recomputes
each bound row's hash and compares it with the one its last event recorded:

- different hash: the row was changed without an event (named: table, id, and the fields
  that differ from the event's `after` snapshot where the snapshot shows them);
- no event at all: the row was added behind the log, or its events were deleted;
- the last event recorded a row but the row is gone: deleted behind the log;
- the last event says the row is gone (`ROW_GONE`) but it exists: re-inserted behind the log.

Events written before this binding existed carry no `row_hash`; their rows are not checked
until their next audited write.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from models.clock import iso
from models.messages import Text

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.orm import Session

# entity name in audit events -> table whose primary key is the event's entity_id
BOUND_TABLES: dict[str, str] = {
    "artist": "artist",
    "consent_record": "consent_record",
    "counterparty": "counterparty",
    "project": "project",
    "stance_record": "stance_record",
    "statement": "statement",
}
BOUND_ENTITIES = frozenset(BOUND_TABLES)
ROW_GONE = "-"
_IN_BATCH = 500


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"cannot hash {type(value).__name__} in a row")


def row_digest(values: Mapping[str, Any]) -> str:
    """SHA-256 of a row's columns (canonical JSON: sorted keys, no spaces, UTF-8)."""
    body = json.dumps(
        dict(values), sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_plain
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _table(session: Session, name: str) -> Table | None:
    from sqlalchemy import Table

    from models.storage.schema import Base

    table = Base.metadata.tables.get(name)
    return table if isinstance(table, Table) else None


def _pk_column(table: Table) -> Any:
    return next(iter(table.primary_key.columns))


def _id_value(table: Table, entity_id: str) -> Any:
    pk = _pk_column(table)
    try:
        return int(entity_id) if pk.type.python_type is int else entity_id
    except (ValueError, NotImplementedError):
        return entity_id


@cache
def _column_kinds(table: Table) -> tuple[tuple[str, type | None], ...]:
    """Each column of `table` and the Python type the ORM reads it as: `datetime` for UTC
    date-times, `list` for JSON, `date`, `str`, `int`, `bool`; None for any other kind."""
    from sqlalchemy import JSON

    from models.storage.schema import UTCDateTime

    out: list[tuple[str, type | None]] = []
    for column in table.columns:
        kind = column.type
        if isinstance(kind, UTCDateTime):
            out.append((column.name, datetime))
        elif isinstance(kind, JSON):
            out.append((column.name, list))
        else:
            try:
                found = kind.python_type
            except NotImplementedError:
                found = None
            plain = found in (date, str, int, bool)
            out.append((column.name, found if plain else None))
    return tuple(out)


def _as_read(table: Table, values: Mapping[str, Any]) -> dict[str, Any] | None:
    """`values` just written as a whole row of `table`, as the ORM reads that row back
    (what `row_digests` would hash), or None when that cannot be told without reading it.

    Only the plain kinds the app writes are taken: text, whole numbers, booleans, dates,
    UTC date-times (read back in UTC) and JSON lists of text."""
    kinds = _column_kinds(table)
    if len(values) != len(kinds):
        return None
    out: dict[str, Any] = {}
    for name, kind in kinds:
        if name not in values:
            return None
        value = values[name]
        if value is None:
            pass
        elif kind is datetime:
            if not isinstance(value, datetime) or value.tzinfo is None:
                return None
            value = value.astimezone(UTC)
        elif kind is list:
            if type(value) is not list or not all(type(v) is str for v in value):
                return None
        elif kind is None or type(value) is not kind:
            return None
        out[name] = value
    return out


def row_digests(
    session: Session,
    keys: Sequence[tuple[str, str]],
    written: Mapping[tuple[str, str], Mapping[str, Any]] | None = None,
) -> dict[tuple[str, str], str]:
    """The row hash of each bound (entity, id) as it is now in `session`'s transaction.

    Rows that do not exist get `ROW_GONE`; entities that are not bound are left out.
    `written` holds whole rows the caller has just inserted, every column as written (an
    import): those are hashed from these values, the same bytes as reading them back would
    give, instead of being read again; any other row is read.
    """
    wanted: dict[str, set[str]] = defaultdict(set)
    for entity, entity_id in keys:
        if entity in BOUND_TABLES:
            wanted[entity].add(entity_id)
    out: dict[tuple[str, str], str] = {}
    if written:
        tables = {entity: _table(session, BOUND_TABLES[entity]) for entity in wanted}
        for key, values in written.items():
            entity, entity_id = key
            table = tables.get(entity)
            if table is None or entity_id not in wanted[entity]:
                continue
            as_read = _as_read(table, values)
            if as_read is not None and str(as_read[_pk_column(table).name]) == entity_id:
                out[key] = row_digest(as_read)
                wanted[entity].discard(entity_id)
    from sqlalchemy import select

    for entity, ids in wanted.items():
        table = _table(session, BOUND_TABLES[entity])
        if table is None or not ids:
            continue
        pk = _pk_column(table)
        found: dict[str, str] = {}
        id_list = sorted(ids)
        for start in range(0, len(id_list), _IN_BATCH):
            chunk = [_id_value(table, i) for i in id_list[start : start + _IN_BATCH]]
            for row in session.execute(select(table).where(pk.in_(chunk))).mappings():
                found[str(row[pk.name])] = row_digest(dict(row))
        for entity_id in ids:
            out[(entity, entity_id)] = found.get(entity_id, ROW_GONE)
    return out


@dataclass(frozen=True)
class RowProblem:
    """A bound row whose content does not match its last event."""

    table: str
    row_id: str
    event: int | None
    what: Text
    fields: tuple[str, ...] = ()

    def describe(self) -> Text:
        """ "artist 3: was changed behind the audit trail after event #3 (field notes)"."""
        if self.fields:
            return Text(
                "audit.row.problem_fields",
                table=self.table,
                id=self.row_id,
                what=self.what,
                fields=", ".join(self.fields),
            )
        return Text("audit.row.problem", table=self.table, id=self.row_id, what=self.what)


def _changed_fields(row: Mapping[str, Any], after: str | None) -> tuple[str, ...]:
    """Columns whose value differs from the event's `after` snapshot, where it shows them."""
    if not after:
        return ()
    try:
        snapshot = json.loads(after)
    except ValueError:
        return ()
    if not isinstance(snapshot, dict):
        return ()
    out: list[str] = []
    for key, value in row.items():
        if key not in snapshot:
            continue
        plain = json.loads(json.dumps(value, default=_plain))
        if plain != snapshot[key]:
            out.append(key)
    return tuple(sorted(out))


# A bound table's rows as (primary key as text, {column: value as the ORM reads it}), or
# None when the table does not exist.
RowsOf = Callable[[str], Iterable[tuple[str, dict[str, Any]]] | None]


def check_rows(
    session: Session,
    last_rows: Mapping[tuple[str, str], tuple[int, str | None]],
    after_of: Any = None,
) -> list[RowProblem]:
    """Compare every bound row with its last event (see the module docstring).

    `after_of(event_id)` returns an event's `after` text, used only to name changed fields.
    """
    from sqlalchemy import select

    def rows_of(table_name: str) -> Iterable[tuple[str, dict[str, Any]]] | None:
        table = _table(session, table_name)
        if table is None:
            return None
        pk = _pk_column(table).name
        return ((str(m[pk]), dict(m)) for m in session.execute(select(table)).mappings())

    return compare_rows(rows_of, last_rows, after_of)


def compare_rows(
    rows_of: RowsOf,
    last_rows: Mapping[tuple[str, str], tuple[int, str | None]],
    after_of: Any = None,
) -> list[RowProblem]:
    """`check_rows` over rows read by `rows_of` (the ORM, or SQLite's quick reader)."""
    problems: list[RowProblem] = []
    for entity, table_name in BOUND_TABLES.items():
        rows = rows_of(table_name)
        if rows is None:
            continue
        seen: set[str] = set()
        for row_id, row in rows:
            seen.add(row_id)
            last = last_rows.get((entity, row_id))
            if last is None:
                problems.append(RowProblem(table_name, row_id, None, Text("audit.row.no_event")))
                continue
            event, recorded = last
            if recorded is None:
                continue  # written before rows were bound
            if recorded == ROW_GONE:
                problems.append(
                    RowProblem(
                        table_name, row_id, event, Text("audit.row.exists_removed", event=event)
                    )
                )
            elif row_digest(row) != recorded:
                fields = _changed_fields(row, after_of(event) if after_of else None)
                problems.append(
                    RowProblem(
                        table_name,
                        row_id,
                        event,
                        Text("audit.row.changed", event=event),
                        fields,
                    )
                )
        for (ent, row_id), (event, recorded) in last_rows.items():
            if ent == entity and row_id not in seen and recorded not in (None, ROW_GONE):
                problems.append(
                    RowProblem(table_name, row_id, event, Text("audit.row.deleted", event=event))
                )
    return problems
