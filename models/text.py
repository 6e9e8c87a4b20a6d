"""Text files' bytes into text, one way for every feature: scripts, leak lists, roster CSVs.

What is accepted, in order:

1. A byte-order mark (UTF-32, UTF-8, UTF-16, either byte order) says what the file is: it is
   decoded strictly as that, and a damaged file is refused with the byte where it breaks.
2. UTF-8 — what nearly every file is in. A short text (≤ `SHORT` bytes) is questioned first:
   GB18030 bytes can also be valid UTF-8 (桐 is CD A9, which UTF-8 reads as a lone accent), so
   a UTF-8 reading with characters no list or script is written with, or with neither an
   ASCII letter nor a Han character (隆 is C2 A1: "¡"), loses to a Chinese reading made
   entirely of common characters. Long texts never are: GB18030 text does not
   stay valid UTF-8 for long.
3. Otherwise the readings Chinese files come in — GB18030 (a superset of GBK) and Big5, and
   UTF-16 without a mark (its zero bytes tell the byte order; pure Chinese text has none, and
   then the commoner reading wins) — and Windows-1252 where the feature takes Western text
   (`western=True`: scripts), which wins over a Chinese reading that is not all common
   characters when it reads as Latin words ("Müller", not "M黮ler"). A reading must be
   plausible text (`plausibility`) without the C1 controls and private-use characters a
   wrong guess produces; among Chinese readings, the one whose characters are the more
   common wins, since GB18030 and Big5 accept most of each other's bytes.
4. charset-normalizer's best guess, held to the same test, when none of those fits (where
   the feature allows a guess: not the roster, whose names are a record).

Errors are one `TextDecodeError` (a `UserError`) with a `kind` — "damaged", "binary" or
"unknown" — and one sentence in English and Chinese; features re-raise it as their own error
type where they promise one (scripts: `ScriptReadError`).
"""

from __future__ import annotations

import codecs

from models.errors import UserError
from models.messages import phrase
from models.names import HAN
from models.patterns import LazyPattern
from models.records import Record

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any, Literal

