"""A strict, bounded DER reader (statement signatures, the desk's own certificate): definite
minimal lengths, no trailing bytes, limited depth.

A hostile signature must be answered quickly: this walks the tag-length-value structure once,
never re-encodes, and refuses anything larger or deeper than a statement signature can be.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_DER_BYTES = 256 * 1024
MAX_DEPTH = 24
MAX_ELEMENTS = 20_000
# The universal tags the certificate and CMS readers name (X.690).
BOOLEAN, INTEGER, BIT_STRING, OCTET_STRING, OID = 0x01, 0x02, 0x03, 0x04, 0x06
SEQUENCE, SET = 0x30, 0x31


class DerError(ValueError):
    """The bytes are not strict DER within the limits."""


@dataclass(frozen=True)
class Tlv:
    """One element: its identifier octet, where its value starts and ends in the buffer."""

    tag: int
    start: int  # offset of the identifier octet
    value_start: int
    end: int  # offset just after the value

    @property
    def constructed(self) -> bool:
        return bool(self.tag & 0x20)


def read_tlv(data: bytes, offset: int, limit: int) -> Tlv:
    """The element at `offset`, which must end by `limit`."""
    if offset >= limit:
        raise DerError("unexpected end of data")
    tag = data[offset]
    if tag & 0x1F == 0x1F:
        raise DerError("high tag numbers are not used in a statement signature")
    pos = offset + 1
    if pos >= limit:
        raise DerError("missing length")
    first = data[pos]
    pos += 1
    if first < 0x80:
        length = first
    elif first == 0x80:
        raise DerError("indefinite length is not DER")
    else:
        count = first & 0x7F
        if count > 4 or pos + count > limit:
            raise DerError("length too large")
        raw = data[pos : pos + count]
        if raw[0] == 0:
            raise DerError("length is not minimally encoded")
        length = int.from_bytes(raw, "big")
        if length < 0x80:
            raise DerError("length is not minimally encoded")
        pos += count
    end = pos + length
    if end > limit:
        raise DerError("element runs past its container")
    return Tlv(tag, offset, pos, end)


def children(data: bytes, tlv: Tlv) -> list[Tlv]:
    """The direct children of a constructed element."""
    out: list[Tlv] = []
    pos = tlv.value_start
    while pos < tlv.end:
        child = read_tlv(data, pos, tlv.end)
        out.append(child)
        pos = child.end
    return out


def check_strict(data: bytes) -> Tlv:
    """The single top-level element of `data`, after checking every element is strict DER.

    Raises DerError for anything else (trailing bytes, too deep, too many elements, too big).
    """
    if len(data) > MAX_DER_BYTES:
        raise DerError("the signature is larger than any statement signature")
    top = read_tlv(data, 0, len(data))
    if top.end != len(data):
        raise DerError("bytes after the signature")
    count = 0
    stack: list[tuple[Tlv, int]] = [(top, 1)]
    while stack:
        tlv, depth = stack.pop()
        count += 1
        if count > MAX_ELEMENTS:
            raise DerError("too many elements")
        if depth > MAX_DEPTH:
            raise DerError("nested too deeply")
        if tlv.constructed:
            for child in children(data, tlv):
                stack.append((child, depth + 1))
        else:
            _check_primitive(data, tlv)
    return top


def _check_primitive(data: bytes, tlv: Tlv) -> None:
    value = data[tlv.value_start : tlv.end]
    number = tlv.tag & 0x1F
    universal = tlv.tag & 0xC0 == 0
    if not universal:
        return
    if number == 0x01 and (len(value) != 1 or value[0] not in (0x00, 0xFF)):
        raise DerError("BOOLEAN is not DER")
    if number == 0x02 and (
        not value
        or (len(value) > 1 and value[0] == 0x00 and value[1] < 0x80)
        or (len(value) > 1 and value[0] == 0xFF and value[1] >= 0x80)
    ):
        raise DerError("INTEGER is not minimally encoded")
    if number == 0x05 and value:
        raise DerError("NULL has content")
    if number == 0x03 and (not value or value[0] > 7 or (len(value) == 1 and value[0])):
        raise DerError("BIT STRING is not DER")


__all__ = ["MAX_DEPTH", "MAX_DER_BYTES", "DerError", "Tlv", "check_strict", "children", "read_tlv"]


def oid_text(der: bytes, tlv: Tlv) -> str:
    """An OBJECT IDENTIFIER's dotted form (raises DerError when it is not one)."""
    value = der[tlv.value_start : tlv.end]
    if tlv.tag != OID or not value or value[-1] & 0x80:
        raise DerError("not an object identifier")
    arcs: list[int] = []
    n = 0
    for i, byte in enumerate(value):
        if n == 0 and byte == 0x80:
            raise DerError("an object identifier is not minimally encoded")
        n = (n << 7) | (byte & 0x7F)
        if not byte & 0x80:
            if not arcs:
                first = min(n // 40, 2)
                arcs += [first, n - 40 * first]
            else:
                arcs.append(n)
            n = 0
        elif i == len(value) - 1:
            raise DerError("an object identifier is cut short")
    return ".".join(map(str, arcs))
