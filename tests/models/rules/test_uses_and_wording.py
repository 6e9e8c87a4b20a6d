"""From AI-use kinds to modalities, and the keyword readers the rules rely on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.consent.words import Modality
from models.rules import ScriptHit, build_demands
from models.rules.uses import KIND_MODALITY, dubbing_phrase, hit_modality
from models.rules.wording import (
    EXCLUSION_WORDS,
    NO_DE_AGING,
    NO_DUBBING,
    NO_NEW_LINES,
    alteration_limits,
    exclusion_hit,
    names_overlap,
    specific_enough,
)
from tests.models.rules.builders import terms

M = Modality


def test_each_kind_needs_its_modality() -> None:
    assert KIND_MODALITY == {
        "voice": M.VOICE,
        "likeness": M.FACE_LIKENESS,
        "de-aging": M.DE_AGING,
        "face-swap": M.FACE_LIKENESS,
        "digital-double": M.DIGITAL_DOUBLE_CREATION,
        "training": M.MODEL_TRAINING,
        "other": None,
    }


def test_a_bare_ai_cue_is_read_as_voice_but_an_ai_mention_is_not() -> None:
    cue = ScriptHit(1, 7, "LIN XIAO", "other", "extension", "AI")
    mention = ScriptHit(1, 9, "LIN XIAO", "other", "action", "AI-generated")
    assert hit_modality(cue) is M.VOICE
    assert hit_modality(mention) is None


def test_dubbing_phrases() -> None:
    assert dubbing_phrase("Her AI voice is dubbed into English.") == "dubbed"
    assert dubbing_phrase("林晓的声音译制为粤语版") == "译制"
    assert dubbing_phrase("He rubbed his eyes; the doubt remained.") is None


def test_demands_follow_confirmed_mappings_only() -> None:
    hits = [
        ScriptHit(1, 7, "LIN XIAO", "voice", "extension", "AI VOICE", 1, "LIN XIAO (AI VOICE)"),
        ScriptHit(1, 9, "SHEN YAO", "face-swap", "action", "face swap", 1, "A face swap."),
        ScriptHit(1, 11, "EXTRA", "voice", "extension", "AI VOICE", 1, "EXTRA (AI VOICE)"),
        ScriptHit(1, 15, None, "training", "action", "train a model on", 2, "…"),
        ScriptHit(
            1,
            16,
            "LIN XIAO",
            "voice",
            "dialogue",
            "cloned voice",
            2,
            "Her cloned voice, dubbed into Cantonese.",
        ),
    ]
    mapping = {(1, "LIN XIAO"): 1, (1, "EXTRA"): None}
    demands, unmapped, training = build_demands(
        hits, mapping, {1: terms(modalities=(M.FACE_LIKENESS,))}, {(1, "SHEN YAO"): "林晓"}
    )
    assert [(d.line, d.modality) for d in demands] == [
        (None, M.FACE_LIKENESS),
        (7, M.VOICE),
        (16, M.VOICE),
        (16, M.VOICE_TRANSLATION_DUBBING),
    ]
    assert [(u.line, u.character, u.suggestion) for u in unmapped] == [(9, "SHEN YAO", "林晓")]
    assert training == ((1, 15),)


def test_exclusion_words_match_whole_words_in_latin_and_inside_chinese() -> None:
    assert exclusion_hit("nudity", "She is NAKED.") == "NAKED"
    assert exclusion_hit("violence", "他开枪了") == "开枪"
    assert exclusion_hit("alcohol_ads", "They check into a 酒店.") is None  # a hotel, not alcohol
    assert exclusion_hit("political", "A politically neutral talk.") is None
    assert exclusion_hit("energy drinks", "An ad for energy drinks.") == "energy drinks"


@given(
    st.sampled_from(sorted({w for ws in EXCLUSION_WORDS.values() for w in ws if w.isascii()})),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=3),
    st.booleans(),
)
def test_a_latin_exclusion_word_inside_a_longer_word_is_no_hit(
    word: str, extra: str, before: bool
) -> None:
    text = f"the {extra}{word} here" if before else f"the {word}{extra} here"
    key = next(k for k, ws in EXCLUSION_WORDS.items() if word in ws)
    found = exclusion_hit(key, text)
    # another listed word may legitimately be the longer word itself ("gun" → "guns")
    assert found is None or found.lower() in EXCLUSION_WORDS[key]


def test_alteration_limits() -> None:
    assert set(alteration_limits("Mandarin only; no de-aging.")) == {NO_DUBBING, NO_DE_AGING}
    assert set(alteration_limits("No new lines; pick-up lines only from the approved script.")) == {
        NO_NEW_LINES
    }
    assert set(alteration_limits("不得翻译为其他语言，不得修改台词")) == {NO_DUBBING, NO_NEW_LINES}
    assert alteration_limits("Face replacement in the two flashback scenes only.") == {}


@given(st.text(max_size=300))
def test_alteration_limits_read_any_text(text: str) -> None:
    assert set(alteration_limits(text)) <= {NO_DUBBING, NO_DE_AGING, NO_NEW_LINES}
    ok, why = specific_enough(text)
    assert ok or why


def test_use_descriptions() -> None:
    assert specific_enough("Digital face replacement of Shen Yao in episodes 3 and 7.")[0]
    assert specific_enough("剧中沈瑶在第3、7集闪回中的数字换脸")[0]
    assert not specific_enough("Any and all uses")[0]
    assert not specific_enough("promo")[0]
    assert not specific_enough("")[0]


def test_who_decided() -> None:
    assert names_overlap("王丽", "王丽（母亲） +86 138 0000 0001")
    assert names_overlap("Anne Fairweather", "Anne Fairweather (mother)")
    assert not names_overlap("Chloe Fairweather", "Anne Fairweather (mother)")
