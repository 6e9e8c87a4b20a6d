"""AI-use markers: the shipped list, matching rules, attribution and user-edited lists."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import UserError
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

DOMAIN_EXTENSIONS = [
    "AI", "AI VOICE", "AI V.O.", "SYNTHETIC VOICE", "VOICE CLONE", "DIGITAL DOUBLE",
    "DIGITAL REPLICA", "DE-AGED", "DEAGED", "FACE SWAP", "AI配音", "AI声音", "数字替身", "数字人",
    "换脸",
]  # fmt: skip
DOMAIN_PHRASES = [
    "digital replica",
    "digital double",
    "AI-generated",
    "synthetic voice",
    "voice clone",
    "cloned voice",
    "de-aged",
    "de-aging",
    "face swap",
    "deepfake",
    "digital recreation",
    "train a model on",
    "trained a model on",
    "training a model on",
    "generative",
    "数字替身",
    "数字人",
    "数字分身",
    "AI换脸",
    "换脸",
    "声音克隆",
    "克隆声音",
    "AI配音",
    "合成声音",
    "AI生成",
    "深度合成",
    "减龄",
    "虚拟人",
]  # fmt: skip  (the domain list, plus "training a model on")


def fountain(text: str):
    return read_bytes(text.encode("utf-8"), "t.fountain")


def hits(text: str, markers=None):
    doc = fountain(text)
    return [
        (u.line, u.character, u.kind.value, u.source.value, u.text)
        for u in detect_ai_uses(doc, markers)
    ]


def test_shipped_list_holds_the_domain_starter_list():
    markers = load_markers()
    data = json.loads(SHIPPED_MARKERS.read_text(encoding="utf-8"))
    # The domain's starter list comes first, in its order; the wider vocabulary follows.
    assert [e["text"] for e in data["extensions"]][: len(DOMAIN_EXTENSIONS)] == DOMAIN_EXTENSIONS
    assert [e["text"] for e in data["phrases"]][: len(DOMAIN_PHRASES)] == DOMAIN_PHRASES
    assert {m.kind for m in (*markers.extensions, *markers.phrases)} == set(AiKind)
    for word in DOMAIN_EXTENSIONS:  # every extension is found as a cue extension
        assert markers.extension_marker(word) is not None
    for phrase in DOMAIN_PHRASES:  # every phrase finds itself
        assert [m.text for _, _, m in markers.find(f"Look: {phrase}.")] == [phrase]


def test_latin_phrases_match_whole_words_only():
    markers = parse_markers({"phrases": [{"text": "AI", "kind": "other"}]})
    assert hits("AIDEN said he would maintain the mainframe. Dubai, Thailand.\n", markers) == []
    assert hits("The AI speaks. A.I. too? The ai-driven rig.\n", markers) == [
        (1, None, "other", "action", "AI"),
        (1, None, "other", "action", "ai"),
    ]


def test_latin_phrases_ignore_case_hyphens_spaces_and_plurals():
    text = "Two FACE-SWAPS, a faceswap, a de aged hero and deepfakes.\n"
    assert [h[4] for h in hits(text)] == ["FACE-SWAPS", "faceswap", "de aged", "deepfakes"]
    assert hits("Generatively, undeepfaked, refaceswap, deepfaker.\n") == []


def test_chinese_phrases_match_inside_text_but_not_known_false_friends():
    assert [h[4] for h in hits("她用数字人直播，还做了AI 换脸和减龄。\n")] == [
        "数字人",
        "AI 换脸",
        "减龄",
    ]
    assert hits("数字很大。数字人民币。数字人才。换脸盆。减龄装。虚拟人物。\n") == []


def test_extensions_compare_letters_only_and_parts():
    markers = load_markers()
    for written in ("A.I. voice", "（ＡＩ配音）", "AI, CONT'D", "de aged", "Digital-Double"):
        assert markers.extension_marker(written) is not None, written
    for written in ("V.O.", "O.S.", "CONT'D", "AIDEN"):
        assert markers.extension_marker(written) is None, written


def test_the_character_a_hit_concerns():
    text = (
        "INT. LAB - DAY\n\n"
        "MARY\nHi.\n\n"
        "VOICE\nHello.\n\n"
        "The synthetic voice of Mary fills the room.\n\n"
        "A voice clone plays. Nobody named.\n\n"
        "MARY (V.O.)\n(digital double)\nIt's me.\n"
    )
    assert hits(text) == [
        (9, "MARY", "voice", "action", "synthetic voice"),  # "voice" is not VOICE
        (11, None, "voice", "action", "voice clone"),
        (14, "MARY", "digital-double", "dialogue", "digital double"),
    ]


def test_a_hit_in_a_wrapped_paragraph_points_at_its_own_line():
    doc = fountain("MARY\nHi.\n\nShe walks in.\nMARY's face swap\nflickers.\n")
    [use] = detect_ai_uses(doc)
    assert (use.line, use.column, use.character) == (5, 7, "MARY")


def write(tmp_path, data, name="markers.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_a_user_marker_file_replaces_the_shipped_list(tmp_path):
    path = write(
        tmp_path,
        {
            "extensions": [{"text": "(CLONE)", "kind": "voice"}],
            "phrases": [
                {"text": "Holo-Mary", "kind": "likeness"},
                {"text": "全息人", "kind": "likeness"},
            ],
        },
    )
    markers = load_markers(path)
    assert hits("BOB (CLONE)\nA holo mary and a 全息人 and a deepfake.\n", markers) == [
        (1, "BOB", "voice", "extension", "CLONE"),
        (2, "BOB", "likeness", "dialogue", "holo mary"),
        (2, "BOB", "likeness", "dialogue", "全息人"),
    ]


@pytest.mark.parametrize(
    "content, problem",
    [
        ("{not json", "not valid JSON at line 1, column 2"),
        ("[]", "must hold a JSON object"),
        ({"phrases": "deepfake"}, "'phrases' must be a list"),
        ({"phrases": []}, "no extensions and no phrases"),
        ({"phrases": [{"text": "", "kind": "voice"}]}, "'text' must be non-empty"),
        ({"phrases": [{"text": "x", "kind": "magic"}]}, "kind must be one of voice, likeness"),
        ({"phrases": [{"text": "x", "kind": "voice", "kinds": 1}]}, "unknown field(s) kinds"),
        (
            {"phrases": [{"text": "数字人", "kind": "voice", "except": ["人民币"]}]},
            "exception '人民币' does not contain the phrase",
        ),
        (
            {
                "phrases": [
                    {"text": "face swap", "kind": "face-swap"},
                    {"text": "Face-Swap", "kind": "voice"},
                ]
            },
            "same as 'face swap' but with another kind",
        ),
    ],
)
def test_bad_marker_files_are_refused_with_what_to_fix(tmp_path, content, problem):
    path = write(tmp_path, content)
    with pytest.raises(MarkerListError) as caught:
        load_markers(path)
    assert isinstance(caught.value, UserError)
    assert problem in str(caught.value) and str(path) in str(caught.value)


def test_every_problem_is_listed_not_just_the_first():
    with pytest.raises(MarkerListError) as caught:
        parse_markers({"phrases": [{"text": "", "kind": "voice"}, {"text": "y", "kind": "?"}]})
    assert len(caught.value.problems) == 2


def test_missing_and_non_utf8_marker_files(tmp_path):
    with pytest.raises(MarkerListError, match="does not exist"):
        load_markers(tmp_path / "nope.json")
    bad = tmp_path / "gbk.json"
    bad.write_bytes('{"phrases": [{"text": "换脸", "kind": "face-swap"}]}'.encode("gb18030"))
    with pytest.raises(MarkerListError, match="not UTF-8"):
        load_markers(bad)


# -- the scan: tried only where a marker can start, found exactly as one plain expression ------

_PIECES = [
    "digital", "double", "de", "aged", "aging", "ai", "AI", "ＡＩ", "配音", "换脸", "voice",
    "clone", "cloned", "train", "trained", "a", "model", "on", "face", "swap", "s", "es",
    "generative", "deepfake", "synthetic", "用", "她的", "声音", "训练", "数字人民币", "数字人",
    "made", "said", "x", "é", " ", "  ", "-", "—", "\n", "\x00", ".", "。",
]  # fmt: skip
_USER_LIST = {
    "phrases": [
        {"text": "voice clone", "kind": "voice"},
        {"text": "face", "kind": "likeness"},
        {"text": "AI配音", "kind": "voice"},
        {"text": "cloned", "kind": "voice", "pattern": "(?:ab)?c(?:lo|x)ned"},
        {"text": "x5", "kind": "other"},
        {"text": "说", "kind": "other", "pattern": "[说讲][^。]{0,3}?训练"},
    ]
}


def _plain(markers) -> re.Pattern[str]:
    """What the scan must find: every marker's own expression in one plain alternation, in
    the set's order (pattern markers first), searched left to right."""
    custom = [p.pattern for p, m in markers._each if m.pattern is not None]
    rest = [p.pattern for p, m in markers._each if m.pattern is None]
    return re.compile("|".join(custom + rest))


