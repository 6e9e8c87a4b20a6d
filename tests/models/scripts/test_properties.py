"""Property tests: whatever the bytes, a reader returns a sound document or its own error."""

from __future__ import annotations

import os
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.scripts import ElementKind, ScriptDocument, ScriptReadError, detect_ai_uses
from models.scripts.decoding import decode_lines
from models.scripts.docx import read_docx
from models.scripts.fdx import read_fdx
from models.scripts.fountain import read_fountain
from models.scripts.pdf import read_pdf
from models.scripts.text import read_text
from tests.models.scripts.samples import SAMPLES

# HYPO_N=5000 runs a long search; the normal run stays quick.
EXAMPLES = int(os.environ.get("HYPO_N", "120"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_fountain_bytes(data: bytes) -> ScriptDocument:
    return read_fountain(decode_lines(data, "x.fountain")[0], "x.fountain")


def read_text_bytes(data: bytes) -> ScriptDocument:
    return read_text(decode_lines(data, "x.txt")[0], "x.txt")


READERS = {
    "fountain": read_fountain_bytes,
    "text": read_text_bytes,
    "fdx": lambda data: read_fdx(data, "x.fdx"),
    "pdf": lambda data: read_pdf(data, "x.pdf"),
    "docx": lambda data: read_docx(data, "x.docx"),
}


def assert_sound(doc: ScriptDocument) -> None:
    """What the breakdown view and the CLI rely on, for any document a reader returns."""
    count = len(doc.lines)
    for e in doc.elements:
        assert e.lines and e.line == e.lines[0]
        assert all(1 <= n <= count for n in e.lines), (e, count)
        assert 0 <= e.scene <= len(doc.scenes)
    cues = [e for e in doc.elements if e.kind is ElementKind.CHARACTER]
    assert doc.dialogue_blocks == len(cues)
    headings = [e for e in doc.elements if e.kind is ElementKind.SCENE_HEADING]
    assert [s.line for s in doc.scenes] == [e.line for e in headings]
    for use in detect_ai_uses(doc):
        assert 1 <= use.line <= count
        if use.column is not None:
            shown = doc.line_text(use.line)
            assert 0 <= use.column <= len(shown)


def read_or_refuse(reader_name: str, data: bytes) -> None:
    try:
        doc = READERS[reader_name](data)
    except ScriptReadError:
        return
    assert_sound(doc)


@FAST
@given(data=st.binary(max_size=3000), reader=st.sampled_from(sorted(READERS)))
def test_arbitrary_bytes_give_a_document_or_a_script_read_error(data, reader):
    read_or_refuse(reader, data)


@FAST
@given(data=st.binary(max_size=3000), reader=st.sampled_from(sorted(READERS)))
def test_arbitrary_bytes_behind_each_format_header(data, reader):
    headers = {
        "fountain": b"Title: X\n\n",
        "text": "第1场\n林晓：".encode(),
        "fdx": b'<?xml version="1.0"?><FinalDraft><Content><Paragraph Type="Action"><Text>',
        "pdf": b"%PDF-1.7\n",
        "docx": b"PK\x03\x04",
    }
    read_or_refuse(reader, headers[reader] + data)


SCRIPT_LINES = st.sampled_from(
    [
        "", "", "", "  ", "\t", "INT. HOUSE - DAY", "EXT. ROAD #12A#", ".SHOT", "..", "@bob",
        "BOB", "BOB ^", "MARY (AI VOICE)", "HAL (AI", "(beat)", "(long", "beat)", "~la la",
        ">x<", "> CUT", "CUT TO:", "!FORCED", "===", "# Act", "= syn", "[[", "]]", "[[note]]",
        "/*", "*/", "Title:", "\tvalue", "deepfake", "a voice clone", "AIDEN said", "数字人民币",
        "第3场", "1. 内景 咖啡馆 日", "林晓：", "林晓（AI配音）：你好", "△林晓的数字替身", "（笑）",
        "备注：换脸", "《片名》", "\r", "\ufeff", "\x00", "x" * 300,
    ]
)  # fmt: skip


@FAST
@given(lines=st.lists(SCRIPT_LINES | st.text(max_size=20), max_size=60))
def test_script_like_text_always_reads_soundly(lines):
    text = "\n".join(lines)
    assert_sound(read_fountain(text, "x.fountain"))
    assert_sound(read_text(text, "x.txt"))


PARAGRAPH_TYPES = ["Scene Heading", "Action", "Character", "Dialogue", "Parenthetical",
                   "Transition", "General", "Shot", "Weird"]  # fmt: skip


def fdx_paragraph(kind: str, text: str) -> str:
    return f'<Paragraph Type="{kind}"><Text>{escape(text)}</Text></Paragraph>'


@FAST
@given(
    items=st.lists(
        st.tuples(st.sampled_from(PARAGRAPH_TYPES), st.text(max_size=15), st.booleans()),
        max_size=30,
    )
)
def test_fdx_counts_follow_the_paragraph_types(items):
    body = []
    for kind, text, dual in items:
        if dual:
            inner = fdx_paragraph("Character", "A" + text) + fdx_paragraph("Dialogue", text)
            inner += fdx_paragraph("Character", "B" + text) + fdx_paragraph("Dialogue", text)
            body.append(f"<Paragraph><DualDialogue>{inner}</DualDialogue></Paragraph>")
        else:
            body.append(fdx_paragraph(kind, text))
    data = f"<FinalDraft><Content>{''.join(body)}</Content></FinalDraft>".encode()
    try:
        doc = read_fdx(data, "x.fdx")
    except ScriptReadError:
        # Only characters XML cannot hold (control characters) may make it unreadable.
        assert any(any(ord(c) < 32 and c not in "\t\n\r" for c in t) for _, t, _ in items)
        return
    assert_sound(doc)
    clean = [(k, t, d) for k, t, d in items if not any(ord(c) < 32 for c in t)]
    if len(clean) == len(items):
        scenes = sum(1 for k, t, d in items if not d and k == "Scene Heading" and t.strip())
        cues = sum(1 for k, t, d in items if not d and k == "Character" and t.strip())
        duals = sum(1 for _, _, d in items if d)
        assert len(doc.scenes) == scenes
        assert doc.dialogue_blocks == cues + 2 * duals
        assert len(doc.dual_dialogues) == duals


PDF = (SAMPLES / "Brick-and-Steel.pdf").read_bytes() if SAMPLES.is_dir() else b"%PDF-1.4\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    flips=st.lists(
        st.tuples(st.integers(0, max(0, len(PDF) - 1)), st.integers(0, 255)), max_size=20
    ),
    cut=st.integers(0, len(PDF)),
)
def test_damaged_pdfs_give_a_document_or_a_script_read_error(flips, cut):
    data = bytearray(PDF[:cut] if cut > 100 else PDF)
    for position, value in flips:
        if position < len(data):
            data[position] = value
    read_or_refuse("pdf", bytes(data))
