"""Toolbar, Open Recent, Find everything (Ctrl+Shift+F) and scripts dropped anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from models.find import HitKind, find_everything
from tests.ui.helpers import wait_for_tasks
from ui.desk_tools import LEAK_LIST, SCRIPT, FindEverythingDialog, RecentFiles
from ui.main_window import MainWindow

SIZES = [(1024, 700), (1920, 1080)]
SCRIPT_TEXT = "INT. CAFE - DAY\n\nLIN XIAO (AI VOICE)\nHello.\n"


@pytest.mark.parametrize("size", SIZES)
def test_the_toolbar_carries_the_main_actions_and_fits(
    window: MainWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    QApplication.processEvents()
    bar = window.findChild(QToolBar, "mainToolbar")
    assert bar is not None and bar.isVisible()
    names = [a.objectName() for a in bar.actions() if not a.isSeparator()]
    for wanted in ("toolbarNewArtist", "openScript", "toolbarLeak", "findEverythingAction"):
        assert wanted in names
    assert window.import_action in bar.actions()
    assert bar.width() <= size[0]
    window.findChild(type(bar.actions()[0]), "toolbarLeak").trigger()
    assert window.current_key() == "leak"


@pytest.mark.parametrize("size", SIZES)
def test_a_script_dropped_anywhere_opens_in_scripts_and_is_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, size: tuple[int, int]
) -> None:
    window.resize(*size)
    window.show_view("roster")
    path = tmp_path / "cafe.fountain"
    path.write_text(SCRIPT_TEXT, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    where = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(
        where.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, drop)
    wait_for_tasks(qtbot)
    assert window.current_key() == "scripts"
    assert window.scripts_view.analysis is not None
    assert window.scripts_view.analysis.path == path
    assert RecentFiles(window.settings).entries()[0] == (SCRIPT, path.resolve())
    # File → Open Recent lists it and opens it again
    menu = window.desk_tools.recent_menu
    window.desk_tools.fill_recent()
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "cafe.fountain — Script"


def test_recent_files_keep_the_newest_first_without_repeats(window: MainWindow) -> None:
    recent = RecentFiles(window.settings)
    for name in ("a.fdx", "b.txt", "a.fdx"):
        recent.add(SCRIPT, Path("/scripts") / name)
    recent.add(LEAK_LIST, Path("/lists/l.txt"))
    assert [p.name for _k, p in recent.entries()] == ["l.txt", "a.fdx", "b.txt"]
    for i in range(20):
        recent.add(SCRIPT, Path(f"/s/{i}.fountain"))
    assert len(recent.entries()) == 10


def test_find_everything_finds_artists_by_pinyin_and_jumps_to_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    hits = find_everything(window.db, "lin")
    assert hits[0].kind is HitKind.ARTIST and "林晓" in hits[0].text
    assert window.desk_tools.find_action.shortcut() == QKeySequence("Ctrl+Shift+F")
    window.show_view("leak")
    window.desk_tools.find_action.trigger()
    dialog = window.desk_tools.dialog
    assert isinstance(dialog, FindEverythingDialog) and dialog.isVisible()
    dialog.query.setText("linxiao")
    dialog.run()
    assert "林晓" in dialog.results.item(0).text()
    dialog._go_current()
    assert window.current_key() == "roster"
    view = window.roster_view
    assert view.selected_artists()[0].native_name == "林晓"


def test_find_everything_reaches_proposals_by_id(window: MainWindow) -> None:
    from models.proposals.service import ProposalService

    proposals = ProposalService(window.db).list()
    if not proposals:
        pytest.skip("the demo agency has no proposals")
    first = proposals[0]
    hits = [h for h in find_everything(window.db, f"#{first.id}") if h.kind is HitKind.PROPOSAL]
    assert hits and hits[0].key == str(first.id)


def test_a_proposal_opened_is_in_open_recent_and_reopens_without_importing_again(
    window: MainWindow,
) -> None:
    from models.proposals.service import ProposalService
    from tests.ui.proposals.conftest import draft

    service = ProposalService(window.db)
    made = service.create(draft(window.db))
    window.show_view("proposals")
    assert window.proposals_view.open_proposal(made.id)
    (recent,) = RecentFiles(window.settings).proposals()
    assert recent[0] == made.id and recent[1].startswith(f"#{made.id} ")
    window.show_view("roster")
    tools = window.desk_tools
    tools.fill_recent()
    (action,) = [a for a in tools.recent_menu.actions() if a.text().startswith("Proposal #")]
    action.trigger()
    assert window.current_key() == "proposals"
    assert window.proposals_view.page.proposal is not None
    assert window.proposals_view.page.proposal.id == made.id
    assert len(service.list()) == 1  # opened again, not imported again
