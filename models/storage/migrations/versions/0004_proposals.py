"""Proposals: requested artists, files, scripts with AI uses, character mapping, check runs.

Revision ID: 0004_proposals
Revises: 0002_consent
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.storage.schema import UTCDateTime

revision = "0004_proposals"
down_revision = "0002_consent"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "proposal",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "counterparty_id",
            sa.Integer,
            sa.ForeignKey("counterparty.id", name="fk_proposal_counterparty"),
            nullable=False,
        ),
        sa.Column(
            "project_id",
            sa.Integer,
            sa.ForeignKey("project.id", name="fk_proposal_project"),
            nullable=False,
        ),
        sa.Column("contact", sa.Text, nullable=False),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("respond_by", sa.Date, nullable=True),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("labelling_plan", sa.Text, nullable=False),
        sa.Column("model_training_requested", sa.Boolean, nullable=False),
        sa.Column("retention_requested", sa.Boolean, nullable=False),
        sa.Column("sublicensing_requested", sa.Boolean, nullable=False),
        sa.Column("scan_sessions", sa.JSON, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("previous_status", sa.String(20), nullable=True),
        sa.Column("status_changed_at", UTCDateTime(), nullable=False),
        sa.Column("status_changed_by", sa.String(200), nullable=False),
        sa.Column("status_note", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False),
    )
    op.create_index("ix_proposal_status", "proposal", ["status", "respond_by"])
    op.create_index("ix_proposal_project", "proposal", ["project_id"])
    op.create_table(
        "proposal_artist",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "proposal_id",
            sa.Integer,
            sa.ForeignKey("proposal.id", name="fk_proposal_artist_proposal"),
            nullable=False,
        ),
        sa.Column(
            "artist_id",
            sa.Integer,
            sa.ForeignKey("artist.id", name="fk_proposal_artist"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("modalities", sa.JSON, nullable=False),
        sa.Column("uses", sa.JSON, nullable=False),
        sa.Column("media", sa.JSON, nullable=False),
        sa.Column("territories", sa.JSON, nullable=False),
        sa.Column("term_start", sa.Date, nullable=True),
        sa.Column("term_end", sa.Date, nullable=True),
        sa.Column("fee_amount", sa.String(40), nullable=True),
        sa.Column("fee_currency", sa.String(3), nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("decided_by", sa.String(300), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=True),
        sa.Column("decision_note", sa.Text, nullable=False),
        sa.Column("recommendation", sa.String(40), nullable=False),
        sa.Column("recommended_by", sa.String(300), nullable=False),
        sa.Column("recommended_at", UTCDateTime(), nullable=True),
        sa.Column("recommendation_note", sa.Text, nullable=False),
        sa.Column(
            "consent_record_id",
            sa.Integer,
            sa.ForeignKey("consent_record.id", name="fk_proposal_artist_consent"),
            nullable=True,
        ),
        sa.UniqueConstraint("proposal_id", "artist_id", name="uq_proposal_artist"),
    )
    op.create_index("ix_proposal_artist_artist", "proposal_artist", ["artist_id"])
    op.create_table(
        "proposal_file",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "proposal_id",
            sa.Integer,
            sa.ForeignKey("proposal.id", name="fk_proposal_file_proposal"),
            nullable=False,
        ),
        sa.Column(
            "sha256",
            sa.String(64),
            sa.ForeignKey("stored_file.sha256", name="fk_proposal_file_stored"),
            nullable=False,
        ),
        sa.Column("original_name", sa.String(400), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
    )
    op.create_index("ix_proposal_file_proposal", "proposal_file", ["proposal_id"])
    op.create_table(
        "proposal_script",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "proposal_id",
            sa.Integer,
            sa.ForeignKey("proposal.id", name="fk_proposal_script_proposal"),
            nullable=False,
        ),
        sa.Column(
            "file_id",
            sa.Integer,
            sa.ForeignKey("proposal_file.id", name="fk_proposal_script_file"),
            nullable=False,
        ),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("scene_count", sa.Integer, nullable=False),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("characters", sa.JSON, nullable=False),
        sa.Column("scenes", sa.JSON, nullable=False),
        sa.Column("lines_text", sa.Text, nullable=False),
        sa.Column("content_text", sa.Text, nullable=False),
        sa.Column("warnings", sa.JSON, nullable=False),
        sa.Column("markers_origin", sa.String(400), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
    )
    op.create_index("ix_proposal_script_proposal", "proposal_script", ["proposal_id"])
    op.create_table(
        "proposal_ai_use",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "script_id",
            sa.Integer,
            sa.ForeignKey("proposal_script.id", name="fk_ai_use_script"),
            nullable=False,
        ),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("column", sa.Integer, nullable=True),
        sa.Column("page", sa.Integer, nullable=True),
        sa.Column("scene", sa.Integer, nullable=False),
        sa.Column("character", sa.String(200), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("marker", sa.String(200), nullable=False),
    )
    op.create_index("ix_ai_use_script", "proposal_ai_use", ["script_id", "line"])
    op.create_table(
        "proposal_mapping",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "script_id",
            sa.Integer,
            sa.ForeignKey("proposal_script.id", name="fk_mapping_script"),
            nullable=False,
        ),
        sa.Column("character", sa.String(200), nullable=False),
        sa.Column(
            "artist_id",
            sa.Integer,
            sa.ForeignKey("artist.id", name="fk_mapping_artist"),
            nullable=True,
        ),
        sa.Column("confirmed_by", sa.String(200), nullable=False),
        sa.Column("confirmed_at", UTCDateTime(), nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False),
        sa.UniqueConstraint("script_id", "character", name="uq_mapping_character"),
    )
    op.create_table(
        "proposal_check_run",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "proposal_id",
            sa.Integer,
            sa.ForeignKey("proposal.id", name="fk_check_run_proposal"),
            nullable=False,
        ),
        sa.Column("previous_run_id", sa.Integer, nullable=True),
        sa.Column("as_of", UTCDateTime(), nullable=True),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("run_at", UTCDateTime(), nullable=False),
        sa.Column("run_by", sa.String(200), nullable=False),
        sa.Column("rules_version", sa.String(20), nullable=False),
        sa.Column("worst", sa.String(10), nullable=True),
        sa.Column("worst_open", sa.String(10), nullable=True),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("summary", sa.JSON, nullable=False),
    )
    op.create_index("ix_check_run_proposal", "proposal_check_run", ["proposal_id", "id"])
    op.create_table(
        "proposal_finding",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "run_id",
            sa.Integer,
            sa.ForeignKey("proposal_check_run.id", name="fk_finding_run"),
            nullable=False,
        ),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("rule_id", sa.String(8), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("artist_id", sa.Integer, nullable=True),
        sa.Column("script_id", sa.Integer, nullable=True),
        sa.Column("line", sa.Integer, nullable=True),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("message_zh", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("action_zh", sa.Text, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("change", sa.String(12), nullable=False),
        sa.Column("accepted_risk", sa.Boolean, nullable=False),
        sa.Column("accepted_reason", sa.Text, nullable=False),
        sa.Column("accepted_by", sa.String(200), nullable=False),
        sa.Column("accepted_at", UTCDateTime(), nullable=True),
        sa.Column("accepted_in_run_id", sa.Integer, nullable=True),
        sa.Column("row_version", sa.Integer, nullable=False),
    )
    op.create_index("ix_finding_run", "proposal_finding", ["run_id", "severity"])
    op.create_index("ix_finding_fingerprint", "proposal_finding", ["fingerprint"])


def downgrade() -> None:
    op.drop_table("proposal_finding")
    op.drop_table("proposal_check_run")
    op.drop_table("proposal_mapping")
    op.drop_table("proposal_ai_use")
    op.drop_table("proposal_script")
    op.drop_table("proposal_file")
    op.drop_table("proposal_artist")
    op.drop_table("proposal")
