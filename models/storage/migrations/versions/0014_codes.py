"""Findings carry a catalogue code and its values instead of fixed English and Chinese text.

A stored finding is rendered in the interface language from the message catalogue
(resources/messages) when its row has a code; rows written before have none and keep showing
the text they were stored with (`message`, `message_zh`, still written for every new row).

Revision ID: 0014_codes
Revises: 0004_proposals
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_codes"
down_revision = "0004_proposals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("proposal_finding") as batch:
        batch.add_column(sa.Column("message_code", sa.String(80), nullable=True))
        batch.add_column(sa.Column("message_params", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("proposal_finding") as batch:
        batch.drop_column("message_params")
        batch.drop_column("message_code")
