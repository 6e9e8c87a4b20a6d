"""Listings: a published list that named artists, kept so statements and rule R20 can cite it.

When a platform or a news story lists an artist as an "AI artist", the listing itself is a
fact the agency answers with ("being listed on X does not mean the artist agreed to
anything"). The desk keeps the list
as it was seen (platform or list name, where it came from, the day it was seen) with every
entry and the artist the manager settled on. Only confirmed entries count: a doubtful match
nobody confirmed must never put an artist's name in a statement.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from models.audit.chain import append_event
from models.clock import utc_now
from models.errors import FieldProblem, NotFoundError, ValidationError
from models.leak.matcher import MatchStatus, NameMatch
from models.leak.tables import ListingEntryRow, ListingRow
from models.storage.database import Database
from models.storage.schema import ArtistRow

ENTITY = "listing"
MAX_PLATFORM = 200
MAX_SOURCE = 2000
MAX_ENTRIES = 5000


@dataclass(frozen=True)
class ListingEntryDraft:
    """One entry as the manager left it: matched artist (or none) and whether it is confirmed."""

    text: str
    original: str
    artist_id: int | None
    match_status: MatchStatus
    score: int = 0
    confirmed: bool = False


@dataclass(frozen=True)
class ListingDraft:
    platform: str
    source: str
    seen_on: date
    entries: tuple[ListingEntryDraft, ...]


@dataclass(frozen=True)
class ListingEntry:
    position: int
    text: str
    original: str
    match_status: MatchStatus
    score: int
    artist_id: int | None
    confirmed: bool


@dataclass(frozen=True)
class Listing:
    id: int
    platform: str
    source: str
    seen_on: date
    entry_count: int
    created_at: datetime
    created_by: str
    entries: tuple[ListingEntry, ...] = ()

    @property
    def confirmed_artist_ids(self) -> tuple[int, ...]:
        """Each confirmed artist once, in list order."""
        seen: dict[int, None] = {}
        for e in self.entries:
            if e.confirmed and e.artist_id is not None:
                seen.setdefault(e.artist_id, None)
        return tuple(seen)


def entries_from_matches(
    matches: Sequence[NameMatch],
    accept_best: bool = False,
    confirmed_lines: Collection[int] | None = None,
) -> tuple[ListingEntryDraft, ...]:
    """Drafts for matcher results. Confirmed: matches that need nobody to confirm them, and
    matches on the lines a person confirmed (`confirmed_lines`); with `accept_best`, doubtful
    entries on those lines take their best candidate."""
    out: list[ListingEntryDraft] = []
    for m in matches:
        artist_id = m.artist_id
        checked = confirmed_lines is not None and m.entry.line in confirmed_lines
        confirmed = m.status is MatchStatus.MATCHED and (not m.confirm or checked)
        if m.status is MatchStatus.AMBIGUOUS and accept_best and m.candidates and checked:
            artist_id = m.candidates[0].artist_id
            confirmed = True
        out.append(
            ListingEntryDraft(
                text=m.text,
                original=m.entry.original,
                artist_id=artist_id,
                match_status=m.status,
                score=m.score,
                confirmed=confirmed,
            )
        )
    return tuple(out)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _problems(draft: ListingDraft, today: date) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    platform = _clean(draft.platform)
    if not platform:
        out.append(FieldProblem("platform", "problem.name_the_platform_or_list"))
    elif len(platform) > MAX_PLATFORM:
        out.append(FieldProblem("platform", "problem.is_longer_than_characters", n=MAX_PLATFORM))
    if any(ord(c) < 32 for c in draft.platform.replace("\t", "").replace("\n", "")):
        out.append(FieldProblem("platform", "problem.contains_control_characters"))
    if len(draft.source) > MAX_SOURCE:
        out.append(FieldProblem("source", "problem.is_longer_than_characters", n=MAX_SOURCE))
    if draft.seen_on > today + timedelta(days=1):
        out.append(FieldProblem("seen_on", "problem.is_in_the_future"))
    if not draft.entries:
        out.append(FieldProblem("entries", "problem.a_listing_needs_at_least_one_name"))
    if len(draft.entries) > MAX_ENTRIES:
        out.append(FieldProblem("entries", "problem.more_than_names", n=MAX_ENTRIES))
    for n, e in enumerate(draft.entries, start=1):
        if e.confirmed and e.artist_id is None:
            out.append(FieldProblem("artist", "problem.a_confirmed_entry_must_name_an_artist", n))
        if not e.text.strip():
            out.append(FieldProblem("text", "problem.an_entry_has_no_name", n))
    return out


def _snapshot(row: ListingRow, entries: Iterable[ListingEntryRow]) -> dict[str, Any]:
    return {
        "id": row.id,
        "platform": row.platform,
        "source": row.source,
        "seen_on": row.seen_on,
        "entry_count": row.entry_count,
        "entries": [
            {
                "position": e.position,
                "text": e.text,
                "status": e.match_status,
                "artist_id": e.artist_id,
                "confirmed": e.confirmed,
            }
            for e in entries
        ],
    }


def _to_listing(row: ListingRow, entries: Sequence[ListingEntryRow] = ()) -> Listing:
    return Listing(
        id=row.id,
        platform=row.platform,
        source=row.source,
        seen_on=row.seen_on,
        entry_count=row.entry_count,
        created_at=row.created_at,
        created_by=row.created_by,
        entries=tuple(
            ListingEntry(
                position=e.position,
                text=e.text,
                original=e.original,
                match_status=MatchStatus(e.match_status),
                score=e.score,
                artist_id=e.artist_id,
                confirmed=e.confirmed,
            )
            for e in entries
        ),
    )


class ListingService:
    """Save and read listings; answer "where is this artist listed?" for statements and R20."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, draft: ListingDraft, now: datetime | None = None) -> Listing:
        """Record a listing with its entries in one audited transaction."""
        when = now or utc_now()
        problems = _problems(draft, when.date())
        if problems:
            raise ValidationError(problems)
        wanted = {e.artist_id for e in draft.entries if e.artist_id is not None}
        with self.db.write() as s:
            if wanted:
                known = set(s.scalars(select(ArtistRow.id).where(ArtistRow.id.in_(wanted))))
                missing = sorted(wanted - known)
                if missing:
                    raise ValidationError(
                        [
                            FieldProblem("artist", "problem.there_is_no_artist_with_id", id=i)
                            for i in missing
                        ]
                    )
            row = ListingRow(
                platform=_clean(draft.platform),
                source=draft.source.strip(),
                seen_on=draft.seen_on,
                entry_count=len(draft.entries),
                created_at=when,
                created_by=self.db.actor,
                row_version=1,
            )
            s.add(row)
            s.flush()
            entries = [
                ListingEntryRow(
                    listing_id=row.id,
                    position=n,
                    original=e.original[:2000],
                    text=e.text.strip()[:500],
                    match_status=e.match_status.value,
                    score=int(e.score),
                    artist_id=e.artist_id,
                    confirmed=bool(e.confirmed and e.artist_id is not None),
                )
                for n, e in enumerate(draft.entries)
            ]
            s.add_all(entries)
            s.flush()
            append_event(s, self.db.actor, ENTITY, row.id, "create", None, _snapshot(row, entries))
            return _to_listing(row, entries)

    def get(self, listing_id: int) -> Listing:
        with self.db.read() as s:
            row = s.get(ListingRow, listing_id)
            if row is None:
                raise NotFoundError(
                    "error.leak.listings.there_no_listing_id_listing", listing_id=listing_id
                )
            entries = s.scalars(
                select(ListingEntryRow)
                .where(ListingEntryRow.listing_id == listing_id)
                .order_by(ListingEntryRow.position)
            ).all()
            return _to_listing(row, entries)

    def listings(self) -> list[Listing]:
        """Every listing, newest first (without their entries; `get` has them)."""
        q = select(ListingRow).order_by(ListingRow.seen_on.desc(), ListingRow.id.desc())
        with self.db.read() as s:
            return [_to_listing(r) for r in s.scalars(q)]

    def platforms_listed(self, artist_id: int, as_of: datetime | None = None) -> tuple[str, ...]:
        """Platforms whose confirmed listings named the artist, as the desk knew at `as_of`.

        "Knew" counts from when the listing was recorded, like consent records: a statement
        as of last month must not cite a list the desk only saw today.
        """
        return self.platforms_for([artist_id], as_of).get(artist_id, ())

    def platforms_for(
        self, artist_ids: Sequence[int], as_of: datetime | None = None
    ) -> dict[int, tuple[str, ...]]:
        """`platforms_listed` for many artists in one query (the leak table shows dozens)."""
        when = as_of or utc_now()
        if when.tzinfo is None:
            raise ValueError("as_of must be timezone-aware")
        ids = sorted(set(artist_ids))
        if not ids:
            return {}
        q = (
            select(ListingEntryRow.artist_id, ListingRow.platform)
            .join(ListingRow, ListingRow.id == ListingEntryRow.listing_id)
            .where(
                ListingEntryRow.artist_id.in_(ids),
                ListingEntryRow.confirmed.is_(True),
                ListingRow.created_at <= when,
            )
            .order_by(ListingRow.seen_on, ListingRow.id)
        )
        out: dict[int, list[str]] = {}
        with self.db.read() as s:
            for artist_id, platform in s.execute(q):
                if artist_id is None:
                    continue
                names = out.setdefault(int(artist_id), [])
                if platform not in names:
                    names.append(platform)
        return {k: tuple(v) for k, v in out.items()}


__all__ = [
    "Listing",
    "ListingDraft",
    "ListingEntry",
    "ListingEntryDraft",
    "ListingService",
    "entries_from_matches",
]
