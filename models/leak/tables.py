"""ORM tables of listings (must match migration 0005_listings)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.storage.schema import Base, UTCDateTime


class ListingRow(Base):
    """One published list, as the desk saw it. Never deleted: statements may name it."""

    __tablename__ = "listing"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(Text, default="")
    seen_on: Mapped[date] = mapped_column(Date)
    entry_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (Index("ix_listing_seen", "seen_on"),)


class ListingEntryRow(Base):
    """One name of the list and the artist the manager settled on (if any)."""

    __tablename__ = "listing_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listing_id: Mapped[int] = mapped_column(
        ForeignKey("listing.id", name="fk_listing_entry_listing")
    )
    position: Mapped[int] = mapped_column(Integer)
    original: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    match_status: Mapped[str] = mapped_column(String(20))
    score: Mapped[int] = mapped_column(Integer)
    artist_id: Mapped[int | None] = mapped_column(
        ForeignKey("artist.id", name="fk_listing_entry_artist"), nullable=True
    )
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index("ix_listing_entry_listing", "listing_id", "position"),
        Index("ix_listing_entry_artist", "artist_id", "confirmed"),
    )


class ArtistAliasRow(Base):
    """A Latin spelling the agency knows is this artist's own (an official English name):
    a leak entry written exactly so names the artist without anyone confirming."""

    __tablename__ = "artist_alias"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    artist_id: Mapped[int] = mapped_column(ForeignKey("artist.id", name="fk_artist_alias_artist"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(200))

    __table_args__ = (Index("ix_artist_alias_artist", "artist_id", "position"),)


class LeakNameKeyRow(Base):
    """One spelling key of one artist (models/leak/keys.py), looked up by the leak matcher."""

    __tablename__ = "leak_name_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(400))
    artist_id: Mapped[int] = mapped_column(Integer)
    basis: Mapped[str] = mapped_column(String(20))
    score: Mapped[int] = mapped_column(Integer)
    head: Mapped[str] = mapped_column(String(8), default="")  # first letters (Latin keys)
    tail: Mapped[str] = mapped_column(String(8), default="")  # last letters (Latin keys)
    size: Mapped[int] = mapped_column(Integer, default=0)  # number of letters

    __table_args__ = (
        Index("ix_leak_name_key_key", "key"),
        Index("ix_leak_name_key_artist", "artist_id"),
        Index("ix_leak_name_key_head", "head", "size"),
        Index("ix_leak_name_key_tail", "tail", "size"),
    )


class LeakKeyStateRow(Base):
    """The artist version the keys were made from: a newer artist row means stale keys."""

    __tablename__ = "leak_key_state"

    artist_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer)
