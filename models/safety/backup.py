"""Backups and restore: one archive with the database, its stored files and a manifest.

- `create_backup(db, path)`: what `consent-desk backup PATH` and File ▸ Back up… do.
- `restore_backup(path, db_url)`: what `consent-desk restore PATH` and File ▸ Restore… do.
  Every byte is verified before anything is touched; the current database and files folder
  are moved aside (renamed with a time stamp, never deleted); the restored database must
  open and pass `PRAGMA integrity_check`, or the previous one is put back.
- Authenticity: the manifest carries a checkpoint of the audit log and is sealed (signed
  with the agency identity, or MACed with the desk key that never goes into a backup; see
  models/audit/checkpoint.py). Restore refuses (`UnverifiedBackup`, nothing changed) an
  unsealed or foreign-sealed manifest, recomputed hashes (the seal no longer matches) and a
  backup whose audit trail is broken or does not extend its own checkpoint, unless
  `accept_broken` (then recorded in the restored audit trail). It also refuses while any
  other connection has the database open, and removes staging folders of killed restores.
- `rolling_backup(db)`: the daily automatic backup. **The GUI calls this once at start-up**
  (in the background); it makes at most one backup per calendar day into
  `<data dir>/backups/` and keeps the newest N (setting `backup.keep`, default 14).

Backups are made of SQLite databases (a PostgreSQL server is backed up with `pg_dump` by
whoever runs the server, its shared files folder with it). A backup can be restored onto a
PostgreSQL database (`restore_backup` with a server URL: moving a laptop's backup onto the
office server, or putting a server back to a backup): the same checks first; then it is
refused while any other session is connected to that database (`pg_stat_activity`), the
current content is kept as an SQLite copy beside the files folder (`db migrate`'s copy), and
the rows are replaced in one transaction that holds every table locked, with the files
folder swapped before it commits.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import sqlite3
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

from models.audit.chain import append_event
from models.audit.checkpoint import FORGED, UNKNOWN_KEY, Seal, check_seal, make_checkpoint, seal
from models.audit.service import AuditService
from models.clock import iso, today, utc_now
from models.errors import FieldProblem, ValidationError
from models.messages import phrase, render
from models.storage.archive import (
    DATABASE,
    FILES_PREFIX,
    ArchiveWriter,
    BackupError,
    Manifest,
    extract_archive,
    iter_stored_files,
    verify_archive,
)
from models.storage.database import MIGRATIONS, Database, Location, resolve
from models.storage.files import fsync_dir
from models.storage.places import default_backup_folder

if TYPE_CHECKING:
    from models.identity import UnlockedIdentity
from models.storage.schema import SettingRow

KEEP_SETTING = "backup.keep"
DEFAULT_KEEP = 14
MAX_KEEP = 366
SUFFIX = ".zip"

PG_MESSAGE = "error.safety.backup.sqlite_only"  # catalogue code


class UnverifiedBackup(BackupError):
    """A readable backup that cannot be trusted (seal or audit trail); `--accept-broken`."""

    def __init__(self, message: str, message_zh: str, problems: list[str]) -> None:
        super().__init__(message, message_zh)
        self.problems = tuple(problems)


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    size: int
    files: int
    manifest: Manifest


@dataclass(frozen=True)
class RestoreSummary:
    database: Path | str  # the SQLite file, or the server database's URL without password
    files_dir: Path
    manifest: Manifest
    moved_aside: tuple[Path, ...]
    audit_events: int
    audit_intact: bool
    accepted_problems: tuple[str, ...] = ()


def known_schema() -> frozenset[str]:
    """Every schema revision this version of the app knows (older backups are upgraded)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return frozenset(s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions())


def app_version() -> str:
    try:
        return metadata.version("consent-desk")
    except metadata.PackageNotFoundError:
        return "unknown"


def _require_sqlite(location: Location) -> Path:
    if location.sqlite_path is None:
        raise BackupError(PG_MESSAGE)
    return location.sqlite_path


def _stamp() -> str:
    return utc_now().strftime("%Y%m%dT%H%M%S%fZ")


