"""Consent records to and from JSON: headless recording (`consent add --from-json`) and output.

The input format is the `ConsentDraft` field names plus `status`, `evidence`, `decision` and
`recommendation`; unknown keys are refused so a typo never silently drops a term. A file may
hold one record or a list; a list is recorded all together or not at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from models.clock import iso
from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.together import one_transaction
from models.consent.values import (
    DRAFT_FIELDS,
    AgencyRecommendation,
    ArtistDecision,
    CompensationBasis,
    ConsentDraft,
    ConsentRecord,
    DecisionMethod,
    DecisionOutcome,
    EvidenceRole,
    Recommendation,
)
from models.consent.words import ConsentStatus, Modality, Use
from models.errors import UserError
from models.storage.database import Database

EXTRA_KEYS = ("status", "evidence", "decision", "recommendation")
_TYPES = {f.name: f.type for f in fields(ConsentDraft)}


@dataclass(frozen=True)
class ConsentInput:
    """One record to enter: its terms and how far through the lifecycle it already is."""

    draft: ConsentDraft
    status: ConsentStatus = ConsentStatus.REQUESTED
    evidence: tuple[EvidenceFile, ...] = ()
    decision: ArtistDecision | None = None
    recommendation: AgencyRecommendation | None = None


class _Bad(UserError):
    pass


def parse_time(value: Any, where: str) -> datetime:
    """ISO date-time; a date or a time without offset is read as UTC."""
    if not isinstance(value, str):
        raise _Bad("error.consent.jsonio.where_give_date_time_such", where=where)
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError as e:
        raise _Bad(
            "error.consent.jsonio.where_value_not_date_time", where=where, value=value
        ) from e
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _date(value: Any, where: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as e:
        raise _Bad(
            "error.consent.jsonio.where_value_not_date_yyyy", where=where, value=value
        ) from e


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad("error.consent.jsonio.where_give_list_texts", where=where)
    return tuple(value)


def _enum_list(value: Any, kind: type[Modality] | type[Use], where: str) -> tuple[Any, ...]:
    out = []
    for v in _strings(value, where):
        try:
            out.append(kind(v))
        except ValueError as e:
            choices = ", ".join(k.value for k in kind)
            raise _Bad(
                "error.consent.jsonio.where_v_not_one_choices", where=where, v=v, choices=choices
            ) from e
    return tuple(out)


MAX_ID = 2**63 - 1  # the largest id a database column holds
MAX_AMOUNT = 10**15


def _choice(value: Any, kind: Any, where: str) -> Any:
    try:
        return kind(value)
    except ValueError as e:
        choices = ", ".join(k.value for k in kind)
        raise _Bad(
            "error.consent.jsonio.where_value_not_one_choices",
            where=where,
            value=value,
            choices=choices,
        ) from e


def _draft(item: dict[str, Any], where: str) -> ConsentDraft:
    values: dict[str, Any] = {}
    for key in DRAFT_FIELDS:
        if key not in item:
            continue
        v = item[key]
        w = f"{where} {key}"
        if key in ("artist_id", "counterparty_id", "project_id"):
            if v is None and key == "project_id":
                values[key] = None
            elif isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= MAX_ID:
                values[key] = v
            else:
                raise _Bad("error.consent.jsonio.w_give_whole_number_id", w=w)
        elif key == "modalities":
            values[key] = _enum_list(v, Modality, w)
        elif key == "uses":
            values[key] = _enum_list(v, Use, w)
        elif key in ("media", "territories", "content_exclusions"):
            values[key] = _strings(v, w)
        elif key in ("term_start", "term_end"):
            values[key] = _date(v, w)
        elif key in ("scan_session_at", "scan_notice_at"):
            values[key] = None if v in (None, "") else parse_time(v, w)
        elif key == "compensation_amount":
            if v in (None, ""):
                values[key] = None
            else:
                try:
                    amount = Decimal(str(v)) if isinstance(v, int | float | str) else None
                except (InvalidOperation, ValueError) as e:
                    raise _Bad("error.consent.jsonio.w_give_amount", w=w) from e
                if amount is None or not amount.is_finite() or abs(amount) >= MAX_AMOUNT:
                    raise _Bad(
                        "error.consent.jsonio.w_give_amount_number_below",
                        w=w,
                        max_amount=f"{MAX_AMOUNT:,}",
                    )
                values[key] = amount
        elif key == "compensation_basis":
            values[key] = None if v in (None, "") else _choice(v, CompensationBasis, w)
        elif _TYPES[key] in ("bool", bool):
            if not isinstance(v, bool):
                raise _Bad("error.consent.jsonio.w_give_true_false", w=w)
            values[key] = v
        else:
            if not isinstance(v, str):
                raise _Bad("error.consent.jsonio.w_give_text", w=w)
            values[key] = v
    for key in ("artist_id", "counterparty_id"):
        if key not in values:
            raise _Bad("error.consent.jsonio.where_key_required", where=where, key=key)
    return ConsentDraft(**values)


def _evidence(value: Any, base_dir: Path, where: str) -> tuple[EvidenceFile, ...]:
    if not isinstance(value, list):
        raise _Bad("error.consent.jsonio.where_evidence_give_list_files", where=where)
    out = []
    for i, e in enumerate(value, start=1):
        w = f"{where} evidence {i}"
        if isinstance(e, str):
            e = {"path": e}
        if not isinstance(e, dict) or not isinstance(e.get("path"), str):
            raise _Bad("error.consent.jsonio.w_give_path_path_role", w=w)
        path = Path(e["path"]).expanduser()
        path = path if path.is_absolute() else base_dir / path
        if not path.is_file():
            raise _Bad("error.consent.jsonio.w_there_no_file_path", w=w, path=path)
        role = _choice(e.get("role", EvidenceRole.SIGNED_AGREEMENT.value), EvidenceRole, w)
        out.append(EvidenceFile(path, role, str(e.get("name", "")), str(e.get("note", ""))))
    return tuple(out)


def parse_inputs(data: Any, base_dir: Path) -> list[ConsentInput]:
    """Check a whole file before anything is written; problems name the record and field."""
    items = data if isinstance(data, list) else [data]
    out = []
    for n, item in enumerate(items, start=1):
        where = f"record {n}:" if len(items) > 1 else "record:"
        if not isinstance(item, dict):
            raise _Bad("error.consent.jsonio.where_give_object_consent_fields", where=where)
        unknown = sorted(set(item) - set(DRAFT_FIELDS) - set(EXTRA_KEYS))
        if unknown:
            raise _Bad(
                "error.consent.jsonio.where_unknown_field_items",
                where=where,
                items=", ".join(unknown),
            )
        status = _choice(item.get("status", "requested"), ConsentStatus, f"{where} status")
        if status not in (
            ConsentStatus.REQUESTED,
            ConsentStatus.PENDING_ARTIST,
            ConsentStatus.GIVEN,
            ConsentStatus.REFUSED,
        ):
            raise _Bad("error.consent.jsonio.where_status_record_entered_as", where=where)
        decision = None
        if status in (ConsentStatus.GIVEN, ConsentStatus.REFUSED):
            d = item.get("decision")
            if not isinstance(d, dict):
                raise _Bad(
                    "error.consent.jsonio.where_decision_value_record_needs",
                    where=where,
                    value=status.value,
                )
            decision = ArtistDecision(
                DecisionOutcome(status.value),
                str(d.get("decided_by", "")),
                parse_time(d.get("decided_at"), f"{where} decision decided_at"),
                _choice(d.get("method", "signed_agreement"), DecisionMethod, f"{where} method"),
                str(d.get("note", "")),
            )
        recommendation = None
        r = item.get("recommendation")
        if r is not None:
            if not isinstance(r, dict):
                raise _Bad("error.consent.jsonio.where_recommendation_give_object", where=where)
            recommendation = AgencyRecommendation(
                _choice(r.get("recommendation"), Recommendation, f"{where} recommendation"),
                str(r.get("recommended_by", "")),
                parse_time(r.get("recommended_at"), f"{where} recommended_at"),
                str(r.get("note", "")),
            )
        out.append(
            ConsentInput(
                _draft(item, where),
                status,
                _evidence(item.get("evidence", []), base_dir, where),
                decision,
                recommendation,
            )
        )
    return out


def read_inputs(path: Path) -> list[ConsentInput]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise UserError(
            "error.consent.jsonio.cannot_read_path_strerror", path=path, strerror=e.strerror
        ) from e
    except UnicodeDecodeError as e:
        raise UserError("error.consent.jsonio.name_not_utf_text_save", name=path.name) from e
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise UserError(
            "error.consent.jsonio.name_not_valid_json_line",
            name=path.name,
            lineno=e.lineno,
            msg=e.msg,
        ) from e
    except RecursionError:
        raise UserError(
            "error.consent.jsonio.name_nested_too_deeply_consent", name=path.name
        ) from None
    except ValueError as e:  # an integer literal longer than Python converts
        raise UserError(
            "error.consent.jsonio.name_not_usable_consent_file", name=path.name, reason=e
        ) from None
    return parse_inputs(data, path.parent)


def record_inputs(db: Database, inputs: list[ConsentInput]) -> list[ConsentRecord]:
    """Enter every input in one transaction: all of them or none."""
    out = []
    with one_transaction(db) as tx:
        service = ConsentService(tx)
        for item in inputs:
            if item.decision is not None:
                out.append(
                    service.record_signed(
                        item.draft, item.evidence, item.decision, item.recommendation
                    )
                )
                continue
            record = service.create(item.draft, item.status)
            for f in item.evidence:
                service.attach_evidence(record.id, f)
            if item.recommendation is not None:
                record = service.record_recommendation(
                    record.id, item.recommendation, record.row_version
                )
            out.append(service.get(record.id))
    return out


def _t(value: datetime | None) -> str | None:
    return iso(value) if value is not None else None


def record_json(r: ConsentRecord, now: datetime | None = None) -> dict[str, Any]:
    """Everything about one version, JSON-ready."""
    t = r.terms
    d, rec, rev = r.decision, r.recommendation, r.revocation
    return {
        "id": r.id,
        "lineage_id": r.lineage_id,
        "version": r.version,
        "status": r.status.value,
        "status_now": r.status_at(now).value if now is not None else None,
        "artist_id": t.artist_id,
        "artist": r.artist_name,
        "counterparty_id": t.counterparty_id,
        "counterparty": r.counterparty_name,
        "project_id": t.project_id,
        "project": r.project_title or None,
        "modalities": [m.value for m in t.modalities],
        "uses": [u.value for u in t.uses],
        "media": list(t.media),
        "territories": list(t.territories),
        "term_start": t.term_start.isoformat() if t.term_start else None,
        "term_end": t.term_end.isoformat() if t.term_end else None,
        "compensation_amount": (
            str(t.compensation_amount) if t.compensation_amount is not None else None
        ),
        "compensation_currency": t.compensation_currency,
        "compensation_basis": t.compensation_basis.value if t.compensation_basis else None,
        "content_exclusions": list(t.content_exclusions),
        "alteration_limits": t.alteration_limits,
        "sublicensing_allowed": t.sublicensing_allowed,
        "data_retention": t.data_retention,
        "deletion_on_end": t.deletion_on_end,
        "revocation_terms": t.revocation_terms,
        "counsel_represented": t.counsel_represented,
        "union_represented": t.union_represented,
        "representative": t.representative,
        "signed_separately": t.signed_separately,
        "specific_use_description": t.specific_use_description,
        "notes": t.notes,
        "scan_session_at": _t(t.scan_session_at),
        "scan_notice_at": _t(t.scan_notice_at),
        "supersedes_id": r.supersedes_id,
        "superseded_by_id": r.superseded_by_id,
        "given_at": _t(r.given_at),
        "decision": (
            {
                "outcome": d.outcome.value,
                "decided_by": d.decided_by,
                "decided_at": iso(d.decided_at),
                "method": d.method.value,
                "note": d.note,
            }
            if d
            else None
        ),
        "recommendation": (
            {
                "recommendation": rec.recommendation.value,
                "recommended_by": rec.recommended_by,
                "recommended_at": iso(rec.recommended_at),
                "note": rec.note,
            }
            if rec
            else None
        ),
        "revocation": (
            {"revoked_at": iso(rev.revoked_at), "revoked_by": rev.revoked_by, "reason": rev.reason}
            if rev
            else None
        ),
        "evidence": [
            {"sha256": e.sha256, "name": e.original_name, "role": e.role.value, "size": e.size}
            for e in r.evidence
        ],
        "row_version": r.row_version,
    }
