"""The consent form's Save is one service call: everything it asked for, or nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models.audit.service import AuditService
from models.consent.evidence import EvidenceFile
from models.consent.form_save import FormSave
from models.consent.values import AgencyRecommendation, DecisionOutcome, Recommendation
from models.consent.words import ConsentStatus, Modality
from models.errors import ValidationError
from tests.models.consent.conftest import World


def _file(name: str = "signed.pdf") -> EvidenceFile:
    return EvidenceFile(b"%PDF-1.4 " + name.encode(), original_name=name)


def _advice(w: World, by: str = "Zhou Min") -> AgencyRecommendation:
    return AgencyRecommendation(Recommendation.RECOMMEND, by, w.clock.now - timedelta(minutes=5))


def test_a_new_record_with_files_and_advice_is_saved_in_one_call(world: World) -> None:
    w = world
    done = w.consents.save_form(
        FormSave(w.draft(), files=(_file("a.pdf"), _file("b.pdf")), recommendation=_advice(w))
    )
    assert done.created and done.files == 2
    record = w.consents.get(done.record.id)
    assert record.status is ConsentStatus.PENDING_ARTIST
    assert record.recommendation is not None
    assert len(record.evidence) == 2


def test_a_failing_recommendation_rolls_back_the_new_record_and_its_files(world: World) -> None:
    w = world
    events = AuditService(w.db).count()
    with pytest.raises(ValidationError):
        w.consents.save_form(
            FormSave(w.draft(), files=(_file(),), recommendation=_advice(w, by="  "))
        )
    assert w.consents.records_for_artist(w.artist.id) == []
    assert AuditService(w.db).count() == events


def test_a_refused_decision_leaves_the_edited_terms_as_they_were(world: World) -> None:
    w = world
    record = w.consents.create(w.draft())
    events = AuditService(w.db).count()
    changed = w.draft(modalities=(Modality.VOICE,))
    # `given` needs evidence: the decision fails after the edit and the send.
    with pytest.raises(ValidationError):
        w.consents.save_form(FormSave(changed, record, decision=w.decision(), send_to_artist=True))
    after = w.consents.get(record.id)
    assert after.terms == record.terms
    assert after.status is ConsentStatus.REQUESTED
    assert after.row_version == record.row_version
    assert AuditService(w.db).count() == events


def test_an_edit_with_files_and_decision_reports_each_step(world: World) -> None:
    w = world
    record = w.consents.create(w.draft())
    changed = w.draft(modalities=(Modality.VOICE,))
    done = w.consents.save_form(
        FormSave(changed, record, files=(_file(),), decision=w.decision(DecisionOutcome.GIVEN))
    )
    assert done.edited_from == record
    assert done.record.status is ConsentStatus.GIVEN
    assert done.record.terms.modalities == (Modality.VOICE,)
    assert (done.files, done.decision, done.amended) == (1, DecisionOutcome.GIVEN, False)


def test_changed_terms_of_a_given_record_make_a_new_version(world: World) -> None:
    w = world
    given = w.given()
    done = w.consents.save_form(FormSave(w.draft(territories=("CN", "HK")), given))
    assert done.amended and done.edited_from is None
    assert done.record.version == 2 and done.record.supersedes_id == given.id
    assert done.record.status is ConsentStatus.PENDING_ARTIST
