"""Listings: a published list of names (a leak) and the artists it named, as confirmed.

Revision ID: 0005_listings
Revises: 0001_foundation
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.storage.schema import UTCDateTime

revision = "0005_listings"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "listing",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(200), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("seen_on", sa.Date, nullable=False),
        sa.Column("entry_count", sa.Integer, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False),
    )
    op.create_index("ix_listing_seen", "listing", ["seen_on"])
    op.create_table(
        "listing_entry",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "listing_id",
            sa.Integer,
            sa.ForeignKey("listing.id", name="fk_listing_entry_listing"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("original", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("match_status", sa.String(20), nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column(
            "artist_id",
            sa.Integer,
            sa.ForeignKey("artist.id", name="fk_listing_entry_artist"),
            nullable=True,
        ),
        sa.Column("confirmed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_listing_entry_listing", "listing_entry", ["listing_id", "position"])
    op.create_index("ix_listing_entry_artist", "listing_entry", ["artist_id", "confirmed"])


def downgrade() -> None:
    op.drop_index("ix_listing_entry_artist", "listing_entry")
    op.drop_index("ix_listing_entry_listing", "listing_entry")
    op.drop_table("listing_entry")
    op.drop_index("ix_listing_seen", "listing")
    op.drop_table("listing")
