"""Public PDF-signature test files (pyHanko's and the EU DSS project's, see corpus/SOURCES.md)
are never verified: each gets the exit code recorded in corpus/expected.json — never 0 — with
the verdict as its first line, at most one line on stderr and no traceback.

All files run through the real command line in one child process; its timeout only guards
against a hang (times are measured in tests/benchmarks/test_corpus_bench.py, not here).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reports.verify import EXIT_VALID

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"
SHARED = Path(
    os.environ.get("CONSENT_DESK_PDF_CORPUS")
    or ROOT.parent / "shared" / "samples" / "pdf-signatures"  # beside the repo
)
ENTRIES: list[dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text("utf-8"))["files"]
HANG_GUARD_SECONDS = 600  # the whole corpus takes a few seconds; this only stops a hang

HEADLINES = {
    1: "NOT AUTHENTIC:",
    2: "UNUSABLE:",
    3: "SIGNER NOT CONFIRMED:",
    4: ("WITHDRAWN:", "SUPERSEDED:"),
}


def location(entry: dict[str, Any]) -> Path:
    return (CORPUS if entry["held"] == "repo" else SHARED) / entry["file"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    present = [str(location(e)) for e in ENTRIES if location(e).is_file()]
    home = tmp_path_factory.mktemp("corpus-home")
    env = {
        **os.environ,
        "CONSENT_DESK_HOME": str(home / "data"),
        "CONSENT_DESK_LOG_DIR": str(home / "logs"),
        "PYTHONWARNINGS": "always",
    }
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tests.security.corpus_cli", *present],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=HANG_GUARD_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"verifying the corpus did not finish within {HANG_GUARD_SECONDS} s")
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr == "", done.stderr[-3000:]
    return {r["path"]: r for r in json.loads(done.stdout)}


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["file"] for e in ENTRIES])
def test_public_file_is_never_verified(runs, entry):
    path = location(entry)
    if not path.is_file():
        pytest.skip(f"{entry['source']} file not present: put it at {path} (corpus/SOURCES.md)")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], "not the listed file"
    run = runs[str(path)]
    code = run["code"]
    assert code != EXIT_VALID, f"{entry['file']} verified as authentic"
    assert code == entry["exit"], (code, run["stdout"][:600])
    assert run["stdout"].splitlines()[0].startswith(HEADLINES[code])
    assert entry["reason"] in run["stdout"], run["stdout"][:600]
    assert "Traceback" not in run["stderr"] and len(run["stderr"].splitlines()) <= 1, run["stderr"]


def test_every_committed_corpus_file_is_listed_with_its_source_and_licence():
    listed = {e["file"] for e in ENTRIES if e["held"] == "repo"}
    on_disk = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.pdf")}
    assert on_disk == listed
    sources = (CORPUS / "SOURCES.md").read_text("utf-8")
    for e in ENTRIES:
        assert e["file"] in sources and e["exit"] != EXIT_VALID
        assert e["licence"] in ("MIT", "LGPL-2.1")
    assert (CORPUS / "LICENSE.pyHanko.txt").read_text("utf-8").startswith("MIT License")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (CORPUS / "LICENSE.LGPL-2.1.txt").read_text()
