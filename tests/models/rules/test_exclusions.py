"""R8 exclusions matched by meaning: word boundaries, negation, look-alikes, ad scope."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.rules.exclusions import (
    AD_EXCLUSIONS,
    EXCLUSION_WORDS,
    applies_to,
    exclusion_hit,
    exclusion_label,
)


@pytest.mark.parametrize(
    ("key", "text", "found"),
    [
        ("violence", "他们暴力殴打了他。", "暴力"),
        ("violence", "A violent fight breaks out.", "violent"),
        ("violence", "He shoots the guard.", "shoots"),
        ("political", "政治集会上，人群高呼口号。", "政治"),
        ("political", "An election night party.", "election"),
        ("nudity", "She is NAKED.", "NAKED"),
        ("sexual_content", "床戏在第二幕。", "床戏"),
    ],
)
def test_real_hits(key, text, found):
    assert exclusion_hit(key, text, "film") == found


@pytest.mark.parametrize(
    ("key", "text"),
    [
        # negation
        ("violence", "这是一场非暴力抗争。"),
        ("violence", "他们发起反暴力宣传。"),
        ("violence", "剧本不含暴力内容。"),
        ("violence", "A non-violent protest."),
        ("violence", "A nonviolent march, without violence."),
        ("tobacco_ads", "墙上写着禁止吸烟。"),
        ("tobacco_ads", "A no smoking sign."),
        ("nudity", "There is no nudity in this scene."),
        # look-alikes
        ("political", "为品牌拍摄一支宣传片。"),
        ("political", "本片的宣传推广由制作方负责。"),
        ("medical_claims", "一部治愈系电影。"),
        # word boundaries
        ("violence", "The show has begun."),
        ("alcohol_ads", "They check into a 酒店."),
        ("political", "A politically neutral talk."),
    ],
)
def test_no_false_hits(key, text):
    assert exclusion_hit(key, text, "ad") is None


@pytest.mark.parametrize("project_type", ["film", "series", "game", "other"])
def test_ad_exclusions_do_not_bind_a_film_scene(project_type):
    scene = "两人在酒吧喝酒，他点了一支香烟。"
    assert exclusion_hit("alcohol_ads", scene, project_type) is None
    assert exclusion_hit("tobacco_ads", scene, project_type) is None
    # content exclusions still do
    assert exclusion_hit("violence", "他在酒吧开枪。", project_type) == "开枪"


def test_ad_exclusions_bind_an_ad_and_an_unknown_project():
    assert exclusion_hit("alcohol_ads", "镜头：主角在酒吧举起啤酒。", "ad") == "酒吧"
    assert exclusion_hit("alcohol_ads", "A beer commercial.", "") == "beer"  # unknown: cautious
    assert all(not applies_to(k, "film") for k in AD_EXCLUSIONS)
    assert applies_to("violence", "film") and applies_to("energy drinks", "film")


def test_custom_exclusion_is_taken_literally():
    assert exclusion_hit("energy drinks", "An ad for energy drinks.", "ad") == "energy drinks"


def test_exclusion_labels_are_words_not_keys():
    assert exclusion_label("alcohol_ads", "zh") == "酒类广告"
    assert exclusion_label("political", "zh") == "政治内容"
    assert exclusion_label("political", "en") == "political content"
    assert exclusion_label("energy drinks", "zh") == "energy drinks"


_CHINESE = sorted({w for ws in EXCLUSION_WORDS.values() for w in ws if not w.isascii()})
_NEGATIONS = ["非", "反", "不", "无", "没有", "禁止", "严禁", "不含"]


@given(st.sampled_from(_CHINESE), st.sampled_from(_NEGATIONS), st.text("，。的了在", max_size=4))
def test_a_negated_chinese_word_is_no_hit(word, negation, before):
    key = next(k for k, ws in EXCLUSION_WORDS.items() if word in ws)
    assert exclusion_hit(key, f"{before}{negation}{word}", "ad") is None


@given(st.sampled_from(_CHINESE), st.text("，。的了在他她", max_size=4))
def test_a_plain_chinese_word_is_a_hit(word, before):
    key = next(k for k, ws in EXCLUSION_WORDS.items() if word in ws)
    found = exclusion_hit(key, f"{before}{word}。", "ad")
    assert found is not None and found in EXCLUSION_WORDS[key]
