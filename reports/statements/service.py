"""Issue statements: consent state → record → PDF → signature → register, one or many.

This is what the GUI and the CLI call. A statement is only ever handed out once it is in the
register (a copy is kept in the data folder), so the desk can later tell which published
statements went out of date. The output file appears whole or not at all (`.part`, then
rename after the register accepted it).

Batch export runs on a worker thread in the GUI: it reports progress after each artist,
checks a cancel flag between artists, and keeps going when one artist fails (the failures
are listed in the result).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from models.audit.anchor_cache import remember_issued
from models.audit.checkpoint import make_checkpoint
from models.clock import utc_now
from models.dates import desk_zone
from models.desk import Desk
from models.errors import UserError
from models.gcpause import collect_young
from models.identity import UnlockedIdentity
from models.roster.artist import Artist
from models.statements.record import (
    HISTORICAL_AFTER,
    Issuer,
    StatementKind,
    build_record,
    canonical_bytes,
    new_statement_id,
    parse_languages,
)
from models.statements.register import RegisteredStatement
from models.storage.database import Database
from reports.statements.layout import render_statement
from reports.statements.signing import pyhanko_signer, sign_statement

log = logging.getLogger("consent_desk.statements")

Progress = Callable[[int, int, str], None]  # done, total, what was just done
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class StatementRequest:
    """What to say about whom. `as_of` None means now; a naive time is desk-local time."""

    artist_id: int
    kind: StatementKind = StatementKind.POSITION
    languages: tuple[str, ...] = ("en", "zh")
    as_of: datetime | None = None
    listings: tuple[str, ...] = ()
    project_id: int | None = None
    show_reason: bool = False  # print a revocation's reason (private by default)


@dataclass(frozen=True)
class ExportedStatement:
    statement: RegisteredStatement
    path: Path
    file_sha256: str
    pages: int
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class BatchResult:
    exported: tuple[ExportedStatement, ...]
    failed: tuple[tuple[int, str], ...]  # artist id, the reason in words
    cancelled: bool


def safe_file_name(text: str) -> str:
    """A file name that is safe on Windows, macOS and Linux (Chinese characters kept)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", text).strip(" ._")
    return cleaned[:120] or "statement"


