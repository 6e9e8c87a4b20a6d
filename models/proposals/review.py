"""What the review report shows, gathered in one read (the PDF itself is in `reports.review`).

The report is for the artist and the manager: the proposal, who plays whom, the findings of
the latest check (BLOCK first) and the script around every AI use, so nobody has to open the
script to see what a finding is about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from models.agency import AgencyProfile, AgencyService
from models.clock import utc_now
from models.errors import UserError
from models.proposals.service import ProposalService
from models.proposals.values import CharacterMapping, CheckRun, Proposal, ProposalScript
from models.storage.database import Database

AROUND = 2  # lines shown before and after each AI use
MAX_EXCERPTS = 400
LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Excerpt:
    """Consecutive script lines around one or more AI uses."""

    script_id: int
    script_name: str
    lines: tuple[tuple[int, str], ...]
    use_lines: frozenset[int]  # the lines with an AI use (highlighted)
    findings: tuple[tuple[int, str, str], ...]  # (line, rule id, severity) of findings here


@dataclass(frozen=True)
class ReviewData:
    proposal: Proposal
    run: CheckRun | None
    mappings: tuple[tuple[ProposalScript, tuple[CharacterMapping, ...]], ...]
    excerpts: tuple[Excerpt, ...]
    excerpts_left_out: int
    agency: AgencyProfile
    generated_at: datetime
    generated_by: str


def parse_languages(text: str | Sequence[str]) -> tuple[str, ...]:
    """`en`, `zh`, `en,zh`, `zh,en` or `both`; the order given is the order printed."""
    parts = text.replace("+", ",").split(",") if isinstance(text, str) else list(text)
    out: list[str] = []
    for raw in parts:
        p = raw.strip().lower()
        for c in LANGUAGES if p in ("both", "bilingual") else ("zh" if p == "cn" else p,):
            if c not in LANGUAGES:
                raise UserError(
                    "error.proposals.review.unknown_report_language_strip_use", strip=raw.strip()
                )
            if c not in out:
                out.append(c)
    if not out:
        raise UserError("error.proposals.review.choose_language_en_zh_en")
    return tuple(out)


def review_data(db: Database, proposal_id: int, run_id: int | None = None) -> ReviewData:
    service = ProposalService(db)
    proposal = service.get(proposal_id)
    run = service.get_run(run_id) if run_id is not None else service.latest_run(proposal_id)
    if run is not None and run.proposal_id != proposal_id:
        raise UserError(
            "error.proposals.review.check_run_id_belongs_proposal",
            id=run.id,
            proposal_id=run.proposal_id,
            proposal_id_b=proposal_id,
        )
    mappings = []
    excerpts: list[Excerpt] = []
    by_line: dict[tuple[int, int], list[tuple[int, str, str]]] = {}
    if run is not None:
        for f in run.findings:
            x = f.finding
            if x.script_id is not None and x.line is not None:
                by_line.setdefault((x.script_id, x.line), []).append(
                    (x.line, x.rule_id, x.severity.value)
                )
    total = 0
    for script in proposal.scripts:
        mappings.append((script, tuple(service.mapping(script.id))))
        view = service.script_view(script.id)
        windows: list[tuple[int, int, set[int]]] = []
        for use in view.ai_uses:
            lo, hi = max(1, use.line - AROUND), min(len(view.lines), use.line + AROUND)
            if windows and lo <= windows[-1][1] + 1:
                start, end, lines = windows[-1]
                windows[-1] = (start, max(end, hi), lines | {use.line})
            else:
                windows.append((lo, hi, {use.line}))
        for lo, hi, used in windows:
            total += 1
            if len(excerpts) >= MAX_EXCERPTS:
                continue
            found = tuple(
                item for n in range(lo, hi + 1) for item in by_line.get((script.id, n), [])
            )
            excerpts.append(
                Excerpt(
                    script.id,
                    script.original_name,
                    tuple((n, view.lines[n - 1]) for n in range(lo, hi + 1)),
                    frozenset(used),
                    found,
                )
            )
    return ReviewData(
        proposal=proposal,
        run=run,
        mappings=tuple(mappings),
        excerpts=tuple(excerpts),
        excerpts_left_out=total - len(excerpts),
        agency=AgencyService(db).get(),
        generated_at=utc_now(),
        generated_by=db.actor,
    )


__all__ = ["AROUND", "Excerpt", "ReviewData", "parse_languages", "review_data"]