def _snapshot_facts(path: Path) -> tuple[tuple[str, ...], dict[str, int]]:
    """Schema revisions and a few counts, read from the copy that goes into the archive."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        schema = tuple(
            sorted(str(r[0]) for r in con.execute("SELECT version_num FROM alembic_version"))
        )
        counts: dict[str, int] = {}
        for table in ("artist", "audit_event", "stored_file"):
            counts[table] = int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return schema, counts
    finally:
        con.close()


def create_backup(
    db: Database,
    target: Path,
    overwrite: bool = False,
    identity: UnlockedIdentity | None = None,
) -> BackupSummary:
    """Write one archive of the database and its files; the archive appears only when complete.

    A checkpoint of the audit log is made first (so the copy holds it too) and goes into the
    manifest; the manifest is sealed: signed with `identity` when given, else MACed with the
    desk key (models/audit/checkpoint.py), which stays out of the archive.

    The database is copied first and the files after: stored files are written before the
    row that names them commits and are never changed, so every file the copied database
    mentions is already on disk when the folder is read.
    """
    _require_sqlite(db.location)
    target = target.expanduser().absolute()
    files_dir = db.location.files_dir.absolute()
    if target.is_relative_to(files_dir):
        raise BackupError("error.safety.backup.choose_place_outside_files_dir", files_dir=files_dir)
    if target.exists() and not overwrite:
        raise BackupError("error.safety.backup.target_already_exists_choose_another", target=target)
    if target.is_dir():
        raise BackupError("error.safety.backup.target_folder_give_file_name", target=target)
    part = target.with_name(target.name + ".part")
    snapshot = target.with_name(f".{target.name}.{secrets.token_hex(4)}.sqlite3")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        checkpoint = make_checkpoint(db, "backup", identity)
        db.copy_to(snapshot)
        schema, counts = _snapshot_facts(snapshot)
        writer = ArchiveWriter(part)
        try:
            writer.add_file(DATABASE, snapshot)
            for name, path in iter_stored_files(files_dir):
                writer.add_file(name, path)
            manifest = Manifest(
                format_version=1,
                app_version=app_version(),
                schema=schema,
                created_at=iso(utc_now()),
                created_by=db.actor,
                source=db.location.sqlite_path.name if db.location.sqlite_path else "",
                members=tuple(writer.members),
                counts=counts,
                checkpoint=checkpoint.to_json(),
            )
            sealed = seal(manifest.sealed_bytes(), db.location.files_dir, identity)
            manifest = replace(manifest, seal=sealed.to_json())
            writer.finish(manifest)
        except BaseException:
            writer.abort()
            raise
        os.replace(part, target)
        fsync_dir(target.parent)
    except OSError as e:
        raise BackupError(
            "error.safety.backup.cannot_write_backup_target_value",
            target=target,
            value=e.strerror or e,
        ) from e
    except sqlite3.Error as e:
        raise BackupError("error.safety.backup.cannot_copy_database_backup_reason", reason=e) from e
    finally:
        part.unlink(missing_ok=True)
        for suffix in ("", ".part", "-journal", "-wal", "-shm"):
            Path(str(snapshot) + suffix).unlink(missing_ok=True)
    return BackupSummary(target, target.stat().st_size, len(manifest.files), manifest)


def check_backup(archive: Path) -> Manifest:
    """Verify an archive completely without restoring it (`restore --check`)."""
    return verify_archive(archive, known_schema())


# -- restore ------------------------------------------------------------------------------


def _sqlite_problem(path: Path, known: frozenset[str]) -> str | None:
    """Why the staged database can't be used, or None when it is sound."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        con.text_factory = lambda b: b.decode("utf-8", "replace")  # damaged text is data here
        try:
            result = [r[0] for r in con.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                return f"the database fails its integrity check ({'; '.join(map(str, result[:3]))})"
            revisions = {str(r[0]) for r in con.execute("SELECT version_num FROM alembic_version")}
        finally:
            con.close()
    except sqlite3.Error as e:
        return f"the database cannot be read ({e})"
    except UnicodeDecodeError:  # SQLite's own message quotes the damaged bytes
        return "the database is damaged (unreadable schema)"
    unknown = sorted(revisions - known)
    if unknown:
        return f"the database was made by a newer version of Consent Desk ({', '.join(unknown)})"
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
        return ["its manifest is not sealed (made by an older version, or the seal was removed)"]
    sealed = Seal.from_json(manifest.seal)
    if sealed is None:
        return ["its manifest seal is damaged"]
    verdict = check_seal(manifest.sealed_bytes(), sealed, files_dir)
    if verdict == FORGED:
        return ["its manifest was changed after the backup was made (the seal does not match)"]
    if verdict == UNKNOWN_KEY:
        return [
            "it was sealed by a key this desk does not hold (made on another desk, or this "
            "desk's keys/desk.key was replaced)"
        ]
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
        f"its audit trail is broken at event {report.first_broken}: {report.reason}"
    ]
    if report.first_broken is not None and report.problems:
        problems.insert(0, f"its audit trail is broken at event {report.first_broken}")
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
        stamp = _stamp()
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
        values = {
            "name": archive.name,
            "problem": problems[0],
            "more": phrase("error.safety.backup.more_problems", n=more) if more else "",
        }
        raise UnverifiedBackup(
            render("error.safety.backup.not_restored", "en", values),
            render("error.safety.backup.not_restored", "zh", values),
            problems,
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
    kept = files_dir.parent / f"{files_dir.name}.before-restore-{_stamp()}.sqlite3"
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


# -- rolling daily backups ----------------------------------------------------------------


def backup_keep(db: Database) -> int:
    """How many daily backups to keep (setting `backup.keep`; default 14)."""
    with db.read() as s:
        row = s.get(SettingRow, KEEP_SETTING)
        value = row.value if row is not None else None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_KEEP:
        return value
    return DEFAULT_KEEP


def set_backup_keep(db: Database, keep: int) -> None:
    if not 1 <= keep <= MAX_KEEP:
        raise ValidationError(
            [FieldProblem(KEEP_SETTING, f"must be a number of days from 1 to {MAX_KEEP}")]
        )
    with db.write() as s:
        row = s.get(SettingRow, KEEP_SETTING)
        before = {"value": row.value} if row is not None else None
        if row is None:
            s.add(SettingRow(key=KEEP_SETTING, value=keep))
        else:
            row.value = keep
        s.flush()
        append_event(s, db.actor, "setting", KEEP_SETTING, "update", before, {"value": keep})


def _daily_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{4}}-\d{{2}}-\d{{2}}){re.escape(SUFFIX)}$")


