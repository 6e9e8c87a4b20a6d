"""Our own statements read straight from their bytes, with no PDF library loaded.

A statement is always written the same way: ReportLab's body with a classic cross-reference
table and trailer, then pyHanko's signature revision, again with a classic table whose
trailer points back (/Prev); a signature field in /AcroForm, the DocMDP certification in
/Perms, the statement record among /Names /EmbeddedFiles, `page-content-sha256=…` in the
/Info keywords, Flate (and ASCII85) page streams. `read_own_form` reads exactly that form and
answers `signed_parts.SignedParts` from it; verification then needs neither pyHanko nor
asn1crypto, whose import is most of what `statement verify` costs.

It answers only where its answer is the one pyHanko's reader (`pdf_parts`) would give. Any
surprise declines the file (None), and the caller reads it with pyHanko as before: object
streams, cross-reference streams, hybrid files, encryption, free or reused object numbers,
objects not at their offsets, values of an unexpected type where the verdict reads them,
text that is not plain ASCII, streams with parameters or filters other than ours, page or
form trees of another shape. Work is bounded on hostile input: revisions, table entries,
objects read, tokens, nesting depth and decoded stream sizes all have limits, and every
answer is read at once so that nothing can fail later.
"""

from __future__ import annotations

import logging
import re
from typing import NoReturn

from models.statements.record import RECORD_FILE_NAME
from reports.verification.object_syntax import (
    Declined,
    Name,
    ObjectReader,
    PdfString,
    Ref,
    Stream,
    Value,
    ascii_text,
)
from reports.verification.signed_parts import (
    MAX_PAGES,
    MAX_RECORD_BYTES,
    MAX_STREAM_BYTES,
    MAX_TREE_NODES,
    PageDigest,
    SignatureValue,
    StreamError,
    decode_filters,
    keywords_in,
    pdf_date,
)

log = logging.getLogger("consent_desk.verify")

MAX_REVISIONS = 16
MAX_XREF_ENTRIES = 100_000
MAX_OBJECTS = 10_000
MAX_TOKENS = 250_000  # a statement of 20 pages reads a few thousand
_EOL = rb"(?:\r\n|\r|\n)"
_HEADER = re.compile(rb"%PDF-\d\.\d" + _EOL)
_TAIL = re.compile(rb"startxref" + _EOL + rb"(\d{1,10})" + _EOL + rb"%%EOF[\r\n]{0,64}\Z")
_REVISION_END = re.compile(rb"startxref" + _EOL + rb"\d{1,10}" + _EOL + rb"%%EOF")
_XREF = re.compile(rb"xref" + _EOL)
_SUBSECTION = re.compile(rb"(\d{1,10}) (\d{1,10}) ?" + _EOL)
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)")
_TRAILER = re.compile(rb"trailer" + rb"(?=[ \t\n\r\x0c\x00<%])")
_WHITESPACE = re.compile(rb"[ \t\n\r\x0c\x00]*")
_TRAILER_KEYS = frozenset({"/Size", "/Root", "/Info", "/ID", "/Prev"})


class OwnForm:
    """`SignedParts` of a file in exactly our own form, every answer read up front."""

    def __init__(
        self,
        signatures: list[SignatureValue],
        levels: list[int | None],
        record: bytes | None,
        keywords: dict[str, str],
        pages: list[list[bytes]],
    ) -> None:
        self._signatures = signatures
        self._levels = levels
        self._record = record
        self._keywords = keywords
        self._pages = pages

    def signatures(self) -> list[SignatureValue]:
        return list(self._signatures)

    def certification_level(self, signature: SignatureValue) -> int | None:
        assert isinstance(signature.handle, int)
        return self._levels[signature.handle]

    def record(self) -> bytes | None:
        return self._record

    def keywords(self) -> dict[str, str]:
        return dict(self._keywords)

    def page_content_digest(self, record_sha256: str) -> str:
        digest = PageDigest(record_sha256)
        for streams in self._pages:
            digest.next_page()
            for content in streams:
                digest.add(content)
        return digest.hexdigest()


