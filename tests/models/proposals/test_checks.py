"""Check runs: as-of dates, what changed since the last run, accepted risk, statements (R20)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.audit.service import AuditService
from models.consent.state import state_as_of
from models.errors import ConflictError, ValidationError
from models.proposals.service import ProposalService
from models.proposals.values import FindingChange
from models.roster.service import RosterService
from models.rules import Severity
from models.statements.record import Issuer, StatementKind, build_record, new_statement_id
from models.statements.register import StatementRegister
from models.storage.database import Database
from tests.models.proposals.helpers import M, give, new_proposal, today_cn, world


def _keys(run: object) -> set[tuple[str, int | None, str]]:
    return {(f.finding.rule_id, f.finding.line, f.finding.subject) for f in run.findings}  # type: ignore[attr-defined]


def test_a_recheck_after_a_consent_change_shows_what_changed(db: Database, tmp_path: Path) -> None:
    w = world(db)
    give(db, w, w.lin, [M.FACE_LIKENESS])
    service = ProposalService(db)
    pid, _script = new_proposal(db, w, tmp_path)
    first = service.run_check(pid)
    assert ("R3", 7, "voice") in _keys(first)
    assert all(f.change is FindingChange.NEW for f in first.findings)
    give(db, w, w.lin, [M.VOICE], specific_use_description="x")  # voice, loosely described
    second = service.run_check(pid)
    diff = service.diff(second.id)
    assert diff.previous_run_id == first.id
    resolved = {(f.finding.rule_id, f.finding.line) for f in diff.resolved}
    new = {(f.finding.rule_id, f.finding.subject) for f in diff.new}
    assert ("R3", 7) in resolved
    assert ("R3", 5) not in resolved  # the digital double is still not granted
    assert new == {("R4", "")}  # the voice consent has no real description
    assert {f.finding.key for f in diff.unchanged} == {
        f.finding.key for f in first.findings if (f.finding.rule_id, f.finding.line) != ("R3", 7)
    }
    assert second.summary["resolved"] == 1 and second.summary["new"] == 1


def test_checks_read_the_records_as_of_the_received_day(db: Database, tmp_path: Path) -> None:
    w = world(db)
    service = ProposalService(db)
    pid, _script = new_proposal(db, w, tmp_path, received_on=today_cn() - timedelta(days=3))
    give(db, w, w.lin, [M.FACE_LIKENESS, M.VOICE, M.DIGITAL_DOUBLE_CREATION])  # recorded today
    default = service.run_check(pid)
    assert default.worst is Severity.BLOCK
    assert ("R1", None, "") in _keys(default)  # nothing was on record when it arrived
    today = service.run_check(pid, as_of=datetime.now(UTC))
    assert today.as_of is not None
    blocking = [f for f in today.findings if f.finding.severity is Severity.BLOCK]
    assert blocking == []
    assert {f.finding.subject for f in today.findings if f.finding.rule_id == "R1"} == {
        "unmapped:CHEN JINGYI"
    }


def test_accepted_risk_is_audited_and_carried_to_the_next_run(db: Database, tmp_path: Path) -> None:
    w = world(db)
    give(db, w, w.lin, [M.FACE_LIKENESS])
    service = ProposalService(db)
    pid, _script = new_proposal(db, w, tmp_path)
    run = service.run_check(pid)
    r3 = next(f for f in run.findings if f.finding.key[0] == "R3" and f.finding.line == 5)
    with pytest.raises(ValidationError):
        service.accept_risk(r3.id, "  ")
    accepted = service.accept_risk(r3.id, "Stunt double only; producer confirmed in writing.")
    assert accepted.accepted_risk and accepted.accepted_by == "tester"
    with pytest.raises(ConflictError):
        service.accept_risk(r3.id, "again", expected_row_version=r3.row_version)
    again = service.run_check(pid)
    carried = next(f for f in again.findings if f.fingerprint == r3.fingerprint)
    assert carried.accepted_risk and carried.accepted_in_run_id == run.id
    assert carried.accepted_reason.startswith("Stunt double")
    others = [f for f in again.findings if f.fingerprint != r3.fingerprint]
    assert not any(f.accepted_risk for f in others)
    events = AuditService(db).events(entity="proposal_finding", entity_id=str(r3.id))
    assert [e.action for e in events] == ["accept_risk"]
    service.clear_accepted_risk(carried.id)
    assert not any(f.accepted_risk for f in service.run_check(pid).findings)


def test_worst_open_leaves_out_accepted_risks(db: Database, tmp_path: Path) -> None:
    w = world(db)
    give(db, w, w.lin, [M.FACE_LIKENESS, M.DIGITAL_DOUBLE_CREATION])
    service = ProposalService(db)
    pid, _script = new_proposal(db, w, tmp_path)
    run = service.run_check(pid)
    blocks = [f for f in run.findings if f.finding.severity is Severity.BLOCK]
    assert [(f.finding.rule_id, f.finding.line) for f in blocks] == [("R3", 7)]
    service.accept_risk(blocks[0].id, "Voice replaced by a sound-alike; not her voice.")
    (row,) = service.list()
    # what is left open: CHEN JINGYI's AI voice is not mapped to anyone yet, and 陈静怡 is a
    # roster artist the proposal does not request (R21, HIGH, shown before the note)
    assert row.worst is Severity.BLOCK and row.worst_open is Severity.HIGH
    still_open = service.get_run(run.id).filtered(include_accepted=False)
    assert [f.finding.subject for f in still_open] == [
        "roster:CHEN JINGYI",
        "unmapped:CHEN JINGYI",
    ]


def test_findings_can_be_filtered_like_the_view_does(db: Database, tmp_path: Path) -> None:
    w = world(db)
    service = ProposalService(db)
    pid, _script = new_proposal(db, w, tmp_path)
    run = service.run_check(pid)
    blocks = run.filtered(severities=frozenset({Severity.BLOCK}))
    assert blocks and all(f.finding.severity is Severity.BLOCK for f in blocks)
    assert all(f.finding.rule_id == "R1" for f in run.filtered(rule_id="R1"))
    assert all(f.finding.artist_id == w.lin for f in run.filtered(artist_id=w.lin))
    assert [r.id for r in service.runs(pid)] == [run.id]


def test_a_statement_that_no_longer_holds_is_found(db: Database, tmp_path: Path) -> None:
    w = world(db)
    give(db, w, w.lin, [M.FACE_LIKENESS])
    now = datetime.now(UTC)
    record = build_record(
        state=state_as_of(db, w.lin, now),
        artist=RosterService(db).get(w.lin),
        kind=StatementKind.POSITION,
        issuer=Issuer("Demo Agency", "示例经纪", "", "", "CN=Demo", "ab" * 32, True, "tester"),
        statement_id=new_statement_id(now),
        languages=("en",),
        issued_at=now,
    )
    StatementRegister(db).register(record, b"%PDF-1.4 signed statement", "statement.pdf")
    service = ProposalService(db)
    pid, _script = new_proposal(db, w, tmp_path)
    assert not [f for f in service.run_check(pid).findings if f.finding.rule_id == "R20"]
    give(db, w, w.lin, [M.VOICE])  # the statement said voice was not authorised
    (f,) = [f for f in service.run_check(pid).findings if f.finding.rule_id == "R20"]
    assert f.finding.severity is Severity.HIGH
    assert f.finding.subject == record["statement_id"]
    assert f.finding.evidence["changed_modalities"] == ["voice"]
