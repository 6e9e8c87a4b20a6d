"""Whole-process time of everyday commands, against `python -c "import sqlite3, json"`.

Each run is a fresh interpreter with bytecode cached, as on a user's machine. The runs of all
commands and of the baselines are interleaved (round-robin), so load on the shared machine
falls on all of them alike; medians are compared, of wall-clock time and of CPU time (user +
system of the child: steadier when the shared machine is busy). Targets (issue 14): every
everyday command (`--help`, `roster search`, `audit verify`, `consent list`, `statement
verify`, `script analyze`) ≤ 4× the baseline; `script analyze` of a 190-scene Fountain script
faster than screenplain's CLI on the same file. The demo database holds the demo agency's
roster, consents and audit events, a signed statement and a checkpoint, so `audit verify`
checks every kind of anchor and `statement verify` consults the register. `audit verify` runs
on that database (its statement PDF stored: the anchor cache, models/audit/anchor_cache.py,
sealed when the statement was exported, stands for the PDF read), on a copy without stored
statements, and on a copy where a new statement is exported (untimed) before every run: the
first verify after a new statement, whose cache entry the export itself seals (issue 14).
Reported with `--benchmark-enable`, never asserted.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 15
TARGET = 4.0
BASELINE = [sys.executable, "-c", "import sqlite3, json"]

WORDS = [
    "the",
    "a",
    "house",
    "runs",
    "quickly",
    "toward",
    "light",
    "dark",
    "old",
    "man",
    "young",
    "woman",
    "river",
    "fish",
    "giant",
    "town",
    "witch",
    "circus",
    "war",
    "letter",
    "road",
    "tree",
    "night",
    "morning",
    "remembers",
    "tells",
    "story",
    "father",
    "son",
]
CHARACTERS = ("EDWARD", "WILL", "SANDRA", "JOSEPHINE", "KARL", "AMOS", "JENNY", "NORTHER")


def feature_fountain(scenes: int = 190) -> str:
    """A feature-length Fountain script (~120 pages): scenes of action and dialogue."""
    rng = random.Random(190)

    def sentence(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

    out = ["Title: Big Test\nAuthor: Bench\n"]
    for i in range(scenes):
        place = rng.choice(["RIVER", "TOWN", "CIRCUS", "HOUSE"])
        out.append(f"{rng.choice(['INT.', 'EXT.'])} {place} {i} - {rng.choice(['DAY', 'NIGHT'])}")
        for _ in range(rng.randint(4, 9)):
            if rng.random() < 0.35:
                out.append(sentence(rng.randint(10, 40)))
            else:
                aside = "\n(quietly)" if rng.random() < 0.2 else ""
                out.append(f"{rng.choice(CHARACTERS)}{aside}\n{sentence(rng.randint(5, 30))}")
        if i % 10 == 0:
            out.append("EDWARD\nThey made a digital double of my voice with AI.")
    return "\n\n".join(out) + "\n"


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
        CONSENT_DESK_LOG_DIR=str(tmp / "logs"),
        XDG_CONFIG_HOME=str(tmp / "config"),
    )
    return env


def _nothing() -> None:
    pass


def _timed(args: list[str], env: dict[str, str]) -> float:
    return _run(args, env)[0]


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, timeout=120)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu


def _desk_env(path: Path) -> dict[str, str]:
    """The environment of the demo desk's own commands (its identity's passphrase)."""
    return {
        **os.environ,
        "CONSENT_DESK_PASSPHRASE": "bench passphrase 14",
        "CONSENT_DESK_HOME": str(path.with_name("home")),
        "CONSENT_DESK_LOG_DIR": str(path.with_name("logs")),
    }


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo agency with a signing identity, one signed statement and a checkpoint."""
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite3"
    env = _desk_env(path)
    main = [sys.executable, "main.py", "--db", str(path)]
    for argv in (
        ["demo"],
        ["identity", "create", "--agency-name", "Bench Talent"],
        ["statement", "export", "1", "--out", str(path.with_name("statement.pdf"))],
        ["audit", "checkpoint"],
    ):
        subprocess.run([*main, *argv], cwd=ROOT, env=env, check=True, timeout=120)
    assert list(path.with_name("demo-files").glob("statements/*.pdf"))
    return path


def _without_statements(demo_db: Path, folder: Path) -> Path:
    """A copy of the demo database and its files folder, minus the stored statement PDFs."""
    path = folder / "bare.sqlite3"
    shutil.copyfile(demo_db, path)
    shutil.copytree(demo_db.with_name("demo-files"), folder / "bare-files")
    shutil.rmtree(folder / "bare-files" / "statements")
    return path


