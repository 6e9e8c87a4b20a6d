"""The corpus of real scripts (tests/corpus): how many files are read exactly, per format.

Ground truth (tests/corpus/expected.json) was derived without Consent Desk's readers — Final
Draft's own paragraph types, screenplain for Fountain, counting by eye (tests/corpus/truth.py);
SOURCES.md says where each file comes from. A file is exact when its scene count, dialogue-block
count and set of speakers all match. The target is ≥ 95 % of files exact; below it this fails.
Run with `-s` to see the per-format table.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from models.scripts import read_script

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
TARGET = 0.95


def _kind(rel: str) -> str:
    suffix = Path(rel).suffix.lstrip(".")
    return f"{suffix} (synthetic)" if rel.startswith("synthetic/") else suffix


def _outcome(rel: str, truth: dict[str, object]) -> tuple[bool, str]:
    doc = read_script(CORPUS / rel)
    got = {
        "scenes": len(doc.scenes),
        "dialogue_blocks": doc.dialogue_blocks,
        "speakers": sorted(doc.character_names),
    }
    wrong = [k for k in got if got[k] != truth[k]]
    detail = "; ".join(f"{k}: {got[k]} for {truth[k]}" for k in wrong)
    return not wrong, detail


@pytest.fixture(scope="module")
def truth() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(
        (CORPUS / "expected.json").read_text(encoding="utf-8")
    )
    return data


def test_every_corpus_file_has_ground_truth_and_a_source(truth):
    files = {
        p.relative_to(CORPUS).as_posix()
        for p in CORPUS.rglob("*")
        if p.suffix in (".pdf", ".fdx", ".fountain", ".docx", ".txt")
    }
    assert files == set(truth), "a corpus file without ground truth is untested"
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert all(Path(rel).name in sources for rel in truth), "every file names its source"
    real = [rel for rel in truth if not rel.startswith("synthetic/")]
    assert len(real) >= 40


def test_corpus_exact_match_rate_per_format(truth):
    per_format: dict[str, list[bool]] = defaultdict(list)
    misses: list[str] = []
    for rel, expected in sorted(truth.items()):
        ok, detail = _outcome(rel, expected)
        per_format[_kind(rel)].append(ok)
        if not ok:
            misses.append(f"  {rel}: {detail}")
    rows = [
        f"  {kind:<22} {sum(r)}/{len(r)} exact ({sum(r) / len(r):.0%})"
        for kind, r in sorted(per_format.items())
    ]
    total = [ok for r in per_format.values() for ok in r]
    rate = sum(total) / len(total)
    overall = f"  {'all':<22} {sum(total)}/{len(total)} exact ({rate:.1%})"
    report = "\n".join(
        [
            "corpus: scenes, blocks and speakers exact per format",
            *rows,
            overall,
            "not exact:",
            *misses,
        ]
    )
    print("\n" + report)
    assert rate >= TARGET, report
