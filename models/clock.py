"""One source of the current time, so tests and as-of queries agree on what "now" is."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def utc_now() -> datetime:
    """Timezone-aware current time in UTC; all stored times are UTC."""
    return datetime.now(UTC)


def today() -> date:
    return datetime.now().date()


def iso(dt: datetime) -> str:
    """ISO-8601 with offset, seconds precision plus microseconds when present."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.isoformat()


def desk_user() -> str:
    """The person at the desk: CONSENT_DESK_USER if set, else the OS login name."""
    env = os.environ.get("CONSENT_DESK_USER", "").strip()
    if env:
        return env
    import getpass  # only when no name is set: it costs ~1 ms at start-up

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
