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


def _forge(archive: Path, tmp_path: Path) -> None:
    """Change the database inside a backup and recompute the manifest's hashes."""
    import hashlib
    import json
    import sqlite3

    with zipfile.ZipFile(archive) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    edit = tmp_path / "edit.sqlite3"
    edit.write_bytes(members["database.sqlite3"])
    con = sqlite3.connect(edit)
    con.execute("UPDATE artist SET notes = 'forged' WHERE id = 2")
    con.commit()
    con.close()
    members["database.sqlite3"] = edit.read_bytes()
    manifest = json.loads(members["manifest.json"])
    for m in manifest["members"]:
        m["sha256"] = hashlib.sha256(members[m["name"]]).hexdigest()
        m["size"] = len(members[m["name"]])
    members["manifest.json"] = json.dumps(manifest).encode()
    archive.unlink()
    with zipfile.ZipFile(archive, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)


@pytest.mark.parametrize("go_on", [False, True])
def test_a_backup_that_does_not_verify_is_restored_only_after_a_clear_warning(
    qtbot: QtBot, window: MainWindow, demo_db: Database, tmp_path: Path, monkeypatch, go_on
):
    archive = tmp_path / "forged.zip"
    window.safety.backup_to(archive)
    wait_for_tasks(qtbot)
    _forge(archive, tmp_path)
    RosterService(demo_db).add(ArtistDraft("新人乙"))
    warned: list[tuple[str, ...]] = []

    def confirm(_archive: Path, problems: tuple[str, ...]) -> bool:
        warned.append(problems)
        return go_on

    restarted: list[bool] = []
    monkeypatch.setattr(window.safety, "confirm_broken", confirm)
    monkeypatch.setattr(window.safety, "restart", lambda: restarted.append(True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    window.safety.restore_from(archive, confirm=False)
    wait_for_tasks(qtbot)
    assert warned and "changed after the backup was made" in warned[0][0]
    again = Database.open(str(demo_db.location.sqlite_path))
    try:
        kept = RosterService(again).search_ids("新人乙")
        if go_on:
            assert restarted == [True] and kept == []
            from models.audit.service import AuditService

            assert AuditService(again).events(limit=1)[0].action == "restore-accepted-broken"
        else:
            assert restarted == [] and len(kept) == 1  # nothing changed
    finally:
        again.close()


def test_the_warning_names_the_backup_and_defaults_to_cancel(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch
):
    seen: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append(box)
        box.grab().save(str(tmp_path / "warning.png"))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert window.safety.confirm_broken(Path("desk.zip"), ("its audit trail is broken",)) is False
    box = seen[0]
    assert "desk.zip" in box.text() and "audit trail" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert "its audit trail is broken" in box.detailedText()
