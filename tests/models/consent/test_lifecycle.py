"""The consent lifecycle: every allowed move works, every other move is refused unchanged."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models.audit.service import AuditService
from models.consent.evidence import EvidenceFile
from models.consent.values import ConsentRecord, DecisionOutcome
from models.consent.words import ConsentStatus, Modality
from models.errors import UserError, ValidationError
from tests.models.consent.conftest import World

S = ConsentStatus
STORED = [S.REQUESTED, S.PENDING_ARTIST, S.GIVEN, S.REFUSED, S.REVOKED, S.SUPERSEDED]
ALLOWED = {
    (S.REQUESTED, S.PENDING_ARTIST),
    (S.PENDING_ARTIST, S.GIVEN),
    (S.PENDING_ARTIST, S.REFUSED),
    (S.GIVEN, S.REVOKED),
}


def record_in(w: World, status: ConsentStatus) -> ConsentRecord:
    """A record whose stored status is `status`, reached the way a person would."""
    if status == S.REQUESTED:
        return w.consents.create(w.draft())
    if status == S.PENDING_ARTIST:
        r = w.consents.create(w.draft())
        return w.consents.send_to_artist(r.id, r.row_version)
    if status == S.REFUSED:
        r = record_in(w, S.PENDING_ARTIST)
        w.clock.advance(hours=1)
        return w.consents.record_decision(r.id, w.decision(DecisionOutcome.REFUSED), r.row_version)
    r = w.given()
    if status == S.GIVEN:
        return r
    w.clock.advance(hours=1)
    if status == S.REVOKED:
        return w.consents.revoke(r.id, "changed her mind", w.clock.now, r.row_version)
    new = w.consents.amend(r.id, {"modalities": (Modality.VOICE,)}, r.row_version)
    w.consents.attach_evidence(new.id, EvidenceFile(b"amendment", original_name="v2.pdf"))
    w.clock.advance(hours=1)
    w.consents.record_decision(new.id, w.decision(), new.row_version)
    return w.consents.get(r.id)


def move(w: World, r: ConsentRecord, target: ConsentStatus) -> ConsentRecord:
    w.clock.advance(hours=1)
    outcome = DecisionOutcome.REFUSED if target == S.REFUSED else DecisionOutcome.GIVEN
    if target in (S.GIVEN, S.REFUSED) and not r.evidence:
        w.consents.attach_evidence(r.id, EvidenceFile(b"signed", original_name="signed.pdf"))
    return w.consents.transition(
        r.id,
        target,
        r.row_version,
        decision=w.decision(outcome),
        reason="the artist withdrew",
        revoked_at=w.clock.now,
    )


@pytest.mark.parametrize("current", STORED, ids=lambda s: s.value)
def test_every_stored_status_is_reachable(world: World, current: ConsentStatus) -> None:
    assert record_in(world, current).status == current


@pytest.mark.parametrize(
    ("current", "target"),
    sorted(ALLOWED),
    ids=lambda s: s.value,
)
def test_allowed_transition_moves_and_is_audited(
    world: World, current: ConsentStatus, target: ConsentStatus
) -> None:
    r = record_in(world, current)
    events_before = AuditService(world.db).count()
    moved = move(world, r, target)
    assert moved.status == target
    assert moved.row_version > r.row_version
    events = AuditService(world.db).events(entity="consent_record", entity_id=r.id, limit=1)
    assert events[0].before is not None and events[0].before["status"] == current.value
    assert events[0].after is not None and events[0].after["status"] == target.value
    assert AuditService(world.db).count() > events_before
    assert AuditService(world.db).verify().intact


@pytest.mark.parametrize("current", STORED, ids=lambda s: s.value)
def test_every_other_transition_is_refused_and_changes_nothing(
    world: World, current: ConsentStatus
) -> None:
    audit = AuditService(world.db)
    r = record_in(world, current)
    for target in ConsentStatus:
        if (current, target) in ALLOWED:
            continue
        r = world.consents.get(r.id)
        events = audit.count()
        with pytest.raises(UserError):
            move(world, r, target)
        after = world.consents.get(r.id)
        assert (after.status, after.row_version) == (current, r.row_version), target
        # a refused move writes nothing (except evidence the helper attached beforehand)
        new_events = audit.events(limit=audit.count() - events) if audit.count() > events else []
        assert all(ev.entity in ("stored_file", "consent_evidence") for ev in new_events), target
    assert audit.verify().intact


def test_refusal_message_says_what_is_possible(world: World) -> None:
    r = record_in(world, S.REQUESTED)
    with pytest.raises(UserError, match=r"can only become pending_artist.*Send it to the artist"):
        world.consents.transition(r.id, S.GIVEN, r.row_version, decision=world.decision())
    g = record_in(world, S.GIVEN)
    with pytest.raises(UserError, match="expires by itself"):
        world.consents.transition(g.id, S.EXPIRED, g.row_version)
    with pytest.raises(UserError, match="amend"):
        world.consents.transition(g.id, S.SUPERSEDED, g.row_version)


def test_new_records_start_requested_or_pending_only(world: World) -> None:
    assert world.consents.create(world.draft(), S.PENDING_ARTIST).status == S.PENDING_ARTIST
    for status in (S.GIVEN, S.REFUSED, S.REVOKED, S.EXPIRED, S.SUPERSEDED):
        with pytest.raises(UserError, match="starts as requested or pending_artist"):
            world.consents.create(world.draft(), status)


def test_given_needs_evidence_and_refused_does_not(world: World) -> None:
    r = record_in(world, S.PENDING_ARTIST)
    with pytest.raises(ValidationError) as e:
        world.consents.record_decision(r.id, world.decision(), r.row_version)
    assert [p.field for p in e.value.problems] == ["evidence"]
    assert world.consents.get(r.id).status == S.PENDING_ARTIST
    refused = world.consents.record_decision(
        r.id, world.decision(DecisionOutcome.REFUSED), r.row_version
    )
    assert refused.status == S.REFUSED
    assert refused.decision is not None and refused.decision.outcome == DecisionOutcome.REFUSED


def test_revocation_needs_reason_and_a_date_within_the_consent(world: World) -> None:
    r = world.given(term_end=world.clock.now.date() + timedelta(days=30))
    with pytest.raises(ValidationError) as e:
        world.consents.revoke(r.id, "  ", world.clock.now, r.row_version)
    assert [p.field for p in e.value.problems] == ["revocation_reason"]
    with pytest.raises(ValidationError, match="before the artist gave the consent"):
        world.consents.revoke(r.id, "x", world.clock.now - timedelta(days=3), r.row_version)
    with pytest.raises(ValidationError, match="already expired"):
        world.consents.revoke(r.id, "x", world.clock.now + timedelta(days=40), r.row_version)
    assert world.consents.get(r.id).status == S.GIVEN


def test_nothing_is_deleted_and_given_records_cannot_be_edited(world: World) -> None:
    r = world.given()
    with pytest.raises(UserError, match="Amend it"):
        world.consents.edit(r.id, world.draft(notes="quiet change"), r.row_version)
    assert not hasattr(world.consents, "delete")
    revoked = world.consents.revoke(r.id, "withdrawn", world.clock.now, r.row_version)
    assert world.consents.get(revoked.id).terms == r.terms
