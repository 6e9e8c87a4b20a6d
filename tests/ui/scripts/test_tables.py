"""The breakdown's item models: Qt's model contract, and what the cells and tooltips say."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from models.scripts import read_bytes, read_script
from models.scripts.ai_markers import detect_ai_uses
from tests.ui.scripts.conftest import CHINESE_SCRIPT, line_of
from ui.scripts.analysis import ScriptAnalysis, build_analysis
from ui.scripts.tables import (
    COLUMN_ROLE,
    LINE_ROLE,
    AiUseTableModel,
    CharacterTableModel,
    SceneColumn,
    SceneTableModel,
    UseColumn,
)


def chinese() -> ScriptAnalysis:
    doc = read_bytes(CHINESE_SCRIPT.encode("utf-8"), "替身.txt")
    return build_analysis(Path("替身.txt"), doc, detect_ai_uses(doc))


@pytest.mark.parametrize("make", [SceneTableModel, CharacterTableModel, AiUseTableModel])
def test_models_pass_qt_model_tester_through_open_and_switch(
    qtmodeltester: ModelTester,
    brick: Path,
    make: type[SceneTableModel | CharacterTableModel | AiUseTableModel],
) -> None:
    doc = read_script(brick)
    english = build_analysis(brick, doc, detect_ai_uses(doc))
    model = make()
    qtmodeltester.check(model, force_py=True)  # empty: no script yet
    model.set_analysis(chinese())
    assert model.rowCount() > 0
    model.set_analysis(english)
    model.set_analysis(None)
    assert model.rowCount() == 0
    model.set_analysis(chinese())
    qtmodeltester.check(model, force_py=True)


def test_rows_carry_the_line_they_point_at() -> None:
    analysis = chinese()
    scenes, uses = SceneTableModel(), AiUseTableModel()
    scenes.set_analysis(analysis)
    uses.set_analysis(analysis)
    assert [scenes.line_at(r) for r in range(2)] == [
        line_of(CHINESE_SCRIPT, "1. 内景"),
        line_of(CHINESE_SCRIPT, "第2场"),
    ]
    row = 2
    line = uses.data(uses.index(row, 0), LINE_ROLE)
    column = uses.data(uses.index(row, 0), COLUMN_ROLE)
    shown = CHINESE_SCRIPT.splitlines()[line - 1]
    assert shown[column:].startswith("数字替身")


def test_tooltips_say_where_and_what() -> None:
    analysis = chinese()
    uses, scenes = AiUseTableModel(), SceneTableModel()
    uses.set_analysis(analysis)
    scenes.set_analysis(analysis)
    tip = uses.data(uses.index(0, UseColumn.TEXT), Qt.ItemDataRole.ToolTipRole)
    line = line_of(CHINESE_SCRIPT, "林晓（AI配音）")
    assert tip.startswith(f"Line {line}: Voice (林晓), found in Character extension")
    assert "Marker: AI配音" in tip
    assert uses.data(uses.index(0, UseColumn.KIND), Qt.ItemDataRole.DecorationRole) is not None
    scene_tip = scenes.data(scenes.index(0, SceneColumn.HEADING), Qt.ItemDataRole.ToolTipRole)
    assert scene_tip == "内景 咖啡馆 日\nLine 3 · 3 AI uses"
    assert uses.headerData(0, Qt.Orientation.Vertical) is None
    assert uses.data(uses.index(99, 0)) is None
