"""The consent matrix model: Qt's model rules, and what each cell says and how it is coloured."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester

from models.clock import utc_now
from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.state import matrix
from models.consent.values import ArtistDecision, ConsentDraft, DecisionOutcome
from models.consent.words import Modality, Use
from models.parties.service import CounterpartyService
from models.storage.database import Database
from tests.ui.consent.conftest import artist_id
from ui.consent.labels import (
    ENDED_FILL,
    GIVEN_FILL,
    GIVEN_LATER_FILL,
    NONE_FILL,
    OPEN_FILL,
    REFUSED_FILL,
)
from ui.consent.matrix_model import MODALITIES, RECORD_ID_ROLE, STATUS_ROLE, ConsentMatrixModel


def model_for(db: Database, name: str, days_ago: float = 0) -> ConsentMatrixModel:
    model = ConsentMatrixModel()
    model.set_matrix(matrix(db, artist_id(db, name), utc_now() - timedelta(days=days_ago)))
    return model


def cell(model: ConsentMatrixModel, modality: Modality, column: int = 0) -> dict[str, object]:
    index = model.index(MODALITIES.index(modality), column)
    brush = model.data(index, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush)
    return {
        "text": model.data(index),
        "fill": brush.color().name(),
        "record": model.data(index, RECORD_ID_ROLE),
        "status": model.data(index, STATUS_ROLE),
    }


def test_model_passes_qt_model_tester_through_resets(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    model = ConsentMatrixModel()
    model.set_matrix(matrix(demo_db, artist_id(demo_db, "陈静怡"), utc_now()))
    qtmodeltester.check(model, force_py=True)  # and it keeps watching every reset below
    model.set_matrix(matrix(demo_db, artist_id(demo_db, "马骁"), utc_now()))
    model.set_matrix(matrix(demo_db, artist_id(demo_db, "曹安然"), utc_now()))  # no records
    assert model.rowCount() == 9 and model.columnCount() == 0
    model.set_matrix(None)
    assert model.rowCount() == 0


def test_rows_are_the_nine_modalities_and_columns_the_projects(demo_db: Database) -> None:
    model = model_for(demo_db, "陈静怡")
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows[0] == "Face likeness" and rows[-1] == "Model training" and len(rows) == 9
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "青禾影业 (Qinghe Pictures)\n归途 (Gui Tu)",
        "青禾影业 (Qinghe Pictures)\n雾港 (Wu Gang)",
    ]
    tooltip = model.headerData(2, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Voice / 声音"


@pytest.mark.parametrize(
    ("name", "modality", "text", "fill"),
    [
        ("陈静怡", Modality.VOICE, "Given", GIVEN_FILL),
        ("陈静怡", Modality.MODEL_TRAINING, "Not authorised", NONE_FILL),
        ("马骁", Modality.VOICE, "Revoked", REFUSED_FILL),
        ("黄诗雨", Modality.MODEL_TRAINING, "Refused", REFUSED_FILL),
        ("唐雪", Modality.FACE_LIKENESS, "Expired", ENDED_FILL),
        ("刘雨桐", Modality.DE_AGING, "Waiting for the artist", OPEN_FILL),
        ("Oliver Brandt", Modality.VOICE, "Requested", OPEN_FILL),
    ],
)
def test_each_status_has_its_words_and_colour(
    demo_db: Database, name: str, modality: Modality, text: str, fill: str
) -> None:
    got = cell(model_for(demo_db, name), modality)
    assert got["text"] == text
    assert got["fill"] == fill
    if text == "Not authorised":
        assert got["record"] is None and got["status"] == ""
    else:
        assert isinstance(got["record"], int)


def test_superseded_version_shows_grey_once_the_amendment_was_given(demo_db: Database) -> None:
    model = model_for(demo_db, "陈静怡")
    voice = cell(model, Modality.VOICE, 1)
    dubbing = cell(model, Modality.VOICE_TRANSLATION_DUBBING, 1)
    assert voice["record"] == dubbing["record"]  # the given version 2 covers both now
    # 105 days ago version 2 (adding dubbing) was still waiting for the artist.
    old = model_for(demo_db, "陈静怡", days_ago=105)
    assert cell(old, Modality.VOICE, 1)["text"] == "Given"
    assert cell(old, Modality.VOICE_TRANSLATION_DUBBING, 1)["fill"] == OPEN_FILL
    assert cell(old, Modality.VOICE, 1)["record"] != voice["record"]  # version 1 then


def test_revoked_cell_was_green_before_the_revocation(demo_db: Database) -> None:
    before = model_for(demo_db, "马骁", days_ago=100)
    after = model_for(demo_db, "马骁", days_ago=60)
    assert cell(before, Modality.DIGITAL_DOUBLE_CREATION)["fill"] == GIVEN_FILL
    assert cell(after, Modality.DIGITAL_DOUBLE_CREATION)["fill"] == REFUSED_FILL
    tip = after.data(after.index(MODALITIES.index(Modality.VOICE), 0), Qt.ItemDataRole.ToolTipRole)
    assert "Revoked: The artist withdrew" in tip


def test_given_consent_whose_term_has_not_started_says_from_when(demo_db: Database) -> None:
    artist = artist_id(demo_db, "林晓")
    party = CounterpartyService(demo_db).counterparties("Yunti")[0]
    start = utc_now().date() + timedelta(days=30)
    ConsentService(demo_db).record_signed(
        ConsentDraft(
            artist,
            party.id,
            modalities=(Modality.VOICE,),
            uses=(Use.THIS_PRODUCTION,),
            term_start=start,
            term_end=start + timedelta(days=90),
            compensation_amount=Decimal("1000"),
            compensation_currency="CNY",
        ),
        [EvidenceFile(b"signed", original_name="signed.pdf")],
        ArtistDecision(DecisionOutcome.GIVEN, "林晓", utc_now()),
    )
    model = model_for(demo_db, "林晓")
    column = next(
        c
        for c in range(model.columnCount())
        if "Yunti" in str(model.headerData(c, Qt.Orientation.Horizontal))
    )
    got = cell(model, Modality.VOICE, column)
    assert got["text"] == f"Given from {start.isoformat()}"
    assert got["fill"] == GIVEN_LATER_FILL
    assert "any project" in str(model.headerData(column, Qt.Orientation.Horizontal))
