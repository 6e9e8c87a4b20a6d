"""Desks as separate processes, saving at the same time (used by the concurrency tests).

A module of its own, light to import, so that the processes start quickly: they are forked
from a fork server that has imported this module (and warmed the name tables) once.
"""

from __future__ import annotations

import multiprocessing
import random
import time
from dataclasses import dataclass
from typing import Any

from models.errors import ConflictError
from models.names import search_text
from models.roster.artist import Artist, ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database

search_text("艺人", "Yi Ren", ())  # load the pinyin tables before forking, not in every desk


@dataclass(frozen=True)
class DeskResult:
    desk: int
    saved: list[tuple[int, str]]  # (artist id, the note it saved), in order
    conflicts: int
    errors: list[str]
    seconds: float


def _draft(a: Artist, notes: str) -> ArtistDraft:
    return ArtistDraft(a.native_name, a.romanized_name, jurisdiction=a.jurisdiction, notes=notes)


def desk(url: str, number: int, ids: list[int], edits: int, start: Any, out: Any) -> None:
    """One desk: load an artist, think for a moment, save a note with the version it loaded."""
    saved: list[tuple[int, str]] = []
    conflicts = 0
    errors: list[str] = []
    began = time.perf_counter()
    try:
        db = Database.open(url, actor=f"desk-{number}")
        roster = RosterService(db)
        rng = random.Random(number)
        start.wait()
        began = time.perf_counter()
        try:
            for k in range(edits):
                artist_id = rng.choice(ids)
                try:
                    seen = roster.get(artist_id)
                    if rng.random() < 0.5:
                        time.sleep(rng.random() / 1000)  # a person between Load and Save
                    note = f"desk {number} edit {k}"
                    roster.update(artist_id, _draft(seen, note), seen.version)
                    saved.append((artist_id, note))
                except ConflictError:
                    conflicts += 1
        finally:
            db.close()
    except Exception as e:  # anything but a conflict is a bug the test reports
        errors.append(f"{type(e).__name__}: {e}")
    out.put(DeskResult(number, saved, conflicts, errors, time.perf_counter() - began))


def run_desks(url: str, desks: int, edits: int, ids: list[int]) -> list[DeskResult]:
    """Start `desks` processes, let them all go at once, and collect what each did."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    start = ctx.Event()
    out = ctx.Queue()
    procs = [
        ctx.Process(target=desk, args=(url, n, ids, edits, start, out), daemon=True)
        for n in range(desks)
    ]
    for p in procs:
        p.start()
    start.set()
    results = [out.get(timeout=600) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    return sorted(results, key=lambda r: r.desk)


def seed(url: str, n: int) -> list[int]:
    """`n` artists for the desks to fight over."""
    db = Database.open(url, actor="seed")
    try:
        added = RosterService(db).add_many(
            [ArtistDraft(f"艺人{i}", jurisdiction="CN") for i in range(n)]
        )
        return [a.id for a in added]
    finally:
        db.close()
