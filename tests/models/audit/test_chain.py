"""The audit chain catches any edited, deleted or reordered event and names the first one."""

from __future__ import annotations

import sqlite3

import pytest

from main import main
from models.audit.service import AuditService
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService


@pytest.fixture
def audited(db):
    roster = RosterService(db)
    a = roster.add(ArtistDraft("林晓"))
    roster.update(a.id, ArtistDraft("林晓", notes="x"), a.version)
    roster.add(ArtistDraft("Emma Hart"))
    roster.set_archived(a.id, True)
    assert AuditService(db).verify().count == 4
    return db


def raw(db, sql):
    con = sqlite3.connect(db.location.sqlite_path)
    con.execute(sql)
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("sql", "first_broken"),
    [
        ("UPDATE audit_event SET after = replace(after, 'Emma', 'Emily') WHERE id = 3", 3),
        ("UPDATE audit_event SET actor = 'someone else' WHERE id = 2", 2),
        ("DELETE FROM audit_event WHERE id = 2", 3),
        ("UPDATE audit_event SET id = id + 10 WHERE id = 1", 2),
    ],
)
def test_tampering_is_caught_at_the_first_broken_event(audited, sql, first_broken, capsys):
    raw(audited, sql)
    report = AuditService(audited).verify()
    assert not report.intact
    assert report.first_broken == first_broken
    assert main(["--db", str(audited.location.sqlite_path), "audit", "verify"]) == 1
    assert f"BROKEN at event {first_broken}" in capsys.readouterr().out


def test_intact_chain_verifies_with_its_count(audited, capsys):
    assert main(["--db", str(audited.location.sqlite_path), "audit", "verify"]) == 0
    assert "4 events" in capsys.readouterr().out


def test_a_rolled_back_write_leaves_no_event(audited):
    roster = RosterService(audited)
    with pytest.raises(Exception, match="a name is required"):
        roster.add_many([ArtistDraft("陈静怡"), ArtistDraft("")])
    assert AuditService(audited).count() == 4
