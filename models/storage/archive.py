"""The backup archive format: one zip holding the database, the stored files and a manifest.

```
manifest.json          what is inside: every member's SHA-256 and size, schema, who, when
database.sqlite3       an online-backup copy of the SQLite database
files/ab/abcdef…       every file of the database's files folder, same relative paths
```

Reading is paranoid because a backup may come from anywhere (a USB stick, an e-mail, a
damaged disk): member names are checked before use (no absolute paths, no `..`, no links,
no duplicates), sizes are checked before reading and enforced while reading, and every
byte is hashed against the manifest. Anything wrong is a `BackupError` naming the first
problem; nothing here writes outside the folder it is given.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import time
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from models.errors import UserError
from models.storage.zip_limits import (
    ARCHIVE_ERRORS,
    MAX_MEMBERS,
    is_link_or_special,
    zip_bomb_problem,
)

FORMAT = "consent-desk-backup"
FORMAT_VERSION = 1
SQLITE_MAGIC = b"SQLite format 3\x00"
MANIFEST = "manifest.json"
DATABASE = "database.sqlite3"
FILES_PREFIX = "files/"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
CHUNK = 1024 * 1024
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_DRIVE = re.compile(r"^[A-Za-z]:")


class BackupError(UserError):
    """A backup cannot be made or a backup archive cannot be used; nothing was changed."""


@dataclass(frozen=True)
class Member:
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    """What a backup says it holds; `verify_archive` returns it only once it is proven."""

    format_version: int
    app_version: str
    schema: tuple[str, ...]
    created_at: str
    created_by: str
    source: str
    members: tuple[Member, ...]
    counts: dict[str, int] = field(default_factory=dict)
    # the audit checkpoint the backup was made at, and the seal (signature or desk-key MAC)
    # over everything else in the manifest (see `sealed_bytes`)
    checkpoint: dict[str, Any] | None = None
    seal: dict[str, Any] | None = None

    @property
    def files(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.name.startswith(FILES_PREFIX))

    @property
    def database(self) -> Member:
        return next(m for m in self.members if m.name == DATABASE)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "app_version": self.app_version,
            "schema": list(self.schema),
            "created_at": self.created_at,
            "created_by": self.created_by,
            "source": self.source,
            "counts": dict(self.counts),
            "members": [{"name": m.name, "sha256": m.sha256, "size": m.size} for m in self.members],
            **({"checkpoint": self.checkpoint} if self.checkpoint is not None else {}),
            **({"seal": self.seal} if self.seal is not None else {}),
        }

    def sealed_bytes(self) -> bytes:
        """What the seal covers: the canonical JSON of the manifest without its seal."""
        body = self.to_json()
        body.pop("seal", None)
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
            "utf-8"
        )


def check_member_name(name: str) -> str | None:
    """Why `name` may not be a member (a reason in words), or None if it is safe to use."""
    if not name or len(name) > 1024:
        return "has an empty or overlong name"
    if "\\" in name or "\x00" in name or any(ord(c) < 32 for c in name):
        return "has a name with a backslash or control character"
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "has a name that is not valid text"
    if name.startswith("/") or _DRIVE.match(name):
        return "has an absolute path"
    parts = name.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "has a path that leaves its folder (.., . or //)"
    if name != MANIFEST and name != DATABASE and not name.startswith(FILES_PREFIX):
        return "is not a database, manifest or stored file"
    if name.startswith(FILES_PREFIX) and len(parts) < 2:
        return "is not a file"
    return None


def _damaged(archive: Path, what: str) -> BackupError:
    return BackupError(
        "error.storage.archive.name_damaged_not_consent_desk", name=archive.name, what=what
    )


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def parse_manifest(archive: Path, raw: bytes, known_schema: frozenset[str]) -> Manifest:
    """Check the manifest's shape and that this version of the app can read the backup."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _damaged(archive, "manifest.json is not valid JSON") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _damaged(archive, "manifest.json is not a Consent Desk backup manifest")
    version = _int(data.get("format_version"))
    if version is None or version < 1:
        raise _damaged(archive, "manifest.json has no valid format_version")
    if version > FORMAT_VERSION:
        raise BackupError(
            "error.storage.archive.name_was_made_by_newer", name=archive.name, version=version
        )
    schema = data.get("schema")
    if not isinstance(schema, list) or not schema or not all(isinstance(s, str) for s in schema):
        raise _damaged(archive, "manifest.json has no schema revisions")
    unknown = sorted(set(schema) - known_schema)
    if unknown:
        raise BackupError(
            "error.storage.archive.name_was_made_by_newer_2",
            name=archive.name,
            items=", ".join(unknown),
        )
    texts = {}
    for key in ("app_version", "created_at", "created_by", "source"):
        value = data.get(key, "")
        if not isinstance(value, str):
            raise _damaged(archive, f"manifest.json field {key} is not text")
        texts[key] = value
    counts_raw = data.get("counts", {})
    if not isinstance(counts_raw, dict):
        raise _damaged(archive, "manifest.json counts is not a table")
    counts = {str(k): v for k, v in counts_raw.items() if _int(v) is not None}
    members = _parse_members(archive, data.get("members"))
    if len(members) > MAX_MEMBERS:
        raise _damaged(archive, f"it lists more than {MAX_MEMBERS} members")
    checkpoint, seal = data.get("checkpoint"), data.get("seal")
    return Manifest(
        format_version=version,
        app_version=texts["app_version"],
        schema=tuple(sorted(schema)),
        created_at=texts["created_at"],
        created_by=texts["created_by"],
        source=texts["source"],
        members=members,
        counts=counts,
        checkpoint=checkpoint if isinstance(checkpoint, dict) else None,
        seal=seal if isinstance(seal, dict) else None,
    )


