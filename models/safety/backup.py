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
import sqlite3
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alembic.config import Config
from alembic.script import ScriptDirectory

from models.audit.chain import append_event
from models.audit.checkpoint import make_checkpoint, seal
from models.clock import iso, today, utc_now
from models.errors import FieldProblem, ValidationError
from models.storage.archive import (
    DATABASE,
    ArchiveWriter,
    BackupError,
    Manifest,
    iter_stored_files,
    verify_archive,
)
from models.storage.database import MIGRATIONS, Database, Location
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

    def __init__(self, message: str, problems: list[str], /, **params: Any) -> None:
        super().__init__(message, **params)
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


def time_stamp() -> str:
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
            [FieldProblem(KEEP_SETTING, "problem.must_be_a_number_of_days_from", n=MAX_KEEP)]
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
    from models.safety.restore import remove_stale_restores  # restore imports this module

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
    "rolling_backup",
    "set_backup_keep",
]
