"""Name search in the database: the one module that knows how each back end does it.

SQLite: an FTS5 trigram index answers substrings of 3+ characters (the query is driven from
the index with CROSS JOIN, or the planner would walk the whole table); 1- and 2-character
queries (common for Chinese: "林") scan the narrow covering index on `search_text`.
Other back ends: ILIKE on `search_text`.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from models.names import normalize
from models.storage.schema import ArtistRow

# Columns a list may be sorted by (SQL names; never user text).
SORTABLE = frozenset(
    {"sort_key", "romanized_name", "ai_stance", "jurisdiction", "date_of_birth", "archived"}
)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def artist_ids(
    session: Session,
    query: str,
    include_archived: bool,
    order: Sequence[tuple[str, bool]],
    limit: int | None = None,
) -> list[int]:
    """Ids of artists whose names match `query`, in the given (column, descending) order."""
    for column, _ in order:
        if column not in SORTABLE:
            raise ValueError(f"cannot sort artists by {column!r}")
    q = normalize(query)
    if session.get_bind().dialect.name == "sqlite":
        return _sqlite_ids(session, q, include_archived, order, limit)
    stmt = select(ArtistRow.id)
    if not include_archived:
        stmt = stmt.where(ArtistRow.archived.is_(False))
    if q:
        stmt = stmt.where(ArtistRow.search_text.ilike(f"%{_escape_like(q)}%", escape="\\"))
    cols = [getattr(ArtistRow, c).desc() if d else getattr(ArtistRow, c) for c, d in order]
    stmt = stmt.order_by(*cols, ArtistRow.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def _sqlite_ids(
    session: Session,
    q: str,
    include_archived: bool,
    order: Sequence[tuple[str, bool]],
    limit: int | None,
) -> list[int]:
    archived = "a.archived IN (0, 1)" if include_archived else "a.archived = 0"
    order_sql = ", ".join(f"a.{c} {'DESC' if d else 'ASC'}" for c, d in order)
    order_sql = f"{order_sql}, a.id" if order_sql else "a.id"
    params: dict[str, object] = {}
    if not q:
        sql = f"SELECT a.id FROM artist a WHERE {archived}"
    elif len(q) >= 3:
        # A quoted phrase of trigrams is exactly a substring match, and unlike LIKE ... ESCAPE
        # it is answered from the index.
        sql = (
            "SELECT a.id FROM artist_search s CROSS JOIN artist a ON a.id = s.rowid "
            f"WHERE artist_search MATCH :phrase AND {archived}"
        )
        params["phrase"] = '"' + q.replace('"', '""') + '"'
    else:
        sql = (
            "SELECT a.id FROM artist a INDEXED BY ix_artist_search "
            f"WHERE {archived} AND instr(a.search_text, :needle) > 0"
        )
        params["needle"] = q
    sql += f" ORDER BY {order_sql}"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = int(limit)
    return [int(r[0]) for r in session.execute(text(sql), params)]
