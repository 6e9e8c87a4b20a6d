"""Journey 2 in the real main window: a proposal arrives with a script that gives 林晓 an AI
voice while she has granted only her face. The manager logs it (deadline in red), attaches the
script, confirms the character mapping, reads the findings (BLOCK first, at the voice line),
exports the review report, records the agency's advice and the artist's decision, and accepts
— creating the consent record that waits for her signature. The audit trail still verifies."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from models.audit.service import AuditService
from models.consent.service import ConsentService
from models.consent.words import ConsentStatus, Modality
from models.demo import load_demo
from models.proposals.service import ProposalService
from models.proposals.values import ProposalStatus
from models.rules import Severity
from models.storage.database import Database
from ui.app import install_fonts
from ui.main_window import MainWindow
from ui.proposals import PROPOSALS_KEY, ProposalsView
from ui.proposals.accept import AcceptDialog
from ui.proposals.findings.model import Column
from ui.proposals.form.dialog import ProposalDialog
from ui.proposals.page import DECISIONS_TAB, FINDINGS_TAB
from ui.settings import Settings
from ui.tasks import running_tasks

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support"),  # offscreen: no window manager
]

SCRIPT = """Title: 长夜行 Episode 3

INT. OLD APARTMENT - NIGHT

Shen Yao opens a box of letters.

LIN XIAO (AI VOICE)
You kept them all.

SHEN YAO
Every single one.
"""
VOICE_LINE = SCRIPT.splitlines().index("LIN XIAO (AI VOICE)") + 1


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    install_fonts(qapp)
    load_demo(db)
    win = MainWindow(db, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1300, 820)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def back_to_window(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def wait_tasks(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=15_000)


def test_a_proposal_arrives_is_checked_answered_and_accepted(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path
) -> None:
    view = window.proposals_view
    assert isinstance(view, ProposalsView)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == PROPOSALS_KEY
    assert window.proposals_view.menu.menuAction().isVisible()

    # log it: Ctrl+N in the view opens the form (window-modal, not blocking)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert isinstance(dialog, ProposalDialog) and dialog.isVisible()
    dialog.counterparty.search.setText("星幕")
    dialog.project.search.setText("changye")
    dialog.contact.setText("Producer, Xingmu Video")
    received = dialog.received_on()
    dialog.respond_by.set_value(received + timedelta(days=2))
    finder = dialog.artists.finder
    finder.search.setText("林晓")
    finder.run_search()
    finder.results.setCurrentRow(
        next(n for n in range(finder.results.count())
             if finder.results.item(n).text() == "林晓 (Lin Xiao)")
    )  # fmt: skip
    finder.add_button.click()
    dialog.artists.editor.modality_checks[Modality.FACE_LIKENESS].setChecked(True)
    dialog.revalidate()
    assert dialog.ok_button.isEnabled(), dialog.summary.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    page = view.page
    proposal = page.proposal
    assert proposal is not None
    assert page.deadline_badge.property("deadline") == "due_soon"  # red: answer within 3 days

    # the script, read in the background; then the mapping suggestion, confirmed
    script = tmp_path / "长夜行-ep3.fountain"
    script.write_text(SCRIPT, encoding="utf-8")
    page.files.attach([script], scripts=True)
    wait_tasks(qtbot)
    mapping = page.files.mapping
    assert mapping.script is not None
    qtbot.mouseClick(mapping.confirm_button, Qt.MouseButton.LeftButton)
    assert next(m for m in mapping.rows if m.character == "LIN XIAO").confirmed

    # findings, BLOCK first, at the voice line
    page.tabs.setCurrentIndex(FINDINGS_TAB)
    findings = page.findings
    back_to_window(qtbot, window)  # the form closed: the main window takes the keys again
    findings.table.setFocus()
    with qtbot.waitSignal(findings.changed, timeout=15_000):
        qtbot.keyClick(findings.table, Qt.Key.Key_F5)  # Proposal → Run check
    wait_tasks(qtbot)
    first = findings.model.finding(0)
    assert first is not None and first.finding.severity is Severity.BLOCK
    blocks = [(f.finding.rule_id, f.finding.line) for f in findings.model.findings
              if f.finding.severity is Severity.BLOCK]  # fmt: skip
    assert ("R3", VOICE_LINE) in blocks
    findings.table.setCurrentIndex(findings.model.index(0, Column.MESSAGE))
    assert findings.jump_to_current(focus=True)
    assert findings.script.text.current_line() == VOICE_LINE

    # the review report for the artist, in both languages
    export = findings.export_report()
    assert export is not None
    report = tmp_path / "review.pdf"
    export.path.setText(str(report))
    export.buttons.accepted.emit()
    wait_tasks(qtbot)
    assert report.read_bytes().startswith(b"%PDF")

    # advice and decision, apart; then answer the producer
    page.move_to(ProposalStatus.UNDER_REVIEW)
    page.move_to(ProposalStatus.WITH_ARTIST)
    page.tabs.setCurrentIndex(DECISIONS_TAB)
    advice = page.decisions.ask(advice=True)
    assert advice is not None
    advice.choice.setCurrentIndex(advice.choice.findData("recommend_with_changes"))
    advice.note.setText("Face only; no AI voice without a separate rider.")
    advice.buttons.accepted.emit()
    decision = page.decisions.ask(advice=False)
    assert decision is not None
    decision.choice.setCurrentIndex(decision.choice.findData("accept"))
    decision.buttons.accepted.emit()
    accept = page.move_to(ProposalStatus.ACCEPTED)
    assert isinstance(accept, AcceptDialog)
    assert "Face likeness" in accept.listing.toPlainText()
    qtbot.mouseClick(accept.ok_button, Qt.MouseButton.LeftButton)

    done = ProposalService(db).get(proposal.id)
    assert done.status is ProposalStatus.ACCEPTED
    record_id = done.artists[0].consent_record_id
    assert record_id is not None
    assert ConsentService(db).get(record_id).status is ConsentStatus.PENDING_ARTIST

    # the list: answered, so no deadline colour any more; Undo still walks back the advice
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    view.open_only.setChecked(False)
    row = view.model.row_of(proposal.id)
    assert row is not None and view.model.summary(row).status is ProposalStatus.ACCEPTED  # type: ignore[union-attr]
    assert "Record the decision" in window.undo_action.text()
    assert AuditService(db).verify().intact
