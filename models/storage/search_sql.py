"""The SQL of a name search on SQLite, as text: run by models/storage/search.py through
SQLAlchemy and by the plain-`sqlite3` readers (models/roster/quick.py) without it.

An FTS5 trigram index answers substrings of 3+ characters; 1- and 2-character queries with
a Chinese (non-ASCII) character read only the artists holding it, from the key table of
0009_fast_start; other short queries scan the narrow covering index on `search_text`.
"""

from __future__ import annotations

from collections.abc import Sequence

# Columns a list may be sorted by (SQL names; never user text).
SORTABLE = frozenset(
    {"sort_key", "romanized_name", "ai_stance", "jurisdiction", "date_of_birth", "archived"}
)


def sqlite_query(
    q: str,
    include_archived: bool,
    order: Sequence[tuple[str, bool]],
    columns: str,
) -> tuple[str, str, dict[str, object]]:
    """The SELECT of `columns` for matches, its ORDER BY clause, and the parameters."""
    archived = "a.archived IN (0, 1)" if include_archived else "a.archived = 0"
    order_sql = ", ".join(f"a.{c} {'DESC' if d else 'ASC'}" for c, d in order)
    order_sql = f"{order_sql}, a.id" if order_sql else "a.id"
    params: dict[str, object] = {}
    if not q:
        sql = f"SELECT {columns} FROM artist a WHERE {archived}"
    elif len(q) >= 3:
        # A quoted phrase of trigrams is exactly a substring match, and unlike LIKE ... ESCAPE
        # it is answered from the index.
        sql = (
            f"SELECT {columns} FROM artist_search s CROSS JOIN artist a ON a.id = s.rowid "
            f"WHERE artist_search MATCH :phrase AND {archived}"
        )
        params["phrase"] = '"' + q.replace('"', '""') + '"'
    elif key := next((c for c in q if ord(c) > 127), None):
        # A Chinese (non-ASCII) character: only the artists holding it, from the key table
        # kept by the triggers of 0009_fast_start.
        sql = (
            f"SELECT {columns} FROM artist_search_keys k CROSS JOIN artist a ON a.id = k.artist_id "
            f"WHERE k.key = :key AND {archived} AND instr(a.search_text, :needle) > 0"
        )
        params["key"] = key
        params["needle"] = q
    else:
        sql = (
            f"SELECT {columns} FROM artist a INDEXED BY ix_artist_search "
            f"WHERE {archived} AND instr(a.search_text, :needle) > 0"
        )
        params["needle"] = q
    return sql, f" ORDER BY {order_sql}", params


def sqlite_window(params: dict[str, object], limit: int | None, offset: int) -> str:
    if limit is None and not offset:
        return ""
    params["limit"] = -1 if limit is None else int(limit)
    params["offset"] = int(offset)
    return " LIMIT :limit OFFSET :offset"
