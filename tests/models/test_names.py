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


def test_pypinyins_tables_are_out_of_the_collectors_passes():
    """Loading pypinyin (first pinyin asked) freezes its ~190,000 phrase lists, so no later
    collector pass walks them (a fresh process: pypinyin is loaded once per process)."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import gc\n"
        "from models.names import pinyin\n"
        "assert pinyin('林晓') == 'lin xiao'\n"
        "from pypinyin.constants import PHRASES_DICT\n"
        "tracked = {id(o) for o in gc.get_objects()}\n"
        "lists = [v for v in PHRASES_DICT.values()][:1000]\n"
        "print(sum(id(v) in tracked for v in lists), gc.get_freeze_count() > 100_000)\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["0", "True"]