@pytest.mark.parametrize("which", ["shipped", "user"])
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
@settings(max_examples=300, deadline=None)
def test_the_scan_finds_what_one_plain_expression_finds(which, text):
    markers = load_markers() if which == "shipped" else parse_markers(_USER_LIST)
    plain = _plain(markers)
    lowered = fold_same_length(text)
    expected = [m.span() for m in plain.finditer(lowered)]
    assert [m.span() for m in markers._regex.compiled().finditer(lowered)] == expected
    assert [m.span() for m in markers._matches(markers._regex, lowered)] == expected
    assert [(s, e) for s, e, _ in markers.find(text)] == [
        (s, e) for s, e, _ in _find_with(markers, plain.finditer(lowered), lowered)
    ]


def _find_with(markers, matches, lowered):
    """`MarkerSet.find` on given matches (the filtering after the scan is the same code)."""
    from models.scripts.marker_patterns import phrase_key, within_exception

    for m in matches:
        start, end = m.span()
        marker = markers._exact.get(phrase_key(m.group()))
        if marker is None:
            tried = markers._by_first.get(lowered[start], markers._anywhere)
            marker = next((mk for p, mk in tried if p.match(lowered, start)), None)
        if marker is None or (
            marker.exceptions and within_exception(lowered, start, end, marker.exceptions)
        ):
            continue
        yield start, end, marker


