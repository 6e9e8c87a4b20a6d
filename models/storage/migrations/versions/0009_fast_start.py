"""Fast start and short searches on SQLite: the number of artists and a character key table,
both kept by triggers.

- `artist_search_counts` holds the number of active (archived = 0) and archived (1) artists, so the
  window's first paint (models/roster/quick.py) and the roster summary read two rows instead
  of counting the table.
- `artist_search_keys` holds each distinct non-ASCII character (Chinese, mostly) of every artist's
  search text, so a 1- or 2-character query such as "林" or "林晓" reads only the artists
  holding that character instead of the whole name index (models/storage/search.py). Latin
  letters are left out: a key per letter made every import ~40 % slower.

SQLite only, like the FTS5 index of 0001_foundation: derived from `artist`, never copied
(`db migrate` copies the target's tables), built here from the rows. PostgreSQL takes the
ordinary start and counts with an index scan.

Revision ID: 0009_fast_start
Revises: 0001_foundation
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0009_fast_start"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE artist_search_counts (archived INTEGER PRIMARY KEY, n INTEGER NOT NULL)"
    )
    op.execute(
        "INSERT INTO artist_search_counts (archived, n) SELECT 0, count(*) FROM artist "
        "WHERE archived = 0 UNION ALL SELECT 1, count(*) FROM artist WHERE archived != 0"
    )
    op.execute(
        "CREATE TRIGGER artist_search_counts_ai AFTER INSERT ON artist BEGIN "
        "UPDATE artist_search_counts SET n = n + 1 WHERE archived = (new.archived != 0); END"
    )
    op.execute(
        "CREATE TRIGGER artist_search_counts_ad AFTER DELETE ON artist BEGIN "
        "UPDATE artist_search_counts SET n = n - 1 WHERE archived = (old.archived != 0); END"
    )
    op.execute(
        "CREATE TRIGGER artist_search_counts_au AFTER UPDATE OF archived ON artist "
        "WHEN (old.archived != 0) IS NOT (new.archived != 0) BEGIN "
        "UPDATE artist_search_counts SET n = n - 1 WHERE archived = (old.archived != 0); "
        "UPDATE artist_search_counts SET n = n + 1 WHERE archived = (new.archived != 0); END"
    )

    # Every distinct non-ASCII character (Chinese, mostly) of each artist's search text.
    op.execute(
        "CREATE TABLE artist_search_keys (key TEXT NOT NULL, artist_id INTEGER NOT NULL, "
        "PRIMARY KEY (key, artist_id)) WITHOUT ROWID"
    )
    op.execute(
        "INSERT OR IGNORE INTO artist_search_keys (key, artist_id) "
        "WITH RECURSIVE pos(id, t, i) AS ("
        "SELECT id, search_text, 1 FROM artist WHERE search_text GLOB '*[^ -~]*' "
        "UNION ALL SELECT id, t, i + 1 FROM pos WHERE i < length(t)) "
        "SELECT substr(t, i, 1), id FROM pos WHERE unicode(substr(t, i, 1)) > 127"
    )
    op.execute(
        "CREATE TRIGGER artist_search_keys_ai AFTER INSERT ON artist "
        "WHEN new.search_text GLOB '*[^ -~]*' BEGIN "
        f"INSERT OR IGNORE INTO artist_search_keys (key, artist_id) {_keys('new')}; END"
    )
    op.execute(
        "CREATE TRIGGER artist_search_keys_ad AFTER DELETE ON artist "
        "WHEN old.search_text GLOB '*[^ -~]*' BEGIN "
        f"DELETE FROM artist_search_keys WHERE artist_id = old.id AND key IN ({_chars('old')}); END"
    )
    op.execute(
        "CREATE TRIGGER artist_search_keys_au AFTER UPDATE OF search_text ON artist BEGIN "
        f"DELETE FROM artist_search_keys WHERE artist_id = old.id AND key IN ({_chars('old')}); "
        f"INSERT OR IGNORE INTO artist_search_keys (key, artist_id) {_keys('new')}; END"
    )


def _chars(row: str) -> str:
    """The non-ASCII characters of `row`.search_text (`row` is new or old), one per row."""
    return (
        "WITH RECURSIVE pos(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM pos "
        f"WHERE i < length({row}.search_text)) "
        f"SELECT substr({row}.search_text, i, 1) FROM pos "
        f"WHERE unicode(substr({row}.search_text, i, 1)) > 127"
    )


def _keys(row: str) -> str:
    return (
        "WITH RECURSIVE pos(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM pos "
        f"WHERE i < length({row}.search_text)) "
        f"SELECT substr({row}.search_text, i, 1), {row}.id FROM pos "
        f"WHERE unicode(substr({row}.search_text, i, 1)) > 127"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in (
        "artist_search_counts_ai",
        "artist_search_counts_ad",
        "artist_search_counts_au",
        "artist_search_keys_ai",
        "artist_search_keys_ad",
        "artist_search_keys_au",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS artist_search_counts")
    op.execute("DROP TABLE IF EXISTS artist_search_keys")
