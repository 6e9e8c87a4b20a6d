"""The Scripts screen lists the reader's warnings in the interface language, line prefix too."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.scripts.conftest import open_and_wait
from tests.ui.test_i18n import chinese
from ui.scripts.panes import WARNINGS_TAB
from ui.scripts.view import ScriptsView
from ui.settings import Settings

__all__ = ["chinese"]  # the interface in zh_CN for the Chinese test

# A dual-dialogue cue (^) with no dialogue before it to pair with, and a heading run into its
# action: two warnings, in reading order of the builder.
SCRIPT = "INT. STUDIO - DAY\nLights come up.\n\nLIN XIAO ^\nWe are ready.\n"


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    path = tmp_path / "warned.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def _listed(view: ScriptsView) -> list[str]:
    return [view.warning_list.item(i).text() for i in range(view.warning_list.count())]


def _open(qtbot: QtBot, settings: Settings, path: Path) -> ScriptsView:
    view = ScriptsView(settings)  # made after the language is installed, as the app does
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    qtbot.waitExposed(view)
    analysis = open_and_wait(qtbot, view, path)
    view.tabs.setCurrentIndex(WARNINGS_TAB)
    # The document's messages stay the English sentences (the CLI and its JSON use them).
    assert [str(w.message) for w in analysis.document.warnings] == [
        "scene heading has no blank line after it",
        "dual dialogue 'LIN XIAO' has no dialogue block just before it",
    ]
    return view


def test_warnings_are_listed_in_english(qtbot: QtBot, settings: Settings, warned: Path) -> None:
    view = _open(qtbot, settings, warned)
    assert _listed(view) == [
        "Line 1: scene heading has no blank line after it",
        "Line 4: dual dialogue 'LIN XIAO' has no dialogue block just before it",
    ]
    assert view.tabs.tabText(WARNINGS_TAB) == "Reader &warnings (2)"


def test_warnings_are_listed_in_chinese(
    qtbot: QtBot, chinese: None, settings: Settings, warned: Path
) -> None:
    view = _open(qtbot, settings, warned)
    assert _listed(view) == [
        "第 1 行：场景标题后面没有空行",
        "第 4 行：“LIN XIAO”标为同时说的对白，但紧挨在它前面没有另一段对白",
    ]
    assert view.tabs.tabText(WARNINGS_TAB).startswith("读取警告（2）")
