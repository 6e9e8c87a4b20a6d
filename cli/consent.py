"""`consent-desk consent …`: what an artist has authorised (as of any time), and recording
consents, decisions, revocations, evidence, counterparties, projects and stances headlessly."""

from __future__ import annotations

import sys
from datetime import datetime
from itertools import pairwise
from typing import Any

from cli.app import Context, print_json
from cli.consent_actions import parse_when
from cli.language import language, pick, say
from models.clock import iso, utc_now
from models.consent.deadlines import DeadlineItem, DeadlineService
from models.consent.history import FieldChange, diff
from models.consent.jsonio import record_json
from models.consent.service import ConsentService
from models.consent.stance import STANCE_IS_NOT_CONSENT
from models.consent.state import grants_summary, matrix_from_state, state_as_of
from models.consent.words import Modality
from models.localize import format_date, format_datetime
from models.parties.service import CounterpartyService
from models.roster.service import RosterService


def _list(ctx: Context) -> int:
    artist = RosterService(ctx.db).get(ctx.args.artist_id)
    when = (
        parse_when(ctx.args.as_of, artist.jurisdiction, end_of_day=True)
        if ctx.args.as_of
        else utc_now()
    )
    assert isinstance(when, datetime)
    state = state_as_of(ctx.db, artist.id, when)
    grid = matrix_from_state(state)
    if ctx.args.json:
        print_json(
            {
                "artist_id": artist.id,
                "artist": artist.display_name,
                "as_of": iso(when),
                "zone": state.zone,
                "stance": state.stance.value,
                "stance_conditions": state.stance_conditions,
                "stance_note": STANCE_IS_NOT_CONSENT[0],
                "modalities": grants_summary(state),
                "not_authorised": [m.value for m in state.not_authorised_modalities()],
                "projects": [
                    {
                        "counterparty_id": col.counterparty_id,
                        "counterparty": col.counterparty_name,
                        "project_id": col.project_id,
                        "project": col.project_title or None,
                        "cells": {
                            m.value: (
                                {
                                    "status": c.status.value,
                                    "in_force": c.in_force,
                                    "record_id": c.record_id,
                                    "via_any_project": c.via_any_project,
                                }
                                if (c := grid.cell(m, i)).status is not None
                                else None
                            )
                            for m in Modality
                        },
                    }
                    for i, col in enumerate(grid.columns)
                ],
                "records": [
                    {
                        "id": r.record_id,
                        "version": r.version,
                        "status": r.status.value,
                        "in_force": r.in_force,
                        "modalities": [m.value for m in r.modalities],
                        "counterparty": r.counterparty_name,
                        "project": r.project_title or None,
                        "term_start": r.term_start.isoformat() if r.term_start else None,
                        "term_end": r.term_end.isoformat() if r.term_end else None,
                        "revoked_at": iso(r.revoked_at) if r.revoked_at else None,
                        "revocation_reason": r.revocation_reason or None,
                    }
                    for r in state.records
                ],
            }
        )
        return 0
    out = sys.stdout
    lang = language()
    shown_at = format_datetime(when.astimezone(), lang)  # the desk's time zone, shown
    out.write(say("cli.consent.as_of", artist=artist.display_name, when=shown_at) + "\n")
    out.write(say("cli.consent.stance", stance=pick(state.stance.value, state.stance.label_zh)))
    if state.stance_conditions:
        out.write(pick(f" ({state.stance_conditions})", f"（{state.stance_conditions}）"))
    out.write(f"  [{pick(*STANCE_IS_NOT_CONSENT)}]\n\n")
    width = max(len(m.value) for m in Modality)
    for m in Modality:
        grants = state.grants_for(m)
        name = pick(m.value, m.label_zh)
        if not grants:
            out.write(f"  {name:<{width}}  {say('cli.consent.not_authorised')}\n")
            continue
        scopes = pick("; ", "；").join(
            say(
                "cli.consent.grant",
                id=g.record_id,
                counterparty=g.counterparty_name,
                project=g.project_title or say("cli.consent.any_project"),
                end=format_date(g.term_end, lang, open_ended="long"),
            )
            for g in grants
        )
        out.write(f"  {name:<{width}}  {say('cli.consent.authorised', scopes=scopes)}\n")
    if grid.columns:
        out.write("\n" + say("cli.consent.by_project") + "\n")
        for i, col in enumerate(grid.columns):
            cells = []
            for m in Modality:
                c = grid.cell(m, i)
                if c.status is None:
                    continue
                early = c.status.value == "given" and not c.in_force
                later = say("cli.consent.not_yet_in_term") if early else ""
                cells.append(f"{m.value}={c.status.value}{later}")
            out.write(f"  {col.label}: {', '.join(cells)}\n")
    summary = say("cli.consent.summary", records=len(state.records), grants=len(state.grants))
    out.write(f"\n{summary}\n")
    return 0


def _show(ctx: Context) -> int:
    record = ConsentService(ctx.db).get(ctx.args.record_id)
    data = record_json(record, utc_now())
    if ctx.args.json:
        print_json(data)
        return 0
    for key, value in data.items():
        if value not in (None, "", [], {}):
            sys.stdout.write(f"{key}: {value}\n")
    return 0


def _history(ctx: Context) -> int:
    versions = ConsentService(ctx.db).history(ctx.args.record_id)
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
    service = DeadlineService(ctx.db)
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
    service = CounterpartyService(ctx.db)
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
