"""Daily automatic backups: one a day, the newest N kept, nothing else in the folder touched."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from models.audit.service import AuditService
from models.errors import ValidationError
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.safety.backup import (
    DEFAULT_KEEP,
    backup_keep,
    check_backup,
    daily_backups,
    default_backup_folder,
    rolling_backup,
    set_backup_keep,
)
from models.storage.database import Database, data_dir


@pytest.mark.sqlite_only  # backups are of the SQLite file
def test_first_start_of_the_day_makes_one_backup_and_later_starts_do_not(db: Database) -> None:
    RosterService(db).add(ArtistDraft("林晓"))
    day = date(2026, 4, 3)
    made = rolling_backup(db, on=day)
    assert made is not None and made.parent == data_dir() / "backups" == default_backup_folder()
    assert made.name == "desk-2026-04-03.zip"
    assert check_backup(made).counts["artist"] == 1
    assert rolling_backup(db, on=day) is None
    assert [p for _d, p in daily_backups(made.parent, "desk")] == [made]


@pytest.mark.sqlite_only  # backups are of the SQLite file
def test_only_the_newest_n_of_our_own_backups_are_kept(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    unrelated = [folder / "notes.txt", folder / "other-2020-01-01.zip", folder / "desk-x.zip"]
    for p in unrelated:
        p.write_text("keep me")
    start = date(2026, 1, 1)
    for i in range(6):
        rolling_backup(db, folder=folder, keep=3, on=start + timedelta(days=i))
    kept = [d for d, _p in daily_backups(folder, "desk")]
    assert kept == [start + timedelta(days=i) for i in (3, 4, 5)]
    assert all(p.read_text() == "keep me" for p in unrelated)


def test_keep_is_a_setting_with_a_default_of_14(db: Database) -> None:
    assert backup_keep(db) == DEFAULT_KEEP == 14
    set_backup_keep(db, 2)
    assert backup_keep(db) == 2
    [event] = AuditService(db).events(entity="setting")
    assert event.after == {"value": 2}
    with pytest.raises(ValidationError):
        set_backup_keep(db, 0)
    assert backup_keep(db) == 2


@pytest.mark.sqlite_only  # backups are of the SQLite file
def test_rolling_backups_follow_the_keep_setting(db: Database, tmp_path: Path) -> None:
    set_backup_keep(db, 2)
    folder = tmp_path / "b"
    for i in range(4):
        rolling_backup(db, folder=folder, on=date(2026, 5, 1) + timedelta(days=i))
    assert len(daily_backups(folder, "desk")) == 2


def test_postgresql_databases_are_left_to_pg_dump(db: Database) -> None:
    from models.storage.database import Location

    if db.location.sqlite_path is not None:  # the SQLite variant pretends to be a server
        db.location = Location("postgresql://x/y", None, db.location.files_dir)
    assert rolling_backup(db) is None
    assert not default_backup_folder().exists()
