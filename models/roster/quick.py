"""The roster straight from an SQLite file, before SQLAlchemy is loaded.

The window paints the first page (and sizes its scroll bar from the artist count kept by the
triggers of migration 0009_fast_start) while the database layer, the other views and the full
list of ids load behind it; `roster search` and `consent list` read their artists here too
(cli/quick.py). Only plain `sqlite3`, read-only (models/storage/quick.py); anything unexpected
(no file, a schema that is not current, a locked or damaged file) returns None and the caller
takes the ordinary path, which reports problems properly.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from models.names import normalize
from models.records import Record
from models.roster.artist import Artist, Stance
from models.roster.listing import SORT_SQL, RosterCounts, SortColumn
from models.storage.quick import open_current
from models.storage.search_sql import sqlite_query

_COLUMNS = (
    "a.id, a.native_name, a.romanized_name, a.stage_names, a.date_of_birth, a.deceased_on, "
    "a.estate_contact, a.guardian, a.unions, a.jurisdiction, a.agent, a.contact, a.notes, "
    "a.ai_stance, a.photo_sha256, a.archived, a.version, a.updated_by, a.updated_at"
)


class QuickPage(Record):
    """The first rows of the roster in display order, and how many rows the list has."""

    __slots__ = ("artists", "counts", "rows")
    artists: tuple[Artist, ...]
    counts: RosterCounts
    rows: int  # the length of the whole list (active, or active + archived)

    def __init__(self, artists: tuple[Artist, ...], counts: RosterCounts, rows: int) -> None:
        self._fill(artists, counts, rows)


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _names(value: object) -> tuple[str, ...]:
    if not value or value == "[]":
        return ()
    import json  # only for an artist with stage names or unions (not every first page has one)

    loaded = json.loads(str(value))
    return tuple(str(v) for v in loaded) if isinstance(loaded, list) else ()


def _iso(stored: str) -> str:
    """A stored UTC time as `models.clock.iso` writes it (as the service's Artist has it)."""
    if not stored:
        return ""
    at = datetime.fromisoformat(stored)
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).isoformat()


def _artist(row: tuple[object, ...]) -> Artist:
    (aid, native, rom, stage, dob, died, estate, guardian, unions, juris, agent, contact) = row[:12]
    (notes, stance, photo, archived, version, updated_by, updated_at) = row[12:]
    at = str(updated_at or "")
    return Artist(
        id=int(str(aid)),
        native_name=str(native),
        romanized_name=str(rom),
        stage_names=_names(stage),
        date_of_birth=_date(dob),
        deceased_on=_date(died),
        estate_contact=str(estate or ""),
        guardian=str(guardian or ""),
        unions=_names(unions),
        jurisdiction=str(juris or ""),
        agent=str(agent or ""),
        contact=str(contact or ""),
        notes=str(notes or ""),
        ai_stance=Stance(str(stance)),
        photo_sha256=str(photo) if photo else None,
        archived=bool(archived),
        version=int(str(version)),
        updated_by=str(updated_by or ""),
        updated_at_iso=_iso(at),
    )


def first_page(
    path: Path,
    limit: int,
    include_archived: bool = False,
    sort: SortColumn = SortColumn.NAME,
    descending: bool = False,
) -> QuickPage | None:
    """The first `limit` artists as the roster lists them, or None (take the ordinary path).

    `descending` is the SQL order, as `RosterService.search_ids` takes it.
    """
    con = open_current(path)
    if con is None:
        return None
    try:
        counts = dict(con.execute("SELECT archived, n FROM artist_search_counts").fetchall())
        active, archived = int(counts.get(0, 0)), int(counts.get(1, 0))
        where = "" if include_archived else "WHERE archived = 0"
        column = SORT_SQL[sort]
        way = "DESC" if descending else "ASC"
        rows = con.execute(
            f"SELECT {_COLUMNS} FROM artist a {where} ORDER BY a.{column} {way}, a.id LIMIT ?",
            (int(limit),),
        ).fetchall()
        artists = tuple(_artist(r) for r in rows)
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        con.close()
    total = active + archived if include_archived else active
    return QuickPage(artists, RosterCounts(active, archived), total)


def search(con: sqlite3.Connection, query: str, include_archived: bool) -> list[Artist]:
    """`RosterService.search(query, include_archived)`: matches in roster order."""
    sql, order, params = sqlite_query(
        normalize(query), include_archived, [("sort_key", False)], _COLUMNS
    )
    return [_artist(r) for r in con.execute(sql + order, params)]


def artist(con: sqlite3.Connection, artist_id: int) -> Artist | None:
    row = con.execute(f"SELECT {_COLUMNS} FROM artist a WHERE a.id = ?", (artist_id,)).fetchone()
    return None if row is None else _artist(row)
