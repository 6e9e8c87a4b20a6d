"""The stance dots: shipped as files, and those files are what the painting code makes."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from models.roster.artist import Stance
from ui.roster.labels import STANCE_COLOURS, paint_stance_dot, stance_icon, stance_icon_file


@pytest.mark.parametrize("stance", list(Stance))
def test_each_stance_icon_file_holds_its_painted_dot(qtbot: QtBot, stance: Stance) -> None:
    """After a colour change in STANCE_COLOURS, save `paint_stance_dot(stance)` to the file."""
    assert stance in STANCE_COLOURS
    assert stance_icon_file(stance).is_file()
    shown = stance_icon(stance).pixmap(12, 12).toImage()
    painted = paint_stance_dot(stance).toImage()
    assert shown.size() == painted.size()
    assert shown.convertToFormat(painted.format()) == painted
    centre = shown.pixelColor(6, 6)
    assert centre.name() == STANCE_COLOURS[stance] and centre.alpha() == 255
    assert shown.pixelColor(0, 0).alpha() == 0  # a dot, not a square
