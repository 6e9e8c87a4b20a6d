"""Fuzz headless consent input (`consent add --from-json`): only UserError may escape."""

from __future__ import annotations

import importlib.util
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.known_bugs import allow_known
from tests.fuzz.profiles import fuzz_settings, scratch

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("models.consent.consent_file") is None,
    reason="consent JSON input (models.consent.consent_file) does not exist yet",
)

KEYS = [
    "artist_id",
    "counterparty_id",
    "project_id",
    "modalities",
    "uses",
    "media",
    "territories",
    "term_start",
    "term_end",
    "compensation_amount",
    "compensation_currency",
    "compensation_basis",
    "content_exclusions",
    "status",
    "evidence",
    "decision",
    "recommendation",
    "signed_separately",
    "notes",
    "scan_session_at",
    "unknown_key",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(
        [
            "voice",
            "face_likeness",
            "this_production",
            "2026-04-03",
            "2026-04-03T10:00:00+08:00",
            "given",
            "refused",
            "1e999",
            "NaN",
            "../../etc/passwd",
            "/etc/passwd",
            "evidence.pdf",
            "CN",
            "cny",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda c: (
        st.lists(c, max_size=4)
        | st.dictionaries(
            st.sampled_from([*KEYS, "outcome", "decided_by", "decided_at", "path", "role"]),
            c,
            max_size=5,
        )
    ),
    max_leaves=25,
)
RECORD = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=12)


@fuzz_settings()
@given(doc=st.one_of(RECORD, st.lists(RECORD, max_size=3), VALUES))
def test_any_json_document(doc: object) -> None:
    from models.consent.consent_file import read_inputs
    from models.errors import UserError

    with scratch() as d:
        path = d / "consent.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        (d / "evidence.pdf").write_bytes(b"%PDF-1.7 signed")
        try:
            with allow_known():
                read_inputs(path, lambda _artist_id: "CN")
        except UserError as e:
            assert e.message


@fuzz_settings()
@given(data=st.binary(max_size=2000))
def test_any_bytes_as_json(data: bytes) -> None:
    from models.consent.consent_file import read_inputs
    from models.errors import UserError

    with scratch() as d:
        path = d / "consent.json"
        path.write_bytes(data)
        try:
            with allow_known():
                read_inputs(path, lambda _artist_id: "CN")
        except UserError as e:
            assert e.message
