"""The verify dialog shows the reasons of a verdict in the interface language."""

from __future__ import annotations

from pathlib import Path

from reports.verify import verify_statement
from tests.ui.test_i18n import chinese
from ui.statements.verify_dialog import VerifyDialog

__all__ = ["chinese"]  # the interface in zh_CN for one test


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
