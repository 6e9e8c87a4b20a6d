"""`consent-desk roster …` and `consent-desk demo`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from cli.app import Context, print_json
from cli.language import say
from models.demo import load_demo
from models.gcpause import paused_gc
from models.names import display_name
from models.roster import io as roster_io
from models.roster.artist import Artist
from models.roster.merge import Choice, ImportPlan, RowKind
from models.roster.service import RosterService


def artist_json(a: Artist) -> dict[str, Any]:
    return {
        "id": a.id,
        "native_name": a.native_name,
        "romanized_name": a.romanized_name,
        "stage_names": list(a.stage_names),
        "date_of_birth": a.date_of_birth.isoformat() if a.date_of_birth else None,
        "jurisdiction": a.jurisdiction,
        "ai_stance": a.ai_stance.value,
        "minor": a.is_minor(),
        "deceased": a.is_deceased,
        "archived": a.archived,
    }


def _counts_line(plan: ImportPlan, name: str, duplicates: str) -> str:
    c = plan.counts()
    dup = c[RowKind.DUPLICATE]
    fate = "added anyway" if duplicates == "add" else "skipped"
    return (
        f"{name}: {c[RowKind.NEW]} new, {c[RowKind.CHANGED]} changed, "
        f"{c[RowKind.UNCHANGED]} unchanged, {dup} possible duplicate{'s' if dup != 1 else ''}"
        + (f" ({fate})" if dup else "")
        + "."
    )


def _preview_lines(plan: ImportPlan) -> list[str]:
    """One line per row that would change something or needs a decision."""
    out = []
    for row in plan.rows:
        d = row.draft
        who = display_name(d.native_name, d.romanized_name)
        if row.kind is RowKind.NEW:
            born = f", {d.date_of_birth.isoformat()}" if d.date_of_birth else ""
            out.append(f"new        row {row.line}: {who}{born}")
        elif row.kind is RowKind.CHANGED:
            fields = "; ".join(f"{c.field} {c.before!r} → {c.after!r}" for c in row.changes)
            out.append(f"changed    row {row.line}: #{row.artist_id} {who}: {fields}")
        elif row.kind is RowKind.DUPLICATE:
            out.append(f"duplicate  row {row.line}: {who} may be {row.duplicate_of}")
    return out


def _import(ctx: Context) -> int:
    path = Path(ctx.args.file)
    roster = RosterService(ctx.db)
    with paused_gc():  # no collector pass over the rows read so far, again and again
        plan = roster.plan_import(roster_io.checked(path))
    duplicates = ctx.args.duplicates
    print(_counts_line(plan, path.name, duplicates))
    if ctx.args.dry_run:
        for line in _preview_lines(plan):
            print(line)
        print("Dry run: nothing was saved.")
        return 0
    choices = [
        Choice.ADD if row.kind is RowKind.DUPLICATE and duplicates == "add" else row.default_choice
        for row in plan.rows
    ]
    result = roster.apply_import(plan, choices)
    print(
        f"Imported from {path.name}: {len(result.added)} added, {len(result.updated)} updated, "
        f"{result.skipped} left as they were."
    )
    return 0


def _export(ctx: Context) -> int:
    path = Path(ctx.args.file)
    roster = RosterService(ctx.db)
    n = roster_io.export(roster.search(include_archived=ctx.args.include_archived), path)
    print(say("cli.roster.exported", n=n, path=path))
    return 0


def _search(ctx: Context) -> int:
    found = RosterService(ctx.db).search(ctx.args.query, include_archived=ctx.args.include_archived)
    if ctx.args.json:
        print_json([artist_json(a) for a in found])
    else:
        for a in found:
            sys.stdout.write(f"{a.id:>6}  {a.display_name}  [{a.ai_stance.value}]\n")
        sys.stdout.write(say("cli.roster.count", n=len(found)) + "\n")
    return 0


def _demo(ctx: Context) -> int:
    summary = load_demo(ctx.db)
    print(say("cli.roster.demo_loaded", n=summary.artists))
    return 0
