"""Which roster artists a script names: in its cues and in the words of its action and notes.

A script names artists as the producer's writers know them: `陈静怡`, `CHEN JINGYI`,
`ChenJingyi`, `LIN XIAO`, `LINXIAO`, a stage name, traditional characters. Every artist's
names are indexed once under the matcher's spelling-free keys (native name in simplified
characters; romanised name, stage names and the toneless pinyin of the native name, each
without spaces or case, and in the other word order), so a cue is one dictionary look-up
and a line of text a few per character. The index is kept while the roster is unchanged.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.leak import keys
from models.leak.roster_keys import RosterName, roster_names_from
from models.names import HAN_CLASS, has_han
from models.storage.database import Database
from models.storage.schema import ArtistRow

_HAN_RUN = re.compile(HAN_CLASS + "{2,}")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\uff21-\uff3a\uff41-\uff5a]+")
MIN_LATIN_KEY = 5  # one Latin word names an artist only when it is this long ("Madonna")
MAX_WORDS = 4


@dataclass(frozen=True)
class NamedArtist:
    """A roster artist the text names, and the words that name them."""

    artist_id: int
    words: str
    start: int
    end: int


class RosterNames:
    """Every roster artist's names under spelling-free keys."""

    def __init__(self, roster: Iterable[RosterName]) -> None:
        self.roster: tuple[RosterName, ...] = tuple(roster)
        self.by_id = {r.artist_id: r for r in self.roster}
        self._han: dict[str, set[int]] = {}
        self._latin: dict[str, set[int]] = {}
        self._longest_han = 0
        natives = keys.to_simplified([r.native_name for r in self.roster])
        for r, native in zip(self.roster, natives, strict=True):
            self._add(native, r.artist_id)
            if has_han(native):
                spoken, swapped = keys.name_pinyin_keys(native)
                for k in (*spoken, *swapped):
                    self._add_latin(k, r.artist_id)
            else:
                self._add_words(native, r.artist_id)
            if r.romanized_name:
                self._add_words(r.romanized_name, r.artist_id)
            for alias in keys.to_simplified(list(r.stage_names)):
                self._add(alias, r.artist_id)
                if has_han(alias):
                    self._add_latin(keys.pinyin_key(alias), r.artist_id)
                else:
                    self._add_words(alias, r.artist_id)

    def __len__(self) -> int:
        return len(self.roster)

    def _add(self, name: str, artist_id: int) -> None:
        key = keys.compact(name)
        if not key:
            return
        if has_han(key):
            self._han.setdefault(key, set()).add(artist_id)
            self._longest_han = max(self._longest_han, len(key))
        else:
            self._add_latin(key, artist_id)

    def _add_latin(self, key: str, artist_id: int) -> None:
        if key:
            self._latin.setdefault(key, set()).add(artist_id)

    def _add_words(self, name: str, artist_id: int) -> None:
        tokens = keys.word_tokens(name)
        self._add_latin("".join(tokens), artist_id)
        for k in keys.swapped_orders(tokens):
            self._add_latin(k, artist_id)

    # -- look-ups ---------------------------------------------------------------------------
    def artists_named(self, name: str) -> set[int]:
        """The artists whose name (in any form) is exactly `name`, e.g. a cue."""
        simplified = keys.to_simplified([name])[0]
        key = keys.compact(simplified)
        if not key:
            return set()
        if has_han(key):
            found = set(self._han.get(key, ()))
            latin = keys.latin_part(key)
            han = keys.han_part(key)
            if han and latin:  # "林晓 LIN XIAO"
                found |= self._han.get(han, set()) | self._latin.get(latin, set())
            return found
        return set(self._latin.get(key, ()))

    def named_in(self, text: str) -> list[NamedArtist]:
        """Artists named anywhere in `text` (longest name first at each place)."""
        out: list[NamedArtist] = []
        simplified = keys.to_simplified([text])[0]
        if len(simplified) != len(text):
            simplified = text
        longest = self._longest_han
        for run in _HAN_RUN.finditer(simplified):
            chars = run.group(0)
            i = 0
            while i < len(chars) - 1:
                hit = 0
                for size in range(min(longest, len(chars) - i), 1, -1):
                    ids = self._han.get(chars[i : i + size])
                    if ids:
                        start = run.start() + i
                        out += [NamedArtist(a, text[start : start + size], start, start + size)
                                for a in sorted(ids)]  # fmt: skip
                        hit = size
                        break
                i += hit or 1
        words = list(_WORD.finditer(text))
        used_until = -1
        for n, first in enumerate(words):
            if first.start() < used_until:
                continue
            for size in range(min(MAX_WORDS, len(words) - n), 0, -1):
                last = words[n + size - 1]
                key = keys.compact(" ".join(w.group(0) for w in words[n : n + size]))
                if size == 1 and len(key) < MIN_LATIN_KEY:
                    continue
                if not _adjacent(text, words[n : n + size]):
                    continue
                ids = self._latin.get(key)
                if ids:
                    out += [NamedArtist(a, text[first.start() : last.end()], first.start(),
                                        last.end()) for a in sorted(ids)]  # fmt: skip
                    used_until = last.end()
                    break
        out.sort(key=lambda h: (h.start, h.artist_id))
        return out


def _adjacent(text: str, words: Sequence[re.Match[str]]) -> bool:
    """Words of one name: only spaces, hyphens or dots between them."""
    return all(
        not text[a.end() : b.start()].strip(" \u3000-.·・") for a, b in itertools.pairwise(words)
    )


_CACHE: dict[str, tuple[tuple[int, datetime | None], RosterNames]] = {}
_LOCK = threading.Lock()


def roster_names(db: Database) -> RosterNames:
    """The index of the database's roster, rebuilt only when an artist was added or changed."""
    with db.read() as s:
        return roster_names_in(s)


def roster_names_in(s: Session) -> RosterNames:
    """`roster_names` inside a transaction the caller already holds."""
    count, changed = s.execute(
        select(func.count(ArtistRow.id), func.max(ArtistRow.updated_at))
    ).one()
    stamp = (int(count), changed)
    key = str(s.get_bind().engine.url)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    index = RosterNames(roster_names_from(s, with_aliases=False))
    with _LOCK:
        _CACHE.clear()  # one database at a time is the common case; never grow without bound
        _CACHE[key] = (stamp, index)
    return index


__all__ = ["NamedArtist", "RosterNames", "roster_names", "roster_names_in"]
