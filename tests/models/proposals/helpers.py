"""A small agency for proposal tests: a platform, its projects, artists and their consents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.values import (
    ArtistDecision,
    ConsentDraft,
    ConsentRecord,
    CounterpartyDraft,
    CounterpartyKind,
    DecisionOutcome,
    ProjectDraft,
)
from models.consent.words import Modality, Use
from models.dates.zones import artist_zone, local_day
from models.parties.service import CounterpartyService
from models.proposals.service import ProposalService
from models.proposals.values import ProposalDraft, RequestedArtist
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database

M = Modality

SCRIPT = """Title: Long Night

INT. CAFE - DAY

Shen Yao sits alone. A digital double of LIN XIAO walks in.

LIN XIAO (AI VOICE)
Hello again.

SHEN YAO
You sound different.

EXT. ROOF - NIGHT

CHEN JINGYI (AI V.O.)
We were never here.
"""


def today_cn() -> date:
    return local_day(datetime.now(UTC), artist_zone("CN"))


@dataclass(frozen=True)
class World:
    cp: int
    project: int
    other_project: int
    lin: int  # 林晓 (Lin Xiao), stage name 小林
    chen: int  # 陈静怡 (Chen Jingyi)
    lin_xiaoyu: int  # 林小雨: not the same person as 林晓
    minor: int  # 王子轩, guardian 王丽


def world(db: Database) -> World:
    roster = RosterService(db)
    people = roster.add_many(
        [
            ArtistDraft("林晓", "Lin Xiao", ("小林",), date(1994, 3, 12), jurisdiction="CN"),
            ArtistDraft(
                "陈静怡", "Chen Jingyi", ("Jingyi Chen",), date(1989, 7, 1), jurisdiction="CN"
            ),
            ArtistDraft("林小雨", "Lin Xiaoyu", (), date(2001, 5, 20), jurisdiction="CN"),
            ArtistDraft(
                "王子轩",
                "Wang Zixuan",
                (),
                date(2010, 9, 15),
                guardian="王丽（母亲）",
                jurisdiction="CN",
            ),
        ]
    )
    cps = CounterpartyService(db)
    cp = cps.add_counterparty(
        CounterpartyDraft("星幕视频", "Xingmu Video", CounterpartyKind.PLATFORM)
    )
    project = cps.add_project(ProjectDraft(cp.id, "长夜行", "Chang Ye Xing"))
    other = cps.add_project(ProjectDraft(cp.id, "星幕年度片单", "Xingmu Annual Slate"))
    return World(cp.id, project.id, other.id, *(a.id for a in people))


def give(
    db: Database,
    w: World,
    artist_id: int,
    modalities: Sequence[Modality],
    decided_by: str = "林晓",
    **terms: Any,
) -> ConsentRecord:
    """A given, well-drafted consent for the project, in force from a year ago."""
    start = today_cn() - timedelta(days=365)
    values: dict[str, Any] = {
        "project_id": w.project,
        "uses": (Use.THIS_PRODUCTION,),
        "media": ("streaming",),
        "territories": ("CN",),
        "term_start": start,
        "term_end": start + timedelta(days=800),
        "compensation_amount": Decimal("80000"),
        "compensation_currency": "CNY",
        "data_retention": "Scans deleted at the end of the term.",
        "deletion_on_end": True,
        "revocation_terms": "Revocable with 30 days' notice.",
        "counsel_represented": True,
        "signed_separately": True,
        "specific_use_description": "Digital face replacement of Shen Yao in the flashbacks "
        "of episodes 3 and 7.",
    }
    values.update(terms)
    draft = ConsentDraft(artist_id, w.cp, modalities=tuple(modalities), **values)
    return ConsentService(db).record_signed(
        draft,
        [EvidenceFile(b"%PDF-1.4 signed agreement", original_name="signed.pdf")],
        ArtistDecision(DecisionOutcome.GIVEN, decided_by, datetime.now(UTC)),
    )


def proposal_draft(w: World, **kw: Any) -> ProposalDraft:
    today = today_cn()
    base: dict[str, Any] = {
        "counterparty_id": w.cp,
        "project_id": w.project,
        "received_on": today,
        "respond_by": today + timedelta(days=10),
        "contact": "Zhang Wei <producer@example.com>",
        "labelling_plan": "Visible 'AI生成' mark on every AI shot and C2PA metadata.",
        "artists": (
            RequestedArtist(
                w.lin,
                (M.FACE_LIKENESS,),
                (Use.THIS_PRODUCTION,),
                ("streaming",),
                ("CN",),
                today + timedelta(days=5),
                today + timedelta(days=120),
                Decimal("120000"),
                "CNY",
            ),
        ),
    }
    base.update(kw)
    return ProposalDraft(**base)


def script_file(tmp_path: Path, text: str = SCRIPT, name: str = "long-night.fountain") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def new_proposal(db: Database, w: World, tmp_path: Path, **kw: Any) -> tuple[int, int]:
    """A proposal for 林晓 with the script attached and LIN XIAO mapped: (proposal, script)."""
    service = ProposalService(db)
    p = service.create(proposal_draft(w, **kw))
    script = service.attach_script(p.id, script_file(tmp_path))
    service.map_character(script.id, "LIN XIAO", w.lin)
    return p.id, script.id
