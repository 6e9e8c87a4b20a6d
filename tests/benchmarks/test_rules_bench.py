"""Rule-checker benchmark: a 190-scene script mapped to 10 artists with 50 consent records each,
beside a baseline in the same run (a 10-scene script, 1 artist, 1 record).

Target (issue 6): checking the big proposal ≤ 200 ms. Measured twice: the whole
`ProposalService.run_check` (gathering from the database, the rules, storing the run with its
findings and audit event) and the rules alone on the gathered context. Figures are reported by
pytest-benchmark (`make bench`), not asserted.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.values import (
    ArtistDecision,
    ConsentDraft,
    CounterpartyDraft,
    DecisionOutcome,
    ProjectDraft,
)
from models.consent.words import Modality, Use
from models.parties.service import CounterpartyService
from models.proposals import check_inputs
from models.proposals.service import ProposalService
from models.proposals.tables import ProposalRow
from models.proposals.values import ProposalDraft, RequestedArtist
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.rules import check
from models.storage.database import Database

RECEIVED = date(2026, 5, 1)
SURNAMES = ["LIN", "CHEN", "WANG", "ZHAO", "LIU", "SUN", "ZHOU", "WU", "ZHENG", "HE"]
GIVEN = ["XIAO", "JINGYI", "ZIXUAN", "YIMING", "YUTONG", "HAORAN", "MUBAI", "SIQI", "KAIWEN", "MEI"]
EXTENSIONS = ["AI VOICE", "AI V.O.", "DIGITAL DOUBLE", "DE-AGED", "FACE SWAP", "CONT'D"]
ACTIONS = [
    "{who}'s digital double crosses the square during the election rally.",
    "A de-aged {who} smiles at the camera.",
    "The line is dubbed into English with {who}'s cloned voice.",
    "Rain hammers the windows. Nobody speaks.",
    "{who} pours a glass of beer and stares at the gun on the table.",
]


def big_script(scenes: int, names: list[str], seed: int = 6) -> str:
    """A feature-length Fountain script: every scene has AI uses of the mapped characters."""
    rng = random.Random(seed)
    out = ["Title: Benchmark Feature", ""]
    for n in range(1, scenes + 1):
        out += [f"{rng.choice(['INT.', 'EXT.'])} LOCATION {n} - {rng.choice(['DAY', 'NIGHT'])}", ""]
        for _ in range(3):
            who = rng.choice(names)
            out += [rng.choice(ACTIONS).format(who=who.title()), ""]
            out += [f"{who} ({rng.choice(EXTENSIONS)})", "We have been here before.", ""]
            out += [rng.choice(names), "Have we?", ""]
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Setup:
    path: Path
    proposal_id: int


def build(folder: Path, artists: int, records: int, scenes: int) -> Setup:
    """A database with `artists` artists, `records` given records each, and one proposal."""
    rng = random.Random(artists * 1000 + records)
    path = folder / "bench.sqlite3"
    db = Database.open(str(path), actor="bench")
    names = [f"{SURNAMES[i % 10]} {GIVEN[(i * 3) % 10]}" for i in range(artists)]
    clock_now = [datetime(2025, 1, 1, tzinfo=UTC)]

    def clock() -> datetime:
        return clock_now[0]

    try:
        with db.transaction():
            people = RosterService(db).add_many(
                [ArtistDraft(n.title(), n.title(), jurisdiction="CN") for n in names]
            )
            parties = CounterpartyService(db, clock)
            cp = parties.add_counterparty(CounterpartyDraft("星幕视频", "Xingmu Video"))
            project = parties.add_project(ProjectDraft(cp.id, "长夜行", "Chang Ye Xing"))
            others = [parties.add_project(ProjectDraft(cp.id, f"项目{i}")) for i in range(6)]
            rival = parties.add_counterparty(CounterpartyDraft("青禾影业", "Qinghe Pictures"))
            consents = ConsentService(db, clock)
            for a in people:
                for k in range(records):
                    clock_now[0] += timedelta(hours=rng.randint(1, 12))
                    ours = k % 3 == 0
                    draft = ConsentDraft(
                        a.id,
                        cp.id if ours or k % 3 == 1 else rival.id,
                        project.id if ours else (rng.choice(others).id if k % 3 == 1 else None),
                        modalities=tuple(rng.sample(list(Modality), rng.randint(1, 4))),
                        uses=(Use.THIS_PRODUCTION,),
                        media=("streaming",),
                        territories=("CN",),
                        term_start=date(2025, 1, 1),
                        term_end=date(2027, 12, 31),
                        compensation_amount=Decimal(1000 + k),
                        compensation_currency="CNY",
                        content_exclusions=tuple(rng.sample(["political", "violence"], 1)),
                        alteration_limits=rng.choice(["", "Mandarin only.", "No new lines."]),
                        specific_use_description="x" * rng.choice([0, 40]),
                        counsel_represented=rng.random() < 0.7,
                        signed_separately=rng.random() < 0.8,
                        revocation_terms="30 days' notice.",
                        deletion_on_end=True,
                    )
                    consents.record_signed(
                        draft,
                        [EvidenceFile(f"signed {a.id}/{k}".encode(), original_name="s.pdf")],
                        ArtistDecision(DecisionOutcome.GIVEN, a.native_name, clock()),
                    )
        service = ProposalService(db)
        p = service.create(
            ProposalDraft(
                cp.id,
                project.id,
                RECEIVED,
                RECEIVED + timedelta(days=14),
                labelling_plan="",
                model_training_requested=True,
                artists=tuple(
                    RequestedArtist(
                        a.id,
                        (Modality.FACE_LIKENESS, Modality.VOICE),
                        territories=("CN", "HK"),
                        term_start=RECEIVED,
                        term_end=date(2027, 6, 30),
                    )
                    for a in people
                ),
            )
        )
        script_path = folder / "feature.fountain"
        script_path.write_text(big_script(scenes, names), encoding="utf-8")
        script = service.attach_script(p.id, script_path)
        for a, name in zip(people, names, strict=True):
            service.map_character(script.id, name, a.id)
        return Setup(path, p.id)
    finally:
        db.close()


CASES = {
    "baseline_1_artist_1_record_10_scenes": (1, 1, 10),
    "190_scenes_10_artists_50_records": (10, 50, 190),
}


@pytest.fixture(scope="module", params=list(CASES), ids=list(CASES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Setup:
    artists, records, scenes = CASES[request.param]
    return build(tmp_path_factory.mktemp(request.param), artists, records, scenes)


def _open_copy(setup: Setup, tmp_path: Path) -> Database:
    path = tmp_path / "copy.sqlite3"
    shutil.copyfile(setup.path, path)
    return Database.open(str(path), actor="bench")


def test_run_check(benchmark, built: Setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    benchmark.group = "proposal check: run_check (gather, rules, store)"
    db = _open_copy(built, tmp_path)
    service = ProposalService(db)
    run = benchmark.pedantic(
        service.run_check, args=(built.proposal_id,), rounds=10, iterations=1, warmup_rounds=1
    )
    assert run.findings and run.summary["ai_uses"] > 0
    db.close()


def test_rules_only(benchmark, built: Setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    benchmark.group = "proposal check: the rules alone"
    db = _open_copy(built, tmp_path)
    with db.read() as s:
        row = s.get(ProposalRow, built.proposal_id)
        assert row is not None
        ctx, _summary = check_inputs.gather(s, db, row, None, datetime.now(UTC))
    outcome = benchmark.pedantic(check, args=(ctx,), rounds=20, iterations=1, warmup_rounds=1)
    assert outcome.findings
    db.close()
