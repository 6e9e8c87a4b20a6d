"""The Desk facade: one set of services per database, built on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from models.consent.service import ConsentService
from models.desk import Desk
from models.roster.artist import ArtistDraft, Stance
from models.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]


def test_services_are_built_once_on_the_desks_database(db: Database) -> None:
    desk = Desk(db)
    assert desk.consent is desk.consent
    assert isinstance(desk.consent, ConsentService) and desk.consent.db is db
    assert desk.proposals.db is db and desk.proposals.scripts.db is db
    assert desk.actor == db.actor


def test_a_desk_transaction_spans_services(db: Database) -> None:
    desk = Desk(db)
    with pytest.raises(RuntimeError), desk.transaction():
        artist = desk.roster.add(ArtistDraft("林晓", jurisdiction="CN"))
        desk.stance.record(artist.id, Stance.OPTED_IN_WITH_CONDITIONS, "voice only")
        raise RuntimeError("the third step failed")
    assert desk.roster.is_empty()
    assert desk.audit.count() == 0
    with desk.transaction():
        artist = desk.roster.add(ArtistDraft("林晓", jurisdiction="CN"))
        desk.stance.record(artist.id, Stance.OPTED_IN_WITH_CONDITIONS, "voice only")
    current = desk.stance.current(artist.id)
    assert current is not None and current.stance is Stance.OPTED_IN_WITH_CONDITIONS


def test_importing_the_desk_imports_no_feature_service() -> None:
    code = (
        "import sys, models.desk\n"
        "loaded = [m for m in sys.modules if m.endswith('.service') or 'proposals' in m]\n"
        "print(','.join(loaded))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
