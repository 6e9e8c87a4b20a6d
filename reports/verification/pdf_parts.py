"""What the signed revision of a statement holds, read with pyHanko's reader and bounded work.

The reader for every file that is not in exactly our own form (`own_form` declines it):
`PyHankoParts` answers `signed_parts.SignedParts` from pyHanko's `PdfFileReader`. Used after
(or alongside) the byte-level checks in `structure`: once those pass, the file is exactly one
signed revision, so its current objects are the signed ones. Streams are decoded with the
shared size budget (`signed_parts.decode_filters`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reports.verification.deferred import defer_for_pyhankos_reader

defer_for_pyhankos_reader()

from pyhanko.pdf_utils import generic  # noqa: E402
from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: E402

from models.statements.record import RECORD_FILE_NAME  # noqa: E402
from reports.verification import signed_parts  # noqa: E402
from reports.verification.signed_parts import (  # noqa: E402
    MAX_PAGES,
    MAX_RECORD_BYTES,
    MAX_STREAM_BYTES,
    MAX_TREE_NODES,
    PAGE_DIGEST_KEY,
    PageDigest,
    SignatureValue,
    StreamError,
    decode_filters,
    keywords_in,
)


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
    return signed_parts.pdf_date(str(value or ""))


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
    return decode_filters(data, _names(stream.get("/Filter")), budget)


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
    return keywords_in(text)


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
    """The page-content digest (`signed_parts.PageDigest`) of the reader's current pages."""
    digest = PageDigest(record_sha256, budget)
    for page in _pages(reader):
        digest.next_page()
        contents = page.get("/Contents")
        if contents is None:
            continue
        contents = contents.get_object()
        streams = list(contents) if isinstance(contents, generic.ArrayObject) else [contents]
        for ref in streams:
            stream = ref.get_object()
            if not isinstance(stream, generic.StreamObject):
                raise StreamError("a page's content is not a stream")
            digest.add(decode_stream(stream, digest.left))
    return digest.hexdigest()


class PyHankoParts:
    """`SignedParts` read with pyHanko's reader: any PDF, at the cost of loading pyHanko.

    Each answer is read when asked, as the verdict asks for it, so what a damaged file makes
    pyHanko raise surfaces exactly where it always did."""

    def __init__(self, data: bytes) -> None:
        self.reader = PdfFileReader(io.BytesIO(data), strict=False)

    def signatures(self) -> list[SignatureValue]:
        found: list[SignatureValue] = []
        for field in signature_fields(self.reader):
            byte_range = field.value.get("/ByteRange")
            found.append(
                SignatureValue(
                    contents=string_bytes(field.value.get("/Contents")),
                    byte_range=tuple(
                        v if isinstance(v, int) and not isinstance(v, bool) else -1
                        for v in byte_range
                    )
                    if isinstance(byte_range, list)
                    else None,
                    pdf_time=pdf_date(field.value.get("/M")),
                    sub_filter=str(field.value.get("/SubFilter", "")),
                    handle=field,
                )
            )
        return found

    def certification_level(self, signature: SignatureValue) -> int | None:
        assert isinstance(signature.handle, SignatureField)
        return certification_level(self.reader, signature.handle)

    def record(self) -> bytes | None:
        return attachment(self.reader, RECORD_FILE_NAME, MAX_RECORD_BYTES)

    def keywords(self) -> dict[str, str]:
        return keywords(self.reader)

    def page_content_digest(self, record_sha256: str) -> str:
        return page_content_digest(self.reader, record_sha256)


__all__ = [
    "PAGE_DIGEST_KEY",
    "PyHankoParts",
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
