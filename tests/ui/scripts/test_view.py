"""The Scripts view: open a script, see its breakdown, walk to scenes and AI uses, drop files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from models.scripts import AiKind
from tests.ui.helpers import error_boxes
from tests.ui.scripts.conftest import CHINESE_SCRIPT, SAMPLES, line_of, open_and_wait
from ui.scripts.labels import kind_colour
from ui.scripts.tables import CharacterColumn, SceneColumn, UseColumn
from ui.scripts.view import ScriptsView
from ui.settings import SCRIPTS_LAYOUT, Settings

# PySide marks QDragEnterEvent's only (QPoint) constructor deprecated; Qt itself does not.
pytestmark = pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")


def column(table: QTableView, col: int) -> list[str]:
    model = table.model()
    return [str(model.data(model.index(r, col))) for r in range(model.rowCount())]


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_before_a_script_is_open_the_view_says_how_to_open_one(view: ScriptsView) -> None:
    assert view.pages.currentIndex() == 0
    assert "Ctrl+O" in view.empty_label.text()
    assert view.summary == "No script open"
    assert not view.next_action.isEnabled()


def test_brick_and_steel_shows_its_scenes_characters_and_pages(
    qtbot: QtBot, view: ScriptsView, brick: Path
) -> None:
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))[brick.name]
    summaries: list[str] = []
    view.summary_changed.connect(summaries.append)
    analysis = open_and_wait(qtbot, view, brick)

    assert view.scenes.rowCount() == expected["scenes"]
    assert sorted(column(view.character_table, CharacterColumn.NAME)) == expected["speakers"]
    blocks = [int(b) for b in column(view.character_table, CharacterColumn.DIALOGUE)]
    assert sum(blocks) == expected["dialogue_blocks"]
    assert column(view.scene_table, SceneColumn.HEADING)[0] == "EXT. BRICK'S PATIO - DAY"
    assert view.uses.rowCount() == 0
    assert (
        summaries[-1]
        == view.summary
        == (f"{expected['scenes']} scenes · {len(expected['speakers'])} characters · 0 AI uses")
    )
    assert view.panes.title_label.text() == analysis.document.title
    details = view.panes.details_label.text()
    assert "Fountain" in details and "pages" in details and brick.name in details
    # One block per source line: the text shows the file's own line numbering.
    source = brick.read_text(encoding="utf-8").splitlines()
    assert view.text.line_count() == len(source)
    first_heading = analysis.document.scenes[0]
    assert view.text.line_text(first_heading.line) == source[first_heading.line - 1]
    assert view.panes.no_uses_label.isVisible()


def test_chinese_script_shows_scenes_characters_and_ai_uses(
    qtbot: QtBot, view: ScriptsView, chinese_script: Path
) -> None:
    open_and_wait(qtbot, view, chinese_script)

    assert column(view.scene_table, SceneColumn.NUMBER) == ["1", "2"]
    assert column(view.scene_table, SceneColumn.HEADING) == ["内景 咖啡馆 日", "外景 街道 夜"]
    assert column(view.scene_table, SceneColumn.AI) == ["3", ""]
    assert column(view.character_table, CharacterColumn.NAME) == ["林晓", "周明"]
    assert column(view.character_table, CharacterColumn.DIALOGUE) == ["3", "2"]
    assert column(view.character_table, CharacterColumn.SCENES) == ["1, 2", "1, 2"]
    assert column(view.use_table, UseColumn.LINE) == [
        str(line_of(CHINESE_SCRIPT, "林晓（AI配音）")),
        str(line_of(CHINESE_SCRIPT, "声音克隆")),
        str(line_of(CHINESE_SCRIPT, "数字替身。")),
    ]
    assert column(view.use_table, UseColumn.CHARACTER) == ["林晓", "周明", "林晓"]
    assert column(view.use_table, UseColumn.KIND) == ["Voice", "Voice", "Digital double"]
    assert column(view.use_table, UseColumn.SOURCE) == [
        "Character extension",
        "Dialogue",
        "Action",
    ]
    assert column(view.use_table, UseColumn.TEXT) == ["AI配音", "声音克隆", "数字替身"]
    assert view.summary == "2 scenes · 2 characters · 3 AI uses"
    assert view.tabs.tabText(0) == "&AI use (3)"
    assert view.panes.title_label.text() == "替身"
    assert "Plain text" in view.panes.details_label.text()
    assert not view.panes.no_uses_label.isVisible()


def test_clicking_a_scene_character_or_ai_use_moves_the_text_there(
    qtbot: QtBot, view: ScriptsView, chinese_script: Path
) -> None:
    open_and_wait(qtbot, view, chinese_script)
    second_scene = line_of(CHINESE_SCRIPT, "第2场")
    click_row(qtbot, view.scene_table, 1)
    assert view.text.current_line() == second_scene
    assert view.text.textCursor().block().text().startswith("第2场")

    click_row(qtbot, view.character_table, 1)  # 周明 first speaks here
    assert view.text.current_line() == line_of(CHINESE_SCRIPT, "周明：")

    click_row(qtbot, view.use_table, 2)
    hit = line_of(CHINESE_SCRIPT, "数字替身。")
    assert view.text.current_line() == hit
    shown = view.text.line_text(hit)
    assert shown[view.text.current_column() :].startswith("数字替身")

    click_row(qtbot, view.scene_table, 0)  # keyboard and mouse both work: back up with ↑
    view.scene_table.setFocus()
    qtbot.keyClick(view.scene_table, Qt.Key.Key_Down)
    assert view.text.current_line() == second_scene


def _pixels(view: ScriptsView, line: int, colour: QColor) -> int:
    """How many pixels of `colour` the text shows on `line`."""
    text = view.text
    image = text.viewport().grab().toImage()
    block = text.document().findBlockByNumber(line - 1)
    rect = text.blockBoundingGeometry(block).translated(text.contentOffset()).toRect()
    count = 0
    for y in range(max(0, rect.top()), min(image.height(), rect.bottom())):
        for x in range(0, image.width(), 2):
            if QColor(image.pixel(x, y)) == colour:
                count += 1
    return count


def test_ai_uses_are_highlighted_in_their_kind_colour_on_their_lines_only(
    qtbot: QtBot, view: ScriptsView, chinese_script: Path
) -> None:
    open_and_wait(qtbot, view, chinese_script)
    voice = kind_colour(AiKind.VOICE)
    double = kind_colour(AiKind.DIGITAL_DOUBLE)
    clone = line_of(CHINESE_SCRIPT, "声音克隆")
    action = line_of(CHINESE_SCRIPT, "数字替身。")
    herring = line_of(CHINESE_SCRIPT, "数字很大")
    assert set(view.text.spans) == {line_of(CHINESE_SCRIPT, "林晓（AI配音）"), clone, action}
    assert _pixels(view, clone, voice) > 50
    assert _pixels(view, action, double) > 50
    assert _pixels(view, action, voice) == 0
    assert _pixels(view, herring, voice) == _pixels(view, herring, double) == 0
    # Only the marker's words are painted, not the whole line.
    block = view.text.document().findBlockByNumber(clone - 1)
    geometry = view.text.blockBoundingGeometry(block).translated(view.text.contentOffset())
    (span,) = view.text.spans[clone]
    (rect,) = view.text.span_rects(block, geometry, span)
    assert 0 < rect.width() < geometry.width() / 2


def test_f3_and_shift_f3_walk_through_the_ai_uses(
    qtbot: QtBot, view: ScriptsView, chinese_script: Path
) -> None:
    open_and_wait(qtbot, view, chinese_script)
    hits = [
        line_of(CHINESE_SCRIPT, "林晓（AI配音）"),
        line_of(CHINESE_SCRIPT, "声音克隆"),
        line_of(CHINESE_SCRIPT, "数字替身。"),
    ]
    messages: list[str] = []
    view.message.connect(messages.append)
    view.activateWindow()
    view.text.setFocus()
    visited = []
    for _ in range(3):
        qtbot.keyClick(view.text, Qt.Key.Key_F3)
        visited.append(view.text.current_line())
    assert visited == hits
    assert view.use_table.currentIndex().row() == 2
    qtbot.keyClick(view.text, Qt.Key.Key_F3)
    assert view.text.current_line() == hits[0]
    assert messages[-1] == "Back to the first AI use."
    qtbot.keyClick(view.text, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.text.current_line() == hits[2]
    qtbot.keyClick(view.text, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.text.current_line() == hits[1]
    # From a place in the text, F3 goes to the next use below it.
    view.text.jump_to(line_of(CHINESE_SCRIPT, "周明：导演"), 0)
    view.use_table.clearSelection()
    assert view.next_ai_use() is not None
    assert view.text.current_line() == hits[1]


def _drop(view: ScriptsView, paths: list[Path]) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPoint(view.width() // 2, view.height() // 2)
    enter = QDragEnterEvent(
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(view, enter)
    drop = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(view, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_script_file_opens_it(
    qtbot: QtBot, view: ScriptsView, chinese_script: Path
) -> None:
    with qtbot.waitSignal(view.opened, timeout=15_000):
        assert _drop(view, [chinese_script]) == (True, True)
    assert view.summary == "2 scenes · 2 characters · 3 AI uses"

    text_only = QMimeData()
    text_only.setText("林晓：台词")
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        text_only,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(view, enter)
    assert not enter.isAccepted()  # only files are taken


def test_dropping_on_the_script_text_opens_the_file_too(
    qtbot: QtBot, view: ScriptsView, chinese_script: Path, brick: Path
) -> None:
    open_and_wait(qtbot, view, chinese_script)
    # Qt hands a drop to the widget under the pointer or its nearest parent accepting drops;
    # over the script text (or any list) that must be the view, not the text editor.
    for widget in (view.text.viewport(), view.scene_table.viewport(), view.use_table.viewport()):
        target: QWidget | None = widget
        while target is not None and not target.acceptDrops():
            target = target.parentWidget()
        assert target is view
    messages: list[str] = []
    view.message.connect(messages.append)
    with qtbot.waitSignal(view.opened, timeout=15_000):
        _drop(view, [brick, chinese_script])
    assert view.analysis is not None and view.analysis.path == brick
    assert "One script at a time" in messages[0]


def test_unreadable_file_is_a_message_and_the_view_is_unchanged(
    qtbot: QtBot, view: ScriptsView, chinese_script: Path, tmp_path: Path
) -> None:
    open_and_wait(qtbot, view, chinese_script)
    before = view.analysis
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    view.open_file(broken)
    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=15_000)
    (box,) = error_boxes()
    assert "broken.pdf" in box.text()
    assert "Traceback" not in box.text() and "Something went wrong" not in box.text()
    box.done(0)
    assert view.analysis is before
    assert view.summary == "2 scenes · 2 characters · 3 AI uses"

    view.open_file(tmp_path / "missing.fountain")
    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=15_000)
    assert "does not exist" in error_boxes()[0].text()


def test_layout_is_remembered(qtbot: QtBot, settings: Settings) -> None:
    first = ScriptsView(settings)
    qtbot.addWidget(first)
    first.resize(1000, 700)
    first.show()
    first.panes.splitter.setSizes([200, 780])
    sizes = first.panes.splitter.sizes()
    first.save_state()
    assert not settings.get(SCRIPTS_LAYOUT).isEmpty()
    again = ScriptsView(settings)
    qtbot.addWidget(again)
    again.resize(1000, 700)
    again.show()
    assert again.panes.splitter.sizes() == sizes


@pytest.mark.parametrize("suffix", [".fdx", ".pdf"])
def test_fdx_and_pdf_show_one_numbered_line_per_source_line(
    qtbot: QtBot, view: ScriptsView, suffix: str
) -> None:
    path = SAMPLES / f"Brick-and-Steel{suffix}"
    if not path.exists():
        pytest.skip(f"shared sample scripts not found at {SAMPLES}")
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))[path.name]
    analysis = open_and_wait(qtbot, view, path)
    doc = analysis.document
    low, high = expected.get("scenes_range", [expected["scenes"]] * 2)  # PDF: forced headings
    assert low <= view.scenes.rowCount() == len(doc.scenes) <= high
    assert view.text.line_count() == len(doc.lines)
    for scene in doc.scenes:  # each heading sits on its own numbered line (FDX: paragraph)
        assert view.text.line_text(scene.line) == doc.lines[scene.line - 1]
        assert scene.heading.split()[0] in view.text.line_text(scene.line)
    click_row(qtbot, view.scene_table, 3)
    assert view.text.current_line() == doc.scenes[3].line
    details = view.panes.details_label.text()
    if suffix == ".fdx":
        assert "Final Draft (FDX)" in details and "numbers are paragraphs" in details
    else:
        assert f"PDF · {expected['pages']} pages ·" in details


def test_a_word_script_can_be_chosen_and_dropped(
    qtbot: QtBot, view: ScriptsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docx import Document
    from PySide6.QtWidgets import QFileDialog

    doc = Document()
    for line in ["1. 内景 录音棚 日", "林晓：这不是我的声音。", "王强：是 AI配音。"]:
        doc.add_paragraph(line)
    path = tmp_path / "剧本.docx"
    doc.save(str(path))
    asked: list[str] = []

    def choose(parent: QWidget, caption: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    with qtbot.waitSignal(view.opened, timeout=15_000):
        view.open_script()
    assert "*.docx" in asked[0].split(";;")[0] and "Word (*.docx)" in asked[0]
    assert view.summary == "1 scene · 2 characters · 1 AI use"
    with qtbot.waitSignal(view.opened, timeout=15_000):
        assert _drop(view, [path]) == (True, True)
