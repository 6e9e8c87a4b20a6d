"""`consent-desk consent …`: what an artist has authorised (as of any time), and recording
consents, decisions, revocations, evidence, counterparties, projects and stances headlessly."""

from __future__ import annotations

import sys
from itertools import pairwise
from typing import Any

from cli.app import Context, print_json
from cli.language import say
from cli.reading import consent_list_time, print_consents
from models.clock import iso, utc_now
from models.consent.deadlines import DeadlineItem
from models.consent.history import FieldChange, diff
from models.consent.jsonio import record_json
from models.consent.state import state_as_of


def _list(ctx: Context) -> int:
    artist = ctx.desk.roster.get(ctx.args.artist_id)
    when = consent_list_time(ctx.args.as_of, artist.jurisdiction)
    return print_consents(artist, when, state_as_of(ctx.db, artist.id, when), ctx.args.json)


def _show(ctx: Context) -> int:
    record = ctx.desk.consent.get(ctx.args.record_id)
    data = record_json(record, utc_now())
    if ctx.args.json:
        print_json(data)
        return 0
    for key, value in data.items():
        if value not in (None, "", [], {}):
            sys.stdout.write(f"{key}: {value}\n")
    return 0


def _history(ctx: Context) -> int:
    versions = ctx.desk.consent.history(ctx.args.record_id)
    changes: list[list[FieldChange]] = [[], *[diff(a, b) for a, b in pairwise(versions)]]
    if ctx.args.json:
        print_json(
            [
                {
                    "id": v.id,
                    "version": v.version,
                    "status": v.status.value,
                    "created_by": v.created_by,
                    "created_at": iso(v.created_at) if v.created_at else None,
                    "changes": [
                        {"field": c.field, "before": c.before_text, "after": c.after_text}
                        for c in ch
                    ],
                }
                for v, ch in zip(versions, changes, strict=True)
            ]
        )
        return 0
    for v, ch in zip(versions, changes, strict=True):
        at = iso(v.created_at)[:19].replace("T", " ") if v.created_at else "?"
        line = say(
            "cli.consent.version",
            version=v.version,
            id=v.id,
            status=v.status.value,
            who=v.created_by,
            when=at,
        )
        sys.stdout.write(line + "\n")
        for c in ch:
            sys.stdout.write(f"    {c.label}: {c.before_text} → {c.after_text}\n")
    return 0


def _item_json(i: DeadlineItem) -> dict[str, Any]:
    return {
        "record_id": i.record_id,
        "artist_id": i.artist_id,
        "artist": i.artist_name,
        "scope": i.scope,
        "status": i.status.value,
        "when": i.when.isoformat(),
        "days": i.days,
        "notice_hours": i.notice_hours,
    }


def _deadlines(ctx: Context) -> int:
    service = ctx.desk.deadlines
    settings = service.settings()
    expiry = settings.expiry_days if ctx.args.expiry_days is None else ctx.args.expiry_days
    pending_days = settings.pending_days if ctx.args.pending_days is None else ctx.args.pending_days
    lists = {
        "expiring": service.expiring(expiry),
        "pending": service.pending(pending_days),
        "short_notice_scans": service.short_notice_scans(),
    }
    if ctx.args.json:
        print_json({k: [_item_json(i) for i in v] for k, v in lists.items()})
        return 0
    titles = {
        "expiring": say("cli.consent.expiring", n=expiry),
        "pending": say("cli.consent.pending", n=pending_days),
        "short_notice_scans": say("cli.consent.short_notice", n=settings.scan_notice_hours),
    }
    for key, items in lists.items():
        print(say("cli.consent.list_count", title=titles[key], n=len(items)))
        for i in items:
            print(f"  #{i.record_id} {i.artist_name} — {i.scope} ({i.when.isoformat()[:16]})")
    return 0


def _counterparties(ctx: Context) -> int:
    service = ctx.desk.parties
    projects = service.projects(include_archived=ctx.args.include_archived)
    rows: list[dict[str, Any]] = []
    for c in service.counterparties(include_archived=ctx.args.include_archived):
        rows.append(
            {
                "id": c.id,
                "name": c.display_name,
                "kind": c.kind.value,
                "archived": c.archived,
                "projects": [
                    {"id": p.id, "title": p.display_title, "type": p.project_type.value}
                    for p in projects
                    if p.counterparty_id == c.id
                ],
            }
        )
    if ctx.args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(f"{row['id']:>5}  {row['name']}  [{row['kind']}]")
        for p in row["projects"]:
            project = say("cli.consent.project", id=p["id"], title=p["title"])
            print(f"         {project} [{p['type']}]")
    return 0
