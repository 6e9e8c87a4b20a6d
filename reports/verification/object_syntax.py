"""PDF objects read strictly from bytes: the subset of the syntax our statements are written in.

The values are plain Python ones: a dictionary is a `dict` keyed by names, an array a `list`,
integers and reals `int` and `float`, booleans `bool`, null `None`, and three small types for
what Python lacks: `Name` (spelled as pyHanko spells it, with its slash and `#xx` escapes
expanded), `PdfString` (a string's bytes, hex or literal, escapes expanded), `Ref` (an
indirect reference) and `Stream` (a stream's dictionary and its raw bytes).

Strict means that whatever two PDF readers might read differently is not read at all: odd
hex digits, a backslash before a line end, a bare carriage return inside a string, a name
byte that must be escaped, a repeated dictionary key, an indirect reference spelled other
than `N G R`, a stream whose `/Length` is not a direct integer, an object that does not end
with `endobj`. Each raises `Declined`, as does going past the budget of tokens or the depth
limit, so hostile input costs bounded work.
"""

from __future__ import annotations

import re
from typing import TypeAlias

MAX_DEPTH = 32
_WS = b" \t\n\r\x0c\x00"
_AFTER_TOKEN = rb"(?=[ \t\n\r\x0c\x00()<>\[\]{}/%]|\Z)"
_SKIP = re.compile(rb"(?:[ \t\n\r\x0c\x00]+|%[^\r\n]*)*")
_WHITESPACE = re.compile(rb"[ \t\n\r\x0c\x00]*")
_NAME = re.compile(rb"/((?:(?![()<>\[\]{}/%])[\x21-\x7e])*)" + _AFTER_TOKEN)
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_REF = re.compile(rb"(\d{1,10}) (\d{1,5}) R(?=[ \t\n\r\x0c\x00()<>\[\]{}/%])")
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)" + _AFTER_TOKEN)
_KEYWORD = re.compile(rb"(true|false|null)" + _AFTER_TOKEN)
_HEX = re.compile(rb"<([0-9A-Fa-f \t\n\r\x0c\x00]*)>")
_PLAIN = re.compile(rb"[^\\()\r]*")
_OCTAL = re.compile(rb"[0-7]{1,3}")
_OBJ = re.compile(rb"(\d{1,10}) (\d{1,5}) obj" + _AFTER_TOKEN)
_ENDOBJ = re.compile(rb"endobj" + _AFTER_TOKEN)
_ESCAPES = {
    **{c: bytes([c]) for c in b"() /%<>[]#_&$\\"},
    ord("n"): b"\n",
    ord("r"): b"\r",
    ord("t"): b"\t",
    ord("b"): b"\b",
    ord("f"): b"\f",
}


class Declined(Exception):
    """The bytes are not in the form this reader accepts; they are to be read another way."""


class Name(str):
    """A PDF name with its slash (`/Type`), escapes expanded."""


class PdfString(bytes):
    """A PDF string's bytes, whether written in hex or as a literal."""


class Ref:
    """An indirect reference `num gen R`. (Plain classes here: a named tuple or a data class
    costs more to define at import than reading a whole statement.)"""

    __slots__ = ("gen", "num")

    def __init__(self, num: int, gen: int) -> None:
        self.num = num
        self.gen = gen

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ref) and (self.num, self.gen) == (other.num, other.gen)

    def __hash__(self) -> int:
        return hash((self.num, self.gen))

    def __repr__(self) -> str:
        return f"Ref({self.num}, {self.gen})"


class Stream:
    """A stream: its dictionary and its bytes as written (still encoded)."""

    __slots__ = ("data", "entries")

    def __init__(self, entries: dict[str, Value], data: bytes) -> None:
        self.entries = entries
        self.data = data


Value: TypeAlias = (
    bool | int | float | Name | PdfString | Ref | Stream | list["Value"] | dict[str, "Value"] | None
)


def ascii_text(value: PdfString) -> str:
    """A string's text when it is printable ASCII (which every PDF text encoding reads
    alike); anything else is declined rather than guessed."""
    if any(b < 0x20 or b > 0x7E for b in value):
        raise Declined("a text string that is not printable ASCII")
    return value.decode("ascii")


