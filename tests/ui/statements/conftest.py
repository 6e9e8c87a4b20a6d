"""Statement screen fixtures: the main window on the demo agency with a signing identity."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from models.clock import utc_now
from models.consent.service import ConsentService
from models.consent.words import ConsentStatus
from models.storage.database import Database
from tests.shared_identity import install, unlocked_identity
from tests.ui.helpers import close_error_boxes, wait_for_tasks
from ui.main_window import MainWindow


@pytest.fixture
def signing_db(demo_db: Database) -> Database:
    install(demo_db)
    return demo_db


@pytest.fixture
def signing_window(window: MainWindow, signing_db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    yield window
    wait_for_tasks(qtbot)
    close_error_boxes()


@pytest.fixture(scope="session")
def identity():
    return unlocked_identity()


def revoke_first_given(db: Database, artist_id: int) -> None:
    """The artist withdraws a consent: statements issued before are now out of date."""
    consents = ConsentService(db)
    given = [r for r in consents.records_for_artist(artist_id) if r.status is ConsentStatus.GIVEN]
    assert given, artist_id
    consents.revoke(
        given[0].id,
        "The artist changed her mind",
        utc_now() - timedelta(seconds=1),
        given[0].row_version,
    )
