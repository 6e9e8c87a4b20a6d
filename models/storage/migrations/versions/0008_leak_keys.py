"""Leak-day name keys in an indexed table, and per-artist recorded Latin spellings (aliases).

The keys are filled on the next match (or the next roster write) by models/leak/keystore.py:
they are derived data (pinyin, Wade-Giles, Hong Kong spellings), never typed by anyone.

Revision ID: 0008_leak_keys
Revises: 0005_listings
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_leak_keys"
down_revision = "0005_listings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "artist_alias",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "artist_id",
            sa.Integer,
            sa.ForeignKey("artist.id", name="fk_artist_alias_artist"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.String(200), nullable=False),
    )
    op.create_index("ix_artist_alias_artist", "artist_alias", ["artist_id", "position"])
    op.create_table(
        "leak_name_key",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("artist_id", sa.Integer, nullable=False),
        sa.Column("basis", sa.String(20), nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("head", sa.String(8), nullable=False),
        sa.Column("tail", sa.String(8), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
    )
    op.create_index("ix_leak_name_key_key", "leak_name_key", ["key"])
    op.create_index("ix_leak_name_key_artist", "leak_name_key", ["artist_id"])
    op.create_index("ix_leak_name_key_head", "leak_name_key", ["head", "size"])
    op.create_index("ix_leak_name_key_tail", "leak_name_key", ["tail", "size"])
    op.create_table(
        "leak_key_state",
        sa.Column("artist_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("leak_key_state")
    op.drop_table("leak_name_key")
    op.drop_table("artist_alias")
