"""A consent file (`consent add --from-json`): its shape, checked, then recorded all together.

The input format is the `ConsentDraft` field names plus `status`, `evidence`, `decision` and
`recommendation`; unknown keys are refused so a typo never silently drops a term. A file may
hold one record or a list; a list is recorded all together or not at all. The shape is declared
here and checked by models/shapes.py, which only the commands that read such files import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from models import shapes
from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
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
from models.dates import MomentRule, consent_event
from models.errors import FieldProblem, UserError
from models.messages import field_name, phrase
from models.storage.database import Database

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


Where = dict[str, Any]  # a catalogue phrase naming the record (and part) a problem is in


MAX_AMOUNT = 10**15
MAX_FILE_BYTES = 16 * 1024 * 1024  # a file of many records (a whole roster's consents)
_SHAPED: dict[str, shapes.Field] = {
    "artist_id": shapes.Field(shapes.record_id, required=True),
    "counterparty_id": shapes.Field(shapes.record_id, required=True),
    "project_id": shapes.Field(shapes.optional(shapes.record_id)),
    "modalities": shapes.Field(shapes.choices(Modality)),
    "uses": shapes.Field(shapes.choices(Use)),
    "media": shapes.Field(shapes.texts),
    "territories": shapes.Field(shapes.texts),
    "content_exclusions": shapes.Field(shapes.texts),
    "term_start": shapes.Field(shapes.day),
    "term_end": shapes.Field(shapes.day),
    "compensation_amount": shapes.Field(shapes.optional(shapes.amount(MAX_AMOUNT))),
    "compensation_basis": shapes.Field(shapes.optional(shapes.choice(CompensationBasis))),
}


@cache
def _record_shape(rule: MomentRule) -> dict[str, shapes.Field]:
    """A record's fields: the ConsentDraft fields (times read under `rule`), its status and
    how far it already is (evidence, decision, recommendation)."""
    shape = {
        name: _SHAPED.get(name)
        or shapes.Field(shapes.flag if _TYPES[name] in ("bool", bool) else shapes.text)
        for name in DRAFT_FIELDS
    }
    shape["scan_session_at"] = shape["scan_notice_at"] = shapes.Field(
        shapes.optional(shapes.moment(rule))
    )
    shape["status"] = shapes.Field(shapes.choice(ConsentStatus), default=ConsentStatus.REQUESTED)
    shape["evidence"] = shapes.Field(shapes.anything, default=[])
    shape["decision"] = shapes.Field(shapes.anything, default=None)
    shape["recommendation"] = shapes.Field(shapes.anything, default=None)
    return shape


@cache
def _decision_shape(rule: MomentRule) -> dict[str, shapes.Field]:
    return {
        "decided_by": shapes.Field(shapes.text, default=""),
        "decided_at": shapes.Field(shapes.moment(rule), required=True),
        "method": shapes.Field(
            shapes.choice(DecisionMethod), default=DecisionMethod.SIGNED_AGREEMENT
        ),
        "note": shapes.Field(shapes.text, default=""),
    }


@cache
def _recommendation_shape(rule: MomentRule) -> dict[str, shapes.Field]:
    return {
        "recommendation": shapes.Field(shapes.choice(Recommendation), required=True),
        "recommended_by": shapes.Field(shapes.text, default=""),
        "recommended_at": shapes.Field(shapes.moment(rule), required=True),
        "note": shapes.Field(shapes.text, default=""),
    }


EVIDENCE_SHAPE = {
    "path": shapes.Field(shapes.text, required=True),
    "role": shapes.Field(shapes.choice(EvidenceRole), default=EvidenceRole.SIGNED_AGREEMENT),
    "name": shapes.Field(shapes.text, default=""),
    "note": shapes.Field(shapes.text, default=""),
}


def _shaped(
    data: dict[str, Any],
    shape: dict[str, shapes.Field],
    where: Where,
    open_: bool = False,
) -> dict[str, Any]:
    """`data` read against `shape`; the first problem as one line naming record and field."""
    problems: list[FieldProblem] = []
    values = shapes.read(data, shape, problems, open_=open_)
    if problems:
        p = problems[0]
        problem = phrase(p.code, **p.params)
        if p.field:
            field = (p.field, field_name(p.field, "zh"))
            raise _Bad(
                "error.consent.consent_file.field_problem",
                where=where,
                field=field,
                problem=problem,
            )
        raise _Bad("error.consent.consent_file.problem", where=where, problem=problem)
    return values


def _event_rule(item: dict[str, Any], jurisdiction_of: Callable[[int], str]) -> MomentRule:
    """Times in a record are the artist's (models/dates: consent events)."""
    try:
        return consent_event(jurisdiction_of(shapes.record_id(item.get("artist_id"))))
    except shapes.Bad:
        return consent_event("")  # the bad id is reported with the record's other fields


