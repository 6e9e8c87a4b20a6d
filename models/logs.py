"""Logging to a rotating file in the user log folder; bugs go there with their traceback."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

_configured: Path | None = None


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
