"""Reading consent rows inside a session: lookups, batch loading, and the optimistic check."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.clock import iso
from models.consent.row_values import to_evidence, to_record
from models.consent.tables import ConsentEvidenceRow, ConsentRecordRow
from models.consent.validation import Parties
from models.consent.values import ConsentDraft, ConsentRecord, Evidence
from models.consent.words import ConsentStatus
from models.errors import ConflictError, NotFoundError
from models.names import display_name
from models.parties.tables import CounterpartyRow, ProjectRow
from models.roster.artist import AGE_OF_MAJORITY, age_on
from models.storage.schema import ArtistRow, StoredFileRow


def record_row(s: Session, record_id: int) -> ConsentRecordRow:
    row = s.get(ConsentRecordRow, record_id)
    if row is None:
        raise NotFoundError("error.consent.queries.there_no_consent_record_id", record_id=record_id)
    return row


def artist_row(s: Session, artist_id: int) -> ArtistRow:
    row = s.get(ArtistRow, artist_id)
    if row is None:
        raise NotFoundError("error.consent.queries.there_no_artist_id_artist", artist_id=artist_id)
    return row


def check_row_version(row: ConsentRecordRow, expected: int) -> None:
    if row.row_version != expected:
        when = iso(row.updated_at)[:19].replace("T", " ")
        raise ConflictError(
            "error.consent.queries.consent_record_id_was_changed",
            id=row.id,
            updated_by=row.updated_by,
            when=when,
        )


def is_minor(artist: ArtistRow, on: date) -> bool:
    if artist.date_of_birth is None or artist.deceased_on is not None:
        return False
    return age_on(artist.date_of_birth, on) < AGE_OF_MAJORITY


def parties(s: Session, draft: ConsentDraft, on: date) -> Parties:
    """Look up what validation needs; a missing artist is NotFound (nothing to attach to)."""
    artist = artist_row(s, draft.artist_id)
    cp = s.get(CounterpartyRow, draft.counterparty_id)
    project = s.get(ProjectRow, draft.project_id) if draft.project_id is not None else None
    project_cp = s.get(CounterpartyRow, project.counterparty_id) if project else None
    return Parties(
        artist_name=display_name(artist.native_name, artist.romanized_name),
        artist_minor=is_minor(artist, on),
        guardian=artist.guardian,
        artist_deceased=artist.deceased_on is not None,
        estate_contact=artist.estate_contact,
        counterparty_name=display_name(cp.native_name, cp.romanized_name) if cp else None,
        project_found=project is not None,
        project_counterparty_id=project.counterparty_id if project else None,
        project_counterparty_name=(
            display_name(project_cp.native_name, project_cp.romanized_name) if project_cp else ""
        ),
    )


def evidence_count(s: Session, record_id: int) -> int:
    return len(
        s.scalars(
            select(ConsentEvidenceRow.id).where(ConsentEvidenceRow.record_id == record_id)
        ).all()
    )


def open_successor(s: Session, record_id: int) -> ConsentRecordRow | None:
    """An amendment of this record still waiting for a decision (or already given)."""
    return s.scalars(
        select(ConsentRecordRow)
        .where(ConsentRecordRow.supersedes_id == record_id)
        .where(ConsentRecordRow.status != ConsentStatus.REFUSED.value)
        .order_by(ConsentRecordRow.id)
        .limit(1)
    ).first()


def _chunks(ids: Sequence[int], size: int = 500) -> list[list[int]]:
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


def load_records(s: Session, rows: Sequence[ConsentRecordRow]) -> list[ConsentRecord]:
    """Turn rows into records with names and evidence, in a fixed number of queries."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    cps: dict[int, CounterpartyRow] = {}
    projects: dict[int, ProjectRow] = {}
    artists: dict[int, ArtistRow] = {}
    evidence: dict[int, list[Evidence]] = {}
    successors: dict[int, int] = {}
    cp_ids = sorted({r.counterparty_id for r in rows})
    p_ids = sorted({r.project_id for r in rows if r.project_id is not None})
    a_ids = sorted({r.artist_id for r in rows})
    for chunk in _chunks(cp_ids):
        cps.update(
            {
                c.id: c
                for c in s.scalars(select(CounterpartyRow).where(CounterpartyRow.id.in_(chunk)))
            }
        )
    for chunk in _chunks(p_ids):
        projects.update(
            {p.id: p for p in s.scalars(select(ProjectRow).where(ProjectRow.id.in_(chunk)))}
        )
    for chunk in _chunks(a_ids):
        artists.update(
            {a.id: a for a in s.scalars(select(ArtistRow).where(ArtistRow.id.in_(chunk)))}
        )
    for chunk in _chunks(ids):
        q = (
            select(ConsentEvidenceRow, StoredFileRow)
            .join(StoredFileRow, StoredFileRow.sha256 == ConsentEvidenceRow.sha256, isouter=True)
            .where(ConsentEvidenceRow.record_id.in_(chunk))
            .order_by(ConsentEvidenceRow.id)
        )
        for ev, file in s.execute(q):
            evidence.setdefault(ev.record_id, []).append(to_evidence(ev, file))
        q2 = (
            select(ConsentRecordRow.supersedes_id, ConsentRecordRow.id)
            .where(ConsentRecordRow.supersedes_id.in_(chunk))
            .where(ConsentRecordRow.given_at.is_not(None))
        )
        for old_id, new_id in s.execute(q2):
            if old_id is not None:
                successors[old_id] = new_id
    return [
        to_record(
            r,
            cps[r.counterparty_id],
            projects.get(r.project_id) if r.project_id is not None else None,
            artists[r.artist_id],
            tuple(evidence.get(r.id, ())),
            successors.get(r.id),
        )
        for r in rows
    ]