def test_a_text_dense_with_marker_letters_is_scanned_by_the_expression_itself():
    markers = load_markers()
    text = "de ai " * 2000 + "a digital double"
    assert markers._starts(text) is None  # too many places to try one by one
    assert [(s, e) for s, e, _ in markers.find(text)] == [(len(text) - 14, len(text))]
    assert markers._starts("a digital double, de-aged") == [2, 18]


def test_latin_letters_are_ascii_letters_digits_and_latin_extended():
    from models.scripts.marker_patterns import is_latin

    latin = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")
    assert [c for c in map(chr, range(0x10000)) if is_latin(c) != bool(latin.match(c))] == []


def test_a_marker_set_is_a_value():
    import copy
    import pickle

    markers = load_markers()
    for same in (copy.copy(markers), copy.deepcopy(markers), pickle.loads(pickle.dumps(markers))):
        assert same == markers and hash(same) == hash(markers)
        assert list(same.find("a digital double")) == list(markers.find("a digital double"))
    assert markers != parse_markers(_USER_LIST)
    with pytest.raises(AttributeError):
        markers.origin = "elsewhere"  # type: ignore[misc]


def test_a_script_without_a_place_a_marker_could_start_never_compiles_the_expression():
    markers = parse_markers({"phrases": [{"text": "voice clone", "kind": "voice"}]})
    assert list(markers.find("He made his choice; the invoice was paid.")) == []
    assert markers._regex is not None and markers._regex._compiled is None  # in-voice: no start
    assert [(s, e) for s, e, _ in markers.find("a voice-clone")] == [(2, 13)]
    assert markers._regex._compiled is not None