def _copy_of(demo_db: Path, folder: Path) -> Path:
    """A copy of the demo database and its files folder (stored statements included)."""
    path = folder / "fresh.sqlite3"
    shutil.copyfile(demo_db, path)
    shutil.copytree(demo_db.with_name("demo-files"), folder / "fresh-files")
    return path


def _issuing_before(db: Path, demo_db: Path, out: Path) -> Callable[[], None]:
    """Issue one more statement on `db` (untimed): the next `audit verify` is the first after
    a new statement, whose stored PDF the anchor cache must already stand for."""
    out.mkdir()
    export = [sys.executable, "main.py", "--db", str(db), "statement", "export", "1"]

    def issue() -> None:
        subprocess.run(
            [*export, "--out", str(out)],
            cwd=ROOT,
            env=_desk_env(demo_db),
            check=True,
            capture_output=True,
            timeout=120,
        )

    return issue


def test_everyday_commands_against_python_baseline(
    benchmark: Any, tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    benchmark.group = "command start-up"
    env = _env(tmp_path)
    script = tmp_path / "big.fountain"
    script.write_text(feature_fountain(), encoding="utf-8")
    html = tmp_path / "big.html"
    main = [sys.executable, str(ROOT / "main.py")]
    db = ["--db", str(demo_db)]
    statement = demo_db.with_name("statement.pdf")
    fresh = _copy_of(demo_db, tmp_path)
    # untimed work before a command's every run: a new statement before that verify
    before: dict[str, Callable[[], None]] = {
        "audit verify (just after a new statement)": _issuing_before(
            fresh, demo_db, tmp_path / "issued"
        )
    }
    runs: dict[str, list[str]] = {
        "python -c 'import sqlite3, json'": BASELINE,
        "--help": [*main, "--help"],
        "--version": [*main, "--version"],
        "roster --help": [*main, "roster", "--help"],
        "roster search": [*main, *db, "roster", "search", "lin"],
        "audit verify (stored statements)": [*main, *db, "audit", "verify"],
        "audit verify (no statements)": [
            *main,
            "--db",
            str(_without_statements(demo_db, tmp_path)),
            "audit",
            "verify",
        ],
        "audit verify (just after a new statement)": [*main, "--db", str(fresh), "audit", "verify"],
        "consent list": [*main, *db, "consent", "list", "1"],
        "statement verify": [*main, *db, "statement", "verify", str(statement)],
        "script analyze (190 scenes)": [*main, "script", "analyze", str(script)],
    }
    screenplain = shutil.which("screenplain", path=str(Path(sys.executable).parent))
    if screenplain:
        runs["screenplain CLI (same file)"] = [screenplain, str(script), str(html)]
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for name, args in runs.items():  # warm-up: bytecode written once
        before.get(name, _nothing)()
        _run(args, env)
    for _ in range(ROUNDS):
        for name, args in runs.items():
            before.get(name, _nothing)()
            times[name].append(_run(args, env))
    benchmark.pedantic(_timed, args=(BASELINE, env), rounds=5, warmup_rounds=1)

    def median(name: str, which: int) -> float:
        return statistics.median(t[which] for t in times[name])

    baseline = "python -c 'import sqlite3, json'"
    with capsys.disabled():
        sys.stdout.write(
            f"\nwhole-process medians of {ROUNDS} interleaved runs (wall clock | CPU time):\n"
        )
        for name in times:
            cells = []
            for which in (0, 1):
                med, base = median(name, which), median(baseline, which)
                cells.append(f"{med * 1000:7.1f} ms {med / base:5.2f}x")
            verdict = ""
            if name.startswith(("--", "roster", "audit", "consent", "statement", "script")):
                ratio = median(name, 1) / median(baseline, 1)
                verdict = "  ok" if ratio <= TARGET else f"  OVER {TARGET}x"
            sys.stdout.write(f"  {name:<42} {cells[0]} | {cells[1]}{verdict}\n")
        if screenplain:
            for which, what in ((0, "wall clock"), (1, "CPU time")):
                ours = median("script analyze (190 scenes)", which)
                theirs = median("screenplain CLI (same file)", which)
                sys.stdout.write(
                    f"  script analyze / screenplain CLI ({what}): {ours / theirs:.2f}x "
                    "(target < 1)\n"
                )
