"""A proposal's script, through mapping, to findings: the R3 BLOCK at the voice line, filters,
accepted risk with undo, what changed between checks, and the review report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from models.proposals.values import FindingChange, Proposal
from models.rules import Severity
from models.storage.database import Database
from tests.ui.helpers import close_error_boxes, error_boxes, wait_for_tasks
from tests.ui.proposals.conftest import SCRIPT, artist_id, line_of
from ui.proposals.context import ProposalContext
from ui.proposals.findings.model import ACCEPTED_MARK, Column, FindingsTableModel
from ui.proposals.findings.panel import FindingsPanel
from ui.proposals.labels import SEVERITY_FILLS
from ui.proposals.mapping import BASIS_COL, NOT_OURS, MappingPanel
from ui.proposals.page import FINDINGS_TAB
from ui.proposals.view import ProposalsView

VOICE_LINE = line_of(SCRIPT, "LIN XIAO (AI VOICE)")


def attach(qtbot: QtBot, view: ProposalsView, path: Path) -> None:
    task = view.page.files.attach([path], scripts=True)
    assert task is not None
    wait_for_tasks(qtbot)
    assert not error_boxes()


def run_check(qtbot: QtBot, panel: FindingsPanel) -> None:
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.run_check()
    wait_for_tasks(qtbot)


def rows(panel: FindingsPanel) -> list[tuple[str, str, str]]:
    """(severity, rule, line) of each row shown."""
    m = panel.model
    return [
        tuple(str(m.data(m.index(r, c))) for c in (Column.SEVERITY, Column.RULE, Column.LINE))  # type: ignore[misc]
        for r in range(m.rowCount())
    ]


def basis(mapping: MappingPanel, character: str) -> str:
    """The "Why / confirmed" cell of a character."""
    row = [m.character for m in mapping.rows].index(character)
    item = mapping.table.item(row, BASIS_COL)
    assert item is not None
    return item.text()


def mapped_and_checked(
    qtbot: QtBot, view: ProposalsView, proposal: Proposal, script_path: Path
) -> FindingsPanel:
    view.open_proposal(proposal.id)
    attach(qtbot, view, script_path)
    mapping = view.page.files.mapping
    assert mapping.confirm_suggestions()
    view.page.tabs.setCurrentIndex(FINDINGS_TAB)
    panel = view.page.findings
    run_check(qtbot, panel)
    return panel


def test_attach_map_and_check_shows_the_block_at_the_voice_line(
    qtbot: QtBot,
    view: ProposalsView,
    ctx: ProposalContext,
    demo_db: Database,
    proposal: Proposal,
    script_path: Path,
) -> None:
    view.open_proposal(proposal.id)
    attach(qtbot, view, script_path)
    files = view.page.files
    assert files.scripts.count() == 1
    assert "2 AI uses" in files.scripts.item(0).text()

    # mapping: LIN XIAO is suggested as 林晓 from her romanised name; nothing counts until confirmed
    mapping = files.mapping
    lin = next(m for m in mapping.rows if m.character == "LIN XIAO")
    assert not lin.confirmed
    assert lin.suggestions[0].artist_id == artist_id(demo_db, "林晓")
    assert "the romanised name" in basis(mapping, lin.character)
    assert mapping.rows[0].ai_uses > 0  # characters with AI uses come first
    assert mapping.confirm_suggestions()
    lin = next(m for m in mapping.rows if m.character == "LIN XIAO")
    assert lin.confirmed and lin.artist_id == artist_id(demo_db, "林晓")
    assert "confirmed by tester" in basis(mapping, lin.character)

    view.page.tabs.setCurrentIndex(FINDINGS_TAB)
    panel = view.page.findings
    assert "Not checked yet" in panel.counts.text()
    run_check(qtbot, panel)
    shown = rows(panel)
    assert shown[0][0].startswith("BLOCK")  # BLOCK first
    assert ("BLOCK", "R3", str(VOICE_LINE)) in shown
    r3 = next(r for r, f in enumerate(panel.model.findings) if f.finding.rule_id == "R3")
    brush = panel.model.data(panel.model.index(r3, Column.SEVERITY), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == SEVERITY_FILLS[Severity.BLOCK]
    message = str(panel.model.data(panel.model.index(r3, Column.MESSAGE)))
    assert "Voice" in message and "林晓 (Lin Xiao)" in message
    source = str(panel.model.data(panel.model.index(r3, Column.SOURCE)))
    assert "PRC Civil Code art. 1019" in source  # cited in the interface language
    assert panel.model.findings[r3].finding.source_zh.startswith("《民法典》第1019条")
    assert view.page.worst_badge.text() == "Worst: BLOCK"
    # the list shows the worst finding too
    list_row = view.model.row_of(proposal.id)
    assert list_row is not None
    assert str(view.model.data(view.model.index(list_row, 5))).startswith("BLOCK")

    # double-click: the script at that line, the AI voice painted
    panel.table.selectRow(r3)
    index = panel.model.index(r3, Column.MESSAGE)
    qtbot.mouseDClick(
        panel.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.table.visualRect(index).center(),
    )
    text = panel.script.text
    assert text.current_line() == VOICE_LINE
    assert text.line_text(VOICE_LINE) == "LIN XIAO (AI VOICE)"
    assert VOICE_LINE in text.spans
    assert f"line {VOICE_LINE}" in panel.script.title.text()


def test_filters_by_severity_artist_and_rule(
    qtbot: QtBot, view: ProposalsView, proposal: Proposal, script_path: Path, demo_db: Database
) -> None:
    panel = mapped_and_checked(qtbot, view, proposal, script_path)
    everything = rows(panel)
    assert len({r[0] for r in everything}) > 1  # more than one severity to filter

    panel.set_severities(frozenset({Severity.BLOCK}))
    assert rows(panel) and all(r[0].startswith("BLOCK") for r in rows(panel))
    panel.severity_buttons[Severity.BLOCK].setChecked(False)
    assert all(not r[0].startswith("BLOCK") for r in rows(panel))
    panel.set_severities(frozenset(Severity))
    assert rows(panel) == everything

    panel.rule_filter.setCurrentIndex(panel.rule_filter.findData("R3"))
    assert [r[1] for r in rows(panel)] == ["R3"]
    panel.rule_filter.setCurrentIndex(0)
    lin = artist_id(demo_db, "林晓")
    panel.artist_filter.setCurrentIndex(panel.artist_filter.findData(lin))
    assert rows(panel)
    assert all(f.finding.artist_id == lin for f in panel.model.findings)
    panel.artist_filter.setCurrentIndex(panel.artist_filter.findData(-1))
    assert all(f.finding.artist_id is None for f in panel.model.findings)


def test_accept_risk_needs_a_reason_and_undo_takes_it_back(
    qtbot: QtBot,
    view: ProposalsView,
    ctx: ProposalContext,
    proposal: Proposal,
    script_path: Path,
) -> None:
    panel = mapped_and_checked(qtbot, view, proposal, script_path)
    panel.rule_filter.setCurrentIndex(panel.rule_filter.findData("R3"))
    panel.table.selectRow(0)
    dialog = panel.accept_risk()
    assert dialog is not None
    assert not dialog.ok_button.isEnabled()  # a reason is required
    dialog.reason.setPlainText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setPlainText("The artist agreed by phone; signed rider follows.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    f = panel.current_finding()
    assert f is not None and f.accepted_risk
    assert f.accepted_reason == "The artist agreed by phone; signed rider follows."
    assert f.accepted_by == "tester"
    assert panel.model.data(panel.model.index(0, Column.ACCEPTED)) == ACCEPTED_MARK
    run = ctx.service.latest_run(proposal.id)
    assert run is not None and run.worst_open is not Severity.BLOCK  # no longer counts
    assert not panel.accept_button.isEnabled() and panel.clear_button.isEnabled()

    ctx.undo_stack.undo()
    f = panel.current_finding()
    assert f is not None and not f.accepted_risk
    assert panel.model.data(panel.model.index(0, Column.ACCEPTED)) == ""
    run = ctx.service.latest_run(proposal.id)
    assert run is not None and run.worst_open is Severity.BLOCK
    ctx.undo_stack.redo()
    assert ctx.service.latest_run(proposal.id).findings  # type: ignore[union-attr]
    f = panel.current_finding()
    assert f is not None and f.accepted_risk

    # hidden when accepted risks are left out
    panel.accepted_check.setChecked(False)
    assert panel.model.rowCount() == 0


def test_what_changed_since_the_check_before(
    qtbot: QtBot, view: ProposalsView, proposal: Proposal, script_path: Path
) -> None:
    panel = mapped_and_checked(qtbot, view, proposal, script_path)
    before = {f.finding.rule_id for f in panel.model.findings}
    assert "R1" in before  # EXTRA 1's AI use is not mapped to anybody yet
    assert not panel.changes_check.isEnabled()  # nothing to compare with

    view.page.files.mapping.map({"EXTRA 1": None})  # not one of our artists
    run_check(qtbot, panel)
    assert panel.changes_check.isEnabled()
    assert "1 resolved" in panel.counts.text()
    panel.changes_check.setChecked(True)
    changes = [(f.finding.rule_id, f.change) for f in panel.model.findings]
    assert ("R1", FindingChange.RESOLVED) in changes
    assert all(c is not FindingChange.UNCHANGED for _r, c in changes)
    resolved = panel.model.row_of(
        next(f.id for f in panel.model.findings if f.finding.rule_id == "R1")
    )
    assert resolved is not None
    font = panel.model.data(panel.model.index(resolved, Column.MESSAGE), Qt.ItemDataRole.FontRole)
    assert font.strikeOut()
    panel.table.selectRow(resolved)
    assert not panel.accept_button.isEnabled()  # a resolved finding has no risk to accept

    # the earlier run is still there to look at
    assert panel.runs.count() == 2
    panel.runs.setCurrentIndex(1)
    assert "R1" in {f.finding.rule_id for f in panel.model.findings}


def test_export_the_review_report(
    qtbot: QtBot, view: ProposalsView, proposal: Proposal, script_path: Path, tmp_path: Path
) -> None:
    panel = mapped_and_checked(qtbot, view, proposal, script_path)
    dialog = panel.export_report()
    assert dialog is not None
    assert dialog.path.text().endswith(f"review-proposal-{proposal.id}.pdf")
    target = tmp_path / "out" / "review-林晓"
    dialog.path.setText(str(target))
    dialog.chinese.setChecked(True)
    assert dialog.languages() == "zh"
    with qtbot.waitSignal(panel.message, timeout=20_000) as blocker:
        dialog.buttons.accepted.emit()
    wait_for_tasks(qtbot)
    written = target.with_name("review-林晓.pdf")
    assert written.read_bytes().startswith(b"%PDF")
    assert str(written) in str(blocker.args[0])
    assert not list(written.parent.glob("*.part"))


def test_export_to_an_unwritable_place_is_explained(
    qtbot: QtBot, view: ProposalsView, proposal: Proposal, tmp_path: Path
) -> None:
    view.open_proposal(proposal.id)
    taken = tmp_path / "review.pdf"
    taken.mkdir()  # a folder where the file should go
    view.page.findings.export_to(taken, "en")
    wait_for_tasks(qtbot)
    qtbot.waitUntil(lambda: bool(error_boxes()))
    assert "Cannot write" in error_boxes()[0].text()
    close_error_boxes()


def test_findings_model_passes_the_model_tester(
    qtmodeltester: ModelTester,
    qtbot: QtBot,
    view: ProposalsView,
    proposal: Proposal,
    script_path: Path,
) -> None:
    panel = mapped_and_checked(qtbot, view, proposal, script_path)
    model = FindingsTableModel()
    model.set_findings(panel.model.findings)
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_map_through_the_combo_and_undo(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, proposal: Proposal,
    script_path: Path, demo_db: Database,
) -> None:  # fmt: skip
    view.open_proposal(proposal.id)
    attach(qtbot, view, script_path)
    mapping = view.page.files.mapping
    combo = mapping.combo_for("EXTRA 1")
    assert combo is not None
    combo.setCurrentIndex(combo.findData(NOT_OURS))
    extra = next(m for m in mapping.rows if m.character == "EXTRA 1")
    assert extra.confirmed and extra.artist_id is None
    ctx.undo_stack.undo()
    extra = next(m for m in mapping.rows if m.character == "EXTRA 1")
    assert not extra.confirmed

    # any roster artist, found by pinyin, for a character the producer did not name
    combo = mapping.combo_for("SHEN YAO")
    assert combo is not None
    combo.setCurrentIndex(combo.findData("other"))
    dialog = mapping.pick_dialog
    assert dialog is not None
    dialog.finder.search.setText("chen jingyi")
    dialog.finder.run_search()
    dialog.finder.add_button.click()
    shen = next(m for m in mapping.rows if m.character == "SHEN YAO")
    assert shen.confirmed and shen.artist_id == artist_id(demo_db, "陈静怡")
    ctx.undo_stack.undo()
    assert not next(m for m in mapping.rows if m.character == "SHEN YAO").confirmed
