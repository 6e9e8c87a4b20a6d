"""What an artist had authorised at one moment: `state_as_of`, and the matrix built on it.

Every feature that asks "was this allowed on that date?" (rule checker, statements, the matrix)
goes through `state_as_of`, so they can never disagree.

How time is read (the choices, in one place):
- A record version counts from the moment it was recorded (`created_at`): the answer for a past
  moment is what the records showed then, not what was entered later.
- Status transitions count from the moment they were recorded (`pending_at`, `given_at`,
  `refused_at`); a version is `superseded` only from the moment its successor was given.
- A revocation takes effect at its own timestamp (`revoked_at`, entered by the user; a date
  alone means 00:00 that day in the artist's time zone), even if recorded later.
- Term days are calendar days in the artist's time zone (see `zones`), both ends included:
  a term 1–31 May covers 1 May 00:00 to 31 May 24:00 there. After the end day it is `expired`;
  before the start day a given record exists but grants nothing yet (`in_force` False).
- Terms of a record not yet decided may have been edited since; given records never change.
- The AI stance is the newest stance entry effective at that moment (`not_asked` before any).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from models.consent.grid import (
    ConsentMatrix,
    MatrixCell,
    MatrixColumn,
    grants_summary,
    matrix_from_state,
)
from models.consent.history import FieldChange, diff
from models.consent.lifecycle import status_from_flags
from models.consent.words import ConsentState, ConsentStatus, Grant, Modality, RecordAtTime, Use
from models.dates.zones import artist_zone, local_day, zone_name
from models.errors import NotFoundError, UserError
from models.names import display_name
from models.roster.artist import Stance

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from models.storage.database import Database

_T = TypeVar("_T")


@lru_cache(maxsize=1)
def _queries() -> tuple[Any, Any, Any, Any]:
    """The statements (built on first use: SQLite's quick readers never load SQLAlchemy, see
    models/consent/quick.py, which asks the same in plain SQL)."""
    from sqlalchemy import Text, bindparam, select, type_coerce

    from models.consent.tables import ConsentRecordRow, StanceRecordRow
    from models.parties.tables import CounterpartyRow, ProjectRow
    from models.storage.schema import ArtistRow, UTCDateTime

    def _raw(column: Any) -> Any:
        """A column fetched without result processing; decoded by the cached parsers below."""
        return type_coerce(column, Text)

    def _by(column: Any) -> Any:
        """Whether a transition had happened by the as-of time, compared in the database."""
        return column <= bindparam("when", type_=UTCDateTime())

    records = (
        select(
            ConsentRecordRow.id,
            ConsentRecordRow.version,
            ConsentRecordRow.lineage_id,
            ConsentRecordRow.supersedes_id,
            _raw(ConsentRecordRow.modalities),
            _raw(ConsentRecordRow.uses),
            _raw(ConsentRecordRow.media),
            _raw(ConsentRecordRow.territories),
            ConsentRecordRow.counterparty_id,
            CounterpartyRow.native_name,
            CounterpartyRow.romanized_name,
            ConsentRecordRow.project_id,
            ProjectRow.title_native,
            ProjectRow.title_romanized,
            _raw(ConsentRecordRow.term_start),
            _raw(ConsentRecordRow.term_end),
            _by(ConsentRecordRow.given_at),
            _by(ConsentRecordRow.superseded_at),
            _by(ConsentRecordRow.revoked_at),
            _by(ConsentRecordRow.refused_at),
            _by(ConsentRecordRow.pending_at),
            ConsentRecordRow.revoked_at,
            ConsentRecordRow.revocation_reason,
        )
        .join(CounterpartyRow, CounterpartyRow.id == ConsentRecordRow.counterparty_id)
        .outerjoin(ProjectRow, ProjectRow.id == ConsentRecordRow.project_id)
        .where(
            ConsentRecordRow.artist_id == bindparam("artist_id"), _by(ConsentRecordRow.created_at)
        )
        .order_by(ConsentRecordRow.id)
    )
    artist = select(ArtistRow.jurisdiction, ArtistRow.ai_stance).where(
        ArtistRow.id == bindparam("artist_id")
    )
    stance = (
        select(StanceRecordRow.stance, StanceRecordRow.conditions)
        .where(
            StanceRecordRow.artist_id == bindparam("artist_id"), _by(StanceRecordRow.effective_at)
        )
        .order_by(StanceRecordRow.effective_at.desc(), StanceRecordRow.id.desc())
        .limit(1)
    )
    any_stance = (
        select(StanceRecordRow.id)
        .where(StanceRecordRow.artist_id == bindparam("artist_id"))
        .limit(1)
    )
    return records, artist, stance, any_stance


_MODALITY = {m.value: m for m in Modality}
_USE = {u.value: u for u in Use}


def _json_list(raw: Any) -> list[Any]:
    # SQLite hands back the JSON text; PostgreSQL drivers may hand back the list itself.
    if raw is None:
        return []
    return list(json.loads(raw) if isinstance(raw, str) else raw)


@lru_cache(maxsize=4096)
def _modalities_text(raw: str) -> tuple[Modality, ...]:
    return tuple(_MODALITY[m] for m in _json_list(raw))


@lru_cache(maxsize=4096)
def _uses_text(raw: str) -> tuple[Use, ...]:
    return tuple(_USE[u] for u in _json_list(raw))


@lru_cache(maxsize=4096)
def _texts_text(raw: str) -> tuple[str, ...]:
    return tuple(str(v) for v in _json_list(raw))


@lru_cache(maxsize=4096)
def _date_text(raw: str) -> date:
    return date.fromisoformat(raw[:10])


def _modalities(raw: Any) -> tuple[Modality, ...]:
    if isinstance(raw, str):
        return _modalities_text(raw)
    return tuple(_MODALITY[m] for m in _json_list(raw))


def _uses(raw: Any) -> tuple[Use, ...]:
    if isinstance(raw, str):
        return _uses_text(raw)
    return tuple(_USE[u] for u in _json_list(raw))


def _texts(raw: Any) -> tuple[str, ...]:
    if isinstance(raw, str):
        return _texts_text(raw)
    return tuple(str(v) for v in _json_list(raw))


def _date(raw: Any) -> date | None:
    if raw is None or isinstance(raw, date):
        return raw
    return _date_text(str(raw))


def _frozen(cls: type[_T], values: dict[str, Any]) -> _T:
    """Build a frozen dataclass without its per-field `object.__setattr__` calls.

    `state_as_of` makes one Grant per (record, modality) — a thousand for a busy artist — and
    the regular constructor dominated its run time. The result is indistinguishable from one
    made by the constructor (same fields, equality and hash); `values` must name every field.
    """
    obj = _new(cls)
    _set(obj, "__dict__", values)
    return obj


_new = object.__new__
_set = object.__setattr__


def state_as_of(db: Database, artist_id: int, when: datetime) -> ConsentState:
    """The artist's stance, grants in force and every record as it stood at `when`."""
    with db.read() as s:
        return state_in_session(s, artist_id, when)


