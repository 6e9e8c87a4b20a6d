"""A throwaway PostgreSQL server for the test run: `initdb` + `pg_ctl` in a temporary folder.

The server listens only on a Unix socket in that folder (no TCP port to collide with another
run or the machine's own cluster), with durability switched off because its data is thrown
away. PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user.
"""

from __future__ import annotations

import itertools
import os
import pwd
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

PORT = 5432  # only names the socket file; nothing listens on TCP
SUPERUSER = "postgres"


class PgUnavailable(RuntimeError):
    """Why a PostgreSQL server cannot be started here (tests skip, or fail in CI)."""


def find_bindir() -> Path:
    """The folder with `initdb` and `pg_ctl`: CONSENT_DESK_PG_BIN, PATH, or Debian's layout."""
    override = os.environ.get("CONSENT_DESK_PG_BIN")
    candidates: list[Path] = []
    if override:  # an explicit choice: only that folder
        candidates.append(Path(override))
    else:
        on_path = shutil.which("pg_ctl")
        if on_path:
            candidates.append(Path(on_path).parent)

        def version(p: Path) -> int:
            m = re.search(r"/(\d+)/bin$", str(p))
            return int(m.group(1)) if m else 0

        candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    for c in candidates:
        if (c / "initdb").is_file() and (c / "pg_ctl").is_file():
            return c
    raise PgUnavailable(
        "PostgreSQL server programs (initdb, pg_ctl) not found: install the Debian `postgresql` "
        "package (scripts/setup.sh dev does) or set CONSENT_DESK_PG_BIN"
    )


class PgServer:
    """One server for a test session; `url(name)` addresses a database on it."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.run_as: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam(SUPERUSER)
            except KeyError as e:
                raise PgUnavailable(
                    "running as root and there is no `postgres` OS user to run PostgreSQL as"
                ) from e
            self.run_as = SUPERUSER
        # Not under pytest's own temporary folder: that one is private to root (mode 700).
        self.root = Path(tempfile.mkdtemp(prefix="consent-desk-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root
        self.log = self.root / "server.log"
        self._started = False

    def _run(self, *args: str) -> None:
        try:
            subprocess.run(
                [str(self.bindir / args[0]), *args[1:]],
                check=True,
                capture_output=True,
                text=True,
                user=self.run_as,
                cwd=self.root,
                timeout=120,
            )
        except subprocess.CalledProcessError as e:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise PgUnavailable(
                f"`{' '.join(args[:2])}` failed: {e.stderr.strip() or e.stdout.strip()} {log}"
            ) from e
        except (OSError, subprocess.TimeoutExpired) as e:
            raise PgUnavailable(f"`{args[0]}` could not run: {e}") from e

    def start(self) -> PgServer:
        if self.run_as is not None:
            shutil.chown(self.root, user=self.run_as)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            # A UTF-8 character type, so pg_trgm treats Chinese characters as word characters.
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = " ".join(
            [
                "-c listen_addresses=''",
                f"-k {self.socket_dir}",
                f"-p {PORT}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
                "-c shared_buffers=128MB",
            ]
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-o", options, "start")
        self._started = True
        return self

    def stop(self) -> None:
        try:
            if self._started:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
                self._started = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str, driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{SUPERUSER}@/{database}?host={self.socket_dir}&port={PORT}"

    def admin(self, *statements: str, database: str = "postgres") -> None:
        """Run statements (on the maintenance database unless told), outside a transaction."""
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir),
            port=PORT,
            user=SUPERUSER,
            dbname=database,
            autocommit=True,
        ) as con:
            for sql in statements:
                con.execute(sql)  # type: ignore[arg-type]


class TemplateCopies:
    """Fresh copies of a template database, made ahead on background threads.

    `CREATE DATABASE … TEMPLATE` takes most of a test's set-up time; the server does it on the
    other core while the current test runs, and drops used copies the same way.
    """

    def __init__(self, server: PgServer, template: str, ahead: int = 2) -> None:
        self.server = server
        self.template = template
        self._numbers = itertools.count(1)
        self._ready: queue.Queue[str | BaseException] = queue.Queue(maxsize=ahead)
        self._used: queue.Queue[str | None] = queue.Queue()
        self._stopping = threading.Event()
        self._threads = [
            threading.Thread(target=self._make, name="pg-copies", daemon=True),
            threading.Thread(target=self._drop, name="pg-drops", daemon=True),
        ]
        for t in self._threads:
            t.start()

    def _connect(self) -> Any:
        import psycopg

        return psycopg.connect(
            host=str(self.server.socket_dir),
            port=PORT,
            user=SUPERUSER,
            dbname="postgres",
            autocommit=True,
        )

    def _make(self) -> None:
        try:
            with self._connect() as con:
                while not self._stopping.is_set():
                    name = f"{self.template}_{next(self._numbers)}"
                    con.execute(f"CREATE DATABASE {name} TEMPLATE {self.template}")
                    while not self._stopping.is_set():
                        try:
                            self._ready.put(name, timeout=0.2)
                            break
                        except queue.Full:
                            continue
        except BaseException as e:  # handed to the test that waits for a copy
            self._ready.put(e)

    def _drop(self) -> None:
        with self._connect() as con:
            while (name := self._used.get()) is not None:
                con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def take(self) -> str:
        """The name of a fresh copy, for one test; give it back with `give_back`."""
        got = self._ready.get(timeout=60)
        if isinstance(got, BaseException):
            raise PgUnavailable(f"could not copy the template database: {got}") from got
        return got

    def give_back(self, name: str) -> None:
        self._used.put(name)

    def close(self) -> None:
        self._stopping.set()
        self._used.put(None)
        for t in self._threads:
            t.join(timeout=10)
