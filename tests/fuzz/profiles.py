"""Fuzz settings: a short run in the normal tests, a long one with HYPOTHESIS_PROFILE=fuzz.

The profile is applied per fuzz target (not loaded globally) so choosing it never changes
how the rest of the test suite's property tests run.

    HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=5000 pytest tests/fuzz --hypothesis-show-statistics
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, settings

LONG = os.environ.get("HYPOTHESIS_PROFILE", "") == "fuzz"
SHORT_EXAMPLES = int(os.environ.get("FUZZ_SHORT_EXAMPLES", "15"))
LONG_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "3000"))

settings.register_profile(
    "fuzz",
    max_examples=LONG_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
settings.register_profile(
    "fuzz-short",
    max_examples=SHORT_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=False,
)


def fuzz_settings(weight: float = 1.0) -> settings:
    """Settings for one target; `weight` scales its examples (slow readers get fewer)."""
    base = settings.get_profile("fuzz" if LONG else "fuzz-short")
    return settings(base, max_examples=max(3, int(base.max_examples * weight)))


@contextmanager
def scratch() -> Iterator[Path]:
    """A fresh folder per example (pytest's tmp_path is shared by every example of a test)."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as d:
        yield Path(d)


_TEMPLATE: list[Path] = []


def fresh_database_file(folder: Path) -> Path:
    """A migrated, empty database file in `folder`, copied from one made once per run."""
    import shutil

    from models.storage.database import Database

    if not _TEMPLATE:
        home = Path(tempfile.mkdtemp(prefix="fuzz-template-"))
        Database.open(str(home / "template.sqlite3"), actor="fuzz").close()
        _TEMPLATE.append(home / "template.sqlite3")
    target = folder / "desk.sqlite3"
    shutil.copyfile(_TEMPLATE[0], target)
    return target


def flip(data: bytes, positions: list[int], values: list[int]) -> bytes:
    """Overwrite bytes at positions (modulo length) — the mutations a damaged disk makes."""
    if not data:
        return data
    out = bytearray(data)
    for p, v in zip(positions, values, strict=False):
        out[p % len(out)] = v
    return bytes(out)
