"""Choosing the AI markers file: the open script is checked again; a bad list is explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import error_boxes, wait_for_tasks
from tests.ui.scripts.conftest import open_and_wait
from ui.scripts.tables import UseColumn
from ui.scripts.view import ScriptsView
from ui.settings import SCRIPT_MARKERS_FILE, Settings

SCRIPT = """Title: Second Take

INT. STUDIO - DAY

NORA stands in front of the light stage. A hologram of her flickers beside her.

NORA (AI VOICE)
They made a digital double of me.

SAM
Only for the wide shots.
"""


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "second-take.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


@pytest.fixture
def own_markers(tmp_path: Path) -> Path:
    path = tmp_path / "our-markers.json"
    path.write_text(
        json.dumps({"phrases": [{"text": "hologram", "kind": "likeness"}]}), encoding="utf-8"
    )
    return path


def texts(view: ScriptsView) -> list[str]:
    m = view.uses
    return [str(m.data(m.index(r, UseColumn.TEXT))) for r in range(m.rowCount())]


def test_own_markers_file_re_checks_the_open_script_and_is_remembered(
    qtbot: QtBot, view: ScriptsView, script: Path, own_markers: Path, settings: Settings
) -> None:
    open_and_wait(qtbot, view, script)
    assert texts(view) == ["AI VOICE", "digital double"]
    assert "AI markers: shipped list" in view.panes.details_label.text()
    assert not view.shipped_markers_action.isEnabled()

    with qtbot.waitSignal(view.opened, timeout=15_000):
        view.use_markers_file(str(own_markers))
    assert texts(view) == ["hologram"]
    assert settings.get(SCRIPT_MARKERS_FILE) == str(own_markers)
    assert "AI markers: our-markers.json" in view.panes.details_label.text()
    assert view.shipped_markers_action.isEnabled()

    with qtbot.waitSignal(view.opened, timeout=15_000):
        view.shipped_markers_action.trigger()
    assert texts(view) == ["AI VOICE", "digital double"]
    assert settings.get(SCRIPT_MARKERS_FILE) == ""


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "not valid JSON at line 1"),
        ('{"phrases": [{"text": "hologram", "kind": "magic"}]}', "kind must be one of"),
        ('{"extensions": [], "phrases": []}', "no extensions and no phrases"),
    ],
)
def test_a_bad_markers_file_is_explained_and_changes_nothing(
    qtbot: QtBot,
    view: ScriptsView,
    script: Path,
    settings: Settings,
    tmp_path: Path,
    content: str,
    says: str,
) -> None:
    before = open_and_wait(qtbot, view, script)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    view.use_markers_file(str(bad))
    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=15_000)
    (box,) = error_boxes()
    assert "bad.json" in box.text() and says in box.text()
    box.done(0)
    wait_for_tasks(qtbot)
    assert settings.get(SCRIPT_MARKERS_FILE) == ""
    assert view.analysis is before


def test_markers_can_be_chosen_before_any_script_is_open(
    qtbot: QtBot, view: ScriptsView, script: Path, own_markers: Path, settings: Settings
) -> None:
    view.use_markers_file(str(own_markers))
    wait_for_tasks(qtbot)
    assert settings.get(SCRIPT_MARKERS_FILE) == str(own_markers)
    open_and_wait(qtbot, view, script)
    assert texts(view) == ["hologram"]

    view.use_markers_file(str(own_markers.with_name("gone.json")))
    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=15_000)
    assert "does not exist" in error_boxes()[0].text()
    assert settings.get(SCRIPT_MARKERS_FILE) == str(own_markers)


def test_a_remembered_markers_file_that_has_gone_is_explained_when_opening(
    qtbot: QtBot, view: ScriptsView, script: Path, own_markers: Path, settings: Settings
) -> None:
    settings.set(SCRIPT_MARKERS_FILE, str(own_markers))
    own_markers.unlink()
    view.open_file(script)
    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=15_000)
    assert "our-markers.json" in error_boxes()[0].text()
    assert view.analysis is None and view.summary == "No script open"


def test_use_markers_file_menu_item_asks_for_a_json_file(
    qtbot: QtBot,
    view: ScriptsView,
    own_markers: Path,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def choose(parent: QWidget, caption: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(own_markers), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    view.markers_action.trigger()
    wait_for_tasks(qtbot)
    assert "*.json" in asked[0]
    assert settings.get(SCRIPT_MARKERS_FILE) == str(own_markers)
