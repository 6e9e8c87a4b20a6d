"""Matching the names of a leaked list to roster artists.

The roster is indexed once (every spelling of every artist under one compact key; one to two
seconds for 100,000 artists), after which a list of hundreds of names is matched in a fraction
of a second. Keep one `NameMatcher` while the roster does not change.

Each entry ends in one of three states, and a person decides every doubtful one:

- `matched`: one clear best candidate — its score is at least MATCH_SCORE and at least MARGIN
  above the next candidate;
- `ambiguous`: candidates exist but none is clearly best (林晓 and 林筱 are both "Lin Xiao"),
  or the only candidate is too weak to trust without a look (a homophone, a near spelling);
- `not_found`: no candidate scores at least CANDIDATE_CUTOFF.

Scores (0–100): 100 for an exact form (native name, romanised name, stage name, pinyin —
after full-width, case, accent, spacing and traditional/simplified differences are removed),
95 for the name written in the other order ("Xiao Lin"; not enough to beat another
artist's exact form, since both readings are plausible), 80 for a Chinese entry that only
sounds like the artist's name (林筱 for 林晓), and for near spellings the OSA similarity of
the romanised forms (a transposed or dropped letter in "Lin Xaio", "Chen Jingy"); near
spellings of Chinese entries compare their pinyin and score 20 below that. A `matched` entry
scoring below 100 was matched on word order or a near spelling: worth a glance before a
statement names the artist.

Archived artists are matched like everyone else and flagged (`Candidate.archived`): a leak
can name a former artist whose likeness is still in use, and the agency may still need to
answer for them; the leak view shows the flag so nobody mistakes them for a current artist.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy import Integer, Text, select, type_coerce

from models.leak import keys
from models.leak.entries import ListEntry, clean_entry, split_list
from models.names import display_name, has_han
from models.storage.database import Database
from models.storage.schema import ArtistRow

EXACT = 100
WORD_ORDER_SCORE = 95
HOMOPHONE_SCORE = 80
HAN_NEAR_PENALTY = 20
MATCH_SCORE = 85
MARGIN = 6
CANDIDATE_CUTOFF = 70
MAX_CANDIDATES = 5
# Up to this many distinct romanised keys every near search compares them all; above it, only
# keys sharing the first or the last two letters with the entry (a single typo always does).
FULL_SCAN_LIMIT = 20_000
MIN_NEAR_LENGTH = 4
_NEAR_LIMIT = 12


class MatchStatus(StrEnum):
    MATCHED = "matched"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"


class MatchKind(StrEnum):
    """Which of the artist's forms the entry matched, strongest first."""

    NAME = "name"
    STAGE_NAME = "stage_name"
    ROMANIZED = "romanized_name"
    PINYIN = "pinyin"
    WORD_ORDER = "word_order"
    HOMOPHONE = "homophone"
    NEAR = "near"


_RANK = {kind: i for i, kind in enumerate(MatchKind)}


@dataclass(frozen=True)
class RosterName:
    """The names of one artist, as the matcher needs them."""

    artist_id: int
    native_name: str
    romanized_name: str = ""
    stage_names: tuple[str, ...] = ()
    archived: bool = False


@dataclass(frozen=True)
class Candidate:
    artist_id: int
    native_name: str
    romanized_name: str
    score: int
    kind: MatchKind
    archived: bool = False

    @property
    def display_name(self) -> str:
        return display_name(self.native_name, self.romanized_name)


@dataclass(frozen=True)
class NameMatch:
    """The outcome for one list entry; `candidates` are best first (the match is the first)."""

    entry: ListEntry
    status: MatchStatus
    candidates: tuple[Candidate, ...] = ()

    @property
    def text(self) -> str:
        return self.entry.text

    @property
    def best(self) -> Candidate | None:
        """The matched artist; None unless the status is `matched`."""
        return self.candidates[0] if self.status is MatchStatus.MATCHED else None

    @property
    def artist_id(self) -> int | None:
        best = self.best
        return best.artist_id if best else None

    @property
    def native_name(self) -> str | None:
        best = self.best
        return best.native_name if best else None

    @property
    def score(self) -> int:
        """The best candidate's score (0 when there is none)."""
        return self.candidates[0].score if self.candidates else 0

    @property
    def archived(self) -> bool:
        best = self.best
        return bool(best and best.archived)


