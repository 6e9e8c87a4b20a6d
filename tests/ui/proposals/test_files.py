"""Attaching a proposal's files: dropped from the desktop, read in the background, removable
only after a confirmation that says what happens."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from models.proposals.values import FileRole, Proposal
from tests.ui.helpers import close_error_boxes, error_boxes, wait_for_tasks
from tests.ui.proposals.conftest import desk_today
from tests.ui.test_i18n import chinese
from ui.proposals.context import ProposalContext
from ui.proposals.files import DropList
from ui.proposals.view import LIST_PAGE, PROPOSAL_PAGE, ProposalsView

__all__ = ["chinese"]  # the interface in zh_CN for the Chinese test


def drop(target: DropList, *paths: Path) -> bool:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    target.dragEnterEvent(enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    target.dropEvent(event)
    return True


def test_drop_a_script_and_a_contract(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, proposal: Proposal,
    script_path: Path, tmp_path: Path,
) -> None:  # fmt: skip
    view.open_proposal(proposal.id)
    files = view.page.files
    assert drop(files.scripts, script_path)
    wait_for_tasks(qtbot)
    letter = tmp_path / "offer-letter.pdf"
    letter.write_bytes(b"%PDF-1.4 the producer's offer")
    files.role.setCurrentIndex(files.role.findData(FileRole.CONTRACT.value))
    assert drop(files.files, letter)
    wait_for_tasks(qtbot)

    p = ctx.service.get(proposal.id)
    assert [s.original_name for s in p.scripts] == ["changye-ep3.fountain"]
    assert {(f.original_name, f.role) for f in p.files} == {
        ("changye-ep3.fountain", FileRole.SCRIPT),
        ("offer-letter.pdf", FileRole.CONTRACT),
    }
    assert files.scripts.count() == 1 and files.files.count() == 1
    assert "Contract" in files.files.item(0).text()
    assert files.mapping.script is not None  # the new script's characters, ready to map


def test_an_unreadable_script_is_explained_and_nothing_is_attached(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, proposal: Proposal, tmp_path: Path
) -> None:
    view.open_proposal(proposal.id)
    word = tmp_path / "剧本.docx"
    word.write_bytes(b"PK\x03\x04 a word document")
    view.page.files.attach([word], scripts=True)
    wait_for_tasks(qtbot)
    qtbot.waitUntil(lambda: bool(error_boxes()))
    assert "剧本.docx" in error_boxes()[0].text()
    close_error_boxes()
    assert ctx.service.get(proposal.id).scripts == ()


def test_removing_a_script_asks_first(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, proposal: Proposal,
    script_path: Path,
) -> None:  # fmt: skip
    view.open_proposal(proposal.id)
    files = view.page.files
    files.attach([script_path], scripts=True)
    wait_for_tasks(qtbot)
    files.scripts.setCurrentRow(0)
    box = files.remove_script()
    assert box is not None
    assert "cannot be undone" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(ctx.service.get(proposal.id).scripts) == 1

    box = files.remove_script()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert ctx.service.get(proposal.id).scripts == ()
    assert files.scripts.count() == 0


def test_import_a_proposal_described_in_json(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, script_path: Path, tmp_path: Path
) -> None:
    described = tmp_path / "proposal.json"
    described.write_text(
        json.dumps(
            {
                "counterparty": "星幕视频",
                "project": "长夜行",
                "received_on": desk_today().isoformat(),
                "respond_by": (desk_today() + timedelta(days=4)).isoformat(),
                "artists": [{"artist": "林晓", "modalities": ["face_likeness"]}],
                "scripts": [script_path.name],
                "accept_suggested_mapping": True,
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    view.import_file(described)
    wait_for_tasks(qtbot)
    assert not error_boxes()
    (row,) = ctx.service.list()
    assert view.pages.currentIndex() == PROPOSAL_PAGE
    assert view.page.proposal is not None and view.page.proposal.id == row.id
    assert view.page.files.scripts.count() == 1
    assert [r.id for r in view.model.rows] == [row.id]


def test_a_bad_json_file_is_explained_and_nothing_is_logged(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, tmp_path: Path
) -> None:
    described = tmp_path / "proposal.json"
    described.write_text('{"counterparty": "星幕视频", "projekt": 1}', encoding="utf-8")
    view.import_file(described)
    wait_for_tasks(qtbot)
    qtbot.waitUntil(lambda: bool(error_boxes()))
    assert "projekt" in error_boxes()[0].text()
    close_error_boxes()
    assert ctx.service.list() == []
    assert view.pages.currentIndex() == LIST_PAGE


def test_a_script_warning_reads_in_chinese_on_a_chinese_screen(
    qtbot: QtBot, chinese: None, view: ProposalsView, ctx: ProposalContext,
    proposal: Proposal, tmp_path: Path,
) -> None:  # fmt: skip
    warned = tmp_path / "warned.fountain"
    warned.write_text("INT. STUDIO - DAY\n\nBOB ^\nHello.\n", encoding="utf-8")  # line 3 warns
    ctx.service.attach_script(proposal.id, warned)
    view.open_proposal(proposal.id)
    tip = view.page.files.scripts.item(0).toolTip()
    assert "第 3 行：" in tip and "BOB" in tip
    assert "dual dialogue" not in tip
