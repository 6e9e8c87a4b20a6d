"""Issuing against the real database: register, supersede, out of date, batch, round trip."""

from __future__ import annotations

import hashlib
import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from models.audit.service import AuditService
from models.clock import utc_now
from models.consent.words import Modality
from models.errors import UserError
from models.statements.record import RECORD_FILE_NAME, StatementKind, StatementStatus
from models.statements.register import StatementRegister, out_of_date
from reports.statements.service import StatementRequest, StatementService
from reports.verify import verify_statement
from tests.reports.statement_data import SHANGHAI, consent_world


@pytest.fixture
def world(signing_db):
    return consent_world(signing_db)


@pytest.fixture
def service(signing_db, unlocked):
    return StatementService(signing_db, unlocked, zone=SHANGHAI)


def test_export_round_trip_matches_the_register(world, service, tmp_path):
    world.give([Modality.FACE_LIKENESS, Modality.VOICE])
    out = tmp_path / "statement.pdf"
    result = service.export(StatementRequest(world.artist.id, listings=("Platform X",)), out)
    pdf = out.read_bytes()
    assert not list(tmp_path.glob("*.part"))
    entry = result.statement
    assert entry.status == StatementStatus.CURRENT
    assert entry.file_sha256 == hashlib.sha256(pdf).hexdigest() == result.file_sha256
    assert entry.stored_path.read_bytes() == pdf
    attached = PdfReader(io.BytesIO(pdf)).attachments[RECORD_FILE_NAME][0]
    assert attached.decode("utf-8") == entry.record_json
    record = entry.record
    authorised = {m["modality"] for m in record["modalities"] if m["status"] == "authorised"}
    assert authorised == {"face_likeness", "voice"}
    assert record["as_of"].endswith("+08:00")
    check = verify_statement(out, db=world.db)
    assert check.valid and check.in_register and check.status == "current"
    assert not check.superseded and check.superseded_by is None
    assert check.record_sha256 == entry.record_sha256


def test_reissue_supersedes_and_verify_says_so(world, service, tmp_path):
    first = service.export(StatementRequest(world.artist.id), tmp_path / "a.pdf")
    second = service.export(StatementRequest(world.artist.id, languages=("en",)), tmp_path)
    assert second.statement.supersedes_id == first.statement.id
    assert second.path.parent == tmp_path and second.path.suffix == ".pdf"
    register = StatementRegister(world.db)
    old = register.get(first.statement.id)
    assert old.status == StatementStatus.SUPERSEDED
    assert old.superseded_by_id == second.statement.id
    check = verify_statement(tmp_path / "a.pdf", db=world.db)
    assert check.valid and check.superseded and check.superseded_by == second.statement.id
    other_kind = service.export(
        StatementRequest(world.artist.id, kind=StatementKind.NON_AUTHORISATION), tmp_path
    )
    assert other_kind.statement.supersedes_id is None  # a different kind stands alongside
    actions = [e.action for e in AuditService(world.db).events(entity="statement")]
    assert actions.count("issue") == 3 and actions.count("supersede") == 1
    assert AuditService(world.db).verify().intact


def test_revocation_makes_the_statement_out_of_date(world, service, tmp_path):
    record = world.give([Modality.FACE_LIKENESS, Modality.VOICE])
    issued = service.export(StatementRequest(world.artist.id), tmp_path / "a.pdf")
    assert out_of_date(world.db) == []
    world.revoke(record)
    stale = out_of_date(world.db)
    assert [s.statement.id for s in stale] == [issued.statement.id]
    assert stale[0].changed_modalities == ("face_likeness", "voice")
    revocation = service.export(
        StatementRequest(world.artist.id, kind=StatementKind.REVOCATION), tmp_path
    )
    assert revocation.statement.record["revocations"][0]["record_id"] == record.id
    service.export(StatementRequest(world.artist.id), tmp_path / "b.pdf")
    assert out_of_date(world.db) == []  # the old one is superseded, the new one is true


def test_historical_export_and_future_refused(world, service, tmp_path):
    world.give([Modality.VOICE])
    past = utc_now() - timedelta(days=3)
    result = service.export(StatementRequest(world.artist.id, as_of=past), tmp_path / "h.pdf")
    record = result.statement.record
    assert record["historical"] is True
    assert all(m["status"] == "not_authorised" for m in record["modalities"])  # given later
    with pytest.raises(UserError, match="in the future"):
        service.export(
            StatementRequest(world.artist.id, as_of=utc_now() + timedelta(days=1)),
            tmp_path / "f.pdf",
        )


