"""The everyday reading commands on SQLite without SQLAlchemy: `roster search`, `consent list`,
`audit verify`.

Each reads the file with plain `sqlite3` when its schema is current (models/storage/quick.py)
and prints through the same functions as its ordinary handler (cli/reading.py), so the
output is the same to the byte; a server database, a missing or out-of-date file, or any
read error before output takes the ordinary handler instead (which creates, upgrades or
reports in its usual words). tests/cli/test_quick_paths.py runs both on the same data.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from cli.app import Context, LazyHandler
from cli.reading import consent_list_time, print_artists, print_consents
from models.storage.places import sqlite_file
from models.storage.quick import open_current

if TYPE_CHECKING:
    from models.audit.chain import ChainReport

_T = TypeVar("_T")


def _read(ctx: Context, read: Callable[[sqlite3.Connection, Path], _T]) -> _T | None:
    """`read(connection, database file)` on a current SQLite file, or None (ordinary path)."""
    path = sqlite_file(ctx.args.db)
    if path is None or not path.is_file():
        return None
    con = open_current(path)
    if con is None:
        return None
    try:
        return read(con, path)
    except sqlite3.Error:
        return None  # busy or damaged: the ordinary path reports it in its words
    finally:
        con.close()


def roster_search(ctx: Context) -> int:
    from models.roster import quick

    a = ctx.args
    found = _read(ctx, lambda con, _: quick.search(con, a.query, a.include_archived))
    if found is None:
        return LazyHandler("cli.roster:_search")(ctx)
    return print_artists(found, a.json)


def consent_list(ctx: Context) -> int:
    from models.consent.quick import state_as_of
    from models.errors import NotFoundError
    from models.roster import quick

    a = ctx.args

    def read(con: sqlite3.Connection, _: Path) -> int:
        artist = quick.artist(con, a.artist_id)
        if artist is None:
            raise NotFoundError(
                "error.consent.state.there_no_artist_id_artist", artist_id=a.artist_id
            )
        when = consent_list_time(a.as_of, artist.jurisdiction)
        state = state_as_of(con, artist.id, when)
        return print_consents(artist, when, state, a.json)

    code = _read(ctx, read)
    return LazyHandler("cli.consent:_list")(ctx) if code is None else code


def audit_verify(ctx: Context) -> int:
    from cli.reading import audit_anchors, print_audit
    from models.audit import quick
    from models.storage.places import files_folder

    a = ctx.args

    def read(con: sqlite3.Connection, path: Path) -> ChainReport | None:
        files_dir = files_folder(path)
        try:
            return quick.verify(con, files_dir, audit_anchors(a, files_dir, path))
        except quick.NotQuick:
            return None

    report = _read(ctx, read)
    if report is None:
        return LazyHandler("cli.audit:_verify")(ctx)
    return print_audit(report, a.json)
