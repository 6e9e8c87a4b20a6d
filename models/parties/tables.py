"""ORM tables of counterparties and their projects (created by migration 0002_consent).

Services map these to frozen dataclasses; nothing outside `models` sees them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.storage.schema import Base, UTCDateTime


class CounterpartyRow(Base):
    """A producer, platform or other company an artist may grant consent to."""

    __tablename__ = "counterparty"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    native_name: Mapped[str] = mapped_column(String(300))
    romanized_name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_key: Mapped[str] = mapped_column(String(600), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (Index("ix_counterparty_sort", "archived", "sort_key"),)


class ProjectRow(Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    counterparty_id: Mapped[int] = mapped_column(
        ForeignKey("counterparty.id", name="fk_project_counterparty")
    )
    title_native: Mapped[str] = mapped_column(String(300))
    title_romanized: Mapped[str] = mapped_column(String(300))
    project_type: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (Index("ix_project_counterparty", "counterparty_id"),)
