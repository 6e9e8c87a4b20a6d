"""Fuzz leak-list reading: splitting a pasted list and matching it never crashes."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.known_bugs import allow_known
from tests.fuzz.profiles import fuzz_settings

if TYPE_CHECKING:
    from models.leak.matcher import NameMatcher

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("models.leak.entries") is None
    or importlib.util.find_spec("models.leak.matcher") is None,
    reason="the leak-day matcher (models.leak) does not exist yet",
)

PIECES = st.one_of(
    st.sampled_from(
        [
            "林晓",
            "Lin Xiao",
            "lin xiao",
            "林曉",
            "周雨桐（主演）",
            "1.",
            "①",
            "(3)",
            "主演：",
            "、",
            "，",
            ";",
            "\n",
            "\t",
            " and ",
            "等",
            "etc.",
            "《",
            "》",
            "（",
            "）",
            "Lü",
            "lv",
            "•",
            "—",
            "No. 3",
            "#12",
            "\u3000",
            "\r\n",
            "  ",
        ]
    ),
    st.text(max_size=12),
)
ROSTER = [
    ("林晓", "Lin Xiao", ("小林",)),
    ("周雨桐", "Zhou Yutong", ()),
    ("吕文", "Lü Wen", ("Lv Wen",)),
    ("Anna Berg", "Anna Berg", ()),
]


def _matcher() -> NameMatcher:
    from models.leak.matcher import NameMatcher, RosterName

    return NameMatcher(RosterName(i + 1, n, r, s) for i, (n, r, s) in enumerate(ROSTER))


@fuzz_settings()
@given(pieces=st.lists(PIECES, max_size=40))
def test_split_and_match_any_pasted_list(pieces: list[str]) -> None:
    from models.errors import UserError
    from models.leak.entries import split_list

    text = "".join(pieces)
    try:
        with allow_known():
            split_list(text)
            _matcher().match_list(text)
    except UserError:
        pass


@fuzz_settings()
@given(text=st.text(max_size=400))
def test_split_any_text(text: str) -> None:
    from models.errors import UserError
    from models.leak.entries import split_list

    try:
        with allow_known():
            split_list(text)
    except UserError:
        pass
