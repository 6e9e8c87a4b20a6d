"""`consent-desk proposal …`: import, list, check and report proposals."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from cli.app import Context, print_json
from cli.language import language, pick, say, wants_chinese
from cli.reading import read_moment
from models.clock import utc_now
from models.dates import PROPOSAL_AS_OF
from models.proposals.review import parse_languages
from models.proposals.values import CheckRun, ProposalStatus
from reports.review import export_review


def _as_of(text: str | None) -> datetime | None:
    """`now`, or a moment under the proposal check's rule (models/dates: PROPOSAL_AS_OF)."""
    if text is None:
        return None
    if text.strip().lower() == "now":
        return utc_now()
    return read_moment(text, PROPOSAL_AS_OF, "--as-of")


def check_json(run: CheckRun) -> dict[str, Any]:
    return {
        "proposal": run.proposal_id,
        "findings": [
            {
                "rule": f.finding.rule_id,
                "severity": f.finding.severity.value,
                "artist_id": f.finding.artist_id,
                "line": f.finding.line,
                "message": f.finding.message,
                "source": f.finding.source,
            }
            for f in run.findings
        ],
        "worst": run.worst.value if run.worst else None,
    }


def _import(ctx: Context) -> int:
    from models.proposals.importer import import_proposal  # with its shape checker

    proposal = import_proposal(ctx.db, Path(ctx.args.file))
    if ctx.args.json:
        print_json(
            {
                "proposal": proposal.id,
                "status": proposal.status.value,
                "artists": [a.artist_id for a in proposal.artists],
                "scripts": [
                    {"id": sc.id, "name": sc.original_name, "ai_uses": sc.ai_uses}
                    for sc in proposal.scripts
                ],
            }
        )
    else:
        uses = sum(sc.ai_uses for sc in proposal.scripts)
        line = say(
            "cli.proposal.imported",
            id=proposal.id,
            counterparty=proposal.counterparty_name,
            project=proposal.project_title,
            artists=len(proposal.artists),
            scripts=len(proposal.scripts),
            uses=uses,
        )
        sys.stdout.write(line + "\n")
    return 0


def _check(ctx: Context) -> int:
    run = ctx.desk.proposals.run_check(ctx.args.id, _as_of(ctx.args.as_of))
    if ctx.args.json:
        print_json(check_json(run))
        return 0
    for f in run.findings:
        x = f.finding
        where = (
            say("cli.proposal.finding_line", line=x.line)
            if x.line is not None
            else say("cli.proposal.finding_terms")
        )
        who = f.artist_name or "—"
        accepted = say("cli.proposal.risk_accepted") if f.accepted_risk else ""
        message = x.message_in(language())
        severity = pick(x.severity.value, x.severity.label_zh)
        sys.stdout.write(
            f"{severity:<5} {x.rule_id:<3} {where:<10} {who}{pick(': ', '：')}{message}{accepted}\n"
        )
        if wants_chinese() and x.source_zh:
            sys.stdout.write(say("cli.proposal.source", source=x.source_zh) + "\n")
    worst = pick(run.worst.value, run.worst.label_zh) if run.worst else say("cli.proposal.none")
    sys.stdout.write(
        say("cli.proposal.summary", n=len(run.findings), worst=worst, run=run.id) + "\n"
    )
    return 0


def _list(ctx: Context) -> int:
    statuses = None
    if ctx.args.open:
        statuses = frozenset(s for s in ProposalStatus if s.is_open)
    rows = ctx.desk.proposals.list(statuses=statuses)
    if ctx.args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "counterparty": r.counterparty_name,
                    "project": r.project_title,
                    "artists": list(r.artist_names),
                    "status": r.status.value,
                    "received_on": r.received_on.isoformat(),
                    "respond_by": r.respond_by.isoformat() if r.respond_by else None,
                    "days_left": r.days_left,
                    "deadline": r.deadline.value,
                    "worst": r.worst.value if r.worst else None,
                    "worst_open": r.worst_open.value if r.worst_open else None,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        due = r.respond_by.isoformat() if r.respond_by else "—"
        worst = r.worst_open.value if r.worst_open else "-"
        due = say("cli.proposal.due", date=f"{due:<10}")
        sys.stdout.write(
            f"{r.id:>5}  {r.status.value:<12} {due} [{r.deadline.value}]  {worst:<5}  "
            f"{r.counterparty_name} — {r.project_title}: {', '.join(r.artist_names)}\n"
        )
    sys.stdout.write(say("cli.proposal.count", n=len(rows)) + "\n")
    return 0


def _report(ctx: Context) -> int:
    langs = parse_languages(ctx.args.lang)
    out = export_review(ctx.db, ctx.args.id, Path(ctx.args.out), langs, ctx.args.run)
    sys.stdout.write(say("cli.proposal.report_written", id=ctx.args.id, path=out) + "\n")
    return 0
