"""Backups, restore and the stored-file check from the window."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from models.storage.files import path_for, store_bytes
from tests.ui.helpers import wait_for_tasks
from ui.main_window import MainWindow


def test_backup_menu_writes_a_verified_archive(qtbot: QtBot, window: MainWindow, tmp_path: Path):
    target = tmp_path / "night.zip"
    assert window.safety.backup_action in window.file_menu.actions()
    window.safety.backup_to(target)
    wait_for_tasks(qtbot)
    with zipfile.ZipFile(target) as z:
        assert "manifest.json" in z.namelist()
    assert str(target) in window.statusBar().currentMessage()


def test_restore_brings_back_the_backed_up_roster_and_restarts(
    qtbot: QtBot, window: MainWindow, demo_db: Database, tmp_path: Path, monkeypatch
):
    archive = tmp_path / "before.zip"
    window.safety.backup_to(archive)
    wait_for_tasks(qtbot)
    RosterService(demo_db).add(ArtistDraft("新人甲"))
    restarted: list[bool] = []
    monkeypatch.setattr(window.safety, "restart", lambda: restarted.append(True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    window.safety.restore_from(archive, confirm=False)
    wait_for_tasks(qtbot)
    assert restarted == [True]
    again = Database.open(str(demo_db.location.sqlite_path))
    try:
        assert RosterService(again).search_ids("新人甲") == []
        assert RosterService(again).counts().active == 30
    finally:
        again.close()


def test_a_damaged_archive_is_refused_and_nothing_changes(
    qtbot: QtBot, window: MainWindow, demo_db: Database, tmp_path: Path, monkeypatch
):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 this is not a backup")
    shown: list[str] = []
    monkeypatch.setattr("ui.tasks.show_error", lambda parent, e: shown.append(str(e)))
    window.safety.restore_from(bad, confirm=False)
    wait_for_tasks(qtbot)
    assert shown and "bad.zip" in shown[0]
    assert RosterService(demo_db).counts().active == 30


def test_a_damaged_stored_file_is_reported_in_the_audit_view(
    qtbot: QtBot, window: MainWindow, demo_db: Database
):
    sha = store_bytes(demo_db, b"signed agreement", "agreement.pdf")
    path_for(demo_db, sha).write_bytes(b"tampered")
    with qtbot.waitSignal(window.safety.files_checked, timeout=10_000) as blocker:
        window.safety.check_files()
    assert [p.sha256 for p in blocker.args[0]] == [sha]
    window.audit_view.show_integrity()
    assert not window.audit_view.integrity_label.isHidden()
    assert "agreement.pdf" in window.audit_view.integrity_label.text()


@pytest.fixture(autouse=True)
def _close_boxes():
    yield
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox):
            w.close()
