"""How much a PDF page draws, bounded before PDFium is given the page.

PDFium builds a page's objects and its text layer in C, where no time budget can stop it: a
page whose content stream inflates to 20 MB of text, or a small form XObject drawn thousands
of times, takes gigabytes and tens of seconds there. So each page is measured first through
pypdf's object reader (no content parsing): the decoded bytes of its content streams, plus
those of every form XObject each time it is drawn (`/Name Do`), forms within forms included.
A page drawing more than `PAGE_LIMIT` bytes is not a script page (a dense script page draws
5–30 KB; a page printed one glyph per text object ~150 KB).
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections import Counter
from typing import Any

PAGE_LIMIT = 2_000_000  # decoded content bytes one page may draw, forms counted per use
_DEPTH = 8  # forms within forms
_DO = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s*Do(?![^\s/\[\]<>(){}%])")


class Overdrawn(Exception):
    """The page draws more than a script page could."""


def check_page(page: Any) -> int:
    """The bytes the page draws; Overdrawn past the limit."""
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    streams = list(contents) if isinstance(contents, list) else [contents] if contents else []
    data = b"".join(_decoded(s.get_object(), PAGE_LIMIT) for s in streams)
    sizes: dict[int, int] = {}
    return _drawn(data, page.get("/Resources"), sizes, 0)


def _drawn(content: bytes, resources: Any, sizes: dict[int, int], depth: int) -> int:
    total = len(content)
    if total > PAGE_LIMIT:
        raise Overdrawn
    uses = Counter(_DO.findall(content))
    if not uses:
        return total
    if depth >= _DEPTH:
        raise Overdrawn
    resources = resources.get_object() if resources is not None else {}
    xobjects = resources.get("/XObject") if hasattr(resources, "get") else None
    xobjects = xobjects.get_object() if xobjects is not None else {}
    for name, count in uses.items():
        ref = xobjects.get("/" + name.decode("latin-1"))
        if ref is None:
            continue
        key = getattr(ref, "idnum", None)
        form = ref.get_object()
        if not hasattr(form, "get") or form.get("/Subtype") != "/Form":
            continue
        if key is None or key not in sizes:
            inner = _decoded(form, PAGE_LIMIT)
            size = _drawn(inner, form.get("/Resources", resources), sizes, depth + 1)
            if key is not None:
                sizes[key] = size
        else:
            size = sizes[key]
        total += count * size
        if total > PAGE_LIMIT:
            raise Overdrawn
    return total


def _decoded(stream: Any, limit: int) -> bytes:
    """A stream's data, decoded no further than `limit` bytes past which the page is refused.

    Flate (through zlib, stopped at the limit) and the ASCII filters ReportLab puts before it
    are decoded here; any other filter through pypdf's decoders, which bound their own output.
    """
    filters = stream.get("/Filter")
    filters = filters.get_object() if filters is not None else None
    names = [str(f) for f in filters] if isinstance(filters, list) else [str(filters or "")]
    data = bytes(stream._data) if hasattr(stream, "_data") else b""
    for name in names:
        if name == "":
            continue
        step = _STEPS.get(name)
        if step is None:
            data = stream.get_data()  # pypdf decodes the whole chain
            break
        try:
            data = step(data, limit)
        except (ValueError, zlib.error):
            return b""  # damaged: PDFium recovers what it can; nothing to count here
    if len(data) > limit:
        raise Overdrawn
    return data


def _inflate(data: bytes, limit: int) -> bytes:
    return zlib.decompressobj().decompress(data, limit + 1)


def _ascii85(data: bytes, limit: int) -> bytes:
    data = data.strip()
    if data.startswith(b"<~"):
        data = data[2:]
    end = data.find(b"~>")
    return base64.a85decode(data if end < 0 else data[:end], ignorechars=b" \t\n\r\x0b\x0c")


def _ascii_hex(data: bytes, limit: int) -> bytes:
    end = data.find(b">")
    digits = bytes(c for c in (data if end < 0 else data[:end]) if c not in b" \t\n\r\x0c\x00")
    return binascii.unhexlify(digits + b"0" * (len(digits) % 2))


_STEPS = {
    "/FlateDecode": _inflate,
    "/Fl": _inflate,
    "/ASCII85Decode": _ascii85,
    "/A85": _ascii85,
    "/ASCIIHexDecode": _ascii_hex,
    "/AHx": _ascii_hex,
}
