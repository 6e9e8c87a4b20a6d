"""Reading an SQLite database with plain `sqlite3`, before (or without) SQLAlchemy.

The window's first page (models/roster/quick.py) and the everyday reading commands
(`roster search`, `consent list`, `audit verify`: cli/quick.py) start this way. `open_current`
opens the file read-only only when its schema is exactly the one this version wants (the
`alembic_version` rows against the migration files); anything else — no file, another
program's file, an upgrade due, a locked or damaged file, a server database — gives None and
the caller takes the ordinary path, which creates, upgrades or reports properly.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from models.storage.revisions import head_revisions

SQLITE_MAGIC = b"SQLite format 3\x00"
FAST_START_ENV = "CONSENT_DESK_FAST_START"  # "0": always the ordinary path (window and CLI)


def open_current(path: Path) -> sqlite3.Connection | None:
    """`path` opened read-only inside one read transaction, if its schema is current."""
    if os.environ.get(FAST_START_ENV, "1") == "0":
        return None
    try:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return None
        uri = "file:" + str(path).replace("%", "%25").replace("?", "%3F").replace("#", "%23")
        timeout = float(os.environ.get("CONSENT_DESK_BUSY_TIMEOUT", "5"))
        con = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=timeout, isolation_level=None)
    except (OSError, sqlite3.Error, ValueError):
        return None
    try:
        con.execute("BEGIN")  # one snapshot for every read that follows
        current = {str(r[0]) for r in con.execute("SELECT version_num FROM alembic_version")}
        if current == head_revisions():
            return con
    except sqlite3.Error:
        pass
    con.close()  # an upgrade is due (Database.open does it, with a copy aside), or damage
    return None