def daily_backups(folder: Path, stem: str) -> list[tuple[date, Path]]:
    """The rolling backups of one database in `folder`, oldest first."""
    pattern = _daily_pattern(stem)
    found: list[tuple[date, Path]] = []
    if not folder.is_dir():
        return found
    for p in folder.iterdir():
        m = pattern.match(p.name)
        if m and p.is_file():
            try:
                found.append((date.fromisoformat(m.group(1)), p))
            except ValueError:
                continue
    return sorted(found)


def rolling_backup(
    db: Database,
    folder: Path | None = None,
    keep: int | None = None,
    on: date | None = None,
) -> Path | None:
    """The first start of each day makes a backup; return its path (None if not needed today).

    Only files this function named (`<database name>-YYYY-MM-DD.zip`) are ever deleted, and
    only the oldest beyond `keep`. Does nothing for PostgreSQL (the server's own backups).
    """
    if db.location.sqlite_path is None:
        return None
    folder = folder or default_backup_folder()
    keep = keep if keep is not None else backup_keep(db)
    on = on or today()
    stem = db.location.sqlite_path.stem
    existing = daily_backups(folder, stem)
    made: Path | None = None
    if not any(day == on for day, _p in existing):
        made = create_backup(db, folder / f"{stem}-{on.isoformat()}{SUFFIX}").path
        existing = daily_backups(folder, stem)
    for _day, old in existing[: max(0, len(existing) - max(1, keep))]:
        with contextlib.suppress(OSError):
            old.unlink()
    _remove_stale_parts(folder, stem)
    remove_stale_restores(db.location.sqlite_path)
    return made


def _remove_stale_parts(folder: Path, stem: str) -> None:
    """Leftovers of a backup that was interrupted (power cut) more than a day ago."""
    cutoff = (utc_now() - timedelta(days=1)).timestamp()
    for p in folder.glob(f"{stem}-*{SUFFIX}.part"):
        with contextlib.suppress(OSError):
            if p.stat().st_mtime < cutoff:
                p.unlink()


__all__ = [
    "DEFAULT_KEEP",
    "KEEP_SETTING",
    "BackupError",
    "BackupSummary",
    "RestoreSummary",
    "UnverifiedBackup",
    "backup_keep",
    "check_backup",
    "create_backup",
    "daily_backups",
    "default_backup_folder",
    "manifest_problems",
    "remove_stale_restores",
    "restore_backup",
    "rolling_backup",
    "set_backup_keep",
]
