"""Foundation: artists, their search index, the audit chain, stored files and settings.

Revision ID: 0001_foundation
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.storage.schema import UTCDateTime

revision = "0001_foundation"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "artist",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("native_name", sa.String(200), nullable=False),
        sa.Column("romanized_name", sa.String(200), nullable=False),
        sa.Column("stage_names", sa.JSON, nullable=False),
        sa.Column("date_of_birth", sa.Date, nullable=True),
        sa.Column("deceased_on", sa.Date, nullable=True),
        sa.Column("estate_contact", sa.Text, nullable=False),
        sa.Column("guardian", sa.Text, nullable=False),
        sa.Column("unions", sa.JSON, nullable=False),
        sa.Column("jurisdiction", sa.String(20), nullable=False),
        sa.Column("agent", sa.String(200), nullable=False),
        sa.Column("contact", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("photo_sha256", sa.String(64), nullable=True),
        sa.Column("ai_stance", sa.String(40), nullable=False),
        sa.Column("archived", sa.Boolean, nullable=False),
        sa.Column("sort_key", sa.String(400), nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_artist_archived_sort", "artist", ["archived", "sort_key"])
    op.create_index("ix_artist_romanized", "artist", ["archived", "romanized_name"])
    op.create_index("ix_artist_search", "artist", ["archived", "search_text", "sort_key"])
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("entity", sa.String(60), nullable=False),
        sa.Column("entity_id", sa.String(60), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("before", sa.Text, nullable=True),
        sa.Column("after", sa.Text, nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_index("ix_audit_entity", "audit_event", ["entity", "entity_id"])
    op.create_table(
        "stored_file",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("original_name", sa.String(400), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("stored_at", UTCDateTime(), nullable=False),
        sa.Column("last_verified_at", UTCDateTime(), nullable=True),
        sa.Column("ok", sa.Boolean, nullable=False),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.JSON, nullable=True),
    )
    if op.get_bind().dialect.name == "sqlite":
        # Substring search over every form of a name (3+ characters use the trigram index).
        op.execute(
            "CREATE VIRTUAL TABLE artist_search USING fts5("
            "search_text, content='artist', content_rowid='id', "
            "tokenize='trigram case_sensitive 0')"
        )
        op.execute(
            "CREATE TRIGGER artist_search_ai AFTER INSERT ON artist BEGIN "
            "INSERT INTO artist_search(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER artist_search_ad AFTER DELETE ON artist BEGIN "
            "INSERT INTO artist_search(artist_search, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER artist_search_au AFTER UPDATE OF search_text ON artist BEGIN "
            "INSERT INTO artist_search(artist_search, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); "
            "INSERT INTO artist_search(rowid, search_text) VALUES (new.id, new.search_text); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS artist_search")
    op.drop_table("setting")
    op.drop_table("stored_file")
    op.drop_table("audit_event")
    op.drop_table("artist")