class ObjectReader:
    """Reads objects from `data`, spending at most `tokens` tokens over its lifetime."""

    def __init__(self, data: bytes, tokens: int) -> None:
        self.data = data
        self.tokens_left = tokens

    def skip(self, pos: int) -> int:
        """Past whitespace and comments."""
        return _SKIP.match(self.data, pos).end()  # type: ignore[union-attr]  # matches empty

    def indirect(self, offset: int, num: int) -> Value:
        """Object `num` (generation 0), which must start exactly at `offset`."""
        data = self.data
        m = _OBJ.match(data, offset)
        if m is None or int(m[1]) != num or int(m[2]) != 0:
            raise Declined(f"object {num} is not where the cross-reference table says")
        value, pos = self.value(self.skip(m.end()))
        if value is None or isinstance(value, Ref):
            raise Declined(f"object {num} is null or a bare reference")
        pos = self.skip(pos)
        if isinstance(value, dict) and data.startswith(b"stream", pos):
            value, pos = self._stream(value, pos + 6)
            pos = self.skip(pos)
        if _ENDOBJ.match(data, pos) is None:
            raise Declined(f"object {num} does not end with endobj")
        return value

    def _stream(self, entries: dict[str, Value], pos: int) -> tuple[Stream, int]:
        data = self.data
        if data.startswith(b"\r\n", pos):
            start = pos + 2
        elif data.startswith(b"\n", pos):
            start = pos + 1
        else:
            raise Declined("a stream keyword not followed by an end of line")
        length = entries.get("/Length")
        if not isinstance(length, int) or isinstance(length, bool) or length < 0:
            raise Declined("a stream without a direct /Length")
        end = start + length
        if end > len(data):
            raise Declined("a stream runs past the end of the file")
        after = _WHITESPACE.match(data, end).end()  # type: ignore[union-attr]
        if not data.startswith(b"endstream", after):
            raise Declined("a stream's /Length does not end at endstream")
        return Stream(entries, data[start:end]), after + 9

    def _spend(self) -> None:
        self.tokens_left -= 1
        if self.tokens_left < 0:
            raise Declined("objects too large to read")

    def value(self, pos: int, depth: int = 0) -> tuple[Value, int]:
        """The value starting at `pos` (no whitespace before it), and where it ends."""
        self._spend()
        if depth > MAX_DEPTH:
            raise Declined("an object nested too deeply")
        data = self.data
        head = data[pos : pos + 1]
        if head == b"/":
            return self._name(pos)
        if head == b"<":
            if data.startswith(b"<<", pos):
                return self._dict(pos + 2, depth)
            return self._hex(pos)
        if head == b"[":
            return self._array(pos + 1, depth)
        if head == b"(":
            return self._literal(pos + 1)
        if head.isdigit():
            m = _REF.match(data, pos)
            if m is not None:
                num, gen = int(m[1]), int(m[2])
                if num == 0:
                    raise Declined("a reference to object 0")
                return Ref(num, gen), m.end()
        if head.isdigit() or head in (b"+", b"-", b"."):
            m = _NUMBER.match(data, pos)
            if m is None:
                raise Declined("a malformed number")
            text = m[0]
            return (float(text) if b"." in text else int(text)), m.end()
        m = _KEYWORD.match(data, pos)
        if m is None:
            raise Declined(f"an unexpected token at byte {pos}")
        return {b"true": True, b"false": False, b"null": None}[m[1]], m.end()

    def _name(self, pos: int) -> tuple[Name, int]:
        m = _NAME.match(self.data, pos)
        if m is None:
            raise Declined("a name with a byte that must be escaped")
        raw = m[1]
        if b"#" in raw:
            unescaped = _NAME_ESCAPE.sub(lambda e: bytes([int(e[1], 16)]), raw)
            if raw.count(b"#") != len(_NAME_ESCAPE.findall(raw)):
                raise Declined("a malformed escape in a name")
            raw = unescaped
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        return Name("/" + text), m.end()

    def _dict(self, pos: int, depth: int) -> tuple[dict[str, Value], int]:
        data = self.data
        out: dict[str, Value] = {}
        while True:
            pos = self.skip(pos)
            if data.startswith(b">>", pos):
                return out, pos + 2
            if data[pos : pos + 1] != b"/":
                raise Declined("a dictionary key that is not a name")
            key, pos = self._name(pos)
            value, pos = self.value(self.skip(pos), depth + 1)
            if key in out:
                raise Declined(f"the key {key} twice in one dictionary")
            out[key] = value

    def _array(self, pos: int, depth: int) -> tuple[list[Value], int]:
        data = self.data
        out: list[Value] = []
        while True:
            pos = self.skip(pos)
            if data.startswith(b"]", pos):
                return out, pos + 1
            value, pos = self.value(pos, depth + 1)
            out.append(value)

    def _hex(self, pos: int) -> tuple[PdfString, int]:
        m = _HEX.match(self.data, pos)
        if m is None:
            raise Declined("a malformed hex string")
        digits = m[1].translate(None, _WS)
        if len(digits) % 2:
            raise Declined("a hex string with an odd number of digits")
        return PdfString(bytes.fromhex(digits.decode("ascii"))), m.end()

    def _literal(self, pos: int) -> tuple[PdfString, int]:
        data = self.data
        out = bytearray()
        depth = 1
        while True:
            m = _PLAIN.match(data, pos)
            assert m is not None  # matches empty
            out += m[0]
            pos = m.end()
            head = data[pos : pos + 1]
            if head == b"(":
                self._spend()
                depth += 1
            elif head == b")":
                depth -= 1
                if depth == 0:
                    return PdfString(out), pos + 1
            elif head == b"\\":
                self._spend()  # escapes are read one by one: each costs a token
                pos += 1
                escaped = data[pos : pos + 1]
                if escaped and escaped[0] in _ESCAPES:
                    out += _ESCAPES[escaped[0]]
                    pos += 1
                    continue
                octal = _OCTAL.match(data, pos)
                if octal is None:
                    raise Declined("an escape in a string that readers differ on")
                digits = octal[0]
                pos = octal.end()
                if (len(digits) < 3 and data[pos : pos + 1].isdigit()) or int(digits, 8) > 0xFF:
                    raise Declined("an octal escape that readers differ on")
                out.append(int(digits, 8))
                continue
            else:  # a carriage return (read differently by different readers) or the end
                raise Declined("a string with a bare carriage return, or unterminated")
            out += head
            pos += 1


__all__ = [
    "Declined",
    "Name",
    "ObjectReader",
    "PdfString",
    "Ref",
    "Stream",
    "Value",
    "ascii_text",
]
