"""Bind the rows of a database made before rows were bound: one `bound at upgrade` event each.

Rows whose last audit event was written before 0007_audit_anchor carry no row hash, so a later
direct edit of them went unseen; see models/audit/upgrade.py. Runs after the tables it binds
exist (consent, statements) and after `audit_event.row_hash` (0007).

Revision ID: 0013_evidence_bind_rows
Revises: 0007_audit_anchor, 0002_consent, 0003_statements
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

from models.audit.upgrade import bind_unbound_rows

revision = "0013_evidence_bind_rows"
down_revision = ("0007_audit_anchor", "0002_consent", "0003_statements")
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind_unbound_rows(op.get_bind())


def downgrade() -> None:
    """The baseline events stay: the audit log is never shortened."""
