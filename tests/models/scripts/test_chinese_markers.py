"""Chinese AI-use wordings: every marker the shipped list must find, every look-alike it must
not, NFKC normalisation, training sentences, and properties over arbitrary text."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.scripts import (
    AiKind,
    MarkerListError,
    detect_ai_uses,
    load_markers,
    parse_markers,
    read_bytes,
)
from models.scripts.marker_list import SHIPPED_MARKERS
from models.scripts.marker_patterns import fold_same_length

MARKERS = load_markers()

# (wording, kind) — the vocabulary productions use, each found in a sentence of action.
HITS = [
    ("人脸替换", "face-swap"),
    ("AI换脸", "face-swap"),
    ("AI变脸", "face-swap"),
    ("换脸", "face-swap"),
    ("声音克隆", "voice"),
    ("声音复刻", "voice"),
    ("音色克隆", "voice"),
    ("合成人声", "voice"),
    ("AI配音", "voice"),
    ("AI音色", "voice"),
    ("数字人", "digital-double"),
    ("虚拟数字人", "digital-double"),
    ("数字分身", "digital-double"),
    ("数字替身", "digital-double"),
    ("数字孪生", "digital-double"),
    ("AI演员", "digital-double"),
    ("AI替身", "digital-double"),
    ("数字复活", "likeness"),
    ("深度合成", "likeness"),
    ("深度伪造", "likeness"),
    ("逆龄", "de-aging"),
    ("减龄", "de-aging"),
    ("训练模型", "training"),
    ("模型训练", "training"),
    ("训练数据", "training"),
]

# Ordinary film words that contain or resemble a marker but are not AI use.
NON_HITS = [
    "替身演员替她完成了跳楼的镜头。",  # a stunt double
    "川剧变脸，台下一片叫好。",  # Sichuan opera
    "配音演员走进录音棚。",  # a human dubbing actor
    "他把两张照片合成一张。",
    "特效团队加班到深夜。",
    "新闻里在讲克隆羊多莉。",
    "化妆师给她画了减龄妆。",
    "靠化妆减龄，她看起来像二十岁。",
    "他去韩国做了整容换脸手术。",
    "她的虚拟人设在网上崩了。",
    "片尾加一段合成声音效果。",
    "这款逆龄面霜卖断了货。",
    "她拿出手机，用支付宝付了钱。",
]


def action_hits(text: str) -> list[tuple[int, str, str]]:
    doc = read_bytes(text.encode("utf-8"), "s.txt")
    return [(u.line, u.kind.value, u.marker) for u in detect_ai_uses(doc)]


@pytest.mark.parametrize(("word", "kind"), HITS)
def test_each_chinese_wording_is_found_with_its_kind(word: str, kind: str) -> None:
    found = action_hits(f"1. 内景 片场 日\n△导演说这场要用{word}来完成。\n")
    assert found and found[0][:2] == (2, kind)
    assert any(m.text == word for m in MARKERS.phrases)  # shipped as data, not as code


@pytest.mark.parametrize("line", NON_HITS)
def test_look_alikes_are_not_ai_use(line: str) -> None:
    assert action_hits(f"1. 内景 片场 日\n△{line}\n") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "他们用她的声音训练模型。",
        "公司打算用林晓的脸去训练一个新模型。",
        "用他过去十年的表演训练出来的AI。",
        "用她的形象训练数字人。",
    ],
)
def test_chinese_training_sentences_are_training(sentence: str) -> None:
    found = action_hits(f"△{sentence}\n")
    assert (1, "training") in [(line, kind) for line, kind, _ in found]


def test_training_words_far_apart_or_across_sentences_are_not_training() -> None:
    assert action_hits("△用她的声音唱了一首歌。训练结束了。\n") == []


def test_full_width_letters_are_found_and_columns_point_into_the_original_text() -> None:
    doc = read_bytes("1. 内景 录音棚 夜\n△　　这段用ＡＩ配音。\n".encode(), "s.txt")
    (use,) = detect_ai_uses(doc)
    assert (use.line, use.kind, use.text) == (2, AiKind.VOICE, "ＡＩ配音")
    shown = doc.line_text(use.line)
    assert use.column is not None
    assert shown[use.column : use.column + len(use.text)] == "ＡＩ配音"


def test_full_width_extension_is_found() -> None:
    doc = read_bytes("林晓（ＡＩ配音）：你好。\n".encode(), "s.txt")
    assert [(u.kind, u.source.value, u.character) for u in detect_ai_uses(doc)] == [
        (AiKind.VOICE, "extension", "林晓")
    ]


def test_folding_keeps_every_offset() -> None:
    text = "ＡＩ配音㈠ﬁ　ＤＥ－ＡＧＥＤ"
    folded = fold_same_length(text)
    assert len(folded) == len(text)
    assert folded.startswith("ai配音")


def test_every_shipped_marker_has_a_known_kind() -> None:
    data = json.loads(SHIPPED_MARKERS.read_text(encoding="utf-8"))
    kinds = {k.value for k in AiKind}
    for entry in data["extensions"] + data["phrases"]:
        assert entry["kind"] in kinds, entry


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("用(声音)训练", "non-capturing"),
        ("用[声音", "not a valid regular expression"),
        ("(?:用)?", "matches empty text"),
    ],
)
def test_bad_marker_patterns_are_refused(pattern: str, problem: str) -> None:
    data = {"phrases": [{"text": "x", "kind": "training", "pattern": pattern}]}
    with pytest.raises(MarkerListError, match=problem):
        parse_markers(data)


def test_a_user_pattern_marker_is_used() -> None:
    data = {"phrases": [{"text": "克隆…嗓子", "kind": "voice", "pattern": "克隆[^。]{0,4}嗓子"}]}
    markers = parse_markers(data)
    assert [m.text for _, _, m in markers.find("他们克隆了她的嗓子。")] == ["克隆…嗓子"]


# -- properties ------------------------------------------------------------------------------

_MARKER_CHARS = {
    c
    for m in (*MARKERS.phrases, *MARKERS.extensions)
    for c in fold_same_length(m.text) + m.text
    if not c.isspace()
}
# Text made of characters no marker contains (folded or not) can never hold a marker.
_SAFE = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc"),
    exclude_characters="".join(_MARKER_CHARS) + "△▲[]/*\\",
).filter(lambda c: not (set(fold_same_length(c)) & _MARKER_CHARS))
_LINE = st.text(_SAFE, max_size=30).map(lambda s: s.replace("\r", " ").replace("\n", " "))
_PHRASES = [m for m in MARKERS.phrases if m.pattern is None and not m.exceptions]


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=12))
def test_text_without_markers_has_no_hits(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert list(MARKERS.find(text)) == []
    assert detect_ai_uses(read_bytes(text.encode("utf-8"), "s.txt")) == ()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_LINE, min_size=1, max_size=12),
    st.data(),
    st.sampled_from(_PHRASES),
)
def test_a_marker_inserted_anywhere_is_found_on_its_line(lines, data, marker) -> None:
    row = data.draw(st.integers(0, len(lines) - 1))
    at = data.draw(st.integers(0, len(lines[row])))
    line = lines[row]
    lines = list(lines)
    lines[row] = f"{line[:at]} {marker.text} {line[at:]}"
    text = "\n".join(f"△{x}" for x in lines)  # every line an action line of its own
    doc = read_bytes(text.encode("utf-8"), "s.txt")
    found = [(u.line, u.marker) for u in detect_ai_uses(doc)]
    assert (row + 1, marker.text) in found
