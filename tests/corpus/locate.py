"""Where the corpus files are: real scripts outside the repository, ground truth inside it.

The real scripts are other people's files; they are not committed. Put them (same relative
paths as in expected.json: pdf/, fdx/, fountain/; SOURCES.md says where to get each) in the
folder named by `$CONSENT_DESK_SCRIPT_CORPUS`, else in `<repo>/../shared/samples/corpus` (the
shared folder beside the repository, like the shared sample scripts).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED_SCRIPTS = (REPO / ".." / "shared" / "samples" / "scripts").resolve()
ENV = "CONSENT_DESK_SCRIPT_CORPUS"
REAL_FOLDERS = ("pdf", "fdx", "fountain")


def real_corpus() -> Path:
    """The folder holding the real corpus scripts (it may not exist)."""
    named = os.environ.get(ENV)
    return Path(named) if named else (REPO / ".." / "shared" / "samples" / "corpus").resolve()


def expected() -> dict[str, dict[str, object]]:
    """Ground truth of every corpus file, real (pdf/, fdx/, fountain/) and committed."""
    data: dict[str, dict[str, object]] = json.loads(
        (HERE / "expected.json").read_text(encoding="utf-8")
    )
    return data


def committed(rel: str) -> bool:
    """A corpus file kept in the repository (text written here: synthetic/)."""
    return (HERE / rel).is_file()


def where(rel: str) -> Path:
    """A corpus file: committed ones here, real ones in the external folder."""
    return HERE / rel if committed(rel) else real_corpus() / rel
