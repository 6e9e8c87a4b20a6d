"""StanceService: the artist's AI stance with its history. A stance is never consent.

Each entry says what the artist's stance was from a date, with the standing conditions and
who recorded it. The roster's `ai_stance` column always shows the newest effective entry and is
updated in the same transaction, so the roster table and `state_as_of` agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit.chain import append_event
from models.clock import iso, utc_now
from models.consent.stance_log import add_stance_entry
from models.consent.tables import StanceRecordRow
from models.consent.validation import CLOCK_SLACK, MAX_TEXT
from models.consent.words import STANCE_IS_NOT_CONSENT as STANCE_IS_NOT_CONSENT
from models.errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from models.roster.artist import Stance
from models.roster.service import snapshot
from models.storage.database import Database
from models.storage.schema import ArtistRow


@dataclass(frozen=True)
class StanceEntry:
    id: int
    artist_id: int
    stance: Stance
    conditions: str
    effective_at: datetime
    recorded_by: str
    recorded_at: datetime


def _entry(row: StanceRecordRow) -> StanceEntry:
    return StanceEntry(
        row.id,
        row.artist_id,
        Stance(row.stance),
        row.conditions,
        row.effective_at,
        row.recorded_by,
        row.recorded_at,
    )


class StanceService:
    """Record and read the versioned AI stance of artists."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock

    def record(
        self,
        artist_id: int,
        stance: Stance,
        conditions: str = "",
        effective_at: datetime | None = None,
        expected_version: int | None = None,
    ) -> StanceEntry:
        """Add a stance entry (effective now, or from an earlier moment it was learned)."""
        now = self.clock()
        when = effective_at or now
        conditions = conditions.strip()
        problems: list[FieldProblem] = []
        if when.tzinfo is None:
            problems.append(FieldProblem("effective_at", "problem.needs_a_time_zone"))
        elif when > now + CLOCK_SLACK:
            problems.append(FieldProblem("effective_at", "problem.is_in_the_future"))
        if Stance(stance) == Stance.OPTED_IN_WITH_CONDITIONS and not conditions:
            problems.append(
                FieldProblem("conditions", "problem.write_down_the_artist_s_conditions")
            )
        if len(conditions) > MAX_TEXT:
            problems.append(
                FieldProblem("conditions", "problem.is_longer_than_characters", n=MAX_TEXT)
            )
        if problems:
            raise ValidationError(problems)
        with self.db.write() as s:
            artist = s.get(ArtistRow, artist_id)
            if artist is None:
                raise NotFoundError(
                    "error.consent.stance.there_no_artist_id_artist", artist_id=artist_id
                )
            if expected_version is not None and artist.version != expected_version:
                at = iso(artist.updated_at)[:19].replace("T", " ")
                raise ConflictError(
                    "error.consent.stance.native_name_was_changed_by",
                    native_name=artist.native_name,
                    updated_by=artist.updated_by,
                    at=at,
                )
            row = add_stance_entry(
                s, self.db.actor, artist_id, Stance(stance).value, conditions, when, now
            )
            self._sync_artist(s, artist)
            return _entry(row)

    def history(self, artist_id: int) -> list[StanceEntry]:
        """Oldest first, in the order the entries took effect."""
        with self.db.read() as s:
            return [
                _entry(r)
                for r in s.scalars(
                    select(StanceRecordRow)
                    .where(StanceRecordRow.artist_id == artist_id)
                    .order_by(StanceRecordRow.effective_at, StanceRecordRow.id)
                )
            ]

    def at(self, artist_id: int, when: datetime) -> StanceEntry | None:
        """The entry in effect at `when` (None: no stance recorded yet, i.e. not asked)."""
        with self.db.read() as s:
            row = self._newest(s, artist_id, when)
            return _entry(row) if row else None

    def current(self, artist_id: int) -> StanceEntry | None:
        return self.at(artist_id, self.clock())

    @staticmethod
    def _newest(s: Session, artist_id: int, when: datetime | None) -> StanceRecordRow | None:
        q = select(StanceRecordRow).where(StanceRecordRow.artist_id == artist_id)
        if when is not None:
            q = q.where(StanceRecordRow.effective_at <= when)
        q = q.order_by(StanceRecordRow.effective_at.desc(), StanceRecordRow.id.desc()).limit(1)
        return s.scalars(q).first()

    def _sync_artist(self, s: Session, artist: ArtistRow) -> None:
        """The roster shows the newest effective stance (a back-dated entry may not be it)."""
        newest = self._newest(s, artist.id, self.clock() + CLOCK_SLACK)
        if newest is None or newest.stance == artist.ai_stance:
            return
        before = snapshot(artist)
        artist.ai_stance = newest.stance
        artist.version += 1
        artist.updated_at = self.clock()
        artist.updated_by = self.db.actor
        s.flush()
        append_event(s, self.db.actor, "artist", artist.id, "stance", before, snapshot(artist))
