"""The proposal page's workflow: only allowed steps offered, each undoable; decisions and
advice kept apart; accepting offers the matching consent records."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from models.consent.service import ConsentService
from models.consent.words import ConsentStatus, Modality
from models.proposals.values import ArtistAnswer, Proposal, ProposalStatus
from models.storage.database import Database
from tests.ui.helpers import close_error_boxes, error_boxes
from tests.ui.proposals.conftest import artist_id
from ui.proposals.accept import AcceptDialog
from ui.proposals.context import ProposalContext
from ui.proposals.decisions import DecisionDialog
from ui.proposals.view import ProposalsView

P = ProposalStatus


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def buttons(view: ProposalsView) -> set[ProposalStatus]:
    return set(view.page.transition_buttons)


def record(qtbot: QtBot, view: ProposalsView, advice: bool, choice: str) -> DecisionDialog:
    dialog = view.page.decisions.ask(advice=advice)
    assert dialog is not None
    dialog.choice.setCurrentIndex(dialog.choice.findData(choice))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog


def test_only_allowed_steps_are_offered_and_a_step_can_be_undone(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, proposal: Proposal
) -> None:
    view.open_proposal(proposal.id)
    assert buttons(view) == {P.UNDER_REVIEW, P.WITHDRAWN}
    qtbot.mouseClick(view.page.transition_buttons[P.UNDER_REVIEW], Qt.MouseButton.LeftButton)
    assert ctx.service.get(proposal.id).status is P.UNDER_REVIEW
    assert buttons(view) == {P.WITH_ARTIST, P.DECLINED, P.WITHDRAWN}
    assert view.page.status_badge.text() == "Under review"

    ctx.undo_stack.undo()
    assert ctx.service.get(proposal.id).status is P.RECEIVED
    assert buttons(view) == {P.UNDER_REVIEW, P.WITHDRAWN}
    ctx.undo_stack.redo()
    assert ctx.service.get(proposal.id).status is P.UNDER_REVIEW


def test_answering_needs_the_artists_own_decision(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, proposal: Proposal
) -> None:
    view.open_proposal(proposal.id)
    view.page.move_to(P.UNDER_REVIEW)
    view.page.move_to(P.WITH_ARTIST)
    record(qtbot, view, advice=True, choice="recommend")  # advice is not a decision
    assert view.page.move_to(P.DECLINED) is False
    assert error_boxes() and "decision" in error_boxes()[0].text()
    close_error_boxes()
    assert ctx.service.get(proposal.id).status is P.WITH_ARTIST


def test_decision_and_advice_are_recorded_apart_with_who_and_when(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, proposal: Proposal, demo_db: Database
) -> None:
    view.open_proposal(proposal.id)
    lin = artist_id(demo_db, "林晓")
    record(qtbot, view, advice=True, choice="advise_against")
    record(qtbot, view, advice=False, choice="accept")
    entry = ctx.service.get(proposal.id).artist(lin)
    assert entry is not None and entry.recommendation is not None and entry.decision is not None
    assert entry.recommendation.recommended_by == "tester"
    assert entry.decision.decided_by == "林晓 (Lin Xiao)"
    assert entry.decision.answer is ArtistAnswer.ACCEPT
    table = view.page.decisions.table
    assert "Advise against — tester" in cell(table, 0, 2)
    assert "Accepts — 林晓 (Lin Xiao)" in cell(table, 0, 3)

    ctx.undo_stack.undo()  # the decision goes, the advice stays
    entry = ctx.service.get(proposal.id).artist(lin)
    assert entry is not None and entry.decision is None and entry.recommendation is not None
    assert cell(table, 0, 3) == "not decided yet"
    ctx.undo_stack.redo()
    view.page.decisions.clear_decision_button.click()
    assert ctx.service.get(proposal.id).artist(lin).decision is None  # type: ignore[union-attr]
    ctx.undo_stack.undo()
    assert ctx.service.get(proposal.id).artist(lin).decision is not None  # type: ignore[union-attr]


def test_accepting_offers_the_matching_consent_record(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, proposal: Proposal, demo_db: Database
) -> None:
    view.open_proposal(proposal.id)
    view.page.move_to(P.UNDER_REVIEW)
    view.page.move_to(P.WITH_ARTIST)
    record(qtbot, view, advice=False, choice="accept")
    assert P.ACCEPTED in buttons(view)
    dialog = view.page.move_to(P.ACCEPTED)
    assert isinstance(dialog, AcceptDialog)
    lin = artist_id(demo_db, "林晓")
    assert set(dialog.drafts) == {lin}
    listing = dialog.listing.toPlainText()
    assert "林晓 (Lin Xiao)" in listing and "Face likeness" in listing
    assert dialog.create_check.isChecked()
    assert "cannot be undone" in dialog.effect.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    p = ctx.service.get(proposal.id)
    assert p.status is P.ACCEPTED
    record_id = p.artists[0].consent_record_id
    assert record_id is not None
    created = ConsentService(demo_db).get(record_id)
    assert created.status is ConsentStatus.PENDING_ARTIST
    assert Modality.FACE_LIKENESS in created.modalities
    assert cell(view.page.decisions.table, 0, 4) == f"#{record_id}"
    assert buttons(view) == {P.RECEIVED}  # only the disabled "Closed" marker
    assert not view.page.transition_buttons[P.RECEIVED].isEnabled()
    assert ctx.undo_stack.count() == 3  # the acceptance that made a record is not on the stack


def test_accepting_without_records_can_be_undone(
    qtbot: QtBot, view: ProposalsView, ctx: ProposalContext, proposal: Proposal
) -> None:
    view.open_proposal(proposal.id)
    view.page.move_to(P.UNDER_REVIEW)
    view.page.move_to(P.WITH_ARTIST)
    record(qtbot, view, advice=False, choice="accept")
    dialog = view.page.move_to(P.ACCEPTED)
    assert isinstance(dialog, AcceptDialog)
    dialog.create_check.setChecked(False)
    assert "Edit → Undo" in dialog.effect.text()
    dialog.buttons.accepted.emit()
    assert ctx.service.get(proposal.id).status is P.ACCEPTED
    assert ctx.service.get(proposal.id).artists[0].consent_record_id is None
    ctx.undo_stack.undo()
    assert ctx.service.get(proposal.id).status is P.WITH_ARTIST


def test_only_the_latest_step_goes_back_and_an_older_undo_says_why(
    view: ProposalsView, ctx: ProposalContext, proposal: Proposal
) -> None:
    view.open_proposal(proposal.id)
    view.page.move_to(P.UNDER_REVIEW)
    view.page.move_to(P.WITH_ARTIST)
    ctx.undo_stack.undo()
    assert ctx.service.get(proposal.id).status is P.UNDER_REVIEW
    ctx.undo_stack.undo()  # the service keeps one step of history: explained, not guessed
    assert error_boxes() and "no earlier status" in error_boxes()[0].text()
    close_error_boxes()
    assert ctx.service.get(proposal.id).status is P.UNDER_REVIEW
    assert view.page.status_badge.text() == "Under review"
