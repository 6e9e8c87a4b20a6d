"""Fast start on SQLite: the number of artists, kept by triggers.

`artist_count` holds the number of active (archived = 0) and archived (1) artists, kept by
triggers on `artist`, so the window's first paint (models/roster/quick.py) and the roster
summary read two rows instead of counting the table.

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
    op.execute("CREATE TABLE artist_count (archived INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
    op.execute(
        "INSERT INTO artist_count (archived, n) SELECT 0, count(*) FROM artist "
        "WHERE archived = 0 UNION ALL SELECT 1, count(*) FROM artist WHERE archived != 0"
    )
    op.execute(
        "CREATE TRIGGER artist_count_ai AFTER INSERT ON artist BEGIN "
        "UPDATE artist_count SET n = n + 1 WHERE archived = (new.archived != 0); END"
    )
    op.execute(
        "CREATE TRIGGER artist_count_ad AFTER DELETE ON artist BEGIN "
        "UPDATE artist_count SET n = n - 1 WHERE archived = (old.archived != 0); END"
    )
    op.execute(
        "CREATE TRIGGER artist_count_au AFTER UPDATE OF archived ON artist "
        "WHEN (old.archived != 0) IS NOT (new.archived != 0) BEGIN "
        "UPDATE artist_count SET n = n - 1 WHERE archived = (old.archived != 0); "
        "UPDATE artist_count SET n = n + 1 WHERE archived = (new.archived != 0); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in (
        "artist_count_ai",
        "artist_count_ad",
        "artist_count_au",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS artist_count")
