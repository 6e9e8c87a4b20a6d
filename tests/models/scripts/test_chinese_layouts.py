"""Chinese scripts as writers send them: Fountain with Chinese headings and cues, names ending
in 道, action lines with a colon, title pages with Chinese keys; "FADE IN:" over a line of
spaces."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.scripts import ElementKind, read_bytes
from models.scripts.chinese import is_narration_before_colon, split_standalone_cue
from models.scripts.text import count_colon_cues, is_colon_speaker

K = ElementKind

CAT_CITY = """Title: 猫城记
Author: 老舍

外景. 猫城市 - 清晨

猫城的街道上，一片混乱。

大蝎
你是从哪里来的？

我
火星。

她站起来
走向门口。

大蝎
（冷笑）
火星？

.内景 大蝎家

小蝎（画外音）
父亲！

我
我想回家。

内景 皇宫 夜
迷叶堆成了山。
"""


def read(text: str, name: str):
    return read_bytes(text.encode("utf-8"), name)


def kinds(doc):
    return [(e.line, e.kind, e.character, e.text) for e in doc.elements]


@pytest.fixture(scope="module")
def cat_city():
    return read(CAT_CITY, "猫城记.fountain")


def test_chinese_fountain_headings_forced_and_bare(cat_city) -> None:
    assert [(s.heading, s.line) for s in cat_city.scenes] == [
        ("外景. 猫城市 - 清晨", 4),
        ("内景 大蝎家", 21),
        ("内景 皇宫 夜", 29),  # no blank line before or after it
    ]


def test_chinese_fountain_cues(cat_city) -> None:
    assert {c.name: c.dialogue_blocks for c in cat_city.characters} == {
        "大蝎": 2,  # cued twice
        "我": 2,  # a one-character name, cued twice
        "小蝎": 1,  # cued once, but with an extension
    }
    lines = kinds(cat_city)
    assert (17, K.CHARACTER, "大蝎", "大蝎") in lines
    assert (18, K.PARENTHETICAL, "大蝎", "（冷笑）") in lines
    assert (19, K.DIALOGUE, "大蝎", "火星？") in lines
    assert (23, K.EXTENSION, "小蝎", "画外音") in lines


def test_a_short_action_line_above_another_is_not_a_speaker(cat_city) -> None:
    assert (14, K.ACTION, None, "她站起来\n走向门口。") in kinds(cat_city)
    assert (30, K.ACTION, None, "迷叶堆成了山。") in kinds(cat_city)


def test_a_name_cued_once_is_a_cue_when_the_script_mentions_it() -> None:
    doc = read("外景 街道 日\n\n警察追着小偷跑。\n\n警察\n站住！\n", "s.fountain")
    assert doc.character_names == ("警察",)


def test_a_time_word_above_action_is_not_a_speaker() -> None:
    text = "外景 猫城市 清晨\n\n清晨\n阳光洒进房间。\n\n大蝎\n走吧。\n\n大蝎\n快！\n"
    doc = read(text, "s.fountain")
    assert doc.character_names == ("大蝎",)


def test_same_text_as_plain_text_reads_the_same(cat_city) -> None:
    as_text = read(CAT_CITY, "猫城记.txt")
    assert [(s.heading, s.line) for s in as_text.scenes] == [
        (s.heading, s.line) for s in cat_city.scenes
    ]
    assert as_text.characters == cat_city.characters


def test_fade_in_over_a_line_of_spaces_is_not_a_speaker() -> None:
    doc = read("FADE IN:\n      \nINT. HOUSE - DAY\n\nJOHN\nHello.\n", "s.fountain")
    assert [s.heading for s in doc.scenes] == ["INT. HOUSE - DAY"]
    assert doc.character_names == ("JOHN",)
    assert kinds(doc)[0] == (1, K.ACTION, None, "FADE IN:")


def test_a_line_of_spaces_still_keeps_a_dialogue_block_together() -> None:
    doc = read("JOHN\nHello.\n  \nStill me.\n", "s.fountain")
    assert doc.dialogue_blocks == 1
    assert [e.text for e in doc.elements if e.kind is K.DIALOGUE] == ["Hello.\n\nStill me."]


def test_transitions_ending_in_a_colon_are_never_cues() -> None:
    doc = read("BEGIN MONTAGE:\nShots of the city.\n\nJOHN\nHi.\n", "s.fountain")
    assert doc.character_names == ("JOHN",)


ZHEN = """《甄嬛传》

编剧：流潋紫

版权：某某影视有限公司
署名：流潋紫
联系方式：someone@example.com

