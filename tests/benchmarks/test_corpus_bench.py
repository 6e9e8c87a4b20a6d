"""The slowest public PDF-signature test file (tests/security/corpus) beside our own signed
statement, in the same run.

Target (issue 21): any file answered within 2 s. Figures are reported by pytest-benchmark
(`make bench`), not asserted.
"""

from __future__ import annotations

import time

import pytest

from reports.statements.layout import render_statement
from reports.statements.signing import pyhanko_signer, sign_statement
from reports.verify import EXIT_VALID, verify_statement
from tests.reports.statement_data import quick_identity, record_for
from tests.security.test_public_corpus import ENTRIES, location

GROUP = "verify: slowest public corpus file vs our own statement"


@pytest.fixture(scope="module")
def identity():
    return quick_identity("Starlight Talent & Co.")


@pytest.fixture(scope="module")
def slowest() -> tuple[str, bytes]:
    """The corpus file that takes longest (one timed pass over every file present)."""
    timed: list[tuple[float, str, bytes]] = []
    for entry in ENTRIES:
        path = location(entry)
        if not path.is_file():
            continue
        data = path.read_bytes()
        start = time.perf_counter()
        verify_statement(data, seen_file=None)
        timed.append((time.perf_counter() - start, entry["file"], data))
    _, name, data = max(timed)
    return name, data


def test_our_statement(benchmark, identity):
    benchmark.group = GROUP
    record = record_for(identity)
    pdf = sign_statement(render_statement(record), record, pyhanko_signer(identity))
    fp = (identity.identity.fingerprint,)
    result = benchmark.pedantic(
        lambda: verify_statement(pdf, fingerprints=fp, seen_file=None), rounds=30, warmup_rounds=2
    )
    assert result.exit_code == EXIT_VALID


def test_slowest_corpus_file(benchmark, slowest):
    benchmark.group = GROUP
    name, data = slowest
    benchmark.extra_info["file"] = name
    result = benchmark.pedantic(
        lambda: verify_statement(data, seen_file=None), rounds=30, warmup_rounds=2
    )
    assert result.exit_code != EXIT_VALID
