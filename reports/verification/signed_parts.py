"""What verification reads from a signed PDF, whichever reader read it.

Two readers answer the same questions. `own_form` reads a file in exactly the form Consent
Desk writes, straight from the bytes, with no PDF library loaded; `pdf_parts` reads any other
file with pyHanko's reader. `SignedParts` is what both answer, so `signed_file` composes one
verdict over either. What both need to agree byte for byte lives here, once: the stream
filters (Flate and ASCII85 within a size budget, as our renderer writes them, so a
compressed bomb is refused rather than expanded), PDF dates, the keywords and the framing
of the page-content digest.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Protocol

MAX_STREAM_BYTES = 16 * 1024 * 1024
MAX_RECORD_BYTES = 4 * 1024 * 1024
MAX_PAGES = 2000
MAX_TREE_NODES = 10_000
PAGE_DIGEST_KEY = "page-content-sha256"
_PDF_DATE = re.compile(
    r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([+\-Z])(?:(\d{2})'?(\d{2})?'?)?)?"
)
_KEYWORD = re.compile(r"([a-z0-9-]+)=([0-9a-f]{64})")


class StreamError(ValueError):
    """A stream that cannot be decoded within the budget or with the filters we accept."""


class SignatureValue:
    """One signature field's value, as the verdict reads it. (A plain class: a data class
    costs more to define at import than the own-form reader takes to read a statement.)"""

    __slots__ = ("byte_range", "contents", "handle", "pdf_time", "sub_filter")

    def __init__(
        self,
        *,
        contents: bytes | None,
        byte_range: tuple[int, ...] | None,
        pdf_time: datetime | None,
        sub_filter: str,
        handle: object = None,
    ) -> None:
        self.contents = contents  # /Contents as written (hex or literal); None: not a string
        self.byte_range = byte_range  # entries that are not integers as -1; None: no array
        self.pdf_time = pdf_time  # /M
        self.sub_filter = sub_filter  # /SubFilter ("/ETSI.CAdES.detached"), "" when absent
        self.handle = handle  # the reader's own, to answer `certification_level`


class SignedParts(Protocol):
    """The questions `signed_file` asks of a signed PDF's current revision."""

    def signatures(self) -> list[SignatureValue]:
        """Every signature field that holds a signature value, in form order."""
        ...

    def certification_level(self, signature: SignatureValue) -> int | None:
        """The DocMDP /P of a certification made by this very signature, else None."""
        ...

    def record(self) -> bytes | None:
        """The attached statement record, decoded (None: no such attachment)."""
        ...

    def keywords(self) -> dict[str, str]:
        """`name=hexdigest` pairs from the document's keywords."""
        ...

    def page_content_digest(self, record_sha256: str) -> str:
        """The page-content digest bound to `record_sha256` (`PageDigest`); StreamError
        when a page's content cannot be read."""
        ...


def decode_filters(data: bytes, filters: Sequence[str], budget: int) -> bytes:
    """`data` through `filters` in order, refusing more than `budget` bytes or other filters."""
    for name in filters:
        if name in ("/FlateDecode", "/Fl"):
            inflater = zlib.decompressobj()
            try:
                out = inflater.decompress(data, budget + 1)
            except zlib.error as e:
                raise StreamError(f"a compressed stream is damaged ({e})") from e
            if len(out) > budget or inflater.unconsumed_tail:
                raise StreamError("a stream expands beyond the size limit")
            data = out
        elif name in ("/ASCII85Decode", "/A85"):
            text = data.translate(None, b" \t\r\n\x0c\x00")
            if text.endswith(b"~>"):
                text = text[:-2]
            if text.startswith(b"<~"):
                text = text[2:]
            try:
                data = base64.a85decode(text)
            except ValueError as e:
                raise StreamError(f"an ASCII85 stream is damaged ({e})") from e
        else:
            raise StreamError(f"the stream uses the filter {name}")
        if len(data) > budget:
            raise StreamError("a stream expands beyond the size limit")
    return data


def pdf_date(text: str) -> datetime | None:
    """A PDF date (`D:20261207162750+08'00'`) as an aware datetime, else None."""
    m = _PDF_DATE.fullmatch(text)
    if m is None:
        return None
    year, month, day, hour, minute, second, sign, oh, om = m.groups()
    zone = UTC
    if sign in ("+", "-"):
        delta = timedelta(hours=int(oh or 0), minutes=int(om or 0))
        zone = timezone(delta if sign == "+" else -delta)
    try:
        return datetime(
            int(year),
            int(month or 1),
            int(day or 1),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=zone,
        )
    except ValueError:
        return None


def keywords_in(text: str) -> dict[str, str]:
    """`name=hexdigest` pairs in the document's keywords (as our signing writes them)."""
    return dict(_KEYWORD.findall(text))


class PageDigest:
    """SHA-256 over the record's hash, then every page's decoded content streams in page
    order, each framed by its length.

    It binds what a viewer draws on the pages to the attached record: computed at signing
    time from the document as rendered from that record, and checked again at verification,
    whatever the words say. Swapping the pages or the record breaks it. `left` is what the
    page streams may still decode to, all pages together.
    """

    def __init__(self, record_sha256: str, budget: int = MAX_STREAM_BYTES) -> None:
        prefix = b"consent-desk-pages\n" + record_sha256.encode("ascii") + b"\n"
        self._digest = hashlib.sha256(prefix)
        self._pages = 0
        self.left = budget

    def next_page(self) -> None:
        self._pages += 1
        self._digest.update(b"page %d\n" % self._pages)

    def add(self, content: bytes) -> None:
        self.left -= len(content)
        self._digest.update(b"%d\n" % len(content))
        self._digest.update(content)

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


__all__ = [
    "MAX_PAGES",
    "MAX_RECORD_BYTES",
    "MAX_STREAM_BYTES",
    "MAX_TREE_NODES",
    "PAGE_DIGEST_KEY",
    "PageDigest",
    "SignatureValue",
    "SignedParts",
    "StreamError",
    "decode_filters",
    "keywords_in",
    "pdf_date",
]