def test_project_certificate_needs_a_grant_for_the_project(world, service, tmp_path):
    request = StatementRequest(
        world.artist.id, kind=StatementKind.PROJECT_CERTIFICATE, project_id=world.project_id
    )
    with pytest.raises(UserError, match="No given consent covers project"):
        service.export(request, tmp_path / "c.pdf")
    assert StatementRegister(world.db).statements() == []
    assert not (tmp_path / "c.pdf").exists()
    world.give([Modality.FACE_LIKENESS])
    result = service.export(request, tmp_path / "c.pdf")
    assert result.statement.project_id == world.project_id
    assert result.statement.record["scope"]["project_id"] == world.project_id


def test_missing_output_folder_writes_nothing(world, service, tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        service.export(StatementRequest(world.artist.id), tmp_path / "no" / "x.pdf")
    assert StatementRegister(world.db).statements() == []


def test_batch_export_with_progress_failures_and_cancel(world, service, tmp_path):
    from models.roster.artist import ArtistDraft
    from models.roster.service import RosterService

    others = RosterService(world.db).add_many([ArtistDraft("陈静怡"), ArtistDraft("王磊")])
    ids = [world.artist.id, others[0].id, 9999, others[1].id]
    seen: list[tuple[int, int, str]] = []
    result = service.export_batch(
        ids, tmp_path, progress=lambda d, t, label: seen.append((d, t, label))
    )
    assert not result.cancelled
    assert len(result.exported) == 3 and len(list(tmp_path.glob("*.pdf"))) == 3
    assert result.failed == ((9999, "There is no artist with id 9999."),)
    assert [s[0] for s in seen] == [1, 2, 3, 4] and seen[0][2] == "林晓 (Lin Xiao)"
    assert len({e.statement.record["as_of"] for e in result.exported}) == 1  # one moment
    calls = iter([False, False, True])
    stopped = service.export_batch(ids, tmp_path, cancelled=lambda: next(calls))
    assert stopped.cancelled and len(stopped.exported) == 2


def test_withdrawn_statement_is_reported_by_verify(world, service, tmp_path):
    issued = service.export(StatementRequest(world.artist.id), tmp_path / "a.pdf")
    register = StatementRegister(world.db)
    with pytest.raises(UserError, match="reason"):
        register.withdraw(issued.statement.id, " ")
    register.withdraw(issued.statement.id, "Issued for the wrong artist")
    check = verify_statement(tmp_path / "a.pdf", db=world.db)
    assert check.valid and check.status == "revoked"
    assert any("withdrew" in n for n in check.notes)
    assert out_of_date(world.db) == []  # withdrawn statements are not "current"


def test_issuer_is_the_desk_user_and_the_reason_stays_private(
    world, service, tmp_path, monkeypatch
):
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "root")  # never the OS login
    world.db.actor = "李娜"
    record = world.give([Modality.FACE_LIKENESS, Modality.VOICE])
    world.revoke(record)
    kind = StatementKind.REVOCATION
    hidden = service.export(StatementRequest(world.artist.id, kind=kind), tmp_path / "r1.pdf")
    issuer = hidden.statement.record["issuer"]
    assert issuer["issued_by"] == "李娜"
    (rv,) = hidden.statement.record["revocations"]
    assert rv["reason"] == "" and rv["reason_withheld"] is True
    shown = service.export(
        StatementRequest(world.artist.id, kind=kind, show_reason=True), tmp_path / "r2.pdf"
    )
    assert shown.statement.record["revocations"][0]["reason"]
    text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "r1.pdf")).pages)
    assert "root" not in text and "李娜" in text


def test_project_certificate_record_names_the_counterparty(world, service, tmp_path):
    world.give([Modality.FACE_LIKENESS])
    request = StatementRequest(
        world.artist.id, kind=StatementKind.PROJECT_CERTIFICATE, project_id=world.project_id
    )
    result = service.export(request, tmp_path / "c.pdf")
    assert result.statement.record["scope"]["counterparty"]
