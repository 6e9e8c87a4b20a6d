"""The deadlines dashboard and the modalities × projects matrix."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.consent.deadlines import DeadlineService, DeadlineSettings
from models.consent.state import matrix
from models.consent.values import DecisionOutcome
from models.consent.words import ConsentStatus, Modality
from models.errors import ValidationError
from tests.models.consent.conftest import World

S = ConsentStatus


def test_expiring_pending_and_short_notice_lists_and_counts(world: World) -> None:
    today = world.clock.now.date()
    soon = world.given(term_end=today + timedelta(days=10))
    world.given(term_end=today + timedelta(days=90))
    last_day = world.given(term_end=today)
    waiting = world.consents.create(world.draft())
    waiting = world.consents.send_to_artist(waiting.id, waiting.row_version)
    now = world.clock.now
    scan = world.consents.create(
        world.draft(
            scan_session_at=now + timedelta(hours=30), scan_notice_at=now - timedelta(hours=2)
        )
    )
    world.consents.create(
        world.draft(
            scan_session_at=now + timedelta(hours=80), scan_notice_at=now - timedelta(hours=1)
        )
    )
    deadlines = DeadlineService(world.db, world.clock)
    assert [(i.record_id, i.days) for i in deadlines.expiring(30)] == [
        (last_day.id, 0),
        (soon.id, 10),
    ]
    assert deadlines.pending(14) == []
    world.clock.advance(days=15)
    pending = deadlines.pending(14)
    assert [(i.record_id, i.status) for i in pending] == [
        (waiting.id, S.PENDING_ARTIST),
        (scan.id, S.REQUESTED),
        (scan.id + 1, S.REQUESTED),
    ]
    world.clock.set(now)
    scans = deadlines.short_notice_scans(48)
    assert [(i.record_id, i.notice_hours) for i in scans] == [(scan.id, 32.0)]
    counts = deadlines.counts()
    assert (counts.expiring, counts.pending, counts.short_notice_scans) == (2, 0, 1)
    assert counts.total == 3


def test_revoked_or_superseded_consents_do_not_expire_on_the_dashboard(world: World) -> None:
    today = world.clock.now.date()
    r = world.given(term_end=today + timedelta(days=5))
    world.clock.advance(hours=1)
    world.consents.revoke(r.id, "withdrawn", world.clock.now, r.row_version)
    assert DeadlineService(world.db, world.clock).expiring(30) == []


def test_deadline_settings_are_saved_audited_and_checked(world: World) -> None:
    service = DeadlineService(world.db, world.clock)
    assert service.settings() == DeadlineSettings()
    service.save_settings(DeadlineSettings(expiry_days=60, pending_days=7))
    assert service.settings() == DeadlineSettings(60, 7, 48)
    with pytest.raises(ValidationError):
        service.save_settings(DeadlineSettings(expiry_days=-1))


def test_matrix_cells_show_status_per_modality_and_project(world: World) -> None:
    face = world.given(modalities=(Modality.FACE_LIKENESS,))
    any_voice = world.given(project_id=None, modalities=(Modality.VOICE,))
    refused = world.consents.create(
        world.draft(
            counterparty_id=world.studio.id,
            project_id=world.film.id,
            modalities=(Modality.MODEL_TRAINING,),
        )
    )
    refused = world.consents.send_to_artist(refused.id, refused.row_version)
    world.consents.record_decision(
        refused.id, world.decision(DecisionOutcome.REFUSED), refused.row_version
    )
    grid = matrix(world.db, world.artist.id, world.clock.now)
    labels = [c.label for c in grid.columns]
    assert labels == [
        "星幕视频 (Xingmu Video) — any project",
        "星幕视频 (Xingmu Video) — 长夜行 (Chang Yexing)",
        "青禾影业 (Qinghe Pictures) — 归途 (Gui Tu)",
    ]
    series = grid.row(Modality.FACE_LIKENESS)[1]
    assert (series.status, series.in_force, series.record_id) == (S.GIVEN, True, face.id)
    voice_on_series = grid.cell(Modality.VOICE, 1)
    assert (voice_on_series.status, voice_on_series.via_any_project) == (S.GIVEN, True)
    assert voice_on_series.record_id == any_voice.id
    assert grid.cell(Modality.MODEL_TRAINING, 2).status == S.REFUSED
    assert grid.cell(Modality.DE_AGING, 1).status is None
    assert grid.cell(Modality.FACE_LIKENESS, 0).status is None  # "any project" cell: no face


def test_matrix_as_of_a_past_date_and_after_revocation(world: World) -> None:
    r = world.given(term_start=date(2026, 3, 1))
    before = world.clock.now
    world.clock.advance(days=20)
    world.consents.revoke(r.id, "withdrawn", world.clock.now, r.row_version)
    assert matrix(world.db, world.artist.id, before).cell(Modality.FACE_LIKENESS, 0).in_force
    after = matrix(world.db, world.artist.id, world.clock.now).cell(Modality.FACE_LIKENESS, 0)
    assert (after.status, after.in_force) == (S.REVOKED, False)
