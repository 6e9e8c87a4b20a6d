"""Planning an import (what each row of a file is to the roster) in little memory.

The roster is read as a stream into a compact index (models/roster/merge.py: ids in an
array, one short bytes key per name + birth date); rows are matched one by one into an
array of artist ids; the artists unmatched rows may duplicate are kept only for those rows'
names and pinyin; matched artists are fetched 500 at a time to compare field by field.
Re-importing a 100,000-row file holds the file, that index and the planned rows, never a
second copy of the roster (193 MiB peak for the whole command, was 272).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping, Sequence

from sqlalchemy import select

from models.roster.artist import Artist
from models.roster.io import ImportPreview
from models.roster.merge import (
    DuplicateIndex,
    ImportPlan,
    PlannedRow,
    RosterIndex,
    match,
    plan_row,
    possible_duplicate,
)
from models.storage.database import Database
from models.storage.schema import ArtistRow

PAGE = 500  # matched rows planned together: their artists are fetched in one query
STREAM = 5_000  # roster rows fetched at a time while indexing

Progress = Callable[[int, int], None]
GetMany = Callable[[Sequence[int]], Mapping[int, Artist]]


def plan_import(
    db: Database, preview: ImportPreview, get_many: GetMany, progress: Progress | None = None
) -> ImportPlan:
    """What each row of a checked file is to the roster: new, changed, unchanged or a
    possible duplicate (see models/roster/merge.py). Reads only; nothing is written."""
    rows = preview.rows
    with db.read() as s:
        q = select(ArtistRow.id, ArtistRow.native_name, ArtistRow.date_of_birth)
        found = s.execute(q.order_by(ArtistRow.id).execution_options(yield_per=STREAM))
        index = RosterIndex((i, n, b) for i, n, b in found)
    # the matched artist's id per row, -1 for none (the roster's ids count from 1)
    at = array("q", (-1 if a is None else a for _row, a in match(rows, index)))
    dupes, taken = DuplicateIndex((), ()), set[int]()
    unmatched = [r for r, a in zip(rows, at, strict=True) if a == -1] if len(index) else []
    if unmatched:  # they may duplicate an artist: looked for by their names and pinyin only
        taken = {a for a in at if a != -1}  # matched artists come last as possible duplicates
        with db.read() as s:
            names = select(ArtistRow.id, ArtistRow.native_name, ArtistRow.romanized_name)
            named = s.execute(names.order_by(ArtistRow.id).execution_options(yield_per=STREAM))
            dupes = DuplicateIndex(((i, n, r) for i, n, r in named), unmatched)
    del unmatched
    planned: list[PlannedRow] = []
    total = len(rows)
    for start in range(0, total, PAGE):
        chunk = [
            (row, None if a == -1 else a)
            for row, a in zip(rows[start : start + PAGE], at[start : start + PAGE], strict=True)
        ]
        wanted = {a for _r, a in chunk if a is not None}
        for row, artist_id in chunk:
            if artist_id is None and len(index):
                other = possible_duplicate(row, dupes, taken)
                if other is not None:
                    wanted.add(other)
        existing = get_many(sorted(wanted)) if wanted else {}
        for row, artist_id in chunk:
            planned.append(plan_row(row, artist_id, existing, dupes, preview.columns, taken))
        if progress is not None:
            progress(start + len(chunk), total)
    return ImportPlan(tuple(planned))


__all__ = ["plan_import"]
