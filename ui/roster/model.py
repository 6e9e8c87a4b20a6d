"""The roster table's model: ordered artist ids, with rows fetched lazily in pages.

As in Anki's browser, the search returns only ids (cheap even for 100,000 artists); the view
asks for the few rows on screen and the model fetches those pages through
`RosterService.get_many` into a bounded cache. The model holds frozen `Artist` records only,
never ORM objects.
"""

from __future__ import annotations

from itertools import compress
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QTableView

from models.names import normalize
from models.roster.artist import Artist
from models.roster.listing import SortColumn
from ui.roster.columns import (
    COLUMN_BY_SORT,
    DEFAULT_WIDTHS,
    SORT_BY_COLUMN,
    Column,
    cell_data,
    column_titles,
    lay_out_roster_table,
)
from ui.table_model import Index, ReadOnlyTable
from ui.tasks import TaskControl, run_task

__all__ = [  # the columns live in ui/roster/columns.py (no `Qt` before the first paint)
    "ARTIST_ID_ROLE",
    "COLUMN_BY_SORT",
    "DEFAULT_WIDTHS",
    "SORT_BY_COLUMN",
    "ArtistTableModel",
    "Column",
    "set_up_roster_table",
]

if TYPE_CHECKING:
    from models.roster.service import RosterService

ARTIST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_NEVER_SHOWN = 2**31 - 1  # ms: background loading never shows a progress dialog


def set_up_roster_table(table: QTableView, row_height: int) -> None:
    """The roster table's look, shared by the quick first window and the roster view (the one
    hands over to the other, so they must look the same)."""
    lay_out_roster_table(table, row_height)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _narrowed(ids: list[int], texts: list[str], needle: str) -> tuple[list[int], list[str]]:
    """The ids and texts among `ids` whose search text holds `needle` (what the database's
    search matches: the normalised query anywhere in the normalised search text)."""
    if not needle:
        return list(ids), list(texts)
    hits = [needle in t for t in texts]
    return list(compress(ids, hits)), list(compress(texts, hits))


