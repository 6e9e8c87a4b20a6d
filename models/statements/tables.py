"""ORM table of the statement register (must match migration 0003_statements)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.storage.schema import Base, UTCDateTime


class StatementRow(Base):
    """One issued statement. Rows are never deleted: superseded or withdrawn, never gone."""

    __tablename__ = "statement"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    artist_id: Mapped[int] = mapped_column(ForeignKey("artist.id", name="fk_statement_artist"))
    project_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    language: Mapped[str] = mapped_column(String(10))
    as_of: Mapped[datetime] = mapped_column(UTCDateTime())
    record_json: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    file_sha256: Mapped[str] = mapped_column(String(64))
    stored_path: Mapped[str] = mapped_column(String(400))
    file_name: Mapped[str] = mapped_column(String(400))
    signer: Mapped[str] = mapped_column(String(400))
    signer_fingerprint: Mapped[str] = mapped_column(String(64))
    supersedes_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    superseded_by_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    status_reason: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    issued_by: Mapped[str] = mapped_column(String(200))
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (
        Index("ix_statement_artist", "artist_id", "kind", "status"),
        Index("ix_statement_status", "status"),
        Index("ix_statement_file", "file_sha256"),
    )
