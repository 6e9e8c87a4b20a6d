"""Rows to frozen values and back, the audited snapshots, and draft validation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.clock import iso
from models.consent.values import AgencyRecommendation, Recommendation
from models.consent.words import Modality, Use
from models.errors import FieldProblem
from models.messages import PHRASE, Text, from_json
from models.names import display_name
from models.parties.tables import CounterpartyRow, ProjectRow
from models.proposals.tables import (
    ProposalArtistRow,
    ProposalFileRow,
    ProposalRow,
    ProposalScriptRow,
    ScriptAiUseRow,
)
from models.proposals.values import (
    ArtistAnswer,
    ArtistDecisionOnProposal,
    FileRole,
    Proposal,
    ProposalArtist,
    ProposalDraft,
    ProposalFile,
    ProposalScript,
    ProposalStatus,
    RequestedArtist,
    ScanSessionRequest,
    ScriptAiUse,
)
from models.storage.schema import ArtistRow

MAX_TEXT = 20_000
MAX_ITEMS = 60
MAX_ITEM = 120
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def _t(value: datetime | None) -> str | None:
    return iso(value) if value is not None else None


def _d(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


# -- requested artists and scan sessions ---------------------------------------------------------


def requested_values(r: RequestedArtist) -> dict[str, Any]:
    return {
        "artist_id": r.artist_id,
        "modalities": [m.value for m in r.modalities],
        "uses": [u.value for u in r.uses],
        "media": list(r.media),
        "territories": list(r.territories),
        "term_start": r.term_start,
        "term_end": r.term_end,
        "fee_amount": str(r.fee_amount) if r.fee_amount is not None else None,
        "fee_currency": r.fee_currency,
        "roles": list(r.roles),
    }


def to_requested(row: ProposalArtistRow) -> RequestedArtist:
    return RequestedArtist(
        artist_id=row.artist_id,
        modalities=tuple(Modality(m) for m in row.modalities or ()),
        uses=tuple(Use(u) for u in row.uses or ()),
        media=tuple(row.media or ()),
        territories=tuple(row.territories or ()),
        term_start=row.term_start,
        term_end=row.term_end,
        fee_amount=Decimal(row.fee_amount) if row.fee_amount is not None else None,
        fee_currency=row.fee_currency,
        roles=tuple(row.roles or ()),
    )


def sessions_json(sessions: Sequence[ScanSessionRequest]) -> list[dict[str, Any]]:
    return [
        {
            "at": iso(s.at),
            "notice_at": _t(s.notice_at),
            "artist_id": s.artist_id,
            "note": s.note,
        }
        for s in sessions
    ]


def to_sessions(raw: Sequence[dict[str, Any]] | None) -> tuple[ScanSessionRequest, ...]:
    out = []
    for item in raw or ():
        notice = item.get("notice_at")
        out.append(
            ScanSessionRequest(
                at=datetime.fromisoformat(item["at"]),
                notice_at=datetime.fromisoformat(notice) if notice else None,
                artist_id=item.get("artist_id"),
                note=item.get("note", ""),
            )
        )
    return tuple(out)


def artist_snapshot(row: ProposalArtistRow) -> dict[str, Any]:
    return {
        "artist_id": row.artist_id,
        "modalities": list(row.modalities or ()),
        "uses": list(row.uses or ()),
        "media": list(row.media or ()),
        "territories": list(row.territories or ()),
        "term_start": _d(row.term_start),
        "term_end": _d(row.term_end),
        "fee_amount": row.fee_amount,
        "fee_currency": row.fee_currency,
        "roles": list(row.roles or ()),
        "decision": row.decision,
        "decided_by": row.decided_by,
        "decided_at": _t(row.decided_at),
        "decision_note": row.decision_note,
        "recommendation": row.recommendation,
        "recommended_by": row.recommended_by,
        "recommended_at": _t(row.recommended_at),
        "recommendation_note": row.recommendation_note,
        "consent_record_id": row.consent_record_id,
    }


def proposal_snapshot(row: ProposalRow, artists: Sequence[ProposalArtistRow]) -> dict[str, Any]:
    return {
        "counterparty_id": row.counterparty_id,
        "project_id": row.project_id,
        "contact": row.contact,
        "received_on": _d(row.received_on),
        "respond_by": _d(row.respond_by),
        "description": row.description,
        "labelling_plan": row.labelling_plan,
        "model_training_requested": row.model_training_requested,
        "retention_requested": row.retention_requested,
        "sublicensing_requested": row.sublicensing_requested,
        "scan_sessions": list(row.scan_sessions or ()),
        "notes": row.notes,
        "status": row.status,
        "previous_status": row.previous_status,
        "status_note": row.status_note,
        "artists": [artist_snapshot(a) for a in sorted(artists, key=lambda a: a.position)],
        "row_version": row.row_version,
    }


def draft_values(d: ProposalDraft) -> dict[str, Any]:
    return {
        "counterparty_id": d.counterparty_id,
        "project_id": d.project_id,
        "contact": d.contact,
        "received_on": d.received_on,
        "respond_by": d.respond_by,
        "description": d.description,
        "labelling_plan": d.labelling_plan,
        "model_training_requested": d.model_training_requested,
        "retention_requested": d.retention_requested,
        "sublicensing_requested": d.sublicensing_requested,
        "scan_sessions": sessions_json(d.scan_sessions),
        "notes": d.notes,
    }


# -- reading -------------------------------------------------------------------------------------


def artist_rows(s: Session, proposal_id: int) -> list[ProposalArtistRow]:
    return list(
        s.scalars(
            select(ProposalArtistRow)
            .where(ProposalArtistRow.proposal_id == proposal_id)
            .order_by(ProposalArtistRow.position, ProposalArtistRow.id)
        )
    )


def to_artist_entry(row: ProposalArtistRow, name: str) -> ProposalArtist:
    decision = None
    if row.decision and row.decided_at is not None:
        decision = ArtistDecisionOnProposal(
            ArtistAnswer(row.decision), row.decided_by, row.decided_at, row.decision_note
        )
    recommendation = None
    if row.recommendation and row.recommended_at is not None:
        recommendation = AgencyRecommendation(
            Recommendation(row.recommendation),
            row.recommended_by,
            row.recommended_at,
            row.recommendation_note,
        )
    return ProposalArtist(to_requested(row), name, decision, recommendation, row.consent_record_id)


def to_file(row: ProposalFileRow) -> ProposalFile:
    return ProposalFile(
        row.id,
        row.sha256,
        row.original_name,
        FileRole(row.role),
        row.note,
        row.added_at,
        row.added_by,
    )


def to_script(row: ProposalScriptRow, file: ProposalFileRow, ai_uses: int) -> ProposalScript:
    return ProposalScript(
        id=row.id,
        file_id=row.file_id,
        sha256=file.sha256,
        original_name=file.original_name,
        format=row.format,
        title=row.title,
        scene_count=row.scene_count,
        pages=row.pages,
        characters=tuple(c["name"] for c in row.characters or ()),
        ai_uses=ai_uses,
        warnings=tuple(script_warning(w) for w in row.warnings or ()),
        added_at=row.added_at,
        added_by=row.added_by,
    )


def script_warning(stored: object) -> str:
    """A stored reader warning: a `Text` (English as a string, either language through
    `render`) from a code and values, or the English sentence an older row kept."""
    if isinstance(stored, dict) and isinstance(stored.get(PHRASE), str):
        values = {k: from_json(v) for k, v in stored.items() if k != PHRASE}
        return Text(stored[PHRASE], **values)
    return str(stored)


def to_ai_use(row: ScriptAiUseRow) -> ScriptAiUse:
    return ScriptAiUse(
        row.id,
        row.script_id,
        row.line,
        row.column,
        row.page,
        row.scene,
        row.character,
        row.kind,
        row.source,
        row.text,
        row.marker,
    )


def names_of(s: Session, artist_ids: Sequence[int]) -> dict[int, str]:
    if not artist_ids:
        return {}
    q = select(ArtistRow.id, ArtistRow.native_name, ArtistRow.romanized_name).where(
        ArtistRow.id.in_(list(set(artist_ids)))
    )
    return {i: display_name(n, r) for i, n, r in s.execute(q)}


def to_proposal(s: Session, row: ProposalRow) -> Proposal:
    cp = s.get(CounterpartyRow, row.counterparty_id)
    project = s.get(ProjectRow, row.project_id)
    artists = artist_rows(s, row.id)
    names = names_of(s, [a.artist_id for a in artists])
    files = list(
        s.scalars(
            select(ProposalFileRow)
            .where(ProposalFileRow.proposal_id == row.id, ProposalFileRow.active.is_(True))
            .order_by(ProposalFileRow.id)
        )
    )
    by_file = {f.id: f for f in files}
    scripts = list(
        s.scalars(
            select(ProposalScriptRow)
            .where(ProposalScriptRow.proposal_id == row.id, ProposalScriptRow.active.is_(True))
            .order_by(ProposalScriptRow.id)
        )
    )
    counts: dict[int, int] = {}
    if scripts:
        counts = {
            int(sid): int(n)
            for sid, n in s.execute(
                select(ScriptAiUseRow.script_id, func.count())
                .where(ScriptAiUseRow.script_id.in_([x.id for x in scripts]))
                .group_by(ScriptAiUseRow.script_id)
            )
        }
    return Proposal(
        id=row.id,
        counterparty_id=row.counterparty_id,
        counterparty_name=display_name(cp.native_name, cp.romanized_name) if cp else "",
        project_id=row.project_id,
        project_title=display_name(project.title_native, project.title_romanized)
        if project
        else "",
        received_on=row.received_on,
        respond_by=row.respond_by,
        contact=row.contact,
        description=row.description,
        labelling_plan=row.labelling_plan,
        model_training_requested=row.model_training_requested,
        retention_requested=row.retention_requested,
        sublicensing_requested=row.sublicensing_requested,
        scan_sessions=to_sessions(row.scan_sessions),
        notes=row.notes,
        status=ProposalStatus(row.status),
        previous_status=ProposalStatus(row.previous_status) if row.previous_status else None,
        status_changed_at=row.status_changed_at,
        status_changed_by=row.status_changed_by,
        status_note=row.status_note,
        artists=tuple(to_artist_entry(a, names.get(a.artist_id, "")) for a in artists),
        files=tuple(to_file(f) for f in files),
        scripts=tuple(
            to_script(x, by_file[x.file_id], counts.get(x.id, 0))
            for x in scripts
            if x.file_id in by_file
        ),
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        row_version=row.row_version,
    )


# -- validation ---------------------------------------------------------------------------------


def _control(text: str, multiline: bool) -> bool:
    allowed = "\n\t\r" if multiline else ""
    return any(ord(c) < 32 and c not in allowed for c in text)


def draft_problems(s: Session, d: ProposalDraft, today: date) -> list[FieldProblem]:
    """Every reason the proposal cannot be saved, tied to its field."""
    out: list[FieldProblem] = []

    def bad(name: str, code: str, row: int | None = None, /, **params: Any) -> None:
        out.append(FieldProblem(name, code, row, **params))

    cp = s.get(CounterpartyRow, d.counterparty_id)
    if cp is None:
        bad("counterparty_id", "problem.there_is_no_counterparty_with_id", id=d.counterparty_id)
    project = s.get(ProjectRow, d.project_id)
    if project is None:
        bad("project_id", "problem.there_is_no_project_with_id", id=d.project_id)
    elif cp is not None and project.counterparty_id != cp.id:
        bad(
            "project_id",
            "problem.the_project_belongs_to_another_counterparty_than",
            name=cp.native_name,
        )
    if d.received_on > today + timedelta(days=1):
        bad("received_on", "problem.is_in_the_future")
    if d.respond_by is not None and d.respond_by < d.received_on:
        bad("respond_by", "problem.is_before_the_proposal_was_received")
    for name in ("contact", "description", "labelling_plan", "notes"):
        text: str = getattr(d, name)
        if len(text) > MAX_TEXT:
            bad(name, "problem.is_longer_than_characters", n=MAX_TEXT)
        if _control(text, multiline=True):
            bad(name, "problem.contains_control_characters")
    if not d.artists:
        bad("artists", "problem.name_at_least_one_requested_artist")
    seen: set[int] = set()
    known = set(
        s.scalars(select(ArtistRow.id).where(ArtistRow.id.in_([a.artist_id for a in d.artists])))
    )
    for n, a in enumerate(d.artists, 1):
        if a.artist_id in seen:
            bad("artists", "problem.artist_is_listed_twice", n, id=a.artist_id)
        seen.add(a.artist_id)
        if a.artist_id not in known:
            bad("artists", "problem.there_is_no_artist_with_id", n, id=a.artist_id)
        if a.term_start and a.term_end and a.term_end < a.term_start:
            bad("term_end", "problem.the_term_ends_before_it_starts_2", n)
        if a.fee_amount is not None:
            try:
                ok = a.fee_amount.is_finite() and a.fee_amount >= 0 and a.fee_amount < 10**12
            except InvalidOperation:
                ok = False
            if not ok:
                bad("fee_amount", "problem.must_be_zero_or_a_plausible_positive", n)
            if not a.fee_currency:
                bad("fee_currency", "problem.give_the_currency_of_the_fee_e", n)
        if a.fee_currency and not _CURRENCY.match(a.fee_currency):
            bad("fee_currency", "problem.must_be_a_three_letter_code_such_2", n)
        for name in ("media", "territories", "roles"):
            items: tuple[str, ...] = getattr(a, name)
            if len(items) > MAX_ITEMS:
                bad(name, "problem.has_more_than_entries", n, n=MAX_ITEMS)
            for item in items:
                if len(item) > MAX_ITEM or _control(item, multiline=False):
                    bad(
                        name,
                        "problem.is_too_long_or_contains_control_characters",
                        n,
                        item=item[:30],
                    )
    for n, sess in enumerate(d.scan_sessions, 1):
        if sess.at.tzinfo is None or (sess.notice_at and sess.notice_at.tzinfo is None):
            bad("scan_sessions", "problem.session_and_notice_times_need_a_time", n)
        elif sess.notice_at is not None and sess.notice_at > sess.at:
            bad("scan_sessions", "problem.the_notice_cannot_come_after_the_session", n)
        if sess.artist_id is not None and sess.artist_id not in seen:
            bad("scan_sessions", "problem.artist_is_not_a_requested_artist", n, id=sess.artist_id)
    return out


__all__ = [
    "artist_rows",
    "artist_snapshot",
    "draft_problems",
    "draft_values",
    "names_of",
    "proposal_snapshot",
    "requested_values",
    "sessions_json",
    "to_ai_use",
    "to_artist_entry",
    "to_file",
    "to_proposal",
    "to_requested",
    "to_script",
    "to_sessions",
]
