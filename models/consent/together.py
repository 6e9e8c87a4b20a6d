"""Several services' writes in one transaction (demo data, batch imports from the CLI).

Each service opens its own transaction per call, which is right for a form's Save. To load a
whole agency all-or-nothing, `one_transaction(db)` hands out a stand-in database whose `read()`
and `write()` reuse one open write session: every service call inside joins it, and an error
anywhere rolls back everything, audit events included.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from models.storage.database import Database


class _Joined(Database):
    """A Database whose sessions are the one already-open write session."""

    def __init__(self, outer: Database, session: Session) -> None:  # no engine of its own
        self.location = outer.location
        self.actor = outer.actor
        self.engine = outer.engine
        self._session = session

    @contextmanager
    def read(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def write(self) -> Iterator[Session]:
        yield self._session

    def close(self) -> None:
        """The outer database owns the engine."""


@contextmanager
def one_transaction(db: Database) -> Iterator[Database]:
    """`with one_transaction(db) as tx: RosterService(tx).add(...); ConsentService(tx)...`"""
    with db.write() as session:
        yield _Joined(db, session)
