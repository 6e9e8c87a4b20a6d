"""Where the shared sample scripts and our hand-written fixtures are."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[3]
# In CI the repository is cloned beside `shared/`, so the samples are always <repo>/../shared.
SAMPLES = (REPO / ".." / "shared" / "samples" / "scripts").resolve()
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def expected() -> dict[str, Any]:
    path = SAMPLES / "expected.json"
    if not path.is_file():
        pytest.skip(f"shared sample scripts not found at {SAMPLES} (expected <repo>/../shared)")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def sample_names() -> list[str]:
    """Every sample file, listed at collection time (empty when the folder is absent)."""
    if not SAMPLES.is_dir():
        return []
    return sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".fountain", ".fdx", ".pdf"))


def sample(name: str) -> Path:
    expected()  # skips with the reason when the shared folder is absent
    return SAMPLES / name
