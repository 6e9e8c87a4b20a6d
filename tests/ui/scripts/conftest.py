"""Scripts view fixtures: the shared sample scripts, a hand-made Chinese script, the view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.helpers import close_error_boxes, wait_for_tasks
from ui.scripts.analysis import ScriptAnalysis
from ui.scripts.view import ScriptsView
from ui.settings import Settings

REPO = Path(__file__).resolve().parents[3]
SAMPLES = REPO.parent / "shared" / "samples" / "scripts"

# A Chinese script in the layouts Chinese productions use: numbered and 第N场 headings,
# 林晓：line, an AI extension in full-width brackets, △ action. AI markers in an extension,
# in dialogue and in action; 数字很大 is a red herring ("the numbers are big").
CHINESE_SCRIPT = """剧名：替身

1. 内景 咖啡馆 日

△ 林晓坐在窗边，翻看合同，数字很大。

林晓：这份合同我还要再看看。

林晓（AI配音）：我们已经准备好了。

周明：导演说可以用声音克隆补几句台词。

△ 屏幕上出现林晓的数字替身。

第2场 外景 街道 夜

林晓：这不是我同意的。

周明：我去问问制片。
"""


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line containing `needle` (so tests never hard-code it)."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in the script")


@pytest.fixture
def chinese_script(tmp_path: Path) -> Path:
    path = tmp_path / "替身.txt"
    path.write_text(CHINESE_SCRIPT, encoding="utf-8")
    return path


@pytest.fixture
def brick() -> Path:
    path = SAMPLES / "Brick-and-Steel.fountain"
    if not path.exists():
        pytest.skip(f"shared sample scripts not found at {SAMPLES}")
    return path


@pytest.fixture
def view(qtbot: QtBot, settings: Settings) -> Iterator[ScriptsView]:
    widget = ScriptsView(settings)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    wait_for_tasks(qtbot)
    close_error_boxes()


def open_and_wait(qtbot: QtBot, view: ScriptsView, path: Path) -> ScriptAnalysis:
    with qtbot.waitSignal(view.opened, timeout=15_000) as blocker:
        view.open_file(path)
    wait_for_tasks(qtbot)
    analysis = blocker.args[0] if blocker.args else None
    assert isinstance(analysis, ScriptAnalysis)
    return analysis
