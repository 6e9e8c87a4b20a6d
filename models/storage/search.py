"""Name search in the database: the one module that knows how each back end does it.

SQLite: an FTS5 trigram index answers substrings of 3+ characters (the query is driven from
the index with CROSS JOIN, or the planner would walk the whole table); 1- and 2-character
queries with a Chinese (non-ASCII) character ("林", "林晓") read only the artists holding it,
from the key table of 0009_fast_start; other short queries scan the narrow covering index on
`search_text`.
PostgreSQL (indexes made by migration 0006_pg_search): `ILIKE '%…%'` for 3+ characters, answered
from the pg_trgm GIN index; 1- and 2-character queries have no whole trigram, so the GIN index
of each name's characters finds the rows holding them (`@>`) and `strpos` keeps those where
they are adjacent. Sorting compares code points (the columns are COLLATE "C"), as SQLite does.
Other back ends: ILIKE on `search_text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, Text, cast, false, func, null, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from models.names import normalize
from models.storage.schema import ArtistRow
from models.storage.search_sql import SORTABLE, sqlite_query, sqlite_window

# SQLite's FTS5 table and the shadow tables it keeps; triggers fill them from `artist`.
SEARCH_INDEX = "artist_search"


def is_search_index(table: str) -> bool:
    """Whether a table is the search index or derived with it (`artist_search_counts`,
    `artist_search_keys` of 0009_fast_start): kept from `artist` by triggers, never copied."""
    return table == SEARCH_INDEX or table.startswith(SEARCH_INDEX + "_")


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def artist_ids(
    session: Session,
    query: str,
    include_archived: bool,
    order: Sequence[tuple[str, bool]],
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """Ids of artists whose names match `query`, in the given (column, descending) order.

    `limit` and `offset` give one window of that list (the roster table loads windows as it
    scrolls)."""
    for column, _ in order:
        if column not in SORTABLE:
            raise ValueError(f"cannot sort artists by {column!r}")
    q = normalize(query)
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        sql, order_sql, params = sqlite_query(q, include_archived, order, "a.id")
        sql += order_sql + sqlite_window(params, limit, offset)
        return [int(r[0]) for r in session.execute(text(sql), params)]
    stmt = _matching(select(ArtistRow.id), q, include_archived, dialect)
    cols = [getattr(ArtistRow, c).desc() if d else getattr(ArtistRow, c) for c, d in order]
    stmt = stmt.order_by(*cols, ArtistRow.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    if dialect == "postgresql":
        return _postgresql_ids(session, stmt)
    return list(session.scalars(stmt))


def artist_id_texts(
    session: Session,
    query: str,
    include_archived: bool,
    order: Sequence[tuple[str, bool]],
) -> list[tuple[int, str]]:
    """(id, search text) of every match in order: a longer query then narrows these in memory."""
    for column, _ in order:
        if column not in SORTABLE:
            raise ValueError(f"cannot sort artists by {column!r}")
    q = normalize(query)
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        sql, order_sql, params = sqlite_query(q, include_archived, order, "a.id, a.search_text")
        sql += order_sql
        return [(int(r[0]), str(r[1])) for r in session.execute(text(sql), params)]
    stmt = _matching(select(ArtistRow.id, ArtistRow.search_text), q, include_archived, dialect)
    cols = [getattr(ArtistRow, c).desc() if d else getattr(ArtistRow, c) for c, d in order]
    return [(int(i), str(t)) for i, t in session.execute(stmt.order_by(*cols, ArtistRow.id))]


def artist_count(session: Session, query: str, include_archived: bool) -> int:
    """How many artists match `query` (the list's length, without reading the list)."""
    q = normalize(query)
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        if not q:
            kept = session.execute(text("SELECT archived, n FROM artist_search_counts")).all()
            if kept:
                return sum(int(n) for archived, n in kept if include_archived or not archived)
        sql, _order, params = sqlite_query(q, include_archived, (), "count(*)")
        return int(session.execute(text(sql), params).scalar_one())
    stmt = _matching(select(func.count()).select_from(ArtistRow), q, include_archived, dialect)
    return int(session.scalar(stmt) or 0)


def _matching(stmt: Any, q: str, include_archived: bool, dialect: str) -> Any:
    """`stmt` narrowed to artists matching the normalised query `q` (not SQLite)."""
    if not include_archived:
        stmt = stmt.where(ArtistRow.archived == false())  # `= false` can use an index
    if q and len(q) < 3 and dialect == "postgresql":
        chars = func.string_to_array(ArtistRow.search_text, null())
        wanted = cast(postgresql.array(list(q)), postgresql.ARRAY(Text))
        stmt = stmt.where(chars.op("@>")(wanted), func.strpos(ArtistRow.search_text, q) > 0)
    elif q:
        stmt = stmt.where(ArtistRow.search_text.ilike(f"%{_escape_like(q)}%", escape="\\"))
    return stmt


def _postgresql_ids(session: Session, stmt: Select[Any]) -> list[int]:
    """Run the id query on the session's own driver connection, in its transaction.

    An empty query lists the whole roster; at 100,000 artists SQLAlchemy's row handling took
    three quarters of the time, the driver's binary rows a quarter.
    """
    conn = session.connection()
    compiled = stmt.compile(dialect=conn.dialect)
    cursor = conn.connection.dbapi_connection.cursor(binary=True)  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), compiled.params)
        return [int(r[0]) for r in cursor.fetchall()]
    finally:
        cursor.close()
