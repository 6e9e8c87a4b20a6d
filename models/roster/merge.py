"""Matching a roster file to the roster, so importing a spreadsheet again merges instead of
doubling.

A row is matched to an artist by its `id` cell when that artist exists (our own exports carry
ids), otherwise by native name and date of birth. The n-th row with a given name and birth
date matches the n-th such artist (by id), so a file that lists the same person twice still
imports the same way twice. A matched row is *unchanged* or *changed* (field by field); an
unmatched row is *new*, or a *possible duplicate* when an artist has the same name with a
different birth date, or a near-identical romanised name (same letters, ignoring case,
spaces, hyphens and tone marks). Only the columns the file has are compared and written: a
file without a `notes` column keeps every artist's notes. An empty romanised-name cell keeps
the artist's romanised name.

What to do with each row is the person's choice; the defaults are: add new rows, update
changed ones, skip possible duplicates (they are listed for a decision, never added silently).
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property

from models.roster.artist import Artist, ArtistDraft
from models.roster.io import IncomingRow


class RowKind(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"


class Choice(StrEnum):
    ADD = "add"  # a new artist
    UPDATE = "update"  # write the row's values over the matched artist
    SKIP = "skip"  # leave the roster as it is


# file column → draft field
FIELD_OF_COLUMN = {
    "native_name": "native_name",
    "romanized_name": "romanized_name",
    "stage_name": "stage_names",
    "date_of_birth": "date_of_birth",
    "jurisdiction": "jurisdiction",
    "union": "unions",
    "ai_stance": "ai_stance",
    "notes": "notes",
}


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str  # the file column, e.g. "stage_name"
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class PlannedRow:
    """One row of the file, what it is to the roster, and what it would write."""

    line: int
    kind: RowKind
    draft: ArtistDraft  # for a matched row: the artist with the file's columns applied
    artist_id: int | None = None  # matched artist, or the artist it may duplicate
    version: int | None = None  # the matched artist's version when planned
    changes: tuple[FieldChange, ...] = ()
    duplicate_of: str = ""  # the possible duplicate's display name and birth date
    update_draft: ArtistDraft | None = None  # a duplicate: the artist if updated instead

    @property
    def default_choice(self) -> Choice:
        if self.kind is RowKind.NEW:
            return Choice.ADD
        if self.kind is RowKind.CHANGED:
            return Choice.UPDATE
        return Choice.SKIP

    @property
    def choices(self) -> tuple[Choice, ...]:
        """What a person may choose for this row."""
        if self.kind is RowKind.NEW:
            return (Choice.ADD, Choice.SKIP)
        if self.kind is RowKind.CHANGED:
            return (Choice.UPDATE, Choice.SKIP)
        if self.kind is RowKind.DUPLICATE:
            return (Choice.SKIP, Choice.ADD, Choice.UPDATE)
        return (Choice.SKIP,)


@dataclass(frozen=True)
class ImportPlan:
    rows: tuple[PlannedRow, ...]

    def count(self, kind: RowKind) -> int:
        return sum(1 for r in self.rows if r.kind is kind)

    def counts(self) -> dict[RowKind, int]:
        return dict(self._counts)

    def default_choices(self) -> list[Choice]:
        return list(self._default_choices)

    # Worked out once (the GUI asks on a worker first, so opening the preview stays quick).
    @cached_property
    def _counts(self) -> dict[RowKind, int]:
        out = dict.fromkeys(RowKind, 0)
        for r in self.rows:
            out[r.kind] += 1
        return out

    @cached_property
    def _default_choices(self) -> tuple[Choice, ...]:
        default = {k: PlannedRow(0, k, ArtistDraft("")).default_choice for k in RowKind}
        return tuple(default[r.kind] for r in self.rows)

    @property
    def changes_anything(self) -> bool:
        return any(r.kind in (RowKind.NEW, RowKind.CHANGED) for r in self.rows)


def pinyin_key(romanized: str) -> str:
    """Letters only, lower case, tone marks dropped: "Lín Xiǎo" and "lin-xiao" are the same."""
    plain = unicodedata.normalize("NFKD", romanized)
    return "".join(c for c in plain.casefold() if c.isalnum())


def match_key(native_name: str, born: date | None) -> bytes:
    """A name and birth date as one short object: the day number in 3 bytes (0: none), then
    the name in UTF-8; one key per artist, well under half a tuple of a name and a date."""
    day = born.toordinal() if born is not None else 0
    return day.to_bytes(3, "big") + native_name.encode("utf-8", "surrogatepass")


class RosterIndex:
    """Every artist's match keys, built once per import from (id, native name, date of birth)
    in id order, held compactly: no object per artist, only the ids in one array and one
    dict entry per name + birth date, naming positions in that array (a list only where
    several artists share a key)."""

    def __init__(self, known: Iterable[tuple[int, str, date | None]]) -> None:
        self.ids = array("q")
        self.by_key: dict[bytes, int | list[int]] = {}  # match_key → position(s)
        for artist_id, native_name, born in known:
            if self.ids and artist_id <= self.ids[-1]:
                raise ValueError("artists must come in increasing id order")
            pos = len(self.ids)
            self.ids.append(artist_id)
            key = match_key(native_name, born)
            have = self.by_key.get(key)
            if have is None:
                self.by_key[key] = pos
            elif isinstance(have, int):
                self.by_key[key] = [have, pos]
            else:
                have.append(pos)

    def __len__(self) -> int:
        return len(self.ids)

    def position(self, artist_id: int) -> int | None:
        """Where `artist_id` is in `ids`, or None for no such artist."""
        at = bisect_left(self.ids, artist_id)
        return at if at < len(self.ids) and self.ids[at] == artist_id else None


def match(
    rows: Iterable[IncomingRow], index: RosterIndex
) -> Iterator[tuple[IncomingRow, int | None]]:
    """Each row with the id of the artist it is (or None): by id, then name + birth date.

    Rows come out one by one as they are matched."""
    taken = bytearray(len(index))  # one byte per artist: matched to an earlier row
    for row in rows:
        found: int | None = None
        pos = index.position(row.artist_id) if row.artist_id is not None else None
        if pos is not None:
            if not taken[pos]:
                found = pos
        else:
            have = index.by_key.get(match_key(row.draft.native_name, row.draft.date_of_birth))
            if have is not None:
                # the first artist with this key not claimed yet: the n-th row with a key is
                # the n-th artist with it, as each row before it claimed one (or none was left)
                candidates = (have,) if isinstance(have, int) else have
                found = next((c for c in candidates if not taken[c]), None)
        if found is None:
            yield row, None
        else:
            taken[found] = 1
            yield row, index.ids[found]


class DuplicateIndex:
    """The artists unmatched rows may duplicate: by native name and by pinyin key, in id
    order, kept only for the names and keys of `rows` (a few, however large the roster)."""

    def __init__(self, known: Iterable[tuple[int, str, str]], rows: Sequence[IncomingRow]) -> None:
        names = {r.draft.native_name for r in rows}
        keys = {pinyin_key(r.draft.romanized_name) for r in rows} - {""}
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_pinyin: dict[str, list[int]] = defaultdict(list)
        for artist_id, native_name, romanized_name in known:
            if native_name in names:
                self.by_name[native_name].append(artist_id)
            key = pinyin_key(romanized_name)
            if key in keys:
                self.by_pinyin[key].append(artist_id)


def merged_draft(existing: Artist, row: IncomingRow, columns: Iterable[str]) -> ArtistDraft:
    """The artist as it would be with the file's columns written over it."""
    values: dict[str, object] = {}
    for column in columns:
        field_name = FIELD_OF_COLUMN.get(column)
        if field_name is None:
            continue
        if field_name == "romanized_name" and not row.romanized_given:
            continue
        values[field_name] = getattr(row.draft, field_name)
    return existing.draft().replace(**values).normalized()


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(getattr(value, "value", value))


