"""Which desk wrote each audit event, so change notices tell desks apart.

Two desks under the same desk user name (or the same login) used to skip each other's edits,
because "someone else saved" was decided by the actor's name. Each open database now has a
random desk id (models/storage/database.py) recorded with every event it writes; a desk
refreshes for any event not written by its own id. The id is not part of the event hash: the
chain proves what changed and by whom, the desk id only routes notices. Older events have no
desk id and count as another desk's.

Revision ID: 0010_desk_import
Revises: 0001_foundation
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_desk_import"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("desk", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_column("desk")
