"""Moving a whole desk to another database: `consent-desk db migrate --from … --to …`.

An agency that outgrows one laptop moves its SQLite database to the shared PostgreSQL server
(and back, if it must). Every table is copied row for row with its ids, so links between
records, statement numbers and the audit chain (whose hashes cover event ids) stay exactly as
they were; PostgreSQL's id sequences are then moved past the copied ids. Stored files
(evidence, statements, the signing identity) are copied to the target's files folder.

All or nothing: the rows are copied in one write transaction on the target, which also checks
row counts and walks the audit chain before it commits; an error anywhere leaves the target
as empty as it was. Files are copied first (they are content-addressed or named by their
record, so a copy left behind by a failed run is harmless and a second run reuses it).
"""

from __future__ import annotations

import filecmp
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, MetaData, Table, inspect, select, text

from models.audit.chain import ChainReport, verify_rows
from models.audit.service import AuditService
from models.errors import UserError
from models.storage.archive import FILES_PREFIX, iter_stored_files
from models.storage.database import Database, resolve
from models.storage.search import is_search_index

BATCH = 2000
# Alembic's own bookkeeping is written by the target's migrations, not copied (nor is SQLite's
# search index, which the target's triggers fill as artists arrive).
NOT_COPIED = frozenset({"alembic_version"})
AUDIT_TABLE = "audit_event"


@dataclass(frozen=True)
class TableCopy:
    name: str
    rows: int


@dataclass(frozen=True)
class TransferReport:
    """What `migrate_database` copied and checked."""

    tables: tuple[TableCopy, ...]
    files: int
    files_dir: Path
    audit: ChainReport

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


Progress = Callable[[str, int], None]


def migrate_database(
    source: str,
    target: str,
    files_dir: Path | None = None,
    progress: Progress | None = None,
) -> TransferReport:
    """Copy every record and file of `source` into the empty database `target`.

    Both are opened (and so migrated to this version's schema) first. Refuses a target that
    already holds records. `progress(table, rows)` is told after each table.
    """
    src_location = resolve(source)
    if src_location.sqlite_path is not None and not src_location.sqlite_path.is_file():
        raise UserError(
            "error.safety.transfer.there_no_database_sqlite_path",
            sqlite_path=src_location.sqlite_path,
        )
    if resolve(target).url == src_location.url:
        raise UserError("error.safety.transfer.source_target_are_same_database")
    src = Database.open(source)
    try:
        dst = Database.open(target, files_dir=files_dir)
        try:
            return _migrate(src, dst, progress or (lambda _t, _n: None))
        finally:
            dst.close()
    finally:
        src.close()


def _migrate(src: Database, dst: Database, progress: Progress) -> TransferReport:
    with src.read() as ss, dst.write() as ds:
        sconn, dconn = ss.connection(), ds.connection()
        _refuse_filled(dconn)
        files = _copy_files(src.location.files_dir, dst.location.files_dir)
        copied, after = copy_rows(sconn, dconn, progress)
    report = AuditService(dst).verify()
    if report != after:
        raise UserError(
            "error.safety.transfer.after_copy_target_audit_trail",
            count=report.count,
            intact=(str(report.intact), "是" if report.intact else "否"),
        )
    return TransferReport(tuple(copied), files, dst.location.files_dir, report)


def copy_rows(
    sconn: Connection,
    dconn: Connection,
    progress: Progress | None = None,
    source_must_verify: bool = True,
) -> tuple[list[TableCopy], ChainReport]:
    """Copy every row of `sconn`'s database into the empty tables of `dconn`'s, in the
    caller's write transaction on `dconn`; check counts and that the audit chain reads the
    same on both (UserError otherwise, and the caller's transaction rolls back).

    Also used by restore onto PostgreSQL (models/safety/restore.py), after emptying the tables,
    and to keep the replaced content first (`source_must_verify=False`: a broken log is kept
    as it is, which is often why one restores).
    """
    copied: list[TableCopy] = []
    order = _tables_in_dependency_order(dconn)
    source_tables = MetaData()
    source_tables.reflect(bind=sconn, only=[t.name for t in order])
    for table in order:
        n = _copy_table(sconn, source_tables.tables[table.name], dconn, table)
        copied.append(TableCopy(table.name, n))
        if progress is not None:
            progress(table.name, n)
    if dconn.dialect.name == "postgresql":
        _move_sequences_past_ids(dconn, order)
        dconn.exec_driver_sql("ANALYZE")  # the planner's statistics for the new rows
    _check_counts(sconn, dconn, copied)
    after = _walk_chain(dconn)
    before = _walk_chain(sconn)
    if source_must_verify or after != before:
        _check_chain(before, after)
    return copied, after


