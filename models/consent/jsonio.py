"""Consent records as JSON (`consent list/history --json`, `consent add --json`).

Reading consent files is models/consent/consent_file.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from models.clock import iso
from models.consent.values import ConsentRecord


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


__all__ = ["record_json"]