1. 内景 养心殿 日
甄远道：臣遵旨。
甄远道：（叩首）谢皇上。
皇帝：起来吧。
皇帝说：你退下吧。
他说：好。
甄嬛道：臣妾不敢。
甄嬛：是。
"""


def test_a_name_ending_in_dao_is_a_speaker_and_dao_after_a_name_is_said() -> None:
    doc = read(ZHEN, "s.txt")
    assert {c.name: c.dialogue_blocks for c in doc.characters} == {
        "甄远道": 2,
        "皇帝": 1,
        "甄嬛": 1,
    }
    narration = [e.text for e in doc.elements if e.kind is K.ACTION]
    assert "皇帝说：你退下吧。\n他说：好。\n甄嬛道：臣妾不敢。" in narration


def test_a_single_line_by_a_name_ending_in_dao_is_still_a_speaker() -> None:
    doc = read("甄远道：臣遵旨。\n", "s.txt")
    assert doc.character_names == ("甄远道",)


@pytest.mark.parametrize(
    ("name", "known", "narration"),
    [
        ("甄远道", {"甄远道": 17}, False),
        ("甄远道", {}, False),
        ("王道", {}, False),
        ("林晓说", {"林晓": 3}, True),
        ("他说", {}, True),
        ("她笑道", {}, True),
        ("林晓对王强说", {}, True),
        ("林晓低声道", {}, True),
        ("甄嬛道", {"甄嬛": 1}, True),
    ],
)
def test_narration_before_a_colon(name: str, known: dict[str, int], narration: bool) -> None:
    assert is_narration_before_colon(name, known) is narration


def test_chinese_title_page_keys_are_title_page_not_speakers() -> None:
    doc = read(ZHEN, "s.txt")
    assert doc.title == "甄嬛传"
    assert dict(doc.title_page) == {
        "title": "甄嬛传",
        "author": "流潋紫",
        "copyright": "某某影视有限公司",
        "credit": "流潋紫",
        "contact": "someone@example.com",
    }
    assert not {"版权", "署名", "联系方式", "编剧"} & set(doc.character_names)


def test_title_keys_later_in_the_script_are_not_speakers() -> None:
    doc = read("1. 内景 办公室 日\n版权：所有\n日期：2026年3月1日\n林晓：好。\n", "s.txt")
    assert doc.character_names == ("林晓",)


@pytest.mark.parametrize(
    "line",
    [
        "屏幕上写着：欢迎",
        "△ 屏幕上写着：欢迎",
        "林晓看着手机 上面写着：你好",
        "手机屏幕上显示出一行字：欢迎回来",
        "他停了一下，说：好吧",
        "门上贴着一张纸条：闲人免进",
        "大屏幕上：新闻联播",
        "这时：大门打开",
    ],
)
def test_action_lines_with_a_colon_are_not_speakers(line: str) -> None:
    doc = read(f"1. 内景 客厅 夜\n{line}\n林晓：嗯。\n", "s.txt")
    assert doc.character_names == ("林晓",)
    assert doc.elements[1].kind is K.ACTION


@pytest.mark.parametrize(
    ("name", "speaker"),
    [
        ("林晓", True),
        ("迈克尔·杰克逊", True),
        ("老板", True),
        ("屏幕上写着", False),
        ("林晓看着手机 上面写着", False),
        ("一个穿着红色外套的年轻女人", False),
        ("版权", True),  # a key: filed as title/action by the reader, never as a character
    ],
)
def test_is_colon_speaker(name: str, speaker: bool) -> None:
    assert is_colon_speaker(name, "：", {}) is speaker


def test_count_colon_cues_counts_names_only() -> None:
    counts = count_colon_cues(["林晓：你好", "屏幕上写着：欢迎", "林晓：再见", "版权：某某"])
    assert counts == {"林晓": 2}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("林晓", ("林晓", False)),
        ("林晓（画外音）", ("林晓", True)),
        ("她站起来了", None),
        ("走向门口。", None),
        ("外景 街道", None),
        ("人物", None),
        ("@林晓", None),
        ("清晨", None),  # a time above a paragraph, not a speaker
        ("闪回", None),
    ],
)
def test_standalone_cue_shapes(line: str, expected: tuple[str, bool] | None) -> None:
    assert split_standalone_cue(line) == expected


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_PUNCT = st.sampled_from(list("，。！？、"))
_ACTION = st.lists(st.one_of(_HAN, _PUNCT), min_size=1, max_size=40).map("".join)


@settings(max_examples=100, deadline=None)
@given(st.lists(_ACTION, min_size=1, max_size=10))
def test_action_ending_in_full_stops_is_never_dialogue(paragraphs: list[str]) -> None:
    """Paragraphs of prose, each ending in 。, have no speaker when no line is a lone name."""
    lines = [p + "。" for p in paragraphs]
    text = "外景 街道 日\n\n" + "\n\n".join(f"{a}\n{a}" for a in lines) + "\n"
    doc = read(text, "s.fountain")
    assert doc.characters == ()
    assert len(doc.scenes) == 1


def test_the_corpus_chinese_tv_text_script_reads_as_a_person_counts_it():
    from pathlib import Path

    from models.scripts import detect_ai_uses, read_script

    path = Path(__file__).resolve().parents[2] / "corpus" / "synthetic" / "chinese-tv.txt"
    doc = read_script(path)
    assert [s.number for s in doc.scenes][:2] == ["1-1", "1-2"]
    assert "第三场" in [s.number for s in doc.scenes] + [s.heading for s in doc.scenes]
    uses = detect_ai_uses(doc)
    assert [(u.line, u.character) for u in uses] == [(24, "王强"), (36, "王强")]
