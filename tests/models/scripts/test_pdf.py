"""PDF scripts: element types from the layout, pages kept, unreadable PDFs refused clearly."""

from __future__ import annotations

import io

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
