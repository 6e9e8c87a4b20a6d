"""How desks take turns writing: the one module that knows each back end's write lock.

SQLite: a write transaction starts with BEGIN IMMEDIATE, which takes the file's write lock
(`database.py` sets that up when it opens the file).

PostgreSQL: a write transaction starts by taking one transaction-scoped advisory lock, held
until it commits or rolls back. Writers therefore run one at a time, as on SQLite, and under
READ COMMITTED every statement after the lock sees what the previous writer committed: a
service's version check cannot pass for two desks saving the same record (no lost update), and
the audit chain's head is read fresh, so the chain stays one valid chain. Every write appends
an audit event anyway, so taking the turn at the start costs little concurrency: the chain
append would hold the same turn until commit. Readers never wait for it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

# One number for the whole database (an advisory lock is named by a 64-bit key).
WRITE_LOCK_KEY = 0x436F6E73656E7444  # "ConsentD"
# Desks listening on PostgreSQL hear this after every committed write (see storage/changes.py).
CHANGES_CHANNEL = "consent_desk_changes"

_TAKE_TURN = f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY}), pg_notify('{CHANGES_CHANNEL}', '')"


def take_write_turn(connection: Any) -> None:
    """Wait for this transaction's turn to write on PostgreSQL, and tell listeners at commit.

    `connection` is a SQLAlchemy Connection inside its transaction. Taking the lock again in
    the same transaction is a no-op, so the audit chain can take it defensively. The
    notification is delivered only if the transaction commits.
    """
    connection.exec_driver_sql(_TAKE_TURN)


def take_write_turn_in(session: Session) -> None:
    """`take_write_turn` for a Session's transaction (nothing to do on SQLite)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(_TAKE_TURN))


# SQLite primary result codes (the low byte of an extended code such as SQLITE_BUSY_SNAPSHOT):
# another connection holds the lock we need (busy), or a table in our own shared cache is.
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
# PostgreSQL SQLSTATEs: lock_timeout expired (lock_not_available); the server broke a deadlock
# by rolling this transaction back (deadlock_detected). Either way nothing was written and the
# same write can simply be tried again.
PG_LOCK_NOT_AVAILABLE = "55P03"
PG_DEADLOCK_DETECTED = "40P01"
_PG_LOCK_STATES = frozenset({PG_LOCK_NOT_AVAILABLE, PG_DEADLOCK_DETECTED})


def is_lock_timeout(e: BaseException) -> bool:
    """A write that waited too long for another desk's turn (SQLite busy, PostgreSQL timeout).

    Decided by the driver's error code, never by the message: SQLite's and PostgreSQL's
    messages change with versions and with the server's language (lc_messages), the codes do
    not. SQLAlchemy wraps the driver's exception; the code is on `e.orig`.
    """
    orig = getattr(e, "orig", None) or e
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    # psycopg 3 names it `sqlstate`, psycopg2 `pgcode`; reading the attribute avoids importing
    # the driver on SQLite desks.
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return state in _PG_LOCK_STATES
