"""The one place that opens the database.

SQLite by default, in the user data folder; any SQLAlchemy URL through `--db` or
CONSENT_DESK_DB (`postgresql://user@host/db` for several desks on one server; its files live in
CONSENT_DESK_FILES, a folder every desk can reach). Opening checks the file before touching it
(not a database, made by a newer version, locked) and runs the Alembic migrations, copying the
file aside before an upgrade.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from models.clock import desk_user, utc_now
from models.errors import DatabaseError
from models.storage import portable  # noqa: F401  (registers the PostgreSQL type rules)
from models.storage.locking import is_lock_timeout, take_write_turn
from models.storage.places import APP_NAME, DEFAULT_FILE, data_dir, files_folder
from models.storage.revisions import MIGRATIONS, head_revisions, revision_graph

SQLITE_MAGIC = b"SQLite format 3\x00"
# How long a write waits for another desk's transaction before saying the database is busy.
BUSY_TIMEOUT_S = float(os.environ.get("CONSENT_DESK_BUSY_TIMEOUT", "5"))


@dataclass(frozen=True)
class Location:
    """A resolved database: its URL, the SQLite file (if any) and the folder for its files."""

    url: str
    sqlite_path: Path | None
    files_dir: Path

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def shown(self) -> str:
        """How to name the database to a person: the file name, or the address without password."""
        if self.sqlite_path is not None:
            return self.sqlite_path.name
        return make_url(self.url).render_as_string(hide_password=True)


def _file_path(raw: str) -> Path:
    try:
        return Path(raw).expanduser().resolve()
    except (ValueError, OSError, RuntimeError) as e:
        raise DatabaseError(
            "error.storage.database.not_usable_database_file_name", raw=repr(raw), reason=e
        ) from e


def resolve(db: str | None = None) -> Location:
    """Turn `--db`, CONSENT_DESK_DB or the default into a Location; a bare path is SQLite."""
    raw = (db or os.environ.get("CONSENT_DESK_DB") or "").strip()
    if not raw:
        raw = str(data_dir() / DEFAULT_FILE)
    if "://" not in raw:
        path = _file_path(raw)
        return Location(f"sqlite:///{path}", path, files_folder(path))
    try:
        url = make_url(raw)
    except exc.ArgumentError as e:
        raise DatabaseError("error.storage.database.not_database_address_raw", raw=raw) from e
    if url.drivername in ("postgresql", "postgres"):
        # The driver Consent Desk ships (psycopg 3), not SQLAlchemy's default psycopg2.
        url = url.set(drivername="postgresql+psycopg")
        raw = url.render_as_string(hide_password=False)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            raise DatabaseError("error.storage.database.memory_database_cannot_keep_your")
        path = _file_path(url.database)
        return Location(f"sqlite:///{path}", path, files_folder(path))
    files = os.environ.get("CONSENT_DESK_FILES")
    files_dir = Path(files) if files else data_dir() / "shared-files"
    return Location(raw, None, files_dir)


def _alembic_config() -> Any:
    from alembic.config import Config  # Alembic loads only when a schema must change

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _revision_graph() -> dict[str, frozenset[str]]:
    """Each migration's revision id and what it revises (see models/storage/revisions.py)."""
    return revision_graph()


def _check_sqlite_file(path: Path) -> frozenset[str]:
    """Look at an existing SQLite file without changing it; return its schema revisions."""
    if not path.exists() or path.stat().st_size == 0:
        return frozenset()
    if path.is_dir():
        raise DatabaseError("error.storage.database.path_folder_not_database_file", path=path)
    with path.open("rb") as fh:
        magic = fh.read(16)
    if magic != SQLITE_MAGIC:
        raise DatabaseError("error.storage.database.path_not_consent_desk_database", path=path)
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseError(
                        "error.storage.database.path_sqlite_file_another_program", path=path
                    )
                return frozenset()
            rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
            return frozenset(str(r[0]) for r in rows)
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        if is_lock_timeout(e):
            raise DatabaseError("error.storage.database.busy") from e
        raise DatabaseError(
            "error.storage.database.path_cannot_read_as_database", path=path, reason=e
        ) from e


def _known_revisions() -> set[str]:
    return set(_revision_graph())


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _on_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _on_pg_begin(conn: Any) -> None:
    if conn.get_execution_options().get("consent_desk_write"):
        take_write_turn(conn)


