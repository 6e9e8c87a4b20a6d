"""The proposal list: deadline colours, filters, the worst finding, and the model's contract."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from models.proposals.values import DeadlineState, ProposalStatus
from models.storage.database import Database
from tests.ui.helpers import select_row
from tests.ui.proposals.conftest import draft
from ui.proposals.context import ProposalContext
from ui.proposals.labels import AMBER_FILL, RED_FILL
from ui.proposals.list_model import Column, ProposalTableModel
from ui.proposals.view import LIST_PAGE, PROPOSAL_PAGE, ProposalsView


def fill(view: ProposalsView, proposal_id: int, column: Column) -> str | None:
    row = view.model.row_of(proposal_id)
    assert row is not None
    brush = view.model.data(view.model.index(row, column), Qt.ItemDataRole.BackgroundRole)
    return brush.color().name() if isinstance(brush, QBrush) else None


def text(view: ProposalsView, proposal_id: int, column: Column) -> str:
    row = view.model.row_of(proposal_id)
    assert row is not None
    return str(view.model.data(view.model.index(row, column)))


def test_the_model_passes_the_model_tester(
    qtmodeltester: ModelTester, ctx: ProposalContext, demo_db: Database
) -> None:
    ctx.service.create(draft(demo_db, respond_in=-1, received_ago=5))
    ctx.service.create(draft(demo_db, respond_in=None))
    model = ProposalTableModel()
    model.set_rows(ctx.service.list())
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)


def test_deadlines_are_red_when_overdue_or_due_soon_and_amber_within_a_week(
    view: ProposalsView, ctx: ProposalContext, demo_db: Database
) -> None:
    overdue = ctx.service.create(draft(demo_db, respond_in=-2, received_ago=9))
    soon = ctx.service.create(draft(demo_db, respond_in=2))
    upcoming = ctx.service.create(draft(demo_db, respond_in=6))
    later = ctx.service.create(draft(demo_db, respond_in=30))
    view.refresh()

    assert fill(view, overdue.id, Column.DEADLINE) == RED_FILL
    assert fill(view, soon.id, Column.DEADLINE) == RED_FILL
    assert fill(view, upcoming.id, Column.DEADLINE) == AMBER_FILL
    assert fill(view, later.id, Column.DEADLINE) is None
    assert "overdue by 2 days" in text(view, overdue.id, Column.DEADLINE)
    assert "in 6 days" in text(view, upcoming.id, Column.DEADLINE)
    # the most urgent first: whoever must be answered soonest is on top
    assert [r.id for r in view.model.rows] == [overdue.id, soon.id, upcoming.id, later.id]
    assert "2 to answer within 3 days" in view.summary


def test_open_only_and_status_filters(
    view: ProposalsView, ctx: ProposalContext, demo_db: Database
) -> None:
    kept = ctx.service.create(draft(demo_db))
    gone = ctx.service.create(draft(demo_db))
    ctx.service.transition(gone.id, ProposalStatus.WITHDRAWN, gone.row_version)
    view.refresh()
    assert [r.id for r in view.model.rows] == [kept.id]

    view.open_only.setChecked(False)
    assert {r.id for r in view.model.rows} == {kept.id, gone.id}
    withdrawn_row = view.model.row_of(gone.id)
    assert withdrawn_row is not None
    assert view.model.summary(withdrawn_row).deadline is DeadlineState.CLOSED  # type: ignore[union-attr]
    assert fill(view, gone.id, Column.DEADLINE) is None

    view.status_filter.setCurrentIndex(view.status_filter.findData("withdrawn"))
    assert [r.id for r in view.model.rows] == [gone.id]
    assert text(view, gone.id, Column.STATUS) == "Withdrawn"


def test_search_finds_by_pinyin_and_english(
    view: ProposalsView, ctx: ProposalContext, demo_db: Database
) -> None:
    p = ctx.service.create(draft(demo_db))
    view.refresh()
    for typed in ("xingmu", "Lin Xiao", "linxiao", "长夜"):
        view.search_edit.setText(typed)
        assert [r.id for r in view.model.rows] == [p.id], typed
    view.search_edit.setText("Northlight")
    assert view.model.rowCount() == 0
    assert view.empty_label.isVisibleTo(view)


def test_worst_finding_shows_after_a_check(
    view: ProposalsView, ctx: ProposalContext, demo_db: Database
) -> None:
    # model training asked for and no labelling plan: findings about the terms alone
    p = ctx.service.create(replace(draft(demo_db), model_training_requested=True))
    view.refresh()
    assert text(view, p.id, Column.WORST) == "not checked"
    run = ctx.service.run_check(p.id)
    assert run.worst_open is not None
    view.refresh()
    assert text(view, p.id, Column.WORST).startswith(run.worst_open.value)
    assert fill(view, p.id, Column.WORST) is not None


def test_enter_opens_the_proposal_and_back_returns(
    qtbot: QtBot, view: ProposalsView, proposal: object
) -> None:
    view.refresh()
    select_row(view.table, 0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.pages.currentIndex() == PROPOSAL_PAGE
    assert "长夜行 (Chang Ye Xing)" in view.page.title.text()
    view.back_action.trigger()
    assert view.pages.currentIndex() == LIST_PAGE
