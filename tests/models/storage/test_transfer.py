"""`db migrate`: moving a whole desk from SQLite to the shared PostgreSQL server (issue 10)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, select

from models.audit.service import AuditService
from models.demo import load_demo
from models.errors import UserError
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.safety.transfer import migrate_database
from models.storage.archive import iter_stored_files
from models.storage.database import Database

pytestmark = pytest.mark.postgresql


def _utc(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.astimezone(UTC) if v.tzinfo else v.replace(tzinfo=UTC)
    return v


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every Consent Desk table, in key order, times in UTC."""
    db = Database.open(url)
    try:
        meta = MetaData()
        with db.engine.connect() as conn:
            meta.reflect(bind=conn)
            out = {}
            for table in meta.sorted_tables:
                if table.name == "alembic_version" or table.name.startswith("artist_search"):
                    continue
                key = list(table.primary_key.columns) or list(table.columns)
                rows = conn.execute(select(table).order_by(*key))
                out[table.name] = [tuple(_utc(v) for v in r) for r in rows]
        return out
    finally:
        db.close()


def files_of(folder: Path) -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in iter_stored_files(folder)}


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "single-desk.sqlite3"
    db = Database.open(str(path), actor="lin")
    try:
        load_demo(db)
    finally:
        db.close()
    return path


@pytest.fixture
def demo_desk(demo_template: Path, tmp_path: Path) -> Path:
    """A single desk's database with the demo agency, and its files folder beside it."""
    path = tmp_path / demo_template.name
    shutil.copyfile(demo_template, path)
    shutil.copytree(demo_template.parent / "single-desk-files", tmp_path / "single-desk-files")
    return path


@pytest.fixture
def empty_server_db(pg_server: Any) -> Iterator[str]:
    """A brand-new database on the server, without even the schema."""
    pg_server.admin("CREATE DATABASE migrate_target")
    yield pg_server.url("migrate_target")
    pg_server.admin("DROP DATABASE migrate_target WITH (FORCE)")


def test_demo_agency_round_trips_sqlite_to_postgresql_and_back(
    demo_desk: Path, empty_server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared-files"
    seen: list[tuple[str, int]] = []
    report = migrate_database(
        f"sqlite:///{demo_desk}", empty_server_db, shared, lambda t, n: seen.append((t, n))
    )
    source = dump(str(demo_desk))
    on_server = dump(empty_server_db)
    assert on_server == source
    assert report.audit.intact and report.audit.count == len(source["audit_event"])
    assert {t.name: t.rows for t in report.tables} == {t: len(r) for t, r in source.items()}
    assert seen == [(t.name, t.rows) for t in report.tables]
    # parents before children: an artist is copied before the records that point at it
    order = [t.name for t in report.tables]
    assert order.index("artist") < order.index("consent_record")
    assert order.index("consent_record") < order.index("consent_evidence")
    # every evidence file is in the shared folder, byte for byte
    source_files = files_of(demo_desk.parent / "single-desk-files")
    assert source_files and files_of(shared) == source_files
    assert report.files == len(source_files)

    # and back to a single desk (the server's files are where every desk finds them)
    monkeypatch.setenv("CONSENT_DESK_FILES", str(shared))
    back = tmp_path / "back.sqlite3"
    migrate_database(empty_server_db, str(back), None)
    assert dump(str(back)) == source
    assert files_of(tmp_path / "back-files") == source_files


def test_the_migrated_database_works_for_every_desk(
    demo_desk: Path, empty_server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrate_database(str(demo_desk), empty_server_db, tmp_path / "shared")
    monkeypatch.setenv("CONSENT_DESK_FILES", str(tmp_path / "shared"))
    before = Database.open(str(demo_desk))
    db = Database.open(empty_server_db, actor="second desk")
    try:
        single, shared = RosterService(before), RosterService(db)
        for query in ["林", "林晓", "linxiao", "hart", ""]:
            assert shared.search_ids(query) == single.search_ids(query), query
        # New rows get ids after the copied ones (the id sequences were moved on).
        top = max(shared.search_ids(include_archived=True))
        added = shared.add(ArtistDraft("新人", jurisdiction="CN"))
        assert added.id == top + 1
        assert AuditService(db).verify().intact
        assert AuditService(db).count() == AuditService(before).count() + 1
    finally:
        db.close()
        before.close()


def test_a_target_with_records_is_refused_and_left_alone(
    demo_desk: Path, pg_database: str, tmp_path: Path
) -> None:
    db = Database.open(pg_database, actor="other desk")
    try:
        RosterService(db).add(ArtistDraft("已有", jurisdiction="CN"))
    finally:
        db.close()
    before = dump(pg_database)
    with pytest.raises(UserError, match="already holds records"):
        migrate_database(str(demo_desk), pg_database, tmp_path / "shared")
    assert dump(pg_database) == before


def test_a_broken_source_chain_is_refused_and_nothing_is_written(
    demo_desk: Path, empty_server_db: str, tmp_path: Path
) -> None:
    con = sqlite3.connect(demo_desk)
    con.execute("UPDATE audit_event SET actor = 'someone else' WHERE id = 7")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="broken at event 7"):
        migrate_database(str(demo_desk), empty_server_db, tmp_path / "shared")
    assert all(rows == [] for rows in dump(empty_server_db).values())


def test_missing_or_same_source_is_refused(tmp_path: Path, pg_database: str) -> None:
    with pytest.raises(UserError, match="no database at"):
        migrate_database(f"sqlite:///{tmp_path / 'nothing.sqlite3'}", pg_database)
    assert not (tmp_path / "nothing.sqlite3").exists()
    with pytest.raises(UserError, match="same database"):
        migrate_database(pg_database, pg_database)


def test_a_different_file_of_the_same_name_in_the_shared_folder_is_refused(
    demo_desk: Path, empty_server_db: str, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    name, _ = next(iter(files_of(demo_desk.parent / "single-desk-files").items()))
    clash = shared / name.split("/", 1)[1]
    clash.parent.mkdir(parents=True)
    clash.write_bytes(b"another agency's file")
    with pytest.raises(UserError, match="already holds a different"):
        migrate_database(str(demo_desk), empty_server_db, shared)
    assert clash.read_bytes() == b"another agency's file"
    assert all(rows == [] for rows in dump(empty_server_db).values())
