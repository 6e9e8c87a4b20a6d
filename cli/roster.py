"""`consent-desk roster …` and `consent-desk demo`."""

from __future__ import annotations

from pathlib import Path

from cli.app import Context
from cli.language import say
from cli.reading import print_artists
from models.demo import load_demo
from models.gcpause import paused_gc
from models.names import display_name
from models.roster import io as roster_io
from models.roster.merge import Choice, ImportPlan, RowKind


def _counts_line(plan: ImportPlan, name: str, duplicates: str) -> str:
    c = plan.counts()
    dup = c[RowKind.DUPLICATE]
    fate = say("cli.roster.added_anyway" if duplicates == "add" else "cli.roster.skipped")
    return say(
        "cli.roster.plan",
        name=name,
        new=c[RowKind.NEW],
        changed=c[RowKind.CHANGED],
        unchanged=c[RowKind.UNCHANGED],
        duplicates=say("cli.roster.duplicate" if dup == 1 else "cli.roster.duplicates", n=dup),
        fate=say("cli.roster.fate", fate=fate) if dup else "",
    )


def _preview_lines(plan: ImportPlan) -> list[str]:
    """One line per row that would change something or needs a decision."""
    out = []
    for row in plan.rows:
        d = row.draft
        who = display_name(d.native_name, d.romanized_name)
        if row.kind is RowKind.NEW:
            born = f", {d.date_of_birth.isoformat()}" if d.date_of_birth else ""
            out.append(say("cli.roster.row_new", line=row.line, who=who, born=born))
        elif row.kind is RowKind.CHANGED:
            fields = "; ".join(f"{c.field} {c.before!r} → {c.after!r}" for c in row.changes)
            out.append(
                say(
                    "cli.roster.row_changed",
                    line=row.line,
                    id=row.artist_id,
                    who=who,
                    fields=fields,
                )
            )
        elif row.kind is RowKind.DUPLICATE:
            out.append(
                say("cli.roster.row_duplicate", line=row.line, who=who, other=row.duplicate_of)
            )
    return out


def _import(ctx: Context) -> int:
    path = Path(ctx.args.file)
    roster = ctx.desk.roster
    with paused_gc():  # no collector pass over the rows read so far, again and again
        plan = roster.plan_import(roster_io.checked(path))
    duplicates = ctx.args.duplicates
    print(_counts_line(plan, path.name, duplicates))
    if ctx.args.dry_run:
        for line in _preview_lines(plan):
            print(line)
        print(say("cli.roster.dry_run"))
        return 0
    choices = [
        Choice.ADD if row.kind is RowKind.DUPLICATE and duplicates == "add" else row.default_choice
        for row in plan.rows
    ]
    result = roster.apply_import(plan, choices)
    print(
        say(
            "cli.roster.imported",
            file=path.name,
            added=len(result.added),
            updated=len(result.updated),
            skipped=result.skipped,
        )
    )
    return 0


def _export(ctx: Context) -> int:
    path = Path(ctx.args.file)
    roster = ctx.desk.roster
    n = roster_io.export(roster.search(include_archived=ctx.args.include_archived), path)
    print(say("cli.roster.exported", n=n, path=path))
    return 0


def _search(ctx: Context) -> int:
    found = ctx.desk.roster.search(ctx.args.query, include_archived=ctx.args.include_archived)
    return print_artists(found, ctx.args.json)


def _demo(ctx: Context) -> int:
    summary = load_demo(ctx.db)
    print(say("cli.roster.demo_loaded", n=summary.artists))
    return 0