SHORT = 64 * 1024  # UTF-8 readings of texts up to this size are checked against Chinese ones
_SAMPLE = 200_000  # characters looked at when judging a reading
_CHUNK = 1 << 20

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# What scripts and lists are written in: ASCII, Latin letters and accents, punctuation, arrows,
# enclosed numbers, box drawing, CJK (with kana and Hangul), full-width forms.
_PLAUSIBLE = LazyPattern(
    r"[\t\n\r\x20-\x7e\u00a0-\u024f\u1e00-\u1eff\u2000-\u206f\u2100-\u214f\u2190-\u21ff"
    r"\u2460-\u24ff\u2500-\u27bf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ufeff]"
)
_CONTROL = LazyPattern(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# What a wrong guess at the encoding typically produces: C1 controls, private use, U+FFFD.
_GARBAGE = LazyPattern(r"[\x80-\x9f\ue000-\uf8ff\ufffd]")
# A UTF-8 reading is questioned when it holds characters outside _PLAUSIBLE, a combining mark
# on no letter, or a "word" made only of accented letters ("ī" is how UTF-8 reads the GB18030
# bytes of 墨): accents stand inside Latin words ("Márquez").
_FOREIGN_CLASS = (
    r"[^\x00-\x7f\u00a0-\u024f\u1e00-\u1eff\u2000-\u27bf\u3000-\u30ff\u3400-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ufeff]"
)
_FOREIGN = LazyPattern(_FOREIGN_CLASS)
_ACCENTED = LazyPattern(r"[\u00c0-\u024f]")
_UNLIKELY = LazyPattern(
    _FOREIGN_CLASS + r"|(?:^|(?<=[^A-Za-z\u00c0-\u024f\u0300-\u036f]))[\u0300-\u036f]"
    r"|(?<![A-Za-z\u00c0-\u024f])[\u00c0-\u024f]+(?![A-Za-z\u00c0-\u024f])"
)
_MIN_PLAUSIBLE = 0.9
_ASCII_LETTER = LazyPattern(r"[A-Za-z]")

if TYPE_CHECKING:
    Kind = Literal["damaged", "binary", "unknown"]


class TextDecodeError(UserError):
    """The bytes are not text this application reads; `kind` says why."""

    def __init__(self, kind: Kind, code: str, **values: Any) -> None:
        super().__init__(code, **values)
        self.kind = kind


class Decoded(Record):
    __slots__ = ("text", "encoding")  # noqa: RUF023 (field order)
    text: str
    encoding: str  # "utf-8", "utf-8 (BOM)", "gb18030", "utf-16-le" …

    def __init__(self, text: str, encoding: str) -> None:
        self._fill(text, encoding)


def decode(data: bytes, name: str, *, western: bool = False, guess: bool = True) -> Decoded:
    """The text of a file and the encoding it was in; TextDecodeError if it has none.

    `western`: Windows-1252 is read too (scripts). `guess`: charset-normalizer may propose an
    encoding when none of the fixed readings fits (not for the roster, a record of names)."""
    bom = _bom(data)
    if bom is not None:
        text = _strict(data[len(bom[0]) :], bom[1], name)
        refuse_binary(text, name)
        return Decoded(text, bom[1] + " (BOM)")
    utf8: str | None = None
    if b"\x00" not in data:
        try:
            utf8 = data.decode("utf-8")
        except UnicodeDecodeError:
            utf8 = None
    if utf8 is not None:
        chinese = _rival_of_utf8(data, utf8)
        if chinese is not None:
            return Decoded(chinese[1], chinese[2])
        refuse_binary(utf8, name)
        return Decoded(utf8, "utf-8")
    reading = _best_reading(data, _candidates(data))
    # UTF-16 without zero bytes is one line of pure Chinese: rarer than a Western text
    if western and (reading is None or reading[0] < 1.0 or reading[2].startswith("utf-16")):
        latin = _best_reading(data, ["cp1252"])
        if latin is not None and (reading is None or _looks_western(latin[1])):
            return Decoded(latin[1], latin[2])
    if reading is not None:
        return Decoded(reading[1], reading[2])
    guessed = _charset_normalizer(data) if guess else None
    if guessed is not None:
        return guessed
    try:
        refuse_binary(data[:_SAMPLE].decode("latin-1"), name)
        binary: Any = ""
    except TextDecodeError:
        binary = phrase("error.text.looks_binary")
    raise TextDecodeError(
        "unknown",
        "error.text.unknown_encoding",
        name=name,
        western=phrase("error.text.or_windows_1252") if western else "",
        binary=binary,
    )


def utf8_bytes(data: bytes) -> int | None:
    """Where UTF-8 text starts in `data` (after a UTF-8 mark, or 0) if the whole file is UTF-8
    that `decode` would keep as UTF-8; None otherwise. Checked a megabyte at a time, so a
    30 MB script can be kept as its own bytes and never held as text as well."""
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    if start == 0 and (_bom(data) is not None or b"\x00" in data):
        return None
    if start == 0 and len(data) <= SHORT:
        try:
            utf8 = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return None if _rival_of_utf8(data, utf8) is not None else 0
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    view = memoryview(data)
    try:
        for at in range(start, len(data), _CHUNK):
            decoder.decode(view[at : at + _CHUNK], final=at + _CHUNK >= len(data))
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return start


def _rival_of_utf8(data: bytes, utf8: str) -> tuple[float, str, str] | None:
    """A Chinese reading that beats a valid UTF-8 one: only for a short text whose UTF-8
    reading looks unlikely, and only when every Han character of it is a common one."""
    if len(data) > SHORT:
        return None
    if not _UNLIKELY.search(utf8) and (_ASCII_LETTER.search(utf8) or HAN.search(utf8)):
        return None
    chinese = _best_reading(data, ["gb18030", "big5"])
    return chinese if chinese is not None and chinese[0] == 1.0 else None


def plausibility(text: str) -> float:
    """Share of characters a script or list in a Latin script or Chinese plausibly contains."""
    sample = text[:_SAMPLE]
    if not sample:
        return 1.0
    return len(_PLAUSIBLE.findall(sample)) / len(sample)


def refuse_binary(text: str, name: str) -> None:
    """TextDecodeError("binary") for text with zero bytes or more than a few control codes."""
    sample = text[:_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > max(2, len(sample) // 200):
        raise TextDecodeError("binary", "error.text.binary", name=name)


def _looks_western(text: str) -> bool:
    """Latin text: accented letters a minority (at most one per two ASCII letters; Chinese
    bytes read as Windows-1252 are runs of accented letters), nothing a Latin text lacks."""
    sample = text[:_SAMPLE]
    ascii_letters = len(_ASCII_LETTER.findall(sample))
    accented = len(_ACCENTED.findall(sample))
    return ascii_letters >= max(1, 2 * accented) and not _FOREIGN.search(sample)


def _bom(data: bytes) -> tuple[bytes, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return bom, encoding
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise TextDecodeError(
            "damaged",
            "error.text.damaged_after_bom",
            name=name,
            encoding=encoding.upper(),
            at=e.start,
        ) from e


def _candidates(data: bytes) -> list[str]:
    """GB18030 and Big5, and UTF-16 without a mark (by where its zero bytes are)."""
    if b"\x00" not in data:
        return ["gb18030", "big5", *(["utf-16-le", "utf-16-be"] if len(data) % 2 == 0 else [])]
    if len(data) % 2:
        return []
    # UTF-16 of text with ASCII in it: the zero bytes are mostly the high halves. Both byte
    # orders are read only when they tie (一 is U+4E00: its zero byte is the low half).
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if even == odd:
        return ["utf-16-le", "utf-16-be"]
    return ["utf-16-be"] if even > odd else ["utf-16-le"]


def _best_reading(data: bytes, encodings: list[str]) -> tuple[float, str, str] | None:
    """The plausible reading whose Han characters are the most common (share, text, name);
    on a tie, the one with more Han characters (Big5 bytes GB18030 reads as box drawing)."""
    best: tuple[float, int, str, str] | None = None
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE]
        if _GARBAGE.search(sample) or _CONTROL.search(sample):
            continue
        if plausibility(text) < _MIN_PLAUSIBLE:
            continue
        score = commonness(text, encoding)
        if encoding.startswith("utf-16") and b"\x00" not in data and score < 0.5:
            continue  # UTF-16 with no zero byte is Chinese text: then mostly common characters
        han = len(HAN.findall(sample))
        if best is None or (score, han) > best[:2]:
            best = (score, han, text, encoding)
    return None if best is None else (best[0], best[2], best[3])


def commonness(text: str, encoding: str = "") -> float:
    """Share of the Han characters among the common ones: GB2312 level 1 for a GB18030
    reading, Big5 level 1 for a Big5 reading (second levels count half), whichever is higher
    for any other; kana count against. 1.0 for text without Han characters."""
    han = [c for c in text[:_SAMPLE] if "\u4e00" <= c <= "\u9fff" or "\u3040" <= c <= "\u30ff"]
    if not han:
        return 1.0
    gb = big5 = 0.0
    for c in han:
        if c <= "\u30ff":
            continue
        if encoding != "big5":
            gb += _level(c, "gb18030", (0xB0, 0xD7), (0xD8, 0xF7))
        if encoding != "gb18030":
            big5 += _level(c, "big5", (0xA4, 0xC6), (0xC9, 0xF9))
    return max(gb, big5) / len(han)


def _level(c: str, encoding: str, first: tuple[int, int], second: tuple[int, int]) -> float:
    try:
        raw = c.encode(encoding)
    except UnicodeEncodeError:
        return 0.0
    if len(raw) != 2 or (encoding == "gb18030" and raw[1] < 0xA1):
        return 0.0  # GBK extensions and four-byte codes are rare characters
    lead = raw[0]
    return 1.0 if first[0] <= lead <= first[1] else 0.5 if second[0] <= lead <= second[1] else 0.0


def _charset_normalizer(data: bytes) -> Decoded | None:
    import charset_normalizer  # only for text none of the above reads: keeps start-up short

    best = charset_normalizer.from_bytes(data[: 4 * _SAMPLE]).best()
    if best is None or not best.encoding:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if _GARBAGE.search(text[:_SAMPLE]) or _CONTROL.search(text[:_SAMPLE]):
        return None
    if plausibility(text) < _MIN_PLAUSIBLE:
        return None
    return Decoded(text, best.encoding)
