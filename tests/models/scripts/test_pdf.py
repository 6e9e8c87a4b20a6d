"""PDF scripts: element types from the layout, pages kept, unreadable PDFs refused clearly."""

from __future__ import annotations

import io
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from models.resources import CJK_FONT
from models.scripts import ElementKind, ScriptFormat, ScriptReadError, detect_ai_uses, read_bytes
from tests.models.scripts.samples import sample

K = ElementKind


def test_brick_and_steel_layout():
    doc = read_bytes(sample("Brick-and-Steel.pdf").read_bytes(), "b.pdf")
    assert doc.format is ScriptFormat.PDF and doc.pages == 4
    assert doc.title == "BRICK & STEEL FULL RETIRED"
    assert doc.scenes[0].heading == "EXT. BRICK'S PATIO - DAY" and doc.scenes[0].page == 2
    [pair] = doc.dual_dialogues
    assert (pair.left, pair.right) == ("STEEL", "BRICK")
    jack = [e for e in doc.elements if e.character == "JACK"]
    assert [e.kind for e in jack] == [K.CHARACTER, K.PARENTHETICAL, K.DIALOGUE]
    assert jack[2].text == "Did you know Brick and Steel are\nretired?"  # italic run kept
    transitions = [e.text for e in doc.elements if e.kind is K.TRANSITION]
    assert transitions[:2] == ["SMASH CUT TO:", "CUT TO:"] and "BURN TO PINK." in transitions
    # The forced headings lose their "." in print: "SNIPER SCOPE POV" reads as the shot it is,
    # "OPENING TITLES" as action; only INT./EXT. lines are scenes.
    assert [e.page for e in doc.elements if e.kind is K.SCENE_HEADING] == [2, 2, 3, 3, 4, 4]
    assert [e.text for e in doc.elements if e.kind is K.SHOT] == ["SNIPER SCOPE POV"]
    for e in doc.elements:  # every line number shows the element's first line
        assert doc.line_text(e.line) == e.text.split("\n")[0]


