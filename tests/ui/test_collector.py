"""Garbage collection on the GUI thread only (ui/collector.py, models/gcpause.py)."""

from __future__ import annotations

import gc
import threading

from models import gcpause
from models.gcpause import collect_young, paused_gc
from ui.collector import GuiThreadCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_window_collects_on_its_own_thread_only(qtbot) -> None:
    """The autouse fixture already owns collection for this test: automatic collection is
    off, a worker thread's young pass does nothing, and the timer's pass frees cycles."""
    assert not gc.isenabled()
    assert gcpause.may_collect_here()
    answers: list[tuple[bool, int]] = []

    def worker() -> None:
        with paused_gc():
            answers.append((gcpause.may_collect_here(), collect_young()))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert answers == [(False, 0)]
    assert gcpause.young_pass_wanted() and not gcpause.young_pass_wanted()  # asked once
    collector = GuiThreadCollector()
    try:
        gc.collect()
        for _ in range(gc.get_threshold()[0] + 10):
            Cycle()
        assert collector.collect() == 0
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        collector.stop()
        collector.deleteLater()


def test_bulk_work_is_walked_only_when_it_asks(qtbot, monkeypatch) -> None:
    """While bulk work pauses the collector (a file's 100,000 rows alive) no pass walks it;
    a batch's request for a young pass (after each statement) is run here, once."""
    collector = GuiThreadCollector()
    try:
        monkeypatch.setattr(gc, "get_count", lambda: (10_000, 10_000, 10_000))
        calls: list[int] = []
        monkeypatch.setattr(gc, "collect", lambda generation=2: calls.append(generation) or 0)
        assert collector.collect() == 2
        with paused_gc():
            assert collector.collect() is None
            done = threading.Thread(target=collect_young)
            done.start()
            done.join()
            assert collector.collect() == 1
            assert collector.collect() is None
        assert calls == [2, 1]
    finally:
        collector.stop()
        collector.deleteLater()


def test_collection_is_handed_back(qtbot) -> None:
    """After the window's collector stops, the interpreter collects again (tests rely on it;
    so does any bulk work that ends after the stop)."""
    gcpause.release_collection()  # the autouse fixture's, early
    assert gc.isenabled()
    collector = GuiThreadCollector()
    assert not gc.isenabled()
    with paused_gc():
        collector.stop()
        assert not gc.isenabled()  # still paused by the bulk work
    assert gc.isenabled()
    collector.deleteLater()
    gcpause.own_collection()  # as the autouse fixture expects to find it
