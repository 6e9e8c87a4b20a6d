"""The verify dialog shows the reasons of a verdict in the interface language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from reports.verify import verify_statement
from ui.i18n import CHINESE, ENGLISH, install_language
from ui.statements.verify_dialog import VerifyDialog


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    saved = QLocale()
    assert install_language(qapp, CHINESE) == CHINESE
    yield
    install_language(qapp, ENGLISH)
    QLocale.setDefault(saved)


def _not_a_pdf(tmp_path: Path) -> VerifyDialog:
    path = tmp_path / "notes.txt"
    path.write_text("hello there, this is no statement\n", "utf-8")
    dialog = VerifyDialog(None)
    dialog.path = path
    dialog._show(verify_statement(path, seen_file=None))
    return dialog


def test_problems_read_in_english(qtbot, tmp_path: Path) -> None:
    dialog = _not_a_pdf(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.fields["problems"].text() == "• This is not a PDF file."


def test_problems_read_in_chinese(qtbot, tmp_path: Path, chinese: None) -> None:
    dialog = _not_a_pdf(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.fields["problems"].text() == "• 这不是 PDF 文件。"
