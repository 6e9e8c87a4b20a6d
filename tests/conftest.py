"""Shared fixtures: a fresh, migrated database per test, copied from a template for speed."""

from __future__ import annotations

import atexit
import inspect
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.storage.database import Database
from tests.pg_server import PgServer, PgUnavailable, TemplateCopies

# Tests never touch the user's real data, logs or settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One desk key for the whole run (module-scoped fixtures make backups before a test's own
# home exists); tests about another desk's key set their own.
os.environ["CONSENT_DESK_KEY_DIR"] = tempfile.mkdtemp(prefix="consent-desk-keys-")
atexit.register(shutil.rmtree, os.environ["CONSENT_DESK_KEY_DIR"], True)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CONSENT_DESK_HOME", str(home / "data"))
    monkeypatch.setenv("CONSENT_DESK_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("CONSENT_DESK_USER", "tester")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("CONSENT_DESK_DB", raising=False)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database file for the whole run; tests get copies of it."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database.open(str(path), actor="tester")
    db.close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def db(backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A fresh migrated database: SQLite, or PostgreSQL for the `[postgresql]` variants."""
    if backend == "postgresql":
        where = str(request.getfixturevalue("pg_database"))
    else:
        where = str(request.getfixturevalue("db_path"))
    database = Database.open(where, actor="tester")
    yield database
    database.close()


# -- back ends (issue 10) ----------------------------------------------------------------------
# Tests under tests/models/ that use `db` run twice: on SQLite and on a throwaway PostgreSQL
# server this run starts (tests/pg_server.py). Tests about the SQLite file itself stay
# SQLite-only: those that ask for `db_path`, are marked `sqlite_only`, or whose code touches
# the file (`sqlite_path`, `copy_to`, `sqlite3`, PRAGMA).
_BOTH_BACKENDS_UNDER = Path(__file__).parent / "models"
_FILE_LEVEL_WORDS = ("sqlite_path", "db_path", "copy_to", "sqlite3", "PRAGMA", "sqlite_")


def _sqlite_only(metafunc: pytest.Metafunc) -> bool:
    if "db_path" in metafunc.fixturenames or metafunc.definition.get_closest_marker("sqlite_only"):
        return True
    try:
        source = inspect.getsource(metafunc.function)
    except (OSError, TypeError):
        return True
    return any(word in source for word in _FILE_LEVEL_WORDS)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    if not metafunc.definition.path.is_relative_to(_BOTH_BACKENDS_UNDER) or _sqlite_only(metafunc):
        return
    metafunc.parametrize(
        "backend",
        ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)],
        indirect=True,
        scope="function",
    )


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database `db` is: "sqlite" unless the test was parametrised for PostgreSQL."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL server for this run; skipped where none can start, but never in CI."""
    try:
        server = PgServer().start()
    except PgUnavailable as e:
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(f"CI must test PostgreSQL, but its server did not start: {e}")
        pytest.skip(f"no PostgreSQL server for the [postgresql] tests: {e}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_copies(
    pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TemplateCopies]:
    """One migrated PostgreSQL database; tests get copies of it (CREATE DATABASE … TEMPLATE)."""
    pg_server.admin("CREATE DATABASE desk_template")
    old = os.environ.get("CONSENT_DESK_FILES")
    os.environ["CONSENT_DESK_FILES"] = str(tmp_path_factory.mktemp("pg-template-files"))
    try:
        Database.open(pg_server.url("desk_template"), actor="tester").close()
    finally:
        if old is None:
            del os.environ["CONSENT_DESK_FILES"]
        else:
            os.environ["CONSENT_DESK_FILES"] = old
    copies = TemplateCopies(pg_server, "desk_template")
    yield copies
    copies.close()


@pytest.fixture
def pg_database(pg_server: PgServer, pg_copies: TemplateCopies) -> Iterator[str]:
    """The URL of a fresh copy of the migrated template, dropped after the test."""
    name = pg_copies.take()
    yield pg_server.url(name)
    pg_copies.give_back(name)


# -- no network (issue 8) ----------------------------------------------------------------------
# Consent Desk never talks to the network: every test runs with outgoing connections to
# anything but this machine refused, so a library that tries to fetch (OCSP, CRLs, fonts,
# XML entities) fails loudly instead of quietly leaking a confidential script.
_NETWORK_OFF = "network disabled in tests"


def _is_local_address(address: object) -> bool:
    import ipaddress

    if isinstance(address, (str, bytes)):  # AF_UNIX path (or abstract socket)
        return True
    if not isinstance(address, tuple) or not address:
        return False
    host = address[0]
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False  # any other name: refused without even asking DNS about it


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create_connection = socket.create_connection

    def connect(self: socket.socket, address: object) -> None:
        if self.family != getattr(socket, "AF_UNIX", None) and not _is_local_address(address):
            raise OSError(_NETWORK_OFF)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if self.family != getattr(socket, "AF_UNIX", None) and not _is_local_address(address):
            raise OSError(_NETWORK_OFF)
        return real_connect_ex(self, address)

    def create_connection(address: object, *args: object, **kwargs: object) -> socket.socket:
        if not _is_local_address(address):
            raise OSError(_NETWORK_OFF)
        return real_create_connection(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
