"""The machine-readable record of a statement: what it says, as data.

The record rides inside the signed PDF as `statement.json` and is kept in the register, so
the PDF text, the attachment and the register can never disagree: the PDF is rendered from
this record. Its fields follow ISO/IEC TS 27560 and the Kantara Consent Receipt (issuer =
PII controller, subject = PII principal, per-purpose status with record ids and terms).

The per-modality part is also what `out_of_date` compares with the consent state of today.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from models.errors import UserError

if TYPE_CHECKING:
    # Only for building records: verification reads this module without the consent model.
    from models.consent.words import ConsentState, Grant, RecordAtTime
    from models.roster.artist import Artist

RECORD_TYPE = "consent-desk.statement"
RECORD_VERSION = 1
RECORD_FILE_NAME = "statement.json"
LANGUAGES = ("en", "zh")
# An as-of time this far before issuing makes the statement historical (and labelled so).
HISTORICAL_AFTER = timedelta(minutes=5)
# Clocks of two desks may differ a little; more than this in the future is a mistake.
FUTURE_TOLERANCE = timedelta(minutes=5)


class StatementKind(StrEnum):
    """The four statements an agency issues (domain.md, "Statements")."""

    POSITION = "position"
    PROJECT_CERTIFICATE = "project_certificate"
    NON_AUTHORISATION = "non_authorisation"
    REVOCATION = "revocation"

    @classmethod
    def parse(cls, text: str) -> StatementKind:
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        aliases = {
            "position_statement": cls.POSITION,
            "project": cls.PROJECT_CERTIFICATE,
            "certificate": cls.PROJECT_CERTIFICATE,
            "project_consent_certificate": cls.PROJECT_CERTIFICATE,
            "non_authorization": cls.NON_AUTHORISATION,
            "non_authorisation_notice": cls.NON_AUTHORISATION,
            "revocation_notice": cls.REVOCATION,
        }
        if key in aliases:
            return aliases[key]
        try:
            return cls(key)
        except ValueError:
            names = ", ".join(k.value for k in cls)
            raise UserError(
                "error.statements.record.unknown_statement_kind_text_choose", text=text, names=names
            ) from None


class StatementStatus(StrEnum):
    CURRENT = "current"
    SUPERSEDED = "superseded"
    REVOKED = "revoked"  # withdrawn by the agency
    HISTORICAL = "historical"  # a copy as of a past date: never current, supersedes nothing


def parse_languages(text: str | Sequence[str]) -> tuple[str, ...]:
    """`en`, `zh` or both (`en,zh`, `zh,en`, `both`); the order given is the order printed."""
    parts = text.replace("+", ",").split(",") if isinstance(text, str) else list(text)
    out: list[str] = []
    for raw in parts:
        p = raw.strip().lower()
        if p in ("both", "bilingual"):
            candidates = list(LANGUAGES)
        elif p in ("zh-cn", "zh-hans", "cn"):
            candidates = ["zh"]
        else:
            candidates = [p]
        for c in candidates:
            if c not in LANGUAGES:
                raise UserError(
                    "error.statements.record.unknown_statement_language_strip_use",
                    strip=raw.strip(),
                )
            if c not in out:
                out.append(c)
    if not out:
        raise UserError("error.statements.record.choose_language_en_zh_en")
    return tuple(out)


@dataclass(frozen=True)
class Issuer:
    """Who issues the statement: the agency letterhead and its signing certificate."""

    name: str
    name_zh: str
    address: str
    address_zh: str
    signer: str  # subject of the signing certificate
    signer_fingerprint: str  # SHA-256 of the certificate, lowercase hex
    signer_self_signed: bool
    issued_by: str  # the desk user who issued it


def new_statement_id(issued_at: datetime) -> str:
    """Short enough to read out on the phone, random enough never to collide."""
    import secrets  # issuing only: verification reads this module too

    return f"CDS-{issued_at:%Y%m%d}-{secrets.token_hex(4).upper()}"


def canonical_bytes(record: dict[str, Any]) -> bytes:
    """Sorted keys, no spaces, UTF-8: the same record always gives the same bytes and hash."""
    return json.dumps(
        record, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def record_sha256(record: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(record)).hexdigest()


def _d(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _grant(g: Grant) -> dict[str, Any]:
    from models.consent.words import ConsentStatus

    return {
        "record_id": g.record_id,
        "record_version": g.version,
        "status": ConsentStatus.GIVEN.value,
        "counterparty_id": g.counterparty_id,
        "counterparty": g.counterparty_name,
        "project_id": g.project_id,
        "project": g.project_title,
        "uses": [u.value for u in g.uses],
        "media": list(g.media),
        "territories": list(g.territories),
        "term_start": _d(g.term_start),
        "term_end": _d(g.term_end),
    }


def _project_counterparty(state: ConsentState, project_id: int) -> int | None:
    for r in state.records:
        if r.project_id == project_id:
            return r.counterparty_id
    for g in state.grants:
        if g.project_id == project_id:
            return g.counterparty_id
    return None


def _project_title(state: ConsentState, project_id: int) -> str:
    for r in state.records:
        if r.project_id == project_id and r.project_title:
            return r.project_title
    for g in state.grants:
        if g.project_id == project_id and g.project_title:
            return g.project_title
    return f"#{project_id}"


def _project_counterparty_name(state: ConsentState, project_id: int) -> str:
    """The counterparty a project belongs to (whom a project certificate authorises)."""
    for g in state.grants:
        if g.project_id == project_id and g.counterparty_name:
            return g.counterparty_name
    owner = _project_counterparty(state, project_id)
    for r in state.records:
        if r.counterparty_id == owner and r.counterparty_name:
            return r.counterparty_name
    for g in state.grants:
        if g.counterparty_id == owner and g.counterparty_name:
            return g.counterparty_name
    return ""


def grants_in_scope(state: ConsentState, project_id: int | None) -> tuple[Grant, ...]:
    """Grants that cover the project (its own, or "any project" of the project's counterparty)."""
    if project_id is None:
        return state.grants
    owner = _project_counterparty(state, project_id)
    return tuple(
        g
        for g in state.grants
        if g.project_id == project_id or (g.project_id is None and g.counterparty_id == owner)
    )


def modality_part(state: ConsentState, project_id: int | None = None) -> list[dict[str, Any]]:
    """Per modality: authorised or not, with the grants (record ids, terms) that say so."""
    from models.consent.words import Modality

    grants = grants_in_scope(state, project_id)
    out: list[dict[str, Any]] = []
    for m in Modality:
        mine = sorted(
            (g for g in grants if g.modality == m), key=lambda g: (g.record_id, g.version)
        )
        out.append(
            {
                "modality": m.value,
                "status": "authorised" if mine else "not_authorised",
                "grants": [_grant(g) for g in mine],
            }
        )
    return out


_COMPARED_GRANT_FIELDS = (
    "record_id",
    "record_version",
    "counterparty_id",
    "project_id",
    "uses",
    "media",
    "territories",
    "term_start",
    "term_end",
)


def comparable(part: Sequence[dict[str, Any]]) -> str:
    """What must stay equal for a statement to stay true (display names may be re-spelt)."""
    key = [
        {
            "modality": m["modality"],
            "status": m["status"],
            "grants": sorted(
                ({f: g.get(f) for f in _COMPARED_GRANT_FIELDS} for g in m.get("grants", [])),
                key=lambda g: (g["record_id"], g["record_version"]),
            ),
        }
        for m in part
    ]
    return canonical_bytes({"m": sorted(key, key=lambda m: m["modality"])}).decode("utf-8")


def _revocation(r: RecordAtTime, show_reason: bool = False) -> dict[str, Any]:
    """A revoked record; its reason is private unless the agency chooses to publish it."""
    return {
        "record_id": r.record_id,
        "record_version": r.version,
        "counterparty_id": r.counterparty_id,
        "counterparty": r.counterparty_name,
        "project_id": r.project_id,
        "project": r.project_title,
        "modalities": [m.value for m in r.modalities],
        "term_start": _d(r.term_start),
        "term_end": _d(r.term_end),
        "revoked_at": r.revoked_at.isoformat() if r.revoked_at else None,
        "reason": r.revocation_reason if show_reason else "",
        "reason_withheld": bool(r.revocation_reason) and not show_reason,
    }


def revocations_in_scope(
    state: ConsentState, project_id: int | None, show_reason: bool = False
) -> list[dict[str, Any]]:
    from models.consent.words import ConsentStatus

    revoked = [
        r
        for r in state.records
        if r.status == ConsentStatus.REVOKED and (project_id is None or r.project_id == project_id)
    ]
    revoked.sort(key=lambda r: (r.revoked_at or state.as_of, r.record_id))
    return [_revocation(r, show_reason) for r in revoked]


def clean_listings(listings: Sequence[str]) -> list[str]:
    out: list[str] = []
    for raw in listings:
        name = " ".join(raw.split())
        if any(ord(c) < 32 for c in raw.replace("\n", "").replace("\t", "")):
            raise UserError("error.statements.record.platform_name_contains_control_characters")
        if len(name) > 200:
            raise UserError("error.statements.record.platform_name_longer_than_characters")
        if name and name not in out:
            out.append(name)
    return out


def build_record(
    *,
    state: ConsentState,
    artist: Artist,
    kind: StatementKind,
    issuer: Issuer,
    statement_id: str,
    languages: Sequence[str],
    issued_at: datetime,
    listings: Sequence[str] = (),
    project_id: int | None = None,
    supersedes: str | None = None,
    show_reason: bool = False,
) -> dict[str, Any]:
    """The record for one statement; refuses statements that would say nothing true.

    A revocation's reason is left out (the record only says one was withheld) unless
    `show_reason`: the record is attached to a public PDF.

    `issued_at` and `state.as_of` must be timezone-aware; the as-of keeps its own offset so
    the statement shows the time zone the agency chose.
    """
    as_of = state.as_of
    if as_of.tzinfo is None or issued_at.tzinfo is None:
        raise ValueError("as-of and issue times must be timezone-aware")
    if as_of > issued_at + FUTURE_TOLERANCE:
        raise UserError("error.statements.record.as_time_future_statement_can")
    if state.artist_id != artist.id:
        raise ValueError("consent state and artist do not match")
    if kind == StatementKind.PROJECT_CERTIFICATE and project_id is None:
        raise UserError("error.statements.record.project_consent_certificate_needs_project")
    part = modality_part(state, project_id)
    revocations = revocations_in_scope(state, project_id, show_reason)
    platform_list = clean_listings(listings)
    authorised = [m for m in part if m["status"] == "authorised"]
    not_authorised = [m for m in part if m["status"] == "not_authorised"]
    when = as_of.isoformat(timespec="seconds")
    if kind == StatementKind.PROJECT_CERTIFICATE and not authorised:
        raise UserError(
            "error.statements.record.no_given_consent_covers_project",
            project_id=project_id,
            when=when,
        )
    if kind == StatementKind.REVOCATION and not revocations:
        raise UserError("error.statements.record.no_consent_artist_was_revoked", when=when)
    if kind == StatementKind.NON_AUTHORISATION and not not_authorised and not platform_list:
        raise UserError("error.statements.record.every_modality_authorised_scope_issue")
    scope: dict[str, Any] | None = None
    if project_id is not None:
        scope = {
            "project_id": project_id,
            "project": _project_title(state, project_id),
            "counterparty": _project_counterparty_name(state, project_id),
        }
    return {
        "record_type": RECORD_TYPE,
        "record_version": RECORD_VERSION,
        "schema_reference": "ISO/IEC TS 27560:2023; Kantara Consent Receipt v1.1",
        "statement_id": statement_id,
        "kind": kind.value,
        "language": list(languages),
        "issued_at": issued_at.astimezone(as_of.tzinfo).isoformat(timespec="seconds"),
        "as_of": as_of.isoformat(timespec="seconds"),
        "historical": as_of < issued_at - HISTORICAL_AFTER,
        "issuer": {
            "name": issuer.name,
            "name_zh": issuer.name_zh,
            "address": issuer.address,
            "address_zh": issuer.address_zh,
            "signer": issuer.signer,
            "signer_fingerprint_sha256": issuer.signer_fingerprint,
            "signer_self_signed": issuer.signer_self_signed,
            "issued_by": issuer.issued_by,
        },
        "subject": {
            "artist_id": artist.id,
            "native_name": artist.native_name,
            "romanized_name": artist.romanized_name,
            "display_name": artist.display_name,
            "ai_stance": state.stance.value,
            # who could consent: the artist, a guardian (minor) or the close relatives (deceased)
            "capacity": "deceased"
            if artist.is_deceased
            else "minor"
            if artist.is_minor(as_of.date())
            else "adult",
        },
        "scope": scope,
        "modalities": part,
        "revocations": revocations,
        "listings": [{"platform": p, "meaning": "willingness_only"} for p in platform_list],
        "stance_is_not_consent": True,
        "supersedes": supersedes,
    }


def parse_record(data: bytes) -> dict[str, Any]:
    """Read an attached record back; raises ValueError when it is not one of ours."""
    value = json.loads(data.decode("utf-8"))
    if not isinstance(value, dict) or value.get("record_type") != RECORD_TYPE:
        raise ValueError("not a Consent Desk statement record")
    return value


__all__ = [
    "HISTORICAL_AFTER",
    "LANGUAGES",
    "RECORD_FILE_NAME",
    "Issuer",
    "StatementKind",
    "StatementStatus",
    "build_record",
    "canonical_bytes",
    "comparable",
    "modality_part",
    "new_statement_id",
    "parse_languages",
    "parse_record",
    "record_sha256",
]


@dataclass(frozen=True)
class RegisterEntry:
    """What verification asks of a statement's row in the register: the registered file's
    hash and its status (`RegisteredStatement` answers the same)."""

    file_sha256: str
    status: StatementStatus
    superseded_by_id: str | None
    status_reason: str


class QuickRegister:
    """The register's rows read with plain `sqlite3` (`statement verify` on a current SQLite
    file, models/storage/quick.py): `find` as `StatementRegister.find` answers it."""

    def __init__(self, con: Any) -> None:
        self.con = con

    def find(self, statement_id: str) -> RegisterEntry | None:
        row = self.con.execute(
            "SELECT file_sha256, status, superseded_by_id, status_reason FROM statement "
            "WHERE id = ?",
            (statement_id,),
        ).fetchone()
        if row is None:
            return None
        return RegisterEntry(row[0], StatementStatus(row[1]), row[2], row[3])
