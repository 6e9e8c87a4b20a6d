"""Friction found walking the journeys, each fixed, at a small and a large window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleOptionViewItem, QTableView, QToolTip
from pytestqt.qtbot import QtBot

from tests.ui.helpers import wait_for_tasks
from ui.elided import ElidedTooltipDelegate, elided_text, install_elided_tooltips
from ui.main_window import MainWindow

SIZES = [(1024, 700), (1920, 1080)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("content", [b"", b"\n  \n\t\n"])
def test_an_empty_script_warns_instead_of_opening_as_clean(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, size: tuple[int, int], content: bytes
) -> None:
    window.resize(*size)
    path = tmp_path / "empty.fountain"
    path.write_bytes(content)
    view = window.scripts_view
    messages: list[str] = []
    view.message.connect(messages.append)
    view.open_file(path)
    wait_for_tasks(qtbot)
    box = view.findChild(QMessageBox, "emptyScript")
    assert box is not None and box.isVisible()
    assert "no text to read" in box.text() and "not checked" in box.text()
    assert messages[-1] == "empty.fountain is empty: not checked."
    assert not any("AI use" in m for m in messages)
    box.close()


@pytest.mark.parametrize("size", SIZES)
def test_a_views_status_message_does_not_follow_to_the_next_view(
    window: MainWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    window.show_view("scripts")
    window.show_message("Brick and Steel: 4 AI uses found.")
    assert window.statusBar().currentMessage()
    window.show_view("leak")
    assert window.statusBar().currentMessage() == ""


def test_cut_short_cells_show_their_whole_text_on_hover(qtbot: QtBot) -> None:
    long_text = "Civil Code art. 1019 and 1023: voice is protected like likeness " * 3
    model = QStandardItemModel(2, 1)
    model.setItem(0, 0, QStandardItem(long_text))
    model.setItem(1, 0, QStandardItem("short"))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setColumnWidth(0, 120)
    table.resize(300, 200)
    table.show()
    assert install_elided_tooltips(table) == 1
    delegate = table.itemDelegate()
    assert isinstance(delegate, ElidedTooltipDelegate)

    def hover(row: int) -> str:
        QToolTip.hideText()
        QApplication.processEvents()
        index = model.index(row, 0)
        rect = table.visualRect(index)
        event = QHelpEvent(
            QEvent.Type.ToolTip, rect.center(), table.viewport().mapToGlobal(rect.center())
        )
        option = QStyleOptionViewItem()
        option.initFrom(table)
        delegate.helpEvent(event, table, option, index)
        return QToolTip.text() if QToolTip.isVisible() else ""

    assert hover(0) == long_text
    option = QStyleOptionViewItem()
    option.initFrom(table)
    assert elided_text(table, model.index(0, 0), option) == long_text
    assert elided_text(table, model.index(1, 0), option) == ""  # fits: no tooltip
    QToolTip.hideText()


@pytest.mark.parametrize("size", SIZES)
def test_person_pickers_offer_lin_xiao_first_for_lin(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    from ui.proposals.form.artists import ArtistSearch
    from ui.statements.artist_picker import ArtistPicker

    window.resize(*size)
    for picker in (ArtistSearch(window.roster), ArtistPicker(window.roster)):
        qtbot.addWidget(picker)
        picker.search.setText("lin")
        picker.run_search()
        first = picker.results.item(0).text()
        assert first.startswith("林"), first
        texts = [picker.results.item(i).text() for i in range(picker.results.count())]
        assert texts.index("Hannah Lindqvist") > texts.index("林晓 (Lin Xiao)")
