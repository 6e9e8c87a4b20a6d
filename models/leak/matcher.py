"""Matching the names of a leaked list to roster artists — and saying how sure, and why.

Every spelling of every artist is kept under one key (models/leak/keys.py): the native name in
simplified characters, its pinyin, Wade-Giles and Hong Kong spellings with syllable
boundaries kept ("li'an'wei" is not "lian'wei"), stage names and the Latin spellings the agency
recorded as the artist's own (aliases). Against the database those keys live in an indexed
table kept current on every roster write (models/leak/keystore.py), so matching a list is a
handful of index look-ups per name; `NameMatcher(roster)` builds the same index in memory.

Each entry ends in one of three states:

- `matched`: one clear best candidate (at least MARGIN above the next);
- `ambiguous`: candidates exist but none is clearly best, or the only ones are a near
  spelling, a homophone or a look-alike character — offered, never chosen;
- `not_found`: no candidate.

and carries a `basis` (keys.Basis) and `confirm`. Only a match on the native name (after
simplified/traditional and full-width normalisation), a registered stage name or a recorded
alias is `matched` without confirmation. Latin letters are shared by many Chinese names
("Sun Li" is 孙俪 as well as 孙莉): a match on pinyin, a romanisation or the other word order is
`matched` with `confirm` set and a reason; a near spelling never is.

Archived artists are matched like everyone else and flagged (`Candidate.archived`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from rapidfuzz import process
from rapidfuzz.distance import OSA

from models.leak import keys, spelling
from models.leak.entries import ListEntry, clean_entry, split_list
from models.leak.keys import (
    HOMOPHONE_SCORE,
    LOOKALIKE_SCORE,
    PRIMARY_BASES,
    REORDERED_SCORE,
    STAGE_PINYIN_SCORE,
    SURE_BASES,
    SURE_SCORE,
    Basis,
)
from models.leak.roster_keys import KeySource, MemoryKeys, RosterName
from models.messages import render
from models.names import display_name, has_han
from models.storage.database import Database

EXACT = SURE_SCORE
MATCH_SCORE = REORDERED_SCORE
MARGIN = 6
CANDIDATE_CUTOFF = 70
NEAR_CAP = 89  # a near spelling never reaches the scores of an exact spelling
MAX_CANDIDATES = 5
MIN_NEAR_LENGTH = 4
_NEAR_LIMIT = 12


LATIN_BASES = frozenset({Basis.PINYIN, Basis.ROMANIZED, Basis.REORDERED})


def _one_given_syllable(native_name: str) -> bool:
    """A Chinese name of two characters (孙莉): in Latin letters ("Sun Li") it is the name of
    very many people — dozens of characters read "li" — so it is only ever a candidate."""
    han = [c for c in native_name if has_han(c)]
    return 0 < len(han) <= 2


class MatchStatus(StrEnum):
    MATCHED = "matched"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"


class MatchKind(StrEnum):
    """Which of the artist's forms the entry matched (finer than `Basis`)."""

    NAME = "name"
    STAGE_NAME = "stage_name"
    ALIAS = "alias"
    ROMANIZED = "romanized_name"
    PINYIN = "pinyin"
    WORD_ORDER = "word_order"
    HOMOPHONE = "homophone"
    LOOKALIKE = "lookalike"
    NEAR = "near"


_KIND_OF = {
    Basis.NATIVE: MatchKind.NAME,
    Basis.TRADITIONAL: MatchKind.NAME,
    Basis.STAGE_NAME: MatchKind.STAGE_NAME,
    Basis.ALIAS: MatchKind.ALIAS,
    Basis.PINYIN: MatchKind.PINYIN,
    Basis.ROMANIZED: MatchKind.ROMANIZED,
    Basis.REORDERED: MatchKind.WORD_ORDER,
    Basis.NEAR: MatchKind.NEAR,
}
_RANK = {kind: i for i, kind in enumerate(MatchKind)}


