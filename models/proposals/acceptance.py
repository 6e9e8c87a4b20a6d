"""Accepting a proposal: the consent record it offers to create for each accepting artist.

The draft carries what the proposal asked for (modalities requested and used in the script,
uses, media, territories, term, fee) and a specific description of the use built from the
proposal and its script lines, so rule R4 has something concrete to read. It is created as
`pending_artist`: it becomes `given` only when the artist's signed decision is entered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.consent.values import CompensationBasis, ConsentDraft
from models.consent.words import Modality, Use
from models.proposals import script_intake
from models.proposals.tables import CharacterMappingRow, ProposalScriptRow
from models.proposals.values import Proposal, ProposalArtist
from models.rules.uses import ScriptHit, dubbing_phrase, hit_modality

MAX_DESCRIPTION = 4000
MAX_LINES_LISTED = 30


def script_uses_by_artist(
    s: Session, proposal_id: int
) -> dict[int, list[tuple[int, Modality | None, str]]]:
    """(line, modality, words) of every mapped AI use, per artist."""
    script_rows = list(
        s.scalars(
            select(ProposalScriptRow).where(
                ProposalScriptRow.proposal_id == proposal_id, ProposalScriptRow.active.is_(True)
            )
        )
    )
    ids = [x.id for x in script_rows]
    if not ids:
        return {}
    mapping = {
        (m.script_id, m.character): m.artist_id
        for m in s.scalars(
            select(CharacterMappingRow).where(CharacterMappingRow.script_id.in_(ids))
        )
    }
    lines = {x.id: script_intake.lines_of(x) for x in script_rows}
    out: dict[int, list[tuple[int, Modality | None, str]]] = {}
    for u in script_intake.ai_use_rows(s, ids):
        artist_id = mapping.get((u.script_id, u.character or ""))
        if artist_id is None:
            continue
        hit = ScriptHit(u.script_id, u.line, u.character, u.kind, u.source, u.text, u.scene)
        m = hit_modality(hit)
        out.setdefault(artist_id, []).append((u.line, m, u.text))
        text = lines[u.script_id][u.line - 1] if 0 < u.line <= len(lines[u.script_id]) else ""
        phrase = dubbing_phrase(text)
        if phrase and m in (None, Modality.VOICE):
            out[artist_id].append((u.line, Modality.VOICE_TRANSLATION_DUBBING, phrase))
    return out


def consent_draft(
    p: Proposal,
    entry: ProposalArtist,
    uses_in_script: Sequence[tuple[int, Modality | None, str]],
    on: date,
) -> ConsentDraft | None:
    """The consent record matching what the artist accepted; None if nothing is asked of them."""
    r = entry.requested
    wanted = set(r.modalities) | {m for _l, m, _t in uses_in_script if m is not None}
    if p.model_training_requested:
        wanted.add(Modality.MODEL_TRAINING)
    modalities = tuple(m for m in Modality if m in wanted)
    if not modalities:
        return None
    listed = "; ".join(
        f"line {line}: {m.label.lower() if m else 'AI use'} ('{text}')"
        for line, m, text in list(uses_in_script)[:MAX_LINES_LISTED]
    )
    more = len(uses_in_script) - MAX_LINES_LISTED
    description = (
        f"As set out in proposal #{p.id} from {p.counterparty_name} for {p.project_title}, "
        f"received {p.received_on.isoformat()}"
        + (f": {p.description}" if p.description else "")
        + (f". Script uses: {listed}" if listed else "")
        + (f" (and {more} more)" if more > 0 else "")
        + "."
    )[:MAX_DESCRIPTION]
    return ConsentDraft(
        artist_id=r.artist_id,
        counterparty_id=p.counterparty_id,
        project_id=p.project_id,
        modalities=modalities,
        uses=r.uses or (Use.THIS_PRODUCTION,),
        media=r.media,
        territories=r.territories,
        term_start=r.term_start,
        term_end=r.term_end,
        compensation_amount=r.fee_amount,
        compensation_currency=r.fee_currency if r.fee_amount is not None else "",
        compensation_basis=CompensationBasis.FLAT_FEE if r.fee_amount is not None else None,
        sublicensing_allowed=False,
        specific_use_description=description,
        notes=f"Drafted from proposal #{p.id} when it was accepted on {on.isoformat()}.",
        scan_session_at=next(
            (x.at for x in p.scan_sessions if x.artist_id in (None, r.artist_id)), None
        ),
        scan_notice_at=next(
            (x.notice_at for x in p.scan_sessions if x.artist_id in (None, r.artist_id)), None
        ),
    )


__all__ = ["consent_draft", "script_uses_by_artist"]
