"""Fuzz statement verification (`reports.verify`): damaged or forged PDFs are answers.

`verify_statement` promises never to raise for a damaged or tampered file, and a statement
changed in any byte must never come out valid.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.known_bugs import allow_known
from tests.fuzz.profiles import flip, fuzz_settings
from tests.fuzz.seeds import signed_statement

if TYPE_CHECKING:
    from reports.verify import VerifyResult

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("reports.verify") is None
    or importlib.util.find_spec("reports.statements.service") is None,
    reason="statement signing and verification (reports/) do not exist yet",
)


def _verify(data: bytes) -> VerifyResult | None:
    """The verdict, or None when a listed known bug swallowed a crash."""
    from reports.verify import verify_statement

    with allow_known():
        return verify_statement(data)
    return None


def test_the_seed_statement_verifies() -> None:
    """Guards the fuzzers below: the unmutated statement is valid."""
    result = _verify(signed_statement())
    assert result is not None and result.valid


@fuzz_settings(weight=0.3)
@given(
    positions=st.lists(st.integers(min_value=0), min_size=1, max_size=4),
    deltas=st.lists(st.integers(min_value=1, max_value=255), min_size=1, max_size=4),
)
def test_a_changed_byte_never_verifies(positions: list[int], deltas: list[int]) -> None:
    seed = signed_statement()
    data = bytearray(seed)
    for p, d in zip(positions, deltas, strict=False):
        data[p % len(data)] = (data[p % len(data)] + d) % 256
    result = _verify(bytes(data))
    if result is not None:
        assert not result.valid


@fuzz_settings(weight=0.3)
@given(
    cut=st.integers(min_value=0),
    tail=st.binary(max_size=200),
)
def test_truncated_or_extended_never_verifies(cut: int, tail: bytes) -> None:
    seed = signed_statement()
    cut = cut % len(seed)
    for data in (seed[:cut], seed + b"\n" + tail):
        result = _verify(data)
        if result is not None:
            assert not result.valid


@fuzz_settings(weight=0.5)
@given(data=st.binary(max_size=3000), prefix=st.sampled_from([b"", b"%PDF-1.7\n"]))
def test_any_bytes_as_a_statement(data: bytes, prefix: bytes) -> None:
    result = _verify(prefix + data)
    if result is not None:
        assert not result.valid


@fuzz_settings(weight=0.3)
@given(
    positions=st.lists(st.integers(min_value=0), max_size=8),
    values=st.lists(st.integers(min_value=0, max_value=255), max_size=8),
)
def test_damaged_statement_flips(positions: list[int], values: list[int]) -> None:
    seed = signed_statement()
    data = flip(seed, positions, values)
    result = _verify(data)
    if result is not None and data != seed:
        assert not result.valid
