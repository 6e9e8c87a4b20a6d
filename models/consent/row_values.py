"""Rows to frozen values and back, and the audited snapshot of each row."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from models.clock import iso
from models.consent.tables import ConsentEvidenceRow, ConsentRecordRow
from models.consent.values import (
    AgencyRecommendation,
    ArtistDecision,
    CompensationBasis,
    ConsentDraft,
    ConsentRecord,
    Counterparty,
    CounterpartyKind,
    DecisionMethod,
    DecisionOutcome,
    Evidence,
    EvidenceRole,
    Project,
    ProjectType,
    Recommendation,
    Revocation,
)
from models.consent.words import ConsentStatus, Modality, Use
from models.dates.zones import zone_name
from models.names import display_name
from models.parties.tables import CounterpartyRow, ProjectRow
from models.storage.schema import ArtistRow, StoredFileRow


def to_counterparty(row: CounterpartyRow) -> Counterparty:
    return Counterparty(
        id=row.id,
        native_name=row.native_name,
        romanized_name=row.romanized_name,
        kind=CounterpartyKind(row.kind),
        notes=row.notes,
        archived=row.archived,
        row_version=row.row_version,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
    )


def to_project(row: ProjectRow) -> Project:
    return Project(
        id=row.id,
        counterparty_id=row.counterparty_id,
        title_native=row.title_native,
        title_romanized=row.title_romanized,
        project_type=ProjectType(row.project_type),
        notes=row.notes,
        archived=row.archived,
        row_version=row.row_version,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
    )


def counterparty_snapshot(row: CounterpartyRow) -> dict[str, Any]:
    return {
        "native_name": row.native_name,
        "romanized_name": row.romanized_name,
        "kind": row.kind,
        "notes": row.notes,
        "archived": row.archived,
        "row_version": row.row_version,
    }


def project_snapshot(row: ProjectRow) -> dict[str, Any]:
    return {
        "counterparty_id": row.counterparty_id,
        "title_native": row.title_native,
        "title_romanized": row.title_romanized,
        "project_type": row.project_type,
        "notes": row.notes,
        "archived": row.archived,
        "row_version": row.row_version,
    }


def draft_values(d: ConsentDraft) -> dict[str, Any]:
    """Column values for the terms of a (validated) draft."""
    return {
        "artist_id": d.artist_id,
        "counterparty_id": d.counterparty_id,
        "project_id": d.project_id,
        "modalities": [m.value for m in d.modalities],
        "uses": [u.value for u in d.uses],
        "media": list(d.media),
        "territories": list(d.territories),
        "term_start": d.term_start,
        "term_end": d.term_end,
        "compensation_amount": (
            str(d.compensation_amount) if d.compensation_amount is not None else None
        ),
        "compensation_currency": d.compensation_currency,
        "compensation_basis": d.compensation_basis.value if d.compensation_basis else "",
        "content_exclusions": list(d.content_exclusions),
        "alteration_limits": d.alteration_limits,
        "sublicensing_allowed": d.sublicensing_allowed,
        "data_retention": d.data_retention,
        "deletion_on_end": d.deletion_on_end,
        "revocation_terms": d.revocation_terms,
        "counsel_represented": d.counsel_represented,
        "union_represented": d.union_represented,
        "representative": d.representative,
        "signed_separately": d.signed_separately,
        "specific_use_description": d.specific_use_description,
        "notes": d.notes,
        "scan_session_at": d.scan_session_at,
        "scan_notice_at": d.scan_notice_at,
    }


def row_draft(row: ConsentRecordRow) -> ConsentDraft:
    return ConsentDraft(
        artist_id=row.artist_id,
        counterparty_id=row.counterparty_id,
        project_id=row.project_id,
        modalities=tuple(Modality(m) for m in row.modalities or ()),
        uses=tuple(Use(u) for u in row.uses or ()),
        media=tuple(row.media or ()),
        territories=tuple(row.territories or ()),
        term_start=row.term_start,
        term_end=row.term_end,
        compensation_amount=(
            Decimal(row.compensation_amount) if row.compensation_amount is not None else None
        ),
        compensation_currency=row.compensation_currency,
        compensation_basis=(
            CompensationBasis(row.compensation_basis) if row.compensation_basis else None
        ),
        content_exclusions=tuple(row.content_exclusions or ()),
        alteration_limits=row.alteration_limits,
        sublicensing_allowed=row.sublicensing_allowed,
        data_retention=row.data_retention,
        deletion_on_end=row.deletion_on_end,
        revocation_terms=row.revocation_terms,
        counsel_represented=row.counsel_represented,
        union_represented=row.union_represented,
        representative=row.representative,
        signed_separately=row.signed_separately,
        specific_use_description=row.specific_use_description,
        notes=row.notes,
        scan_session_at=row.scan_session_at,
        scan_notice_at=row.scan_notice_at,
    )


def _t(value: datetime | None) -> str | None:
    return iso(value) if value is not None else None


def record_snapshot(row: ConsentRecordRow) -> dict[str, Any]:
    """Every column a person or the lifecycle can change: the audited view of a record."""
    terms = draft_values(row_draft(row))
    for key in ("term_start", "term_end"):
        terms[key] = terms[key].isoformat() if terms[key] else None
    for key in ("scan_session_at", "scan_notice_at"):
        terms[key] = _t(terms[key])
    return {
        **terms,
        "status": row.status,
        "lineage_id": row.lineage_id,
        "version": row.version,
        "supersedes_id": row.supersedes_id,
        "pending_at": _t(row.pending_at),
        "given_at": _t(row.given_at),
        "refused_at": _t(row.refused_at),
        "superseded_at": _t(row.superseded_at),
        "decided_by": row.decided_by,
        "decided_at": _t(row.decided_at),
        "decision_method": row.decision_method,
        "decision_note": row.decision_note,
        "recommended_by": row.recommended_by,
        "recommended_at": _t(row.recommended_at),
        "recommendation": row.recommendation,
        "recommendation_note": row.recommendation_note,
        "revoked_at": _t(row.revoked_at),
        "revoked_by": row.revoked_by,
        "revocation_reason": row.revocation_reason,
        "row_version": row.row_version,
    }


def evidence_snapshot(row: ConsentEvidenceRow) -> dict[str, Any]:
    return {
        "record_id": row.record_id,
        "sha256": row.sha256,
        "original_name": row.original_name,
        "role": row.role,
        "note": row.note,
    }


def to_evidence(row: ConsentEvidenceRow, file: StoredFileRow | None) -> Evidence:
    return Evidence(
        id=row.id,
        record_id=row.record_id,
        sha256=row.sha256,
        original_name=row.original_name,
        role=EvidenceRole(row.role),
        size=file.size if file else 0,
        media_type=file.media_type if file else "application/octet-stream",
        note=row.note,
        added_at=row.added_at,
        added_by=row.added_by,
    )


def to_record(
    row: ConsentRecordRow,
    counterparty: CounterpartyRow,
    project: ProjectRow | None,
    artist: ArtistRow,
    evidence: tuple[Evidence, ...],
    superseded_by_id: int | None,
) -> ConsentRecord:
    decision = None
    if row.decided_at is not None and (row.given_at or row.refused_at):
        decision = ArtistDecision(
            outcome=DecisionOutcome.GIVEN if row.given_at else DecisionOutcome.REFUSED,
            decided_by=row.decided_by,
            decided_at=row.decided_at,
            method=DecisionMethod(row.decision_method or DecisionMethod.OTHER.value),
            note=row.decision_note,
        )
    recommendation = None
    if row.recommended_at is not None and row.recommendation:
        recommendation = AgencyRecommendation(
            recommendation=Recommendation(row.recommendation),
            recommended_by=row.recommended_by,
            recommended_at=row.recommended_at,
            note=row.recommendation_note,
        )
    revocation = None
    if row.revoked_at is not None:
        revocation = Revocation(
            revoked_at=row.revoked_at,
            revoked_by=row.revoked_by,
            reason=row.revocation_reason,
            recorded_at=row.revocation_recorded_at,
        )
    return ConsentRecord(
        id=row.id,
        terms=row_draft(row),
        status=ConsentStatus(row.status),
        lineage_id=row.lineage_id or row.id,
        version=row.version,
        counterparty_name=display_name(counterparty.native_name, counterparty.romanized_name),
        project_title=(
            display_name(project.title_native, project.title_romanized) if project else ""
        ),
        artist_name=display_name(artist.native_name, artist.romanized_name),
        zone=zone_name(artist.jurisdiction),
        supersedes_id=row.supersedes_id,
        superseded_by_id=superseded_by_id,
        pending_at=row.pending_at,
        given_at=row.given_at,
        refused_at=row.refused_at,
        superseded_at=row.superseded_at,
        decision=decision,
        recommendation=recommendation,
        revocation=revocation,
        evidence=evidence,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        row_version=row.row_version,
    )
