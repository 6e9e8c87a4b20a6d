"""Sizes that fit the screen: a dialog never opens taller or wider than the room it has.

A 1024×700 laptop screen cannot show a 960×720 form; its buttons would sit below the edge.
Dialogs ask for their preferred size here and get at most the available area (minus room for
the window frame), and they stay resizable: their content scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_ALLOWANCE = (16, 48)  # window borders and title bar, which the area does not include


def available_area(widget: QWidget) -> QRect:
    """The screen area the widget may use (its parent's screen, else the primary one)."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def fit_to_screen(widget: QWidget, width: int, height: int, area: QRect | None = None) -> None:
    """Resize to `width`×`height`, or less so that the whole window is on the screen."""
    room = area if area is not None else available_area(widget)
    w = min(width, room.width() - FRAME_ALLOWANCE[0])
    h = min(height, room.height() - FRAME_ALLOWANCE[1])
    widget.resize(max(w, 320), max(h, 240))