def state_in_session(s: Session, artist_id: int, when: datetime) -> ConsentState:
    """`state_as_of` inside a caller's session (e.g. a statement issued in one transaction)."""
    check_aware(when)
    records_q, artist_q, stance_q, any_stance_q = _queries()
    conn = s.connection()
    params = {"artist_id": artist_id, "when": when}
    artist = conn.execute(artist_q, params).first()
    if artist is None:
        raise NotFoundError("error.consent.state.there_no_artist_id_artist", artist_id=artist_id)
    stance, conditions = _stance_at(conn, params, artist[1], stance_q, any_stance_q)
    return build_state(
        artist_id, when, artist[0], stance, conditions, conn.execute(records_q, params)
    )


def check_aware(when: datetime) -> None:
    if when.tzinfo is None:
        raise UserError("error.consent.state.as_time_needs_time_zone")


def build_state(
    artist_id: int,
    when: datetime,
    jurisdiction: str,
    stance: Stance,
    conditions: str,
    rows: Iterable[Any],
) -> ConsentState:
    """The state from the artist's record rows as `_queries` selects them (in id order): shared
    by the ordinary path and SQLite's quick reader (models/consent/quick.py)."""
    tz_name = zone_name(jurisdiction)
    tz = artist_zone(jurisdiction)
    day = local_day(when, tz)

    names: dict[tuple[str, str], str] = {}

    def shown(native: str | None, romanized: str | None) -> str:
        if native is None:
            return ""
        key = (native, romanized or "")
        if key not in names:
            names[key] = display_name(native, romanized or "")
        return names[key]

    grants: list[Grant] = []
    records: list[RecordAtTime] = []
    for (
        rid,
        version,
        lineage_id,
        supersedes_id,
        modalities,
        uses,
        media,
        territories,
        cp_id,
        cp_native,
        cp_rom,
        project_id,
        p_native,
        p_rom,
        raw_start,
        raw_end,
        given,
        superseded,
        revoked,
        refused,
        pending,
        revoked_at,
        reason,
    ) in rows:
        term_start = _date(raw_start)
        term_end = _date(raw_end)
        status = status_from_flags(
            bool(given),
            bool(superseded),
            bool(revoked),
            bool(refused),
            bool(pending),
            term_end is not None and day > term_end,
        )
        in_force = status == ConsentStatus.GIVEN and (term_start is None or day >= term_start)
        mods = _modalities(modalities)
        common = {
            "record_id": rid,
            "version": version,
            "counterparty_id": cp_id,
            "counterparty_name": shown(cp_native, cp_rom),
            "project_id": project_id,
            "project_title": shown(p_native, p_rom),
            "uses": _uses(uses),
            "media": _texts(media),
            "territories": _texts(territories),
            "term_start": term_start,
            "term_end": term_end,
        }
        is_revoked = status == ConsentStatus.REVOKED
        record = common.copy()
        record["status"] = status
        record["modalities"] = mods
        record["revoked_at"] = revoked_at if is_revoked else None
        record["revocation_reason"] = reason if is_revoked else ""
        record["in_force"] = in_force
        record["lineage_id"] = lineage_id or rid
        record["supersedes_id"] = supersedes_id
        records.append(_frozen(RecordAtTime, record))
        if in_force:
            for m in mods:
                grant = common.copy()
                grant["modality"] = m
                grants.append(_frozen(Grant, grant))
    return ConsentState(
        artist_id=artist_id,
        as_of=when,
        stance=stance,
        grants=tuple(grants),
        records=tuple(records),
        stance_conditions=conditions,
        zone=tz_name,
    )