def _evidence(value: Any, base_dir: Path, where: Where) -> tuple[EvidenceFile, ...]:
    if not isinstance(value, list):
        raise _Bad("error.consent.consent_file.evidence_give_list_files", where=where)
    out = []
    for i, e in enumerate(value, start=1):
        w = phrase("error.consent.consent_file.where.evidence_i", where=where, i=i)
        if isinstance(e, str):
            e = {"path": e}
        if not isinstance(e, dict):
            raise _Bad("error.consent.consent_file.give_path_path_role", where=w)
        values = _shaped(e, EVIDENCE_SHAPE, w, open_=True)
        path = Path(values["path"]).expanduser()
        path = path if path.is_absolute() else base_dir / path
        if not path.is_file():
            raise _Bad("error.consent.consent_file.there_no_file_at_path", where=w, path=path)
        out.append(EvidenceFile(path, values["role"], values["name"], values["note"]))
    return tuple(out)


ENTERED_AS = (
    ConsentStatus.REQUESTED,
    ConsentStatus.PENDING_ARTIST,
    ConsentStatus.GIVEN,
    ConsentStatus.REFUSED,
)


def parse_inputs(
    data: Any, base_dir: Path, jurisdiction_of: Callable[[int], str]
) -> list[ConsentInput]:
    """Check a whole file before anything is written; problems name the record and field.

    The shape of a record is declared in `_record_shape` and checked by models/shapes.py.
    `jurisdiction_of(artist_id)` gives the artist's jurisdiction: a time without offset in the
    file is read in that artist's zone, like the same time typed to `consent decide --at`.
    """
    items = data if isinstance(data, list) else [data]
    out = []
    for n, item in enumerate(items, start=1):
        many = len(items) > 1
        where = (
            phrase("error.consent.consent_file.where.record_n", n=n)
            if many
            else phrase("error.consent.consent_file.where.record")
        )
        if not isinstance(item, dict):
            raise _Bad("error.consent.consent_file.give_object_consent_fields", where=where)
        rule = _event_rule(item, jurisdiction_of)
        values = _shaped(item, _record_shape(rule), where)
        status = values["status"]
        if status not in ENTERED_AS:
            raise _Bad("error.consent.consent_file.status_record_entered_as", where=where)
        decision = None
        if status in (ConsentStatus.GIVEN, ConsentStatus.REFUSED):
            d = values["decision"]
            if not isinstance(d, dict):
                raise _Bad(
                    "error.consent.consent_file.decision_record_needs_decision",
                    where=where,
                    status=status.value,
                )
            w = phrase("error.consent.consent_file.where.decision", where=where)
            dv = _shaped(d, _decision_shape(rule), w, open_=True)
            decision = ArtistDecision(
                DecisionOutcome(status.value),
                dv["decided_by"],
                dv["decided_at"],
                dv["method"],
                dv["note"],
            )
        recommendation = None
        r = values["recommendation"]
        if r is not None:
            if not isinstance(r, dict):
                raise _Bad("error.consent.consent_file.recommendation_give_object", where=where)
            rv = _shaped(r, _recommendation_shape(rule), where, open_=True)
            recommendation = AgencyRecommendation(
                rv["recommendation"], rv["recommended_by"], rv["recommended_at"], rv["note"]
            )
        draft = ConsentDraft(**{k: v for k, v in values.items() if k in DRAFT_FIELDS})
        evidence = _evidence(values["evidence"], base_dir, where)
        out.append(ConsentInput(draft, status, evidence, decision, recommendation))
    return out


def read_inputs(path: Path, jurisdiction_of: Callable[[int], str]) -> list[ConsentInput]:
    data = shapes.load_file(path, "error.shapes.kind.consent_file", MAX_FILE_BYTES)
    return parse_inputs(data, path.parent, jurisdiction_of)


def record_inputs(db: Database, inputs: list[ConsentInput]) -> list[ConsentRecord]:
    """Enter every input in one transaction: all of them or none."""
    out = []
    with db.transaction():
        service = ConsentService(db)
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


__all__ = ["ConsentInput", "parse_inputs", "read_inputs", "record_inputs"]
