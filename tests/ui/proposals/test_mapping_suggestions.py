"""The mapping page shows each suggestion with its score, marks roster artists who are not on
the proposal, and accepts a suggestion with one click."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models.proposals.values import Proposal
from models.storage.database import Database
from tests.ui.helpers import error_boxes, wait_for_tasks
from tests.ui.proposals.conftest import artist_id
from ui.proposals.mapping import BASIS_COL, MappingPanel
from ui.proposals.view import ProposalsView

SCRIPT = """Title: 长夜行 Episode 4

INT. STUDIO - NIGHT

LIN XIAO (AI VOICE)
You kept them all.

CHEN JINGYI (AI V.O.)
So did I.
"""


def basis(mapping: MappingPanel, character: str) -> str:
    row = [m.character for m in mapping.rows].index(character)
    item = mapping.table.item(row, BASIS_COL)
    assert item is not None
    return item.text()


def test_suggestions_show_their_score_and_one_click_accepts(
    qtbot: QtBot, view: ProposalsView, proposal: Proposal, demo_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "ep4.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    view.open_proposal(proposal.id)
    assert view.page.files.attach([path], scripts=True) is not None
    wait_for_tasks(qtbot)
    assert not error_boxes()
    mapping = view.page.files.mapping

    assert re.search(r"score (9\d|100)\b", basis(mapping, "LIN XIAO"))
    # 陈静怡 is on the roster but not requested: suggested, marked, never confirmed in bulk
    chen_text = basis(mapping, "CHEN JINGYI")
    assert "陈静怡 (Chen Jingyi)" in chen_text and re.search(r"score 9\d\b", chen_text)
    assert "not on this proposal" in chen_text
    combo = mapping.combo_for("CHEN JINGYI")
    assert combo is not None
    assert re.fullmatch(r"陈静怡 \(Chen Jingyi\) \(suggested, 9\d\)", combo.itemText(1))

    button = mapping.accept_button("CHEN JINGYI")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    chen = next(m for m in mapping.rows if m.character == "CHEN JINGYI")
    assert chen.confirmed and chen.artist_id == artist_id(demo_db, "陈静怡")
    assert mapping.accept_button("CHEN JINGYI") is None  # nothing left to accept
    # undo puts it back
    view.ctx.undo_stack.undo()
    chen = next(m for m in mapping.rows if m.character == "CHEN JINGYI")
    assert not chen.confirmed
