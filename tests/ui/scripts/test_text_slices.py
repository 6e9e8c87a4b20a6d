"""A long script goes into the editor in slices; every line arrives, in order, and anything
that needs a line further down gets it at once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.scripts.text import ScriptText


def _text(lines: int) -> str:
    return "\n".join(f"line {n}" for n in range(1, lines + 1))


def test_a_long_text_arrives_in_slices_and_completes(qtbot: QtBot) -> None:
    editor = ScriptText()
    qtbot.addWidget(editor)
    text = _text(ScriptText.SLICE * 3 + 7)
    with qtbot.waitSignal(editor.complete, timeout=10_000):
        editor.set_script(text, {})
        assert editor.filling
        assert editor.blockCount() == ScriptText.SLICE  # the first slice at once
        assert editor.line_count() == ScriptText.SLICE * 3 + 7
    assert not editor.filling
    assert editor.toPlainText() == text


def test_a_jump_further_down_finishes_the_filling_first(qtbot: QtBot) -> None:
    editor = ScriptText()
    qtbot.addWidget(editor)
    total = ScriptText.SLICE * 2 + 3
    editor.set_script(_text(total), {})
    assert editor.jump_to(total)
    assert not editor.filling and editor.current_line() == total
    assert editor.line_text(total) == f"line {total}"


def test_a_new_script_replaces_one_still_filling(qtbot: QtBot) -> None:
    editor = ScriptText()
    qtbot.addWidget(editor)
    editor.set_script(_text(ScriptText.SLICE * 4), {})
    with qtbot.waitSignal(editor.complete, timeout=10_000):
        editor.set_script("short\nscript", {})
    assert editor.toPlainText() == "short\nscript"
    qtbot.wait(50)
    assert editor.toPlainText() == "short\nscript"  # no slice of the old script came after
