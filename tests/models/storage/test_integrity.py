"""The integrity check on open: damaged or missing stored files are found and recorded."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime

import pytest

from models.audit.service import AuditService
from models.safety.integrity import ProblemKind, check_stored_files, flagged_files
from models.storage import files
from models.storage.database import Database


def _three(db: Database) -> list[str]:
    return [files.store_bytes(db, f"evidence {i}".encode() * 100, f"e{i}.pdf") for i in range(3)]


def test_intact_files_pass_and_get_a_verification_time(db: Database) -> None:
    shas = _three(db)
    assert check_stored_files(db) == []
    for sha in shas:
        info = files.get(db, sha)
        assert info.ok and info.last_verified_at is not None
    assert flagged_files(db) == []


def test_changed_and_missing_files_are_reported_flagged_and_audited(db: Database) -> None:
    a, b, c = _three(db)
    files.path_for(db, a).write_bytes(b"tampered")
    files.path_for(db, b).unlink()
    problems = {p.sha256: p for p in check_stored_files(db)}
    assert set(problems) == {a, b}
    assert problems[a].kind is ProblemKind.CHANGED and problems[a].found_size == 8
    assert problems[b].kind is ProblemKind.MISSING
    assert "e1.pdf" in problems[b].message and "e1.pdf" in problems[b].message_zh
    assert not files.get(db, a).ok and files.get(db, c).ok
    assert sorted(flagged_files(db)) == sorted([(a, "e0.pdf"), (b, "e1.pdf")])
    failed = [e for e in AuditService(db).events(entity="stored_file") if e.action != "store"]
    assert sorted(e.entity_id for e in failed) == sorted([a, b])
    # a second check finds the same problems but does not audit them again
    assert len(check_stored_files(db)) == 2
    assert len(AuditService(db).events(entity="stored_file")) == 5
    assert AuditService(db).verify().intact


def test_progress_counts_every_file_and_cancel_stops_early(db: Database) -> None:
    _three(db)
    seen: list[tuple[int, int]] = []
    check_stored_files(db, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]

    seen.clear()
    shas = sorted([*_three(db), files.store_bytes(db, b"x", "x")])
    for sha in shas:
        files.path_for(db, sha).unlink()
    problems = check_stored_files(
        db, progress=lambda d, t: seen.append((d, t)), cancel=lambda: len(seen) >= 2
    )
    assert len(seen) == 2 and len(problems) == 2
    # what was checked before cancelling is recorded; the rest is untouched
    assert [files.get(db, s).ok for s in shas] == [False, False, True, True]


@pytest.mark.skipif(
    importlib.util.find_spec("models.statements.register") is None,
    reason="the statement register does not exist yet",
)
def test_issued_statements_are_rehashed_too(db: Database) -> None:
    from models.consent.state import state_as_of
    from models.roster.artist import ArtistDraft
    from models.roster.service import RosterService
    from models.statements.record import Issuer, StatementKind, build_record, new_statement_id
    from models.statements.register import StatementRegister
    from tests.models.storage.crash_writer import _issuer

    artist = RosterService(db).add(ArtistDraft("林晓"))
    now = datetime.now(UTC)
    record = build_record(
        state=state_as_of(db, artist.id, now),
        artist=artist,
        kind=StatementKind.POSITION,
        issuer=_issuer(Issuer),
        statement_id=new_statement_id(now),
        languages=("en",),
        issued_at=now,
    )
    st = StatementRegister(db).register(record, b"%PDF-1.7 signed statement", "s.pdf")
    assert check_stored_files(db) == []
    st.stored_path.write_bytes(b"%PDF-1.7 forged statement")
    [problem] = check_stored_files(db)
    assert (problem.entity, problem.entity_id, problem.kind) == (
        "statement",
        st.id,
        ProblemKind.CHANGED,
    )
    st.stored_path.unlink()
    assert [p.kind for p in check_stored_files(db)] == [ProblemKind.MISSING]
