"""Where `audit verify` finds checkpoints the log must extend.

- the `audit_checkpoint` table and the `checkpoint` of each statement record in the register
  table (both inside the database, so an attacker with the database can remove them);
- the statement PDFs in the files folder's `statements/` store (their embedded record);
- the backups in the rolling-backup folder (each manifest carries its checkpoint);
- a public register folder given with `--register DIR` (`register.json` and every entry of
  `checkpoints.json`), typically the copy published on the agency's website.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from models.audit.chain import ChainReport
from models.audit.checkpoint import FORGED, REASONS, UNKNOWN_KEY, VALID, Checkpoint, check_seal
from models.messages import Text, phrase

if TYPE_CHECKING:
    from cryptography import x509

    from models.storage.database import Database

MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_PDF_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Anchor:
    """A checkpoint and where it was found (shown when the log does not extend it)."""

    checkpoint: Checkpoint
    source: str  # a `Text` when found here: the reader's language where it is shown
    # the sealed thing may carry a certificate that is trusted as much as that thing is
    # (a register whose certificate this desk already holds): used only when it matches
    trusted: tuple[x509.Certificate, ...] = ()
    # found outside the database: a checkpoint whose seal fails is reported, not fatal
    external: bool = True


def _statement_records(db: Database) -> Iterator[tuple[str, str]]:
    from sqlalchemy import select

    from models.statements.tables import StatementRow

    with db.read() as s:
        for statement_id, record_json in s.execute(
            select(StatementRow.id, StatementRow.record_json)
        ):
            yield str(statement_id), str(record_json)


def _made_for(reason: str) -> object:
    """Why a checkpoint was made, in words (its stored value when it is not a known one)."""
    return phrase(f"audit.made_for.{reason.replace('-', '_')}") if reason in REASONS else reason


def database_anchors(db: Database) -> list[Anchor]:
    from models.audit.checkpoint import stored_checkpoints

    return anchors_in_database(stored_checkpoints(db), _statement_records(db))


def anchors_in_database(
    checkpoints: Sequence[Checkpoint], statement_records: Iterable[tuple[str, str]]
) -> list[Anchor]:
    """The `audit_checkpoint` rows and the checkpoint of each (statement id, record JSON)."""
    out = [
        Anchor(cp, Text("audit.source.database", n=i, reason=_made_for(cp.reason)), external=False)
        for i, cp in enumerate(checkpoints, start=1)
    ]
    for statement_id, record_json in statement_records:
        try:
            cp = Checkpoint.from_json(json.loads(record_json).get("checkpoint"))
        except (ValueError, AttributeError):
            cp = None
        if cp is not None:
            source = Text("audit.source.statement_table", id=statement_id)
            out.append(Anchor(cp, source, external=False))
    return out


def store_anchors(db: Database) -> list[Anchor]:
    """Checkpoints in the statement PDFs kept in the files folder."""
    return store_anchors_in(db.location.files_dir)


def store_anchors_in(files_dir: Path) -> list[Anchor]:
    """Checkpoints in the statement PDFs kept in `files_dir` (a database's files folder).

    Each PDF is hashed; its sealed entry in the anchor cache (models/audit/anchor_cache.py)
    stands for the PDF read when it matches, else the PDF is read and the entry written."""
    from models.audit.anchor_cache import AnchorCache, entry_of, file_digest
    from models.storage.places import STATEMENT_STORE

    folder = files_dir / STATEMENT_STORE
    out: list[Anchor] = []
    if not folder.is_dir():
        return out
    cache = AnchorCache(folder)
    for pdf in sorted(folder.glob("*.pdf")):
        try:
            if pdf.stat().st_size > MAX_PDF_BYTES:
                continue
            data = pdf.read_bytes()
        except OSError:  # unreadable: the integrity check reports the file
            continue
        size, digest = len(data), file_digest(data)
        entry = cache.lookup(pdf.name, size, digest)
        if entry is None:
            record = _embedded_record(data)
            entry = entry_of(pdf.name, size, digest, record) if record is not None else None
            if entry is None:  # no record, or no checkpoint in it: no anchor
                continue
            cache.remember(entry)
        cp = Checkpoint.from_json(entry.checkpoint)
        if cp is not None:
            source = Text("audit.source.stored_file", id=entry.label, name=pdf.name)
            out.append(Anchor(cp, source))
    cache.save()
    return out


def _embedded_record(data: bytes) -> dict[str, object] | None:
    """The statement record attached to a PDF's bytes, or None."""
    from io import BytesIO

    from pypdf import PdfReader

    from models.statements.record import RECORD_FILE_NAME, parse_record

    try:
        files = PdfReader(BytesIO(data)).attachments
        found = files.get(RECORD_FILE_NAME)
        if not found:
            return None
        record = parse_record(found[0])
        return record if isinstance(record, dict) else None
    except Exception:  # a damaged PDF is no anchor; the integrity check reports the file
        return None


def backup_anchors(folder: Path, source: str | None = None) -> list[Anchor]:
    """The checkpoint in each backup manifest of `folder` (only the manifest is read).

    `source`: only backups of the database file of that name (the folder may hold the
    backups of several databases; their logs are not this one's).
    """
    out: list[Anchor] = []
    if not folder.is_dir():
        return out
    for archive in sorted(folder.glob("*.zip")):
        try:
            with zipfile.ZipFile(archive) as zf:
                info = zf.getinfo("manifest.json")
                if info.file_size > MAX_JSON_BYTES:
                    continue
                data = json.loads(zf.read(info).decode("utf-8"))
        except Exception:  # not a backup, or damaged: `restore --check` says which
            continue
        if isinstance(data, dict):
            if source is not None and data.get("source") != source:
                continue
            cp = Checkpoint.from_json(data.get("checkpoint"))
            if cp is not None:
                out.append(Anchor(cp, Text("audit.source.backup", name=archive.name)))
    return out


def register_anchors(folder: Path) -> list[Anchor]:
    """`register.json`'s checkpoint and each entry of `checkpoints.json` in an export folder."""
    from cryptography import x509

    out: list[Anchor] = []
    certs: tuple[x509.Certificate, ...] = ()
    try:
        certs = tuple(x509.load_pem_x509_certificates((folder / "certificate.pem").read_bytes()))
    except (OSError, ValueError):
        certs = ()
    register = _read_json(folder / "register.json")
    if isinstance(register, dict):
        cp = Checkpoint.from_json(register.get("checkpoint"))
        if cp is not None:
            seq = register.get("sequence", "?")
            source = Text("audit.source.register", folder=folder, sequence=seq)
            out.append(Anchor(cp, source, certs))
    history = _read_json(folder / "checkpoints.json")
    entries = history.get("checkpoints") if isinstance(history, dict) else history
    if isinstance(entries, list):
        for entry in entries:
            cp = Checkpoint.from_json(entry)
            if cp is not None:
                seq = entry.get("sequence", "?") if isinstance(entry, dict) else "?"
                source = Text("audit.source.history", folder=folder, sequence=seq)
                out.append(Anchor(cp, source, certs))
    return out


def _read_json(path: Path) -> object:
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            return None
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None


# Walks the log once: given the event numbers whose hashes the checkpoints need (filled in
# place), returns the chain's report and, on an unbroken chain, the bound rows' problems.
Walk = Callable[[dict[int, str]], tuple[ChainReport, list[str]]]


def verify_log(found: Sequence[Anchor], files_dir: Path, walk: Walk) -> ChainReport:
    """The verdict of `audit verify`: the chain and its rows (`walk`) and every checkpoint.

    Shared by `AuditService.verify` and SQLite's quick reader (models/audit/quick.py)."""
    problems: list[str] = []
    usable: list[Anchor] = []
    unchecked = 0
    for anchor in found:
        cp = anchor.checkpoint
        verdict = check_seal(cp.signed_bytes(), cp.seal, files_dir, anchor.trusted)
        if verdict == VALID:
            usable.append(anchor)
        elif verdict == UNKNOWN_KEY:
            unchecked += 1
        elif verdict == FORGED and not anchor.external:
            problems.append(
                Text("audit.checkpoint.forged", source=anchor.source, checkpoint=cp.describe())
            )
    wanted = {a.checkpoint.events: "" for a in usable if a.checkpoint.events > 0}
    report, row_problems = walk(wanted)
    problems.extend(row_problems)
    # Checkpoints: the log must be at least as long and agree at each checkpoint's head
    # (only meaningful on an unbroken chain: a broken one is reported as such).
    short = [
        a
        for a in usable
        if report.intact
        and (
            a.checkpoint.events > report.count
            or (a.checkpoint.events > 0 and wanted[a.checkpoint.events] != a.checkpoint.head)
        )
    ]
    for a in sorted(short, key=lambda a: -a.checkpoint.events)[:1]:
        cp = a.checkpoint
        more = Text("audit.checkpoint.more", n=len(short) - 1) if len(short) > 1 else ""
        values = {"source": a.source, "checkpoint": cp.describe(), "more": more}
        if cp.events > report.count:
            problem = Text("audit.checkpoint.shorter", n=report.count, **values)
        else:
            problem = Text("audit.checkpoint.differs", event=cp.events, **values)
        problems.insert(0, problem)
    if not problems:
        return replace(report, checkpoints=len(usable), unchecked=unchecked)
    return replace(
        report,
        intact=False,
        reason=report.reason if not report.intact else problems[0],
        problems=tuple(problems),
        checkpoints=len(usable),
        unchecked=unchecked,
    )
