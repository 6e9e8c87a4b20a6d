"""The deadlines dashboard: consents about to expire, decisions waiting too long, scans booked
at short notice — and their counts for the navigation.

The thresholds are database settings (every desk sees the same dashboard), audited when saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from models.audit.chain import append_event
from models.clock import utc_now
from models.consent.tables import ConsentRecordRow
from models.consent.words import ConsentStatus
from models.dates.zones import artist_zone, local_day
from models.errors import FieldProblem, ValidationError
from models.names import display_name
from models.parties.tables import CounterpartyRow, ProjectRow
from models.storage.database import Database
from models.storage.schema import ArtistRow, SettingRow

SETTING_KEY = "deadlines"


@dataclass(frozen=True)
class DeadlineSettings:
    expiry_days: int = 30  # show consents whose term ends within this many days
    pending_days: int = 14  # show records waiting for a decision longer than this
    scan_notice_hours: int = 48  # scans booked with less notice than this (rule R13)

    def problems(self) -> list[FieldProblem]:
        out = []
        for name, top in (
            ("expiry_days", 3650),
            ("pending_days", 3650),
            ("scan_notice_hours", 720),
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
                out.append(FieldProblem(name, "problem.must_be_a_whole_number_from_0", n=top))
        return out


@dataclass(frozen=True)
class DeadlineItem:
    record_id: int
    artist_id: int
    artist_name: str
    scope: str  # "Counterparty — Project" or "Counterparty — any project"
    status: ConsentStatus
    when: datetime | date  # term end / waiting since / scan session
    days: int  # days left (expiry), days waiting (pending), days until the scan
    notice_hours: float | None = None  # scans: notice given (None: not recorded)


@dataclass(frozen=True)
class DeadlineCounts:
    expiring: int
    pending: int
    short_notice_scans: int

    @property
    def total(self) -> int:
        return self.expiring + self.pending + self.short_notice_scans


@dataclass(frozen=True)
class Dashboard:
    settings: DeadlineSettings
    expiring: tuple[DeadlineItem, ...]
    pending: tuple[DeadlineItem, ...]
    short_notice_scans: tuple[DeadlineItem, ...]

    @property
    def counts(self) -> DeadlineCounts:
        return DeadlineCounts(len(self.expiring), len(self.pending), len(self.short_notice_scans))


_COLUMNS = (
    ConsentRecordRow,
    ArtistRow.native_name,
    ArtistRow.romanized_name,
    ArtistRow.jurisdiction,
    CounterpartyRow.native_name,
    CounterpartyRow.romanized_name,
    ProjectRow.title_native,
    ProjectRow.title_romanized,
)


def _base() -> Any:
    return (
        select(*_COLUMNS)
        .join(ArtistRow, ArtistRow.id == ConsentRecordRow.artist_id)
        .join(CounterpartyRow, CounterpartyRow.id == ConsentRecordRow.counterparty_id)
        .outerjoin(ProjectRow, ProjectRow.id == ConsentRecordRow.project_id)
        .where(ArtistRow.archived.is_(False))
        .order_by(ConsentRecordRow.id)
    )


def _item(
    row: tuple[Any, ...],
    status: ConsentStatus,
    when: datetime | date,
    days: int,
    notice: float | None = None,
) -> DeadlineItem:
    rec, a_native, a_rom, _j, c_native, c_rom, p_native, p_rom = row
    project = display_name(p_native, p_rom) if p_native is not None else "any project"
    return DeadlineItem(
        record_id=rec.id,
        artist_id=rec.artist_id,
        artist_name=display_name(a_native, a_rom),
        scope=f"{display_name(c_native, c_rom)} — {project}",
        status=status,
        when=when,
        days=days,
        notice_hours=notice,
    )


class DeadlineService:
    """What needs attention soon. Archived artists are left out."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock

    # -- settings ------------------------------------------------------------------------------
    def settings(self) -> DeadlineSettings:
        with self.db.read() as s:
            row = s.get(SettingRow, SETTING_KEY)
            values = row.value if row is not None and isinstance(row.value, dict) else {}
        known = {k: v for k, v in values.items() if k in DeadlineSettings.__dataclass_fields__}
        try:
            settings = DeadlineSettings(**known)
        except TypeError:
            return DeadlineSettings()
        return DeadlineSettings() if settings.problems() else settings

    def save_settings(self, settings: DeadlineSettings) -> DeadlineSettings:
        problems = settings.problems()
        if problems:
            raise ValidationError(problems)
        with self.db.write() as s:
            row = s.get(SettingRow, SETTING_KEY)
            before = dict(row.value) if row is not None and isinstance(row.value, dict) else None
            after = asdict(settings)
            if row is None:
                s.add(SettingRow(key=SETTING_KEY, value=after))
            else:
                row.value = after
            s.flush()
            append_event(s, self.db.actor, "setting", SETTING_KEY, "update", before, after)
        return settings

    # -- the lists -----------------------------------------------------------------------------
    def expiring(self, within_days: int | None = None) -> list[DeadlineItem]:
        """Given consents whose term ends within `within_days` (today counts as day 0)."""
        n = self.settings().expiry_days if within_days is None else within_days
        now = self.clock()
        today = now.date()
        q = _base().where(
            ConsentRecordRow.status == ConsentStatus.GIVEN.value,
            ConsentRecordRow.term_end.is_not(None),
            ConsentRecordRow.term_end >= today - timedelta(days=1),
            ConsentRecordRow.term_end <= today + timedelta(days=n + 1),
        )
        out = []
        with self.db.read() as s:
            for row in s.execute(q):
                rec: ConsentRecordRow = row[0]
                assert rec.term_end is not None
                day = local_day(now, artist_zone(row[3]))
                left = (rec.term_end - day).days
                revoked = rec.revoked_at is not None and rec.revoked_at <= now
                if 0 <= left <= n and not revoked:
                    out.append(_item(tuple(row), ConsentStatus.GIVEN, rec.term_end, left))
        return sorted(out, key=lambda i: (i.days, i.record_id))

    def pending(self, longer_than_days: int | None = None) -> list[DeadlineItem]:
        """Records waiting for a decision (requested, or with the artist) for too long."""
        n = self.settings().pending_days if longer_than_days is None else longer_than_days
        now = self.clock()
        cutoff = now - timedelta(days=n)
        q = _base().where(
            ConsentRecordRow.status.in_(
                [ConsentStatus.REQUESTED.value, ConsentStatus.PENDING_ARTIST.value]
            )
        )
        out = []
        with self.db.read() as s:
            for row in s.execute(q):
                rec: ConsentRecordRow = row[0]
                since = rec.pending_at or rec.created_at
                if since <= cutoff:
                    waited = (now - since).days
                    out.append(_item(tuple(row), ConsentStatus(rec.status), since, waited))
        return sorted(out, key=lambda i: (-i.days, i.record_id))

    def short_notice_scans(self, min_notice_hours: int | None = None) -> list[DeadlineItem]:
        """Upcoming scan sessions booked with less notice than required (or none recorded)."""
        hours = self.settings().scan_notice_hours if min_notice_hours is None else min_notice_hours
        now = self.clock()
        q = _base().where(
            ConsentRecordRow.scan_session_at.is_not(None),
            ConsentRecordRow.scan_session_at >= now,
            ConsentRecordRow.status.not_in(
                [
                    ConsentStatus.REFUSED.value,
                    ConsentStatus.REVOKED.value,
                    ConsentStatus.SUPERSEDED.value,
                ]
            ),
        )
        out = []
        with self.db.read() as s:
            for row in s.execute(q):
                rec: ConsentRecordRow = row[0]
                assert rec.scan_session_at is not None
                notice = (
                    (rec.scan_session_at - rec.scan_notice_at).total_seconds() / 3600
                    if rec.scan_notice_at is not None
                    else None
                )
                if notice is None or notice < hours:
                    days = (rec.scan_session_at - now).days
                    item = _item(
                        tuple(row), ConsentStatus(rec.status), rec.scan_session_at, days, notice
                    )
                    out.append(item)
        return sorted(out, key=lambda i: (i.when, i.record_id))

    def dashboard(self) -> Dashboard:
        settings = self.settings()
        return Dashboard(
            settings,
            tuple(self.expiring(settings.expiry_days)),
            tuple(self.pending(settings.pending_days)),
            tuple(self.short_notice_scans(settings.scan_notice_hours)),
        )

    def counts(self) -> DeadlineCounts:
        """For the navigation badge."""
        return self.dashboard().counts
