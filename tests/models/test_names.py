"""Toneless pinyin of names: the per-character reading gives exactly pypinyin's result."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from models.names import pinyin, pinyin_syllables, romanize

# Family names with more than one reading (单 shan/dan, 曾 zeng/ceng, 解 xie/jie, 区 ou/qu, …),
# two-character family names pypinyin knows as phrases, and common given-name characters.
FAMILY = [*"王李张刘陈林单曾解仇朴区查盖乐缪覃宁重长尉吕华任召折", "欧阳", "长孙", "尉迟"]
FAMILY += ["万俟", "司马", "上官"]
GIVEN = "伟芳娜秀英敏静丽强晓行长乐重朝和会还都调降单解朴东京海平安庆春"
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


def pypinyin_says(text: str) -> tuple[str, ...]:
    parts = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    return tuple(p.lower() for p in parts if p.strip())


names = st.builds(
    lambda family, given: family + given,
    st.sampled_from(FAMILY),
    st.text(st.one_of(st.sampled_from(GIVEN), HAN), min_size=0, max_size=3),
)


@settings(max_examples=400)
@given(names)
@example("长孙无忌")
@example("单田芳")
@example("重庆")
@example("吕布")
def test_pinyin_of_a_name_is_pypinyins(name):
    pinyin_syllables.cache_clear()
    assert pinyin_syllables(name) == pypinyin_says(name)


@settings(max_examples=200)
@given(st.text(st.one_of(HAN, st.sampled_from("林晓 Lin·-0〇々㐀𠀀")), max_size=12))
def test_pinyin_of_any_text_is_pypinyins(text):
    pinyin_syllables.cache_clear()
    assert pinyin_syllables(text) == pypinyin_says(text)


def test_names_read_as_people_expect():
    assert pinyin("林晓") == "lin xiao"
    assert pinyin("长孙无忌", sep="") == "zhangsunwuji"  # a phrase of pypinyin: read whole
    assert romanize("陈静怡") == "Chen Jingyi"
