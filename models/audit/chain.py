"""The audit chain: every write appends an event whose hash covers the one before it.

The hash is SHA-256 over a canonical JSON encoding (sorted keys, no spaces, UTF-8), so an
edited, deleted or reordered row breaks the chain at that row and `verify` can name it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from models.audit.binding import BOUND_ENTITIES
from models.clock import iso, utc_now
from models.messages import Text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

GENESIS = "0" * 64
# Every event in order, as `verify_rows` reads them (through the driver, in batches).
EVENTS_SQL = (
    "SELECT id, at, actor, entity, entity_id, action, before, after, prev_hash, row_hash, hash "
    "FROM audit_event ORDER BY id"
)


def batches(cursor: Any, size: int) -> Iterator[Any]:
    while rows := cursor.fetchmany(size):
        yield from rows


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    raise TypeError(f"cannot put {type(value).__name__} into an audit event")


def canonical_json(value: Any) -> str:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default
    )


def event_hash(
    seq: int,
    at: str,
    actor: str,
    entity: str,
    entity_id: str,
    action: str,
    before: str | None,
    after: str | None,
    prev_hash: str,
    row_hash: str | None = None,
) -> str:
    # The same bytes as canonical_json() of {"seq", "at", "actor", "entity", "entity_id",
    # "action", "before", "after", "prev"} (keys sorted, no spaces), written out directly with
    # the encoder's own string escaping: `verify` hashes every event, and the general-purpose
    # encoder was most of its run time (tests/models/consent/test_audit_trail.py checks both
    # forms agree). `row_hash` (the audited row's content after the write, see
    # models/audit/binding.py) joins the object as "row" only when there is one, so events
    # written before rows were bound keep their hashes.
    row = "" if row_hash is None else f'"row":{_text(row_hash)},'
    body = (
        f'{{"action":{_text(action)},"actor":{_text(actor)},"after":{_text(after)},'
        f'"at":{_text(at)},"before":{_text(before)},"entity":{_text(entity)},'
        f'"entity_id":{_text(entity_id)},"prev":{_text(prev_hash)},{row}"seq":{int(seq)}}}'
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _text(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


@dataclass(frozen=True)
class Change:
    """One audited change: what entity, which one, what happened, and its state around it."""

    entity: str
    entity_id: int | str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def append_events(
    session: Session,
    actor: str,
    changes: Sequence[Change],
    written: Mapping[tuple[str, str], Mapping[str, Any]] | None = None,
) -> None:
    """Add events in the caller's transaction (so changes and their record commit together).

    The caller's write transaction holds the database's write lock (SQLite BEGIN IMMEDIATE,
    PostgreSQL an advisory lock taken again here in case the caller's session did not), so
    reading the chain head here cannot race another writer. Many changes (an import) are
    chained in memory and inserted in one statement. `written`: whole rows the caller has
    just inserted, by (entity, id as text), hashed for the binding from these values rather
    than read back (models/audit/binding.py `row_digests`).
    """
    if not changes:
        return
    # The database layer is imported here: `audit verify`'s quick path reads this module
    # without SQLAlchemy (models/audit/quick.py).
    from sqlalchemy import insert, select

    from models.audit.binding import row_digests
    from models.storage.locking import take_write_turn_in
    from models.storage.schema import AuditEventRow

    take_write_turn_in(session)
    session.flush()
    last = session.execute(
        select(AuditEventRow.id, AuditEventRow.hash).order_by(AuditEventRow.id.desc()).limit(1)
    ).first()
    seq = last[0] if last else 0
    prev = last[1] if last else GENESIS
    at = iso(utc_now())
    desk = session.info.get("desk")  # which desk wrote it (not hashed; see 0010_desk_import)
    bound = row_digests(session, [(c.entity, str(c.entity_id)) for c in changes], written)
    rows: list[dict[str, Any]] = []
    for c in changes:
        seq += 1
        b = canonical_json(c.before) if c.before is not None else None
        a = canonical_json(c.after) if c.after is not None else None
        entity_id = str(c.entity_id)
        row_hash = bound.get((c.entity, entity_id))
        digest = event_hash(seq, at, actor, c.entity, entity_id, c.action, b, a, prev, row_hash)
        rows.append(
            {
                "id": seq,
                "at": at,
                "actor": actor,
                "entity": c.entity,
                "entity_id": entity_id,
                "action": c.action,
                "before": b,
                "after": a,
                "prev_hash": prev,
                "row_hash": row_hash,
                "hash": digest,
                "desk": desk,
            }
        )
        prev = digest
    table = AuditEventRow.metadata.tables[AuditEventRow.__tablename__]
    session.execute(insert(table), rows)  # plain rows, no ORM objects: much less per row


def append_event(
    session: Session,
    actor: str,
    entity: str,
    entity_id: int | str,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Add one event in the caller's transaction; see `append_events`."""
    append_events(session, actor, [Change(entity, entity_id, action, before, after)])


@dataclass(frozen=True)
class ChainReport:
    """The outcome of `verify`: how many events, and the first broken one if any."""

    count: int
    intact: bool
    first_broken: int | None = None
    reason: str = ""
    head: str = GENESIS
    # problems found beyond the chain itself (rows edited behind the log, checkpoints the log
    # does not extend), in words, most serious first; any of them makes `intact` False.
    # `reason` and `problems` are catalogue messages (`Text`) when made here: English as
    # strings (the JSON of `audit verify --json`), rendered in the reader's language where shown
    problems: tuple[str, ...] = ()
    checkpoints: int = 0  # how many valid checkpoints the log was checked against
    # checkpoints sealed by a key this desk does not hold (another desk's, or a replaced
    # key): not counted, but said, because deleting the desk key would otherwise hide them
    unchecked: int = 0


EventTuple = tuple[int, str, str, str, str, str, str | None, str | None, str, str | None, str]


def verify_rows(
    rows: Iterable[EventTuple],
    last_rows: dict[tuple[str, str], tuple[int, str | None]] | None = None,
    wanted: dict[int, str] | None = None,
) -> ChainReport:
    """Walk events in id order; each must follow the previous one and hash to its stored hash.

    `last_rows`, when given, is filled with each bound entity's last event: (entity, id) ->
    (event id, row hash or None for a row the event says is gone); `wanted` maps event
    numbers whose stored hash the caller needs (checkpoint heads) and is filled in place.
    """
    prev = GENESIS
    expected_seq = 1
    count = 0
    track = last_rows is not None
    bound = BOUND_ENTITIES
    want = wanted if wanted else None
    enc = encode_basestring
    sha = hashlib.sha256
    # event_hash() inlined: this loop runs once per event (100,000 in the benchmark), and
    # the function calls were a third of its time; tests check both give the same hash.
    for seq, at, actor, entity, entity_id, action, before, after, prev_hash, row, stored in rows:
        count += 1
        if seq != expected_seq:
            return ChainReport(
                count, False, seq, Text("audit.reason.missing_event", n=expected_seq), prev
            )
        if prev_hash != prev:
            return ChainReport(count, False, seq, Text("audit.reason.does_not_follow"), prev)
        row_part = "" if row is None else '"row":' + enc(row) + ","
        body = (
            f'{{"action":{enc(action)},"actor":{enc(actor)},'
            f'"after":{"null" if after is None else enc(after)},"at":{enc(at)},'
            f'"before":{"null" if before is None else enc(before)},"entity":{enc(entity)},'
            f'"entity_id":{enc(entity_id)},"prev":{enc(prev_hash)},{row_part}"seq":{seq}}}'
        )
        if sha(body.encode("utf-8")).hexdigest() != stored:
            return ChainReport(count, False, seq, Text("audit.reason.content_changed"), prev)
        if track and entity in bound:
            last_rows[(entity, entity_id)] = (seq, row)  # type: ignore[index]
        if want is not None and seq in want:
            want[seq] = stored
        prev = stored
        expected_seq += 1
    return ChainReport(count, True, head=prev)
