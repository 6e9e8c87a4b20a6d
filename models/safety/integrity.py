"""Re-hash every stored file (evidence, statements, photos) and flag the ones that changed.

Meant to run in the background after the database opens: hashing happens outside any
transaction, and results are saved in short batches so a desk can keep working. A file whose
state flips (good → damaged/missing, or back) gets an audit event, so the Audit view shows
when the problem was first seen; routine "still fine" checks only update `last_verified_at`
(auditing every check would bury real changes).

Issued statements are kept by the statement register (`files_dir/statements/<id>.pdf`, hash in
the `statement` table) rather than in `stored_file`; they are re-hashed here too when that
feature is installed, and reported, but their rows are the register's to change.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from models.audit.chain import append_event
from models.clock import utc_now
from models.messages import render
from models.storage.database import Database
from models.storage.files import CHUNK, ENTITY, path_for
from models.storage.schema import StoredFileRow

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
BATCH = 200


class ProblemKind(StrEnum):
    MISSING = "missing"
    CHANGED = "changed"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class FileProblem:
    """One stored file that is not what was registered; shown in the Audit view.

    `entity`/`entity_id` say which record holds the file: ("stored_file", sha256) for
    evidence and photos, ("statement", statement id) for issued statements.
    """

    sha256: str
    original_name: str
    kind: ProblemKind
    path: Path
    expected_size: int | None
    found_size: int | None = None
    found_sha256: str | None = None
    entity: str = ENTITY
    entity_id: str = ""

    def text(self, language: str) -> str:
        """The problem in words ("en" or "zh"), from the message catalogue."""
        code = {
            ProblemKind.MISSING: "error.safety.integrity.missing",
            ProblemKind.UNREADABLE: "error.safety.integrity.unreadable",
        }.get(self.kind, "error.safety.integrity.changed")
        return render(code, language, {"name": self.original_name, "path": self.path})

    @property
    def message(self) -> str:
        return self.text("en")

    @property
    def message_zh(self) -> str:
        return self.text("zh")


@dataclass(frozen=True)
class _Registered:
    sha256: str
    original_name: str
    size: int | None  # None: the record keeps no size (statements)
    path: Path
    entity: str
    entity_id: str


class _Cancelled(Exception):
    pass


def _problem(
    item: _Registered, kind: ProblemKind, size: int | None = None, sha: str = ""
) -> FileProblem:
    return FileProblem(
        item.sha256,
        item.original_name,
        kind,
        item.path,
        item.size,
        size,
        sha or None,
        item.entity,
        item.entity_id,
    )


def _check_one(item: _Registered, cancel: Cancel | None) -> FileProblem | None:
    digest = hashlib.sha256()
    size = 0
    try:
        with item.path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                if cancel is not None and cancel():
                    raise _Cancelled
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        return _problem(item, ProblemKind.MISSING)
    except OSError:  # a folder in its place, no permission, I/O error
        return _problem(item, ProblemKind.UNREADABLE)
    found = digest.hexdigest()
    if found == item.sha256 and (item.size is None or size == item.size):
        return None
    return _problem(item, ProblemKind.CHANGED, size, found)


def _save(db: Database, results: Sequence[tuple[_Registered, FileProblem | None]]) -> None:
    results = [(item, problem) for item, problem in results if item.entity == ENTITY]
    if not results:
        return
    now = utc_now()
    with db.write() as s:
        for item, problem in results:
            row = s.get(StoredFileRow, item.sha256)
            if row is None:
                continue
            ok = problem is None
            if row.ok != ok:
                after: dict[str, object] = {"ok": ok}
                if problem is not None:
                    after["problem"] = problem.kind.value
                action = "verified_ok" if ok else "integrity_failed"
                append_event(s, db.actor, ENTITY, item.sha256, action, {"ok": row.ok}, after)
            row.ok = ok
            row.last_verified_at = now


def _registered_files(db: Database) -> list[_Registered]:
    files_dir = db.location.files_dir
    out: list[_Registered] = []
    with db.read() as s:
        for r in s.scalars(select(StoredFileRow).order_by(StoredFileRow.sha256)):
            try:
                path = path_for(db, r.sha256)
            except ValueError:  # a key that is not a hash cannot name a stored file
                path = files_dir / "(not a SHA-256)"
            out.append(_Registered(r.sha256, r.original_name, r.size, path, ENTITY, r.sha256))
    return out


def _statement_files(db: Database) -> list[_Registered]:
    """Issued statements, when the statement register is part of this build."""
    if importlib.util.find_spec("models.statements.tables") is None:
        return []
    from models.statements.tables import StatementRow

    files_dir = db.location.files_dir.resolve()
    out: list[_Registered] = []
    with db.read() as s:
        for r in s.scalars(select(StatementRow).order_by(StatementRow.issued_at)):
            path = (files_dir / r.stored_path).resolve()
            if not path.is_relative_to(files_dir):  # never hash files outside the data folder
                path = files_dir / "(outside the data folder)"
            out.append(
                _Registered(r.file_sha256, r.file_name or r.id, None, path, "statement", r.id)
            )
    return out


def check_stored_files(
    db: Database, progress: Progress | None = None, cancel: Cancel | None = None
) -> list[FileProblem]:
    """Re-hash every registered file; record the result; return the files that are not right.

    `progress(done, total)` is called after each file; `cancel()` returning True stops soon
    (what was checked so far is still recorded and its problems returned).
    """
    items = _registered_files(db) + _statement_files(db)
    total = len(items)
    problems: list[FileProblem] = []
    pending: list[tuple[_Registered, FileProblem | None]] = []
    try:
        for done, item in enumerate(items, start=1):
            if cancel is not None and cancel():
                break
            problem = _check_one(item, cancel)
            if problem is not None:
                problems.append(problem)
            pending.append((item, problem))
            if len(pending) >= BATCH:
                _save(db, pending)
                pending = []
            if progress is not None:
                progress(done, total)
    except _Cancelled:
        pass
    _save(db, pending)
    return problems


def flagged_files(db: Database) -> list[tuple[str, str]]:
    """(sha256, original name) of files the last check found damaged or missing."""
    with db.read() as s:
        rows = s.execute(
            select(StoredFileRow.sha256, StoredFileRow.original_name)
            .where(StoredFileRow.ok.is_(False))
            .order_by(StoredFileRow.original_name)
        )
        return [(str(a), str(b)) for a, b in rows]


__all__ = ["FileProblem", "ProblemKind", "check_stored_files", "flagged_files"]
