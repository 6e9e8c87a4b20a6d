"""Garbage collection on the GUI thread only.

Python runs its cyclic collector on whichever thread happens to allocate when a threshold is
crossed: in the window that is often a background task's thread (ui/tasks.py). A pass there
can free a Qt object that was made on the GUI thread (a closed dialog's wrapper in a reference
cycle), and Qt objects must be destroyed on their own thread, or the process crashes. So the
window turns automatic collection off (`models.gcpause.own_collection`) and this timer
collects on the GUI thread instead, generation by generation as the interpreter would. While
bulk work pauses the collector (models/gcpause.py) it collects nothing, except the young pass
a batch asks for after each item (`collect_young`: a statement's PDF object graph), so a long
batch's reference cycles do not pile up into one pass that stalls the window.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from models.gcpause import own_collection, paused, release_collection, young_pass_wanted

INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """Collects every `INTERVAL_MS` when the interpreter's thresholds say a pass is due."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        own_collection()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(INTERVAL_MS)

    def collect(self) -> int | None:
        """Run the pass that is due (its generation), or None when none is."""
        if paused():
            if not young_pass_wanted():
                return None
            gc.collect(1)
            return 1
        counts, limits = gc.get_count(), self._thresholds
        if counts[0] <= limits[0]:
            return None
        generation = 0
        if counts[1] > limits[1]:
            generation = 1
            if counts[2] > limits[2]:
                generation = 2
        gc.collect(generation)
        return generation

    def stop(self) -> None:
        """Hand collection back to the interpreter (tests; the window keeps it to the end)."""
        self._timer.stop()
        release_collection()
