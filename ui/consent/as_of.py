"""The consent screen's "As of" moment: now (following the clock) or any moment picked.

A moment within a minute of now counts as now. A past moment shows a banner saying the view
is historical, a future one that it looks ahead; Now (Ctrl+Shift+D) goes back to the present.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.consent.labels import when_text
from ui.consent.widgets import MomentEdit

AS_OF_DEBOUNCE_MS = 250
PRESENT_SLACK = timedelta(minutes=1)  # an as-of this close to now counts as "now"
HISTORICAL_STYLE = "background: #fcf3cf; color: #7d6608; padding: 4px; border-radius: 3px;"


class AsOfBar(QWidget):
    """The moment picker, its Now button and the banner (placed by the view)."""

    moved = Signal()  # the moment shown changed (typed, picked, or back to now)

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.moment: datetime | None = None  # None: the present, following the clock
        self.edit = MomentEdit(self)
        self.edit.setObjectName("asOf")
        self.edit.setToolTip(self.tr("Show the records as they stood at this moment"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(AS_OF_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._edited)
        self.edit.changed.connect(self._debounce.start)
        self.now_button = QPushButton(self.tr("Now"), self)
        self.now_button.setObjectName("asOfNow")
        self.now_button.clicked.connect(lambda: self.set_as_of(None))
        self.banner = QLabel(parent)
        self.banner.setObjectName("historicalBanner")
        self.banner.setStyleSheet(HISTORICAL_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        label = QLabel(self.tr("&As of"), self)
        label.setBuddy(self.edit.edit)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(label)
        bar.addWidget(self.edit)
        bar.addWidget(self.now_button)
        bar.addStretch(1)

    def as_of(self) -> datetime:
        return self.moment if self.moment is not None else self.clock()

    def is_historical(self) -> bool:
        return self.moment is not None and self.moment < self.clock() - PRESENT_SLACK

    def set_as_of(self, when: datetime | None) -> None:
        """Show the records as they stood at `when` (None: now)."""
        self.moment = when
        self._show(when or self.clock())
        self._debounce.stop()
        self.moved.emit()

    def focus(self) -> None:
        self.edit.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def follow_clock(self) -> None:
        """Following the clock: the picker shows the present."""
        if self.moment is None:
            self._show(self.clock())

    def _show(self, when: datetime) -> None:
        self.edit.blockSignals(True)
        self.edit.set_value(when)
        self.edit.blockSignals(False)

    def _edited(self) -> None:
        when = self.edit.value()
        self.moment = None if abs(when - self.clock()) < PRESENT_SLACK else when
        self.moved.emit()

    def show_banner(self, when: datetime) -> None:
        now = self.clock()
        if self.moment is None or abs(when - now) < PRESENT_SLACK:
            self.banner.hide()
            return
        if when < now:
            text = self.tr(
                "Historical view: the records as they stood on {when}. Changes recorded "
                "since then are not shown here (Ctrl+Shift+D: back to now)."
            )
        else:
            text = self.tr(
                "Looking ahead to {when}: what today's records will authorise then, if "
                "nothing changes (Ctrl+Shift+D: back to now)."
            )
        self.banner.setText(text.format(when=when_text(when)))
        self.banner.show()
