"""ORM tables of proposals, their scripts, mappings and check runs (migration 0004_proposals).

Services map these to frozen dataclasses; nothing outside `models.proposals` sees them.
Nothing is deleted: scripts and files are set inactive, findings stay with their run.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.storage.schema import Base, UTCDateTime


class ProposalRow(Base):
    __tablename__ = "proposal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    counterparty_id: Mapped[int] = mapped_column(
        ForeignKey("counterparty.id", name="fk_proposal_counterparty")
    )
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", name="fk_proposal_project"))
    contact: Mapped[str] = mapped_column(Text, default="")
    received_on: Mapped[date] = mapped_column(Date)
    respond_by: Mapped[date | None] = mapped_column(Date, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    labelling_plan: Mapped[str] = mapped_column(Text, default="")
    model_training_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    retention_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    sublicensing_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    scan_sessions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))
    previous_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status_changed_by: Mapped[str] = mapped_column(String(200), default="")
    status_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (
        Index("ix_proposal_status", "status", "respond_by"),
        Index("ix_proposal_project", "project_id"),
    )


class ProposalArtistRow(Base):
    """One requested artist: the terms asked of them, their decision, the agency's advice."""

    __tablename__ = "proposal_artist"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", name="fk_proposal_artist_proposal")
    )
    artist_id: Mapped[int] = mapped_column(ForeignKey("artist.id", name="fk_proposal_artist"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    modalities: Mapped[list[Any]] = mapped_column(JSON, default=list)
    uses: Mapped[list[Any]] = mapped_column(JSON, default=list)
    media: Mapped[list[Any]] = mapped_column(JSON, default=list)
    territories: Mapped[list[Any]] = mapped_column(JSON, default=list)
    term_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    fee_amount: Mapped[str | None] = mapped_column(String(40), nullable=True)
    fee_currency: Mapped[str] = mapped_column(String(3), default="")
    roles: Mapped[list[Any]] = mapped_column(JSON, default=list)
    decision: Mapped[str] = mapped_column(String(20), default="")
    decided_by: Mapped[str] = mapped_column(String(300), default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(String(40), default="")
    recommended_by: Mapped[str] = mapped_column(String(300), default="")
    recommended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    recommendation_note: Mapped[str] = mapped_column(Text, default="")
    consent_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("consent_record.id", name="fk_proposal_artist_consent"), nullable=True
    )

    __table_args__ = (
        UniqueConstraint("proposal_id", "artist_id", name="uq_proposal_artist"),
        Index("ix_proposal_artist_artist", "artist_id"),
    )


class ProposalFileRow(Base):
    """A file that came with the proposal, kept in the content-addressed store."""

    __tablename__ = "proposal_file"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", name="fk_proposal_file_proposal")
    )
    sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("stored_file.sha256", name="fk_proposal_file_stored")
    )
    original_name: Mapped[str] = mapped_column(String(400))
    role: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (Index("ix_proposal_file_proposal", "proposal_id"),)


class ProposalScriptRow(Base):
    """A script read when it was attached: its text lines, scenes and content, kept for checks,
    excerpts and jumping to a line without reading the file again."""

    __tablename__ = "proposal_script"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", name="fk_proposal_script_proposal")
    )
    file_id: Mapped[int] = mapped_column(
        ForeignKey("proposal_file.id", name="fk_proposal_script_file")
    )
    format: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(400), default="")
    scene_count: Mapped[int] = mapped_column(Integer, default=0)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    characters: Mapped[list[Any]] = mapped_column(JSON, default=list)
    scenes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    lines_text: Mapped[str] = mapped_column(Text, default="")  # JSON list of source lines
    content_text: Mapped[str] = mapped_column(Text, default="")  # JSON [[line, scene, text], …]
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    markers_origin: Mapped[str] = mapped_column(String(400), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (Index("ix_proposal_script_proposal", "proposal_id"),)


class ScriptAiUseRow(Base):
    __tablename__ = "proposal_ai_use"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    script_id: Mapped[int] = mapped_column(
        ForeignKey("proposal_script.id", name="fk_ai_use_script")
    )
    line: Mapped[int] = mapped_column(Integer)
    column: Mapped[int | None] = mapped_column(Integer, nullable=True)
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scene: Mapped[int] = mapped_column(Integer, default=0)
    character: Mapped[str | None] = mapped_column(String(200), nullable=True)
    kind: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    marker: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (Index("ix_ai_use_script", "script_id", "line"),)


class CharacterMappingRow(Base):
    """A person's confirmed choice: this script character is this artist (or none of ours)."""

    __tablename__ = "proposal_mapping"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    script_id: Mapped[int] = mapped_column(
        ForeignKey("proposal_script.id", name="fk_mapping_script")
    )
    character: Mapped[str] = mapped_column(String(200))
    artist_id: Mapped[int | None] = mapped_column(
        ForeignKey("artist.id", name="fk_mapping_artist"), nullable=True
    )
    confirmed_by: Mapped[str] = mapped_column(String(200), default="")
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (UniqueConstraint("script_id", "character", name="uq_mapping_character"),)


class CheckRunRow(Base):
    __tablename__ = "proposal_check_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", name="fk_check_run_proposal")
    )
    previous_run_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    as_of: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)  # None: default
    received_on: Mapped[date] = mapped_column(Date)
    run_at: Mapped[datetime] = mapped_column(UTCDateTime())
    run_by: Mapped[str] = mapped_column(String(200), default="")
    rules_version: Mapped[str] = mapped_column(String(20), default="")
    worst: Mapped[str | None] = mapped_column(String(10), nullable=True)
    worst_open: Mapped[str | None] = mapped_column(String(10), nullable=True)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (Index("ix_check_run_proposal", "proposal_id", "id"),)


class FindingRow(Base):
    __tablename__ = "proposal_finding"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("proposal_check_run.id", name="fk_finding_run"))
    fingerprint: Mapped[str] = mapped_column(String(64))
    rule_id: Mapped[str] = mapped_column(String(8))
    severity: Mapped[str] = mapped_column(String(10))
    artist_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    script_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    line: Mapped[int | None] = mapped_column(Integer, nullable=True)
    subject: Mapped[str] = mapped_column(String(300), default="")
    # What the finding says: a catalogue code and its values, rendered in either language where
    # shown (0014_codes). The text columns keep it as rendered when stored: rows from before
    # codes have only those, and are shown as stored.
    message_code: Mapped[str | None] = mapped_column(String(80), nullable=True)
    message_params: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    message: Mapped[str] = mapped_column(Text)
    message_zh: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    action_zh: Mapped[str] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    change: Mapped[str] = mapped_column(String(12))  # new | unchanged (vs the previous run)
    accepted_risk: Mapped[bool] = mapped_column(Boolean, default=False)
    accepted_reason: Mapped[str] = mapped_column(Text, default="")
    accepted_by: Mapped[str] = mapped_column(String(200), default="")
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    accepted_in_run_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (
        Index("ix_finding_run", "run_id", "severity"),
        Index("ix_finding_fingerprint", "fingerprint"),
    )
