"""Who is at the desk: asked at the first start, kept in the settings, used as the operator."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from models.audit.service import AuditService
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from ui.desk_user import DeskUserDialog
from ui.main_window import OFFER_DEMO_ENV, MainWindow
from ui.preferences import PreferencesDialog, open_preferences
from ui.settings import DESK_USER, Settings


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)])
def test_the_first_start_asks_who_is_at_the_desk_and_records_it(
    qtbot: QtBot,
    db: Database,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    monkeypatch.delenv("CONSENT_DESK_USER", raising=False)
    monkeypatch.setenv(OFFER_DEMO_ENV, "0")
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    assert window.should_ask_desk_user()
    window.first_start()
    dialog = window.findChild(DeskUserDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # a name is required
    dialog.name_edit.setText("  Mei   Chen ")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert settings.get(DESK_USER) == "Mei Chen" and db.actor == "Mei Chen"
    assert not window.should_ask_desk_user()
    RosterService(db).add(ArtistDraft("林晓"))
    assert AuditService(db).events(limit=1)[0].actor == "Mei Chen"


def test_the_environment_name_is_enough_for_the_command_line_and_tests(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.desk_user import needs_desk_user

    monkeypatch.setenv("CONSENT_DESK_USER", "ci")
    assert not needs_desk_user(settings)
    monkeypatch.delenv("CONSENT_DESK_USER")
    assert needs_desk_user(settings)
    settings.set(DESK_USER, "Mei")
    assert not needs_desk_user(settings)


def test_preferences_change_the_desk_user(
    qtbot: QtBot, window: MainWindow, settings: Settings
) -> None:
    dialog = open_preferences(window)
    assert isinstance(dialog, PreferencesDialog)
    dialog.desk_user_edit.setText("Li Wei")
    dialog.accept()
    QApplication.processEvents()
    assert settings.get(DESK_USER) == "Li Wei" and window.db.actor == "Li Wei"


def test_the_empty_roster_offers_restore_beside_import_and_demo(
    qtbot: QtBot, db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(OFFER_DEMO_ENV, "0")
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    label = window.roster_view.empty_label
    assert label.isVisible()
    text = label.text()
    for words in ("No artists yet", "Import roster", "Restore a backup", "Load demo roster"):
        assert words in text
    asked: list[bool] = []
    monkeypatch.setattr(window.safety, "ask_restore", lambda: asked.append(True))
    label.linkActivated.emit("restore")
    assert asked == [True]
