"""Crash trials: a writer process doing real service calls is killed with SIGKILL at random.

The writer appends one acknowledgement line per write to a side file, and only *after* the
service call returned (so the transaction committed). After each kill the parent reopens
the database and checks that:

- `PRAGMA integrity_check` is `ok`;
- the audit chain verifies;
- every acknowledged write is there: an audit event for it with the acknowledged values,
  and its stored file (evidence, statement PDF) on disk with the right hash;
- nothing is half-written: each artist row equals the `after` of its latest audit event,
  every registered stored file is whole, every backup archive under its final name verifies.

Write families: the roster and stored files always; consent records (signed records, new
versions, decisions) and statement registration when those modules exist. A family whose
set-up fails against the current API is skipped and reported, never silently counted.

Run directly for the stress target:  python -m tests.models.storage.crash_harness -n 100
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
Ack = dict[str, Any]


# -- the parent: kill, reopen, check ---------------------------------------------------------


@dataclass
class Report:
    trials: int = 0
    acked: Counter[str] = field(default_factory=Counter)
    lost: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: Counter[str] = field(default_factory=Counter)
    families: set[str] = field(default_factory=set)
    killed_mid_write: int = 0
    seconds: float = 0.0

    @property
    def writes(self) -> int:
        return sum(self.acked.values())

    def summary(self) -> str:
        fams = ", ".join(f"{k} {v}" for k, v in sorted(self.acked.items()))
        notes = "; ".join(f"{k} ×{v}" for k, v in sorted(self.notes.items()))
        return (
            f"{self.trials} crash trials ({self.killed_mid_write} killed during a service "
            f"call), {self.writes} acknowledged writes ({fams}), "
            f"{len(self.lost)} lost, {len(self.problems)} other problems, "
            f"{self.seconds:.1f} s" + (f"; notes: {notes}" if notes else "")
        )


def read_acks(path: Path) -> list[Ack]:
    if not path.exists():
        return []
    out = []
    for line in path.read_bytes().split(b"\n"):
        if line.strip():
            out.append(json.loads(line))
    return out


def _subset(expect: dict[str, Any], after: dict[str, Any] | None) -> bool:
    return after is not None and all(after.get(k) == v for k, v in expect.items())


def check_database(workdir: Path, acks: list[Ack], report: Report) -> None:
    """Reopen after a kill and check everything the module docstring promises."""
    from sqlalchemy import select, text

    from models.audit.service import AuditService
    from models.safety.backup import check_backup
    from models.safety.integrity import check_stored_files
    from models.storage.database import Database
    from models.storage.files import hash_file
    from models.storage.schema import ArtistRow, AuditEventRow

    db = Database.open(str(workdir / "desk.sqlite3"), actor="crash-checker")
    try:
        with db.engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        if rows != ["ok"]:
            report.problems.append(f"integrity_check: {rows[:3]}")
        chain = AuditService(db).verify()
        if not chain.intact:
            report.problems.append(f"audit chain broken at {chain.first_broken}: {chain.reason}")
        events: dict[tuple[str, str], list[dict[str, Any] | None]] = {}
        with db.read() as s:
            for entity, entity_id, after in s.execute(
                select(AuditEventRow.entity, AuditEventRow.entity_id, AuditEventRow.after).order_by(
                    AuditEventRow.id
                )
            ):
                events.setdefault((entity, entity_id), []).append(
                    json.loads(after) if after else None
                )
            from models.roster.service import snapshot

            for row in s.scalars(select(ArtistRow)):
                history = events.get(("artist", str(row.id)))
                if not history or history[-1] != snapshot(row):
                    report.problems.append(f"artist {row.id} differs from its last audit event")
        for ack in acks:
            key = f"{ack['family']}:{ack['entity']}:{ack['entity_id']}"
            if ack["entity"] == "backup":
                try:
                    check_backup(workdir / "backups" / ack["entity_id"])
                except Exception as e:
                    report.lost.append(f"{key} backup does not verify: {e}")
                continue
            history = events.get((ack["entity"], ack["entity_id"]), [])
            if not any(_subset(ack["expect"], after) for after in history):
                report.lost.append(f"{key} {ack['expect']}")
                continue
            if "file" in ack:
                path = db.location.files_dir / ack["file"]
                try:
                    found, _ = hash_file(path)
                except OSError:
                    found = "missing"
                if found != ack["sha256"]:
                    report.lost.append(f"{key} file {ack['file']} is {found}")
        damaged = check_stored_files(db)
        report.problems += [f"stored file: {p.message}" for p in damaged]
        for archive in sorted((workdir / "backups").glob("*.zip")):
            try:
                check_backup(archive)
            except Exception as e:
                report.problems.append(f"half-written backup under its final name: {e}")
    finally:
        db.close()


def _wait_ready(ack_path: Path, proc: subprocess.Popen[bytes], timeout: float) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for a in read_acks(ack_path)[::-1]:
            if a.get("note") == "ready":
                return list(a["families"])
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"the writer died before it was ready:\n{err}")
        time.sleep(0.02)
    raise RuntimeError("the writer did not get ready in time")


def run_trials(
    n: int,
    workdir: Path,
    seed: int | None = None,
    max_run: float = 0.6,
    log: Callable[[str], None] | None = None,
) -> Report:
    """Run `n` kill-and-check trials against one database that lives through all of them."""
    seed = seed if seed is not None else secrets.randbits(32)
    rng = random.Random(seed)
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "backups").mkdir(exist_ok=True)
    db_path = workdir / "desk.sqlite3"
    report = Report()
    start = time.monotonic()
    env = {**os.environ, "PYTHONPATH": str(REPO), "CONSENT_DESK_USER": "crash-writer"}
    for trial in range(n):
        ack_path = workdir / f"acks-{trial:04d}.jsonl"
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.models.storage.crash_harness",
                "--writer",
                str(db_path),
                str(ack_path),
                str(rng.getrandbits(32)),
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            report.families.update(_wait_ready(ack_path, proc, 60))
            time.sleep(rng.uniform(0.0, max_run))
            if proc.poll() is not None:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"the writer stopped on its own:\n{err}")
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
            if proc.stderr:
                proc.stderr.close()
        acks_now = read_acks(ack_path)
        writes = [a for a in acks_now if "entity" in a]
        if acks_now and "intent" in acks_now[-1]:
            report.killed_mid_write += 1
        for a in acks_now:
            if "note" in a and a["note"] != "ready":
                report.notes[f"{a['family']} {a['note']}: {a.get('reason', '')[:120]}"] += 1
        for a in writes:
            report.acked[a["family"]] += 1
        all_acks = [a for p in sorted(workdir.glob("acks-*.jsonl")) for a in read_acks(p)]
        check_database(workdir, [a for a in all_acks if "entity" in a], report)
        report.trials += 1
        if log is not None:
            log(f"trial {trial + 1}/{n}: {len(writes)} writes acknowledged; {report.summary()}")
    report.seconds = time.monotonic() - start
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--writer", nargs=3, metavar=("DB", "ACKS", "SEED"), help=argparse.SUPPRESS)
    p.add_argument("-n", "--trials", type=int, default=100)
    p.add_argument("--dir", type=Path, default=None, help="work folder (default: a temp folder)")
    p.add_argument("--seed", type=int, default=None)
    args = p.parse_args(argv)
    if args.writer:
        from tests.models.storage.crash_writer import writer_main

        db, acks, seed = args.writer
        writer_main(db, Path(acks), int(seed), Path(db).parent / "backups")
        return 0
    import tempfile

    os.environ.setdefault("CONSENT_DESK_HOME", tempfile.mkdtemp(prefix="crash-home-"))
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="crash-trials-"))
    report = run_trials(args.trials, workdir, args.seed, log=print)
    print(report.summary())
    for line in report.lost[:20] + report.problems[:20]:
        print("  ", line)
    return 0 if not report.lost and not report.problems else 1


if __name__ == "__main__":
    sys.exit(main())
