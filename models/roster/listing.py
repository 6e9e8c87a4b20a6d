"""How the roster is listed: sort columns and counts (no database library needed).

Shared by `RosterService` and the window's fast start (models/roster/quick.py), which paints
the first page before SQLAlchemy is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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


@dataclass(frozen=True)
class RosterCounts:
    active: int
    archived: int

    @property
    def total(self) -> int:
        return self.active + self.archived
