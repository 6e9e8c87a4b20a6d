"""The one way the GUI runs long work: `run_task`.

The work runs on a pool thread so the window never freezes; it reports progress and checks a
cancel flag through the `TaskControl` it is handed; its result or error comes back on the GUI
thread. A progress dialog appears only if the work takes longer than a moment (~300 ms), so
quick jobs do not flash a window.

Services open their own sessions per call, and SQLAlchemy hands each thread its own pooled
SQLite connection, so work functions may call services directly (see tests/ui/test_tasks.py).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from models.gcpause import paused_gc
from ui.errors import show_error

R = TypeVar("R")

PROGRESS_DELAY_MS = 300
_PROGRESS_INTERVAL_S = 0.05


class TaskCancelled(Exception):
    """Raised by `TaskControl.check()` inside work that the person cancelled."""


class _Relay(QObject):
    """Carries reports from the worker thread to the GUI thread (queued signals)."""

    progressed = Signal(int, int)
    labelled = Signal(str)
    cancellable = Signal(bool)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class TaskControl:
    """What the work function gets: report progress, and stop early when asked."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Stop here (raising TaskCancelled) if the person pressed Cancel."""
        if self._cancel.is_set():
            raise TaskCancelled

    def progress(self, done: int, total: int = 0) -> None:
        """`done` of `total` steps (0: unknown); throttled, so call it as often as you like."""
        now = time.monotonic()
        if now - self._last >= _PROGRESS_INTERVAL_S or (total and done >= total):
            self._last = now
            self._relay.progressed.emit(done, total)

    def set_label(self, text: str) -> None:
        self._relay.labelled.emit(text)

    def set_cancellable(self, allowed: bool) -> None:
        """Say whether Cancel can still take effect (e.g. not during the final save)."""
        self._relay.cancellable.emit(allowed)


def _spent(_control: TaskControl) -> Any:
    raise RuntimeError("a task's work runs once")


class _Worker:
    """One task's work on a pool thread. A plain Python object on a Python thread: nothing Qt
    is made or destroyed off the GUI thread (a Python subclass of QRunnable was deleted by
    Qt's pool on its own thread, which crashed now and then); results reach the GUI thread
    through the relay's queued signals."""

    def __init__(self, work: Callable[[TaskControl], Any], control: TaskControl, relay: _Relay):
        self._work = work
        self._control = control
        self._relay = relay

    def run(self) -> None:
        try:
            self._control.check()
            with paused_gc():  # no full collection stalls the window during bulk work
                work, self._work = self._work, _spent
                result = work(self._control)
                del work  # what the work captured goes now, while the collector is paused
            self._control.check()
        except TaskCancelled:
            self._relay.cancelled.emit()
        except Exception as exc:
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Task(QObject, Generic[R]):
    """A running piece of work; `finished` fires once, after `done`, `failed` or `cancelled`."""

    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent_widget: QWidget | None, label: str, cancellable: bool) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._label = label
        self._cancellable = cancellable
        self._total = 0
        self._done = 0
        self._dialog: QProgressDialog | None = None
        self.running = True
        self.relay = _Relay()
        self.control = TaskControl(self.relay)
        self.relay.progressed.connect(self._on_progress)
        self.relay.labelled.connect(self._on_label)
        self.relay.cancellable.connect(self._on_cancellable)
        self.relay.succeeded.connect(self._on_succeeded)
        self.relay.failed.connect(self._on_failed)
        self.relay.cancelled.connect(self._on_cancelled)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def cancel(self) -> None:
        self.control.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Cancelling…"))
            self._dialog.setCancelButtonText("")

    def _show_dialog(self) -> None:
        if not self.running:
            return
        dialog = QProgressDialog(self._parent_widget)
        dialog.setObjectName("taskProgress")
        dialog.setWindowTitle(self.tr("Working…"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(380)
        dialog.setLabelText(self._label)
        dialog.setRange(0, self._total)
        dialog.setValue(min(self._done, self._total) if self._total else 0)
        dialog.setCancelButtonText(self.tr("Cancel") if self._cancellable else "")
        dialog.canceled.connect(self.cancel)
        self._dialog = dialog
        dialog.show()

    def _on_progress(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        if self._dialog is not None:
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total) if total else 0)

    def _on_label(self, text: str) -> None:
        self._label = text
        if self._dialog is not None:
            self._dialog.setLabelText(text)

    def _on_cancellable(self, allowed: bool) -> None:
        self._cancellable = allowed
        if self._dialog is not None and not self.control.cancelled:
            self._dialog.setCancelButtonText(self.tr("Cancel") if allowed else "")

    def _close(self) -> None:
        self.running = False
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        _RUNNING.discard(self)

    def _on_succeeded(self, result: object) -> None:
        self._close()
        self.done.emit(result)
        self.finished.emit()

    def _on_failed(self, exc: object) -> None:
        self._close()
        self.failed.emit(exc)
        self.finished.emit()

    def _on_cancelled(self) -> None:
        self._close()
        self.cancelled.emit()
        self.finished.emit()


_RUNNING: set[Task[Any]] = set()  # keeps tasks alive until they report back
_POOL: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    """The background threads, as many as the machine has cores (Qt's own pool's size)."""
    global _POOL
    if _POOL is None:
        workers = max(2, os.cpu_count() or 2)
        _POOL = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="consent-desk-task")
    return _POOL


def running_tasks() -> int:
    return len(_RUNNING)


def run_task(
    parent: QWidget | None,
    work: Callable[[TaskControl], R],
    on_done: Callable[[R], None] | None = None,
    *,
    label: str,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    cancellable: bool = True,
    delay_ms: int = PROGRESS_DELAY_MS,
) -> Task[R]:
    """Run `work(control)` in the background; call `on_done(result)` on the GUI thread.

    Errors go to `on_error`, or by default to `show_error` (a message for user errors, the
    bug report otherwise). A cancelled task calls `on_cancelled` and nothing else.
    """
    task: Task[R] = Task(parent, label, cancellable)
    if on_done is not None:
        task.done.connect(on_done)
    task.failed.connect(on_error if on_error is not None else (lambda e: show_error(parent, e)))
    if on_cancelled is not None:
        task.cancelled.connect(on_cancelled)
    _RUNNING.add(task)
    task._timer.start(max(0, delay_ms))
    _pool().submit(_Worker(work, task.control, task.relay).run)
    return task
