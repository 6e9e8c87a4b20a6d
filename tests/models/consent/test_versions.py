"""Versions: a given record is changed only by amendment; history and field-by-field diff."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from models.audit.service import AuditService
from models.consent.evidence import EvidenceFile
from models.consent.history import diff
from models.consent.values import DecisionOutcome
from models.consent.words import ConsentStatus, Modality, Use
from models.errors import UserError, ValidationError
from tests.models.consent.conftest import World

S = ConsentStatus


def test_amend_makes_a_new_version_and_keeps_the_old_one_in_force_until_given(
    world: World,
) -> None:
    v1 = world.given(compensation_amount=Decimal("1000"), compensation_currency="CNY")
    world.clock.advance(days=1)
    v2 = world.consents.amend(
        v1.id,
        {"term_end": date(2027, 6, 30), "uses": (Use.THIS_PRODUCTION, Use.PROMOTION)},
        v1.row_version,
    )
    assert (v2.version, v2.lineage_id, v2.supersedes_id) == (2, v1.id, v1.id)
    assert v2.status == S.PENDING_ARTIST
    assert world.consents.get(v1.id).status == S.GIVEN
    world.consents.attach_evidence(v2.id, EvidenceFile(b"v2 signed", original_name="v2.pdf"))
    world.clock.advance(hours=1)
    given = world.consents.record_decision(v2.id, world.decision(), v2.row_version)
    old = world.consents.get(v1.id)
    assert (old.status, old.superseded_by_id, old.superseded_at) == (
        S.SUPERSEDED,
        v2.id,
        given.given_at,
    )
    assert old.terms == v1.terms  # the old version itself never changed
    history = world.consents.history(v2.id)
    assert [(v.id, v.version) for v in history] == [(v1.id, 1), (v2.id, 2)]
    assert world.consents.history(v1.id) == history


def test_diff_names_each_changed_field_with_before_and_after(world: World) -> None:
    v1 = world.given()
    v2 = world.consents.amend(
        v1.id,
        {
            "modalities": (Modality.FACE_LIKENESS, Modality.VOICE),
            "term_end": date(2027, 3, 31),
            "sublicensing_allowed": True,
        },
        v1.row_version,
    )
    changes = {c.field: c for c in diff(world.consents.get(v1.id), v2)}
    assert set(changes) == {
        "modalities",
        "term_end",
        "sublicensing_allowed",
        "status",
        "decided_by",
        "decided_at",
        "decision_method",
        "evidence",
    }
    assert changes["modalities"].before == ("face_likeness",)
    assert changes["modalities"].after == ("face_likeness", "voice")
    assert changes["term_end"].before_text == "2026-12-31"
    assert changes["term_end"].after_text == "2027-03-31"
    assert (
        changes["sublicensing_allowed"].before_text,
        changes["sublicensing_allowed"].after_text,
    ) == ("no", "yes")
    assert changes["term_end"].label == "Term end" and changes["term_end"].label_zh == "截止日"
    assert diff(v2, v2) == []


def test_a_refused_amendment_leaves_the_given_version_in_force(world: World) -> None:
    v1 = world.given()
    v2 = world.consents.amend(v1.id, {"media": ("cinema",)}, v1.row_version)
    world.consents.record_decision(v2.id, world.decision(DecisionOutcome.REFUSED), v2.row_version)
    assert world.consents.get(v1.id).status == S.GIVEN
    v3 = world.consents.amend(v1.id, {"media": ("tv",)}, world.consents.get(v1.id).row_version)
    assert v3.version == 3


def test_only_one_open_amendment_and_only_of_given_records(world: World) -> None:
    v1 = world.given()
    world.consents.amend(v1.id, {"media": ("cinema",)}, v1.row_version)
    with pytest.raises(UserError, match="already has a new version waiting"):
        world.consents.amend(v1.id, {"media": ("tv",)}, v1.row_version)
    pending = world.consents.create(world.draft())
    with pytest.raises(UserError, match="edit it instead"):
        world.consents.amend(pending.id, {"media": ("tv",)}, pending.row_version)


def test_amendment_cannot_change_artist_or_name_unknown_fields(world: World) -> None:
    v1 = world.given()
    with pytest.raises(ValidationError, match="not a term"):
        world.consents.amend(v1.id, {"colour": "red"}, v1.row_version)
    with pytest.raises(ValidationError, match="same artist"):
        world.consents.amend(v1.id, {"artist_id": v1.artist_id + 100}, v1.row_version)


def test_a_revoked_version_cannot_be_superseded_by_its_amendment(world: World) -> None:
    v1 = world.given()
    v2 = world.consents.amend(v1.id, {"media": ("cinema",)}, v1.row_version)
    world.consents.attach_evidence(v2.id, EvidenceFile(b"v2", original_name="v2.pdf"))
    world.clock.advance(hours=1)
    v1 = world.consents.revoke(v1.id, "withdrawn", world.clock.now, v1.row_version)
    with pytest.raises(ValidationError, match="record a new consent instead"):
        world.consents.record_decision(v2.id, world.decision(), v2.row_version)
    assert world.consents.get(v1.id).status == S.REVOKED


def test_editing_an_undecided_record_changes_it_in_place_and_is_audited(world: World) -> None:
    r = world.consents.create(world.draft())
    edited = world.consents.edit(r.id, world.draft(media=("cinema", "tv")), r.row_version)
    assert (edited.id, edited.version, edited.terms.media) == (r.id, 1, ("cinema", "tv"))
    event = AuditService(world.db).events(entity="consent_record", entity_id=r.id, limit=1)[0]
    assert event.action == "update" and event.changed_fields() == ["media", "row_version"]


def test_save_edits_while_undecided_and_amends_once_given(world: World) -> None:
    r = world.consents.create(world.draft())
    saved = world.consents.save(r.id, world.draft(notes="n1"), r.row_version)
    assert saved.id == r.id
    g = world.given()
    amended = world.consents.save(g.id, world.draft(notes="n2"), g.row_version)
    assert amended.id != g.id and amended.supersedes_id == g.id


def test_the_artists_list_shows_what_matters_of_each_record(world: World) -> None:
    kept = world.given()
    refused = world.consents.amend(kept.id, {"media": ("tv",)}, kept.row_version)
    world.consents.record_decision(
        refused.id, world.decision(DecisionOutcome.REFUSED), refused.row_version
    )
    kept = world.consents.get(kept.id)
    waiting = world.consents.amend(kept.id, {"media": ("cinema",)}, kept.row_version)
    old = world.given()
    new = world.consents.amend(old.id, {"media": ("cinema",)}, old.row_version)
    world.consents.attach_evidence(new.id, EvidenceFile(b"v2", original_name="v2.pdf"))
    world.consents.record_decision(new.id, world.decision(), new.row_version)
    shown = [r.id for r in world.consents.records_for_artist(world.artist.id)]
    assert shown == [kept.id, waiting.id, new.id]
    every = world.consents.records_for_artist(world.artist.id, include_history=True)
    assert [r.id for r in every] == [kept.id, refused.id, waiting.id, old.id, new.id]