def _screenplay_pdf() -> bytes:
    """A Final Draft-like layout: other margins, scene numbers, (MORE)/(CONT'D), AI markers."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter)
    c.setFont("Courier", 12)

    def at(x_in: float, line: int, text: str) -> None:
        c.drawString(x_in * 72, 720 - line * 12, text)

    at(0.9, 0, "12")
    at(1.5, 0, "INT. SOUND STAGE - DAY")
    at(7.4, 0, "12")
    at(1.5, 2, "MARY watches her digital double on the monitor.")
    at(3.7, 4, "MARY (AI V.O.)")
    at(2.5, 5, "That is not my voice.")
    at(3.1, 6, "(beat)")
    at(2.5, 7, "Who made it?")
    at(3.7, 9, "TECH")
    at(2.5, 10, "We trained a model on your")
    at(3.7, 11, "(MORE)")
    at(7.0, 60, "2.")
    c.showPage()
    c.setFont("Courier", 12)
    at(7.0, -2, "3.")
    at(3.7, 0, "TECH (CONT'D)")
    at(2.5, 1, "old takes.")
    at(6.0, 3, "CUT TO:")
    at(1.5, 5, "EXT. PARKING LOT - NIGHT")
    at(1.5, 7, "Mary leaves. TECH stays.")
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_other_margins_scene_numbers_and_continued_dialogue():
    doc = read_bytes(_screenplay_pdf(), "fd.pdf")
    assert doc.pages == 2 and doc.title is None
    assert [(s.heading, s.page) for s in doc.scenes] == [
        ("INT. SOUND STAGE - DAY", 1),
        ("EXT. PARKING LOT - NIGHT", 2),
    ]
    # TECH's speech runs over the page break: one dialogue block, not two.
    assert {c.name: c.dialogue_blocks for c in doc.characters} == {"MARY": 1, "TECH": 1}
    assert [e.text for e in doc.elements if e.kind is K.DIALOGUE] == [
        "That is not my voice.",
        "Who made it?",
        "We trained a model on your",
        "old takes.",
    ]
    assert all(e.text != "12" and "(MORE)" not in e.text for e in doc.elements)
    uses = [
        (u.page, u.character, u.kind.value, u.source.value, u.text) for u in detect_ai_uses(doc)
    ]
    assert uses == [
        (1, "MARY", "digital-double", "action", "digital double"),
        (1, "MARY", "voice", "extension", "AI V.O."),
        (1, "TECH", "training", "dialogue", "trained a model on"),
    ]
    assert doc.line_text(16) == "" and doc.line_text(17) == "CUT TO:"  # paragraph gaps kept


def _chinese_pdf() -> bytes:
    pdfmetrics.registerFont(TTFont("WQY", str(CJK_FONT), subfontIndex=0))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter)
    pages = [
        [
            "第1场 内景 咖啡馆 日",
            "△林晓坐在窗边。",
            "林晓：你来了。",
            "王强（AI配音）：我一直都在。",
        ],
        ["2. 外景 街道 夜", "△王强的数字替身走进来。数字很大。", "林晓：我不相信。"],
    ]
    for lines in pages:
        c.setFont("WQY", 12)
        for n, text in enumerate(lines):
            c.drawString(72, 720 - n * 20, text)
        c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_chinese_pdf_without_screenplay_layout_uses_the_text_rules():
    doc = read_bytes(_chinese_pdf(), "cn.pdf")
    assert doc.format is ScriptFormat.PDF and doc.pages == 2 and not doc.pages_estimated
    assert [(s.number, s.heading, s.page) for s in doc.scenes] == [
        ("1", "内景 咖啡馆 日", 1),
        ("2", "外景 街道 夜", 2),
    ]
    assert {c.name: c.dialogue_blocks for c in doc.characters} == {"林晓": 2, "王强": 1}
    uses = [
        (u.page, u.character, u.kind.value, u.source.value, u.text) for u in detect_ai_uses(doc)
    ]
    assert uses == [
        (1, "王强", "voice", "extension", "AI配音"),
        (2, "王强", "digital-double", "action", "数字替身"),
    ]


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(sample("Brick-and-Steel.pdf")))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_password_protected_pdf_is_refused_with_a_clear_message():
    with pytest.raises(ScriptReadError, match="password-protected"):
        read_bytes(_encrypted("open-sesame"), "locked.pdf")


def test_pdf_with_only_an_owner_password_still_opens():
    doc = read_bytes(_encrypted(""), "restricted.pdf")
    assert doc.dialogue_blocks == 20


def test_image_only_pdf_has_no_text_layer():
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ScriptReadError, match="no text layer"):
        read_bytes(buffer.getvalue(), "scan.pdf")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + bytes(range(256)) * 40,
        b"%PDF-",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>",
    ],
    ids=["random-bytes", "header-only", "no-pages"],
)
def test_broken_pdfs_are_refused(data):
    with pytest.raises(ScriptReadError, match="not a readable PDF"):
        read_bytes(data, "broken.pdf")


def test_truncated_pdf_is_refused():
    data = sample("The-Last-Birthday-Card.pdf").read_bytes()
    with pytest.raises(ScriptReadError):
        read_bytes(data[: len(data) // 3], "cut.pdf")


def test_a_pdf_is_read_as_pdf_whatever_its_name():
    doc = read_bytes(sample("Brick-and-Steel.pdf").read_bytes(), "script.txt")
    assert doc.format is ScriptFormat.PDF


def test_progress_is_reported_per_page_and_a_cancel_passes_through():
    from models.scripts import read_script

    seen = []
    read_script(
        sample("Brick-and-Steel.pdf"), progress=lambda done, total: seen.append((done, total))
    )
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4)]

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled

    with pytest.raises(Cancelled):  # not turned into "damaged PDF"
        read_script(sample("Brick-and-Steel.pdf"), progress=cancel)


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(body: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(body, 9)
    head = b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), extra)
    return head + packed + b"\nendstream"


_LINE = b"(INT. ROOM - DAY. Some words of a script line, drawn again.) Tj 0 -12 Td "


def _one_page(content: bytes, form: bytes | None = None) -> bytes:
    xobject = b"/XObject << /X 6 0 R >>" if form is not None else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> " + xobject + b" >> >>",
        _stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
    ]
    if form is not None:
        objects.append(
            _stream(
                form,
                b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                b"/Resources << /Font << /F1 5 0 R >> >> ",
            )
        )
    return _pdf(objects)


@pytest.mark.parametrize(
    "data",
    [
        # 60 KB that inflate to 30 MB of text on one page
        pytest.param(
            lambda: _one_page(b"BT /F1 12 Tf 72 720 Td " + _LINE * 400_000 + b"ET"),
            id="content-stream-bomb",
        ),
        # a 100 KB form of text drawn 2,000 times: 200 MB of drawing from 1 KB
        pytest.param(
            lambda: _one_page(
                b"/X Do " * 2_000, b"BT /F1 12 Tf 72 720 Td " + _LINE * 1_400 + b"ET"
            ),
            id="form-drawn-thousands-of-times",
        ),
        # a form that draws itself
        pytest.param(
            lambda: _pdf(
                [
                    b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                    b"/Resources << /XObject << /X 5 0 R >> >> >>",
                    _stream(b"/X Do"),
                    _stream(
                        b"/X Do /X Do",
                        b"/Type /XObject /Subtype /Form /BBox [0 0 9 9] "
                        b"/Resources << /XObject << /X 5 0 R >> >> ",
                    ),
                ]
            ),
            id="form-drawing-itself",
        ),
    ],
)
def test_pdf_bombs_are_refused_quickly_and_in_little_memory(data):
    """Each bomb runs in a fresh interpreter, so its peak memory is its own (without the
    guard, the first takes ~5 GB and 20 s in PDFium, the second ~3 GB)."""
    path_data = data()
    code = (
        "import sys, resource\n"
        "from models.scripts import read_bytes, ScriptReadError\n"
        "data = sys.stdin.buffer.read()\n"
        "try:\n"
        "    read_bytes(data, 'bomb.pdf')\n"
        "    print('read')\n"
        "except ScriptReadError as e:\n"
        "    print('refused', e)\n"
        # VmHWM is this process image's own peak; ru_maxrss keeps the parent's across exec
        "status = open('/proc/self/status').read().split('VmHWM:')\n"
        "kb = int(status[1].split()[0]) if len(status) > 1 else "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(kb // 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=path_data,
        capture_output=True,
        cwd=Path(__file__).resolve().parents[3],
        timeout=120,
        check=True,
    )
    verdict, peak = done.stdout.decode().strip().rsplit("\n", 1)
    assert verdict.startswith("refused bomb.pdf is too complex"), verdict
    assert int(peak) < 400, f"peak {peak} MB"


def test_a_page_printed_one_glyph_at_a_time_is_within_the_drawing_limit():
    lines = b"".join(
        b"BT /F1 12 Tf %d %d Td (%s) Tj ET\n" % (108 + 7 * (n % 60), 720 - 12 * (n // 60), b"x")
        for n in range(3_000)
    )
    doc = read_bytes(_one_page(lines), "web.pdf")
    assert doc.pages == 1 and doc.elements


def test_pdfs_read_on_several_threads_at_once_come_out_whole():
    """PDFium is not thread-safe: reads from several workers are taken one at a time."""
    from concurrent.futures import ThreadPoolExecutor

    data = sample("Brick-and-Steel.pdf").read_bytes()
    expected = read_bytes(data, "a.pdf")
    with ThreadPoolExecutor(max_workers=4) as pool:
        docs = list(pool.map(lambda n: read_bytes(data, f"{n}.pdf"), range(8)))
    assert all(d.elements == expected.elements for d in docs)


@pytest.mark.parametrize(
    "filters",
    [[], ["/FlateDecode"], ["/ASCII85Decode", "/FlateDecode"], ["/ASCIIHexDecode"]],
    ids=["none", "flate", "ascii85-flate", "asciihex"],
)
def test_the_drawing_guard_decodes_content_as_pypdf_does(filters):
    import base64

    from pypdf.generic import ArrayObject, NameObject, StreamObject

    from models.scripts.pdf.guard import _decoded

    content = b"BT /F1 12 Tf 72 720 Td " + _LINE * 50 + b"ET"
    data = content
    for name in reversed(filters):
        if name == "/FlateDecode":
            data = zlib.compress(data)
        elif name == "/ASCII85Decode":
            data = base64.a85encode(data, wrapcol=72) + b"~>"
        else:
            data = data.hex().encode() + b">"
    stream = StreamObject()
    stream._data = data
    if filters:
        stream[NameObject("/Filter")] = ArrayObject(NameObject(f) for f in filters)
    assert _decoded(stream, 10_000_000) == content
