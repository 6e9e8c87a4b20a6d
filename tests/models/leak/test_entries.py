"""Splitting pasted lists: every name found, in order, without numbering and notes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.leak import clean_entry, split_list


def texts(pasted: str) -> list[str]:
    return [e.text for e in split_list(pasted)]


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("林晓\n陈静怡\n王子轩", ["林晓", "陈静怡", "王子轩"]),
        (
            "林晓、陈静怡，王子轩;吴思琪；赵一鸣,刘雨桐",
            ["林晓", "陈静怡", "王子轩", "吴思琪", "赵一鸣", "刘雨桐"],
        ),
        (
            "林晓、陈静怡\nLin Xiao, Chen Jingyi\n王子轩",
            ["林晓", "陈静怡", "Lin Xiao", "Chen Jingyi", "王子轩"],
        ),
        (
            "1. 林晓\n2) 陈静怡\n③王子轩\n(4) 吴思琪\n（5）赵一鸣\n6、刘雨桐",
            ["林晓", "陈静怡", "王子轩", "吴思琪", "赵一鸣", "刘雨桐"],
        ),
        (
            "• 林晓\n- Lin Xiao\n* 王子轩\n#4 Emma Hart\nNo. 5 Marcus Reid",
            ["林晓", "Lin Xiao", "王子轩", "Emma Hart", "Marcus Reid"],
        ),
        (
            "林晓（演员）\nLin Xiao (actor)\n[主演] 王子轩\n陈静怡【配音】",
            ["林晓", "Lin Xiao", "王子轩", "陈静怡"],
        ),
        ("林晓（演员，歌手）、陈静怡", ["林晓", "陈静怡"]),
        ('"林晓"、“陈静怡”、「王子轩」、‘Emma Hart’', ["林晓", "陈静怡", "王子轩", "Emma Hart"]),
        ("  Lin    Xiao  \n\n\t\n  林晓 ", ["Lin Xiao", "林晓"]),
        ("AI艺人名单：林晓、陈静怡、王子轩等", ["林晓", "陈静怡", "王子轩"]),
        ("主演：林晓；配音：陈静怡", ["林晓", "陈静怡"]),
        ("名单：\n林晓", ["林晓"]),
        (
            "Sofia Marquez, Emma Hart and Lucas Bernard",
            ["Sofia Marquez", "Emma Hart", "Lucas Bernard"],
        ),
        ("Lin Xiao, Chen Jingyi, etc.", ["Lin Xiao", "Chen Jingyi"]),
        ("林晓 - 演员\nLin Xiao — actor\nJean-Luc Picard", ["林晓", "Lin Xiao", "Jean-Luc Picard"]),
        ("一、林晓\n二、陈静怡\n3\n4.", ["林晓", "陈静怡"]),
        ("林晓（演员、陈静怡、王子轩", ["林晓", "陈静怡", "王子轩"]),
        ("(林晓)\n【Lin Xiao】", ["林晓", "Lin Xiao"]),
        ("迪丽热巴·迪力木拉提、O'Brien", ["迪丽热巴·迪力木拉提", "O'Brien"]),
        ("ＬＩＮ　ＸＩＡＯ，林曉", ["ＬＩＮ ＸＩＡＯ", "林曉"]),
        ("", []),
        ("1.\n2.\n——", []),
    ],
)
def test_split_list_finds_each_name(pasted, expected):
    assert texts(pasted) == expected


def test_entries_keep_original_text_position_and_line():
    entries = split_list("名单\n1. 林晓（演员）、陈静怡\n\n③ Lin Xiao (actor)")
    assert [(e.text, e.original, e.position, e.line) for e in entries] == [
        ("名单", "名单", 0, 1),
        ("林晓", "1. 林晓（演员）", 1, 2),
        ("陈静怡", "陈静怡", 2, 2),
        ("Lin Xiao", "③ Lin Xiao (actor)", 3, 4),
    ]


def test_a_name_ending_in_deng_is_kept_when_alone():
    # "等" (etc.) is only noise at the end of a list, and never eats a two-character name.
    assert texts("王等") == ["王等"]
    assert texts("林晓、王等") == ["林晓", "王等"]
    assert clean_entry("刘雨桐等") == "刘雨桐"


_CJK = st.text(
    alphabet="林晓陈静怡王子轩吴思琪赵鸣刘雨桐孙浩然周慕白欧阳娜", min_size=2, max_size=4
)
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8).filter(
    lambda w: w not in {"and", "etc", "no"}
)
_LATIN = st.lists(_WORD, min_size=1, max_size=3).map(
    lambda ws: " ".join(w.capitalize() for w in ws)
)
_NUMBERING = st.sampled_from(["", "1. ", "12) ", "③ ", "(4) ", "（5）", "- ", "• ", "#7 "])
_NOTE = st.sampled_from(["", "（演员）", " (actor)", " [主演]", "【配音】"])
_SEPARATOR = st.sampled_from(["\n", ",", "，", "、", ";", "；", ", ", "\n\n", " ; "])


@given(st.data())
def test_noise_and_separators_never_change_the_names(data):
    names = data.draw(st.lists(st.one_of(_CJK, _LATIN), min_size=1, max_size=12))
    parts = []
    for name in names:
        quoted = data.draw(st.sampled_from(["{}", '"{}"', "“{}”", "「{}」"])).format(name)
        parts.append(data.draw(_NUMBERING) + quoted + data.draw(_NOTE))
    pasted = parts[0]
    for part in parts[1:]:
        pasted += data.draw(_SEPARATOR) + part
    entries = split_list(pasted)
    assert [e.text for e in entries] == names
    assert [e.position for e in entries] == list(range(len(names)))
    assert all(e.original.strip() and e.text in e.original for e in entries)
