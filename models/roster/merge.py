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
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
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


@dataclass(frozen=True, slots=True)
class KnownArtist:
    """The few facts matching needs about every artist already in the roster."""

    id: int
    native_name: str
    date_of_birth: date | None
    romanized_name: str


def pinyin_key(romanized: str) -> str:
    """Letters only, lower case, tone marks dropped: "Lín Xiǎo" and "lin-xiao" are the same."""
    plain = unicodedata.normalize("NFKD", romanized)
    return "".join(c for c in plain.casefold() if c.isalnum())


class RosterIndex:
    """Every artist's match keys, built once per import (ids, name + birth date, pinyin)."""

    def __init__(self, known: Iterable[KnownArtist]) -> None:
        self.by_id: dict[int, KnownArtist] = {}
        self.by_key: dict[tuple[str, date | None], list[int]] = defaultdict(list)
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_pinyin: dict[str, list[int]] = defaultdict(list)
        for k in sorted(known, key=lambda a: a.id):
            self.by_id[k.id] = k
            self.by_key[(k.native_name, k.date_of_birth)].append(k.id)
            self.by_name[k.native_name].append(k.id)
            key = pinyin_key(k.romanized_name)
            if key:
                self.by_pinyin[key].append(k.id)


def match(rows: Iterable[IncomingRow], index: RosterIndex) -> list[tuple[IncomingRow, int | None]]:
    """Each row with the id of the artist it is (or None): by id, then name + birth date."""
    taken: set[int] = set()
    seen: dict[tuple[str, date | None], int] = defaultdict(int)
    out: list[tuple[IncomingRow, int | None]] = []
    for row in rows:
        found: int | None = None
        if row.artist_id is not None and row.artist_id in index.by_id:
            if row.artist_id not in taken:
                found = row.artist_id
        else:
            key = (row.draft.native_name, row.draft.date_of_birth)
            candidates = index.by_key.get(key, [])
            n = seen[key]
            seen[key] += 1
            # the n-th row with this key is the n-th artist with it, unless already claimed
            free = [c for c in candidates[n:] if c not in taken]
            found = free[0] if free else None
        if found is not None:
            taken.add(found)
        out.append((row, found))
    return out


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
    draft = replace(existing.draft(), **values)  # type: ignore[arg-type]
    return draft.normalized()


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


def possible_duplicate(row: IncomingRow, index: RosterIndex, taken: set[int]) -> int | None:
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


def plan_rows(
    matched: list[tuple[IncomingRow, int | None]],
    existing: Mapping[int, Artist],
    index: RosterIndex,
    columns: tuple[str, ...],
) -> list[PlannedRow]:
    """Classify matched rows; `existing` holds every matched artist and possible duplicate."""
    taken = {artist_id for _row, artist_id in matched if artist_id is not None}
    return [plan_row(row, artist_id, existing, index, columns, taken) for row, artist_id in matched]


def plan_row(
    row: IncomingRow,
    artist_id: int | None,
    existing: Mapping[int, Artist],
    index: RosterIndex,
    columns: tuple[str, ...],
    taken: set[int],
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
    "FieldChange",
    "ImportPlan",
    "KnownArtist",
    "PlannedRow",
    "RosterIndex",
    "RowKind",
    "match",
    "pinyin_key",
    "plan_row",
    "plan_rows",
    "possible_duplicate",
]
