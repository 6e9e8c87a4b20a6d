"""Which calendar day it is for an artist: term dates are days in the artist's own time zone.

A consent "from 1 May to 31 May" is read the way the artist and counterparty read the paper:
it starts at 00:00 on 1 May and ends at 24:00 on 31 May local time where the artist works
(their jurisdiction), both days included. The zone must not depend on the desk's machine, so
two desks (and a signed statement) always give the same answer; an unknown jurisdiction uses UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# jurisdiction (country or country-region) → IANA zone, and its standard offset in hours for
# systems without a time-zone database (used only if zoneinfo cannot load the zone).
_ZONES: dict[str, tuple[str, float]] = {
    "CN": ("Asia/Shanghai", 8),
    "HK": ("Asia/Hong_Kong", 8),
    "MO": ("Asia/Macau", 8),
    "TW": ("Asia/Taipei", 8),
    "SG": ("Asia/Singapore", 8),
    "MY": ("Asia/Kuala_Lumpur", 8),
    "PH": ("Asia/Manila", 8),
    "JP": ("Asia/Tokyo", 9),
    "KR": ("Asia/Seoul", 9),
    "TH": ("Asia/Bangkok", 7),
    "VN": ("Asia/Ho_Chi_Minh", 7),
    "ID": ("Asia/Jakarta", 7),
    "IN": ("Asia/Kolkata", 5.5),
    "AE": ("Asia/Dubai", 4),
    "AU": ("Australia/Sydney", 10),
    "NZ": ("Pacific/Auckland", 12),
    "GB": ("Europe/London", 0),
    "IE": ("Europe/Dublin", 0),
    "FR": ("Europe/Paris", 1),
    "DE": ("Europe/Berlin", 1),
    "ES": ("Europe/Madrid", 1),
    "IT": ("Europe/Rome", 1),
    "NL": ("Europe/Amsterdam", 1),
    "BE": ("Europe/Brussels", 1),
    "SE": ("Europe/Stockholm", 1),
    "NO": ("Europe/Oslo", 1),
    "DK": ("Europe/Copenhagen", 1),
    "FI": ("Europe/Helsinki", 2),
    "CH": ("Europe/Zurich", 1),
    "AT": ("Europe/Vienna", 1),
    "PL": ("Europe/Warsaw", 1),
    "BR": ("America/Sao_Paulo", -3),
    "MX": ("America/Mexico_City", -6),
    "CA": ("America/Toronto", -5),
    "US": ("America/New_York", -5),
    "US-CA": ("America/Los_Angeles", -8),
    "US-WA": ("America/Los_Angeles", -8),
    "US-OR": ("America/Los_Angeles", -8),
    "US-NV": ("America/Los_Angeles", -8),
    "US-NY": ("America/New_York", -5),
    "US-NJ": ("America/New_York", -5),
    "US-MA": ("America/New_York", -5),
    "US-GA": ("America/New_York", -5),
    "US-FL": ("America/New_York", -5),
    "US-IL": ("America/Chicago", -6),
    "US-TX": ("America/Chicago", -6),
    "US-TN": ("America/Chicago", -6),
    "US-LA": ("America/Chicago", -6),
    "US-CO": ("America/Denver", -7),
    "US-AZ": ("America/Phoenix", -7),
    "US-HI": ("Pacific/Honolulu", -10),
    "CA-BC": ("America/Vancouver", -8),
    "CA-ON": ("America/Toronto", -5),
    "CA-QC": ("America/Toronto", -5),
}


@lru_cache(maxsize=256)
def zone_name(jurisdiction: str) -> str:
    """The IANA name of the zone whose calendar days count for this jurisdiction ("UTC")."""
    j = jurisdiction.strip().upper()
    if j in _ZONES:
        return _ZONES[j][0]
    country = j.split("-", 1)[0]
    if country in _ZONES:
        return _ZONES[country][0]
    return "UTC"


@lru_cache(maxsize=256)
def zone(name: str) -> tzinfo:
    """The tzinfo for a zone name; a fixed standard offset if the system has no tz database."""
    if name == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        for key, (zname, hours) in _ZONES.items():
            if zname == name:
                return timezone(timedelta(hours=hours), key)
        return UTC


def desk_zone() -> tzinfo:
    """The zone of this desk's clock: the agency's own times (a statement's issue time)."""
    zone_ = datetime.now().astimezone().tzinfo
    assert zone_ is not None
    return zone_


def artist_zone(jurisdiction: str) -> tzinfo:
    return zone(zone_name(jurisdiction))


def local_day(when: datetime, tz: tzinfo) -> date:
    """The calendar day `when` falls on in `tz`."""
    return when.astimezone(tz).date()


def day_start(day: date, tz: tzinfo) -> datetime:
    """00:00 of `day` in `tz`, as UTC (e.g. when a revocation dated that day takes effect)."""
    return datetime.combine(day, time(0, 0), tzinfo=tz).astimezone(UTC)


def day_end(day: date, tz: tzinfo) -> datetime:
    """The last microsecond of `day` in `tz`, as UTC ("as of 3 April" means the whole day)."""
    return day_start(day + timedelta(days=1), tz) - timedelta(microseconds=1)
