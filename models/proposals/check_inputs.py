"""What a rule check reads, gathered in the check's own transaction.

The requested terms, the confirmed character mappings and AI uses of the active scripts, each
artist's consent state as of the proposal's received date (the end of that day in the
artist's time zone, unless a run asks for another as-of), the full terms of the records in
force for the project, what the agency's current public statements say, and the roster names
a script mentions. `models/proposals/rule_check.py` runs the rules on it and stores the run.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.clock import iso
from models.consent.service import ConsentService
from models.consent.state import state_in_session
from models.consent.words import ConsentState
from models.dates.zones import artist_zone, day_end
from models.leak.matcher import RosterName
from models.names import display_name
from models.proposals import row_values, script_intake
from models.proposals.characters import named_by_uses, suggest
from models.proposals.roster_names import RosterNames, roster_names_in
from models.proposals.tables import (
    CharacterMappingRow,
    ProposalRow,
    ProposalScriptRow,
)
from models.roster.artist import Artist
from models.roster.service import RosterService
from models.rules import (
    ArtistFacts,
    CheckContext,
    RequestedTerms,
    RosterMention,
    ScanSession,
    ScriptHit,
    StatementClaim,
    build_demands,
)
from models.storage.database import Database


def requested_terms(rows: Sequence[Any]) -> dict[int, RequestedTerms]:
    out: dict[int, RequestedTerms] = {}
    for row in rows:
        r = row_values.to_requested(row)
        out[r.artist_id] = RequestedTerms(
            r.artist_id,
            r.modalities,
            r.uses,
            r.media,
            r.territories,
            r.term_start,
            r.term_end,
            r.fee_amount,
            r.fee_currency,
        )
    return out


def _changed(said: Sequence[dict[str, Any]], now: Sequence[dict[str, Any]]) -> tuple[str, ...]:
    from models.statements.record import comparable

    before = {m["modality"]: comparable([m]) for m in said}
    after = {m["modality"]: comparable([m]) for m in now}
    return tuple(sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k)))


def statement_claims(
    s: Session, db: Database, artist_ids: Sequence[int], now: datetime
) -> dict[int, tuple[StatementClaim, ...]] | None:
    """What each artist's current statements say against the consent state of `now` (R20);
    None when this installation has no statement register."""
    try:
        from models.statements.record import StatementStatus, comparable, modality_part
        from models.statements.register import StatementRegister
    except ImportError:  # the statements feature is not part of this build
        return None
    register = StatementRegister(db)
    out: dict[int, tuple[StatementClaim, ...]] = {}
    for a in artist_ids:
        current = register.statements(artist_id=a, statuses=[StatementStatus.CURRENT])
        if not current:
            out[a] = ()
            continue
        state_now = state_in_session(s, a, now)
        claims = []
        for st in current:
            record = st.record
            scope = record.get("scope") or {}
            today = modality_part(state_now, scope.get("project_id"))
            said = record.get("modalities", [])
            changed = _changed(said, today) if comparable(said) != comparable(today) else ()
            claims.append(
                StatementClaim(st.id, st.kind.value, st.issued_at, scope.get("project_id"), changed)
            )
        out[a] = tuple(claims)
    return out


def gather(
    s: Session, db: Database, row: ProposalRow, as_of: datetime | None, now: datetime
) -> tuple[CheckContext, dict[str, Any]]:
    """Build the rule checker's input for one proposal (inside the caller's transaction)."""
    artist_rows = row_values.artist_rows(s, row.id)
    requested = requested_terms(artist_rows)
    script_rows = list(
        s.scalars(
            select(ProposalScriptRow)
            .where(ProposalScriptRow.proposal_id == row.id, ProposalScriptRow.active.is_(True))
            .order_by(ProposalScriptRow.id)
        )
    )
    script_ids = [x.id for x in script_rows]
    use_rows = script_intake.ai_use_tuples(s, script_ids)
    mapping: dict[tuple[int, str], int | None] = {}
    if script_ids:
        for m in s.scalars(
            select(CharacterMappingRow).where(CharacterMappingRow.script_id.in_(script_ids))
        ):
            mapping[(m.script_id, m.character)] = m.artist_id
    lines = {x.id: script_intake.lines_of(x) for x in script_rows} if use_rows else {}
    index = roster_names_in(s) if use_rows else None
    named: dict[int, dict[int, tuple[str, int]]] = {}
    if index is not None and len(index):
        for script_id in script_ids:
            shown = lines[script_id]
            named[script_id] = named_by_uses(
                index,
                (
                    (line, shown[line - 1])
                    for sid, line, character, *_ in use_rows
                    if sid == script_id and character is None and 0 < line <= len(shown)
                ),
            )
    hits = []
    for script_id, line, character, kind, source, text, scene in use_rows:
        shown = lines[script_id]
        line_text = shown[line - 1] if 0 < line <= len(shown) else ""
        if character is None and line in named.get(script_id, {}):
            character = named[script_id][line][0]  # the roster artist the line names
        hits.append(ScriptHit(script_id, line, character, kind, source, text, scene, line_text))
    roster = RosterService(db)
    suggestions: dict[tuple[int, str], str] = {}
    unmapped_chars = {
        (h.script_id, h.character)
        for h in hits
        if h.character and (h.script_id, h.character) not in mapping
    }
    if unmapped_chars:
        people = roster.get_many(list(requested))
        names = [
            RosterName(a.id, a.native_name, a.romanized_name, a.stage_names, a.archived)
            for a in people.values()
        ]
        roles = {r.artist_id: tuple(r.roles or ()) for r in artist_rows}
        found = suggest(sorted({c for _s, c in unmapped_chars}), names, roles)
        for script_id, character in unmapped_chars:
            best = found.get(character)
            if best:
                suggestions[(script_id, character)] = best[0].artist_name
    demands, unmapped, training = build_demands(hits, mapping, requested, suggestions)
    mentions = roster_mentions(hits, mapping, set(requested), index)
    ids = list(dict.fromkeys([*requested, *(d.artist_id for d in demands)]))
    artists: dict[int, Artist] = roster.get_many(ids)
    states: dict[int, ConsentState] = {}
    moments: dict[int, str] = {}
    for a in ids:
        if a not in artists:
            continue
        when = as_of or day_end(row.received_on, artist_zone(artists[a].jurisdiction))
        states[a] = state_in_session(s, a, when)
        moments[a] = iso(when)
    wanted = sorted(
        {
            g.record_id
            for st in states.values()
            for g in st.grants
            if g.project_id == row.project_id
            or (g.project_id is None and g.counterparty_id == row.counterparty_id)
        }
    )
    records = ConsentService(db).get_many(wanted) if wanted else {}
    claims = statement_claims(s, db, list(states), now)
    facts = {
        a: ArtistFacts(
            artists[a],
            states[a],
            {rid: records[rid] for rid in wanted if rid in records and records[rid].artist_id == a},
            None if claims is None else claims.get(a, ()),
        )
        for a in states
    }
    needed_scenes = {(d.script_id, d.scene) for d in demands if d.script_id is not None}
    scene_text: dict[tuple[int, int], list[tuple[int, str]]] = {}
    if needed_scenes:
        for x in script_rows:
            if not any(sid == x.id for sid, _sc in needed_scenes):
                continue
            for line, scene, text in script_intake.content_of(x):
                if (x.id, scene) in needed_scenes:
                    scene_text.setdefault((x.id, scene), []).append((line, text))
    proposal = row_values.to_proposal(s, row)
    ctx = CheckContext(
        counterparty_id=row.counterparty_id,
        counterparty_name=proposal.counterparty_name,
        project_id=row.project_id,
        project_title=proposal.project_title,
        received_on=row.received_on,
        artists=facts,
        requested={a: t for a, t in requested.items() if a in facts},
        demands=tuple(d for d in demands if d.artist_id in facts),
        unmapped=unmapped,
        scene_text={k: tuple(v) for k, v in scene_text.items()},
        description=row.description,
        labelling_plan=row.labelling_plan,
        model_training_requested=row.model_training_requested,
        retention_requested=row.retention_requested,
        sublicensing_requested=row.sublicensing_requested,
        scan_sessions=tuple(
            ScanSession(x.at, x.notice_at, x.artist_id, x.note)
            for x in row_values.to_sessions(row.scan_sessions)
        ),
        training_lines=training,
        roster_mentions=mentions,
        proposal_id=row.id,
        statements_available=claims is not None,
        project_type=_project_type(s, row.project_id),
    )
    summary: dict[str, Any] = {
        "as_of": {str(a): t for a, t in moments.items()},
        "artists": list(facts),
        "records_considered": wanted,
        "scripts": script_ids,
        "ai_uses": len(hits),
        "unmapped_uses": len(unmapped),
        "statements_checked": claims is not None,
    }
    return ctx, summary


def roster_mentions(
    hits: Sequence[ScriptHit],
    mapping: dict[tuple[int, str], int | None],
    requested: set[int],
    index: RosterNames | None,
) -> tuple[RosterMention, ...]:
    """Unmapped characters with AI uses whose name is a roster artist the proposal does not
    request (rule R21). A name that is also a requested artist's (two artists called Lin
    Xiao) is left to the unmapped-use note: most likely it is the requested one."""
    if index is None or not len(index):
        return ()
    found: dict[tuple[int, str], tuple[int, list[int], list[str]]] = {}
    verdicts: dict[str, int | None] = {}
    for h in hits:
        if not h.character or (h.script_id, h.character) in mapping:
            continue
        if h.character not in verdicts:
            ids = index.artists_named(h.character)
            verdicts[h.character] = (
                min(ids) if ids and not ids & requested and len(ids) == 1 else None
            )
        artist_id = verdicts[h.character]
        if artist_id is None:
            continue
        entry = found.setdefault((h.script_id, h.character), (artist_id, [], []))
        entry[1].append(h.line)
        if h.kind not in entry[2]:
            entry[2].append(h.kind)
    out = []
    for (script_id, character), (artist_id, at, kinds) in sorted(found.items()):
        person = index.by_id[artist_id]
        out.append(
            RosterMention(
                script_id,
                character,
                artist_id,
                display_name(person.native_name, person.romanized_name),
                tuple(sorted(set(at))),
                tuple(kinds),
            )
        )
    return tuple(out)


def _project_type(s: Session, project_id: int) -> str:
    from models.parties.tables import ProjectRow

    project = s.get(ProjectRow, project_id)
    return project.project_type if project is not None else ""


__all__ = ["gather", "requested_terms", "roster_mentions", "statement_claims"]
