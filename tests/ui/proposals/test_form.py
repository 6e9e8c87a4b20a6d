"""The proposal form: log a new proposal with a requested artist, edit it, undo the edit."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models.consent.words import Modality
from models.proposals.values import Proposal, ProposalStatus
from models.storage.database import Database
from tests.ui.helpers import close_error_boxes, error_boxes
from tests.ui.proposals.conftest import artist_id, changye, desk_today
from ui.proposals.context import ProposalContext
from ui.proposals.form.dialog import ProposalDialog
from ui.proposals.page import FILES_TAB
from ui.proposals.view import PROPOSAL_PAGE, ProposalsView


def add_artist(dialog: ProposalDialog, typed: str, shown: str) -> None:
    finder = dialog.artists.finder
    finder.search.setText(typed)
    finder.run_search()
    names = [finder.results.item(n).text() for n in range(finder.results.count())]
    assert shown in names, names
    finder.results.setCurrentRow(names.index(shown))
    finder.add_button.click()


def test_log_a_new_proposal_through_the_form(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, demo_db: Database
) -> None:
    dialog = view.new_proposal()
    qtbot.waitExposed(dialog)
    dialog.counterparty.search.setText("xingmu")
    dialog.project.search.setText("chang ye")
    cp, project = changye(demo_db)
    assert (dialog.counterparty.current_id(), dialog.project.current_id()) == (cp, project)
    dialog.contact.setText("Zhang Wei <producer@example.com>")
    dialog.respond_by.set_value(desk_today() + timedelta(days=5))
    dialog.labelling.setPlainText("Visible AI生成 mark on every AI shot.")
    dialog.revalidate()
    assert not dialog.ok_button.isEnabled()  # nobody requested yet
    assert "Requested artists" in dialog.summary.text()

    add_artist(dialog, "linxiao", "林晓 (Lin Xiao)")  # pinyin without spaces finds her
    editor = dialog.artists.editor
    editor.modality_checks[Modality.FACE_LIKENESS].setChecked(True)
    editor.modality_checks[Modality.VOICE].setChecked(True)
    editor.territories.setText("CN; HK")
    editor.fee.setText("120,000")
    editor.currency.setEditText("CNY")
    dialog.revalidate()
    assert dialog.ok_button.isEnabled(), dialog.summary.text()

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (row,) = ctx.service.list()
    p = ctx.service.get(row.id)
    assert p.contact == "Zhang Wei <producer@example.com>"
    assert p.respond_by == desk_today() + timedelta(days=5)
    (asked,) = p.artists
    assert asked.artist_id == artist_id(demo_db, "林晓")
    assert asked.requested.modalities == (Modality.FACE_LIKENESS, Modality.VOICE)
    assert asked.requested.territories == ("CN", "HK")
    assert (asked.requested.fee_amount, asked.requested.fee_currency) == (Decimal(120000), "CNY")
    # the next step of the journey: attach the script
    assert view.pages.currentIndex() == PROPOSAL_PAGE
    assert view.page.tabs.currentIndex() == FILES_TAB
    assert [r.id for r in view.model.rows] == [p.id]


def test_problems_show_beside_their_field_and_block_saving(
    qtbot: QtBot, view: ProposalsView, proposal: Proposal
) -> None:
    view.open_proposal(proposal.id)
    dialog = view.page.edit()
    assert dialog is not None
    dialog.respond_by.set_value(proposal.received_on - timedelta(days=1))
    dialog.revalidate()
    assert not dialog.ok_button.isEnabled()
    assert dialog.problems["respond_by"].isVisibleTo(dialog)
    assert "before the proposal was received" in dialog.problems["respond_by"].text()
    dialog.artists.editor.fee.setText("lots")
    dialog.revalidate()
    assert "is not an amount" in dialog.artists.editor.problems["fee_amount"].text()
    dialog.reject()


def test_edit_is_undoable_and_a_stale_save_is_refused(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, proposal: Proposal
) -> None:
    view.open_proposal(proposal.id)
    dialog = view.page.edit()
    assert dialog is not None
    dialog.contact.setText("Li Ming, line producer")
    dialog.revalidate()
    dialog.buttons.accepted.emit()
    assert ctx.service.get(proposal.id).contact == "Li Ming, line producer"
    assert "Li Ming" in view.page.overview.toPlainText()

    ctx.undo_stack.undo()
    assert ctx.service.get(proposal.id).contact == "Producer, Xingmu Video"
    assert "Li Ming" not in view.page.overview.toPlainText()
    ctx.undo_stack.redo()
    assert ctx.service.get(proposal.id).contact == "Li Ming, line producer"

    # another desk saves meanwhile: this desk's save is refused, explained, and reloaded
    now = ctx.service.get(proposal.id)
    ctx.service.update(now.id, replace(now.draft(), notes="B"), now.row_version)
    stale = view.page.proposal
    assert stale is not None
    assert not view.page.save_edit(replace(stale.draft(), contact="Mine"))
    assert error_boxes() and "after you opened it" in error_boxes()[0].text()
    close_error_boxes()
    assert view.page.proposal is not None and view.page.proposal.notes == "B"
    assert ctx.service.get(proposal.id).contact == "Li Ming, line producer"


def test_a_closed_proposal_cannot_be_edited(
    view: ProposalsView, ctx: ProposalContext, proposal: Proposal
) -> None:
    ctx.service.transition(proposal.id, ProposalStatus.WITHDRAWN, proposal.row_version)
    view.open_proposal(proposal.id)
    assert not view.page.edit_button.isEnabled()
    assert view.page.edit() is None
