"""The leak table model: Qt's model contract, pre-confirmed exact matches, picking candidates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from models.leak import MatchStatus, NameMatcher, split_list
from models.leak.overview import artist_overviews
from tests.ui.statements.signing import artist_id
from ui.leak.model import Column, LeakTableModel
from ui.leak.view import overview_ids

LIST = "1. 林晓（主演）\n陈静宜\nKiki Wu、Zhou Mubia；张伟\n"


def make_model(db):
    matches = NameMatcher.from_database(db).match_entries(split_list(LIST))
    model = LeakTableModel(lambda ids: artist_overviews(db, ids))
    model.set_matches(matches, artist_overviews(db, overview_ids(matches)))
    return model


def cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_model_contract_and_what_each_row_says(qtmodeltester: ModelTester, demo_db):
    model = LeakTableModel()
    qtmodeltester.check(model, force_py=True)
    model = make_model(demo_db)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 5
    assert [cell(model, r, Column.MATCH) for r in range(5)] == [
        "Exact",
        "Sounds alike — pick or skip",
        "Stage name",
        "Near spelling — pick or skip",
        "Not on the roster",
    ]
    assert cell(model, 0, Column.ARTIST) == "林晓 (Lin Xiao)"
    assert cell(model, 0, Column.STANCE) == "Open to discuss (not consent)"
    assert cell(model, 0, Column.AUTHORISED) == "Face likeness"
    assert cell(model, 2, Column.AUTHORISED) == "Nothing authorised"
    assert cell(model, 1, Column.ARTIST) == "— pick one of 1 —"
    checked = Qt.ItemDataRole.CheckStateRole
    assert cell(model, 0, Column.CONFIRMED, checked) == Qt.CheckState.Checked
    assert cell(model, 3, Column.CONFIRMED, checked) is None  # a typo: offered, never chosen
    assert cell(model, 3, Column.ARTIST) == "— pick one of 1 —"
    assert cell(model, 4, Column.CONFIRMED, checked) is None
    assert cell(model, 3, Column.ARTIST, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.confirmed_ids() == [artist_id(demo_db, "林晓"), artist_id(demo_db, "吴思琪")]
    model.set_platform("  Platform   X ")
    assert cell(model, 0, Column.LISTED) == "Platform X"
    assert cell(model, 3, Column.LISTED) == ""  # not confirmed: not named as listed


def test_picking_confirming_and_the_listing_entries(qtmodeltester: ModelTester, demo_db):
    model = make_model(demo_db)
    qtmodeltester.check(model, force_py=True)
    chen = artist_id(demo_db, "陈静怡")
    assert not model.choose(1, artist_id(demo_db, "林晓"))  # not one of its candidates
    assert model.choose(1, chen)
    assert cell(model, 1, Column.ARTIST) == "陈静怡 (Chen Jingyi)"
    assert cell(model, 1, Column.MATCH) == "Picked by hand"
    assert not model.confirm(3)  # a near spelling is picked, not ticked
    assert model.choose(3, artist_id(demo_db, "周慕白"))
    assert not model.confirm(4)  # nobody to confirm
    assert model.confirm(0, False)
    ids = model.confirmed_ids()
    assert ids == [chen, artist_id(demo_db, "吴思琪"), artist_id(demo_db, "周慕白")]
    drafts = model.entry_drafts()
    assert [d.confirmed for d in drafts] == [False, True, True, True, False]
    assert drafts[1].match_status is MatchStatus.AMBIGUOUS and drafts[1].artist_id == chen
    assert drafts[4].artist_id is None and drafts[4].original.strip() == "张伟"
    assert model.choose(1, None)
    assert cell(model, 1, Column.MATCH) == "Not our artist" and chen not in model.confirmed_ids()
    counts = model.counts()
    assert counts["confirmed"] == 2 and counts["ambiguous"] == 2 and counts["not_found"] == 1
