"""Dates and time zones: every date or moment a person or a file gives us is read here.

Three kinds of input, three readers, one place:

- **Days people type** (roster import, the artist dialog): `parse_date` (days.py) takes
  1994-03-12, 1994/3/12, 1994年3月12日, 12.03.1994 — year last means day first.
- **Days in machine-written JSON** (proposal and consent files): `parse_day`, ISO only.
- **Moments** (`--as-of`, `--at`, `--effective`, JSON times): `parse_moment` under the rule of
  their use. A time with an offset (`+08:00`, `Z`) always means what it says. What a *naive*
  time (no offset) and a *bare day* mean:

  - *consent as of* (`consent list --as-of`), rule `consent_as_of(jurisdiction)`: a naive
    time is in the artist's zone; a bare day means the end of that day there;
  - *consent events* (`consent decide --at`, `consent stance --effective`; in consent JSON
    `decided_at`, `recommended_at`, `scan_session_at`, `scan_notice_at`), rule
    `consent_event(jurisdiction)`: naive in the artist's zone; a bare day is its start there;
  - *revocations* (`consent revoke --date`), `parse_day_or_moment`: naive in the artist's zone;
    a bare day stays a day (revoked from its start in the artist's zone, by the service);
  - *statement as of* (`statement export/batch --as-of`), rule `statement_as_of(desk_zone)`:
    naive in the desk's zone; a bare day means the end of that day there;
  - *proposal check as of* (`proposal check --as-of`), rule `PROPOSAL_AS_OF`: naive refused;
    a bare day means the end of that day in UTC;
  - *proposal JSON scan sessions* (`at`, `notice_at`), rule `PROPOSAL_TIME`: naive and bare
    days refused (an offset is required).

Why: domain.md reads consent terms as days where the artist works (zones.py: a term "from 1
May" starts at 00:00 there, and no answer may depend on the desk's machine), so any moment
*about one artist's consent* is read in the artist's zone. A statement is the agency's word,
issued and dated at its desk (its `issued_at` is desk time) and a batch speaks for many artists
at one moment, so its as-of is desk time. A proposal names several artists in different zones:
a naive time there is ambiguous and refused, as before. "As of a day" always means the whole
day (the end of it), as domain.md's as-of matrix and statements read it.

Where the old parsers disagreed, this is what changed:
- consent JSON naive times were UTC; they are now the artist's zone, like the same times typed
  on the command line (`consent decide --at`);
- a statement `--as-of 2026-05-01` meant 00:00 that day; it now means the whole day (its end),
  like every other as-of.
"""

from models.dates.days import DateFormatError, parse_date
from models.dates.moments import (
    PROPOSAL_AS_OF,
    PROPOSAL_TIME,
    BareDay,
    MomentFormatError,
    MomentRule,
    consent_as_of,
    consent_event,
    parse_day,
    parse_day_or_moment,
    parse_moment,
    statement_as_of,
)
from models.dates.zones import (
    artist_zone,
    day_end,
    day_start,
    desk_zone,
    local_day,
    zone,
    zone_name,
)

__all__ = [
    "PROPOSAL_AS_OF",
    "PROPOSAL_TIME",
    "BareDay",
    "DateFormatError",
    "MomentFormatError",
    "MomentRule",
    "artist_zone",
    "consent_as_of",
    "consent_event",
    "day_end",
    "day_start",
    "desk_zone",
    "local_day",
    "parse_date",
    "parse_day",
    "parse_day_or_moment",
    "parse_moment",
    "statement_as_of",
    "zone",
    "zone_name",
]
