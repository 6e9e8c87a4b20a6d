"""Lines kept as one text (or the file's UTF-8 bytes) and their offsets read exactly like
splitting the text, and a script read from bytes is the script read from text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.scripts import ScriptReadError, read_bytes
from models.scripts.decoding import decode_lines
from models.scripts.document import LineTable
from models.scripts.fountain_flow import split_lines
from models.scripts.text import read_text

_TEXT = st.text(st.sampled_from([*"ab 林晓：\r\n\t（）.[]/*", "\u2028", "😀"]), max_size=60)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_a_table_reads_like_splitting_the_text(text: str) -> None:
    expected = split_lines(text)
    for table in (LineTable(text), LineTable(text.encode("utf-8"))):
        assert list(table) == expected
        assert [table[i] for i in range(len(table))] == expected
        assert list(table.iter_from(1)) == expected[1:]
        assert table == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["林晓：你好", "INT. A - DAY", "", "[[note]]", "JOHN", "Hi."])))
def test_reading_bytes_or_text_gives_the_same_script(lines: list[str]) -> None:
    text = "\n".join(lines)
    from_text = read_text(text, "s.txt")
    from_bytes = read_bytes(text.encode("utf-8"), "s.txt")
    assert from_bytes.elements == from_text.elements
    assert tuple(from_bytes.lines) == tuple(from_text.lines)


def test_a_bom_is_skipped_and_line_index_maps_offsets() -> None:
    table = LineTable(codecs.BOM_UTF8 + "一\r\n二\n三".encode())
    assert list(table) == ["一", "二", "三"]
    assert table.line_index(table.find("二")) == 1
    assert "三" in table and "四" not in table


def test_utf8_is_kept_as_bytes_and_other_encodings_are_decoded() -> None:
    lines, encoding = decode_lines("林晓：你好\n".encode(), "s.txt")
    assert encoding == "utf-8" and list(lines) == ["林晓：你好", ""]
    lines, encoding = decode_lines("林晓：你好\n".encode("gb18030"), "s.txt")
    assert encoding == "gb18030" and lines[0] == "林晓：你好"


def test_damaged_utf8_after_a_bom_is_refused() -> None:
    with pytest.raises(ScriptReadError, match="damaged"):
        decode_lines(codecs.BOM_UTF8 + b"ok\n\xff\xfe\xfa", "s.txt")
