"""What the signed revision of a statement holds, read with bounded work.

Used after (or alongside) the byte-level checks in `structure`: once those pass, the file is
exactly one signed revision, so its current objects are the signed ones. Streams are decoded
here with a size budget (Flate and ASCII85 only, as our renderer writes them), so a
compressed bomb is refused rather than expanded.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

MAX_STREAM_BYTES = 16 * 1024 * 1024
MAX_PAGES = 2000
MAX_TREE_NODES = 10_000
PAGE_DIGEST_KEY = "page-content-sha256"
_PDF_DATE = re.compile(
    r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([+\-Z])(?:(\d{2})'?(\d{2})?'?)?)?"
)
_KEYWORD = re.compile(r"([a-z0-9-]+)=([0-9a-f]{64})")


class StreamError(ValueError):
    """A stream that cannot be decoded within the budget or with the filters we accept."""


@dataclass(frozen=True)
class SignatureField:
    name: str
    value: generic.DictionaryObject
    reference: Any  # the indirect reference of the signature dictionary, if any


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    value = value.get_object() if hasattr(value, "get_object") else value
    if isinstance(value, generic.NameObject):
        return [str(value)]
    if isinstance(value, generic.ArrayObject):
        return [str(v.get_object()) for v in value]
    raise StreamError("the stream's filter is not a name")


def string_bytes(value: Any) -> bytes | None:
    """The bytes of a PDF string object as written (hex or literal), else None."""
    if isinstance(value, generic.TextStringObject):
        original: bytes = value.original_bytes
        return original
    if isinstance(value, bytes):
        return bytes(value)
    return None


def pdf_date(value: Any) -> datetime | None:
    """A PDF date (`D:20261207162750+08'00'`) as an aware datetime, else None."""
    m = _PDF_DATE.fullmatch(str(value or ""))
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


def decode_stream(stream: generic.StreamObject, budget: int = MAX_STREAM_BYTES) -> bytes:
    """The decoded bytes of `stream`, refusing more than `budget` bytes or unknown filters."""
    data: bytes = stream.encoded_data
    params = stream.get("/DecodeParms")
    if params is not None and params.get_object() not in (generic.NullObject(), None):
        obj = params.get_object()
        if not (
            isinstance(obj, generic.ArrayObject)
            and all(isinstance(p.get_object(), generic.NullObject) for p in obj)
        ):
            raise StreamError("the stream uses decoding parameters")
    for name in _names(stream.get("/Filter")):
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
            text = bytes(b for b in data if b not in b" \t\r\n\x0c\x00")
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


def signature_fields(reader: PdfFileReader) -> list[SignatureField]:
    """Every signature field that holds a signature value, anywhere in the form tree."""
    try:
        form = reader.root["/AcroForm"].get_object()
        fields = form["/Fields"].get_object()
    except (KeyError, TypeError, AttributeError):
        return []
    found: list[SignatureField] = []
    stack: list[tuple[Any, str | None]] = [(f, None) for f in reversed(list(fields))]
    seen = 0
    while stack:
        ref, inherited_ft = stack.pop()
        seen += 1
        if seen > MAX_TREE_NODES:
            raise StreamError("the form has too many fields")
        node = ref.get_object()
        if not isinstance(node, generic.DictionaryObject):
            continue
        ft = str(node["/FT"]) if "/FT" in node else inherited_ft
        kids = node.get("/Kids")
        if kids is not None:
            stack.extend((k, ft) for k in reversed(list(kids.get_object())))
        if ft == "/Sig" and "/V" in node:
            raw = node.raw_get("/V")
            value = raw.get_object()
            if isinstance(value, generic.DictionaryObject):
                name = str(node.get("/T", ""))
                found.append(SignatureField(name, value, raw if _is_ref(raw) else None))
    return found


def _is_ref(value: Any) -> bool:
    return isinstance(value, generic.IndirectObject)


def certification_level(reader: PdfFileReader, field: SignatureField) -> int | None:
    """The DocMDP /P of a certification made by this very signature, else None."""
    try:
        perms = reader.root["/Perms"].get_object()
        raw = perms.raw_get("/DocMDP")
    except (KeyError, TypeError, AttributeError):
        return None
    if field.reference is None or not _is_ref(raw):
        return None
    if (raw.idnum, raw.generation) != (field.reference.idnum, field.reference.generation):
        return None
    try:
        for ref in field.value["/Reference"]:
            entry = ref.get_object()
            if str(entry.get("/TransformMethod")) == "/DocMDP":
                params = entry["/TransformParams"].get_object()
                return int(params.get("/P", 2))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return None


def attachment(reader: PdfFileReader, file_name: str, budget: int) -> bytes | None:
    """The bytes of the embedded file `file_name` (flat name tree, as we write it)."""
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except (KeyError, TypeError, AttributeError):
        return None
    for i in range(0, min(len(names), 2 * MAX_TREE_NODES) - 1, 2):
        name = names[i]
        if isinstance(name, generic.TextStringObject | generic.ByteStringObject) and (
            str(name) == file_name
        ):
            stream = names[i + 1].get_object()["/EF"]["/F"].get_object()
            return decode_stream(stream, budget)
    return None


def keywords(reader: PdfFileReader) -> dict[str, str]:
    """`name=hexdigest` pairs from the document's keywords (as our signing writes them)."""
    try:
        info = reader.trailer_view["/Info"].get_object()
        text = str(info.get("/Keywords", ""))
    except (KeyError, TypeError, AttributeError):
        return {}
    return dict(_KEYWORD.findall(text))


def _pages(reader: PdfFileReader) -> list[generic.DictionaryObject]:
    pages: list[generic.DictionaryObject] = []
    stack: list[Any] = [reader.root["/Pages"]]
    visited: set[int] = set()
    while stack:
        node = stack.pop().get_object()
        if id(node) in visited or len(visited) > MAX_TREE_NODES:
            raise StreamError("the page tree is not a tree")
        visited.add(id(node))
        if str(node.get("/Type", "")) == "/Pages" or "/Kids" in node:
            stack.extend(reversed(list(node["/Kids"])))
        else:
            pages.append(node)
            if len(pages) > MAX_PAGES:
                raise StreamError("too many pages")
    return pages


def page_content_digest(
    reader: PdfFileReader, record_sha256: str, budget: int = MAX_STREAM_BYTES
) -> str:
    """SHA-256 over the record's hash, then every page's decoded content streams in page
    order, each framed by its length.

    It binds what a viewer draws on the pages to the attached record: computed at signing
    time from the document as rendered from that record, and checked again at verification,
    whatever the words say. Swapping the pages or the record breaks it.
    """
    digest = hashlib.sha256(b"consent-desk-pages\n" + record_sha256.encode("ascii") + b"\n")
    left = budget
    for number, page in enumerate(_pages(reader), start=1):
        digest.update(b"page %d\n" % number)
        contents = page.get("/Contents")
        if contents is None:
            continue
        contents = contents.get_object()
        streams = list(contents) if isinstance(contents, generic.ArrayObject) else [contents]
        for ref in streams:
            stream = ref.get_object()
            if not isinstance(stream, generic.StreamObject):
                raise StreamError("a page's content is not a stream")
            data = decode_stream(stream, left)
            left -= len(data)
            digest.update(b"%d\n" % len(data))
            digest.update(data)
    return digest.hexdigest()


__all__ = [
    "PAGE_DIGEST_KEY",
    "SignatureField",
    "StreamError",
    "attachment",
    "certification_level",
    "decode_stream",
    "keywords",
    "page_content_digest",
    "pdf_date",
    "signature_fields",
    "string_bytes",
]