def field_changes(
    existing: ArtistDraft, merged: ArtistDraft, columns: Iterable[str]
) -> tuple[FieldChange, ...]:
    out = []
    for column in columns:
        field_name = FIELD_OF_COLUMN.get(column)
        if field_name is None:
            continue
        before, after = getattr(existing, field_name), getattr(merged, field_name)
        if before != after:
            out.append(FieldChange(column, _shown(before), _shown(after)))
    return tuple(out)


def possible_duplicate(
    row: IncomingRow, index: DuplicateIndex, taken: Container[int]
) -> int | None:
    """An artist this unmatched row may be: same name, or near-identical pinyin.

    Artists other rows matched (`taken`) come last: a second row with a matched artist's
    name is still worth a look, but an unmatched namesake is the likelier one.
    """
    key = pinyin_key(row.draft.romanized_name)
    found = [*index.by_name.get(row.draft.native_name, [])]
    found += index.by_pinyin.get(key, []) if key else []
    free = [c for c in found if c not in taken]
    chosen = free or found
    return chosen[0] if chosen else None


def plan_row(
    row: IncomingRow,
    artist_id: int | None,
    existing: Mapping[int, Artist],
    index: DuplicateIndex,
    columns: tuple[str, ...],
    taken: Container[int],
) -> PlannedRow:
    """What one row is to the roster (see the module docstring)."""
    if artist_id is not None:
        artist = existing[artist_id]
        before = artist.draft().normalized()
        merged = merged_draft(artist, row, columns)
        changes = field_changes(before, merged, columns)
        if not changes:  # the file's own draft: one object per row, however large the file
            return PlannedRow(row.line, RowKind.UNCHANGED, row.draft, artist_id, artist.version)
        return PlannedRow(row.line, RowKind.CHANGED, merged, artist_id, artist.version, changes)
    other = possible_duplicate(row, index, taken)
    if other is None:
        return PlannedRow(row.line, RowKind.NEW, row.draft)
    artist = existing[other]
    born = artist.date_of_birth.isoformat() if artist.date_of_birth else "—"
    label = f"#{other} {artist.display_name}, {born}"
    merged = merged_draft(artist, row, columns)
    changes = field_changes(artist.draft().normalized(), merged, columns)
    return PlannedRow(
        row.line, RowKind.DUPLICATE, row.draft, other, artist.version, changes, label, merged
    )


__all__ = [
    "Choice",
    "DuplicateIndex",
    "FieldChange",
    "ImportPlan",
    "PlannedRow",
    "RosterIndex",
    "RowKind",
    "match",
    "match_key",
    "pinyin_key",
    "plan_row",
    "possible_duplicate",
]
