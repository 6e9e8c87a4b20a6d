"""Running the rule checker on a proposal and keeping each run's findings.

The check gathers its inputs in one transaction (models/proposals/check_inputs.py), runs the
rules, and stores the run: it marks each finding new or unchanged against the previous run,
and carries a person's "accepted risk" over to the identical finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models.audit.chain import append_event
from models.clock import iso
from models.messages import from_json
from models.proposals import row_values
from models.proposals.check_inputs import gather
from models.proposals.tables import (
    CheckRunRow,
    FindingRow,
    ProposalRow,
)
from models.proposals.values import CheckRun, FindingChange, StoredFinding
from models.rules import (
    RULES_VERSION,
    Finding,
    Severity,
    check,
    worst,
)
from models.storage.database import Database

ENTITY = "proposal"
FINDING_ENTITY = "proposal_finding"


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
    s: Session, db: Database, row: ProposalRow, as_of: datetime | None, now: datetime
) -> int:
    ctx, summary = gather(s, db, row, as_of, now)
    outcome = check(ctx)
    return store_run(s, db.actor, row, outcome.findings, outcome.notes, summary, as_of, now)


__all__ = [
    "finding_snapshot",
    "load_run",
    "refresh_worst_open",
    "run_check",
    "store_run",
    "to_stored",
]
