"""Validation: every problem at once, each tied to the field a form shows it next to."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from models.consent.values import ArtistDecision, DecisionOutcome, ProjectDraft
from models.consent.words import Modality
from models.errors import ValidationError
from models.roster.artist import ArtistDraft
from tests.models.consent.conftest import World


def fields_of(e: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {p.field: p.message for p in e.value.problems}


def test_term_end_before_start(world: World) -> None:
    with pytest.raises(ValidationError) as e:
        world.consents.create(world.draft(term_start=date(2026, 5, 1), term_end=date(2026, 4, 30)))
    assert fields_of(e) == {"term_end": "the term ends (2026-04-30) before it starts (2026-05-01)"}
    assert "term_end: the term ends (2026-04-30)" in str(e.value)


def test_minor_without_guardian_and_with_guardian(world: World) -> None:
    minor = world.roster.add(ArtistDraft("王子轩", date_of_birth=date(2012, 9, 15)))
    with pytest.raises(ValidationError) as e:
        world.consents.create(world.draft(artist_id=minor.id))
    assert "is a minor" in fields_of(e)["guardian"]
    with_guardian = world.roster.update(
        minor.id,
        ArtistDraft("王子轩", date_of_birth=date(2012, 9, 15), guardian="王丽（母亲）"),
        minor.version,
    )
    assert world.consents.create(world.draft(artist_id=with_guardian.id)).id


def test_deceased_without_estate_contact(world: World) -> None:
    late = world.roster.add(
        ArtistDraft("周慕白", date_of_birth=date(1931, 4, 18), deceased_on=date(2019, 8, 2))
    )
    with pytest.raises(ValidationError) as e:
        world.consents.create(world.draft(artist_id=late.id))
    assert "estate" in fields_of(e)["estate_contact"]


def test_project_must_belong_to_the_counterparty(world: World) -> None:
    with pytest.raises(ValidationError) as e:
        world.consents.create(world.draft(project_id=world.film.id))  # the studio's film
    assert fields_of(e)["project_id"] == (
        "the project belongs to 青禾影业 (Qinghe Pictures), not to 星幕视频 (Xingmu Video)"
    )
    with pytest.raises(ValidationError) as e:
        world.consents.create(world.draft(project_id=9999, counterparty_id=9998))
    assert set(fields_of(e)) == {"project_id", "counterparty_id"}


def test_every_problem_is_reported_at_once(world: World) -> None:
    with pytest.raises(ValidationError) as e:
        world.consents.create(
            world.draft(
                modalities=(),
                term_start=date(2026, 5, 1),
                term_end=date(2026, 1, 1),
                compensation_amount=Decimal("-5"),
                compensation_currency="",
                scan_session_at=datetime(2026, 5, 1, tzinfo=UTC),
                scan_notice_at=datetime(2026, 5, 2, tzinfo=UTC),
            )
        )
    assert set(fields_of(e)) == {
        "modalities",
        "term_end",
        "compensation_amount",
        "compensation_currency",
        "scan_notice_at",
    }


def test_currency_and_amount_shapes(world: World) -> None:
    with pytest.raises(ValidationError) as e:
        world.consents.create(
            world.draft(compensation_amount=Decimal("1.23456"), compensation_currency="yuan")
        )
    assert set(fields_of(e)) == {"compensation_amount", "compensation_currency"}
    ok = world.consents.create(
        world.draft(compensation_amount=Decimal("12000.50"), compensation_currency="cny")
    )
    assert ok.terms.compensation_currency == "CNY"


def test_validate_reports_without_saving_including_decision_needs(world: World) -> None:
    draft = world.draft(term_start=date(2026, 5, 1), term_end=date(2026, 4, 1))
    decision = ArtistDecision(DecisionOutcome.GIVEN, "", world.clock.now + timedelta(days=2))
    problems = {p.field for p in world.consents.validate(draft, decision)}
    assert problems == {"term_end", "decided_by", "decided_at", "evidence"}
    assert world.consents.records_for_artist(world.artist.id) == []
    assert world.consents.validate(world.draft()) == []
    ready = ArtistDecision(DecisionOutcome.GIVEN, "林晓", world.clock.now)
    assert [p.field for p in world.consents.validate(world.draft(), ready)] == ["evidence"]
    assert world.consents.validate(world.draft(), ready, staged_evidence=1) == []


def test_drafts_are_normalised(world: World) -> None:
    r = world.consents.create(
        world.draft(
            modalities=(Modality.VOICE, Modality.FACE_LIKENESS, Modality.VOICE),
            media=(" streaming ", "streaming", ""),
            territories=("cn", "hk"),
            specific_use_description="  narrator  ",
        )
    )
    assert r.terms.modalities == (Modality.FACE_LIKENESS, Modality.VOICE)
    assert r.terms.media == ("streaming",)
    assert r.terms.territories == ("CN", "HK")
    assert r.terms.specific_use_description == "narrator"


def test_projects_and_counterparties_validate_their_names(world: World) -> None:
    with pytest.raises(ValidationError) as e:
        world.parties.add_project(ProjectDraft(world.platform.id, "  "))
    assert fields_of(e) == {"title_native": "a name is required"}
