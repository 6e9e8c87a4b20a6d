"""models.text: one decoder for scripts, leak lists and roster CSVs.

Property tests round-trip random text through each encoding the features accept. Where two
readings are both valid and equally plausible the bytes themselves cannot say which was meant;
those cases are left out of the properties, each with its reason, and kept as examples.
"""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from models.errors import UserError
from models.text import SHORT, TextDecodeError, commonness, decode, utf8_bytes


def _decodable(encoding: str, lead: range, trail: list[int] | range) -> list[str]:
    """The Han characters of a block of two-byte codes."""
    out = []
    for a in lead:
        for b in trail:
            try:
                c = bytes([a, b]).decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\u4e00" <= c <= "\u9fff":
                out.append(c)
    return out


# GB2312 level 1 (the 3,755 common characters) and Big5 level 1 (5,401 common characters).
GB_COMMON = _decodable("gb18030", range(0xB0, 0xD8), range(0xA1, 0xFF))
BIG5_COMMON = _decodable("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
PUNCT = list("，。：；！？“”（）、…—△ \n") + [str(d) for d in range(10)]
LATIN = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,:;!?'\"()-\n")
ACCENTED = list("éèàçüöñÉÀÇ")


def _accents(text: str) -> int:
    return sum(c in ACCENTED for c in text)


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

chinese = st.lists(st.sampled_from(GB_COMMON + PUNCT), min_size=1, max_size=60).map("".join)
mixed = st.lists(
    st.sampled_from(GB_COMMON + PUNCT + LATIN + ACCENTED), min_size=1, max_size=80
).map("".join)


@FAST
@given(mixed, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_utf_text_round_trips(text: str, encoding: str) -> None:
    """Any text in UTF-8 (with or without a mark) or UTF-16/32 with a mark."""
    assert decode(text.encode(encoding), "t.txt").text == text


@FAST
@given(chinese.filter(lambda t: any(c in GB_COMMON for c in t)))
def test_gb18030_chinese_round_trips(text: str) -> None:
    """Chinese text of common characters in GB18030, however short. (A few GB18030 byte pairs
    are also valid UTF-8; with rare characters beside Latin letters a short text can read as
    accented Latin — left out: the bytes do not say.)"""
    data = text.encode("gb18030")
    assert decode(data, "t.txt").text == text


def _gb_reads_as_common(c: str) -> bool:
    lead, trail = c.encode("big5")
    return lead >= 0xB0 and trail >= 0xA1


BIG5_SHARED = [c for c in BIG5_COMMON if _gb_reads_as_common(c)]
BIG5_OWN = [c for c in BIG5_COMMON if c not in set(BIG5_SHARED)]


@FAST
@given(
    st.tuples(
        st.lists(st.sampled_from(BIG5_COMMON + PUNCT), max_size=30),
        st.sampled_from(BIG5_OWN),
        st.lists(st.sampled_from(BIG5_COMMON + PUNCT), max_size=30),
    ).map(lambda parts: "".join(parts[0]) + parts[1] + "".join(parts[2]))
)
def test_big5_chinese_round_trips(text: str) -> None:
    """Traditional text in Big5. Left out: texts whose every character has a lead byte ≥ B0
    and a trail ≥ A1, which GB18030 reads as equally common simplified characters."""
    assert decode(text.encode("big5"), "t.txt").text == text


def _zero_low_byte(c: str) -> bool:
    """A character whose UTF-16 unit ends in a zero byte (刀 U+5200, 一 U+4E00): its zero byte
    sits where an ASCII character's zero byte sits in the other byte order."""
    return ord(c) > 0xFF and ord(c) & 0xFF == 0


@FAST
@given(st.tuples(mixed, st.sampled_from(LATIN)).map("".join), st.sampled_from(["le", "be"]))
def test_utf16_without_a_mark_round_trips(text: str, order: str) -> None:
    """UTF-16 without a byte-order mark, as Windows editors write it: zero bytes tell the
    byte order. (Chinese without one ASCII character has no zero bytes: see the example.)
    Left out: texts with as many characters like 刀 (U+5200) as ASCII ones — "刀a" is the
    same bytes as "R愀" in the other order, so no reader can tell them apart."""
    ascii_count = sum(1 for c in text if ord(c) < 0x80)
    assume(sum(1 for c in text if _zero_low_byte(c)) < ascii_count)
    assert decode(text.encode(f"utf-16-{order}"), "t.txt").text == text


@pytest.mark.parametrize("order", ["le", "be"])
def test_short_chinese_in_utf16_without_a_mark(order: str) -> None:
    assert decode("林晓：台词".encode(f"utf-16-{order}"), "t.txt").text == "林晓：台词"


@FAST
@given(
    st.lists(st.sampled_from(LATIN + ACCENTED), max_size=60)
    .map("".join)
    .filter(lambda t: sum(c.isascii() and c.isalpha() for c in t) >= max(1, 2 * _accents(t)))
)
def test_western_text_is_read_only_where_the_feature_takes_it(text: str) -> None:
    """Latin text in Windows-1252 (scripts only; lists and the roster refuse to guess it).
    Western text has more plain letters than accented ones; left out: text with fewer than
    two ASCII letters per accented one ("aéé"), or whose every accented letter is followed by
    a letter ("Àa"), or with two accented letters in a row ("Éé"): those bytes read just as
    well as Chinese characters."""
    data = text.encode("cp1252")
    if data.isascii():
        assert decode(data, "t.txt", western=False).text == text
        return
    followed = list(zip(text, text[1:] + " ", strict=True))
    if all(nxt.isascii() and nxt.isalpha() for c, nxt in followed if c in ACCENTED):
        return
    if any(c in ACCENTED and nxt in ACCENTED for c, nxt in followed):
        return
    assert decode(data, "t.txt", western=True).text == text


def test_gb18030_bytes_that_are_also_utf8_read_as_chinese() -> None:
    # 桐 is CD A9 in GB18030, which UTF-8 reads as a lone combining accent
    assert decode("桐".encode("gb18030"), "t.txt").encoding == "gb18030"
    assert decode("林晓\n桐\n".encode("gb18030"), "t.txt").text == "林晓\n桐\n"
    # real UTF-8 with accents inside Latin words stays UTF-8
    assert decode("José García\n".encode(), "t.txt").encoding == "utf-8"


def test_a_long_utf8_text_is_never_second_guessed_and_is_kept_as_bytes() -> None:
    text = ("林晓：你好。Café?\n" * (SHORT // 10)).encode()
    assert len(text) > SHORT
    assert utf8_bytes(text) == 0 and utf8_bytes(codecs.BOM_UTF8 + text) == 3
    assert utf8_bytes("桐".encode("gb18030")) is None
    assert utf8_bytes("x".encode("utf-16")) is None


@pytest.mark.parametrize(
    ("data", "kind", "message"),
    [
        (codecs.BOM_UTF8 + b"ok\n\xff\xfe\xfa", "damaged", "says it is UTF-8 .* damaged at byte 3"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "damaged", "says it is UTF-16-LE"),
        (b"INT. A - DAY\n" + bytes(range(1, 9)) * 40, "binary", "binary data, not text"),
        (bytes(range(256)) * 4, "unknown", "cannot tell the text encoding.*binary"),
    ],
    ids=["utf8-bom-damaged", "utf16-bom-damaged", "control-codes", "undecodable"],
)
def test_one_set_of_clear_errors(data: bytes, kind: str, message: str) -> None:
    with pytest.raises(TextDecodeError, match=message) as caught:
        decode(data, "f.txt")
    assert caught.value.kind == kind and isinstance(caught.value, UserError)
    assert caught.value.text("zh").startswith("f.txt")


def test_no_guess_at_other_code_pages_where_the_feature_refuses_them() -> None:
    data = "native_name\ncafé,\n".encode("latin-1")
    with pytest.raises(TextDecodeError, match="cannot tell the text encoding"):
        decode(data, "r.csv", guess=False)
    assert decode(data, "s.txt", western=True).text == "native_name\ncafé,\n"


def test_commonness_counts_common_han_characters() -> None:
    assert commonness("Only Latin") == 1.0
    assert commonness("林晓") == 1.0
    assert commonness("林曉") == 1.0  # 曉 is common in Big5
    assert commonness("あいう林") < 0.5  # kana count against a Chinese reading
