"""A lock is recognised by the driver's error code, never by the words of its message."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, exc, text

from models.storage.database import Database, resolve
from models.storage.locking import (
    PG_DEADLOCK_DETECTED,
    PG_LOCK_NOT_AVAILABLE,
    SQLITE_BUSY,
    SQLITE_LOCKED,
    is_lock_timeout,
)


def _sqlite_busy(path: Path) -> sqlite3.OperationalError:
    holder = sqlite3.connect(str(path))
    waiter = sqlite3.connect(str(path), timeout=0)
    holder.execute("CREATE TABLE IF NOT EXISTS t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        waiter.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        return e
    finally:
        holder.rollback()
        holder.close()
        waiter.close()
    raise AssertionError("the second writer was not refused")


def test_a_busy_sqlite_file_is_a_lock(tmp_path: Path) -> None:
    error = _sqlite_busy(tmp_path / "a.sqlite3")
    assert error.sqlite_errorcode & 0xFF == SQLITE_BUSY
    assert is_lock_timeout(error)
    wrapped = exc.OperationalError("BEGIN IMMEDIATE", {}, error)  # as SQLAlchemy raises it
    assert is_lock_timeout(wrapped)


def test_other_sqlite_errors_are_not_locks_whatever_they_say(tmp_path: Path) -> None:
    con = sqlite3.connect(str(tmp_path / "b.sqlite3"))
    with pytest.raises(sqlite3.OperationalError) as missing:
        con.execute("SELECT * FROM no_such_table")
    con.close()
    assert not is_lock_timeout(missing.value)
    # A message that merely *says* locked (a translated or reworded one would not) is not a code.
    assert not is_lock_timeout(sqlite3.OperationalError("database is locked"))
    assert not is_lock_timeout(RuntimeError("lock timeout"))


@given(st.integers(min_value=0, max_value=0xFFFF))
def test_every_extended_busy_or_locked_code_is_a_lock(code: int) -> None:
    error = sqlite3.OperationalError("any words")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    assert is_lock_timeout(error) == (code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED))


class _PgError(Exception):
    def __init__(self, sqlstate: str | None) -> None:
        super().__init__("ERROR: anything, in any server language")
        self.sqlstate = sqlstate


@given(st.text(alphabet="0123456789ABCDEFP", min_size=5, max_size=5))
def test_only_the_lock_sqlstates_are_locks(state: str) -> None:
    expected = state in (PG_LOCK_NOT_AVAILABLE, PG_DEADLOCK_DETECTED)
    assert is_lock_timeout(_PgError(state)) == expected
    assert is_lock_timeout(exc.OperationalError("SELECT 1", {}, _PgError(state))) == expected


@pytest.mark.postgresql
def test_postgresql_lock_timeout_and_deadlock_are_locks_by_their_class(pg_database: str) -> None:
    import psycopg.errors

    Database.open(pg_database).close()  # migrated: the roster table exists
    engine = create_engine(resolve(pg_database).url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE lock_probe (id int PRIMARY KEY)"))
            conn.execute(text("INSERT INTO lock_probe VALUES (1), (2)"))
        # lock_timeout: one session holds a row, another waits 100 ms for it.
        with engine.connect() as holder, engine.connect() as waiter:
            holder.begin()
            holder.execute(text("SELECT * FROM lock_probe WHERE id = 1 FOR UPDATE"))
            waiter.begin()
            waiter.execute(text("SET LOCAL lock_timeout = 100"))
            with pytest.raises(exc.OperationalError) as timed_out:
                waiter.execute(text("SELECT * FROM lock_probe WHERE id = 1 FOR UPDATE"))
            waiter.rollback()
            holder.rollback()
        assert isinstance(timed_out.value.orig, psycopg.errors.LockNotAvailable)
        assert is_lock_timeout(timed_out.value)
        # deadlock: two sessions take the two rows in opposite orders.
        errors: list[BaseException] = []
        first_rows = threading.Barrier(2)

        def cross(a: int, b: int) -> None:
            with engine.connect() as conn:
                conn.begin()
                try:
                    conn.execute(text("SET LOCAL deadlock_timeout = 50"))
                    conn.execute(text(f"SELECT * FROM lock_probe WHERE id = {a} FOR UPDATE"))
                    first_rows.wait(10)
                    conn.execute(text(f"SELECT * FROM lock_probe WHERE id = {b} FOR UPDATE"))
                except exc.DBAPIError as e:
                    errors.append(e)
                finally:
                    conn.rollback()

        threads = [threading.Thread(target=cross, args=p) for p in ((1, 2), (2, 1))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert len(errors) == 1
        assert isinstance(getattr(errors[0], "orig", None), psycopg.errors.DeadlockDetected)
        assert is_lock_timeout(errors[0])
        # A plain mistake is not a lock.
        with engine.connect() as conn, pytest.raises(exc.DBAPIError) as missing:
            conn.execute(text("SELECT * FROM no_such_table"))
        assert not is_lock_timeout(missing.value)
    finally:
        engine.dispose()
