"""Several service calls in one unit of work: a failure in a later call undoes the earlier ones."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.audit.service import AuditService
from models.consent.consent_file import ConsentInput, record_inputs
from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.values import AgencyRecommendation, ConsentDraft, Recommendation
from models.consent.words import ConsentStatus, Modality, Use
from models.parties.service import CounterpartyService
from models.proposals import importer
from models.proposals.script_service import ProposalScripts
from models.proposals.service import ProposalService
from models.storage.database import Database
from tests.models.proposals.helpers import SCRIPT, today_cn, world


def _proposal_file(tmp_path: Path) -> Path:
    (tmp_path / "long-night.fountain").write_text(SCRIPT, encoding="utf-8")
    today = today_cn().isoformat()
    data = {
        "counterparty": {"native_name": "青禾影业", "romanized_name": "Qinghe Pictures"},
        "project": "归途",
        "received_on": today,
        "respond_by": "2099-01-31",
        "labelling_plan": "Visible AI mark on every AI shot.",
        "artists": [
            {
                "artist": "林晓",
                "modalities": ["face_likeness"],
                "term_start": today,
                "term_end": today,
                "fee": {"amount": "1000", "currency": "CNY"},
            }
        ],
        "scripts": ["long-night.fountain"],
    }
    path = tmp_path / "proposal.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_failing_script_undoes_the_new_counterparty_project_and_proposal(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world(db)
    path = _proposal_file(tmp_path)
    events = AuditService(db).count()
    parties = len(CounterpartyService(db).counterparties())

    def broken(*_args: object, **_kwargs: object) -> object:
        raise OSError("disk full")

    monkeypatch.setattr(ProposalScripts, "attach_read_script", broken)
    with pytest.raises(OSError, match="disk full"):
        importer.import_proposal(db, path)
    assert len(CounterpartyService(db).counterparties()) == parties
    assert ProposalService(db).list() == []
    assert AuditService(db).count() == events
    monkeypatch.undo()
    imported = importer.import_proposal(db, path)  # the same file goes in whole afterwards
    assert len(imported.artists) == 1
    assert len(CounterpartyService(db).counterparties()) == parties + 1


def test_a_bad_second_consent_input_leaves_the_first_unrecorded(db: Database) -> None:
    w = world(db)
    today = today_cn()
    draft = ConsentDraft(
        w.lin,
        w.cp,
        project_id=w.project,
        modalities=(Modality.VOICE,),
        uses=(Use.THIS_PRODUCTION,),
        media=("streaming",),
        territories=("CN",),
        term_start=today,
        term_end=today,
    )
    advice = AgencyRecommendation(Recommendation.RECOMMEND, "", datetime.now(UTC))  # no adviser
    events = AuditService(db).count()
    with pytest.raises(Exception, match="recommend"):
        record_inputs(
            db,
            [
                ConsentInput(draft, evidence=(EvidenceFile(b"%PDF", original_name="a.pdf"),)),
                ConsentInput(draft, ConsentStatus.PENDING_ARTIST, recommendation=advice),
            ],
        )
    assert ConsentService(db).records_for_artist(w.lin) == []
    assert AuditService(db).count() == events