@dataclass(frozen=True)
class Candidate:
    artist_id: int
    native_name: str
    romanized_name: str
    score: int
    kind: MatchKind
    archived: bool = False
    basis: Basis = Basis.NATIVE
    detail: str = ""  # look-alike: "玉→王"; near: the number of letters that differ

    @property
    def display_name(self) -> str:
        return display_name(self.native_name, self.romanized_name)

    @property
    def sure(self) -> bool:
        return self.basis in SURE_BASES


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

    @property
    def basis(self) -> Basis | None:
        return self.candidates[0].basis if self.candidates else None

    @property
    def confirm(self) -> bool:
        """A person must confirm before a statement names anyone for this entry."""
        if self.status is MatchStatus.NOT_FOUND:
            return False
        return not (self.status is MatchStatus.MATCHED and self.candidates[0].sure)

    @property
    def reason(self) -> str:
        return self.reason_in("en")

    def reason_in(self, language: str) -> str:
        """Why this outcome, in `language` ("en" or "zh")."""
        if not self.candidates:
            return render("leak.reason.not_on_roster", language)
        top = self.candidates[0]
        equal = sum(1 for c in self.candidates[1:] if c.score == top.score)
        from models.leak.reasons import reason_text  # beside the matcher: no import circle

        return reason_text(top, self.status, equal, language)


_Found = dict[int, tuple[int, Basis, MatchKind, str]]  # id → score, basis, kind, detail


