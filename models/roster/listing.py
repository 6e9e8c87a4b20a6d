"""How the roster is listed: sort columns and counts (no database library needed).

Shared by `RosterService` and the window's fast start (models/roster/quick.py), which paints
the first page before SQLAlchemy is loaded.
"""

from __future__ import annotations

from enum import StrEnum

from models.records import Record


class SortColumn(StrEnum):
    NAME = "name"
    ROMANIZED = "romanized_name"
    STANCE = "ai_stance"
    JURISDICTION = "jurisdiction"
    AGE = "age"
    STATUS = "status"


# The `artist` column each sort uses (SQL names; never user text).
SORT_SQL = {
    SortColumn.NAME: "sort_key",
    SortColumn.ROMANIZED: "romanized_name",
    SortColumn.STANCE: "ai_stance",
    SortColumn.JURISDICTION: "jurisdiction",
    SortColumn.AGE: "date_of_birth",
    SortColumn.STATUS: "archived",
}


class RosterCounts(Record):
    __slots__ = ("active", "archived")
    active: int
    archived: int

    def __init__(self, active: int, archived: int) -> None:
        self._fill(active, archived)

    @property
    def total(self) -> int:
        return self.active + self.archived
