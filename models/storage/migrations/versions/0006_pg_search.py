"""PostgreSQL name search: trigram and character indexes on `artist.search_text`.

Nothing to do on SQLite, whose FTS5 trigram table (0001_foundation) answers substring search.
On PostgreSQL (models/storage/search.py):
- the pg_trgm GIN index answers `ILIKE '%…%'` for queries of 3+ characters;
- 1- and 2-character queries (common for Chinese: "林") have no whole trigram, so a GIN index
  on the name text's characters narrows them to rows holding those characters;
- the columns the roster sorts and searches on compare by code point (COLLATE "C"), as SQLite
  does, so both back ends list artists in the same order; the whole roster in name order is
  read from one covering index.

Revision ID: 0006_pg_search
Revises: 0001_foundation
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0006_pg_search"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None

_BY_CODE_POINT = ("sort_key", "romanized_name", "ai_stance", "jurisdiction")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE artist "
        + ", ".join(f'ALTER COLUMN {c} TYPE varchar COLLATE "C"' for c in _BY_CODE_POINT)
        + ', ALTER COLUMN search_text TYPE text COLLATE "C"'
    )
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE INDEX ix_artist_search_trgm ON artist USING gin (search_text gin_trgm_ops)")
    op.execute(
        "CREATE INDEX ix_artist_search_chars ON artist "
        "USING gin (string_to_array(search_text, NULL))"
    )
    op.execute("CREATE INDEX ix_artist_list ON artist (archived, sort_key, id)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_artist_list")
    op.execute("DROP INDEX IF EXISTS ix_artist_search_chars")
    op.execute("DROP INDEX IF EXISTS ix_artist_search_trgm")
