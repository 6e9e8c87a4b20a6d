"""Restoring a backup: verify, stage, check and swap in, on SQLite or onto PostgreSQL.

What a backup holds and how it is made: models/safety/backup.py. Nothing outside a staging
folder is touched until every check passed; a failure puts the previous desk back.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from models.audit.chain import append_event
from models.audit.checkpoint import FORGED, UNKNOWN_KEY, Seal, check_seal
from models.audit.service import AuditService
from models.messages import Text, phrase
from models.storage.archive import (
    DATABASE,
    FILES_PREFIX,
    BackupError,
    Manifest,
    extract_archive,
    verify_archive,
)
from models.storage.database import Database, Location, resolve
from models.storage.files import fsync_dir

if TYPE_CHECKING:
    pass

from models.safety.backup import RestoreSummary, UnverifiedBackup, known_schema, time_stamp

# -- restore ------------------------------------------------------------------------------


def _sqlite_problem(path: Path, known: frozenset[str]) -> str | None:
    """Why the staged database can't be used, or None when it is sound."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        con.text_factory = lambda b: b.decode("utf-8", "replace")  # damaged text is data here
        try:
            result = [r[0] for r in con.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                return Text("restore.problem.integrity", details="; ".join(map(str, result[:3])))
            revisions = {str(r[0]) for r in con.execute("SELECT version_num FROM alembic_version")}
        finally:
            con.close()
    except sqlite3.Error as e:
        return Text("restore.problem.unreadable", reason=e)
    except UnicodeDecodeError:  # SQLite's own message quotes the damaged bytes
        return Text("restore.problem.damaged_schema")
    unknown = sorted(revisions - known)
    if unknown:
        return Text("restore.problem.newer_version", revisions=", ".join(unknown))
    return None


def _ensure_not_in_use(path: Path) -> None:
    """Refuse while any other connection has the database we are about to replace open.

    BEGIN IMMEDIATE only meets writers; an idle window keeps its connection (and, in WAL
    mode, a shared lock) and would go on writing into the file we move aside. An exclusive
    lock in EXCLUSIVE locking mode is granted only when no other connection holds the file.
    """
    if not path.exists():
        return
    try:
        con = sqlite3.connect(str(path), timeout=1.0, isolation_level=None)
        try:
            con.execute("PRAGMA locking_mode=EXCLUSIVE")
            con.execute("BEGIN EXCLUSIVE")
            con.execute("ROLLBACK")
        finally:
            con.close()
    except sqlite3.Error as e:
        raise BackupError(
            "error.safety.backup.name_use_another_consent_desk", name=path.name, reason=e
        ) from e


def _aside_name(path: Path, label: str, is_file: bool) -> Path:
    if is_file and path.suffix:
        return path.with_name(f"{path.stem}.{label}{path.suffix}")
    return path.with_name(f"{path.name}.{label}")


def _move_aside(db_path: Path, files_dir: Path, label: str) -> list[tuple[Path, Path]]:
    """Rename a database (+ its WAL/SHM, kept beside it as a set) and its files folder.

    Returns the (from, to) pairs so the move can be undone.
    """
    moves: list[tuple[Path, Path]] = []
    main_aside = _aside_name(db_path, label, is_file=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        src = Path(str(db_path) + suffix)
        if src.exists():
            moves.append((src, Path(str(main_aside) + suffix)))
    if files_dir.exists():
        moves.append((files_dir, _aside_name(files_dir, label, is_file=False)))
    done: list[tuple[Path, Path]] = []
    try:
        for src, dst in moves:
            os.replace(src, dst)
            done.append((src, dst))
    except OSError as e:
        _undo(done)
        raise BackupError(
            "error.safety.backup.cannot_move_current_database_aside", value=e.strerror or e
        ) from e
    return done


def _undo(moves: list[tuple[Path, Path]]) -> None:
    for src, dst in reversed(moves):
        with contextlib.suppress(OSError):
            os.replace(dst, src)


def manifest_problems(manifest: Manifest, files_dir: Path) -> list[str]:
    """Why a verified archive's manifest cannot be trusted as this desk's own; [] when it can.

    The member hashes prove the contents match the manifest; the seal proves the manifest is
    the one this desk wrote (anyone can recompute hashes, nobody without the key can seal).
    """
    if manifest.seal is None:
        return [Text("restore.problem.not_sealed")]
    sealed = Seal.from_json(manifest.seal)
    if sealed is None:
        return [Text("restore.problem.seal_damaged")]
    verdict = check_seal(manifest.sealed_bytes(), sealed, files_dir)
    if verdict == FORGED:
        return [Text("restore.problem.seal_forged")]
    if verdict == UNKNOWN_KEY:
        return [Text("restore.problem.unknown_key")]
    return []


def _staged_audit(staged_db: Path, files_dir: Path, manifest: Manifest) -> tuple[int, list[str]]:
    """Verify the staged copy's audit trail (chain, rows, checkpoints incl. the manifest's)."""
    from models.audit.anchors import Anchor
    from models.audit.checkpoint import Checkpoint

    staged = Database.open(str(staged_db))
    try:
        # seals are checked with *this* desk's keys, not with whatever the backup carries
        staged.location = replace(staged.location, files_dir=files_dir)
        anchors = []
        cp = Checkpoint.from_json(manifest.checkpoint) if manifest.checkpoint else None
        if cp is not None:
            anchors.append(Anchor(cp, "checkpoint in the backup's manifest", external=False))
        report = AuditService(staged).verify(anchors=anchors)
    finally:
        staged.close()
        # opening may have migrated the copy: fold its WAL in, so the file alone is complete
        con = sqlite3.connect(str(staged_db))
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            con.close()
    if report.intact:
        return report.count, []
    problems = list(report.problems) or [
        Text("restore.problem.audit_broken_at", event=report.first_broken, reason=report.reason)
    ]
    if report.first_broken is not None and report.problems:
        problems.insert(0, Text("restore.problem.audit_broken_at_event", event=report.first_broken))
    return report.count, problems


def _check_restored(location: Location) -> tuple[int, bool]:
    restored = Database.open(location.url)
    try:
        if location.sqlite_path is not None:
            with restored.engine.connect() as conn:
                rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            if rows != ["ok"]:
                raise BackupError(
                    "error.safety.backup.restored_database_fails_its_integrity", rows=rows[:3]
                )
        report = AuditService(restored).verify()
        return report.count, report.intact
    finally:
        restored.close()


def _record_accepted(location: Location, archive: Path, problems: list[str]) -> None:
    restored = Database.open(location.url)
    try:
        with restored.write() as s:
            append_event(
                s,
                restored.actor,
                "backup",
                archive.name[:60],
                "restore-accepted-broken",
                None,
                {"archive": archive.name, "problems": problems[:20]},
            )
    finally:
        restored.close()


RESTORE_MARK = ".restore-"


def _staging_name(db_path: Path) -> Path:
    return (
        db_path.parent / f".{db_path.name}{RESTORE_MARK}{os.getpid()}-{secrets.token_hex(6)}.part"
    )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def remove_stale_restores(db_path: Path) -> list[Path]:
    """Staging folders left by a restore that was killed (its process is gone); returns them."""
    removed: list[Path] = []
    prefix = f".{db_path.name}{RESTORE_MARK}"
    if not db_path.parent.is_dir():
        return removed
    for p in db_path.parent.iterdir():
        if not (p.name.startswith(prefix) and p.name.endswith(".part") and p.is_dir()):
            continue
        pid_text = p.name[len(prefix) :].split("-", 1)[0]
        if pid_text.isdigit() and _pid_alive(int(pid_text)) and int(pid_text) != os.getpid():
            continue  # a restore running right now in another process
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p)
    return removed


def restore_backup(
    archive: Path, db: str | None = None, accept_broken: bool = False
) -> RestoreSummary:
    """Put a backup in place of the database `db` (default: the one in the user data folder).

    Refused (BackupError, nothing changed) when the archive is damaged, its manifest is not
    sealed by this desk, or its audit trail is broken, unless `accept_broken` (the restore
    is then recorded in the restored audit trail with what was wrong); and while another
    connection has the database open. `db` may be a PostgreSQL URL (see the module docstring).
    """
    location = resolve(db)
    if location.sqlite_path is None:
        return _restore_onto_server(archive, location, accept_broken)
    db_path = location.sqlite_path
    remove_stale_restores(db_path)
    archive = archive.expanduser().absolute()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _ensure_not_in_use(db_path)
    staging = _staging_name(db_path)
    try:
        manifest, problems = _stage(archive, location, staging, accept_broken)
        staged_db = staging / DATABASE
        staged_files = staging / FILES_PREFIX.rstrip("/")
        # staging opened the copy (migrations, WAL): leave only the database file itself
        for suffix in ("-wal", "-shm", "-journal"):
            Path(str(staged_db) + suffix).unlink(missing_ok=True)
        _ensure_not_in_use(db_path)
        stamp = time_stamp()
        moved = _move_aside(db_path, location.files_dir, f"before-restore-{stamp}")
        try:
            os.replace(staged_db, db_path)
            os.replace(staged_files, location.files_dir)
            fsync_dir(db_path.parent)
            if problems:
                _record_accepted(location, archive, problems)
            count, intact = _check_restored(location)
        except BaseException:
            # Keep what we tried for inspection, with its WAL, and put the previous set back.
            with contextlib.suppress(BackupError):
                _move_aside(db_path, location.files_dir, f"failed-restore-{stamp}")
            _undo(moved)
            raise
    except OSError as e:
        raise BackupError(
            "error.safety.backup.cannot_restore_into_parent_value",
            parent=db_path.parent,
            value=e.strerror or e,
        ) from e
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RestoreSummary(
        database=db_path,
        files_dir=location.files_dir,
        manifest=manifest,
        moved_aside=tuple(dst for _src, dst in moved),
        audit_events=count,
        audit_intact=intact,
        accepted_problems=tuple(problems),
    )


def _stage(
    archive: Path, location: Location, staging: Path, accept_broken: bool
) -> tuple[Manifest, list[str]]:
    """Verify the archive, unpack it into `staging` and check what it holds (the database
    opens, passes its integrity check, and its audit trail verifies against this desk's
    keys); UnverifiedBackup unless `accept_broken`. Returns the manifest and the problems
    accepted. Nothing outside `staging` is touched."""
    known = known_schema()
    manifest = verify_archive(archive, known)  # every hash, before anything is touched
    problems = manifest_problems(manifest, location.files_dir)
    manifest = extract_archive(archive, known, staging)
    staged_db = staging / DATABASE
    (staging / FILES_PREFIX.rstrip("/")).mkdir(exist_ok=True)
    problem = _sqlite_problem(staged_db, known)
    if problem is not None:
        raise BackupError(
            "error.safety.backup.name_cannot_restored_problem_nothing",
            name=archive.name,
            problem=problem,
        )
    _count, audit_problems = _staged_audit(staged_db, location.files_dir, manifest)
    problems.extend(audit_problems)
    if problems and not accept_broken:
        more = len(problems) - 1
        raise UnverifiedBackup(
            "error.safety.backup.not_restored",
            problems,
            name=archive.name,
            problem=problems[0],
            more=phrase("error.safety.backup.more_problems", n=more) if more else "",
        )
    return manifest, problems


# -- restore onto PostgreSQL --------------------------------------------------------------------

_OTHER_SESSIONS = text(
    "SELECT count(*), string_agg(DISTINCT coalesce(nullif(application_name, ''), usename, '?'),"
    " ', ') FROM pg_stat_activity"
    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
)


def _refuse_other_sessions(conn: Any, where: str) -> None:
    """BackupError when any other session is connected to this PostgreSQL database.

    An idle window keeps its connection and would go on writing after the restore, into
    rows the restore replaced (or see stale ones); so, as with SQLite, every other desk
    must be closed first.
    """
    count, names = conn.execute(_OTHER_SESSIONS).one()
    if count:
        raise BackupError(
            "error.safety.backup.server_database_in_use", where=where, count=count, names=names
        )


def _restore_onto_server(archive: Path, location: Location, accept_broken: bool) -> RestoreSummary:
    from sqlalchemy.engine import make_url

    from models.safety.transfer import copy_rows

    where = make_url(location.url).render_as_string(hide_password=True)
    files_dir = location.files_dir
    files_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_restores(files_dir)
    archive = archive.expanduser().absolute()
    staging = _staging_name(files_dir)
    # the replaced content is kept as an SQLite desk beside the files folder (file + -files)
    kept = files_dir.parent / f"{files_dir.name}.before-restore-{time_stamp()}.sqlite3"
    kept_files = resolve(str(kept)).files_dir
    swapped = committed = False
    try:
        manifest, problems = _stage(archive, location, staging, accept_broken)
        staged_db, staged_files = staging / DATABASE, staging / FILES_PREFIX.rstrip("/")
        target = Database.open(location.url)
        try:
            with target.engine.connect() as conn:
                _refuse_other_sessions(conn, where)  # before any work: nothing changed
            target.engine.dispose()  # our own pooled connections are not "other sessions"
            source = Database.open(str(staged_db))
            keep = Database.open(str(kept))
            try:
                with source.read() as ss, target.write() as ds, keep.write() as ks:
                    dconn = ds.connection()
                    tables = _server_tables(dconn)
                    quote = dconn.dialect.identifier_preparer.quote
                    names = ", ".join(quote(t) for t in tables)
                    dconn.exec_driver_sql(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE")
                    _refuse_other_sessions(dconn, where)  # none came in since the first check
                    copy_rows(dconn, ks.connection(), source_must_verify=False)
                    for table in reversed(tables):
                        dconn.exec_driver_sql(f"DELETE FROM {quote(table)}")
                    copy_rows(ss.connection(), dconn)
                    if files_dir.exists():
                        os.replace(files_dir, kept_files)
                    swapped = True
                    os.replace(staged_files, files_dir)
                committed = True
            except BaseException:
                if swapped:  # the rows rolled back: put the files folder back as it was
                    with contextlib.suppress(OSError):
                        if files_dir.exists():
                            os.replace(files_dir, staged_files)
                        if kept_files.exists():
                            os.replace(kept_files, files_dir)
                raise
            finally:
                source.close()
                keep.close()
        finally:
            target.close()
        if problems:
            _record_accepted(location, archive, problems)
        count, intact = _check_restored(location)
    except BaseException:
        # Nothing was replaced: the copy of the current content is not needed (unless putting
        # the files folder back failed; then everything stays for inspection).
        if not committed and not (kept_files.exists() and any(kept_files.iterdir())):
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(kept) + suffix).unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                kept_files.rmdir()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RestoreSummary(
        database=where,
        files_dir=files_dir,
        manifest=manifest,
        moved_aside=(kept, kept_files),
        audit_events=count,
        audit_intact=intact,
        accepted_problems=tuple(problems),
    )


def _server_tables(conn: Any) -> list[str]:
    """The database's tables that hold records, each after those its foreign keys point at."""
    from sqlalchemy import MetaData

    meta = MetaData()
    meta.reflect(bind=conn)
    return [t.name for t in meta.sorted_tables if t.name != "alembic_version"]
