"""Records (models/records.py) behave as the frozen, slotted dataclasses they replace: the
script reader's values compare, hash, copy, pickle and print by their fields, cannot be
changed, and `replace` builds a changed copy through `__init__`."""

from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.scripts import AiKind, Element, ElementKind, Marker, ScriptDocument
from models.scripts.fountain import read_fountain

elements = st.builds(
    Element,
    st.sampled_from(list(ElementKind)),
    st.text(max_size=20),
    st.integers(1, 50),
    st.lists(st.integers(1, 50), min_size=1, max_size=3).map(tuple),
    st.none() | st.integers(1, 9),
    st.none() | st.sampled_from(["LIN", "BOB"]),
    st.integers(0, 5),
    st.integers(0, 3),
)


@given(elements, elements)
def test_equal_exactly_when_every_field_is_equal(a, b):
    same = a.__getstate__() == b.__getstate__()
    assert (a == b) is same
    if same:
        assert hash(a) == hash(b)
    assert a == copy.copy(a) == copy.deepcopy(a) == pickle.loads(pickle.dumps(a))
    assert hash(a) == hash(pickle.loads(pickle.dumps(a)))


def test_fields_in_order_for_repr_and_patterns():
    e = Element(ElementKind.ACTION, "They cloned her voice.", 3, (3,), scene=1)
    assert repr(e) == (
        "Element(kind=<ElementKind.ACTION: 'action'>, text='They cloned her voice.', "
        "line=3, lines=(3,), page=None, character=None, scene=1, level=0)"
    )
    match e:
        case Element(kind, text, line):
            assert (kind, text, line) == (ElementKind.ACTION, "They cloned her voice.", 3)
        case _:
            pytest.fail("positional pattern did not match")


def test_cannot_be_changed():
    m = Marker("voice clone", AiKind.VOICE)
    with pytest.raises(AttributeError, match="cannot assign to field 'text'"):
        m.text = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del m.kind
    assert m.text == "voice clone"


def test_replace_goes_through_init():
    doc = read_fountain("Title: T\n\nINT. HOUSE - DAY\n\nBOB\nHi.\n", "t.fountain")
    changed = doc.replace(title="Other", title_page={"title": "Other"})
    assert changed.title == "Other" and changed.scenes == doc.scenes
    assert type(changed.title_page).__name__ == "mappingproxy"  # __init__ made it read-only
    assert changed != doc and doc.title == "T"
    with pytest.raises(TypeError, match="no field 'titel'"):
        doc.replace(titel="x")


def test_not_equal_to_another_class_with_the_same_values():
    assert Marker("ai", AiKind.OTHER) != ("ai", AiKind.OTHER, (), None)
    assert isinstance(ScriptDocument.__match_args__, tuple)
