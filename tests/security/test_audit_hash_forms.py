"""The three forms of an event's hash agree: canonical JSON, `event_hash`, and the loop that
`audit verify` inlines for speed (with and without a bound row's hash)."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from models.audit.chain import GENESIS, canonical_json, event_hash, verify_rows

_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
_row = st.one_of(st.none(), st.just("-"), st.text("0123456789abcdef", min_size=64, max_size=64))


@settings(deadline=None)
@given(
    st.integers(1, 10**9),
    _text,
    _text,
    _text,
    _text,
    _text,
    st.one_of(st.none(), _text),
    st.one_of(st.none(), _text),
    _row,
)
def test_event_hash_is_the_canonical_json_and_verify_agrees(
    seq, at, actor, entity, entity_id, action, before, after, row
):
    fields = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "entity": entity,
        "entity_id": entity_id,
        "action": action,
        "before": before,
        "after": after,
        "prev": GENESIS,
    }
    if row is not None:
        fields["row"] = row
    expected = hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()
    got = event_hash(seq, at, actor, entity, entity_id, action, before, after, GENESIS, row)
    assert got == expected
    # the inlined loop of verify_rows: a one-event chain starting at `seq`
    event = (1, at, actor, entity, entity_id, action, before, after, GENESIS, row)
    one = event_hash(*event)
    report = verify_rows([(*event, one)])
    assert report.intact and report.head == one
    tampered = verify_rows([(*event[:9], None if row else "f" * 64, one)])
    assert not tampered.intact
