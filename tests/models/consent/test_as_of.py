"""`state_as_of` at the boundaries: term days (artist's time zone), revocation, versions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from models.consent.evidence import EvidenceFile
from models.consent.state import state_as_of
from models.consent.values import ProjectDraft
from models.consent.words import ConsentStatus, Modality
from models.errors import NotFoundError, UserError
from models.roster.artist import ArtistDraft, Stance
from tests.models.consent.conftest import World

S = ConsentStatus
US = timedelta(microseconds=1)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_term_start_day_counts_from_midnight_in_the_artists_zone(world: World) -> None:
    r = world.given(term_start=date(2026, 4, 1), term_end=date(2026, 6, 30))
    midnight = at("2026-04-01T00:00:00+08:00")  # Shanghai: 31 March 16:00 UTC
    before = state_as_of(world.db, world.artist.id, midnight - US)
    assert before.grants == ()
    assert before.records[0].status == S.GIVEN and not before.records[0].in_force
    on = state_as_of(world.db, world.artist.id, midnight)
    assert [(g.record_id, g.modality) for g in on.grants] == [(r.id, Modality.FACE_LIKENESS)]
    assert on.records[0].in_force


def test_term_end_day_is_included_to_its_last_moment_then_expired(world: World) -> None:
    world.given(term_start=date(2026, 3, 1), term_end=date(2026, 6, 30))
    end = at("2026-07-01T00:00:00+08:00")
    last = state_as_of(world.db, world.artist.id, end - US)
    assert last.authorised_modalities() == (Modality.FACE_LIKENESS,)
    after = state_as_of(world.db, world.artist.id, end)
    assert after.grants == ()
    assert after.records[0].status == S.EXPIRED
    assert Modality.FACE_LIKENESS in after.not_authorised_modalities()


def test_term_days_follow_the_artists_jurisdiction(world: World) -> None:
    la = world.roster.add(ArtistDraft("Emma Hart", jurisdiction="US-CA"))
    world.given(artist_id=la.id, term_start=date(2026, 4, 1), term_end=date(2026, 4, 30))
    # 00:00 on 1 April in Los Angeles (PDT, UTC-7) is 07:00 UTC; Shanghai's is long past.
    la_midnight = at("2026-04-01T00:00:00-07:00")
    assert state_as_of(world.db, la.id, la_midnight - US).grants == ()
    assert state_as_of(world.db, la.id, la_midnight).grants
    assert state_as_of(world.db, la.id, la_midnight).zone == "America/Los_Angeles"


def test_revocation_takes_effect_at_its_timestamp(world: World) -> None:
    r = world.given()
    world.clock.advance(days=10)
    when = world.clock.now - timedelta(days=2)  # recorded later than it took effect
    world.consents.revoke(r.id, "artist withdrew", when, r.row_version)
    before = state_as_of(world.db, world.artist.id, when - US)
    assert before.grants and before.records[0].status == S.GIVEN
    assert before.records[0].revoked_at is None
    after = state_as_of(world.db, world.artist.id, when)
    assert after.grants == ()
    rec = after.records[0]
    assert (rec.status, rec.revoked_at, rec.revocation_reason) == (
        S.REVOKED,
        when,
        "artist withdrew",
    )


def test_revocation_by_date_starts_at_midnight_of_that_day_for_the_artist(world: World) -> None:
    r = world.given()
    world.clock.set(at("2026-05-03T12:00:00+08:00"))
    revoked = world.consents.revoke(r.id, "withdrawn", date(2026, 5, 1), r.row_version)
    assert revoked.revocation is not None
    assert revoked.revocation.revoked_at == at("2026-05-01T00:00:00+08:00")
    assert state_as_of(world.db, world.artist.id, at("2026-04-30T23:59:59+08:00")).grants
    assert not state_as_of(world.db, world.artist.id, at("2026-05-01T00:00:00+08:00")).grants


def test_a_revocation_dated_ahead_leaves_the_consent_in_force_until_then(world: World) -> None:
    r = world.given()
    later = world.clock.now + timedelta(days=30)
    revoked = world.consents.revoke(r.id, "ends with notice", later, r.row_version)
    assert revoked.status == S.REVOKED  # stored at once ...
    assert revoked.status_at(world.clock.now) == S.GIVEN  # ... effective on its date
    assert state_as_of(world.db, world.artist.id, later - US).grants
    assert not state_as_of(world.db, world.artist.id, later).grants


def test_records_and_statuses_are_as_they_were_recorded_at_the_time(world: World) -> None:
    created = world.clock.now
    r = world.consents.create(world.draft())
    assert state_as_of(world.db, world.artist.id, created - US).records == ()
    sent = world.clock.advance(hours=1)
    r = world.consents.send_to_artist(r.id, r.row_version)
    world.consents.attach_evidence(r.id, EvidenceFile(b"signed", original_name="s.pdf"))
    given = world.clock.advance(hours=1)
    world.consents.record_decision(r.id, world.decision(), r.row_version)
    statuses = [
        state_as_of(world.db, world.artist.id, t).records[0].status
        for t in (created, sent - US, sent, given - US, given)
    ]
    assert statuses == [S.REQUESTED, S.REQUESTED, S.PENDING_ARTIST, S.PENDING_ARTIST, S.GIVEN]


def test_a_version_is_superseded_only_once_its_successor_is_given(world: World) -> None:
    v1 = world.given(modalities=(Modality.FACE_LIKENESS, Modality.VOICE))
    amended_at = world.clock.advance(days=5)
    v2 = world.consents.amend(v1.id, {"modalities": (Modality.FACE_LIKENESS,)}, v1.row_version)
    world.consents.attach_evidence(v2.id, EvidenceFile(b"v2", original_name="v2.pdf"))
    given_at = world.clock.advance(days=1)
    world.consents.record_decision(v2.id, world.decision(), v2.row_version)

    while_pending = state_as_of(world.db, world.artist.id, given_at - US)
    assert {(r.record_id, r.status) for r in while_pending.records} == {
        (v1.id, S.GIVEN),
        (v2.id, S.PENDING_ARTIST),
    }
    assert while_pending.authorised_modalities() == (Modality.FACE_LIKENESS, Modality.VOICE)
    assert state_as_of(world.db, world.artist.id, amended_at - US).records == (
        while_pending.records[0],
    )

    after = state_as_of(world.db, world.artist.id, given_at)
    assert {(r.record_id, r.status) for r in after.records} == {
        (v1.id, S.SUPERSEDED),
        (v2.id, S.GIVEN),
    }
    assert {g.record_id for g in after.grants} == {v2.id}
    assert after.authorised_modalities() == (Modality.FACE_LIKENESS,)
    assert all(r.lineage_id == v1.id for r in after.records)


def test_any_project_consent_covers_every_project_of_that_counterparty(world: World) -> None:
    other = world.parties.add_project(ProjectDraft(world.platform.id, "新剧"))
    world.given(project_id=None, modalities=(Modality.VOICE,))
    state = state_as_of(world.db, world.artist.id, world.clock.now)
    assert state.grants_for(Modality.VOICE, other.id)
    assert state.grants_for(Modality.VOICE, world.series.id)
    assert state.grants[0].project_id is None and state.grants[0].project_title == ""


def test_stance_as_of_follows_its_history(world: World) -> None:
    t0 = world.clock.now
    world.stances.record(world.artist.id, Stance.DECLINED, effective_at=t0 - timedelta(days=100))
    world.stances.record(
        world.artist.id,
        Stance.OPTED_IN_WITH_CONDITIONS,
        "voice only",
        effective_at=t0 - timedelta(days=10),
    )
    at_ = lambda days: state_as_of(world.db, world.artist.id, t0 - timedelta(days=days))  # noqa: E731
    assert at_(101).stance == Stance.NOT_ASKED
    assert at_(50).stance == Stance.DECLINED
    now = at_(0)
    assert (now.stance, now.stance_conditions) == (Stance.OPTED_IN_WITH_CONDITIONS, "voice only")
    assert now.grants == ()  # a stance is never consent


def test_as_of_needs_an_aware_time_and_a_known_artist(world: World) -> None:
    with pytest.raises(UserError, match="time zone"):
        state_as_of(world.db, world.artist.id, datetime(2026, 4, 3))
    with pytest.raises(NotFoundError):
        state_as_of(world.db, 9999, world.clock.now)
