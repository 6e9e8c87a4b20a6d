"""What a JSON validator costs a command's start, against `python -c "import sqlite3, json"`.

Issue 14's target: a command starts in ≤ 4× that baseline. Each case is a fresh interpreter
that imports a validator, declares a small schema (an artist entry of a proposal file) and
checks one object: our own models/shapes.py, and pydantic v2 and msgspec when they are installed
(they are not dependencies: install them in a scratch environment to compare, e.g.
`PYDANTIC_PYTHON=/path/to/venv/bin/python`). Runs are interleaved so load falls on all alike;
medians are reported with `--benchmark-enable`, never asserted.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 11
BASELINE = "import sqlite3, json"
# What an import command loads whatever validates it (the words, the errors and catalogue):
PRELUDE = """
import sqlite3, json
import models.errors
from models.consent.words import Modality
"""
OURS = (
    PRELUDE
    + """
from models import shapes
ARTIST = {
    "artist": shapes.Field(shapes.anything, required=True),
    "modalities": shapes.Field(shapes.choices(Modality), default=()),
    "term_start": shapes.Field(shapes.day, default=None),
    "fee": shapes.Field(shapes.optional(shapes.amount(10**15)), default=None),
}
problems = []
shapes.read(json.loads('{"artist": 1, "modalities": ["voice"], "term_start": "2026-05-01"}'),
            ARTIST, problems)
assert not problems
"""
)
PYDANTIC = (
    PRELUDE
    + """
from datetime import date
from decimal import Decimal
from pydantic import BaseModel, ConfigDict
class Artist(BaseModel):
    model_config = ConfigDict(extra="forbid")
    artist: int | str
    modalities: list[str] = []
    term_start: date | None = None
    fee: Decimal | None = None
Artist.model_validate_json(b'{"artist": 1, "modalities": ["voice"], "term_start": "2026-05-01"}')
"""
)
MSGSPEC = (
    PRELUDE
    + """
from datetime import date
import msgspec
class Artist(msgspec.Struct, forbid_unknown_fields=True):
    artist: int | str
    modalities: list[str] = []
    term_start: date | None = None
    fee: str | None = None
msgspec.json.decode(b'{"artist": 1, "modalities": ["voice"], "term_start": "2026-05-01"}',
                    type=Artist)
"""
)


def _python_with(module: str) -> str | None:
    """An interpreter that can import `module`: this one, or one named by an environment
    variable (PYDANTIC_PYTHON, MSGSPEC_PYTHON)."""
    for python in (sys.executable, os.environ.get(f"{module.upper()}_PYTHON", "")):
        if not python:
            continue
        probe = subprocess.run([python, "-c", f"import {module}"], capture_output=True)
        if probe.returncode == 0:
            return python
    return None


def _timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def test_validator_import_cost_against_the_start_up_baseline(
    benchmark: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    benchmark.group = "JSON validator start-up"
    runs = {
        "baseline: import sqlite3, json": [sys.executable, "-c", BASELINE],
        "prelude (words, errors)": [sys.executable, "-c", PRELUDE],
        "models/shapes.py (ours)": [sys.executable, "-c", OURS],
    }
    for module, code in (("pydantic", PYDANTIC), ("msgspec", MSGSPEC)):
        python = _python_with(module)
        if python is not None:
            runs[f"{module} (one model)"] = [python, "-c", code]
    times: dict[str, list[float]] = {name: [] for name in runs}
    for args in runs.values():
        _timed(args)  # bytecode written once
    for _ in range(ROUNDS):
        for name, args in runs.items():
            times[name].append(_timed(args))
    benchmark.pedantic(_timed, args=(runs["models/shapes.py (ours)"],), rounds=3)
    base = statistics.median(times["baseline: import sqlite3, json"])
    prelude = statistics.median(times["prelude (words, errors)"])
    with capsys.disabled():
        sys.stdout.write(f"\nwhole-process medians of {ROUNDS} interleaved runs:\n")
        for name, ts in times.items():
            med = statistics.median(ts)
            extra = f"  +{(med - prelude) * 1000:6.1f} ms over the prelude" if med > prelude else ""
            sys.stdout.write(f"  {name:<32} {med * 1000:7.1f} ms  {med / base:5.2f}x{extra}\n")
