"""The own-form reader's object syntax (reports/verification/object_syntax.py) reads what it
accepts exactly as pyHanko's parser does, declines the rest, and stays within its budgets.

Object text is generated from the PDF grammar with the spellings on which readers differ
(comments between tokens, escapes of every kind, odd hex digits, `#` in names, references
spelled loosely, repeated keys): wherever the strict reader gives a value, pyHanko's
`read_object` gives the same one; random bytes only ever make it decline.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pyhanko.pdf_utils import generic

from reports.verification.object_syntax import (
    Declined,
    Name,
    ObjectReader,
    PdfString,
    Ref,
    Stream,
    Value,
)


class _Handler:
    strict = False


class _Container:
    def get_pdf_handler(self) -> _Handler:
        return _Handler()


def pyhanko_value(obj: Any) -> Value:
    """pyHanko's object as the strict reader spells it."""
    if isinstance(obj, generic.IndirectObject):
        return Ref(obj.idnum, obj.generation)
    if isinstance(obj, generic.NullObject):
        return None
    if isinstance(obj, generic.BooleanObject):
        return bool(obj)
    if isinstance(obj, generic.NameObject):
        return Name(str(obj))
    if isinstance(obj, generic.TextStringObject | generic.ByteStringObject):
        return PdfString(obj.original_bytes)
    if isinstance(obj, generic.FloatObject):
        return float(obj)
    if isinstance(obj, int):
        return int(obj)
    if isinstance(obj, generic.ArrayObject):
        return [pyhanko_value(v) for v in obj]
    if isinstance(obj, generic.DictionaryObject):
        return {str(k): pyhanko_value(v) for k, v in obj.items()}
    raise AssertionError(f"unexpected {obj!r}")


def by_pyhanko(text: bytes) -> Value:
    return pyhanko_value(generic.read_object(io.BytesIO(text), _Container()))


ws = st.sampled_from([b" ", b"  ", b"\n", b"\r\n", b"\t", b"\x00", b"\x0c", b"% note\n", b""])
sep = st.sampled_from([b" ", b"\n", b"\r\n", b"\t", b"% c\r\n", b"\x00"])
names = st.builds(
    lambda parts: b"/" + b"".join(parts),
    st.lists(
        st.sampled_from(
            [b"Type", b"A", b"x-y", b"#41", b"#2F", b"#", b"#4", b"#zz", b"\x80", b"."]
        ),
        max_size=3,
    ),
)
numbers = st.sampled_from(
    [
        b"0",
        b"7",
        b"-3",
        b"+4",
        b"007",
        b"1.5",
        b"-.5",
        b".25",
        b"5.",
        b"1.2.3",
        b"--1",
        b".",
        b"12x",
    ]
)
refs = st.builds(
    lambda n, g, space: b"%d%s%d%sR" % (n, space, g, space),
    st.integers(0, 99),
    st.integers(0, 2),
    st.sampled_from([b" ", b"  ", b"\n"]),
)
literal_parts = st.sampled_from(
    [b"abc", b" ", b"\\n", b"\\(", b"\\)", b"\\\\", b"\\053", b"\\0", b"\\12", b"\\400",
     b"\\8", b"\\19", b"\\\n", b"\\q", b"\r", b"\n", b"(in)", b"\xff", b"\xfe\xff\x00A", b"/%"]
)  # fmt: skip
literals = st.builds(lambda p: b"(" + b"".join(p) + b")", st.lists(literal_parts, max_size=5))
hexes = st.builds(
    lambda d: b"<" + b"".join(d) + b">",
    st.lists(st.sampled_from([b"0", b"A", b"f", b"4", b" ", b"\n", b"g"]), max_size=8),
)
keywords = st.sampled_from([b"true", b"false", b"null", b"truex", b"nul"])
scalars = names | numbers | refs | literals | hexes | keywords


def _compound(children: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    arrays = st.builds(
        lambda items, w: b"[" + w + b" ".join(items) + w + b"]", st.lists(children, max_size=4), ws
    )
    dicts = st.builds(
        lambda pairs, w: b"<<" + w + b"".join(k + s + v + w for k, s, v in pairs) + b">>",
        st.lists(st.tuples(names, sep, children), max_size=4),
        ws,
    )
    return arrays | dicts


objects = st.recursive(scalars, _compound, max_leaves=12)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=objects)
def test_what_the_strict_reader_reads_pyhanko_reads_the_same(text: bytes) -> None:
    text += b" "
    reader = ObjectReader(text, 10_000)
    try:
        value, end = reader.value(0)
    except Declined:
        event("declined")
        return
    if reader.skip(end) != len(text):
        return  # more tokens follow: in a file, what follows a value decides (and declines)
    event(f"read a {type(value).__name__}")
    assert by_pyhanko(text) == value


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=200), start=st.integers(0, 200))
def test_any_bytes_are_read_or_declined(data: bytes, start: int) -> None:
    at = min(start, len(data))
    for read in (
        lambda: ObjectReader(data, 1_000).value(at),
        lambda: ObjectReader(data, 1_000).indirect(at, 1),
    ):
        with contextlib.suppress(Declined):
            read()


def test_a_stream_is_read_by_its_direct_length_only() -> None:
    text = b"4 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj\n"
    stream = ObjectReader(text, 100).indirect(0, 4)
    assert isinstance(stream, Stream) and stream.data == b"abc"
    for wrong in (
        text.replace(b"/Length 3", b"/Length 5"),  # pyHanko would look one byte back
        text.replace(b"/Length 3", b"/Length 5 0 R"),
        text.replace(b"stream\nabc", b"stream abc"),
        text.replace(b"endobj", b"endobjx"),
        text.replace(b"4 0 obj", b"4 1 obj"),
        b"4 0 obj\nnull\nendobj\n",
    ):
        with pytest.raises(Declined):
            ObjectReader(wrong, 100).indirect(0, 4)


@pytest.mark.parametrize(
    "text",
    [
        b"[" + b"1 " * 300_000 + b"]",  # too many tokens
        b"(" + b"\\n" * 300_000 + b")",  # escapes are read one by one: each is a token
        b"(" + b"(" * 300_000,
        b"[" * 40 + b"]" * 40,  # too deep
    ],
)
def test_hostile_objects_are_declined_within_the_budget(text: bytes) -> None:
    reader = ObjectReader(text, 250_000)
    with pytest.raises(Declined):
        reader.value(0)
    assert reader.tokens_left >= -1


def test_a_long_string_is_one_token() -> None:
    reader = ObjectReader(b"<" + b"0A" * 1_000_000 + b">", 1)
    value, _ = reader.value(0)
    assert value == b"\n" * 1_000_000 and reader.tokens_left == 0
