"""Name search in the database: the one module that knows how each back end does it.

SQLite: an FTS5 trigram index answers substrings of 3+ characters; 1- and 2-character
queries (common for Chinese: "林") scan the compact `search_text` column with instr().
Other back ends: ILIKE on `search_text` (a trigram index there is the back end's business).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select, text

from models.names import normalize
from models.storage.schema import ArtistRow


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def artist_matches(query: str, dialect: str) -> ColumnElement[bool] | None:
    """A WHERE clause for artists matching `query`, or None when the query is empty."""
    q = normalize(query)
    if not q:
        return None
    if dialect == "sqlite":
        if len(q) >= 3:
            sub: Select[Any] = (
                select(literal_column("rowid"))
                .select_from(text("artist_search"))
                .where(
                    text("artist_search.search_text LIKE :pattern ESCAPE '\\'").bindparams(
                        pattern=f"%{_escape_like(q)}%"
                    )
                )
            )
            return ArtistRow.id.in_(sub)
        return func.instr(ArtistRow.search_text, q) > 0
    return ArtistRow.search_text.ilike(f"%{_escape_like(q)}%", escape="\\")


def rebuild_index(dialect: str) -> str | None:
    """SQL that rebuilds the search index from the table (after bulk loads or a restore)."""
    if dialect == "sqlite":
        return "INSERT INTO artist_search(artist_search) VALUES ('rebuild')"
    return None
