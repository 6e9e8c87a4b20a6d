"""Proposal screen fixtures: the view on the demo agency, a proposal, a script with AI voice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from models.consent.words import Modality, Use
from models.desk import Desk
from models.parties.service import CounterpartyService
from models.proposals.values import Proposal, ProposalDraft, RequestedArtist
from models.roster.service import RosterService
from models.storage.database import Database
from tests.ui.helpers import close_error_boxes, wait_for_tasks
from ui.proposals.context import ProposalContext
from ui.proposals.view import ProposalsView
from ui.settings import Settings

# Lin Xiao has granted only her face for 长夜行; the script gives her an AI voice (rule R3),
# and EXTRA 1 is an AI use of nobody on the roster (rule R1 asks to map it).
SCRIPT = """Title: 长夜行 Episode 3

INT. OLD APARTMENT - NIGHT

Shen Yao opens a box of letters.

LIN XIAO (AI VOICE)
You kept them all.

SHEN YAO
Every single one.

EXTRA 1 (AI)
Boo.
"""


def line_of(text: str, needle: str) -> int:
    """The 1-based line holding `needle` (tests never hard-code line numbers)."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in the script")


def desk_today() -> date:
    """The desk's own calendar day: the list counts days left from it."""
    return datetime.now().astimezone().date()


def artist_id(db: Database, native_name: str) -> int:
    found = [a for a in RosterService(db).search(native_name) if a.native_name == native_name]
    assert found, native_name
    return found[0].id


def changye(db: Database) -> tuple[int, int]:
    """(counterparty, project) of 星幕视频's series 长夜行 in the demo agency."""
    cps = CounterpartyService(db)
    xingmu = next(c for c in cps.counterparties() if c.romanized_name == "Xingmu Video")
    project = next(p for p in cps.projects(xingmu.id) if p.title_romanized == "Chang Ye Xing")
    return xingmu.id, project.id


def draft(db: Database, respond_in: int | None = 10, received_ago: int = 0) -> ProposalDraft:
    cp, project = changye(db)
    received = desk_today() - timedelta(days=received_ago)
    return ProposalDraft(
        counterparty_id=cp,
        project_id=project,
        received_on=received,
        respond_by=None if respond_in is None else desk_today() + timedelta(days=respond_in),
        contact="Producer, Xingmu Video",
        artists=(
            RequestedArtist(
                artist_id(db, "林晓"),
                (Modality.FACE_LIKENESS,),
                (Use.THIS_PRODUCTION,),
                ("streaming",),
                ("CN",),
            ),
        ),
    )


@pytest.fixture
def script_path(tmp_path: Path) -> Path:
    path = tmp_path / "changye-ep3.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


@pytest.fixture
def ctx(demo_db: Database, settings: Settings) -> ProposalContext:
    return ProposalContext.open(Desk(demo_db), QUndoStack(), settings)


@pytest.fixture
def proposal(ctx: ProposalContext, demo_db: Database) -> Proposal:
    return ctx.service.create(draft(demo_db))


@pytest.fixture
def view(qtbot: QtBot, ctx: ProposalContext) -> Iterator[ProposalsView]:
    widget = ProposalsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 820)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    wait_for_tasks(qtbot)
    close_error_boxes()
