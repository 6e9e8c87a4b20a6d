"""The roster's names as the leak matcher looks them up: in memory, or read from the database.

`KeySource` is what `NameMatcher` asks: exact keys, a pool of keys near a spelling, and the
artists behind them. `MemoryKeys` answers from a roster held in memory (tests, tools, names
not in a database); `keystore.TableKeys` answers from the indexed table kept current on every
roster write. `roster_names_from` is the one query that reads every artist's names, used by the
matcher and by the script-to-roster name finder alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Integer, Text, select, type_coerce
from sqlalchemy.orm import Session

from models.leak import keys
from models.leak.keys import NEAR_SIZE, PRIMARY_BASES, ArtistNames, Basis, head_tail, key_size
from models.storage.database import Database
from models.storage.schema import ArtistRow


@dataclass(frozen=True)
class RosterName:
    """The names of one artist, as the matcher needs them."""

    artist_id: int
    native_name: str
    romanized_name: str = ""
    stage_names: tuple[str, ...] = ()
    archived: bool = False
    aliases: tuple[str, ...] = ()


Hit = tuple[int, Basis, int]  # artist id, basis, score
ArtistInfo = tuple[str, str, bool]  # native name, romanised name, archived


class KeySource(Protocol):
    """Where the roster's keys are looked up: in memory or the indexed table."""

    def exact(self, keys: Sequence[str]) -> dict[str, list[Hit]]: ...

    def near_pool(self, queries: Sequence[str]) -> list[str]: ...

    def artists(self, ids: Sequence[int]) -> dict[int, ArtistInfo]: ...

    def size(self) -> int: ...

    def batch(self) -> AbstractContextManager[None]: ...


class MemoryKeys:
    """Keys of a roster held in memory (tests, tools, a roster not in a database)."""

    def __init__(self, roster: Iterable[RosterName]) -> None:
        self.roster = {r.artist_id: r for r in roster}
        names = [
            ArtistNames(r.artist_id, r.native_name, r.romanized_name, r.stage_names, r.aliases)
            for r in self.roster.values()
        ]
        self.table: dict[str, list[Hit]] = {}
        self.heads: dict[str, set[str]] = {}
        self.tails: dict[str, set[str]] = {}
        self.sizes: dict[str, int] = {}
        for names_, found in zip(names, keys.artists_keys(names), strict=True):
            for key, basis, score in found:
                self.table.setdefault(key, []).append((names_.artist_id, basis, score))
                if key.isascii() and basis in PRIMARY_BASES:
                    head, tail = head_tail(key)
                    self.heads.setdefault(head, set()).add(key)
                    self.tails.setdefault(tail, set()).add(key)
                    self.sizes[key] = key_size(key)

    def exact(self, keys_: Sequence[str]) -> dict[str, list[Hit]]:
        return {k: self.table[k] for k in keys_ if k in self.table}

    def near_pool(self, queries: Sequence[str]) -> list[str]:
        pool: set[str] = set()
        for q in queries:
            head, tail = head_tail(q)
            n = key_size(q)
            for k in self.heads.get(head, set()) | self.tails.get(tail, set()):
                if abs(self.sizes[k] - n) <= NEAR_SIZE:
                    pool.add(k)
        return sorted(pool)

    def artists(self, ids: Sequence[int]) -> dict[int, ArtistInfo]:
        return {
            i: (r.native_name, r.romanized_name, r.archived)
            for i in ids
            if (r := self.roster.get(i)) is not None
        }

    def size(self) -> int:
        return len(self.roster)

    def batch(self) -> AbstractContextManager[None]:
        return nullcontext()


def load_roster_names(db: Database) -> list[RosterName]:
    """Every artist's names, archived ones included, in one read (aliases included)."""
    with db.read() as s:
        return roster_names_from(s, with_aliases=True)


def roster_names_from(s: Session, with_aliases: bool) -> list[RosterName]:
    """Every artist's names in the caller's transaction (with their recorded aliases, or not)."""
    from models.leak.keystore import aliases_by_artist

    q = select(
        ArtistRow.id,
        ArtistRow.native_name,
        ArtistRow.romanized_name,
        type_coerce(ArtistRow.stage_names, Text),
        type_coerce(ArtistRow.archived, Integer),
    ).order_by(ArtistRow.id)
    aliases = aliases_by_artist(s) if with_aliases else {}
    return [
        RosterName(
            int(i),
            native,
            rom or "",
            stage_names_of(stage),
            bool(archived),
            tuple(aliases.get(int(i), ())),
        )
        for i, native, rom, stage, archived in s.execute(q)
    ]


def stage_names_of(stored: object) -> tuple[str, ...]:
    if not stored or stored == "[]":
        return ()
    # SQLite hands back the JSON text; drivers with a JSON type (PostgreSQL) a decoded list.
    value = json.loads(stored) if isinstance(stored, str | bytes) else stored
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if v)


__all__ = [
    "ArtistInfo",
    "Hit",
    "KeySource",
    "MemoryKeys",
    "RosterName",
    "load_roster_names",
    "roster_names_from",
    "stage_names_of",
]
