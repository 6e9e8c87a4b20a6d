"""A short atheris run of the CSV importer, when atheris is installed (it is optional)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    importlib.util.find_spec("atheris") is None, reason="atheris is not installed (optional)"
)
@pytest.mark.skipif(
    os.environ.get("HYPOTHESIS_PROFILE") != "fuzz", reason="the long fuzz run only (make fuzz)"
)
def test_atheris_finds_no_new_crash_in_the_csv_importer(tmp_path: Path) -> None:
    runs = int(os.environ.get("ATHERIS_RUNS", "100000"))
    proc = subprocess.run(
        [sys.executable, "-m", "tests.fuzz.atheris_roster_csv", f"-runs={runs}"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"Done {runs} runs" in proc.stderr
    assert not list(tmp_path.glob("crash-*"))
