"""Bulk work without garbage-collector pauses: the one place that pauses the collector.

A full collection walks every tracked object; with a large roster, a 5,000-scene script or a
batch of statements in memory that is hundreds of milliseconds during which the window cannot
paint. Bulk work runs inside `paused_gc()`: the collector is off while it runs (on every
thread: there is one collector per process) and back on when the last bulk work ends;
reference counting frees ordinary garbage meanwhile, only reference cycles wait. Bulk data
that lives across several steps (a file read, previewed, then saved) is covered by `hold()`
until it is dropped.

In the window, collection is owned by the GUI thread (`own_collection`, ui/collector.py): a
pass run on a worker thread could free a Qt object made on the GUI thread there, which crashes
the process; automatic collection stays off and the GUI thread's timer collects instead.

`freeze_long_lived()`, called once the application has started, moves what exists then (the
imported modules, the window and its views, which live as long as the process) out of the
collector's sight (`gc.freeze`), so later collections walk only what came after.
"""

from __future__ import annotations

import _thread  # the lock alone: `threading` is imported by `hold`, which needs an Event
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_lock = _thread.allocate_lock()  # what threading.Lock() is
_depth = 0
_was_enabled = True
_owner: int | None = None  # the thread that alone collects (`own_collection`), if any
_enabled_before_owned = True
_young_wanted = False  # a worker asked the owner for a young pass (`collect_young`)


def _pause() -> None:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1


def _resume() -> None:
    global _depth
    with _lock:
        _depth -= 1
        if _depth == 0 and _was_enabled and _owner is None:
            gc.enable()


def own_collection() -> None:
    """From now on only the calling thread collects (ui/collector.py's timer): automatic
    collection, which runs on whichever thread allocates, stays off."""
    global _owner, _enabled_before_owned
    with _lock:
        if _owner is None:
            _enabled_before_owned = gc.isenabled() if _depth == 0 else _was_enabled
        _owner = _thread.get_ident()
        gc.disable()


def release_collection() -> None:
    """Automatic collection as it was before `own_collection` (unless bulk work is paused)."""
    global _owner, _was_enabled
    with _lock:
        if _owner is None:
            return
        _owner = None
        if _depth > 0:
            _was_enabled = _enabled_before_owned  # the last bulk work's end turns it back on
        elif _enabled_before_owned:
            gc.enable()


def may_collect_here() -> bool:
    """Whether this thread may run a collection: any thread, unless one owns collection."""
    return _owner is None or _owner == _thread.get_ident()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Collector off for the duration (nested and concurrent uses are counted)."""
    _pause()
    try:
        yield
    finally:
        _resume()


def hold() -> Callable[[], None]:
    """Collector off until the returned `release` is called (later calls do nothing).

    For bulk data that outlives one call, such as a file's 100,000 rows between reading them
    and saving them: re-enabling the collector while they are alive makes its next pass walk
    every one of them (a 100-500 ms stall of the window). Released once they are dropped,
    reference counting has already freed them and the pass is short.
    """
    import threading

    _pause()
    released = threading.Event()

    def release() -> None:
        if not released.is_set():
            released.set()
            _resume()

    return release


def collect_young() -> int:
    """During paused bulk work, free the reference cycles the last item left (a signed PDF's
    object graph is full of them): a pass over the young generations only, i.e. over what
    was made since the last pass, a few milliseconds. Without it 100 statements' cycles
    (~150,000 objects) wait for the collector to come back, which then walks them all in
    one 150-450 ms pass. Does nothing when the collector runs (it does this itself)."""
    global _young_wanted
    if not paused():
        return 0
    if not may_collect_here():  # the owning thread's timer runs it (ui/collector.py)
        _young_wanted = True
        return 0
    return gc.collect(1)


def young_pass_wanted() -> bool:
    """Whether bulk work asked for a young pass since the last call (for the owning thread)."""
    global _young_wanted
    wanted, _young_wanted = _young_wanted, False
    return wanted


def paused() -> bool:
    """Whether bulk work is running (the collector is paused by `paused_gc`)."""
    return _depth > 0


def freeze_long_lived() -> int:
    """Collect once, then freeze every object that exists now; returns how many were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def freeze_loaded_data() -> None:
    """Take big data just loaded or built (pypinyin's 190,000 phrase lists, a long script's
    analysis) out of later collections, without a collection first (that would be the
    stall this avoids). Call it while the collector is paused, right after building.

    Everything that exists at this moment is frozen with it: ordinary objects are still freed
    by reference counting, only reference cycles that are garbage right now are never
    collected, so the data frozen must hold no cycles, and it is for big data only.
    """
    gc.freeze()
