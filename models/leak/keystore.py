"""Leak-day name keys in an indexed table, kept current on every roster write.

Each artist's spelling keys (models/leak/keys.py) are rows of `leak_name_key`, looked up by
an index, so matching a list of 100 names is a few hundred index look-ups instead of building
the whole roster's index (1.5 s at 100,000 artists). The roster service refreshes an artist's
keys in the same transaction as the edit (`refresh_keys`); `leak_key_state` remembers the
artist version they were made from, so any row written another way (an older build, a restore,
a transfer) is noticed and re-keyed before the next match (`bring_up_to_date`).

Aliases — the Latin spellings the agency records as the artist's own — are kept here too:
they only matter for matching.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, delete, insert, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.types import Text

from models.audit.chain import append_event
from models.errors import FieldProblem, ValidationError
from models.leak import keys
from models.leak.keys import NEAR_SIZE, PRIMARY_BASES, ArtistNames, Basis, head_tail, key_size
from models.leak.tables import ArtistAliasRow, LeakKeyStateRow, LeakNameKeyRow
from models.names import has_han
from models.storage.database import Database
from models.storage.schema import ArtistRow

# A write of more artists than this (a big import) leaves their keys to `bring_up_to_date`,
# which the next match runs: keying costs ~0.15 ms an artist, too much for a bulk import.
KEY_ON_WRITE_LIMIT = 5_000
MAX_ALIASES = 20
MAX_ALIAS = 200
_CHUNK = 500
_PRIMARY = sorted(b.value for b in PRIMARY_BASES)


def aliases_by_artist(s: Session, ids: Sequence[int] | None = None) -> dict[int, list[str]]:
    q = select(ArtistAliasRow.artist_id, ArtistAliasRow.text).order_by(
        ArtistAliasRow.artist_id, ArtistAliasRow.position
    )
    out: dict[int, list[str]] = {}
    if ids is None:
        for artist_id, text in s.execute(q):
            out.setdefault(int(artist_id), []).append(text)
        return out
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        for artist_id, text in s.execute(q.where(ArtistAliasRow.artist_id.in_(chunk))):
            out.setdefault(int(artist_id), []).append(text)
    return out


def _names(s: Session, ids: Sequence[int]) -> list[tuple[ArtistNames, int]]:
    from models.leak.roster_keys import stage_names_of

    aliases = aliases_by_artist(s, ids)
    out: list[tuple[ArtistNames, int]] = []
    q = select(
        ArtistRow.id,
        ArtistRow.native_name,
        ArtistRow.romanized_name,
        type_coerce(ArtistRow.stage_names, Text),
        ArtistRow.version,
    )
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        for i, native, rom, stage, version in s.execute(q.where(ArtistRow.id.in_(chunk))):
            names = ArtistNames(
                int(i), native, rom or "", stage_names_of(stage), tuple(aliases.get(int(i), ()))
            )
            out.append((names, int(version)))
    return out


def refresh_keys(s: Session, ids: Iterable[int]) -> int:
    """Re-key these artists in the caller's transaction (after an add, edit or alias change)."""
    wanted = sorted(set(ids))
    if not wanted:
        return 0
    s.flush()
    named = _names(s, wanted)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        s.execute(delete(LeakNameKeyRow).where(LeakNameKeyRow.artist_id.in_(chunk)))
        s.execute(delete(LeakKeyStateRow).where(LeakKeyStateRow.artist_id.in_(chunk)))
    rows: list[tuple[object, ...]] = []
    for (names, _version), found in zip(
        named, keys.artists_keys([n for n, _v in named]), strict=True
    ):
        for key, basis, score in found:
            head, tail = head_tail(key) if key.isascii() and basis in PRIMARY_BASES else ("", "")
            rows.append((key, names.artist_id, basis.value, score, head, tail, key_size(key)))
    conn = s.connection()
    _executemany(
        conn,
        "INSERT INTO leak_name_key (key, artist_id, basis, score, head, tail, size) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    _executemany(
        conn,
        "INSERT INTO leak_key_state (artist_id, version) VALUES (?, ?)",
        [(n.artist_id, v) for n, v in named],
    )
    return len(named)


