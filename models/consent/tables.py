"""ORM tables of the consent records (must match migration 0002_consent).

Services map these to frozen dataclasses; nothing outside `models.consent` sees them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.parties import tables as _parties  # noqa: F401  (consent rows refer to counterparty and project)
from models.storage.schema import Base, UTCDateTime


class ConsentRecordRow(Base):
    """One version of one consent record. Rows are never deleted."""

    __tablename__ = "consent_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    artist_id: Mapped[int] = mapped_column(ForeignKey("artist.id", name="fk_consent_artist"))
    counterparty_id: Mapped[int] = mapped_column(
        ForeignKey("counterparty.id", name="fk_consent_counterparty")
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("project.id", name="fk_consent_project"), nullable=True
    )
    modalities: Mapped[list[str]] = mapped_column(JSON, default=list)
    uses: Mapped[list[str]] = mapped_column(JSON, default=list)
    media: Mapped[list[str]] = mapped_column(JSON, default=list)
    territories: Mapped[list[str]] = mapped_column(JSON, default=list)
    term_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    compensation_amount: Mapped[str | None] = mapped_column(String(40), nullable=True)
    compensation_currency: Mapped[str] = mapped_column(String(3), default="")
    compensation_basis: Mapped[str] = mapped_column(String(40), default="")
    content_exclusions: Mapped[list[str]] = mapped_column(JSON, default=list)
    alteration_limits: Mapped[str] = mapped_column(Text, default="")
    sublicensing_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    data_retention: Mapped[str] = mapped_column(Text, default="")
    deletion_on_end: Mapped[bool] = mapped_column(Boolean, default=False)
    revocation_terms: Mapped[str] = mapped_column(Text, default="")
    counsel_represented: Mapped[bool] = mapped_column(Boolean, default=False)
    union_represented: Mapped[bool] = mapped_column(Boolean, default=False)
    representative: Mapped[str] = mapped_column(String(300), default="")
    signed_separately: Mapped[bool] = mapped_column(Boolean, default=False)
    specific_use_description: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    scan_session_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    scan_notice_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    status: Mapped[str] = mapped_column(String(20))
    lineage_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(
        ForeignKey("consent_record.id", name="fk_consent_supersedes"), nullable=True
    )
    pending_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    given_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    refused_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    decided_by: Mapped[str] = mapped_column(String(300), default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decision_method: Mapped[str] = mapped_column(String(40), default="")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    recommended_by: Mapped[str] = mapped_column(String(300), default="")
    recommended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    recommendation: Mapped[str] = mapped_column(String(40), default="")
    recommendation_note: Mapped[str] = mapped_column(Text, default="")

    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_by: Mapped[str] = mapped_column(String(300), default="")
    revocation_reason: Mapped[str] = mapped_column(Text, default="")
    revocation_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (
        Index("ix_consent_artist", "artist_id", "created_at"),
        Index("ix_consent_lineage", "lineage_id", "version"),
        Index("ix_consent_counterparty", "counterparty_id"),
        Index("ix_consent_project", "project_id"),
        Index("ix_consent_status", "status"),
    )


class ConsentEvidenceRow(Base):
    """A stored file attached to a consent record (signed agreement, revocation letter...)."""

    __tablename__ = "consent_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(
        ForeignKey("consent_record.id", name="fk_evidence_record")
    )
    sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("stored_file.sha256", name="fk_evidence_file")
    )
    original_name: Mapped[str] = mapped_column(String(400))
    role: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (Index("ix_evidence_record", "record_id"),)


class StanceRecordRow(Base):
    """One entry of an artist's AI stance history; the newest effective one is current."""

    __tablename__ = "stance_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    artist_id: Mapped[int] = mapped_column(ForeignKey("artist.id", name="fk_stance_artist"))
    stance: Mapped[str] = mapped_column(String(40))
    conditions: Mapped[str] = mapped_column(Text, default="")
    effective_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_stance_artist", "artist_id", "effective_at"),)
