"""Noticing what other desks changed: a cheap check, and on PostgreSQL a push.

Every write appends an audit event in the same transaction, so the newest event id moves
whenever anything was saved anywhere; reading it is one index lookup. A desk remembers the id
it last saw and asks whether any *other desk* wrote since (its own saves already refreshed its
screens). On PostgreSQL each write also sends a notification at commit (storage/locking.py),
which `ChangeListener` hears on a background thread, so a desk can check at once instead of
waiting for its next poll.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import make_url

from models.storage.database import Database
from models.storage.locking import CHANGES_CHANNEL
from models.storage.schema import AuditEventRow

log = logging.getLogger("consent_desk.changes")


def latest_change(db: Database) -> int:
    """The id of the newest audit event (0 for an empty database)."""
    with db.read() as s:
        return int(s.scalar(select(func.max(AuditEventRow.id))) or 0)


@dataclass(frozen=True)
class ChangeCheck:
    latest: int
    by_others: bool  # another desk (any other open database) wrote after `since`


def changes_since(db: Database, since: int) -> ChangeCheck:
    """Whether another desk saved anything after event `since`, and the newest event id.

    Desks are told apart by the desk id each open database writes with its events, never by
    the user name: two desks run by the same person (or under the same login) still refresh
    each other. Events without a desk id (written before 0010_desk_import) count as another's.
    """
    with db.read() as s:
        latest = int(s.scalar(select(func.max(AuditEventRow.id))) or 0)
        if latest <= since:
            return ChangeCheck(latest, False)
        other = s.scalar(
            select(AuditEventRow.id)
            .where(
                AuditEventRow.id > since,
                or_(AuditEventRow.desk.is_(None), AuditEventRow.desk != db.desk_id),
            )
            .limit(1)
        )
        return ChangeCheck(latest, other is not None)


class ChangeListener:
    """Calls `on_change()` (on a background thread) soon after any desk commits a write.

    Only PostgreSQL can push; `start()` returns False elsewhere and the caller keeps polling.
    A lost connection is retried every few seconds until `stop()`.
    """

    RETRY_S = 5.0

    def __init__(self, db: Database, on_change: Callable[[], None]) -> None:
        self.db = db
        self.on_change = on_change
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        if self.db.engine.dialect.name != "postgresql":
            return False
        self._thread = threading.Thread(target=self._run, name="desk-changes", daemon=True)
        self._thread.start()
        return True

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _conninfo(self) -> str:
        url = make_url(self.db.location.url).set(drivername="postgresql")
        return url.render_as_string(hide_password=False)

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo(), autocommit=True) as con:
                    con.execute(f"LISTEN {CHANGES_CHANNEL}")
                    while not self._stop.is_set():
                        heard = False
                        for _ in con.notifies(timeout=0.5):
                            heard = True
                        if heard:
                            self.on_change()
            except Exception as e:  # a desk keeps working (and polling) without the push
                log.warning("not listening for other desks' changes: %s", e)
                self._stop.wait(self.RETRY_S)

    def __enter__(self) -> ChangeListener:
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()


__all__ = ["ChangeCheck", "ChangeListener", "changes_since", "latest_change"]
