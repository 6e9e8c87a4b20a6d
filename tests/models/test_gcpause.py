"""`paused_gc`: the collector is off during bulk work (nested and concurrent), on after it;
`freeze_long_lived` takes what exists out of later collections."""

from __future__ import annotations

import gc
import threading
import weakref

from models.gcpause import collect_young, freeze_long_lived, hold, paused, paused_gc


def test_the_collector_is_off_during_bulk_work_and_back_on_after() -> None:
    assert gc.isenabled() and not paused()
    with paused_gc():
        assert not gc.isenabled() and paused()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer work still runs
    assert gc.isenabled() and not paused()


def test_freezing_the_long_lived_objects() -> None:
    kept = [[n] for n in range(1000)]
    try:
        assert freeze_long_lived() >= len(kept)
    finally:
        gc.unfreeze()


def test_concurrent_bulk_work_turns_it_back_on_once_both_ended() -> None:
    inside = threading.Event()
    leave = threading.Event()

    def other() -> None:
        with paused_gc():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=other)
    worker.start()
    assert inside.wait(5)
    with paused_gc():
        pass
    assert not gc.isenabled()  # the other thread's work still runs
    leave.set()
    worker.join(5)
    assert gc.isenabled()


def test_an_error_in_the_work_still_turns_it_back_on() -> None:
    try:
        with paused_gc():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()


def test_a_hold_keeps_it_off_until_released_once() -> None:
    release = hold()
    assert not gc.isenabled() and paused()
    with paused_gc():
        pass
    assert not gc.isenabled()  # the hold outlives the bulk call inside it
    other = hold()
    release()
    release()  # a second release of the same hold does not end the other one
    assert not gc.isenabled()
    other()
    assert gc.isenabled() and not paused()


def test_bulk_work_frees_an_items_cycles_as_it_goes() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    with paused_gc():
        gone = weakref.ref(Node())
        assert gone() is not None  # a cycle: reference counting cannot free it
        collect_young()
        assert gone() is None
    assert collect_young() == 0  # the collector runs: nothing to do here
