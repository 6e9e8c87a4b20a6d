"""Driving the passphrase prompt and finding demo artists, for the statement and leak tests."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from models.roster.service import RosterService
from models.storage.database import Database
from tests.shared_identity import PASSPHRASE
from ui.statements.unlock import PassphraseDialog


def artist_id(db: Database, native_name: str) -> int:
    found = [a for a in RosterService(db).search(native_name) if a.native_name == native_name]
    assert found, native_name
    return found[0].id


def enter_passphrase(qtbot: QtBot, dialog: QWidget | None, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase into the prompt and wait until it unlocked (and closed)."""
    assert isinstance(dialog, PassphraseDialog), dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.edit.setText(passphrase)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: gone(dialog), timeout=10_000)


def gone(widget: QWidget) -> bool:
    """Closed (and perhaps deleted, for dialogs that delete themselves on close)."""
    return not isValid(widget) or not widget.isVisible()
