"""The roster's first page straight from an SQLite file, before SQLAlchemy is loaded.

The window paints this page (and sizes its scroll bar from the artist count kept by the
triggers of migration 0009_fast_start) while the database layer, the other views and the full
list of ids load behind it. Only plain `sqlite3`, read-only; anything unexpected (no file, a
schema that is not current, a locked or damaged file) returns None and the window takes the
ordinary path, which reports problems properly.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from models.roster.artist import Artist, Stance
from models.roster.listing import SORT_SQL, RosterCounts, SortColumn
from models.storage.revisions import head_revisions

SQLITE_MAGIC = b"SQLite format 3\x00"
_COLUMNS = (
    "id, native_name, romanized_name, stage_names, date_of_birth, deceased_on, "
    "estate_contact, guardian, unions, jurisdiction, agent, contact, notes, ai_stance, "
    "photo_sha256, archived, version, updated_by, updated_at"
)


@dataclass(frozen=True)
class QuickPage:
    """The first rows of the roster in display order, and how many rows the list has."""

    artists: tuple[Artist, ...]
    counts: RosterCounts
    rows: int  # the length of the whole list (active, or active + archived)


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _names(value: object) -> tuple[str, ...]:
    if not value:
        return ()
    loaded = json.loads(str(value))
    return tuple(str(v) for v in loaded) if isinstance(loaded, list) else ()


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
        updated_at_iso=at.replace(" ", "T") + ("+00:00" if at and "+" not in at else ""),
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
    try:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return None
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.5)
    except (OSError, sqlite3.Error):
        return None
    try:
        current = {str(r[0]) for r in con.execute("SELECT version_num FROM alembic_version")}
        if current != head_revisions():
            return None  # an upgrade is due: Database.open does it (with a copy aside)
        counts = dict(con.execute("SELECT archived, n FROM artist_search_counts").fetchall())
        active, archived = int(counts.get(0, 0)), int(counts.get(1, 0))
        where = "" if include_archived else "WHERE archived = 0"
        column = SORT_SQL[sort]
        way = "DESC" if descending else "ASC"
        rows = con.execute(
            f"SELECT {_COLUMNS} FROM artist {where} ORDER BY {column} {way}, id LIMIT ?",
            (int(limit),),
        ).fetchall()
        artists = tuple(_artist(r) for r in rows)
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        con.close()
    total = active + archived if include_archived else active
    return QuickPage(artists, RosterCounts(active, archived), total)