def _executemany(conn: Connection, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
    """Many rows through the driver in chunks (SQLAlchemy's per-row parameter handling was
    half the time of keying a roster)."""
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    for start in range(0, len(rows), 5000):
        chunk = rows[start : start + 5000]
        if chunk:
            conn.exec_driver_sql(sql, list(chunk))


def stale_ids(s: Session) -> list[int]:
    """Artists whose keys are missing or older than the artist row."""
    q = (
        select(ArtistRow.id)
        .outerjoin(LeakKeyStateRow, LeakKeyStateRow.artist_id == ArtistRow.id)
        .where((LeakKeyStateRow.version.is_(None)) | (LeakKeyStateRow.version != ArtistRow.version))
    )
    return [int(i) for i in s.scalars(q)]


def bring_up_to_date(db: Database) -> int:
    """Re-key every artist written without its keys (usually none); the number re-keyed."""
    with db.read() as s:
        stale = stale_ids(s)
    if not stale:
        return 0
    with db.write() as s:
        return refresh_keys(s, stale_ids(s))


class TableKeys:
    """The matcher's key source backed by the indexed table.

    Inside `batch()` every look-up runs on one read transaction (one snapshot, no session
    set-up per name); outside it each look-up opens its own."""

    def __init__(self, db: Database, up_to_date: bool = False) -> None:
        self.db = db
        self._conn: Connection | None = None
        self._pools: dict[tuple[str, str, int], list[str]] = {}  # within one batch
        if not up_to_date:
            bring_up_to_date(db)

    @contextmanager
    def batch(self) -> Iterator[None]:
        if self._conn is not None:
            yield
            return
        with self.db.read() as s:
            self._conn = s.connection()
            try:
                yield
            finally:
                self._conn = None
                self._pools = {}

    def _sql(self, sql: str, params: Sequence[object]) -> list[Any]:
        """Plain SQL on the driver (the look-ups are few and simple; statement building in
        SQLAlchemy cost more than the queries). `?` marks a parameter."""
        if self._conn is not None:
            return self._run(self._conn, sql, params)
        with self.db.read() as s:
            return self._run(s.connection(), sql, params)

    @staticmethod
    def _run(conn: Connection, sql: str, params: Sequence[object]) -> list[Any]:
        if conn.dialect.paramstyle != "qmark":
            sql = sql.replace("%", "%%").replace("?", "%s")
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, tuple(params))
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def exact(self, keys_: Sequence[str]) -> dict[str, list[tuple[int, Basis, int]]]:
        wanted = [k for k in dict.fromkeys(keys_) if k]
        out: dict[str, list[tuple[int, Basis, int]]] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            sql = (
                "SELECT key, artist_id, basis, score FROM leak_name_key "
                f"WHERE key IN ({_marks(len(chunk))})"
            )
            for key, artist_id, basis, score in self._sql(sql, chunk):
                out.setdefault(key, []).append((int(artist_id), Basis(basis), int(score)))
        return out

    def near_pool(self, queries: Sequence[str]) -> list[str]:
        """Primary Latin keys sharing the first or the last letters with a query and within
        NEAR_SIZE letters of its length (one index range each; a list's entries often share
        a family name, so each range is read once per list)."""
        pool: set[str] = set()
        for q in dict.fromkeys(queries):
            head, tail = head_tail(q)
            n = key_size(q)
            for column, value in (("head", head), ("tail", tail)):
                pool.update(self._block(column, value, n))
        return sorted(pool)

    def _block(self, column: str, value: str, size: int) -> list[str]:
        cached = self._pools.get((column, value, size))
        if cached is not None:
            return cached
        sql = (
            f"SELECT DISTINCT key FROM leak_name_key WHERE {column} = ? "
            f"AND size BETWEEN ? AND ? AND basis IN ({_marks(len(_PRIMARY))})"
        )
        found = [
            str(r[0])
            for r in self._sql(sql, [value, size - NEAR_SIZE, size + NEAR_SIZE, *_PRIMARY])
        ]
        if self._conn is not None:
            self._pools[(column, value, size)] = found
        return found

    def artists(self, ids: Sequence[int]) -> dict[int, tuple[str, str, bool]]:
        wanted = list(dict.fromkeys(ids))
        out: dict[int, tuple[str, str, bool]] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            sql = (
                "SELECT id, native_name, romanized_name, archived FROM artist "
                f"WHERE id IN ({_marks(len(chunk))})"
            )
            for i, native, rom, archived in self._sql(sql, chunk):
                out[int(i)] = (native, rom or "", bool(archived))
        return out

    def size(self) -> int:
        return int(self._sql("SELECT count(*) FROM artist", [])[0][0])


def _marks(n: int) -> str:
    return ", ".join("?" * n)


# -- aliases ---------------------------------------------------------------------------------
def clean_aliases(texts: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, one per spelling (case and spacing ignored), validated."""
    out: dict[str, str] = {}
    problems: list[FieldProblem] = []
    for raw in texts:
        text = " ".join(raw.split())
        if not text:
            continue
        if len(text) > MAX_ALIAS:
            problems.append(
                FieldProblem("aliases", "problem.alias_longer_than", text=text[:30], n=MAX_ALIAS)
            )
            continue
        if has_han(text):
            problems.append(
                FieldProblem(
                    "aliases",
                    "problem.alias_in_chinese",
                    text=text,
                )
            )
            continue
        out.setdefault(keys.compact(text), text)
    if len(out) > MAX_ALIASES:
        problems.append(FieldProblem("aliases", "problem.at_most_latin_spellings", n=MAX_ALIASES))
    if problems:
        raise ValidationError(problems)
    return tuple(out.values())


class AliasService:
    """Read and record an artist's known Latin spellings (audited; keys re-made at once)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, artist_id: int) -> tuple[str, ...]:
        with self.db.read() as s:
            return tuple(aliases_by_artist(s, [artist_id]).get(artist_id, ()))

    def set(self, artist_id: int, texts: Iterable[str]) -> tuple[str, ...]:
        aliases = clean_aliases(texts)
        with self.db.write() as s:
            if s.get(ArtistRow, artist_id) is None:
                from models.errors import NotFoundError

                raise NotFoundError(
                    "error.leak.keystore.there_no_artist_id_artist", artist_id=artist_id
                )
            before = list(aliases_by_artist(s, [artist_id]).get(artist_id, ()))
            if before == list(aliases):
                return aliases
            s.execute(delete(ArtistAliasRow).where(ArtistAliasRow.artist_id == artist_id))
            if aliases:
                s.execute(
                    insert(ArtistAliasRow),
                    [
                        {"artist_id": artist_id, "position": n, "text": t}
                        for n, t in enumerate(aliases)
                    ],
                )
            append_event(
                s,
                self.db.actor,
                "artist",
                artist_id,
                "aliases",
                {"aliases": before},
                {"aliases": list(aliases)},
            )
            refresh_keys(s, [artist_id])
        return aliases


__all__ = [
    "KEY_ON_WRITE_LIMIT",
    "AliasService",
    "TableKeys",
    "aliases_by_artist",
    "bring_up_to_date",
    "clean_aliases",
    "refresh_keys",
    "stale_ids",
]
