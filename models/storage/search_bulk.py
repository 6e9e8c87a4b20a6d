"""Keeping SQLite's search tables current during a bulk insert of artists (an import).

Ordinary writes keep the FTS5 index (`artist_search`, 0001_foundation), the character keys
(`artist_search_keys`) and the counts (`artist_search_counts`, both 0009_fast_start) through
AFTER INSERT triggers that fire once per row; at 100,000 rows those per-row statements took
more time than inserting the rows themselves. `bulk_search_index` drops those triggers inside
the caller's write transaction and gives a function that fills the three tables for every
artist inserted after a given id, a chunk at a time (the index and the counts with one
statement each, the keys split in Python and inserted with one executemany); when the block
ends the triggers are created again from their own stored SQL, before the transaction
commits, so other connections never see the roster without them. SQLite's DDL is
transactional: on an error the caller's rollback brings the triggers back as well (they are
deliberately not re-created on that path, where the transaction may already be gone).

PostgreSQL keeps its indexes itself (0006_pg_search): there nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.orm import Session

# The per-row triggers a bulk insert stands in for, by the table each one fills.
FTS_TRIGGER = "artist_search_ai"
KEYS_TRIGGER = "artist_search_keys_ai"
COUNTS_TRIGGER = "artist_search_counts_ai"
_TRIGGERS = (FTS_TRIGGER, KEYS_TRIGGER, COUNTS_TRIGGER)
_KEY_BATCH = 5_000
BULK_FROM = 500  # new rows from which this pays (it changes the schema twice)

IndexAfter = Callable[[int], None]


@contextmanager
def bulk_search_index(session: Session, rows: int) -> Iterator[IndexAfter | None]:
    """For inserting `rows` new artists: inside the block, call the given function with the
    largest artist id as it was before each chunk was inserted; it indexes every artist above
    that id. None when the triggers stay and do it (fewer than `BULK_FROM` rows) or the back
    end keeps its own indexes (PostgreSQL)."""
    if rows < BULK_FROM or session.get_bind().dialect.name != "sqlite":
        yield None
        return
    placeholders = ", ".join(f":t{i}" for i in range(len(_TRIGGERS)))
    found = session.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'artist' "
            f"AND name IN ({placeholders})"
        ),
        {f"t{i}": name for i, name in enumerate(_TRIGGERS)},
    ).all()
    dropped = {str(name): str(sql) for name, sql in found}
    for name in dropped:
        session.execute(text(f'DROP TRIGGER "{name}"'))

    def index_after(after_id: int) -> None:
        params = {"after": after_id}
        if FTS_TRIGGER in dropped:
            session.execute(
                text(
                    "INSERT INTO artist_search (rowid, search_text) "
                    "SELECT id, search_text FROM artist WHERE id > :after"
                ),
                params,
            )
        if COUNTS_TRIGGER in dropped:
            session.execute(
                text(
                    "UPDATE artist_search_counts SET n = n + (SELECT count(*) FROM artist "
                    "WHERE id > :after AND (artist.archived != 0) = artist_search_counts.archived)"
                ),
                params,
            )
        if KEYS_TRIGGER in dropped:
            _fill_keys(session, after_id)

    yield index_after
    for sql in dropped.values():
        session.execute(text(sql))


def search_keys(search_text: str) -> set[str]:
    """The characters of a search text the key table holds: every non-ASCII one (the same
    characters as the trigger's `unicode(substr(…)) > 127`, code point by code point)."""
    if search_text.isascii():
        return set()
    return {c for c in search_text if ord(c) > 127}


def _fill_keys(session: Session, after_id: int) -> None:
    # Splitting the text into characters in Python is ~5× faster than the trigger's
    # recursive query over the same rows.
    rows = session.execute(
        text(
            "SELECT id, search_text FROM artist WHERE id > :after AND search_text GLOB '*[^ -~]*'"
        ),
        {"after": after_id},
    )
    keys = [(key, int(artist_id)) for artist_id, t in rows for key in search_keys(str(t))]
    driver = session.connection().exec_driver_sql
    for start in range(0, len(keys), _KEY_BATCH):
        driver(
            "INSERT OR IGNORE INTO artist_search_keys (key, artist_id) VALUES (?, ?)",
            keys[start : start + _KEY_BATCH],
        )
