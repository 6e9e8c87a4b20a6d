"""Stored files: the one way evidence, statements and photos are kept beside the database.

Files are content-addressed: the bytes of a file with SHA-256 `abcdef…` live at
`files_dir/ab/abcdef…` (no extension; the name a person gave it is in the `stored_file` row).
Why: a hash is a name nobody can spoof or collide, the same scan attached twice is kept
once, a file never changes after it is written (so backups and integrity checks can trust
the hash), and the path can be derived from the hash alone on any machine after a restore.

Writing order keeps a crash harmless: the bytes go to `….part`, are flushed to disk and
renamed into place *before* the `stored_file` row commits. A crash can leave an unregistered
file behind (harmless, it is the same bytes), never a row pointing at a missing or partial file.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from models.audit.chain import append_event
from models.clock import utc_now
from models.errors import NotFoundError, UserError
from models.storage.database import Database
from models.storage.schema import StoredFileRow

CHUNK = 1024 * 1024
ENTITY = "stored_file"
_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class StoredFile:
    """A registered file as the rest of the app sees it."""

    sha256: str
    original_name: str
    size: int
    media_type: str
    stored_at: datetime
    last_verified_at: datetime | None
    ok: bool


def _to_stored(row: StoredFileRow) -> StoredFile:
    return StoredFile(
        row.sha256,
        row.original_name,
        row.size,
        row.media_type,
        row.stored_at,
        row.last_verified_at,
        row.ok,
    )


def is_sha256(value: str) -> bool:
    return len(value) == 64 and set(value) <= _HEX


def relative_path(sha256: str) -> Path:
    """Where a file lives inside `files_dir`; refuses anything that is not a lowercase hash."""
    if not is_sha256(sha256):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
    return Path(sha256[:2]) / sha256


def path_for(db: Database, sha256: str) -> Path:
    """The absolute path of a stored file (it may be missing: see `verify`)."""
    return db.location.files_dir / relative_path(sha256)


def hash_stream(fh: BinaryIO) -> tuple[str, int]:
    """SHA-256 and size of everything readable from `fh`, in bounded memory."""
    digest = hashlib.sha256()
    size = 0
    while chunk := fh.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def hash_file(path: Path) -> tuple[str, int]:
    with path.open("rb") as fh:
        return hash_stream(fh)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable across a power cut (POSIX); a no-op where folders can't be synced."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _copy_into_store(files_dir: Path, src: BinaryIO) -> tuple[str, int]:
    """Copy a stream into the store, hashing as it goes; return (sha256, size)."""
    files_dir.mkdir(parents=True, exist_ok=True)
    tmp = files_dir / f"incoming-{secrets.token_hex(8)}.part"
    digest = hashlib.sha256()
    size = 0
    try:
        with tmp.open("wb") as out:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        final = files_dir / relative_path(sha)
        final.parent.mkdir(parents=True, exist_ok=True)
        if final.exists() and hash_file(final) == (sha, size):
            tmp.unlink()
        else:
            os.replace(tmp, final)
            fsync_dir(final.parent)
        return sha, size
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _register(
    db: Database, s: Session, sha: str, size: int, original_name: str, media_type: str
) -> None:
    row = s.get(StoredFileRow, sha)
    if row is not None:
        if not row.ok:
            # The damaged or missing copy was just replaced by good bytes.
            row.ok = True
            row.last_verified_at = utc_now()
            append_event(s, db.actor, ENTITY, sha, "repaired", {"ok": False}, {"ok": True})
        return
    row = StoredFileRow(
        sha256=sha,
        original_name=original_name,
        size=size,
        media_type=media_type,
        stored_at=utc_now(),
        last_verified_at=None,
        ok=True,
    )
    s.add(row)
    s.flush()
    after = {"original_name": original_name, "size": size, "media_type": media_type}
    append_event(s, db.actor, ENTITY, sha, "store", None, after)


def _media_type(name: str, media_type: str | None) -> str:
    if media_type:
        return media_type
    guessed, _ = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"


def store_file(
    db: Database,
    src_path: Path,
    original_name: str | None = None,
    media_type: str | None = None,
    session: Session | None = None,
) -> str:
    """Keep a copy of a file and register it; return its SHA-256.

    Pass `session` to register the file inside your own write transaction (so the evidence
    link, the file row and their audit events commit together); without it the row is
    registered in a transaction of its own. Storing the same bytes again is a no-op.
    """
    name = original_name or src_path.name
    try:
        with src_path.open("rb") as fh:
            sha, size = _copy_into_store(db.location.files_dir, fh)
    except FileNotFoundError as e:
        raise UserError("error.storage.files.cannot_find_src_path", src_path=src_path) from e
    except OSError as e:
        raise UserError(
            "error.storage.files.cannot_copy_name_into_data",
            name=src_path.name,
            value=e.strerror or e,
        ) from e
    _register_in(db, session, sha, size, name, _media_type(name, media_type))
    return sha


def store_bytes(
    db: Database,
    data: bytes,
    original_name: str,
    media_type: str | None = None,
    session: Session | None = None,
) -> str:
    """Like `store_file` for bytes made in memory (rendered statements, photos)."""
    try:
        sha, size = _copy_into_store(db.location.files_dir, io.BytesIO(data))
    except OSError as e:
        raise UserError(
            "error.storage.files.cannot_save_original_name_into",
            original_name=original_name,
            value=e.strerror or e,
        ) from e
    _register_in(db, session, sha, size, original_name, _media_type(original_name, media_type))
    return sha


def _register_in(
    db: Database, session: Session | None, sha: str, size: int, name: str, media_type: str
) -> None:
    if session is not None:
        _register(db, session, sha, size, name, media_type)
        return
    with db.write() as s:
        _register(db, s, sha, size, name, media_type)


def get(db: Database, sha256: str) -> StoredFile:
    with db.read() as s:
        row = s.get(StoredFileRow, sha256)
        if row is None:
            raise NotFoundError("error.storage.files.no_stored_file_hash_sha", sha=sha256[:12])
        return _to_stored(row)


def verify(db: Database, sha256: str) -> bool:
    """Whether the stored bytes are still exactly the ones registered (missing → False)."""
    path = path_for(db, sha256)
    try:
        found, _size = hash_file(path)
    except OSError:
        return False
    return found == sha256


@contextmanager
def open_stored(db: Database, sha256: str) -> Iterator[BinaryIO]:
    """Open a stored file for reading; a missing file is a user-facing error, not a crash."""
    path = path_for(db, sha256)
    try:
        fh = path.open("rb")
    except OSError as e:
        raise UserError(
            "error.storage.files.stored_file_sha_missing_from",
            sha=sha256[:12],
            files_dir=db.location.files_dir,
        ) from e
    with fh:
        yield fh


__all__ = [
    "StoredFile",
    "get",
    "hash_file",
    "open_stored",
    "path_for",
    "relative_path",
    "store_bytes",
    "store_file",
    "verify",
]
