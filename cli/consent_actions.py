"""The writing half of `consent-desk consent …`: record, decide, revoke, attach, add
counterparties and projects, set a stance. (Registered by `cli.consent`.)"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from cli.app import Context, print_json
from cli.language import pick, say
from cli.reading import parse_when
from models.clock import iso, utc_now
from models.consent.evidence import EvidenceFile
from models.consent.jsonio import record_json
from models.consent.stance import STANCE_IS_NOT_CONSENT
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
from models.dates import (
    MomentFormatError,
    artist_zone,
    consent_event,
    parse_day_or_moment,
)
from models.errors import NotFoundError
from models.roster.artist import Stance


def _jurisdictions(ctx: Context) -> Callable[[int], str]:
    roster = ctx.desk.roster

    def jurisdiction_of(artist_id: int) -> str:
        try:
            return roster.get(artist_id).jurisdiction
        except NotFoundError:
            return ""  # the record step names the missing artist

    return jurisdiction_of


def add(ctx: Context) -> int:
    # The file's shape checker (models/shapes.py) is loaded by the commands that read files only.
    from models.consent.consent_file import read_inputs, record_inputs

    inputs = read_inputs(Path(ctx.args.from_json), _jurisdictions(ctx))
    records = record_inputs(ctx.db, inputs)
    if ctx.args.json:
        print_json([record_json(r, utc_now()) for r in records])
    else:
        for r in records:
            line = say("cli.consent.recorded", id=r.id, status=r.status.value, scope=r.scope_label)
            sys.stdout.write(line + "\n")
    return 0


def send(ctx: Context) -> int:
    service = ctx.desk.consent
    r = service.get(ctx.args.record_id)
    r = service.send_to_artist(r.id, r.row_version)
    print(say("cli.consent.status_now", id=r.id, status=r.status.value))
    return 0


def decide(ctx: Context) -> int:
    service = ctx.desk.consent
    r = service.get(ctx.args.record_id)
    artist = ctx.desk.roster.get(r.artist_id)
    rule = consent_event(artist.jurisdiction)
    decided_at = parse_when(ctx.args.at, rule, "--at") if ctx.args.at else utc_now()
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
    service = ctx.desk.consent
    r = service.get(ctx.args.record_id)
    artist = ctx.desk.roster.get(r.artist_id)
    try:
        when = parse_day_or_moment(ctx.args.date, artist_zone(artist.jurisdiction))
    except MomentFormatError as e:
        raise e.user_error("--date") from None
    if isinstance(when, datetime):
        when = when.astimezone(UTC)
    r = service.revoke(r.id, ctx.args.reason, when, r.row_version, revoked_by=ctx.args.by or "")
    assert r.revocation is not None
    revoked_at = iso(r.revocation.revoked_at)[:19].replace("T", " ")
    print(say("cli.consent.revoked", id=r.id, when=revoked_at))
    return 0


def attach(ctx: Context) -> int:
    e = ctx.desk.consent.attach_evidence(
        ctx.args.record_id,
        EvidenceFile(Path(ctx.args.file), EvidenceRole(ctx.args.role), note=ctx.args.note),
    )
    print(say("cli.consent.attached", name=e.original_name, id=e.record_id, sha256=e.sha256))
    return 0


def verify_evidence(ctx: Context) -> int:
    report = ctx.desk.consent.verify_evidence(ctx.args.record_id)
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
    c = ctx.desk.parties.add_counterparty(
        CounterpartyDraft(ctx.args.name, ctx.args.romanized, CounterpartyKind(ctx.args.kind))
    )
    print(say("cli.consent.counterparty_added", id=c.id, name=c.display_name))
    return 0


def project_add(ctx: Context) -> int:
    p = ctx.desk.parties.add_project(
        ProjectDraft(
            ctx.args.counterparty_id, ctx.args.title, ctx.args.romanized, ProjectType(ctx.args.type)
        )
    )
    print(say("cli.consent.project_added", id=p.id, name=p.display_title))
    return 0


def stance(ctx: Context) -> int:
    service = ctx.desk.stance
    artist = ctx.desk.roster.get(ctx.args.artist_id)
    if ctx.args.set:
        effective = None
        if ctx.args.effective:
            rule = consent_event(artist.jurisdiction)
            effective = parse_when(ctx.args.effective, rule, "--effective")
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
