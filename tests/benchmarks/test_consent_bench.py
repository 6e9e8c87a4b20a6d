"""Consent benchmarks: `state_as_of` for one artist with 200 records (beside one record in the
same run), and `audit verify` of 100,000 events (beside 1,000).

Targets (issue 4): `state_as_of` ≤ 5 ms with 200 records; audit verify of 100,000 events
≤ 3 s. Figures are reported by pytest-benchmark (`make bench`), not asserted.

`audit verify` runs with every check it makes for `consent-desk audit verify` on the
database: the chain, 2,000 audited artist rows against their last event (one tenth of the
events carry a row hash), and the checkpoints (one mid-way, one at the end) the log must
extend (issue 21).
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from models.audit.chain import Change, append_events
from models.audit.checkpoint import make_checkpoint
from models.audit.service import AuditService
from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.state import matrix, state_as_of
from models.consent.values import (
    ArtistDecision,
    ConsentDraft,
    CounterpartyDraft,
    DecisionOutcome,
    ProjectDraft,
)
from models.consent.words import Modality, Use
from models.parties.service import CounterpartyService
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database

START = datetime(2025, 1, 1, tzinfo=UTC)


class _Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def build_consents(path: Path, n_records: int) -> tuple[Path, int, datetime]:
    """An artist with `n_records` versions: mostly given, some amended, revoked or pending."""
    rng = random.Random(4)
    clock = _Clock()
    db = Database.open(str(path), actor="bench")
    try:
        artist = RosterService(db).add(ArtistDraft("林晓", jurisdiction="CN"))
        parties = CounterpartyService(db, clock)
        projects: list[tuple[int, int | None]] = []
        for c in range(4):
            cp = parties.add_counterparty(CounterpartyDraft(f"制片公司{c}", f"Studio {c}"))
            projects.append((cp.id, None))
            for p in range(5):
                projects.append(
                    (cp.id, parties.add_project(ProjectDraft(cp.id, f"项目{c}-{p}")).id)
                )
        service = ConsentService(db, clock)
        made = 0
        while made < n_records:
            clock.now += timedelta(hours=rng.randint(1, 30))
            cp_id, project_id = rng.choice(projects)
            start = clock.now.date() + timedelta(days=rng.randint(-30, 30))
            draft = ConsentDraft(
                artist.id,
                cp_id,
                project_id,
                modalities=tuple(rng.sample(list(Modality), rng.randint(1, 4))),
                uses=(Use.THIS_PRODUCTION,),
                media=("streaming",),
                territories=("CN",),
                term_start=start,
                term_end=start + timedelta(days=rng.randint(30, 900)),
            )
            roll = rng.random()
            if roll < 0.1:
                service.create(draft)
                made += 1
                continue
            record = service.record_signed(
                draft,
                [EvidenceFile(f"signed {made}".encode(), original_name="signed.pdf")],
                ArtistDecision(DecisionOutcome.GIVEN, "林晓", clock.now),
            )
            made += 1
            if roll > 0.9 and made < n_records:
                clock.now += timedelta(hours=2)
                new = service.amend(record.id, {"media": ("streaming", "tv")}, record.row_version)
                service.attach_evidence(
                    new.id, EvidenceFile(f"v2 {made}".encode(), original_name="v2.pdf")
                )
                service.record_decision(
                    new.id,
                    ArtistDecision(DecisionOutcome.GIVEN, "林晓", clock.now),
                    new.row_version,
                )
                made += 1
            elif roll > 0.8:
                clock.now += timedelta(hours=2)
                service.revoke(record.id, "withdrawn", clock.now, record.row_version)
        return path, artist.id, clock.now
    finally:
        db.close()


@pytest.fixture(scope="module", params=[1, 200], ids=lambda n: f"{n}_records")
def consent_db(request, tmp_path_factory):
    return request.param, *build_consents(
        tmp_path_factory.mktemp(f"c{request.param}") / "bench.sqlite3", request.param
    )


def test_state_as_of(benchmark, consent_db):
    n, path, artist_id, now = consent_db
    benchmark.group = "state_as_of for one artist"
    db = Database.open(str(path))
    try:
        state = benchmark(state_as_of, db, artist_id, now)
        assert len(state.records) == n
        if n > 1:
            assert state.grants, "the benchmark artist must have grants in force"
    finally:
        db.close()


def test_matrix(benchmark, consent_db):
    _, path, artist_id, now = consent_db
    benchmark.group = "consent matrix for one artist"
    db = Database.open(str(path))
    try:
        grid = benchmark(matrix, db, artist_id, now)
        assert grid.columns
    finally:
        db.close()


def fill_audit(path: Path, n: int) -> Path:
    """`n` realistic events, chained in memory and inserted in batches.

    The first tenth (at most 2,000) are real artists added through the roster (their events
    bind the rows); a checkpoint is made after them and another at the end.
    """
    db = Database.open(str(path), actor="bench")
    try:
        artists = min(n // 10, 2_000)
        RosterService(db).add_many(ArtistDraft(f"Artist {i}", notes="x") for i in range(artists))
        make_checkpoint(db, "on-demand")
        n -= artists
        with db.write() as s:
            for start in range(0, n, 10_000):
                append_events(
                    s,
                    "bench",
                    [
                        Change(
                            "consent_record",
                            i,
                            "update",
                            {"status": "pending_artist", "modalities": ["voice"], "row_version": 1},
                            {
                                "status": "given",
                                "modalities": ["voice"],
                                "row_version": 2,
                                "decided_at": date(2026, 4, 3).isoformat(),
                            },
                        )
                        for i in range(start, min(n, start + 10_000))
                    ],
                )
        make_checkpoint(db, "on-demand")
    finally:
        db.close()
    return path


@pytest.mark.parametrize("events", [1_000, 100_000])
def test_audit_verify(benchmark, tmp_path_factory, events):
    benchmark.group = "audit verify"
    path = fill_audit(tmp_path_factory.mktemp(f"a{events}") / "audit.sqlite3", events)
    db = Database.open(str(path))
    try:
        report = benchmark.pedantic(AuditService(db).verify, rounds=3, iterations=1)
        assert report.intact and report.count == events and report.checkpoints == 2
    finally:
        db.close()
