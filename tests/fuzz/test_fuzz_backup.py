"""Fuzz restore: any archive is either proven intact or refused with a BackupError.

Whatever the archive, a refused restore leaves the target folder exactly as it was and
nothing is ever written outside it.
"""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from models.safety.backup import check_backup, create_backup
from models.safety.restore import restore_backup
from models.storage.archive import BackupError
from tests.fuzz.profiles import flip, fuzz_settings, scratch
from tests.models.storage.archives import entry, tree


@cache
def seed_archive() -> bytes:
    """A real backup of a small database with two stored files (made once per run)."""
    from models.roster.artist import ArtistDraft
    from models.roster.service import RosterService
    from models.storage import files
    from models.storage.database import Database

    with scratch() as d:
        db = Database.open(str(d / "seed.sqlite3"), actor="fuzz")
        RosterService(db).add(ArtistDraft("林晓"))
        files.store_bytes(db, b"evidence one", "one.pdf")
        files.store_bytes(db, b"evidence two" * 50, "two.pdf")
        path = create_backup(db, d / "seed.zip").path
        db.close()
        return path.read_bytes()


def _check_only_backup_errors(data: bytes) -> None:
    with scratch() as d:
        archive = d / "b.zip"
        archive.write_bytes(data)
        try:
            check_backup(archive)
        except BackupError as e:
            assert "\n" not in e.message


def _restore_touches_nothing_on_refusal(data: bytes) -> None:
    with scratch() as d:
        archive = d / "in" / "b.zip"
        archive.parent.mkdir()
        archive.write_bytes(data)
        target_dir = d / "desk"
        target_dir.mkdir()
        (target_dir / "desk.sqlite3").write_bytes(b"")  # an empty file is a new database
        (target_dir / "desk-files").mkdir()
        (target_dir / "desk-files" / "keep.txt").write_text("mine")
        before = tree(d)
        try:
            restore_backup(archive, str(target_dir / "desk.sqlite3"))
        except BackupError:
            assert tree(d) == before
        else:  # restored: the old database and files are kept aside, never lost
            kept = [p for p in target_dir.iterdir() if "before-restore" in p.name]
            assert any((p / "keep.txt").exists() for p in kept if p.is_dir())
        assert sorted(p.name for p in d.iterdir()) == ["desk", "in"]


@fuzz_settings()
@given(data=st.binary(max_size=4000))
def test_any_bytes_as_a_backup(data: bytes) -> None:
    _check_only_backup_errors(data)


@fuzz_settings()
@given(
    positions=st.lists(st.integers(min_value=0), min_size=1, max_size=6),
    values=st.lists(st.integers(min_value=0, max_value=255), min_size=1, max_size=6),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=40_000)),
)
def test_damaged_real_backup(positions: list[int], values: list[int], cut: int | None) -> None:
    data = flip(seed_archive(), positions, values)
    data = data[:cut] if cut is not None else data
    _check_only_backup_errors(data)
    _restore_touches_nothing_on_refusal(data)


NAMES = st.one_of(
    st.sampled_from(
        [
            "database.sqlite3",
            "manifest.json",
            "files/ab/x",
            "files/../x",
            "../x",
            "/abs",
            "C:/x",
            "files//x",
            "files/./x",
            "files\\x",
            "files/",
            "other",
            "files/ab/x/",
            "files/a\x00b",
            "database.sqlite3/",
        ]
    ),
    st.text(max_size=20),
)
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def crafted_archives(draw: st.DrawFn) -> bytes:
    """Zips with hostile names and manifests that are sometimes truthful about them."""
    members = draw(st.dictionaries(NAMES, st.binary(max_size=200), max_size=5))
    if draw(st.booleans()):
        members["database.sqlite3"] = draw(
            st.sampled_from([b"SQLite format 3\x00" + b"\x00" * 84, b"", b"not sqlite"])
        )
    truthful = [entry(n, d) for n, d in members.items() if n != "manifest.json"]
    manifest = draw(
        st.one_of(
            st.just(
                {
                    "format": "consent-desk-backup",
                    "format_version": 1,
                    "schema": ["0001_foundation"],
                    "members": truthful,
                }
            ),
            st.fixed_dictionaries(
                {
                    "format": st.sampled_from(["consent-desk-backup", "x"]),
                    "format_version": st.one_of(st.integers(-1, 3), JSONISH),
                    "schema": st.one_of(
                        st.lists(st.sampled_from(["0001_foundation", "9_x"])), JSONISH
                    ),
                    "members": st.one_of(st.just(truthful), JSONISH),
                }
            ),
            JSONISH,
        )
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            if name != "manifest.json":
                # names zipfile itself refuses to write are simply left out
                with contextlib.suppress(ValueError, UnicodeEncodeError, IndexError):
                    zf.writestr(name, data)
        if draw(st.booleans()) or "manifest.json" not in members:
            zf.writestr("manifest.json", json.dumps(manifest))
    return buf.getvalue()


@fuzz_settings()
@given(data=crafted_archives())
def test_crafted_archives(data: bytes) -> None:
    _check_only_backup_errors(data)
    _restore_touches_nothing_on_refusal(data)


def test_the_seed_archive_itself_is_accepted() -> None:
    """Guards the fuzzers above: a mutation-free seed must restore."""
    with scratch() as d:
        archive = Path(d) / "seed.zip"
        archive.write_bytes(seed_archive())
        assert check_backup(archive).counts["artist"] == 1
