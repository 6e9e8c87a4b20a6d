"""Moments people type (`--as-of`, `--at`, JSON times), read by one rule per use.

A moment is written as ISO 8601: `2026-05-01T09:30+08:00`, `…Z`, `2026-05-01T09:30` (no
offset: "naive") or just the day `2026-05-01`. What a naive time and a bare day mean depends on
what the moment is for; each use names its `MomentRule` (the table is in models/dates/__init__).
Every result is timezone-aware, so nothing after the parser ever guesses a zone again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from enum import Enum
from typing import TYPE_CHECKING, Any

from models.dates.zones import artist_zone, day_end, day_start

if TYPE_CHECKING:
    from models.errors import UserError


class BareDay(Enum):
    """What a day without a time means."""

    START = "start"  # 00:00 that day: when something dated that day happened or starts
    END = "end"  # the day's last microsecond: "as of 3 April" speaks for the whole day
    REFUSE = "refuse"  # a time is needed (a scan session is at an hour)


@dataclass(frozen=True)
class MomentRule:
    """How one use reads a moment.

    `naive_zone`: the zone a time without offset is in; None refuses such a time (the writer
    must say the offset). `bare_day`: what a day alone means, in `day_zone` (the naive zone
    when not given; UTC when both are None).
    """

    naive_zone: tzinfo | None
    bare_day: BareDay
    day_zone: tzinfo | None = None

    def zone_for_days(self) -> tzinfo:
        return self.day_zone or self.naive_zone or UTC


class MomentFormatError(ValueError):
    """Text that is not a moment under the rule; a catalogue code (dates.*) and its values."""

    def __init__(self, code: str, **params: Any) -> None:
        from models.messages import one_line, render  # read only when a moment is bad

        if "text" in params:
            params["text"] = one_line(params["text"])
        super().__init__(render(code, "en", params))
        self.code = code
        self.params = params

    def user_error(self, what: str) -> UserError:
        """One line naming what was being read (`--as-of`, `record 2: decided_at`)."""
        from models.errors import UserError
        from models.messages import phrase

        problem = phrase(self.code, **self.params)
        return UserError("error.dates.moments.what_problem", what=what, problem=problem)


def parse_day(value: object) -> date | None:
    """An ISO day (`2026-05-01`) from machine-written input (JSON); None for null or empty.

    People's typed dates (roster, dialogs) go through `days.parse_date`, which also takes
    1990/5/31 and 31.05.1990; JSON is written by programs, so only ISO is accepted there.
    """
    if value is None or value == "":
        return None
    text = value.strip() if isinstance(value, str) else None
    try:
        if text is None:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise MomentFormatError("dates.not_a_day", text=value) from None


def _is_bare_day(text: str) -> bool:
    return len(text) <= 10 and "T" not in text and ":" not in text


def _day_of_moment(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise MomentFormatError("dates.not_a_moment", text=raw) from None


def parse_moment(text: object, rule: MomentRule) -> datetime:
    """The aware moment `text` means under `rule`; MomentFormatError says why not.

    A time with an offset keeps it (a statement prints the as-of the way it was given).
    """
    if not isinstance(text, str) or not text.strip():
        raise MomentFormatError("dates.not_a_moment", text=text)
    raw = text.strip()
    if _is_bare_day(raw):
        if rule.bare_day is BareDay.REFUSE:
            raise MomentFormatError("dates.needs_a_time", text=raw)
        day = _day_of_moment(raw)
        zone = rule.zone_for_days()
        moment = day_start(day, zone) if rule.bare_day is BareDay.START else day_end(day, zone)
        return moment.astimezone(zone)
    try:
        when = datetime.fromisoformat(raw)
    except ValueError:
        raise MomentFormatError("dates.not_a_moment", text=raw) from None
    if when.tzinfo is not None:
        return when
    if rule.naive_zone is None:
        raise MomentFormatError("dates.needs_an_offset", text=raw)
    return when.replace(tzinfo=rule.naive_zone)


def parse_day_or_moment(text: object, naive_zone: tzinfo) -> date | datetime:
    """A day as it is (the caller resolves it, e.g. a revocation from that day in the artist's
    zone) or a moment whose naive time is in `naive_zone`."""
    raw = text.strip() if isinstance(text, str) else ""
    if raw and _is_bare_day(raw):
        return _day_of_moment(raw)
    return parse_moment(text, MomentRule(naive_zone, BareDay.START))


# The rule of each use (the table is in models/dates/__init__.py).
PROPOSAL_AS_OF = MomentRule(None, BareDay.END, UTC)
PROPOSAL_TIME = MomentRule(None, BareDay.REFUSE)


def consent_as_of(jurisdiction: str) -> MomentRule:
    return MomentRule(artist_zone(jurisdiction), BareDay.END)


def consent_event(jurisdiction: str) -> MomentRule:
    return MomentRule(artist_zone(jurisdiction), BareDay.START)


def statement_as_of(desk_zone: tzinfo) -> MomentRule:
    return MomentRule(desk_zone, BareDay.END)


__all__ = [
    "PROPOSAL_AS_OF",
    "PROPOSAL_TIME",
    "BareDay",
    "MomentFormatError",
    "MomentRule",
    "consent_as_of",
    "consent_event",
    "parse_day",
    "parse_day_or_moment",
    "parse_moment",
    "statement_as_of",
]
