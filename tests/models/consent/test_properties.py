"""Property: any sequence of consent operations keeps the audit chain intact, and
`state_as_of` agrees at every moment with a small, independent reference model."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from models.audit.service import AuditService
from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.state import state_as_of, state_in_session
from models.consent.values import (
    ArtistDecision,
    ConsentDraft,
    CounterpartyDraft,
    DecisionOutcome,
    ProjectDraft,
)
from models.consent.words import ConsentStatus, Modality, Use
from models.errors import UserError
from models.parties.service import CounterpartyService
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from tests.models.consent.conftest import START, Clock

S = ConsentStatus
SHANGHAI = timedelta(hours=8)  # the artist is in CN: no daylight saving, a fixed offset
US = timedelta(microseconds=1)
MODS = [Modality.FACE_LIKENESS, Modality.VOICE, Modality.BODY_LIKENESS]


def local_day(t: datetime) -> date:
    return (t.astimezone(UTC) + SHANGHAI).date()


def midnight(d: date) -> datetime:
    return datetime.combine(d, time(0), tzinfo=UTC) - SHANGHAI


@dataclass
class Rec:
    """The reference model of one record version: only the moments things happened."""

    id: int
    project: int | None
    modalities: tuple[Modality, ...]
    term: tuple[date | None, date | None]
    created: datetime
    lineage: int
    supersedes: int | None = None
    stored: ConsentStatus = S.REQUESTED
    pending: datetime | None = None
    given: datetime | None = None
    refused: datetime | None = None
    superseded: datetime | None = None
    revoked: datetime | None = None
    decided: datetime | None = None

    def status(self, t: datetime) -> ConsentStatus | None:
        if t < self.created:
            return None
        if self.given is not None and self.given <= t:
            if self.superseded is not None and self.superseded <= t:
                return S.SUPERSEDED
            if self.revoked is not None and self.revoked <= t:
                return S.REVOKED
            if self.term[1] is not None and local_day(t) > self.term[1]:
                return S.EXPIRED
            return S.GIVEN
        if self.refused is not None and self.refused <= t:
            return S.REFUSED
        if self.pending is not None and self.pending <= t:
            return S.PENDING_ARTIST
        return S.REQUESTED

    def grants(self, t: datetime) -> set[tuple[int, Modality]]:
        if self.status(t) != S.GIVEN:
            return set()
        if self.term[0] is not None and local_day(t) < self.term[0]:
            return set()
        return {(self.id, m) for m in self.modalities}


@dataclass
class Model:
    records: dict[int, Rec] = field(default_factory=dict)

    def successor_open(self, rid: int) -> bool:
        return any(r.supersedes == rid and r.stored != S.REFUSED for r in self.records.values())


mods = st.lists(st.sampled_from(MODS), min_size=1, max_size=3, unique=True)
create = st.tuples(
    st.just("create"),
    st.sampled_from([0, 1, None]),
    mods,
    st.integers(-20, 40),  # term start, days from the start
    st.one_of(st.none(), st.integers(0, 60)),  # term length (None: open-ended)
    st.sampled_from(["given", "pending", "requested"]),  # how far it gets at once
)
step = st.one_of(
    create,
    st.tuples(st.just("send"), st.integers(0, 3)),
    st.tuples(st.just("decide"), st.integers(0, 3), st.booleans()),
    st.tuples(st.just("decide"), st.integers(0, 3), st.just(True)),
    st.tuples(st.just("revoke"), st.integers(0, 3), st.integers(-6, 240)),
    st.tuples(st.just("amend"), st.integers(0, 3), mods),
    st.tuples(st.just("edit"), st.integers(0, 3), mods),
    st.tuples(st.just("wait"), st.integers(1, 24 * 30)),
)
# Every sequence starts with a record, so the lifecycle moves have something to act on.
ops = st.tuples(create, st.lists(step, max_size=14)).map(lambda t: [t[0], *t[1]])


@settings(
    max_examples=int(os.environ.get("CONSENT_PROPERTY_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=ops)
def test_any_sequence_keeps_audit_and_as_of_consistent(
    db: Database, steps: list[tuple[object, ...]]
) -> None:
    # One database for all examples (opening one per example would dominate the run time);
    # each example works on an artist and counterparty of its own, so they cannot interfere.
    run(db, steps)


def run(db: Database, steps: list[tuple[object, ...]]) -> None:
    clock = Clock(START)
    artist = RosterService(db).add(ArtistDraft("林晓", jurisdiction="CN"))
    parties = CounterpartyService(db, clock)
    cp = parties.add_counterparty(CounterpartyDraft("星幕视频", "Xingmu Video"))
    projects = [parties.add_project(ProjectDraft(cp.id, f"项目{i}")).id for i in range(2)]
    service = ConsentService(db, clock)
    model = Model()
    moments: set[datetime] = {clock.now}

    def pick(i: object) -> Rec | None:
        if not model.records:
            return None
        ids = sorted(model.records)
        return model.records[ids[-1 - int(i) % len(ids)]]  # type: ignore[call-overload]

    def draft(project: object, mods: object, start: object, length: object) -> ConsentDraft:
        term_start = START.date() + timedelta(days=int(start))  # type: ignore[call-overload]
        term_end = None if length is None else term_start + timedelta(days=int(length))  # type: ignore[call-overload]
        return ConsentDraft(
            artist.id,
            cp.id,
            None if project is None else projects[int(project)],  # type: ignore[call-overload]
            modalities=tuple(mods),  # type: ignore[call-overload]
            uses=(Use.THIS_PRODUCTION,),
            term_start=term_start,
            term_end=term_end,
        )

    for step in steps:
        kind = step[0]
        clock.advance(minutes=7)
        now = clock.now
        moments.add(now)
        if kind == "wait":
            clock.advance(hours=int(step[1]))  # type: ignore[call-overload]
            continue
        if kind == "create":
            _, project, mods, start, length, stage = step
            d = draft(project, mods, start, length)
            status = S.REQUESTED if stage == "requested" else S.PENDING_ARTIST
            r = service.create(d, status)
            rec = Rec(
                r.id,
                d.project_id,
                r.modalities,
                (d.term_start, d.term_end),
                now,
                r.id,
                stored=status,
                pending=None if stage == "requested" else now,
            )
            model.records[r.id] = rec
            if stage == "given":
                service.attach_evidence(r.id, EvidenceFile(b"signed", original_name="s.pdf"))
                clock.advance(minutes=1)
                decision = ArtistDecision(DecisionOutcome.GIVEN, "林晓", now)
                service.record_decision(r.id, decision, r.row_version)
                rec.stored, rec.given, rec.decided = S.GIVEN, clock.now, now
                moments.add(clock.now)
            continue
        rec = pick(step[1])
        if rec is None:
            continue
        current = service.get(rec.id)
        if kind == "send":
            ok = rec.stored == S.REQUESTED
            if attempt(ok, service.send_to_artist, rec.id, current.row_version):
                rec.stored, rec.pending = S.PENDING_ARTIST, now
        elif kind == "decide":
            give = bool(step[2])
            pred = model.records.get(rec.supersedes) if rec.supersedes else None
            ok = rec.stored == S.PENDING_ARTIST and (
                not give or pred is None or pred.stored == S.GIVEN
            )
            decided = now - timedelta(minutes=1)
            outcome = DecisionOutcome.GIVEN if give else DecisionOutcome.REFUSED
            if give and not current.evidence:
                evidence = EvidenceFile(f"e{rec.id}".encode(), original_name="x.pdf")
                current = service.get(service.attach_evidence(rec.id, evidence).record_id)
            decision = ArtistDecision(outcome, "林晓", decided)
            if attempt(ok, service.record_decision, rec.id, decision, current.row_version):
                rec.decided = decided
                if give:
                    rec.stored, rec.given = S.GIVEN, now
                    if pred is not None:
                        pred.stored, pred.superseded = S.SUPERSEDED, now
                else:
                    rec.stored, rec.refused = S.REFUSED, now
        elif kind == "revoke":
            when = now + timedelta(hours=int(step[2]))  # type: ignore[call-overload]
            end = rec.term[1]
            ok = (
                rec.stored == S.GIVEN
                and rec.decided is not None
                and when >= rec.decided
                and (end is None or when < midnight(end + timedelta(days=1)))
            )
            if attempt(ok, service.revoke, rec.id, "withdrawn", when, current.row_version):
                rec.stored, rec.revoked = S.REVOKED, when
                moments.add(when)
        elif kind == "amend":
            ok = rec.stored == S.GIVEN and not model.successor_open(rec.id)
            mods = tuple(m for m in Modality if m in step[2])  # type: ignore[operator]
            if attempt(ok, service.amend, rec.id, {"modalities": mods}, current.row_version):
                new = service.history(rec.id)[-1]
                versions = [r for r in model.records.values() if r.lineage == rec.lineage]
                assert (new.version, new.lineage_id, new.supersedes_id) == (
                    len(versions) + 1,
                    rec.lineage,
                    rec.id,
                )
                model.records[new.id] = Rec(
                    new.id,
                    rec.project,
                    mods,
                    rec.term,
                    now,
                    rec.lineage,
                    supersedes=rec.id,
                    stored=S.PENDING_ARTIST,
                    pending=now,
                )
        elif kind == "edit":
            ok = rec.stored in (S.REQUESTED, S.PENDING_ARTIST)
            mods = tuple(m for m in Modality if m in step[2])  # type: ignore[operator]
            d = ConsentDraft(
                artist.id,
                cp.id,
                rec.project,
                modalities=mods,
                uses=(Use.THIS_PRODUCTION,),
                term_start=rec.term[0],
                term_end=rec.term[1],
            )
            if attempt(ok, service.edit, rec.id, d, current.row_version):
                rec.modalities = mods

    assert AuditService(db).verify().intact
    for r in model.records.values():
        for d in r.term:
            if d is not None:
                moments.add(midnight(d))
                moments.add(midnight(d + timedelta(days=1)))
    probes = sorted({t + delta for t in moments for delta in (-US, timedelta(0))})
    with db.read() as s:
        states = [(t, state_in_session(s, artist.id, t)) for t in probes]
    assert states[-1][1] == state_as_of(db, artist.id, probes[-1])
    for t, state in states:
        expected_status = {
            r.id: r.status(t) for r in model.records.values() if r.status(t) is not None
        }
        assert {r.record_id: r.status for r in state.records} == expected_status, t
        expected_grants = set().union(*(r.grants(t) for r in model.records.values()))
        assert {(g.record_id, g.modality) for g in state.grants} == expected_grants, t


def attempt(expected_ok: bool, action: Callable[..., object], *args: object) -> bool:
    """Run `action`; it must succeed exactly when the model says the move is allowed."""
    event(f"{getattr(action, '__name__', 'action')}: {'done' if expected_ok else 'refused'}")
    if expected_ok:
        action(*args)
        return True
    with pytest.raises(UserError):
        action(*args)
    return False