def _parse_members(archive: Path, raw: object) -> tuple[Member, ...]:
    if not isinstance(raw, list):
        raise _damaged(archive, "manifest.json has no member list")
    members: list[Member] = []
    seen: set[str] = set()
    for entry in raw:
        if not isinstance(entry, dict):
            raise _damaged(archive, "manifest.json lists a member that is not a table")
        name, sha, size = entry.get("name"), entry.get("sha256"), _int(entry.get("size"))
        if not isinstance(name, str) or not isinstance(sha, str) or size is None or size < 0:
            raise _damaged(archive, "manifest.json lists a member without name, sha256 and size")
        why = check_member_name(name)
        if why is not None or name == MANIFEST:
            raise _damaged(archive, f"the manifest lists {name!r}, which {why or 'is reserved'}")
        if not _HEX64.match(sha):
            raise _damaged(archive, f"the manifest's hash for {name} is not a SHA-256")
        if name in seen:
            raise _damaged(archive, f"the manifest lists {name} twice")
        seen.add(name)
        members.append(Member(name, sha, size))
    if DATABASE not in seen:
        raise _damaged(archive, "the manifest lists no database")
    return tuple(members)


def _check_entries(archive: Path, infos: Iterable[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    infos = list(infos)
    bomb = zip_bomb_problem(infos, archive.stat().st_size)
    if bomb is not None:
        raise _damaged(archive, bomb)
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        why = check_member_name(name)
        if why is not None:
            raise _damaged(archive, f"the member {name!r} {why}")
        if name in by_name:
            raise _damaged(archive, f"{name} is in the archive twice")
        if info.is_dir() or is_link_or_special(info):
            raise _damaged(archive, f"{name} is a folder or link, not a file")
        if info.flag_bits & 0x1:
            raise _damaged(archive, f"{name} is encrypted")
        by_name[name] = info
    return by_name


class _Sink:
    """Where a verified member is copied; a full disk is the user's problem, not damage."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # "x": two names that land on one file (case-insensitive disks) are refused;
            # 0600: restored evidence and key files are confidential, as they were.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            self._fh: BinaryIO = os.fdopen(fd, "wb")
        except FileExistsError:
            raise BackupError(
                "error.storage.archive.two_members_backup_would_both", name=path.name
            ) from None
        except OSError as e:
            raise _write_failed(path, e) from e

    def write(self, chunk: bytes) -> None:
        try:
            self._fh.write(chunk)
        except OSError as e:
            raise _write_failed(self.path, e) from e

    def close(self) -> None:
        try:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
        except OSError as e:
            raise _write_failed(self.path, e) from e


def _write_failed(path: Path, e: OSError) -> BackupError:
    return BackupError(
        "error.storage.archive.cannot_write_path_value_nothing", path=path, value=e.strerror or e
    )


def _read_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, sink: _Sink | None
) -> tuple[str, int, bytes]:
    """Hash (and optionally copy) one member; never read more than `limit` (+1) bytes."""
    digest = hashlib.sha256()
    size = 0
    head = b""
    with zf.open(info) as fh:
        while chunk := fh.read(min(CHUNK, limit + 1 - size)):
            if not head:
                head = chunk[:16]
            size += len(chunk)
            if size > limit:
                break
            digest.update(chunk)
            if sink is not None:
                sink.write(chunk)
    return digest.hexdigest(), size, head


def _verify(
    archive: Path, zf: zipfile.ZipFile, known_schema: frozenset[str], dest: Path | None
) -> Manifest:
    entries = _check_entries(archive, zf.infolist())
    info = entries.get(MANIFEST)
    if info is None:
        raise _damaged(archive, "it has no manifest.json")
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _damaged(archive, "manifest.json is implausibly large")
    with zf.open(info) as fh:
        raw = fh.read(MAX_MANIFEST_BYTES + 1)
    manifest = parse_manifest(archive, raw, known_schema)
    listed = {m.name for m in manifest.members}
    present = set(entries) - {MANIFEST}
    missing = sorted(listed - present)
    if missing:
        raise _damaged(archive, f"{missing[0]} is missing ({len(missing)} member(s) missing)")
    extra = sorted(present - listed)
    if extra:
        raise _damaged(archive, f"it holds {extra[0]}, which the manifest does not list")
    for member in manifest.members:
        info = entries[member.name]
        if info.file_size != member.size:
            raise _damaged(archive, f"{member.name} does not have its recorded size")
        sink = _Sink(dest.joinpath(*PurePosixPath(member.name).parts)) if dest else None
        try:
            sha, size, head = _read_member(zf, info, member.size, sink)
        finally:
            if sink is not None:
                sink.close()
        if size != member.size or sha != member.sha256:
            raise _damaged(archive, f"{member.name} does not match its recorded SHA-256")
        if member.name == DATABASE and head != SQLITE_MAGIC:
            raise _damaged(archive, f"{DATABASE} is not an SQLite database")
    return manifest


def _open_zip(archive: Path) -> zipfile.ZipFile:
    if not archive.exists():
        raise BackupError("error.storage.archive.there_no_file_archive", archive=archive)
    if not archive.is_file():
        raise BackupError("error.storage.archive.archive_folder_not_backup_file", archive=archive)
    try:
        return zipfile.ZipFile(archive)
    except ARCHIVE_ERRORS as e:
        raise _damaged(archive, f"it is not a zip archive ({e})") from None


def verify_archive(archive: Path, known_schema: frozenset[str]) -> Manifest:
    """Prove that an archive is complete and unchanged by reading every byte; write nothing."""
    with _open_zip(archive) as zf:
        try:
            return _verify(archive, zf, known_schema, None)
        except ARCHIVE_ERRORS as e:
            raise _damaged(archive, f"it cannot be read ({type(e).__name__}: {e})") from None


def extract_archive(archive: Path, known_schema: frozenset[str], dest: Path) -> Manifest:
    """Verify again while copying every member under `dest` (database and `files/…`).

    Checked again rather than trusted from an earlier `verify_archive`, because the file
    may have changed in between (a USB stick pulled out, a sync client rewriting it).
    """
    with _open_zip(archive) as zf:
        try:
            return _verify(archive, zf, known_schema, dest)
        except ARCHIVE_ERRORS as e:
            raise _damaged(archive, f"it cannot be read ({type(e).__name__}: {e})") from None


class ArchiveWriter:
    """Writes members while hashing exactly the bytes that go in, so the manifest can't lie."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.members: list[Member] = []
        self._zf = zipfile.ZipFile(
            path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=6
        )
        self._stamp = time.localtime()[:6]

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self._stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = (stat.S_IFREG | 0o600) << 16  # evidence is confidential
        info.create_system = 3
        return info

    def add_file(self, name: str, src: Path) -> Member:
        why = check_member_name(name)
        if why is not None:
            raise BackupError("error.storage.archive.cannot_back_up_src_name", src=src, why=why)
        digest = hashlib.sha256()
        size = 0
        with src.open("rb") as fh, self._zf.open(self._info(name), "w", force_zip64=True) as out:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        member = Member(name, digest.hexdigest(), size)
        self.members.append(member)
        return member

    def finish(self, manifest: Manifest) -> None:
        body = json.dumps(manifest.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
        self._zf.writestr(self._info(MANIFEST), body)
        self._zf.close()
        with self.path.open("rb+") as fh:
            os.fsync(fh.fileno())

    def abort(self) -> None:
        with contextlib.suppress(*ARCHIVE_ERRORS):
            self._zf.close()


def iter_stored_files(files_dir: Path) -> Iterator[tuple[str, Path]]:
    """(member name, path) of every finished file under the files folder, in a stable order.

    `*.part` files and folders are writes in progress (see models.storage.files) and are
    left out.
    """
    if not files_dir.is_dir():
        return
    for folder, dirs, names in os.walk(files_dir):
        # staging folders of an install in progress (e.g. "identity.part-1a2b") are not data yet
        dirs[:] = sorted(d for d in dirs if not d.endswith(".part") and ".part-" not in d)
        base = Path(folder)
        for n in sorted(names):
            path = base / n
            if n.endswith(".part") or not path.is_file():
                continue
            rel = path.relative_to(files_dir).as_posix()
            yield FILES_PREFIX + rel, path
