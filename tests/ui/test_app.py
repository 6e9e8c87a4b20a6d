"""Start-up: the bundled CJK font, a database that cannot be opened, no display."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ui.app import CJK_FAMILY, install_fonts, run_gui
from ui.settings import APPLICATION, ORGANIZATION


def test_bundled_font_supplies_chinese_glyphs(qapp: QApplication) -> None:
    families = install_fonts(qapp)
    assert CJK_FAMILY in families
    assert CJK_FAMILY in qapp.font().families()
    systems = QFontDatabase.writingSystems(CJK_FAMILY)
    assert QFontDatabase.WritingSystem.SimplifiedChinese in systems
    assert QFontMetrics(QFont(CJK_FAMILY)).inFont("林")
    assert QFontMetrics(QFont(CJK_FAMILY)).inFont("晓")


def test_latin_text_uses_a_latin_ui_font_and_chinese_falls_back(qapp: QApplication) -> None:
    """On systems where "Sans Serif" resolves to WenQuanYi, "…" rendered as mid-line dots and
    pinyin tone letters were missing: Latin text now comes from a Latin family first."""
    install_fonts(qapp)
    families = qapp.font().families()
    assert families[-1] == CJK_FAMILY and families[0] != CJK_FAMILY
    latin = QFont(qapp.font())
    latin.setFamilies(families[:1])
    resolved = QFontInfo(latin).family()
    assert "WenQuanYi" not in resolved
    metrics = QFontMetrics(latin)
    assert metrics.inFont("…"), resolved


def _args(db: str | None, exit_after_paint: bool = False) -> argparse.Namespace:
    return argparse.Namespace(db=db, exit_after_paint=exit_after_paint, command=None)


def _answer_next_message(texts: list[str]) -> None:
    """Read and close the next modal message box (the GUI would wait for a click)."""

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            texts.append(box.text())
            box.done(0)
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"name,notes\nnot a database\n", "is not a Consent Desk database (not an SQLite file)"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "cannot be read as a database"),
    ],
)
def test_a_file_that_is_not_our_database_is_a_message_and_exit_2(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, expected: str
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    texts: list[str] = []
    _answer_next_message(texts)
    assert run_gui(_args(str(path))) == 2
    assert len(texts) == 1 and expected in texts[0]
    assert "Traceback" not in texts[0]
    assert path.read_bytes() == content  # never modified
    assert QApplication.organizationName() == ORGANIZATION
    assert QApplication.applicationName() == APPLICATION


def test_without_a_display_it_says_so_instead_of_crashing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert run_gui(_args(None)) == 2
    assert "no graphical display" in capsys.readouterr().err


def test_the_window_s_exception_hook_is_the_one_in_ui_errors(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_gui installs a hook that loads ui/errors.py with the first exception."""
    import ui.errors

    seen: list[BaseException] = []
    monkeypatch.setattr(ui.errors, "excepthook", lambda t, e, tb: seen.append(e))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"name,notes\nnot a database\n")
    _answer_next_message([])
    assert run_gui(_args(str(path))) == 2
    bug = RuntimeError("a bug")
    sys.excepthook(type(bug), bug, None)
    assert seen == [bug]


def test_the_window_icon_has_every_rendered_size(qapp) -> None:
    """The icon comes from the PNG sizes rendered for the installers (no SVG plugin before
    the first paint): each file is there and the icon offers each size."""
    from ui.app import ICON_SIZES, window_icon

    sizes = {(s.width(), s.height()) for s in window_icon().availableSizes()}
    assert sizes == {(n, n) for n in ICON_SIZES}
