"""The writing half of `consent-desk consent …`: record, decide, revoke, attach, add
counterparties and projects, set a stance. (Registered by `cli.consent`.)"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

from cli.app import Context, print_json
from cli.language import pick, say
from models.clock import iso, utc_now
from models.consent.evidence import EvidenceFile
from models.consent.jsonio import read_inputs, record_inputs, record_json
from models.consent.service import ConsentService
from models.consent.stance import STANCE_IS_NOT_CONSENT, StanceService
from models.consent.values import (
    ArtistDecision,
    CounterpartyDraft,
    CounterpartyKind,
    DecisionMethod,
    DecisionOutcome,
    EvidenceRole,
    ProjectDraft,
    ProjectType,
)
from models.consent.zones import artist_zone, day_end
from models.errors import UserError
from models.parties.service import CounterpartyService
from models.roster.artist import Stance
from models.roster.service import RosterService


def parse_when(text: str, jurisdiction: str, end_of_day: bool) -> datetime | date:
    """A date (YYYY-MM-DD) or a date-time; one without offset is in the artist's time zone."""
    raw = text.strip()
    try:
        if len(raw) <= 10:
            day = date.fromisoformat(raw)
            return day_end(day, artist_zone(jurisdiction)) if end_of_day else day
        when = datetime.fromisoformat(raw)
    except ValueError as e:
        raise UserError("error.cli.consent_actions.text_not_date_time_use", text=text) from e
    if when.tzinfo is None:
        when = when.replace(tzinfo=artist_zone(jurisdiction))
    return when.astimezone(UTC)


def add(ctx: Context) -> int:
    inputs = read_inputs(Path(ctx.args.from_json))
    records = record_inputs(ctx.db, inputs)
    if ctx.args.json:
        print_json([record_json(r, utc_now()) for r in records])
    else:
        for r in records:
            line = say("cli.consent.recorded", id=r.id, status=r.status.value, scope=r.scope_label)
            sys.stdout.write(line + "\n")
    return 0


def send(ctx: Context) -> int:
    service = ConsentService(ctx.db)
    r = service.get(ctx.args.record_id)
    r = service.send_to_artist(r.id, r.row_version)
    print(say("cli.consent.status_now", id=r.id, status=r.status.value))
    return 0


def decide(ctx: Context) -> int:
    service = ConsentService(ctx.db)
    r = service.get(ctx.args.record_id)
    artist = RosterService(ctx.db).get(r.artist_id)
    at = parse_when(ctx.args.at, artist.jurisdiction, end_of_day=False) if ctx.args.at else None
    decided_at = at if isinstance(at, datetime) else utc_now()
    if isinstance(at, date) and not isinstance(at, datetime):
        decided_at = datetime.combine(at, datetime.min.time(), artist_zone(artist.jurisdiction))
    decision = ArtistDecision(
        DecisionOutcome(ctx.args.outcome),
        ctx.args.by,
        decided_at,
        DecisionMethod(ctx.args.method),
        ctx.args.note,
    )
    r = service.record_decision(r.id, decision, r.row_version)
    print(say("cli.consent.status_now", id=r.id, status=r.status.value))
    return 0


def revoke(ctx: Context) -> int:
    service = ConsentService(ctx.db)
    r = service.get(ctx.args.record_id)
    artist = RosterService(ctx.db).get(r.artist_id)
    when = parse_when(ctx.args.date, artist.jurisdiction, end_of_day=False)
    r = service.revoke(r.id, ctx.args.reason, when, r.row_version, revoked_by=ctx.args.by or "")
    assert r.revocation is not None
    revoked_at = iso(r.revocation.revoked_at)[:19].replace("T", " ")
    print(say("cli.consent.revoked", id=r.id, when=revoked_at))
    return 0


def attach(ctx: Context) -> int:
    e = ConsentService(ctx.db).attach_evidence(
        ctx.args.record_id,
        EvidenceFile(Path(ctx.args.file), EvidenceRole(ctx.args.role), note=ctx.args.note),
    )
    print(say("cli.consent.attached", name=e.original_name, id=e.record_id, sha256=e.sha256))
    return 0


def verify_evidence(ctx: Context) -> int:
    report = ConsentService(ctx.db).verify_evidence(ctx.args.record_id)
    for c in report.checks:
        state = (
            say("cli.consent.evidence_ok")
            if c.ok
            else say("cli.consent.evidence_bad", problem=c.problem)
        )
        print(f"{c.evidence.original_name}  {c.evidence.sha256}  {state}")
    if report.ok:
        print(say("cli.consent.evidence_intact", id=report.record_id, n=len(report.checks)))
        return 0
    print(say("cli.consent.evidence_broken", id=report.record_id, n=len(report.broken)))
    return 1


def counterparty_add(ctx: Context) -> int:
    c = CounterpartyService(ctx.db).add_counterparty(
        CounterpartyDraft(ctx.args.name, ctx.args.romanized, CounterpartyKind(ctx.args.kind))
    )
    print(say("cli.consent.counterparty_added", id=c.id, name=c.display_name))
    return 0


def project_add(ctx: Context) -> int:
    p = CounterpartyService(ctx.db).add_project(
        ProjectDraft(
            ctx.args.counterparty_id, ctx.args.title, ctx.args.romanized, ProjectType(ctx.args.type)
        )
    )
    print(say("cli.consent.project_added", id=p.id, name=p.display_title))
    return 0


def stance(ctx: Context) -> int:
    service = StanceService(ctx.db)
    artist = RosterService(ctx.db).get(ctx.args.artist_id)
    if ctx.args.set:
        effective = None
        if ctx.args.effective:
            when = parse_when(ctx.args.effective, artist.jurisdiction, end_of_day=False)
            effective = (
                when
                if isinstance(when, datetime)
                else datetime.combine(when, datetime.min.time(), artist_zone(artist.jurisdiction))
            )
        service.record(artist.id, Stance(ctx.args.set), ctx.args.conditions, effective)
    history = service.history(artist.id)
    if ctx.args.json:
        print_json(
            [
                {
                    "stance": e.stance.value,
                    "conditions": e.conditions,
                    "effective_at": iso(e.effective_at),
                    "recorded_by": e.recorded_by,
                    "recorded_at": iso(e.recorded_at),
                }
                for e in history
            ]
        )
        return 0
    print(f"{artist.display_name}{pick(': ', '：')}{pick(*STANCE_IS_NOT_CONSENT)}")
    for e in history:
        cond = f" — {e.conditions}" if e.conditions else ""
        stance = pick(e.stance.value, e.stance.label_zh)
        day = iso(e.effective_at)[:10]
        print(
            say(
                "cli.consent.stance_from",
                date=day,
                stance=stance,
                conditions=cond,
                who=e.recorded_by,
            )
        )
    if not history:
        print(say("cli.consent.no_stance"))
    return 0
