"""`state_as_of` on an SQLite file read with plain `sqlite3` (`consent list`, cli/quick.py).

The same question as models/consent/state.py asks through SQLAlchemy, in SQL text, with the
same answer built by its `build_state`: times are compared as SQLite stores them (UTC text,
`YYYY-MM-DD HH:MM:SS.ffffff`, as the ordinary path binds its parameter).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from models.consent.state import build_state, check_aware, stance_from
from models.consent.words import ConsentState
from models.errors import NotFoundError

_RECORDS = (
    "SELECT r.id, r.version, r.lineage_id, r.supersedes_id, r.modalities, r.uses, r.media, "
    "r.territories, r.counterparty_id, c.native_name, c.romanized_name, r.project_id, "
    "p.title_native, p.title_romanized, r.term_start, r.term_end, r.given_at <= :when, "
    "r.superseded_at <= :when, r.revoked_at <= :when, r.refused_at <= :when, "
    "r.pending_at <= :when, r.revoked_at, r.revocation_reason "
    "FROM consent_record r JOIN counterparty c ON c.id = r.counterparty_id "
    "LEFT OUTER JOIN project p ON p.id = r.project_id "
    "WHERE r.artist_id = :artist_id AND r.created_at <= :when ORDER BY r.id"
)
_STANCE = (
    "SELECT stance, conditions FROM stance_record "
    "WHERE artist_id = :artist_id AND effective_at <= :when "
    "ORDER BY effective_at DESC, id DESC LIMIT 1"
)
_ANY_STANCE = "SELECT id FROM stance_record WHERE artist_id = :artist_id LIMIT 1"
_REVOKED_AT = 21  # the column read back as a time


def stored_time(when: datetime) -> str:
    """A time as SQLite stores a UTC time column."""
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def read_time(stored: str | None) -> datetime | None:
    """A stored UTC time column as the ordinary path reads it (an aware UTC datetime)."""
    return None if stored is None else datetime.fromisoformat(stored).replace(tzinfo=UTC)


def state_as_of(con: sqlite3.Connection, artist_id: int, when: datetime) -> ConsentState:
    """The artist's stance, grants in force and every record as it stood at `when`."""
    check_aware(when)
    params = {"artist_id": artist_id, "when": stored_time(when)}
    artist = con.execute(
        "SELECT jurisdiction, ai_stance FROM artist WHERE id = :artist_id", params
    ).fetchone()
    if artist is None:
        raise NotFoundError("error.consent.state.there_no_artist_id_artist", artist_id=artist_id)
    row = con.execute(_STANCE, params).fetchone()
    stance, conditions = stance_from(
        row, lambda: con.execute(_ANY_STANCE, params).fetchone() is not None, artist[1]
    )
    rows = (
        (*r[:_REVOKED_AT], read_time(r[_REVOKED_AT]), *r[_REVOKED_AT + 1 :])
        for r in con.execute(_RECORDS, params)
    )
    return build_state(artist_id, when, artist[0], stance, conditions, rows)