class StatementService:
    """Issues signed statements with one unlocked identity (unlock once, issue many)."""

    def __init__(
        self,
        db: Database,
        identity: UnlockedIdentity,
        zone: tzinfo | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.db = db
        self.desk = Desk(db, clock)  # the roster, the agency profile and the register
        self.identity = identity
        self.zone = zone or desk_zone()
        self.clock = clock
        self.register = self.desk.statements
        self._signer = pyhanko_signer(identity)

    def _issuer(self) -> tuple[Issuer, Path | None]:
        agency = self.desk.agency
        profile = agency.get()
        ident = self.identity.identity
        issuer = Issuer(
            name=profile.name or (ident.subject if not profile.name_zh else ""),
            name_zh=profile.name_zh,
            address=profile.address,
            address_zh=profile.address_zh,
            signer=ident.subject,
            signer_fingerprint=ident.fingerprint,
            signer_self_signed=ident.self_signed,
            issued_by=self.db.actor,
        )
        return issuer, agency.logo_path(profile)

    def _as_of(self, requested: datetime | None, now: datetime) -> datetime:
        if requested is None:
            return now.astimezone(self.zone)
        if requested.tzinfo is None:
            return requested.replace(tzinfo=self.zone)
        return requested

    def prepare(
        self,
        request: StatementRequest,
        now: datetime | None = None,
        artist: Artist | None = None,
        issuer: tuple[Issuer, Path | None] | None = None,
    ) -> tuple[dict[str, Any], Path | None]:
        """The record a request would produce (nothing written); raises UserError if untrue."""
        from models.consent.state import state_as_of

        issued_at = (now or self.clock()).astimezone(self.zone)
        as_of = self._as_of(request.as_of, issued_at)
        person = artist or self.desk.roster.get(request.artist_id)
        state = replace(state_as_of(self.db, request.artist_id, as_of), as_of=as_of)
        who, logo = issuer or self._issuer()
        # A copy as of a past date is history: it never supersedes the current statement.
        historical = as_of < issued_at - HISTORICAL_AFTER
        previous = (
            None
            if historical
            else self.register.current_for(request.artist_id, request.kind, request.project_id)
        )
        record = build_record(
            state=state,
            artist=person,
            kind=request.kind,
            issuer=who,
            statement_id=new_statement_id(issued_at),
            languages=parse_languages(request.languages),
            issued_at=issued_at,
            listings=request.listings,
            project_id=request.project_id,
            supersedes=previous.id if previous else None,
            show_reason=request.show_reason,
        )
        return record, logo

    def export(
        self,
        request: StatementRequest,
        out: Path,
        *,
        now: datetime | None = None,
        artist: Artist | None = None,
        issuer: tuple[Issuer, Path | None] | None = None,
    ) -> ExportedStatement:
        """Issue one statement to `out` (a .pdf file, or a folder to name it in)."""
        record, logo = self.prepare(request, now, artist, issuer)
        # the audit checkpoint the statement is made at (models/audit/checkpoint.py)
        record["checkpoint"] = make_checkpoint(self.db, "statement", self.identity).to_json()
        rendered = render_statement(record, logo)
        pdf = sign_statement(rendered, record, self._signer)
        target = out
        if out.is_dir():
            display = record["subject"]["romanized_name"] or record["subject"]["native_name"]
            target = out / safe_file_name(
                f"{display}_{request.kind.value}_{record['statement_id']}"
            )
            target = target.with_name(target.name + ".pdf")
        if not target.parent.is_dir():
            raise UserError(
                "error.reports.statements.folder_parent_does_not_exist", parent=target.parent
            )
        part = target.with_name(target.name + ".part")
        try:
            part.write_bytes(pdf)
        except OSError as e:
            raise UserError(
                "error.reports.statements.cannot_write_target_value",
                target=target,
                value=e.strerror or e,
            ) from e
        try:
            entry = self.register.register(record, pdf, target.name)
            os.replace(part, target)
        finally:
            if part.exists():
                part.unlink()
        # The stored copy's checkpoint, as `audit verify` would read it from the PDF (the
        # record embedded above, as JSON), sealed into the anchor cache now.
        embedded = json.loads(canonical_bytes(record))
        remember_issued(self.register.store_dir, entry.stored_path.name, pdf, embedded)
        log.info("issued statement %s (%s) to %s", entry.id, entry.kind.value, target)
        return ExportedStatement(
            statement=entry,
            path=target,
            file_sha256=hashlib.sha256(pdf).hexdigest(),
            pages=rendered.pages,
            warnings=rendered.warnings,
        )

    def export_batch(
        self,
        artist_ids: Sequence[int],
        folder: Path,
        kind: StatementKind = StatementKind.POSITION,
        languages: Sequence[str] = ("en", "zh"),
        as_of: datetime | None = None,
        listings: Sequence[str] = (),
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> BatchResult:
        """One statement per artist into `folder`, all as of the same moment.

        Safe to run on a worker thread (it only uses its own database sessions); `progress`
        is called from that thread after each artist.
        """
        if not folder.is_dir():
            raise UserError("error.reports.statements.folder_folder_does_not_exist", folder=folder)
        now = self.clock()
        moment = self._as_of(as_of, now.astimezone(self.zone))
        issuer = self._issuer()
        artists = self.desk.roster.get_many(list(artist_ids))
        exported: list[ExportedStatement] = []
        failed: list[tuple[int, str]] = []
        total = len(artist_ids)
        for done, artist_id in enumerate(artist_ids, start=1):
            if cancelled is not None and cancelled():
                return BatchResult(tuple(exported), tuple(failed), True)
            artist = artists.get(artist_id)
            label = artist.display_name if artist else f"#{artist_id}"
            try:
                if artist is None:
                    raise UserError(
                        "error.reports.statements.there_no_artist_id_artist", artist_id=artist_id
                    )
                request = StatementRequest(
                    artist_id, kind, tuple(languages), moment, tuple(listings)
                )
                exported.append(self.export(request, folder, now=now, artist=artist, issuer=issuer))
            except UserError as e:
                failed.append((artist_id, e.message))
                log.info("batch: artist %s not exported: %s", artist_id, e.message)
            collect_young()  # this statement's PDF object graph, now, not all at the end
            if progress is not None:
                progress(done, total, label)
        return BatchResult(tuple(exported), tuple(failed), False)


__all__ = [
    "BatchResult",
    "ExportedStatement",
    "StatementRequest",
    "StatementService",
    "safe_file_name",
]
