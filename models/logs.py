"""Logging to a rotating file in the user log folder; bugs go there with their traceback."""

from __future__ import annotations

import faulthandler
import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

import platformdirs

_configured: Path | None = None
_crash_file: TextIO | None = None


def log_dir() -> Path:
    override = os.environ.get("CONSENT_DESK_LOG_DIR")
    return (
        Path(override) if override else platformdirs.user_log_path("consent-desk", appauthor=False)
    )


def setup_logging(level: int = logging.INFO) -> Path:
    """Configure the app's log file once; return its path (shown to users after a bug)."""
    global _configured
    if _configured is not None:
        return _configured
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "consent-desk.log"
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = path
    return path


def enable_crash_log() -> Path:
    """Have a hard crash (in Qt or another native library) leave its traceback in the log folder.

    Python's own errors reach the rotating log through the exception hook; a crash inside
    native code kills the process before that, so faulthandler writes every thread's stack to
    crash.log, the file a user sends with a problem report.
    """
    global _crash_file
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "crash.log"
    if _crash_file is None and not faulthandler.is_enabled():  # e.g. a test run has its own
        _crash_file = path.open("a", encoding="utf-8")  # kept open: faulthandler writes to it
        faulthandler.enable(file=_crash_file, all_threads=True)
    return path
