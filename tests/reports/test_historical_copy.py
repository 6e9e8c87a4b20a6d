"""A statement as of a past date is a historical copy: labelled on every page, never current,
never superseding, left out of re-issue; verify says what it is."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from models.clock import utc_now
from models.consent.words import Modality
from models.statements.record import StatementStatus
from models.statements.register import StatementRegister
from reports.public_register import export_public_register
from reports.statements.service import StatementRequest, StatementService
from reports.verify import EXIT_VALID, verify_statement
from tests.reports.statement_data import SHANGHAI, consent_world, squash


@pytest.fixture
def world(signing_db):
    return consent_world(signing_db)


@pytest.fixture
def service(signing_db, unlocked):
    return StatementService(signing_db, unlocked, zone=SHANGHAI)


def test_a_historical_copy_never_replaces_the_present(world, service, signing_db, tmp_path):
    record = world.give([Modality.FACE_LIKENESS])
    current = service.export(StatementRequest(world.artist.id), tmp_path / "now.pdf")
    world.revoke(record)  # the records change: the current statement is now out of date
    past = utc_now() - timedelta(days=2)
    copy = service.export(StatementRequest(world.artist.id, as_of=past), tmp_path / "april.pdf")
    register = StatementRegister(signing_db)
    assert copy.statement.status == StatementStatus.HISTORICAL
    assert copy.statement.supersedes_id is None and copy.statement.record["supersedes"] is None
    assert register.get(current.statement.id).status == StatementStatus.CURRENT
    assert register.current_for(world.artist.id, current.statement.kind).id == current.statement.id
    stale = [o.statement.id for o in register.out_of_date()]
    assert current.statement.id in stale and copy.statement.id not in stale
    # A later current statement supersedes the current one, never the copy.
    later = service.export(StatementRequest(world.artist.id), tmp_path / "later.pdf")
    assert later.statement.supersedes_id == current.statement.id
    assert register.get(copy.statement.id).status == StatementStatus.HISTORICAL

    reader = PdfReader(io.BytesIO(copy.path.read_bytes()))
    for page in reader.pages:
        text = squash(page.extract_text() or "")
        assert "Historicalcopy—asof" in text and "notthe" in text
        assert "历史副本" in text and "不代表本机构现行立场" in text
    current_text = squash(PdfReader(io.BytesIO(current.path.read_bytes())).pages[0].extract_text())
    assert "Historicalcopy" not in current_text

    fp = (service.identity.identity.fingerprint,)
    result = verify_statement(copy.path, db=signing_db, fingerprints=fp)
    assert result.historical and result.exit_code == EXIT_VALID
    assert result.status == "historical" and not result.superseded
    assert result.headline().startswith("AUTHENTIC HISTORICAL COPY")
    assert "not the agency's current position" in result.headline()

    folder = tmp_path / "public"
    export_public_register(signing_db, service.identity, folder)
    in_public = verify_statement(copy.path, register_folder=folder, fingerprints=fp)
    assert in_public.status == "historical" and in_public.exit_code == EXIT_VALID
