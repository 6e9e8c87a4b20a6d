"""The register table model: Qt's model contract, out-of-date flags in words and red, filters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from models.statements.record import StatementStatus
from models.statements.register import StatementRegister
from reports.statements.service import StatementRequest, StatementService
from tests.ui.statements.conftest import revoke_first_given
from tests.ui.statements.signing import artist_id
from ui.statements.labels import RED, zoned_text
from ui.statements.model import Column, StatementTableModel
from ui.statements.view import load_register


def issue_three(db, identity, folder: Path):
    service = StatementService(db, identity)
    lin, chen = artist_id(db, "林晓"), artist_id(db, "陈静怡")
    first = service.export(StatementRequest(lin), folder)
    service.export(StatementRequest(chen, languages=("zh",)), folder)
    StatementRegister(db).withdraw(first.statement.id, "wrong letterhead")
    second = service.export(StatementRequest(lin), folder)
    return lin, chen, first, second


def text(model, row, column):
    return model.data(model.index(row, column))


def test_model_contract_and_out_of_date_flag(
    qtmodeltester: ModelTester, signing_db, identity, tmp_path
):
    lin, chen, first, second = issue_three(signing_db, identity, tmp_path)
    revoke_first_given(signing_db, lin)
    model = StatementTableModel()
    qtmodeltester.check(model, force_py=True)
    model.set_snapshot(load_register(StatementRegister(signing_db)))
    assert model.rowCount() == 3 and model.total == 3 and model.stale_count == 1
    row = model.row_of(second.statement.id)
    assert row is not None
    flag = text(model, row, Column.OUT_OF_DATE)
    assert flag.startswith("OUT OF DATE") and "Face likeness" in flag
    assert (
        model.data(model.index(row, Column.OUT_OF_DATE), Qt.ItemDataRole.ForegroundRole).color()
        == RED
    )
    assert text(model, row, Column.ARTIST) == "林晓 (Lin Xiao)"
    assert text(model, row, Column.STATUS) == "Current"
    assert text(model, row, Column.LANGUAGE) == "English + Chinese"
    assert text(model, row, Column.AS_OF) == zoned_text(second.statement.record["as_of"])
    assert "UTC" in text(model, row, Column.AS_OF)
    old = model.row_of(first.statement.id)
    assert text(model, old, Column.STATUS) == "Withdrawn"
    assert text(model, old, Column.OUT_OF_DATE) == ""
    chen_row = model.row_of(next(s.id for s in StatementRegister(signing_db).statements(chen)))
    assert text(model, chen_row, Column.OUT_OF_DATE) == "Up to date"
    assert text(model, chen_row, Column.LANGUAGE) == "Chinese"
    qtmodeltester.check(model, force_py=True)


def test_filters_by_artist_in_any_script_status_and_staleness(signing_db, identity, tmp_path):
    lin, _chen, first, second = issue_three(signing_db, identity, tmp_path)
    revoke_first_given(signing_db, lin)
    model = StatementTableModel()
    model.set_snapshot(load_register(StatementRegister(signing_db)))
    model.set_filters(artist="linxiao")
    assert {model.statement(r).id for r in range(model.rowCount())} == {
        first.statement.id,
        second.statement.id,
    }
    model.set_filters(artist="陈")
    assert model.rowCount() == 1
    model.set_filters(artist="", status=StatementStatus.REVOKED)
    assert [model.statement(0).id] == [first.statement.id] and model.rowCount() == 1
    model.set_filters(status=None, only_out_of_date=True)
    assert model.rowCount() == 1 and model.statement(0).id == second.statement.id
    model.set_filters(only_out_of_date=False)
    model.sort(Column.ARTIST, Qt.SortOrder.AscendingOrder)
    names = [text(model, r, Column.ARTIST) for r in range(model.rowCount())]
    assert names == ["陈静怡 (Chen Jingyi)", "林晓 (Lin Xiao)", "林晓 (Lin Xiao)"]
