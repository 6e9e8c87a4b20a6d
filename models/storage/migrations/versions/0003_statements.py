"""Statements: the register of signed statements the agency has issued.

Revision ID: 0003_statements
Revises: 0001_foundation
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.storage.schema import UTCDateTime

revision = "0003_statements"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statement",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column(
            "artist_id",
            sa.Integer,
            sa.ForeignKey("artist.id", name="fk_statement_artist"),
            nullable=False,
        ),
        sa.Column("project_id", sa.Integer, nullable=True),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("as_of", UTCDateTime(), nullable=False),
        sa.Column("record_json", sa.Text, nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("stored_path", sa.String(400), nullable=False),
        sa.Column("file_name", sa.String(400), nullable=False),
        sa.Column("signer", sa.String(400), nullable=False),
        sa.Column("signer_fingerprint", sa.String(64), nullable=False),
        sa.Column("supersedes_id", sa.String(40), nullable=True),
        sa.Column("superseded_by_id", sa.String(40), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_reason", sa.Text, nullable=False),
        sa.Column("issued_at", UTCDateTime(), nullable=False),
        sa.Column("issued_by", sa.String(200), nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False),
    )
    op.create_index("ix_statement_artist", "statement", ["artist_id", "kind", "status"])
    op.create_index("ix_statement_status", "statement", ["status"])
    op.create_index("ix_statement_file", "statement", ["file_sha256"])


def downgrade() -> None:
    op.drop_index("ix_statement_file", "statement")
    op.drop_index("ix_statement_status", "statement")
    op.drop_index("ix_statement_artist", "statement")
    op.drop_table("statement")
