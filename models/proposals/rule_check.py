"""Running the rule checker on a proposal and keeping each run's findings.

The check gathers, in one transaction: the requested terms, the confirmed character mappings
and AI uses of the active scripts, each artist's consent state as of the proposal's received
date (the end of that day in the artist's time zone, unless a run asks for another as-of), the
full terms of the records in force for the project, and what the agency's current public
statements say. It stores the run, marks each finding new or unchanged against the previous
run, and carries a person's "accepted risk" over to the identical finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models.audit.chain import append_event
from models.clock import iso
from models.consent.service import ConsentService
from models.consent.state import state_in_session
from models.consent.words import ConsentState
from models.consent.zones import artist_zone, day_end
from models.leak.matcher import RosterName
from models.messages import from_json
from models.names import display_name
from models.proposals import row_values, script_intake
from models.proposals.characters import named_by_uses, suggest
from models.proposals.roster_names import RosterNames, roster_names_in
from models.proposals.tables import (
    CharacterMappingRow,
    CheckRunRow,
    FindingRow,
    ProposalRow,
    ProposalScriptRow,
)
from models.proposals.values import CheckRun, FindingChange, StoredFinding
from models.roster.artist import Artist
from models.roster.service import RosterService
from models.rules import (
    RULES_VERSION,
    ArtistFacts,
    CheckContext,
    Finding,
    RequestedTerms,
    RosterMention,
    ScanSession,
    ScriptHit,
    Severity,
    StatementClaim,
    build_demands,
    check,
    worst,
)
from models.storage.database import Database

ENTITY = "proposal"
FINDING_ENTITY = "proposal_finding"


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
    s: Session, tx: Database, artist_ids: Sequence[int], now: datetime
) -> dict[int, tuple[StatementClaim, ...]] | None:
    """What each artist's current statements say against the consent state of `now` (R20);
    None when this installation has no statement register."""
    try:
        from models.statements.record import StatementStatus, comparable, modality_part
        from models.statements.register import StatementRegister
    except ImportError:  # the statements feature is not part of this build
        return None
    register = StatementRegister(tx)
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
    s: Session, tx: Database, row: ProposalRow, as_of: datetime | None, now: datetime
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
    roster = RosterService(tx)
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
    records = ConsentService(tx).get_many(wanted) if wanted else {}
    claims = statement_claims(s, tx, list(states), now)
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


def _finding_values(f: Finding) -> dict[str, Any]:
    return {
        "fingerprint": f.fingerprint,
        "rule_id": f.rule_id,
        "severity": f.severity.value,
        "artist_id": f.artist_id,
        "script_id": f.script_id,
        "line": f.line,
        "subject": f.subject[:300],
        "message_code": f.code,
        "message_params": f.params,
        "message": f.message,  # the text as rendered today: what an older desk shows
        "message_zh": f.message_zh,
        "source": f.source,
        "action": f.action,
        "action_zh": f.action_zh,
        "evidence": f.evidence,
    }


def store_run(
    s: Session,
    actor: str,
    row: ProposalRow,
    findings: Sequence[Finding],
    notes: dict[str, str],
    summary: dict[str, Any],
    as_of: datetime | None,
    now: datetime,
) -> int:
    previous = s.scalar(
        select(CheckRunRow.id)
        .where(CheckRunRow.proposal_id == row.id)
        .order_by(CheckRunRow.id.desc())
        .limit(1)
    )
    before: dict[str, FindingRow] = {}
    if previous is not None:
        before = {
            f.fingerprint: f
            for f in s.scalars(select(FindingRow).where(FindingRow.run_id == previous))
        }
    values = []
    for f in findings:
        v = _finding_values(f)
        old = before.get(f.fingerprint)
        v["change"] = FindingChange.UNCHANGED.value if old else FindingChange.NEW.value
        carried = old is not None and old.accepted_risk
        v["accepted_risk"] = carried
        v["accepted_reason"] = old.accepted_reason if old and carried else ""
        v["accepted_by"] = old.accepted_by if old and carried else ""
        v["accepted_at"] = old.accepted_at if old and carried else None
        v["accepted_in_run_id"] = old.accepted_in_run_id if old and carried else None
        v["row_version"] = 1
        values.append(v)
    current = {f.fingerprint for f in findings}
    resolved = [fp for fp in before if fp not in current]
    open_ = [Severity(v["severity"]) for v in values if not v["accepted_risk"]]
    counts = {sev.value: 0 for sev in Severity}
    for f in findings:
        counts[f.severity.value] += 1
    full = {
        **summary,
        "notes": notes,
        "new": sum(1 for v in values if v["change"] == FindingChange.NEW.value),
        "resolved": len(resolved),
        "unchanged": sum(1 for v in values if v["change"] == FindingChange.UNCHANGED.value),
    }
    top = worst(f.severity for f in findings)
    top_open = worst(open_)
    run = CheckRunRow(
        proposal_id=row.id,
        previous_run_id=previous,
        as_of=as_of,
        received_on=row.received_on,
        run_at=now,
        run_by=actor,
        rules_version=RULES_VERSION,
        worst=top.value if top else None,
        worst_open=top_open.value if top_open else None,
        counts=counts,
        summary=full,
    )
    s.add(run)
    s.flush()
    if values:
        for v in values:
            v["run_id"] = run.id
        s.execute(insert(FindingRow), values)
    after = {
        "run_id": run.id,
        "as_of": iso(as_of) if as_of else None,
        "worst": run.worst,
        "counts": counts,
        "new": full["new"],
        "resolved": full["resolved"],
        "rules_version": RULES_VERSION,
    }
    append_event(s, actor, ENTITY, row.id, "check", None, after)
    return run.id


def _project_type(s: Session, project_id: int) -> str:
    from models.parties.tables import ProjectRow

    project = s.get(ProjectRow, project_id)
    return project.project_type if project is not None else ""


def _source_zh(rule_id: str) -> str:
    """The cited law in Chinese comes from the rule table (the stored row keeps the English)."""
    from models.rules.engine import RULE_INFO

    info = RULE_INFO.get(rule_id)
    return info.source_zh if info is not None else ""


def to_stored(row: FindingRow, names: dict[int, str]) -> StoredFinding:
    f = Finding(
        rule_id=row.rule_id,
        severity=Severity(row.severity),
        artist_id=row.artist_id,
        script_id=row.script_id,
        line=row.line,
        subject=row.subject,
        code=row.message_code or "",
        params=from_json(dict(row.message_params or {})),
        stored=(row.message, row.message_zh),
        source=row.source,
        action=row.action,
        action_zh=row.action_zh,
        evidence=dict(row.evidence or {}),
        source_zh=_source_zh(row.rule_id),
    )
    return StoredFinding(
        id=row.id,
        run_id=row.run_id,
        finding=f,
        change=FindingChange(row.change),
        accepted_risk=row.accepted_risk,
        accepted_reason=row.accepted_reason,
        accepted_by=row.accepted_by,
        accepted_at=row.accepted_at,
        accepted_in_run_id=row.accepted_in_run_id,
        row_version=row.row_version,
        artist_name=names.get(row.artist_id, "") if row.artist_id is not None else "",
    )


def load_run(s: Session, run: CheckRunRow, with_findings: bool = True) -> CheckRun:
    found: list[StoredFinding] = []
    if with_findings:
        rows = list(s.scalars(select(FindingRow).where(FindingRow.run_id == run.id)))
        names = row_values.names_of(s, [r.artist_id for r in rows if r.artist_id is not None])
        found = sorted((to_stored(r, names) for r in rows), key=lambda f: f.finding.sort_key)
    return CheckRun(
        id=run.id,
        proposal_id=run.proposal_id,
        previous_run_id=run.previous_run_id,
        as_of=run.as_of,
        received_on=run.received_on,
        run_at=run.run_at,
        run_by=run.run_by,
        rules_version=run.rules_version,
        worst=Severity(run.worst) if run.worst else None,
        worst_open=Severity(run.worst_open) if run.worst_open else None,
        counts=dict(run.counts or {}),
        summary=dict(run.summary or {}),
        findings=tuple(found),
    )


def refresh_worst_open(s: Session, run_id: int) -> None:
    sevs = s.scalars(
        select(FindingRow.severity).where(
            FindingRow.run_id == run_id, FindingRow.accepted_risk.is_(False)
        )
    )
    top = worst(Severity(x) for x in sevs)
    s.execute(
        update(CheckRunRow)
        .where(CheckRunRow.id == run_id)
        .values(worst_open=top.value if top else None)
    )


def finding_snapshot(row: FindingRow) -> dict[str, Any]:
    return {
        "run_id": row.run_id,
        "fingerprint": row.fingerprint,
        "rule_id": row.rule_id,
        "severity": row.severity,
        "artist_id": row.artist_id,
        "line": row.line,
        "accepted_risk": row.accepted_risk,
        "accepted_reason": row.accepted_reason,
        "accepted_by": row.accepted_by,
        "accepted_at": iso(row.accepted_at) if row.accepted_at else None,
    }


def run_check(
    s: Session, tx: Database, row: ProposalRow, as_of: datetime | None, now: datetime
) -> int:
    ctx, summary = gather(s, tx, row, as_of, now)
    outcome = check(ctx)
    return store_run(s, tx.actor, row, outcome.findings, outcome.notes, summary, as_of, now)


__all__ = [
    "finding_snapshot",
    "gather",
    "load_run",
    "refresh_worst_open",
    "requested_terms",
    "run_check",
    "statement_claims",
    "store_run",
    "to_stored",
]
