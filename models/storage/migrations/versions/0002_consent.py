"""Consent records: counterparties, projects, versioned consent records, evidence, AI stance.

Revision ID: 0002_consent
Revises: 0001_foundation
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.storage.schema import UTCDateTime

revision = "0002_consent"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "counterparty",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("native_name", sa.String(300), nullable=False),
        sa.Column("romanized_name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("archived", sa.Boolean, nullable=False),
        sa.Column("sort_key", sa.String(600), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False),
    )
    op.create_index("ix_counterparty_sort", "counterparty", ["archived", "sort_key"])
    op.create_table(
        "project",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "counterparty_id",
            sa.Integer,
            sa.ForeignKey("counterparty.id", name="fk_project_counterparty"),
            nullable=False,
        ),
        sa.Column("title_native", sa.String(300), nullable=False),
        sa.Column("title_romanized", sa.String(300), nullable=False),
        sa.Column("project_type", sa.String(20), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("archived", sa.Boolean, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False),
    )
    op.create_index("ix_project_counterparty", "project", ["counterparty_id"])
    op.create_table(
        "consent_record",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "artist_id",
            sa.Integer,
            sa.ForeignKey("artist.id", name="fk_consent_artist"),
            nullable=False,
        ),
        sa.Column(
            "counterparty_id",
            sa.Integer,
            sa.ForeignKey("counterparty.id", name="fk_consent_counterparty"),
            nullable=False,
        ),
        sa.Column(
            "project_id",
            sa.Integer,
            sa.ForeignKey("project.id", name="fk_consent_project"),
            nullable=True,
        ),
        # scope
        sa.Column("modalities", sa.JSON, nullable=False),
        sa.Column("uses", sa.JSON, nullable=False),
        sa.Column("media", sa.JSON, nullable=False),
        sa.Column("territories", sa.JSON, nullable=False),
        sa.Column("term_start", sa.Date, nullable=True),
        sa.Column("term_end", sa.Date, nullable=True),
        sa.Column("compensation_amount", sa.String(40), nullable=True),
        sa.Column("compensation_currency", sa.String(3), nullable=False),
        sa.Column("compensation_basis", sa.String(40), nullable=False),
        sa.Column("content_exclusions", sa.JSON, nullable=False),
        sa.Column("alteration_limits", sa.Text, nullable=False),
        sa.Column("sublicensing_allowed", sa.Boolean, nullable=False),
        sa.Column("data_retention", sa.Text, nullable=False),
        sa.Column("deletion_on_end", sa.Boolean, nullable=False),
        sa.Column("revocation_terms", sa.Text, nullable=False),
        sa.Column("counsel_represented", sa.Boolean, nullable=False),
        sa.Column("union_represented", sa.Boolean, nullable=False),
        sa.Column("representative", sa.String(300), nullable=False),
        sa.Column("signed_separately", sa.Boolean, nullable=False),
        sa.Column("specific_use_description", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        # scan / capture session (rule R13, deadlines dashboard)
        sa.Column("scan_session_at", UTCDateTime(), nullable=True),
        sa.Column("scan_notice_at", UTCDateTime(), nullable=True),
        # lifecycle and versions
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("lineage_id", sa.Integer, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column(
            "supersedes_id",
            sa.Integer,
            sa.ForeignKey("consent_record.id", name="fk_consent_supersedes"),
            nullable=True,
        ),
        sa.Column("pending_at", UTCDateTime(), nullable=True),
        sa.Column("given_at", UTCDateTime(), nullable=True),
        sa.Column("refused_at", UTCDateTime(), nullable=True),
        sa.Column("superseded_at", UTCDateTime(), nullable=True),
        # the artist decides ...
        sa.Column("decided_by", sa.String(300), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=True),
        sa.Column("decision_method", sa.String(40), nullable=False),
        sa.Column("decision_note", sa.Text, nullable=False),
        # ... the agency recommends
        sa.Column("recommended_by", sa.String(300), nullable=False),
        sa.Column("recommended_at", UTCDateTime(), nullable=True),
        sa.Column("recommendation", sa.String(40), nullable=False),
        sa.Column("recommendation_note", sa.Text, nullable=False),
        # revocation
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(300), nullable=False),
        sa.Column("revocation_reason", sa.Text, nullable=False),
        sa.Column("revocation_recorded_at", UTCDateTime(), nullable=True),
        # bookkeeping
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False),
    )
    op.create_index("ix_consent_artist", "consent_record", ["artist_id", "created_at"])
    op.create_index("ix_consent_lineage", "consent_record", ["lineage_id", "version"])
    op.create_index("ix_consent_counterparty", "consent_record", ["counterparty_id"])
    op.create_index("ix_consent_project", "consent_record", ["project_id"])
    op.create_index("ix_consent_status", "consent_record", ["status"])
    op.create_table(
        "consent_evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "record_id",
            sa.Integer,
            sa.ForeignKey("consent_record.id", name="fk_evidence_record"),
            nullable=False,
        ),
        sa.Column(
            "sha256",
            sa.String(64),
            sa.ForeignKey("stored_file.sha256", name="fk_evidence_file"),
            nullable=False,
        ),
        sa.Column("original_name", sa.String(400), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
    )
    op.create_index("ix_evidence_record", "consent_evidence", ["record_id"])
    op.create_table(
        "stance_record",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "artist_id",
            sa.Integer,
            sa.ForeignKey("artist.id", name="fk_stance_artist"),
            nullable=False,
        ),
        sa.Column("stance", sa.String(40), nullable=False),
        sa.Column("conditions", sa.Text, nullable=False),
        sa.Column("effective_at", UTCDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(200), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_stance_artist", "stance_record", ["artist_id", "effective_at"])
    # Artists saved before stance history existed: their current stance becomes the first entry,
    # effective from their last save, so `state_as_of` answers the same as the roster does.
    op.execute(
        "INSERT INTO stance_record "
        "(artist_id, stance, conditions, effective_at, recorded_by, recorded_at) "
        "SELECT id, ai_stance, '', updated_at, updated_by, updated_at FROM artist "
        "WHERE ai_stance <> 'not_asked'"
    )


def downgrade() -> None:
    op.drop_table("stance_record")
    op.drop_table("consent_evidence")
    op.drop_table("consent_record")
    op.drop_table("project")
    op.drop_table("counterparty")
