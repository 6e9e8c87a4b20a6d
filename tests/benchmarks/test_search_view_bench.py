"""Search keystrokes in the real roster view at 100,000 artists (QTest), against the service.

Each keystroke is typed with QTest into the search box; the debounce timer's work
(`_run_search`: the model re-listed, the summary updated) is timed, then the repaint of the
visible rows separately. The baseline is `RosterService.search_ids` for the same text in the
same run. Target (issue 14): keystroke → model updated ≤ 30 ms after the debounce, debounce
≤ 80 ms. Reported with `--benchmark-enable`, never asserted.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from models.desk import Desk
from models.storage.database import Database
from tests.benchmarks.roster_data import make_database
from ui.roster.view import SEARCH_DEBOUNCE_MS, RosterView
from ui.settings import Settings
from ui.tasks import running_tasks

ARTISTS = 100_000
TARGET_MS = 30.0
TYPED = ["linxiao", "林晓", "emma hart", "wang", "e", "h", "z", "q", "v", "x", "em", "ha"]
_whole_ms: list[float] = []
# The offscreen platform says it has no window manager; that is about the test platform.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture(scope="module")
def roster_100k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_database(tmp_path_factory.mktemp("keys") / "100k.sqlite3", ARTISTS)


@pytest.fixture
def view(qapp: QApplication, roster_100k: Path, tmp_path: Path) -> Iterator[RosterView]:
    db = Database.open(str(roster_100k))
    shown = RosterView(Desk(db), QUndoStack(), Settings.at(tmp_path / "s.ini"))
    shown.resize(1100, 700)
    shown.show()
    QTest.qWaitForWindowExposed(shown)
    # the whole roster's list for narrowing loads on a worker right after the first paint;
    # its time is reported, and keystrokes are measured once it is at hand
    start = time.perf_counter()
    while running_tasks():
        QTest.qWait(5)
    _whole_ms.append((time.perf_counter() - start) * 1000)
    yield shown
    shown.close()
    db.close()


def _type(view: RosterView, app: QApplication, text: str) -> list[tuple[str, float, float]]:
    """(query, ms until the model is updated, ms for the repaint) for each keystroke."""
    out = []
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(view.search_edit, ch)
        else:  # QTest types ASCII only: the key event a Chinese input method delivers
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(view.search_edit, event)
        assert view._debounce.isActive()  # the keystroke only (re)started the debounce
        start = time.perf_counter()
        view._run_search()  # what the debounce timer runs
        updated = time.perf_counter()
        app.processEvents()  # the visible rows are fetched and painted
        painted = time.perf_counter()
        out.append((view.search_edit.text(), (updated - start) * 1000, (painted - updated) * 1000))
    return out


def _erase(view: RosterView, app: QApplication) -> list[tuple[str, float, float]]:
    out = []
    while view.search_edit.text():
        QTest.keyClick(view.search_edit, Qt.Key.Key_Backspace)
        start = time.perf_counter()
        view._run_search()
        updated = time.perf_counter()
        app.processEvents()
        out.append((view.search_edit.text(), (updated - start) * 1000, 0.0))
    return out


def test_keystrokes_in_the_real_view(
    benchmark: Any, view: RosterView, qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    benchmark.group = "search keystroke in the view, 100,000 artists"
    roster = view.roster
    rows: list[tuple[str, float, float]] = []
    for text in TYPED:
        rows += _type(view, qapp, text)
        rows += _erase(view, qapp)
    service = []
    for text in TYPED:
        for n in range(1, len(text) + 1):
            start = time.perf_counter()
            roster.search_ids(text[:n])
            service.append((time.perf_counter() - start) * 1000)

    def one_word() -> None:
        _type(view, qapp, "lin")
        _erase(view, qapp)

    benchmark.pedantic(one_word, rounds=3, warmup_rounds=1)
    typed = [ms for _, ms, _ in rows]
    with capsys.disabled():
        sys.stdout.write(
            f"\nkeystroke → model updated at {ARTISTS:,} artists (debounce {SEARCH_DEBOUNCE_MS} ms,"
            f" then): median {statistics.median(typed):.1f} ms, "
            f"max {max(typed):.1f} ms (target ≤ {TARGET_MS:.0f} ms); "
            f"service search_ids median {statistics.median(service):.1f} ms, "
            f"max {max(service):.1f} ms; whole list loaded in the background in "
            f"{max(_whole_ms):.0f} ms after the first paint\n"
        )
        for query, ms, paint in rows:
            sys.stdout.write(f"  {query!r:14} model {ms:6.1f} ms  repaint {paint:6.1f} ms\n")