class ArtistTableModel(ReadOnlyTable):
    """Rows are artists in the order the service returns; only visible pages are loaded.

    A search counts its matches and loads their ids in windows as the view scrolls (the
    whole list at once when it is short, with each artist's search text); a query that only
    grows narrows those in memory instead of asking the database again. For a long roster
    the whole list with its search texts loads on a worker after each reload, and every
    query typed then narrows it in memory (dropped on the next reload: never stale).
    """

    PAGE = 100
    MAX_CACHED = 5_000
    WINDOW = 2_000  # ids fetched at a time as the view scrolls down a long list
    WHOLE = 20_000  # lists up to this long load at once, ready to be narrowed in memory
    RECENT = 8  # lists of queries typed just before, kept for Backspace

    loaded = Signal()  # after every (re)load of the id list
    columns = Column

    def __init__(self, roster: RosterService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roster = roster
        self._ids: list[int] = []  # the first len(_ids) of `_count` rows
        self._count = 0
        self._texts: list[str] | None = None  # search texts of a whole list, for narrowing
        self._listed: tuple[str, bool, SortColumn, bool] | None = None
        # the lists of the last few queries typed, for Backspace (dropped on any reload)
        self._recent: dict[tuple[str, bool, SortColumn, bool], tuple[list[int], list[str]]] = {}
        self._row_of: dict[int, int] | None = None
        self._cache: dict[int, Artist] = {}
        self.query = ""
        self.include_archived = False
        self.sort_column = SortColumn.NAME
        self.descending = False
        self.query_only = False  # the last load changed only the query
        # the whole roster's (ids, search texts) for (archived, sort, descending), loaded in
        # the background for long rosters; dropped on every reload (`_generation` counts them)
        self._whole: tuple[tuple[bool, SortColumn, bool], list[int], list[str]] | None = None
        self._whole_loading: tuple[int, tuple[bool, SortColumn, bool]] | None = None
        self._generation = 0

    # -- loading -----------------------------------------------------------------------------
    def load(
        self,
        query: str | None = None,
        include_archived: bool | None = None,
        sort: SortColumn | None = None,
        descending: bool | None = None,
    ) -> None:
        """Run the search again (with any changed parameter) and forget cached rows."""
        typed = query is not None and query != self.query
        if query is not None:
            self.query = query
        if include_archived is not None:
            self.include_archived = include_archived
        if sort is not None:
            self.sort_column = sort
        if descending is not None:
            self.descending = descending
        # "Age" ascending means youngest first, i.e. the latest date of birth first.
        by_dob = self.sort_column is SortColumn.AGE
        listed = (
            normalize(self.query),
            self.include_archived,
            self.sort_column,
            self.descending != by_dob,
        )
        before, self._listed = self._listed, listed
        # Only the query changed: the roster's own counts (active, archived) did not.
        self.query_only = before is not None and before[1:] == listed[1:] and typed
        texts: list[str] | None = None
        if not typed:
            self._recent.clear()  # a reload: the data may have changed
        elif self._texts is not None and before is not None:
            self._recent[before] = (self._ids, self._texts)
            while len(self._recent) > self.RECENT:
                self._recent.pop(next(iter(self._recent)))
        if not typed:
            self._whole = None  # a reload: the data, order or filter may have changed
            self._generation += 1
        whole = self._whole if self._whole is not None and self._whole[0] == listed[1:] else None
        recent = self._recent.pop(listed, None) if typed else None
        if recent is not None:
            # Back to a query typed a moment ago (Backspace): its list is still at hand.
            ids, texts = list(recent[0]), list(recent[1])
            count = len(ids)
        elif (
            before is not None
            and self._texts is not None
            and before[1:] == listed[1:]
            and typed
            and listed[0].startswith(before[0])
        ):
            # The query only grew (or changed only in case or spacing): its matches are among
            # the ones already listed.
            ids, texts = _narrowed(self._ids, self._texts, listed[0])
            count = len(ids)
        elif typed and whole is not None:
            # the whole roster's list, loaded in the background: every query narrows it
            ids, texts = _narrowed(whole[1], whole[2], listed[0])
            count = len(ids)
        else:
            count = self._roster.count_matching(self.query, self.include_archived)
            if count <= self.WHOLE:
                pairs = self._roster.search_id_texts(
                    self.query, self.include_archived, self.sort_column, listed[3]
                )
                ids, texts = [i for i, _ in pairs], [t for _, t in pairs]
                count = len(ids)
            else:
                # a reload keeps as many rows listed as before, so the selection is found
                extent = len(self._ids) if before == listed else 0
                ids = self._roster.search_ids(
                    self.query,
                    include_archived=self.include_archived,
                    sort=self.sort_column,
                    descending=listed[3],
                    limit=max(self.WINDOW, extent),
                )
        self.beginResetModel()
        self._ids = ids
        self._count = count
        self._texts = texts
        self._row_of = None
        self._cache.clear()
        self.endResetModel()
        if not listed[0] and texts is None and whole is None:
            self._load_whole(listed)
        self.loaded.emit()

    def _load_whole(self, listed: tuple[str, bool, SortColumn, bool]) -> None:
        """Load the whole roster's list (ids and search texts, in order) on a worker, so that
        typing narrows it in memory: at 100,000 artists a one- or two-letter query read the
        whole name index twice (count, then the first window), 70-140 ms per keystroke."""
        key = listed[1:]
        generation = self._generation
        if self._whole_loading == (generation, key):
            return
        self._whole_loading = (generation, key)
        roster = self._roster

        def work(_control: TaskControl) -> tuple[list[int], list[str]]:
            pairs = roster.search_id_texts("", key[0], key[1], key[2])
            return [i for i, _ in pairs], [t for _, t in pairs]

        def done(result: tuple[list[int], list[str]]) -> None:
            if self._whole_loading == (generation, key):
                self._whole_loading = None
            if self._generation == generation and self._listed is not None:
                self._whole = (key, result[0], result[1])

        def failed(error: BaseException) -> None:  # typing asks the database instead
            if self._whole_loading == (generation, key):
                self._whole_loading = None
            import logging  # only then: the first paint does not wait for it

            logging.getLogger(__name__).warning(
                "the roster list for narrowing did not load: %s", error
            )

        run_task(
            None, work, done, label="", on_error=failed, cancellable=False, delay_ms=_NEVER_SHOWN
        )

    def reload(self) -> None:
        self.load()

    def _list_to(self, row: int) -> None:
        """Make sure the ids down to `row` are loaded (a window more of a long list)."""
        if row < len(self._ids) or row >= self._count or self._listed is None:
            return
        want = ((row - len(self._ids)) // self.WINDOW + 1) * self.WINDOW
        more = self._roster.search_ids(
            self.query,
            include_archived=self.include_archived,
            sort=self.sort_column,
            descending=self._listed[3],
            limit=want,
            offset=len(self._ids),
        )
        if not more:  # the list shrank meanwhile (another desk): show what there is
            self._count = len(self._ids)
            return
        self._ids.extend(more)
        self._row_of = None

    def forget(self, artist_ids: list[int]) -> None:
        """Drop cached rows that changed in place and repaint them (order unchanged)."""
        for artist_id in artist_ids:
            self._cache.pop(artist_id, None)
            row = self.row_of(artist_id)
            if row is not None:
                last = self.columnCount() - 1
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    # -- lookups -----------------------------------------------------------------------------
    @property
    def ids(self) -> list[int]:
        """Every id of the list, in order (loads the rest of a long list)."""
        self._list_to(self._count - 1)
        return list(self._ids)

    @property
    def listed_count(self) -> int:
        """How many ids of the list are loaded (the rest load as the view scrolls)."""
        return len(self._ids)

    def artist_id(self, row: int) -> int:
        self._list_to(row)
        return self._ids[row]

    def row_of(self, item_id: object) -> int | None:
        """The row of an artist (by id) among the loaded rows."""
        if self._row_of is None:
            self._row_of = {a: r for r, a in enumerate(self._ids)}
        return self._row_of.get(item_id) if isinstance(item_id, int) else None

    def artist_at(self, row: int) -> Artist | None:
        """The artist on `row`, fetching its page if needed (None if it vanished meanwhile)."""
        if not 0 <= row < self._count:
            return None
        self._list_to(row)
        if row >= len(self._ids):
            return None
        artist_id = self._ids[row]
        artist = self._cache.get(artist_id)
        if artist is None:
            self._fetch_page(row)
            artist = self._cache.get(artist_id)
        return artist

    def _fetch_page(self, row: int) -> None:
        if len(self._cache) > self.MAX_CACHED:
            self._cache.clear()
        start = (row // self.PAGE) * self.PAGE
        self._list_to(start + self.PAGE - 1)
        page = [i for i in self._ids[start : start + self.PAGE] if i not in self._cache]
        self._cache.update(self._roster.get_many(page))

    @property
    def cached_count(self) -> int:
        return len(self._cache)

    # -- Qt model interface ------------------------------------------------------------------
    def row_count(self) -> int:
        return self._count

    def column_titles(self) -> dict[Column, str]:
        return column_titles()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.cell_index_valid(index):
            return None
        row, col = index.row(), index.column()
        if role == ARTIST_ID_ROLE:
            self._list_to(row)
            return self._ids[row] if row < len(self._ids) else None
        artist = self.artist_at(row)
        if artist is None:
            return None
        return cell_data(artist, Column(col), role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self.load(
            sort=SORT_BY_COLUMN[Column(column)],
            descending=order == Qt.SortOrder.DescendingOrder,
        )