def _stance_at(
    conn: Connection, params: dict[str, Any], current: str, stance_q: Any, any_stance_q: Any
) -> tuple[Stance, str]:
    row = conn.execute(stance_q, params).first()
    return stance_from(row, lambda: conn.execute(any_stance_q, params).first() is not None, current)


def stance_from(row: Any, any_stance: Any, current: str) -> tuple[Stance, str]:
    """The stance at the as-of time from its newest entry by then (`row`: stance, conditions),
    `any_stance()` saying whether the artist has stance history at all."""
    if row is not None:
        return Stance(row[0]), row[1]
    if current != Stance.NOT_ASKED.value and not any_stance():
        # A stance set without history (only possible by editing the database directly).
        return Stance(current), ""
    return Stance.NOT_ASKED, ""


def matrix(
    db: Database,
    artist_id: int,
    when: datetime,
    extra_projects: tuple[tuple[int, int], ...] = (),
) -> ConsentMatrix:
    """The modalities × projects grid at `when` (`extra_projects`: (counterparty, project) ids
    to show as columns even without records, e.g. the projects of an open proposal)."""
    state = state_as_of(db, artist_id, when)
    extra: list[MatrixColumn] = []
    if extra_projects:
        from models.parties.tables import CounterpartyRow, ProjectRow

        with db.read() as s:
            for cp_id, p_id in extra_projects:
                cp = s.get(CounterpartyRow, cp_id)
                p = s.get(ProjectRow, p_id)
                if cp is not None and p is not None and p.counterparty_id == cp.id:
                    extra.append(
                        MatrixColumn(
                            cp.id,
                            display_name(cp.native_name, cp.romanized_name),
                            p.id,
                            display_name(p.title_native, p.title_romanized),
                        )
                    )
    return matrix_from_state(state, extra)


__all__ = [
    "ConsentMatrix",
    "FieldChange",
    "MatrixCell",
    "MatrixColumn",
    "diff",
    "grants_summary",
    "matrix",
    "matrix_from_state",
    "state_as_of",
    "state_in_session",
]
