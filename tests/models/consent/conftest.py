"""Consent fixtures: services on a clock the test moves, an artist, counterparties, projects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.stance import StanceService
from models.consent.values import (
    ArtistDecision,
    ConsentDraft,
    ConsentRecord,
    Counterparty,
    CounterpartyDraft,
    CounterpartyKind,
    DecisionOutcome,
    Project,
    ProjectDraft,
    ProjectType,
)
from models.consent.words import Modality, Use
from models.parties.service import CounterpartyService
from models.roster.artist import Artist, ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database

START = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


class Clock:
    """The services' "now", moved by the test."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now

    def set(self, when: datetime) -> datetime:
        self.now = when
        return self.now


@dataclass
class World:
    db: Database
    clock: Clock
    consents: ConsentService
    parties: CounterpartyService
    stances: StanceService
    roster: RosterService
    artist: Artist  # 林晓, jurisdiction CN (Asia/Shanghai)
    platform: Counterparty
    studio: Counterparty
    series: Project  # of platform
    film: Project  # of studio

    def draft(self, **changes: object) -> ConsentDraft:
        values: dict[str, object] = {
            "artist_id": self.artist.id,
            "counterparty_id": self.platform.id,
            "project_id": self.series.id,
            "modalities": (Modality.FACE_LIKENESS,),
            "uses": (Use.THIS_PRODUCTION,),
            "media": ("streaming",),
            "territories": ("CN",),
            "term_start": date(2026, 3, 1),
            "term_end": date(2026, 12, 31),
        }
        values.update(changes)
        return ConsentDraft(**values)  # type: ignore[arg-type]

    def decision(self, outcome: DecisionOutcome = DecisionOutcome.GIVEN) -> ArtistDecision:
        return ArtistDecision(outcome, "林晓", self.clock.now - timedelta(hours=1))

    def given(self, **changes: object) -> ConsentRecord:
        """A record taken through requested → pending_artist → given, one hour per step."""
        r = self.consents.create(self.draft(**changes))
        self.clock.advance(hours=1)
        r = self.consents.send_to_artist(r.id, r.row_version)
        self.consents.attach_evidence(
            r.id, EvidenceFile(f"signed #{r.id}".encode(), original_name=f"signed-{r.id}.pdf")
        )
        self.clock.advance(hours=1)
        return self.consents.record_decision(r.id, self.decision(), r.row_version)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def world(db: Database, clock: Clock) -> World:
    roster = RosterService(db)
    artist = roster.add(ArtistDraft("林晓", jurisdiction="CN", date_of_birth=date(1994, 3, 12)))
    parties = CounterpartyService(db, clock)
    platform = parties.add_counterparty(
        CounterpartyDraft("星幕视频", "Xingmu Video", CounterpartyKind.PLATFORM)
    )
    studio = parties.add_counterparty(CounterpartyDraft("青禾影业", "Qinghe Pictures"))
    series = parties.add_project(
        ProjectDraft(platform.id, "长夜行", project_type=ProjectType.SERIES)
    )
    film = parties.add_project(ProjectDraft(studio.id, "归途"))
    return World(
        db,
        clock,
        ConsentService(db, clock),
        parties,
        StanceService(db, clock),
        roster,
        artist,
        platform,
        studio,
        series,
        film,
    )
