"""Where things are on this desk, without the database layer: the data folder, the SQLite
file `--db` names, its files folder and the rolling backups.

`models.storage.database.resolve` and the readers that start without SQLAlchemy (the
window's first page, the quick reading commands, verification) agree through this module.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "consent-desk"
DEFAULT_FILE = "consent-desk.sqlite3"
# The folder of the files folder where the register keeps each statement's signed copy.
STATEMENT_STORE = "statements"
_PREFIX = "sqlite:///"


def data_dir() -> Path:
    """Where the default database and its files live (per user, per OS convention)."""
    override = os.environ.get("CONSENT_DESK_HOME")
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_backup_folder() -> Path:
    """Where the rolling backups are written."""
    return data_dir() / "backups"


def sqlite_file(db: str | None) -> Path | None:
    """The SQLite file `--db` (or CONSENT_DESK_DB, or the default) names, None for a server.

    The same rules as `models.storage.database.resolve`, without importing SQLAlchemy; an
    address it cannot read as plainly as that (URL escapes, query options) gives None.
    """
    raw = (db or os.environ.get("CONSENT_DESK_DB") or "").strip()
    if not raw:
        return data_dir() / DEFAULT_FILE
    if raw.startswith(_PREFIX) and raw[len(_PREFIX) :]:
        raw = raw[len(_PREFIX) :]
        if "%" in raw or "?" in raw:
            return None
    elif "://" in raw:
        return None
    try:
        return Path(raw).expanduser().resolve()
    except (ValueError, OSError, RuntimeError):
        return None


def files_folder(path: Path) -> Path:
    """The folder of an SQLite database's files, as `resolve` names it."""
    return path.parent / f"{path.stem}-files"
