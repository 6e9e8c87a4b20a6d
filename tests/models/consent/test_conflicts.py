"""Two desks, one record: the second save is refused with who and when; nothing is lost."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models.consent.service import ConsentService
from models.consent.values import CounterpartyDraft, ProjectDraft
from models.errors import ConflictError
from models.roster.artist import Stance
from models.storage.database import Database
from tests.models.consent.conftest import World


def test_second_edit_from_a_stale_copy_is_refused(world: World, db_path: object) -> None:
    other_desk = Database.open(str(db_path), actor="another desk")
    try:
        mine = world.consents.create(world.draft())
        theirs = ConsentService(other_desk, world.clock).get(mine.id)
        world.clock.advance(minutes=5)
        ConsentService(other_desk, world.clock).edit(
            theirs.id, world.draft(notes="theirs"), theirs.row_version
        )
        with pytest.raises(ConflictError) as e:
            world.consents.edit(mine.id, world.draft(notes="mine"), mine.row_version)
        assert "changed by another desk at 2026-03-01 02:05:00 UTC" in e.value.message
        assert "reload" in e.value.message.lower()
        assert world.consents.get(mine.id).terms.notes == "theirs"
    finally:
        other_desk.close()


def test_every_lifecycle_write_checks_the_version(world: World) -> None:
    r = world.given()
    stale = r.row_version - 1
    with pytest.raises(ConflictError):
        world.consents.revoke(r.id, "x", world.clock.now, stale)
    with pytest.raises(ConflictError):
        world.consents.amend(r.id, {"media": ("tv",)}, stale)
    p = world.consents.create(world.draft())
    with pytest.raises(ConflictError):
        world.consents.send_to_artist(p.id, p.row_version + 1)
    with pytest.raises(ConflictError):
        world.consents.record_decision(p.id, world.decision(), p.row_version + 1)


def test_counterparty_project_and_stance_saves_check_versions(world: World) -> None:
    cp = world.platform
    world.parties.update_counterparty(cp.id, CounterpartyDraft("星幕", "Xingmu"), cp.row_version)
    with pytest.raises(ConflictError):
        world.parties.update_counterparty(cp.id, CounterpartyDraft("X"), cp.row_version)
    p = world.series
    world.parties.update_project(p.id, ProjectDraft(p.counterparty_id, "长夜"), p.row_version)
    with pytest.raises(ConflictError):
        world.parties.update_project(p.id, ProjectDraft(p.counterparty_id, "夜"), p.row_version)
    a = world.roster.get(world.artist.id)
    world.stances.record(a.id, Stance.DECLINED, expected_version=a.version)
    with pytest.raises(ConflictError):
        world.stances.record(
            a.id,
            Stance.OPEN_TO_DISCUSS,
            effective_at=world.clock.now - timedelta(days=1),
            expected_version=a.version,
        )
