"""Migration 0002_consent and the ORM classes describe the same tables."""

from __future__ import annotations

from sqlalchemy import inspect

from models.consent import tables
from models.parties import tables as party_tables
from models.storage.database import Database

MINE = (
    party_tables.CounterpartyRow,
    party_tables.ProjectRow,
    tables.ConsentRecordRow,
    tables.ConsentEvidenceRow,
    tables.StanceRecordRow,
)


def test_migrated_tables_match_the_orm(db: Database) -> None:
    found = inspect(db.engine)
    for cls in MINE:
        table = cls.__table__
        columns = {c["name"]: c for c in found.get_columns(table.name)}
        assert set(columns) == {c.name for c in table.columns}, table.name
        for c in table.columns:
            assert columns[c.name]["nullable"] == c.nullable, (table.name, c.name)
        indexes = {i["name"] for i in found.get_indexes(table.name)}
        assert {i.name for i in table.indexes} <= indexes, table.name
        fks = {
            (fk["referred_table"], tuple(fk["constrained_columns"]))
            for fk in found.get_foreign_keys(table.name)
        }
        expected = {(fk.column.table.name, (fk.parent.name,)) for fk in table.foreign_keys}
        assert fks == expected, table.name
