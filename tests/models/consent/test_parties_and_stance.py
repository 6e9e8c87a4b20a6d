"""Counterparties and projects (audited, archived not deleted) and the versioned AI stance."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models.audit.service import AuditService
from models.consent.stance import StanceService
from models.consent.values import CounterpartyDraft, CounterpartyKind, ProjectDraft, ProjectType
from models.errors import NotFoundError, ValidationError
from models.roster.artist import ArtistDraft, Stance
from models.roster.service import RosterService
from models.storage.database import Database
from tests.models.consent.conftest import World


def test_counterparty_names_in_both_scripts_and_search(world: World) -> None:
    assert world.platform.display_name == "星幕视频 (Xingmu Video)"
    auto = world.parties.add_counterparty(CounterpartyDraft("云梯互动"))
    assert auto.romanized_name == "Yun Tihudong"  # filled from pinyin when left empty
    assert [c.id for c in world.parties.counterparties("xingmu")] == [world.platform.id]
    assert [c.id for c in world.parties.counterparties("青禾")] == [world.studio.id]
    assert [c.id for c in world.parties.counterparties(kind=CounterpartyKind.PLATFORM)] == [
        world.platform.id
    ]


def test_projects_belong_to_their_counterparty_and_archive_instead_of_delete(
    world: World,
) -> None:
    game = world.parties.add_project(
        ProjectDraft(world.studio.id, "山海", "Shanhai", ProjectType.GAME)
    )
    assert [p.id for p in world.parties.projects(world.studio.id)] == [world.film.id, game.id]
    with pytest.raises(ValidationError, match="cannot move to another counterparty"):
        world.parties.update_project(
            game.id, ProjectDraft(world.platform.id, "山海"), game.row_version
        )
    archived = world.parties.set_project_archived(game.id, True, game.row_version)
    assert archived.archived
    assert game.id not in [p.id for p in world.parties.projects(world.studio.id)]
    assert game.id in [p.id for p in world.parties.projects(world.studio.id, True)]
    with pytest.raises(NotFoundError):
        world.parties.get_project(9999)
    cp = world.parties.set_counterparty_archived(world.studio.id, True)
    with pytest.raises(ValidationError, match="archived"):
        world.parties.add_project(ProjectDraft(cp.id, "新片"))
    actions = [e.action for e in AuditService(world.db).events(limit=3)]
    assert actions == ["archive", "archive", "create"]


def test_stance_entries_are_history_and_keep_the_roster_current(world: World) -> None:
    t0 = world.clock.now
    first = world.stances.record(world.artist.id, Stance.OPEN_TO_DISCUSS)
    assert world.roster.get(world.artist.id).ai_stance == Stance.OPEN_TO_DISCUSS
    # learned today that she had declined a month ago: history, but not the current stance
    world.stances.record(world.artist.id, Stance.DECLINED, effective_at=t0 - timedelta(days=30))
    assert world.roster.get(world.artist.id).ai_stance == Stance.OPEN_TO_DISCUSS
    history = world.stances.history(world.artist.id)
    assert [e.stance for e in history] == [Stance.DECLINED, Stance.OPEN_TO_DISCUSS]
    assert world.stances.current(world.artist.id) == first
    assert first.recorded_by == "tester"


def test_stance_needs_conditions_when_opting_in_and_no_future_date(world: World) -> None:
    with pytest.raises(ValidationError) as e:
        world.stances.record(
            world.artist.id,
            Stance.OPTED_IN_WITH_CONDITIONS,
            effective_at=world.clock.now + timedelta(days=2),
        )
    assert {p.field for p in e.value.problems} == {"conditions", "effective_at"}
    assert world.stances.history(world.artist.id) == []


def test_roster_writes_stance_history_when_a_stance_is_set_or_changes(db: Database) -> None:
    roster = RosterService(db)
    stances = StanceService(db)
    quiet = roster.add(ArtistDraft("许文博"))
    assert stances.history(quiet.id) == []  # not asked: nothing to record yet
    a, b = roster.add_many(
        [
            ArtistDraft("林晓", ai_stance=Stance.OPEN_TO_DISCUSS),
            ArtistDraft("马骁", ai_stance=Stance.DECLINED),
        ]
    )
    assert [e.stance for e in stances.history(a.id)] == [Stance.OPEN_TO_DISCUSS]
    a = roster.update(a.id, ArtistDraft("林晓", ai_stance=Stance.DECLINED), a.version)
    a = roster.update(
        a.id, ArtistDraft("林晓", notes="same stance", ai_stance=Stance.DECLINED), a.version
    )
    b = roster.set_stance(b.id, Stance.OPEN_TO_DISCUSS)
    assert [e.stance for e in stances.history(a.id)] == [Stance.OPEN_TO_DISCUSS, Stance.DECLINED]
    assert [e.stance for e in stances.history(b.id)] == [Stance.DECLINED, Stance.OPEN_TO_DISCUSS]
    assert AuditService(db).verify().intact
