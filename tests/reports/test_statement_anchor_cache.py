"""Issuing a statement seals its entry in the anchor cache (models/audit/anchor_cache.py), so
the first `audit verify` after an export reads no PDF: the entry is the one verify itself
writes after reading the PDF, and a missing or tampered one is handled as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import models.audit.anchors as anchors_module
from models.audit.anchor_cache import CACHE_FILE, AnchorCache, file_digest
from models.audit.anchors import store_anchors_in
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from reports.statements.service import StatementRequest, StatementService
from tests.shared_identity import install, unlocked_identity

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def desk(db_path: Path) -> Database:
    db = Database.open(str(db_path), actor="tester")
    install(db)
    yield db
    db.close()


def _issue(db: Database, name: str, out: Path) -> Path:
    """Export one statement for a new artist; the stored copy's path."""
    out.mkdir(exist_ok=True)
    artist = RosterService(db).add(ArtistDraft(name))
    done = StatementService(db, unlocked_identity()).export(StatementRequest(artist.id), out)
    return done.statement.stored_path


def _entries(folder: Path) -> list[dict[str, object]]:
    return list(json.loads((folder / CACHE_FILE).read_text("utf-8"))["entries"])


def _anchors(folder: Path) -> list[tuple[int, str, str]]:
    return [
        (a.checkpoint.events, a.checkpoint.head, str(a.source))
        for a in store_anchors_in(folder.parent)
    ]


def _no_pdf_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: bytes) -> None:
        raise AssertionError("a PDF was read although its entry was sealed when issued")

    monkeypatch.setattr(anchors_module, "_embedded_record", refuse)


def test_an_export_leaves_the_entry_verify_would_write(desk, tmp_path, monkeypatch):
    stored = _issue(desk, "Lin Xiao", tmp_path / "out")
    folder = stored.parent
    (entry,) = _entries(folder)
    data = stored.read_bytes()
    assert entry["name"] == stored.name and entry["size"] == len(data)
    assert entry["sha256"] == file_digest(data)
    assert AnchorCache(folder).lookup(stored.name, len(data), file_digest(data)) is not None
    with monkeypatch.context() as m:
        _no_pdf_reads(m)
        (found,) = _anchors(folder)  # the first verify after the export reads no PDF
    assert stored.name in found[2]
    # byte for byte what verify writes after reading the PDF itself
    written_at_export = (folder / CACHE_FILE).read_bytes()
    (folder / CACHE_FILE).unlink()
    assert _anchors(folder) == [found]
    assert (folder / CACHE_FILE).read_bytes() == written_at_export


def test_each_export_adds_its_entry_and_keeps_the_others(desk, tmp_path, monkeypatch):
    first = _issue(desk, "Lin Xiao", tmp_path / "out")
    second = _issue(desk, "Ana Silva", tmp_path / "out")
    assert [e["name"] for e in _entries(first.parent)] == sorted([first.name, second.name])
    _no_pdf_reads(monkeypatch)
    assert len(_anchors(first.parent)) == 2


@pytest.mark.parametrize("damage", ["tampered", "deleted"])
def test_a_tampered_or_missing_entry_from_an_export_is_read_again(desk, tmp_path, damage):
    stored = _issue(desk, "Lin Xiao", tmp_path / "out")
    folder = stored.parent
    honest = _anchors(folder)
    if damage == "deleted":
        (folder / CACHE_FILE).unlink()
    else:
        data = json.loads((folder / CACHE_FILE).read_text("utf-8"))
        data["entries"][0]["checkpoint"]["events"] = 1  # not resealed
        (folder / CACHE_FILE).write_text(json.dumps(data), "utf-8")
    assert _anchors(folder) == honest  # the PDF is read; its own checkpoint counts
    assert _entries(folder)[0]["checkpoint"]["events"] == honest[0][0]


def test_an_export_whose_cache_cannot_be_written_still_issues(desk, tmp_path):
    folder = desk.location.files_dir / "statements"
    (folder / CACHE_FILE).mkdir(parents=True)  # no file can be written in its place
    stored = _issue(desk, "Lin Xiao", tmp_path / "out")
    assert stored.is_file() and stored.parent == folder
    assert [p.name for p in folder.iterdir() if p.name.endswith(".part")] == []
    assert len(_anchors(folder)) == 1  # read from the PDF, as before