def read_own_form(data: bytes) -> OwnForm | None:
    """The signed parts of `data` when it is in exactly our own form, else None. Never raises."""
    try:
        return _Reader(data).read()
    except Declined as e:
        log.debug("not in our own form: %s", e)
    except Exception as e:  # a surprise of any kind is a decline, never the caller's problem
        log.info("own-form reading declined by %r", e)
    return None


def _decline(why: str) -> NoReturn:
    raise Declined(why)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.syntax = ObjectReader(data, MAX_TOKENS)
        self.offsets: dict[int, int] = {}
        self.trailers: list[dict[str, Value]] = []  # newest first
        self.objects: dict[int, Value] = {}

    def read(self) -> OwnForm:
        self._cross_references()
        root = self._dict(self._trailer_value("/Root"), "the catalog")
        found = self._signature_values(root)
        signatures: list[SignatureValue] = []
        levels: list[int | None] = []
        for index, (value, ref) in enumerate(found):
            signatures.append(_signature(value, index))
            levels.append(self._certification_level(root, value, ref))
        return OwnForm(
            signatures, levels, self._record(root), self._keywords(), self._page_contents(root)
        )

    # --- the file's skeleton: header, revisions, cross-reference tables, trailers ---

    def _cross_references(self) -> None:
        data = self.data
        if _HEADER.match(data) is None:
            _decline("no PDF header")
        tail = _TAIL.search(data, max(0, len(data) - 1024))
        if tail is None:
            _decline("the file does not end with startxref and %%EOF")
        at: int | None = int(tail[1])
        seen: set[int] = set()
        entries = 0
        while at is not None:
            if at in seen or len(seen) >= MAX_REVISIONS:
                _decline("a loop or too many revisions")
            seen.add(at)
            trailer, end, entries = self._section(at, entries)
            end = _WHITESPACE.match(data, end).end()  # type: ignore[union-attr]
            if _REVISION_END.match(data, end) is None or (len(seen) == 1 and end != tail.start()):
                _decline("a trailer not followed by its revision's end")
            self.trailers.append(trailer)
            prev = trailer.get("/Prev")
            at = prev if isinstance(prev, int) else None

    def _section(self, at: int, entries: int) -> tuple[dict[str, Value], int, int]:
        """One cross-reference table at `at` and its trailer; the newest revision's entry
        for an object wins (tables are read newest first)."""
        data = self.data
        m = _XREF.match(data, at)
        if m is None:
            _decline("startxref does not point at a cross-reference table")
        pos = m.end()
        numbers: set[int] = set()
        while True:
            pos = _WHITESPACE.match(data, pos).end()  # type: ignore[union-attr]
            trailer = _TRAILER.match(data, pos)
            if trailer is not None:
                break
            head = _SUBSECTION.match(data, pos)
            if head is None:
                _decline("a malformed cross-reference subsection")
            first, count = int(head[1]), int(head[2])
            entries += count
            if entries > MAX_XREF_ENTRIES or head.end() + 20 * count > len(data):
                _decline("too many cross-reference entries")
            pos = head.end()
            for num in range(first, first + count):
                entry = _ENTRY.match(data, pos, pos + 20)
                if entry is None or num in numbers:
                    _decline("a malformed or repeated cross-reference entry")
                numbers.add(num)
                pos += 20
                if num == 0:
                    if entry[3] != b"f":
                        _decline("object 0 in use")
                elif entry[3] != b"n" or entry[2] != b"00000":
                    _decline("a free or reused object number")
                else:
                    self.offsets.setdefault(num, int(entry[1]))
        value, end = self.syntax.value(self.syntax.skip(trailer.end()))
        if not isinstance(value, dict) or not set(value) <= _TRAILER_KEYS:
            _decline("a trailer with keys other than ours")
        size, prev = value.get("/Size"), value.get("/Prev", 0)
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in (size, prev)):
            _decline("a trailer's /Size or /Prev is not a whole number")
        if not all(isinstance(value[key], Ref) for key in ("/Root", "/Info") if key in value):
            _decline("a trailer's /Root or /Info is not a reference")
        return value, end, entries

    def _trailer_value(self, key: str) -> Value:
        """What pyHanko's merged trailer holds for `key`: the newest revision's that has it."""
        for trailer in self.trailers:
            if key in trailer:
                return trailer[key]
        return _decline(f"no {key} in any trailer")

    # --- objects ---

    def _resolve(self, value: Value) -> Value:
        if not isinstance(value, Ref):
            return value
        if value.gen != 0:
            _decline("a reference to a later generation")
        found = self.objects.get(value.num)
        if found is None:
            offset = self.offsets.get(value.num)
            if offset is None or len(self.objects) >= MAX_OBJECTS:
                _decline(f"object {value.num} missing, or too many objects")
            found = self.syntax.indirect(offset, value.num)
            self.objects[value.num] = found
        return found

    def _dict(self, value: Value, what: str) -> dict[str, Value]:
        found = self._resolve(value)
        if not isinstance(found, dict):
            _decline(f"{what} is not a dictionary")
        return found

    def _decoded(self, stream: Value, budget: int) -> bytes:
        """A stream filtered as ours are (nothing, Flate, or ASCII85 then Flate)."""
        if not isinstance(stream, Stream) or "/DecodeParms" in stream.entries:
            _decline("not a stream, or a stream with decoding parameters")
        filters = stream.entries.get("/Filter", [])
        names = [filters] if isinstance(filters, Name) else filters
        if names not in ([], ["/FlateDecode"], ["/ASCII85Decode", "/FlateDecode"]):
            _decline("a stream filtered otherwise than ours")
        assert isinstance(names, list)
        if names and names[0] == "/ASCII85Decode" and len(stream.data) > budget // 4 * 5 + 64:
            _decline("an ASCII85 stream longer than its budget")  # decoded one by one in Python
        try:
            return decode_filters(stream.data, [str(f) for f in names], budget)
        except StreamError as e:
            raise Declined(str(e)) from e

    # --- what the verdict reads, each as `pdf_parts` reads it with pyHanko ---

    def _signature_values(
        self, root: dict[str, Value]
    ) -> list[tuple[dict[str, Value], Ref | None]]:
        if "/AcroForm" not in root:
            return []
        form = self._dict(root["/AcroForm"], "/AcroForm")
        if "/Fields" not in form:
            return []
        fields = self._resolve(form["/Fields"])
        if not isinstance(fields, list) or len(fields) > MAX_TREE_NODES:
            _decline("/Fields is not a short array")
        found: list[tuple[dict[str, Value], Ref | None]] = []
        for item in fields:
            node = self._dict(item, "a form field")
            if "/Kids" in node:
                _decline("a form field with kids")
            kind = self._resolve(node["/FT"]) if "/FT" in node else Name("")
            if not isinstance(kind, Name):
                _decline("a field type that is not a name")
            if kind == "/Sig" and "/V" in node:
                raw = node["/V"]
                found.append(
                    (self._dict(raw, "a signature value"), raw if isinstance(raw, Ref) else None)
                )
        return found

    def _certification_level(
        self, root: dict[str, Value], value: dict[str, Value], ref: Ref | None
    ) -> int | None:
        if "/Perms" not in root:
            return None
        perms = self._dict(root["/Perms"], "/Perms")
        if "/DocMDP" not in perms:
            return None
        docmdp = perms["/DocMDP"]
        if ref is None or not isinstance(docmdp, Ref) or docmdp != ref:
            return None
        if "/Reference" not in value:
            return None
        references = self._resolve(value["/Reference"])
        if not isinstance(references, list):
            _decline("/Reference is not an array")
        for item in references:
            entry = self._dict(item, "a signature reference")
            method = entry.get("/TransformMethod")
            if method is not None and not isinstance(method, Name):
                _decline("a transform method that is not a name")
            if method == "/DocMDP":
                if "/TransformParams" not in entry:
                    return None
                params = self._dict(entry["/TransformParams"], "/TransformParams")
                level = params.get("/P", 2)
                if not isinstance(level, int) or isinstance(level, bool):
                    _decline("a DocMDP /P that is not an integer")
                return level
        return None

    def _record(self, root: dict[str, Value]) -> bytes | None:
        node: Value = root
        for key in ("/Names", "/EmbeddedFiles", "/Names"):
            node = self._dict(node, key)
            if key not in node:
                return None
            node = self._resolve(node[key])
        if not isinstance(node, list):
            _decline("the embedded files are not a flat name array")
        for i in range(0, min(len(node), 2 * MAX_TREE_NODES) - 1, 2):
            name = node[i]
            if isinstance(name, Ref):
                _decline("an embedded file's name by reference")
            if not isinstance(name, PdfString) or ascii_text(name) != RECORD_FILE_NAME:
                continue
            spec = self._dict(node[i + 1], "the record's file specification")
            files = self._dict(spec.get("/EF", None), "/EF")
            if "/F" not in files:
                _decline("the record's file specification has no /F")
            return self._decoded(self._resolve(files["/F"]), MAX_RECORD_BYTES)
        return None

    def _keywords(self) -> dict[str, str]:
        if not any("/Info" in trailer for trailer in self.trailers):
            return {}
        info = self._dict(self._trailer_value("/Info"), "/Info")
        if "/Keywords" not in info:
            return {}
        text = info["/Keywords"]
        if not isinstance(text, PdfString):
            _decline("/Keywords is not a string")
        return keywords_in(ascii_text(text))

    def _page_contents(self, root: dict[str, Value]) -> list[list[bytes]]:
        """Every page's decoded content streams, in page order, within one budget."""
        if "/Pages" not in root:
            _decline("no /Pages")
        pages: list[dict[str, Value]] = []
        stack: list[Value] = [root["/Pages"]]
        visited: set[int] = set()
        while stack:
            item = stack.pop()
            if not isinstance(item, Ref) or item.num in visited or len(visited) > MAX_TREE_NODES:
                _decline("the page tree is not a tree of references")
            visited.add(item.num)
            node = self._dict(item, "a page tree node")
            kind = node.get("/Type", "")
            if not isinstance(kind, str):
                _decline("a page tree node's /Type is not a name")
            if kind == "/Pages" or "/Kids" in node:
                kids = self._resolve(node["/Kids"]) if "/Kids" in node else None
                if not isinstance(kids, list):
                    _decline("a page tree node without a /Kids array")
                stack.extend(reversed(kids))
            else:
                pages.append(node)
                if len(pages) > MAX_PAGES:
                    _decline("too many pages")
        out: list[list[bytes]] = []
        left = MAX_STREAM_BYTES
        for page in pages:
            streams: list[bytes] = []
            if "/Contents" in page:
                contents = self._resolve(page["/Contents"])
                for item in contents if isinstance(contents, list) else [contents]:
                    content = self._decoded(self._resolve(item), left)
                    left -= len(content)
                    streams.append(content)
            out.append(streams)
        return out


def _signature(value: dict[str, Value], index: int) -> SignatureValue:
    """The signature value as `pdf_parts.PyHankoParts.signatures` reads it."""
    contents = value.get("/Contents")
    byte_range = value.get("/ByteRange")
    when = value.get("/M")
    sub_filter = value.get("/SubFilter", Name(""))
    pdf_time = pdf_date(ascii_text(when)) if isinstance(when, PdfString) and when else None
    if not isinstance(sub_filter, Name):
        _decline("a /SubFilter that is not a name")
    return SignatureValue(
        contents=bytes(contents) if isinstance(contents, PdfString) else None,
        byte_range=tuple(
            v if isinstance(v, int) and not isinstance(v, bool) else -1 for v in byte_range
        )
        if isinstance(byte_range, list)
        else None,
        pdf_time=pdf_time,
        sub_filter=str(sub_filter),
        handle=index,
    )


__all__ = ["MAX_REVISIONS", "OwnForm", "read_own_form"]
