"""`consent-desk roster …` and `consent-desk demo`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from cli.app import Context, print_json
from cli.language import say
from models.demo import load_demo
from models.roster import io as roster_io
from models.roster.artist import Artist
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


def _import(ctx: Context) -> int:
    path = Path(ctx.args.file)
    drafts = roster_io.checked_drafts(path)
    added = RosterService(ctx.db).add_many(drafts)
    print(say("cli.roster.imported", n=len(added), file=path.name))
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
