"""Logging, editing, listing and accepting proposals; files and scripts they carry."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.audit.service import AuditService
from models.consent.service import ConsentService
from models.consent.words import ConsentStatus, Modality, Use
from models.errors import ConflictError, UserError, ValidationError
from models.proposals.service import ProposalService
from models.proposals.tables import ProposalFileRow, ProposalScriptRow
from models.proposals.values import (
    ArtistAnswer,
    ArtistDecisionOnProposal,
    DeadlineState,
    FileRole,
    ProposalStatus,
    RequestedArtist,
    ScanSessionRequest,
)
from models.rules import Severity
from models.scripts import ScriptReadError
from models.storage import files
from models.storage.database import Database
from tests.models.proposals.helpers import (
    new_proposal,
    proposal_draft,
    script_file,
    today_cn,
    world,
)

M = Modality
P = ProposalStatus


def test_a_proposal_reads_back_as_it_was_entered(db: Database) -> None:
    w = world(db)
    session = ScanSessionRequest(
        datetime(2026, 6, 3, 2, 0, tzinfo=UTC), None, w.lin, "Beijing studio"
    )
    draft = proposal_draft(
        w,
        description="Flashbacks with an AI voice.",
        model_training_requested=True,
        scan_sessions=(session,),
        artists=(
            RequestedArtist(
                w.lin,
                (M.VOICE, M.FACE_LIKENESS),
                (Use.PROMOTION,),
                ("tv",),
                ("cn", "hk"),
                None,
                None,
                Decimal("99.50"),
                "cny",
                ("SHEN YAO",),
            ),
        ),
    )
    p = ProposalService(db).create(draft)
    again = ProposalService(db).get(p.id)
    assert again.draft() == draft.normalized()
    r = again.artists[0].requested
    assert r.modalities == (M.FACE_LIKENESS, M.VOICE)  # canonical order
    assert r.territories == ("CN", "HK") and r.fee_currency == "CNY"
    assert r.fee_amount == Decimal("99.50") and r.roles == ("SHEN YAO",)
    assert again.counterparty_name == "星幕视频 (Xingmu Video)"
    assert again.status is P.RECEIVED and again.row_version == 1


def test_every_problem_of_a_draft_is_reported(db: Database) -> None:
    w = world(db)
    today = today_cn()
    bad = proposal_draft(
        w,
        respond_by=today - timedelta(days=1),
        artists=(
            RequestedArtist(w.lin, term_start=today, term_end=today - timedelta(days=3)),
            RequestedArtist(w.lin, fee_amount=Decimal(-5), fee_currency="yuan"),
            RequestedArtist(99_999),
        ),
    )
    with pytest.raises(ValidationError) as e:
        ProposalService(db).create(bad)
    fields = {p.field for p in e.value.problems}
    assert {"respond_by", "term_end", "artists", "fee_amount", "fee_currency"} <= fields
    assert ProposalService(db).list() == []


def test_project_must_belong_to_the_counterparty(db: Database) -> None:
    w = world(db)
    from models.consent.values import CounterpartyDraft
    from models.parties.service import CounterpartyService

    other_cp = CounterpartyService(db).add_counterparty(CounterpartyDraft("青禾影业"))
    with pytest.raises(ValidationError, match="belongs to another counterparty"):
        ProposalService(db).create(proposal_draft(w, counterparty_id=other_cp.id))


def test_update_keeps_decisions_of_artists_still_requested(db: Database) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    decision = ArtistDecisionOnProposal(ArtistAnswer.COUNTER, "林晓", datetime.now(UTC))
    p = service.record_decision(p.id, w.lin, decision, p.row_version)
    more = (*p.draft().artists, RequestedArtist(w.chen, (M.VOICE,)))
    p = service.update(p.id, replace(p.draft(), artists=more), p.row_version)
    assert [a.artist_id for a in p.artists] == [w.lin, w.chen]
    assert p.artists[0].decision == decision and p.artists[1].decision is None
    with pytest.raises(ConflictError):
        service.update(p.id, p.draft(), p.row_version - 1)


def test_list_shows_deadline_and_worst_severity(db: Database, tmp_path: Path) -> None:
    w = world(db)
    service = ProposalService(db)
    today = today_cn()
    late = service.create(
        proposal_draft(
            w, received_on=today - timedelta(days=5), respond_by=today - timedelta(days=1)
        )
    )
    checked, _script = new_proposal(db, w, tmp_path, respond_by=today + timedelta(days=20))
    service.run_check(checked)
    rows = {r.id: r for r in service.list(today=today)}
    assert rows[late.id].deadline is DeadlineState.OVERDUE and rows[late.id].days_left == -1
    assert rows[late.id].worst is None and rows[late.id].checked_at is None
    assert rows[checked].deadline is DeadlineState.LATER
    assert rows[checked].worst is Severity.BLOCK  # the script uses voice; only face requested
    assert rows[checked].artist_names == ("林晓 (Lin Xiao)",)
    assert [r.id for r in service.list(today=today)] == [late.id, checked]  # soonest first
    service.transition(late.id, P.WITHDRAWN, rows[late.id].row_version)
    assert [r.id for r in service.list(include_closed=False, today=today)] == [checked]


def test_accepting_offers_a_pending_consent_record(db: Database, tmp_path: Path) -> None:
    w = world(db)
    service = ProposalService(db)
    pid, _script = new_proposal(db, w, tmp_path)
    p = service.transition(pid, P.UNDER_REVIEW, service.get(pid).row_version)
    p = service.transition(pid, P.WITH_ARTIST, p.row_version)
    decision = ArtistDecisionOnProposal(ArtistAnswer.ACCEPT, "林晓", datetime.now(UTC))
    p = service.record_decision(pid, w.lin, decision, p.row_version)
    drafts = service.consent_drafts(pid)
    assert set(drafts) == {w.lin}
    # requested face, and the script uses voice and a digital double of LIN XIAO
    assert set(drafts[w.lin].modalities) == {M.FACE_LIKENESS, M.VOICE, M.DIGITAL_DOUBLE_CREATION}
    outcome = service.accept(pid, p.row_version)
    record_id = outcome.consent_record_ids[w.lin]
    record = ConsentService(db).get(record_id)
    assert record.status is ConsentStatus.PENDING_ARTIST
    assert record.terms.project_id == w.project and record.terms.compensation_amount == Decimal(
        "120000"
    )
    assert f"proposal #{pid}" in record.terms.specific_use_description
    assert "line 7" in record.terms.specific_use_description
    assert outcome.proposal.status is P.ACCEPTED
    assert outcome.proposal.artists[0].consent_record_id == record_id
    with pytest.raises(UserError, match="consent record"):
        service.undo_transition(pid, outcome.proposal.row_version)


def test_accept_without_consent_creates_none(db: Database) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    p = service.transition(p.id, P.UNDER_REVIEW, p.row_version)
    p = service.transition(p.id, P.WITH_ARTIST, p.row_version)
    decision = ArtistDecisionOnProposal(ArtistAnswer.ACCEPT, "林晓", datetime.now(UTC))
    p = service.record_decision(p.id, w.lin, decision, p.row_version)
    outcome = service.accept(p.id, p.row_version, create_consents=False)
    assert outcome.consent_record_ids == {}
    assert ConsentService(db).records_for_artist(w.lin) == []


def test_a_failed_acceptance_changes_nothing(db: Database) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    p = service.transition(p.id, P.UNDER_REVIEW, p.row_version)
    p = service.transition(p.id, P.WITH_ARTIST, p.row_version)
    decision = ArtistDecisionOnProposal(ArtistAnswer.ACCEPT, "林晓", datetime.now(UTC))
    p = service.record_decision(p.id, w.lin, decision, p.row_version)
    broken = replace(service.consent_drafts(p.id)[w.lin], modalities=())
    with pytest.raises(ValidationError):
        service.accept(p.id, p.row_version, drafts={w.lin: broken})
    assert service.get(p.id).status is P.WITH_ARTIST
    assert ConsentService(db).records_for_artist(w.lin) == []


def test_files_are_kept_by_content_hash(db: Database, tmp_path: Path) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    path = tmp_path / "terms.pdf"
    path.write_bytes(b"%PDF-1.4 producer terms")
    f1 = service.attach_file(p.id, path, role=FileRole.PROPOSAL)
    f2 = service.attach_file(p.id, b"%PDF-1.4 producer terms", name="copy.pdf")
    assert f1.sha256 == f2.sha256 and files.verify(db, f1.sha256)
    assert files.path_for(db, f1.sha256).read_bytes() == b"%PDF-1.4 producer terms"
    service.detach_file(p.id, f2.id)
    assert [f.id for f in service.get(p.id).files] == [f1.id]


def test_an_unreadable_script_stores_nothing(db: Database, tmp_path: Path) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    bad = tmp_path / "script.docx"
    bad.write_bytes(b"PK\x03\x04 not really a docx")
    with pytest.raises(ScriptReadError, match="does not read"):
        service.attach_script(p.id, bad)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ProposalFileRow)) == 0
        assert s.scalar(select(func.count()).select_from(ProposalScriptRow)) == 0


def test_a_script_is_read_once_and_kept(db: Database, tmp_path: Path) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    script = service.attach_script(p.id, script_file(tmp_path))
    assert (script.format, script.scene_count) == ("fountain", 2)
    assert script.characters == ("CHEN JINGYI", "LIN XIAO", "SHEN YAO")
    view = service.script_view(script.id)
    assert [(u.line, u.kind, u.character) for u in view.ai_uses] == [
        (5, "digital-double", "LIN XIAO"),
        (7, "voice", "LIN XIAO"),
        (15, "voice", "CHEN JINGYI"),
    ]
    assert view.line_text(7) == "LIN XIAO (AI VOICE)"
    assert view.excerpt(7) == tuple((n, view.lines[n - 1]) for n in range(5, 10))
    assert [u.scene for u in view.ai_uses] == [1, 1, 2]
    assert files.verify(db, script.sha256)
    events = AuditService(db).events(entity="proposal", entity_id=str(p.id))
    assert "attach_script" in [e.action for e in events]


def test_decisions_need_who_and_a_real_time(db: Database) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    future = ArtistDecisionOnProposal(
        ArtistAnswer.ACCEPT, " ", datetime.now(UTC) + timedelta(days=2)
    )
    with pytest.raises(ValidationError) as e:
        service.record_decision(p.id, w.lin, future, p.row_version)
    assert {x.field for x in e.value.problems} == {"decided_by", "decided_at"}
    with pytest.raises(UserError, match="not requested"):
        ok = ArtistDecisionOnProposal(ArtistAnswer.ACCEPT, "陈静怡", datetime.now(UTC))
        service.record_decision(p.id, w.chen, ok, p.row_version)


def test_a_word_script_can_be_attached(db: Database, tmp_path: Path) -> None:
    from docx import Document

    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    doc = Document()
    for line in ["1. 内景 录音棚 日", "林晓：这不是我的声音。", "王强：是 AI配音。"]:
        doc.add_paragraph(line)
    path = tmp_path / "剧本.docx"
    doc.save(str(path))
    script = service.attach_script(p.id, path)
    assert (script.format, script.scene_count) == ("docx", 1)
    assert set(script.characters) == {"林晓", "王强"}
    assert [(u.line, u.kind) for u in service.script_view(script.id).ai_uses] == [(3, "voice")]