_Hit = tuple[int, int, MatchKind]  # roster index, score, kind


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Indexing creates a million small objects that all stay alive; Python's cyclic garbage
    collector would rescan them over and over (it tripled the build time for 100,000 artists)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_roster_names(db: Database) -> list[RosterName]:
    """Every artist's names, archived ones included, in one read.

    Stage names are read as the stored JSON text and decoded here only when there are any:
    SQLAlchemy's per-row JSON and Boolean processing was half the load time at 100,000."""
    q = select(
        ArtistRow.id,
        ArtistRow.native_name,
        ArtistRow.romanized_name,
        type_coerce(ArtistRow.stage_names, Text),
        type_coerce(ArtistRow.archived, Integer),
    ).order_by(ArtistRow.id)
    with db.read() as s:
        return [
            RosterName(int(i), native, rom or "", _stage_names(stage), bool(archived))
            for i, native, rom, stage, archived in s.execute(q)
        ]


def _stage_names(stored: object) -> tuple[str, ...]:
    if not stored or stored == "[]":
        return ()
    # SQLite hands back the JSON text; drivers with a JSON type (PostgreSQL) a decoded list.
    value = json.loads(stored) if isinstance(stored, str | bytes) else stored
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if v)


class NameMatcher:
    """An index of every spelling of every roster artist, built once per leak list."""

    def __init__(self, roster: Iterable[RosterName]) -> None:
        self._roster: tuple[RosterName, ...] = tuple(roster)
        self._exact: dict[str, list[_Hit]] = {}
        with _collector_paused():
            self._build()
        near = sorted(
            k for k, hits in self._exact.items() if k.isascii() and any(h[1] == EXACT for h in hits)
        )
        self._near_keys = near
        self._by_prefix: dict[str, list[str]] | None = None
        self._by_suffix: dict[str, list[str]] = {}
        if len(near) > FULL_SCAN_LIMIT:
            self._by_prefix = {}
            for k in near:
                self._by_prefix.setdefault(k[:2], []).append(k)
                self._by_suffix.setdefault(k[-2:], []).append(k)

    @classmethod
    def from_database(cls, db: Database) -> NameMatcher:
        return cls(load_roster_names(db))

    def __len__(self) -> int:
        return len(self._roster)

    # -- index ----------------------------------------------------------------------------
    def _build(self) -> None:
        texts: list[str] = []
        for r in self._roster:
            texts.append(r.native_name)
            texts.extend(r.stage_names)
        simplified = iter(keys.to_simplified(texts))
        exact = self._exact
        rank = _RANK
        compact = keys.compact

        def add(key: str, idx: int, score: int, kind: MatchKind) -> None:
            # An artist's forms are added together, so a key this artist already has can only
            # be the last hit: checking just that keeps common names cheap.
            hits = exact.get(key)
            if hits is None:
                if key:
                    exact[key] = [(idx, score, kind)]
                return
            other, old_score, old_kind = hits[-1]
            if other != idx:
                hits.append((idx, score, kind))
            elif (score, -rank[kind]) > (old_score, -rank[old_kind]):
                hits[-1] = (idx, score, kind)

        for idx, r in enumerate(self._roster):
            native = next(simplified)
            aliases = [next(simplified) for _ in r.stage_names]
            spoken: list[str] = []
            add(compact(native), idx, EXACT, MatchKind.NAME)
            if has_han(native):
                spoken, swapped = keys.name_pinyin_keys(native)
                for k in spoken:
                    add(k, idx, EXACT, MatchKind.PINYIN)
            else:
                swapped = keys.swapped_orders(keys.word_tokens(native))
            for k in swapped:
                add(k, idx, WORD_ORDER_SCORE, MatchKind.WORD_ORDER)
            if r.romanized_name:
                rom = compact(r.romanized_name)
                add(rom, idx, EXACT, MatchKind.ROMANIZED)
                if rom not in spoken:  # "Lin Xiao" for 林晓 adds nothing the pinyin did not
                    for k in keys.swapped_orders(keys.word_tokens(r.romanized_name)):
                        add(k, idx, WORD_ORDER_SCORE, MatchKind.WORD_ORDER)
            for alias in aliases:
                add(compact(alias), idx, EXACT, MatchKind.STAGE_NAME)
                if has_han(alias):
                    add(keys.pinyin_key(alias), idx, EXACT, MatchKind.STAGE_NAME)
                else:
                    for k in keys.swapped_orders(keys.word_tokens(alias)):
                        add(k, idx, WORD_ORDER_SCORE, MatchKind.WORD_ORDER)

    # -- matching -------------------------------------------------------------------------
    def match(self, text: str) -> NameMatch:
        """Match one name as typed (numbering and bracketed notes are ignored)."""
        name = clean_entry(text) or text.strip()
        return self.match_entry(ListEntry(name, text, 0, 1))

    def match_list(self, text: str) -> list[NameMatch]:
        """Split a pasted list and match every entry, in list order."""
        return self.match_entries(split_list(text))

    def match_entries(self, entries: Sequence[ListEntry]) -> list[NameMatch]:
        done: dict[str, tuple[MatchStatus, tuple[Candidate, ...]]] = {}
        out: list[NameMatch] = []
        for entry in entries:
            known = done.get(entry.text)
            if known is None:
                known = done[entry.text] = self._decide(entry.text)
            out.append(NameMatch(entry, *known))
        return out

    def match_entry(self, entry: ListEntry) -> NameMatch:
        return NameMatch(entry, *self._decide(entry.text))

    def _decide(self, text: str) -> tuple[MatchStatus, tuple[Candidate, ...]]:
        found = self._scores(text)
        roster = self._roster
        ranked = sorted(
            (
                (score, kind, idx)
                for idx, (score, kind) in found.items()
                if score >= CANDIDATE_CUTOFF
            ),
            key=lambda t: (-t[0], roster[t[2]].archived, _RANK[t[1]], roster[t[2]].artist_id),
        )
        if not ranked:
            return MatchStatus.NOT_FOUND, ()
        candidates = tuple(
            Candidate(
                roster[idx].artist_id,
                roster[idx].native_name,
                roster[idx].romanized_name,
                score,
                kind,
                roster[idx].archived,
            )
            for score, kind, idx in ranked[:MAX_CANDIDATES]
        )
        top = ranked[0][0]
        second = ranked[1][0] if len(ranked) > 1 else 0
        clear = top >= MATCH_SCORE and top - second >= MARGIN
        return (MatchStatus.MATCHED if clear else MatchStatus.AMBIGUOUS), candidates

    def _scores(self, text: str) -> dict[int, tuple[int, MatchKind]]:
        """Best score and kind per roster index for one entry."""
        key = keys.compact(keys.to_simplified([text])[0])
        if not key:
            return {}
        found: dict[int, tuple[int, MatchKind]] = {}

        def keep(idx: int, score: int, kind: MatchKind) -> None:
            old = found.get(idx)
            if old is None or (score, -_RANK[kind]) > (old[0], -_RANK[old[1]]):
                found[idx] = (score, kind)

        def exact_found() -> bool:
            return any(score == EXACT for score, _kind in found.values())

        def look_up(part: str) -> None:
            for idx, score, kind in self._exact.get(part, ()):
                keep(idx, score, kind)
            if has_han(part):
                for idx, score, _kind in self._exact.get(keys.pinyin_key(part), ()):
                    if score == EXACT:
                        keep(idx, HOMOPHONE_SCORE, MatchKind.HOMOPHONE)

        parts = [key]
        han, latin = keys.han_part(key), keys.latin_part(key)
        if han and latin:  # "林晓 Lin Xiao": either half may be the name as the roster has it
            parts += [han, latin]
        look_up(key)
        if len(parts) > 1:
            look_up(han)
            if not exact_found():  # the characters did not name anyone; try the romanisation
                look_up(latin)
        if exact_found():
            return found
        for part in parts:
            spoken = has_han(part)
            query = keys.pinyin_key(part) if spoken else part
            penalty = HAN_NEAR_PENALTY if spoken else 0
            if not query.isascii() or len(query) < MIN_NEAR_LENGTH:
                continue
            for near_key, score in self._near(query, CANDIDATE_CUTOFF + penalty):
                for idx, exact_score, _kind in self._exact[near_key]:
                    if exact_score == EXACT:
                        keep(idx, min(score, EXACT - 1) - penalty, MatchKind.NEAR)
        return found

    def _near(self, query: str, cutoff: int) -> list[tuple[str, int]]:
        """Roster keys spelled like `query`, with their similarity 0–100 (at least `cutoff`)."""
        if self._by_prefix is None:
            pools = [self._near_keys]
        else:
            pools = [self._by_prefix.get(query[:2], []), self._by_suffix.get(query[-2:], [])]
        best: dict[str, int] = {}
        for pool in pools:
            if not pool:
                continue
            for choice, similarity, _pos in process.extract(
                query,
                pool,
                scorer=OSA.normalized_similarity,
                score_cutoff=(cutoff - 0.5) / 100,
                limit=_NEAR_LIMIT,
            ):
                score = round(similarity * 100)
                if score >= cutoff and score > best.get(choice, -1):
                    best[choice] = score
        return list(best.items())