class NameMatcher:
    """Matches list entries against a key source (a roster in memory, or the key table)."""

    def __init__(
        self, roster: Iterable[RosterName] | KeySource, short_latin_names_sure: bool = False
    ) -> None:
        """`short_latin_names_sure`: a two-character name matched on Latin letters may be
        `matched` (with confirm) — for a small set of requested artists (a proposal's cast),
        not for the whole roster on leak day."""
        self.short_latin_names_sure = short_latin_names_sure
        self.source: KeySource
        if isinstance(roster, MemoryKeys) or hasattr(roster, "exact"):
            self.source = roster  # type: ignore[assignment]
        else:
            self.source = MemoryKeys(roster)

    @classmethod
    def from_database(cls, db: Database) -> NameMatcher:
        """Match against the key table (brought up to date first: usually nothing to do)."""
        from models.leak.keystore import TableKeys

        return cls(TableKeys(db))

    def __len__(self) -> int:
        return self.source.size()

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
        with self.source.batch():
            for entry in entries:
                known = done.get(entry.text)
                if known is None:
                    known = done[entry.text] = self._decide(entry.text)
                out.append(NameMatch(entry, *known))
        return out

    def match_entry(self, entry: ListEntry) -> NameMatch:
        with self.source.batch():
            return NameMatch(entry, *self._decide(entry.text))

    def _decide(self, text: str) -> tuple[MatchStatus, tuple[Candidate, ...]]:
        found = self._scores(text)
        ranked = sorted(
            ((score, basis, kind, detail, i) for i, (score, basis, kind, detail) in found.items()),
            key=lambda t: (-t[0], _RANK[t[2]], t[4]),
        )
        ranked = [r for r in ranked if r[0] >= CANDIDATE_CUTOFF][: MAX_CANDIDATES * 3]
        if not ranked:
            return MatchStatus.NOT_FOUND, ()
        info = self.source.artists([r[4] for r in ranked])
        ranked = [r for r in ranked if r[4] in info]
        if not ranked:
            return MatchStatus.NOT_FOUND, ()
        # Same score: current artists before archived ones.
        ranked.sort(key=lambda t: (-t[0], info[t[4]][2], _RANK[t[2]], t[4]))
        entry_key = spelling.latin_key(text) if text.isascii() else ""
        candidates = tuple(
            Candidate(
                i,
                info[i][0],
                info[i][1],
                score,
                # spelled as the roster romanises the artist: say so (the basis stays pinyin)
                MatchKind.ROMANIZED
                if kind is MatchKind.PINYIN
                and entry_key
                and spelling.latin_key(info[i][1]) == entry_key
                else kind,
                info[i][2],
                basis,
                detail,
            )
            for score, basis, kind, detail, i in ranked[:MAX_CANDIDATES]
        )
        top = candidates[0]
        second = candidates[1].score if len(candidates) > 1 else 0
        offered_only = top.kind in {MatchKind.NEAR, MatchKind.HOMOPHONE, MatchKind.LOOKALIKE} or (
            top.basis in LATIN_BASES
            and not self.short_latin_names_sure
            and _one_given_syllable(top.native_name)
        )
        clear = not offered_only and top.score >= MATCH_SCORE and top.score - second >= MARGIN
        return (MatchStatus.MATCHED if clear else MatchStatus.AMBIGUOUS), candidates

    def _scores(self, text: str) -> _Found:
        """Best score, basis and kind per artist for one entry."""
        simplified = keys.to_simplified([text])[0]
        found: _Found = {}

        def keep(i: int, score: int, basis: Basis, kind: MatchKind, detail: str = "") -> None:
            old = found.get(i)
            if old is None or (score, -_RANK[kind]) > (old[0], -_RANK[old[2]]):
                found[i] = (score, basis, kind, detail)

        han = keys.han_part(keys.compact(simplified))
        latin_text = "".join(c if not has_han(c) else " " for c in simplified).strip()
        if han:
            self._han(han, keys.han_part(keys.compact(text)), keep)
            if any(v[0] == EXACT for v in found.values()) or not any(
                c.isalpha() for c in latin_text
            ):
                return found
        if latin_text:
            self._latin(latin_text, keep, found)
        return found

    def _han(self, han: str, raw: str, keep: _Keep) -> None:
        exact = self.source.exact([han]).get(han, [])
        for i, basis, score in exact:
            if basis in SURE_BASES:
                if basis is Basis.NATIVE and raw != han:
                    basis = Basis.TRADITIONAL
                keep(i, score, basis, _KIND_OF[basis])
        if any(b in SURE_BASES for _i, b, _s in exact):
            return
        # Candidates only: the same sound written differently, or a look-alike character.
        sounds = spelling.latin_key(" ".join(keys.han_syllables(han)))
        variants = keys.lookalike_variants(han)
        looked = self.source.exact([sounds, *(v for v, _was, _now in variants)])
        for i, basis, _score in looked.get(sounds, []):
            if basis is Basis.PINYIN:
                keep(i, HOMOPHONE_SCORE, Basis.PINYIN, MatchKind.HOMOPHONE)
        for variant, was, now in variants:
            for i, basis, _score in looked.get(variant, []):
                if basis in SURE_BASES:
                    keep(i, LOOKALIKE_SCORE, Basis.NEAR, MatchKind.LOOKALIKE, f"{was}→{now}")

    def _latin(self, text: str, keep: _Keep, found: _Found) -> None:
        key = spelling.latin_key(text)
        if not key:
            return
        swapped = spelling.reordered_keys(text)
        looked = self.source.exact([key, *swapped])
        for i, basis, score in looked.get(key, []):
            stage = basis is Basis.PINYIN and score == STAGE_PINYIN_SCORE
            keep(i, score, basis, MatchKind.STAGE_NAME if stage else _KIND_OF[basis])
        for k in swapped:
            for i, basis, _score in looked.get(k, []):
                if basis in PRIMARY_BASES:
                    keep(i, REORDERED_SCORE, Basis.REORDERED, MatchKind.WORD_ORDER)
        if any(v[0] >= MATCH_SCORE for v in found.values()):
            return
        if len(spelling.letters(key)) >= MIN_NEAR_LENGTH:
            self._near([key, *swapped], 0, keep, only=PRIMARY_BASES)

    def _near(
        self, queries: Sequence[str], penalty: int, keep: _Keep, only: frozenset[Basis]
    ) -> None:
        pool = self.source.near_pool(queries)
        if not pool:
            return
        best: dict[str, tuple[int, int, bool]] = {}  # key → score, letters differing, swapped
        cutoff = CANDIDATE_CUTOFF + penalty
        for n, q in enumerate(queries):
            for choice, similarity, _pos in process.extract(
                q,
                pool,
                scorer=OSA.normalized_similarity,
                score_cutoff=(cutoff - 0.5) / 100,
                limit=_NEAR_LIMIT,
            ):
                score = min(round(similarity * 100), NEAR_CAP) - (4 if n else 0)
                if choice == q:
                    continue
                if score >= cutoff and score > best.get(choice, (-1, 0, False))[0]:
                    differ = OSA.distance(spelling.letters(q), spelling.letters(choice))
                    best[choice] = (score, differ, n > 0)
        if not best:
            return
        looked = self.source.exact(list(best))
        for choice, (score, distance, _swapped) in best.items():
            for i, basis, _score in looked.get(choice, []):
                if basis in only:
                    keep(i, score - penalty, Basis.NEAR, MatchKind.NEAR, str(distance))


class _Keep(Protocol):
    def __call__(
        self, i: int, score: int, basis: Basis, kind: MatchKind, detail: str = ""
    ) -> None: ...


__all__ = [
    "Basis",
    "Candidate",
    "MatchKind",
    "MatchStatus",
    "NameMatch",
    "NameMatcher",
    "RosterName",  # the names the matcher takes (models/leak/roster_keys.py)
]
