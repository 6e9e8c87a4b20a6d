"""Known Latin spellings (aliases) in the artist dialog: recorded, shown again, used on leak day."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from models.leak import MatchStatus, NameMatcher
from models.leak.keys import Basis
from models.leak.keystore import AliasService
from tests.ui.helpers import close_error_boxes, error_boxes
from tests.ui.roster.test_view import select_artist, view  # noqa: F401  (the fixture)
from ui.roster.view import RosterView


def edit(qtbot: QtBot, view: RosterView, name: str):  # noqa: F811
    select_artist(view, name)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.dialog
    assert dialog is not None
    return dialog


def test_aliases_are_edited_in_the_artist_dialog(qtbot: QtBot, view: RosterView) -> None:  # noqa: F811
    dialog = edit(qtbot, view, "林晓")
    assert dialog.aliases_edit.text() == ""
    dialog.aliases_edit.setText("Lynn Lin;  Xiao Lin Official ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    lin = view.roster.search("林晓")[0]
    assert AliasService(view.roster.db).get(lin.id) == ("Lynn Lin", "Xiao Lin Official")
    result = NameMatcher.from_database(view.roster.db).match("LYNN LIN")
    assert (result.status, result.artist_id, result.basis, result.confirm) == (
        MatchStatus.MATCHED,
        lin.id,
        Basis.ALIAS,
        False,
    )
    again = edit(qtbot, view, "林晓")
    assert again.aliases_edit.text() == "Lynn Lin; Xiao Lin Official"
    again.reject()


def test_an_alias_in_characters_is_refused_with_a_reason(qtbot: QtBot, view: RosterView) -> None:  # noqa: F811
    dialog = edit(qtbot, view, "林晓")
    dialog.aliases_edit.setText("小晓")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    boxes = error_boxes()
    assert boxes and "Chinese characters" in boxes[0].text()
    close_error_boxes()
    lin = view.roster.search("林晓")[0]
    assert AliasService(view.roster.db).get(lin.id) == ()