def _refuse_filled(conn: Connection) -> None:
    q = conn.dialect.identifier_preparer.quote
    filled = [
        n for n in _table_names(conn) if conn.scalar(text(f"SELECT EXISTS (SELECT 1 FROM {q(n)})"))
    ]
    if filled:
        raise UserError(
            "error.safety.transfer.target_database_already_holds_records",
            items=(", ".join(filled[:5]), "、".join(filled[:5])),
            more=" …" if len(filled) > 5 else "",
        )


def _copied(table: str) -> bool:
    return table not in NOT_COPIED and not is_search_index(table)


def _table_names(conn: Connection) -> list[str]:
    return sorted(n for n in inspect(conn).get_table_names() if _copied(n))


def _tables_in_dependency_order(conn: Connection) -> list[Table]:
    """The target's tables, each after the tables its foreign keys point at."""
    meta = MetaData()
    meta.reflect(bind=conn)
    return [t for t in meta.sorted_tables if _copied(t.name)]


def _utc(value: Any) -> Any:
    # Times are UTC on both back ends; SQLite hands them back without an offset and a
    # PostgreSQL session may hand them back in its own time zone.
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return value


def _copy_table(sconn: Connection, source: Table, dconn: Connection, target: Table) -> int:
    missing = [c.name for c in target.columns if c.name not in source.columns]
    if missing:
        raise UserError(
            "error.safety.transfer.source_table_name_has_no",
            name=source.name,
            items=", ".join(missing),
        )
    names = [c.name for c in target.columns]
    key = list(source.primary_key.columns) or [source.c[n] for n in names]
    stmt = select(*(source.c[n] for n in names)).order_by(*key)
    rows = 0
    # on the statement, not the connection (that would stay set for the caller's later SQL)
    result = sconn.execute(stmt.execution_options(yield_per=BATCH))
    for part in result.partitions():
        batch = [{n: _utc(v) for n, v in zip(names, r, strict=True)} for r in part]
        dconn.execute(target.insert(), batch)
        rows += len(batch)
    return rows


def _move_sequences_past_ids(conn: Connection, tables: list[Table]) -> None:
    """New rows on PostgreSQL must get ids after the copied ones, as SQLite would give them."""
    for table in tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or key[0].type.python_type is not int:
            continue
        column = key[0].name
        seq = conn.scalar(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column}
        )
        if seq is None:
            continue
        q = conn.dialect.identifier_preparer
        conn.execute(
            text(
                f"SELECT setval(:seq, COALESCE((SELECT MAX({q.quote(column)}) "
                f"FROM {q.quote(table.name)}), 0) + 1, false)"
            ),
            {"seq": seq},
        )


def _check_counts(sconn: Connection, dconn: Connection, copied: list[TableCopy]) -> None:
    for c in copied:
        q = sconn.dialect.identifier_preparer.quote(c.name)
        expected = sconn.scalar(text(f"SELECT COUNT(*) FROM {q}"))
        got = dconn.scalar(text(f"SELECT COUNT(*) FROM {q}"))
        if expected != got or got != c.rows:
            raise UserError(
                "error.safety.transfer.table_name_expected_rows_source",
                name=c.name,
                expected=expected,
                got=got,
            )


def _walk_chain(conn: Connection) -> ChainReport:
    rows = conn.execute(
        text(
            "SELECT id, at, actor, entity, entity_id, action, before, after, prev_hash, row_hash, "
            "hash "
            f"FROM {AUDIT_TABLE} ORDER BY id"
        )
    )
    return verify_rows(tuple(r) for r in rows)


def _check_chain(before: ChainReport, after: ChainReport) -> None:
    if not before.intact:
        raise UserError(
            "error.safety.transfer.source_audit_trail_broken_event",
            first_broken=before.first_broken,
            reason=before.reason,
        )
    if after != before:
        raise UserError(
            "error.safety.transfer.copied_audit_trail_does_not",
            first_broken=after.first_broken,
            reason=after.reason,
        )


def _stored_files(folder: Path) -> Iterator[tuple[str, Path]]:
    for name, path in iter_stored_files(folder):
        yield name.removeprefix(FILES_PREFIX), path


def _copy_files(source: Path, target: Path) -> int:
    """Copy every finished file; refuse to overwrite a different file of the same name."""
    if source.resolve() == target.resolve():
        return sum(1 for _ in _stored_files(source))
    count = 0
    for rel, path in _stored_files(source):
        dest = target / rel
        if dest.exists():
            if not filecmp.cmp(path, dest, shallow=False):
                raise UserError(
                    "error.safety.transfer.files_folder_target_already_holds",
                    target=target,
                    rel=rel,
                )
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            part = dest.with_name(dest.name + ".part")
            shutil.copyfile(path, part)
            with part.open("rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(part, dest)
        count += 1
    return count


__all__ = ["TableCopy", "TransferReport", "copy_rows", "migrate_database"]
