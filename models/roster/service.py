"""RosterService: the only way the GUI and the CLI read and change artists.

Every write runs in one transaction together with its audit event; every read returns
frozen `Artist` records, never ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from models.audit.chain import Change, append_event, append_events
from models.clock import iso, utc_now
from models.consent.stance_log import add_stance_entries, add_stance_entry
from models.errors import ConflictError, NotFoundError
from models.gcpause import paused_gc
from models.leak.keystore import KEY_ON_WRITE_LIMIT, refresh_keys
from models.names import normalize, search_text, sort_key
from models.roster.artist import DRAFT_FIELDS, Artist, ArtistDraft, Stance
from models.roster.io import ImportPreview
from models.roster.listing import SORT_SQL, RosterCounts, SortColumn
from models.roster.merge import Choice, ImportPlan, RowKind
from models.roster.planning import Progress, plan_import
from models.storage.database import Database
from models.storage.locking import take_write_turn_in
from models.storage.schema import ArtistRow
from models.storage.search import artist_count, artist_id_texts, artist_ids
from models.storage.search_bulk import IndexAfter, bulk_search_index

ENTITY = "artist"
RANK_POOL = 2_000  # matches ranked for a picker (in roster order); pickers show a few dozen
CHUNK = 5_000  # rows per INSERT during an import: memory stays flat, one transaction


@dataclass(frozen=True)
class ImportResult:
    added: tuple[int, ...]
    updated: tuple[int, ...]
    skipped: int


def match_rank(query: str, search_text: str) -> int:
    """0 exact name, 1 a name starts with it, 2 a word of a name does, 3 it is inside one."""
    compact = query.replace(" ", "")
    forms = search_text.split(" | ")
    if any(f == query or f.replace(" ", "") == compact for f in forms):
        return 0
    if any(f.startswith(query) or f.replace(" ", "").startswith(compact) for f in forms):
        return 1
    if any(word.startswith(query) for f in forms for word in f.split()):
        return 2
    return 3


__all__ = ["RosterCounts", "RosterService", "SortColumn", "to_artist"]


_SORT = SORT_SQL


def to_artist(row: ArtistRow) -> Artist:
    return Artist(
        id=row.id,
        native_name=row.native_name,
        romanized_name=row.romanized_name,
        stage_names=tuple(row.stage_names or ()),
        date_of_birth=row.date_of_birth,
        deceased_on=row.deceased_on,
        estate_contact=row.estate_contact,
        guardian=row.guardian,
        unions=tuple(row.unions or ()),
        jurisdiction=row.jurisdiction,
        agent=row.agent,
        contact=row.contact,
        notes=row.notes,
        ai_stance=Stance(row.ai_stance),
        photo_sha256=row.photo_sha256,
        archived=row.archived,
        version=row.version,
        updated_by=row.updated_by,
        updated_at_iso=iso(row.updated_at),
    )


AUDITED = (*DRAFT_FIELDS, "archived", "version")  # what an audit event shows of an artist


def snapshot(row: ArtistRow | dict[str, Any]) -> dict[str, Any]:
    """The audited view of an artist: every field a person can change."""
    get = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
    out = {k: get(k) for k in AUDITED}
    out["stage_names"] = list(out["stage_names"] or ())
    out["unions"] = list(out["unions"] or ())
    return out


def _values(draft: ArtistDraft) -> dict[str, Any]:
    return {
        "native_name": draft.native_name,
        "romanized_name": draft.romanized_name,
        "stage_names": list(draft.stage_names),
        "date_of_birth": draft.date_of_birth,
        "deceased_on": draft.deceased_on,
        "estate_contact": draft.estate_contact,
        "guardian": draft.guardian,
        "unions": list(draft.unions),
        "jurisdiction": draft.jurisdiction,
        "agent": draft.agent,
        "contact": draft.contact,
        "notes": draft.notes,
        "ai_stance": draft.ai_stance.value,
        "photo_sha256": draft.photo_sha256,
        "sort_key": sort_key(draft.native_name, draft.romanized_name),
        "search_text": search_text(draft.native_name, draft.romanized_name, draft.stage_names),
    }


class RosterService:
    """Add, edit, archive and find artists."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reading ---------------------------------------------------------------------------
    def get(self, artist_id: int) -> Artist:
        with self.db.read() as s:
            return to_artist(self._row(s, artist_id))

    def get_many(self, ids: Sequence[int]) -> dict[int, Artist]:
        """Fetch a page of artists by id (for lazily filled tables)."""
        out: dict[int, Artist] = {}
        if not ids:
            return out
        with self.db.read() as s:
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                for row in s.scalars(select(ArtistRow).where(ArtistRow.id.in_(chunk))):
                    out[row.id] = to_artist(row)
        return out

    def search_ids(
        self,
        query: str = "",
        include_archived: bool = False,
        sort: SortColumn = SortColumn.NAME,
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[int]:
        """Ids of matching artists in display order; the table fetches rows as it scrolls.

        `limit` and `offset` give one window of the list."""
        with self.db.read() as s:
            return artist_ids(
                s, query, include_archived, [(_SORT[sort], descending)], limit, offset
            )

    def search_id_texts(
        self,
        query: str = "",
        include_archived: bool = False,
        sort: SortColumn = SortColumn.NAME,
        descending: bool = False,
    ) -> list[tuple[int, str]]:
        """(id, normalised search text) of every match in display order: the roster table
        narrows these in memory while the person keeps typing."""
        with self.db.read() as s:
            return artist_id_texts(s, query, include_archived, [(_SORT[sort], descending)])

    def count_matching(self, query: str = "", include_archived: bool = False) -> int:
        """How many artists `search_ids` would list, without listing them."""
        with self.db.read() as s:
            return artist_count(s, query, include_archived)

    def search(
        self, query: str = "", include_archived: bool = False, limit: int | None = None
    ) -> list[Artist]:
        ids = self.search_ids(query, include_archived, limit=limit)
        found = self.get_many(ids)
        return [found[i] for i in ids if i in found]

    def find(self, query: str, limit: int = 20, include_archived: bool = False) -> list[Artist]:
        """Artists for a person picker, best match first (roster order breaks ties).

        Typing "lin" should offer 林晓 (Lin Xiao) before "Hannah Lindqvist": a whole name
        typed exactly comes first, then names (Chinese, pinyin, romanised, stage names) that
        start with it, then names with a word that starts with it, then any other match.
        """
        q = normalize(query)
        if not q:
            return self.search("", include_archived, limit)
        ids = self.search_ids(q, include_archived, limit=RANK_POOL)
        ranked: list[tuple[int, str, int]] = []
        with self.db.read() as s:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                q_rows = select(ArtistRow.id, ArtistRow.search_text, ArtistRow.sort_key).where(
                    ArtistRow.id.in_(chunk)
                )
                for artist_id, text, key in s.execute(q_rows):
                    ranked.append((match_rank(q, text or ""), key or "", artist_id))
        ranked.sort()
        best = [artist_id for _rank, _key, artist_id in ranked[:limit]]
        found = self.get_many(best)
        return [found[i] for i in best if i in found]

    def counts(self) -> RosterCounts:
        """Active and archived artists: on SQLite two rows kept by triggers (0009_fast_start)."""
        with self.db.read() as s:
            if self.db.is_sqlite:
                kept = s.execute(text("SELECT archived, n FROM artist_search_counts")).all()
                if kept:
                    rows = {bool(archived): int(n) for archived, n in kept}
                    return RosterCounts(int(rows.get(False, 0)), int(rows.get(True, 0)))
            q = select(ArtistRow.archived, func.count()).group_by(ArtistRow.archived)
            rows = {bool(archived): int(n) for archived, n in s.execute(q)}
        return RosterCounts(active=int(rows.get(False, 0)), archived=int(rows.get(True, 0)))

    def is_empty(self) -> bool:
        with self.db.read() as s:
            return s.scalar(select(ArtistRow.id).limit(1)) is None

    # -- writing ---------------------------------------------------------------------------
    def add(self, draft: ArtistDraft) -> Artist:
        return self.add_many([draft])[0]

    def add_many(self, drafts: Iterable[ArtistDraft]) -> list[Artist]:
        """Add artists all together or not at all (imports, demo data)."""
        valid = [d.validated(row=i + 1) for i, d in enumerate(drafts)]
        if not valid:
            return []
        with self.db.write() as s:
            rows = self._insert(s, valid, utc_now())
            if len(rows) <= KEY_ON_WRITE_LIMIT:  # leak-day name keys, in the same transaction
                refresh_keys(s, [int(v["id"]) for v in rows])  # (bigger: keyed before a match)
            return [to_artist(ArtistRow(**v)) for v in rows]

    def _insert(
        self,
        s: Session,
        valid: Sequence[ArtistDraft],
        now: datetime,
        index_after: IndexAfter | None = None,
    ) -> list[dict[str, Any]]:
        """Insert checked drafts with their audit events; the rows as written, with ids
        (`index_after`: an import's `bulk_search_index`, as the per-row triggers are off)."""
        rows = [
            {
                **_values(d),
                "archived": False,
                "created_at": now,
                "updated_at": now,
                "updated_by": self.db.actor,
                "version": 1,
            }
            for d in valid
        ]
        # One executemany, then the new ids in order: writers take turns (storage/locking.py),
        # so every id above the previous largest is one of these rows. Much faster than
        # INSERT … RETURNING, which SQLite can only run row by row when order matters.
        take_write_turn_in(s)
        largest = s.scalar(select(func.max(ArtistRow.id))) or 0
        table = ArtistRow.metadata.tables[ArtistRow.__tablename__]
        s.execute(insert(table), rows)  # plain rows, no ORM objects: much less per row
        if index_after is not None:
            index_after(largest)
        ids = list(
            s.scalars(select(ArtistRow.id).where(ArtistRow.id > largest).order_by(ArtistRow.id))
        )
        if len(ids) != len(rows):  # pragma: no cover - would mean another writer got in
            raise RuntimeError(f"expected {len(rows)} new artist ids, found {len(ids)}")
        for artist_id, values in zip(ids, rows, strict=True):
            values["id"] = artist_id
        changes = [Change(ENTITY, v["id"], "create", None, snapshot(v)) for v in rows]
        # The stance history starts with the stance an artist was added with.
        changes += add_stance_entries(
            s,
            self.db.actor,
            [(v["id"], v["ai_stance"]) for v in rows if v["ai_stance"] != Stance.NOT_ASKED],
            now,
        )
        # the rows' binding hashes come from these values, as written (not read back)
        append_events(s, self.db.actor, changes, {(ENTITY, str(v["id"])): v for v in rows})
        return rows

    # -- importing a roster file -----------------------------------------------------------
    def plan_import(self, preview: ImportPreview, progress: Progress | None = None) -> ImportPlan:
        """What each row of a checked file is to the roster (models/roster/planning.py)."""
        return plan_import(self.db, preview, self.get_many, progress)

    def apply_import(
        self,
        plan: ImportPlan,
        choices: Sequence[Choice] | None = None,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Add and update what `choices` (default: the plan's defaults) say, in one audited
        transaction: all of it or, on any problem (someone edited a matched artist since the
        plan was made), none of it."""
        chosen = list(choices) if choices is not None else plan.default_choices()
        if len(chosen) != len(plan.rows):
            raise ValueError("one choice per planned row")
        adds: list[ArtistDraft] = []
        updates: list[tuple[int, int, ArtistDraft]] = []
        for row, choice in zip(plan.rows, chosen, strict=True):
            if choice not in row.choices:
                raise ValueError(f"row {row.line}: {choice} is not possible for a {row.kind} row")
            if choice is Choice.ADD:
                adds.append(row.draft)
            elif choice is Choice.UPDATE and row.artist_id is not None:
                target = row.update_draft if row.kind is RowKind.DUPLICATE else row.draft
                if target is not None and row.version is not None:
                    updates.append((row.artist_id, row.version, target))
        skipped = len(plan.rows) - len(adds) - len(updates)
        added: list[int] = []
        updated: list[int] = []
        total = len(adds) + len(updates)
        if not total:
            return ImportResult((), (), skipped)
        now = utc_now()
        # many new rows: the search tables are filled a chunk at a time, not row by row
        with paused_gc(), self.db.write() as s, bulk_search_index(s, len(adds)) as index_after:
            for start in range(0, len(adds), CHUNK):
                # a plan's drafts were normalised and checked when the file was read
                chunk = adds[start : start + CHUNK]
                added += [int(v["id"]) for v in self._insert(s, chunk, now, index_after)]
                if progress is not None:
                    progress(len(added), total)
            for start in range(0, len(updates), 500):
                part = updates[start : start + 500]
                updated += self._update_many(s, part, now)
                if progress is not None:
                    progress(len(added) + len(updated), total)
            if total <= KEY_ON_WRITE_LIMIT:  # leak-day name keys (a bigger import is keyed
                refresh_keys(s, [*added, *updated])  # before the next match)
        return ImportResult(tuple(added), tuple(updated), skipped)

    def _update_many(
        self, s: Session, part: Sequence[tuple[int, int, ArtistDraft]], now: datetime
    ) -> list[int]:
        rows = {
            r.id: r
            for r in s.scalars(select(ArtistRow).where(ArtistRow.id.in_([p[0] for p in part])))
        }
        changes: list[Change] = []
        stances: list[tuple[int, str]] = []
        for artist_id, version, draft in part:
            row = rows.get(artist_id)
            if row is None:
                raise NotFoundError("error.roster.there_no_artist_id_artist", artist_id=artist_id)
            self._check_version(row, version)
            before = snapshot(row)
            for key, value in _values(draft.validated()).items():
                setattr(row, key, value)
            row.version += 1
            row.updated_at = now
            row.updated_by = self.db.actor
            if row.ai_stance != before["ai_stance"]:
                stances.append((row.id, row.ai_stance))
            changes.append(Change(ENTITY, row.id, "update", before, snapshot(row)))
        s.flush()
        changes += add_stance_entries(s, self.db.actor, stances, now)
        append_events(s, self.db.actor, changes)
        return [p[0] for p in part]

    def update(self, artist_id: int, draft: ArtistDraft, expected_version: int) -> Artist:
        """Save an edit; refused if someone saved the artist since it was loaded."""
        valid = draft.validated()
        with self.db.write() as s:
            row = self._row(s, artist_id)
            self._check_version(row, expected_version)
            before = snapshot(row)
            for key, value in _values(valid).items():
                setattr(row, key, value)
            self._stance_changed(s, row, before)
            return self._touch(s, row, "update", before)

    def set_archived(
        self, artist_id: int, archived: bool, expected_version: int | None = None
    ) -> Artist:
        """Archive or bring back an artist; nothing is ever deleted."""
        with self.db.write() as s:
            row = self._row(s, artist_id)
            if expected_version is not None:
                self._check_version(row, expected_version)
            if row.archived == archived:
                return to_artist(row)
            before = snapshot(row)
            row.archived = archived
            return self._touch(s, row, "archive" if archived else "unarchive", before)

    def set_stance(
        self, artist_id: int, stance: Stance, expected_version: int | None = None
    ) -> Artist:
        with self.db.write() as s:
            row = self._row(s, artist_id)
            if expected_version is not None:
                self._check_version(row, expected_version)
            before = snapshot(row)
            row.ai_stance = stance.value
            self._stance_changed(s, row, before)
            return self._touch(s, row, "stance", before)

    # -- helpers ---------------------------------------------------------------------------
    def _stance_changed(self, s: Session, row: ArtistRow, before: dict[str, Any]) -> None:
        """Keep the stance history complete: a changed stance is a new entry, effective now."""
        if row.ai_stance != before["ai_stance"]:
            now = utc_now()
            add_stance_entry(s, self.db.actor, row.id, row.ai_stance, "", now, now)

    def _touch(self, s: Session, row: ArtistRow, action: str, before: dict[str, Any]) -> Artist:
        row.version += 1
        row.updated_at = utc_now()
        row.updated_by = self.db.actor
        s.flush()
        append_event(s, self.db.actor, ENTITY, row.id, action, before, snapshot(row))
        refresh_keys(s, [row.id])
        return to_artist(row)

    @staticmethod
    def _row(s: Session, artist_id: int) -> ArtistRow:
        row = s.get(ArtistRow, artist_id)
        if row is None:
            raise NotFoundError("error.roster.there_no_artist_id_artist", artist_id=artist_id)
        return row

    @staticmethod
    def _check_version(row: ArtistRow, expected: int) -> None:
        if row.version != expected:
            raise ConflictError(
                "error.roster.native_name_was_changed_by",
                native_name=row.native_name,
                updated_by=row.updated_by,
                when=iso(row.updated_at)[:19].replace("T", " "),
            )
