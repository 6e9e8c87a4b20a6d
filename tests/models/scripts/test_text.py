"""Plain-text scripts: the Chinese layouts, English Fountain-like text, and every encoding."""

from __future__ import annotations

import codecs

import pytest

from models.scripts import ElementKind, ScriptFormat, detect_ai_uses, read_bytes, read_script
from tests.models.scripts.samples import FIXTURES

K = ElementKind


@pytest.fixture(scope="module")
def doc():
    return read_script(FIXTURES / "chinese.txt")


def at(doc, line):
    return [(e.kind, e.character, e.text) for e in doc.elements if e.line == line]


def test_title_from_book_title_marks_and_keys(doc):
    assert doc.format is ScriptFormat.TEXT
    assert doc.title == "数字替身"
    assert doc.title_page["author"] == "张三"


def test_numbered_ordinal_and_word_scene_headings(doc):
    assert [(s.number, s.heading, s.line) for s in doc.scenes] == [
        ("1", "内景 咖啡馆 日", 4),
        ("3", "外景 街道 夜", 14),
        ("4", "内景 AI换脸工作室 夜", 22),
    ]


def test_colon_dialogue_with_and_without_extension(doc):
    assert at(doc, 7) == [(K.CHARACTER, "林晓", "林晓"), (K.DIALOGUE, "林晓", "你来了。")]
    assert at(doc, 8) == [
        (K.CHARACTER, "王强", "王强"),
        (K.EXTENSION, "王强", "AI配音"),
        (K.DIALOGUE, "王强", "我一直都在。"),
    ]
    assert at(doc, 9) == [(K.PARENTHETICAL, "王强", "（停顿）")]
    assert at(doc, 10) == [(K.DIALOGUE, "王强", "你不记得了吗？")]
    # ASCII colon and parentheses work too.
    assert at(doc, 19)[:2] == [(K.CHARACTER, "王强", "王强"), (K.EXTENSION, "王强", "AI声音")]


def test_empty_colon_takes_the_lines_below(doc):
    assert at(doc, 15) == [(K.CHARACTER, "林晓", "林晓")]
    assert at(doc, 16) == [(K.DIALOGUE, "林晓", "我不相信。")]
    assert at(doc, 17) == [(K.DIALOGUE, "林晓", "这不是你。")]


def test_triangle_action_narration_and_meta_lines(doc):
    assert at(doc, 6) == [(K.ACTION, None, "林晓坐在窗边。数字很大，她算不过来。")]
    assert at(doc, 12) == [(K.ACTION, None, "林晓对王强说：“走吧。”")]  # narration, not a cue
    assert at(doc, 5) == [(K.ACTION, None, "人物：林晓、王强")]  # cast line is not a speaker
    assert at(doc, 18) == [(K.NOTE, None, "这里需要声音克隆的授权")]
    assert {c.name: c.dialogue_blocks for c in doc.characters} == {"林晓": 2, "王强": 2, "老板": 1}


def test_chinese_ai_uses_and_red_herrings(doc):
    uses = [
        (u.line, u.character, u.kind.value, u.source.value, u.text) for u in detect_ai_uses(doc)
    ]
    assert uses == [
        (8, "王强", "voice", "extension", "AI配音"),
        (11, "王强", "digital-double", "action", "数字替身"),
        (18, None, "voice", "note", "声音克隆"),
        (19, "王强", "voice", "extension", "AI声音"),
        (22, None, "face-swap", "heading", "AI换脸"),
    ]
    # 数字很大 (line 6), 数字人民币 (line 20) and 减龄装 (line 23) are not AI use.


@pytest.mark.parametrize(
    "text, number, heading",
    [
        ("第3场 内景 咖啡馆 日", "3", "内景 咖啡馆 日"),
        ("第十二场", "十二", "第十二场"),
        ("场景3", "3", "场景3"),
        ("场景 5：天台 夜", "5", "天台 夜"),
        ("2-7 外景 码头 夜", "2-7", "外景 码头 夜"),
        ("１２、内景 医院 晨", "12", "内景 医院 晨"),
        ("内景 咖啡馆 日", "1", "内景 咖啡馆 日"),
    ],
)
def test_more_heading_layouts(text, number, heading):
    doc = read_bytes(f"{text}\n林晓：台词\n".encode(), "s.txt")
    assert [(s.number, s.heading) for s in doc.scenes] == [(number, heading)]
    assert doc.character_names == ("林晓",)


def test_numbered_sentences_and_english_colons_are_not_headings_or_cues():
    doc = read_bytes("1. 林晓拿出手机。\nNote: call the agent\n".encode(), "s.txt")
    assert doc.scenes == () and doc.characters == ()


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_encodings_with_and_without_bom_read_the_same(doc, encoding):
    text = (FIXTURES / "chinese.txt").read_text(encoding="utf-8")
    data = text.encode(encoding)
    if encoding == "utf-16":
        assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    other = read_bytes(data, "c.txt")
    assert [(e.kind, e.text, e.line) for e in other.elements] == [
        (e.kind, e.text, e.line) for e in doc.elements
    ]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16-le", "utf-16-be"])
def test_a_single_short_line_is_still_decoded(encoding):
    doc = read_bytes("林晓：台词".encode(encoding), "c.txt")
    assert doc.character_names == ("林晓",)


def test_english_plain_text_reads_like_fountain():
    data = (FIXTURES / "english.txt").read_bytes()
    as_text = read_bytes(data, "english.txt")
    as_fountain = read_bytes(data, "english.fountain")
    assert as_text.format is ScriptFormat.TEXT
    assert [(e.kind, e.text, e.lines) for e in as_text.elements] == [
        (e.kind, e.text, e.lines) for e in as_fountain.elements
    ]
    assert [s.heading for s in as_text.scenes] == [
        "INT. RECORDING BOOTH - NIGHT",
        "EXT. PARKING LOT - NIGHT",
    ]
    uses = [(u.line, u.character, u.source.value, u.text) for u in detect_ai_uses(as_text)]
    assert uses == [
        (3, "JUNE", "action", "synthetic voice"),
        (10, "ENGINEER", "dialogue", "AI-generated"),
    ]