class Database:
    """An open database with its files folder; hands out read and write sessions."""

    def __init__(self, location: Location, actor: str | None = None) -> None:
        self.location = location
        self.actor = actor or desk_user()
        # This desk's id, written with every audit event (0010_desk_import): change notices
        # tell desks apart by it, so two desks under one user name still see each other.
        self.desk_id = secrets.token_hex(8)
        self.engine: Engine = self._make_engine(location)
        self._read_engine: Engine = self.engine
        self._write_engine: Engine
        if location.is_sqlite:
            self._write_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        elif self.engine.dialect.name == "postgresql":
            # Writers take turns (models/storage/locking.py); a read sees one snapshot, as a
            # read transaction does on SQLite.
            self._write_engine = self.engine.execution_options(consent_desk_write=True)
            self._read_engine = self.engine.execution_options(isolation_level="REPEATABLE READ")
        else:
            self._write_engine = self.engine
        self._read = sessionmaker(bind=self._read_engine, expire_on_commit=False)
        self._write = sessionmaker(
            bind=self._write_engine, expire_on_commit=False, info={"desk": self.desk_id}
        )
        # The unit of work open on each thread (see `transaction`): a worker thread's writes
        # never join a transaction the window's thread has open, and the other way round.
        self._units = threading.local()

    @staticmethod
    def _make_engine(location: Location) -> Engine:
        if location.is_sqlite:
            engine = create_engine(location.url, connect_args={"timeout": BUSY_TIMEOUT_S})
            event.listen(engine, "connect", _on_connect)
            event.listen(engine, "begin", _on_begin)
            return engine
        url = make_url(location.url)
        try:
            if url.get_backend_name() != "postgresql":
                return create_engine(url, pool_pre_ping=True)
            connect_args: dict[str, Any] = {}
            if "options" not in url.query:
                # A write waits this long for another desk's turn, then says the database is busy.
                connect_args["options"] = f"-c lock_timeout={int(BUSY_TIMEOUT_S * 1000)}"
            engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
        except (exc.ArgumentError, exc.NoSuchModuleError, ImportError) as e:
            shown = url.render_as_string(hide_password=True)
            raise DatabaseError(
                "error.storage.database.cannot_use_database_shown_reason", shown=shown, reason=e
            ) from e
        event.listen(engine, "begin", _on_pg_begin)
        return engine

    @classmethod
    def open(
        cls, db: str | None = None, actor: str | None = None, files_dir: Path | None = None
    ) -> Database:
        """Resolve, check and migrate; raise DatabaseError with a readable reason if we can't.

        `files_dir` overrides where a server database's files are (`db migrate --files`).
        """
        location = resolve(db)
        if files_dir is not None and location.sqlite_path is None:
            location = Location(location.url, None, files_dir)
        if location.sqlite_path is not None:
            unknown = _check_sqlite_file(location.sqlite_path) - _known_revisions()
            if unknown:
                raise DatabaseError(
                    "error.storage.database.sqlite_path_was_made_by",
                    sqlite_path=location.sqlite_path,
                    items=", ".join(sorted(unknown)),
                )
            location.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        database = cls(location, actor)
        try:
            database._migrate()
        except BaseException:
            database.close()
            raise
        location.files_dir.mkdir(parents=True, exist_ok=True)
        return database

    def _migrate(self) -> None:
        heads = head_revisions()
        try:
            current = self._current_revisions()
        except exc.OperationalError as e:
            if is_lock_timeout(e):
                raise DatabaseError("error.storage.database.busy") from e
            raise DatabaseError(
                "error.storage.database.cannot_open_database_orig", orig=e.orig
            ) from e
        unknown = current - _known_revisions()
        if unknown:
            raise DatabaseError(
                "error.storage.database.database_was_made_by_newer",
                items=", ".join(sorted(unknown)),
            )
        if current == heads:
            return
        if current and self.location.sqlite_path is not None:
            self.copy_to(self._pre_upgrade_path("+".join(sorted(current))))
        from alembic import command

        cfg = _alembic_config()
        try:
            with self._write_engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
        except exc.OperationalError as e:
            if is_lock_timeout(e):
                raise DatabaseError("error.storage.database.busy") from e
            raise

    def _current_revisions(self) -> frozenset[str]:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return frozenset()
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
            return frozenset(str(r[0]) for r in rows)

    def _pre_upgrade_path(self, revision: str) -> Path:
        assert self.location.sqlite_path is not None
        stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
        p = self.location.sqlite_path
        return p.with_name(f"{p.stem}.before-upgrade-{revision}-{stamp}{p.suffix}")

    def copy_to(self, target: Path) -> None:
        """A consistent copy of the SQLite file (online backup API, safe while others read)."""
        if self.location.sqlite_path is None:
            raise DatabaseError("error.storage.database.only_sqlite_database_can_copied")
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        src = sqlite3.connect(str(self.location.sqlite_path), timeout=5)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, target)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; sees one consistent snapshot.

        Inside an open unit of work it is that unit's session, so a service reading back what
        an earlier call of the same unit wrote sees it.
        """
        unit = self.open_unit()
        if unit is not None:
            yield unit
            return
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: every write inside commits together or not at all.

        The outermost `transaction()` on this thread opens the write transaction (and takes
        the write lock); a `transaction()` or `write()` opened inside it joins it, so several
        service calls — record, attach evidence, recommend; an agency's whole demo roster —
        are one commit, audit events and checkpoints included. An error that leaves the
        outermost block rolls back everything; inner blocks never commit by themselves.
        """
        unit = self.open_unit()
        if unit is not None:
            yield unit
            return
        try:
            with self._write() as session, session.begin():
                self._units.session = session
                try:
                    yield session
                finally:
                    self._units.session = None
        except exc.OperationalError as e:
            if is_lock_timeout(e):
                raise DatabaseError("error.storage.database.busy") from e
            raise

    def write(self) -> AbstractContextManager[Session]:
        """One service call's transaction: its own unit of work, or the open one it joins."""
        return self.transaction()

    def open_unit(self) -> Session | None:
        """The session of the unit of work open on this thread, if any."""
        session: Session | None = getattr(self._units, "session", None)
        return session

    @property
    def is_sqlite(self) -> bool:
        return self.location.is_sqlite

    def close(self) -> None:
        self.engine.dispose()


def remove_database_files(path: Path) -> None:
    """Delete an SQLite file with its WAL/SHM companions (used by restore and tests)."""
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.exists():
            p.unlink()


__all__ = [
    "APP_NAME",
    "MIGRATIONS",
    "Database",
    "Location",
    "data_dir",
    "head_revisions",
    "resolve",
]
