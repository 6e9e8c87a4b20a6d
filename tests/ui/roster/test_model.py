"""The roster table model: Qt's model contract, lazy paging, sorting and what cells say."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from models.roster.artist import Artist, ArtistDraft, Stance
from models.roster.service import RosterService, SortColumn
from models.storage.database import Database
from ui.roster.model import ARTIST_ID_ROLE, ArtistTableModel, Column


def _display(model: ArtistTableModel, row: int, column: Column) -> str:
    return str(model.data(model.index(row, column)))


def test_model_passes_qt_model_tester_on_demo_roster(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    model = ArtistTableModel(RosterService(demo_db))
    model.load()
    assert model.rowCount() == 30
    qtmodeltester.check(model, force_py=True)


def test_model_passes_qt_model_tester_when_empty_and_after_search(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    model = ArtistTableModel(RosterService(demo_db))
    qtmodeltester.check(model, force_py=True)  # never loaded; the tester keeps watching
    model.load(query="林")
    assert model.rowCount() == 2
    model.sort(Column.STANCE, Qt.SortOrder.DescendingOrder)
    model.load(query="no such artist anywhere")
    assert model.rowCount() == 0
    model.load(query="", include_archived=True)
    assert model.rowCount() == 30


def test_rows_are_fetched_lazily_in_pages(db: Database) -> None:
    roster = RosterService(db)
    roster.add_many(ArtistDraft(f"Artist {i:04d}") for i in range(450))
    fetched: list[int] = []
    original = roster.get_many

    def spy(ids: list[int]) -> dict[int, Artist]:
        fetched.append(len(ids))
        return original(ids)

    roster.get_many = spy  # type: ignore[method-assign]
    model = ArtistTableModel(roster)
    model.load()
    assert model.rowCount() == 450
    assert model.cached_count == 0 and fetched == []  # ids only, no rows yet

    assert _display(model, 310, Column.NATIVE) == "Artist 0310"
    assert fetched == [ArtistTableModel.PAGE]  # one page around row 310
    assert _display(model, 399, Column.NATIVE) == "Artist 0399"
    assert _display(model, 399, Column.ROMANIZED) == ""  # a Western name is shown once
    assert fetched == [ArtistTableModel.PAGE]  # same page: served from the cache
    model.data(model.index(0, 0))
    assert fetched == [ArtistTableModel.PAGE, ArtistTableModel.PAGE]


def test_model_holds_frozen_records_not_orm_objects(demo_db: Database) -> None:
    model = ArtistTableModel(RosterService(demo_db))
    model.load()
    artist = model.artist_at(0)
    assert type(artist) is Artist
    with pytest.raises(AttributeError):
        artist.native_name = "changed"


def test_artist_id_role_and_row_lookup(demo_db: Database) -> None:
    roster = RosterService(demo_db)
    model = ArtistTableModel(roster)
    model.load()
    lin = roster.search("林晓")[0]
    row = model.row_of(lin.id)
    assert row is not None
    assert model.data(model.index(row, 0), ARTIST_ID_ROLE) == lin.id
    assert _display(model, row, Column.NATIVE) == "林晓"


@pytest.mark.parametrize(
    ("column", "order", "expected_first"),
    [
        (Column.ROMANIZED, Qt.SortOrder.AscendingOrder, "Cao Anran"),
        (Column.ROMANIZED, Qt.SortOrder.DescendingOrder, "Zhou Mubai"),
        (Column.AGE, Qt.SortOrder.AscendingOrder, "Chloe Fairweather"),  # youngest first
        (Column.AGE, Qt.SortOrder.DescendingOrder, "Zhou Mubai"),  # born 1931
    ],
)
def test_sorting_by_header_uses_the_service_order(
    demo_db: Database, column: Column, order: Qt.SortOrder, expected_first: str
) -> None:
    model = ArtistTableModel(RosterService(demo_db))
    model.sort(column, order)
    shown = _display(model, 0, Column.ROMANIZED) or _display(model, 0, Column.NATIVE)
    assert shown == expected_first
    assert model.sort_column is {Column.ROMANIZED: SortColumn.ROMANIZED}.get(column, SortColumn.AGE)


def test_cells_read_as_a_person_expects(db: Database) -> None:
    roster = RosterService(db)
    today = date.today()
    roster.add_many(
        [
            ArtistDraft("林晓", ai_stance=Stance.OPEN_TO_DISCUSS, jurisdiction="cn"),
            ArtistDraft("Kid Star", date_of_birth=date(today.year - 15, 1, 1)),
            ArtistDraft("周慕白", date_of_birth=date(1931, 4, 18), deceased_on=date(2019, 8, 2)),
        ]
    )
    archived = roster.add(ArtistDraft("Old Hand", ai_stance=Stance.DECLINED))
    roster.set_archived(archived.id, True)
    model = ArtistTableModel(roster)
    model.load(include_archived=True, sort=SortColumn.ROMANIZED)
    rows = {
        _display(model, r, Column.ROMANIZED) or _display(model, r, Column.NATIVE): r
        for r in range(model.rowCount())
    }

    lin = rows["Lin Xiao"]
    assert _display(model, lin, Column.STANCE) == "Open to discuss (not consent)"
    assert _display(model, lin, Column.JURISDICTION) == "CN"
    assert model.data(model.index(lin, Column.STANCE), Qt.ItemDataRole.DecorationRole) is not None
    assert "not consent" in str(
        model.data(model.index(lin, Column.STANCE), Qt.ItemDataRole.ToolTipRole)
    )
    assert _display(model, lin, Column.AGE) == ""
    kid = rows["Kid Star"]
    assert _display(model, kid, Column.AGE) in ("15 · minor", "14 · minor")
    assert model.data(model.index(kid, Column.AGE), Qt.ItemDataRole.FontRole).bold()
    assert _display(model, rows["Zhou Mubai"], Column.AGE) == "deceased (aged 88)"
    old = rows["Old Hand"]
    assert _display(model, old, Column.STATUS) == "Archived"
    assert _display(model, lin, Column.STATUS) == "Active"
    assert model.data(model.index(old, 0), Qt.ItemDataRole.ForegroundRole) is not None


def test_forget_refetches_a_changed_row(demo_db: Database) -> None:
    roster = RosterService(demo_db)
    model = ArtistTableModel(roster)
    model.load()
    lin = roster.search("林晓")[0]
    row = model.row_of(lin.id)
    assert row is not None
    assert _display(model, row, Column.STANCE) == "Open to discuss (not consent)"
    roster.set_stance(lin.id, Stance.DECLINED)
    assert _display(model, row, Column.STANCE) == "Open to discuss (not consent)"  # cached
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    model.forget([lin.id])
    assert changed == [row]
    assert _display(model, row, Column.STANCE) == "Declined all AI use"


def test_no_children_and_no_vertical_headers(demo_db: Database) -> None:
    model = ArtistTableModel(RosterService(demo_db))
    model.load()
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Native name"
    assert model.data(QModelIndex()) is None
