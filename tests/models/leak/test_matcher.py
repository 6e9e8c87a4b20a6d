"""Matching list entries to roster artists: the tricky spellings of leak day."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.leak import MatchKind, MatchStatus, NameMatcher, RosterName
from models.leak.keys import compact, to_simplified
from models.leak.matcher import MARGIN, MATCH_SCORE
from models.names import romanize
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService

ROSTER = [
    RosterName(1, "林晓", "Lin Xiao", ("小林",)),
    RosterName(2, "陈静怡", "Chen Jingyi", ("Jingyi Chen",)),
    RosterName(3, "王子轩", "Wang Zixuan"),
    RosterName(4, "吴思琪", "Wu Siqi", ("Kiki Wu",)),
    RosterName(5, "Emma Hart", "Emma Hart", ("Em Hart",)),
    RosterName(6, "曾小贤", romanize("曾小贤")),  # auto-romanised "Ceng Xiaoxian"
    RosterName(7, "欧阳娜娜", romanize("欧阳娜娜")),
    RosterName(8, "吕一", romanize("吕一")),
    RosterName(9, "周杰倫", "Jay Chou"),  # stored in traditional characters
    RosterName(10, "林小雨", "Lin Xiaoyu"),
    RosterName(11, "김하늘", "Kim Haneul"),
    RosterName(12, "Sofia Márquez", "Sofia Márquez"),
]


@pytest.fixture(scope="module")
def matcher():
    return NameMatcher(ROSTER)


@pytest.mark.parametrize(
    ("entry", "artist_id", "min_score"),
    [
        ("林晓", 1, 100),
        ("linxiao", 1, 100),  # pinyin without spaces
        ("LIN Xiao", 1, 100),  # capitals and spaces
        ("Lin-Xiao", 1, 100),
        ("Lín Xiǎo", 1, 100),  # tone marks
        ("林曉", 1, 100),  # traditional characters
        ("ＬＩＮ ＸＩＡＯ", 1, 100),  # full-width letters
        ("ｌｉｎｘｉａｏ", 1, 100),
        ("小林", 1, 100),  # stage name
        ("Kiki Wu", 4, 100),  # Latin stage name
        ("KIKI  WU", 4, 100),
        ("Jingyi Chen", 2, 100),  # alias in Western order
        ("Em Hart", 5, 100),
        ("emma hart", 5, 100),
        ("Siqi Wu", 4, 95),  # given name first
        ("Nana Ouyang", 7, 95),  # compound family name kept whole
        ("Ouyang Nana", 7, 100),
        ("Zeng Xiaoxian", 6, 100),  # 曾 read as a family name
        ("Ceng Xiaoxian", 6, 100),  # ... and as the roster romanised it
        ("Lü Yi", 8, 100),
        ("Lyu Yi", 8, 100),  # passport spelling of 吕
        ("Lu Yi", 8, 100),
        ("周杰伦", 9, 100),  # simplified entry, traditional roster name
        ("周杰倫", 9, 100),
        ("Jay Chou", 9, 100),
        ("Zhou Jielun", 9, 100),
        ("김하늘", 11, 100),
        ("Sofia Marquez", 12, 100),  # accent dropped
        ("Lin Xaio", 1, MATCH_SCORE),  # transposed letters
        ("Chen Jingy", 2, MATCH_SCORE),  # dropped letter
        ("Wang Zixaun", 3, MATCH_SCORE),
        ("1. 林晓（演员）", 1, 100),  # noise around the name
        ("[主演] Lin Xiao (actor)", 1, 100),
        ("林晓 Lin Xiao", 1, 100),  # both scripts in one entry
    ],
)
def test_tricky_entries_match_the_right_artist(matcher, entry, artist_id, min_score):
    result = matcher.match(entry)
    assert result.status is MatchStatus.MATCHED, result
    assert result.artist_id == artist_id
    assert result.score >= min_score
    assert result.candidates[0].artist_id == artist_id
    if min_score < 100:
        assert result.score < 100  # a near match never claims to be exact


@pytest.mark.parametrize("entry", ["张伟", "Zhang Wei", "Oliver Brandt", "Tom", "迈克尔·杰克逊"])
def test_names_not_on_the_roster_are_not_found(matcher, entry):
    result = matcher.match(entry)
    assert result.status is MatchStatus.NOT_FOUND
    assert result.artist_id is None and result.candidates == () and result.score == 0


def test_near_matches_say_how_they_matched(matcher):
    assert matcher.match("Lin Xaio").candidates[0].kind is MatchKind.NEAR
    assert matcher.match("Siqi Wu").candidates[0].kind is MatchKind.WORD_ORDER
    assert matcher.match("小林").candidates[0].kind is MatchKind.STAGE_NAME
    assert matcher.match("林曉").candidates[0].kind is MatchKind.NAME


def test_a_homophone_in_characters_needs_a_person(matcher):
    # 陈静宜 sounds exactly like 陈静怡 but is written differently: maybe a typo, maybe not.
    result = matcher.match("陈静宜")
    assert result.status is MatchStatus.AMBIGUOUS
    assert [(c.artist_id, c.kind) for c in result.candidates] == [(2, MatchKind.HOMOPHONE)]
    assert result.score < MATCH_SCORE


def test_two_artists_with_the_same_pinyin_are_ambiguous():
    matcher = NameMatcher([*ROSTER, RosterName(20, "林筱", "Lin Xiao")])
    for entry in ("Lin Xiao", "linxiao", "ＬＩＮ ＸＩＡＯ"):
        result = matcher.match(entry)
        assert result.status is MatchStatus.AMBIGUOUS
        assert result.artist_id is None
        assert [(c.artist_id, c.score) for c in result.candidates[:2]] == [(1, 100), (20, 100)]
    typo = matcher.match("Lin Xaio")
    assert typo.status is MatchStatus.AMBIGUOUS
    assert {c.artist_id for c in typo.candidates[:2]} == {1, 20}
    # The characters tell them apart; the other one is still listed, lower.
    for entry, artist_id, other in (("林晓", 1, 20), ("林筱", 20, 1), ("林曉", 1, 20)):
        result = matcher.match(entry)
        assert result.status is MatchStatus.MATCHED and result.artist_id == artist_id
        assert [c.artist_id for c in result.candidates] == [artist_id, other]
        assert result.candidates[1].score < result.score


def test_a_typo_between_two_similar_names_is_ambiguous():
    matcher = NameMatcher([*ROSTER, RosterName(21, "陈静", "Chen Jing")])
    result = matcher.match("Chen Jingy")
    assert result.status is MatchStatus.AMBIGUOUS
    assert {c.artist_id for c in result.candidates} >= {2, 21}


def test_word_order_does_not_outweigh_another_artists_exact_name():
    # "Xiao Lin" is 萧林, or 林晓 written given-name first: a person must choose.
    roster = [RosterName(1, "林晓", "Lin Xiao"), RosterName(2, "萧林", "Xiao Lin")]
    result = NameMatcher(roster).match("Xiao Lin")
    assert result.status is MatchStatus.AMBIGUOUS
    assert [(c.artist_id, c.score) for c in result.candidates] == [(2, 100), (1, 95)]


def test_a_mixed_entry_prefers_the_characters():
    matcher = NameMatcher([*ROSTER, RosterName(20, "林筱", "Lin Xiao")])
    result = matcher.match("林筱 Lin Xiao")
    assert result.status is MatchStatus.MATCHED and result.artist_id == 20


def test_match_list_keeps_the_order_and_every_entry(matcher):
    results = matcher.match_list("3. 王子轩\n1. 林晓、张伟\nKiki Wu；林晓")
    assert [(r.text, r.status, r.artist_id) for r in results] == [
        ("王子轩", MatchStatus.MATCHED, 3),
        ("林晓", MatchStatus.MATCHED, 1),
        ("张伟", MatchStatus.NOT_FOUND, None),
        ("Kiki Wu", MatchStatus.MATCHED, 4),
        ("林晓", MatchStatus.MATCHED, 1),
    ]
    assert [r.entry.position for r in results] == [0, 1, 2, 3, 4]


def test_an_empty_roster_finds_nobody():
    assert NameMatcher([]).match("林晓").status is MatchStatus.NOT_FOUND


def test_matcher_reads_the_roster_and_flags_archived_artists(db):
    roster = RosterService(db)
    active = roster.add(ArtistDraft("林晓", stage_names=("小林",)))
    gone = roster.add(ArtistDraft("陈静怡", romanized_name="Chen Jingyi"))
    roster.set_archived(gone.id, True)
    matcher = NameMatcher.from_database(db)
    assert len(matcher) == 2
    kept = matcher.match("Chen Jingyi")
    assert kept.status is MatchStatus.MATCHED and kept.artist_id == gone.id
    assert kept.archived and kept.candidates[0].archived
    current = matcher.match("Xiao Lin")
    assert current.artist_id == active.id and not current.archived


def test_equal_candidates_list_active_artists_before_archived_ones():
    roster = [RosterName(1, "林筱", "Lin Xiao", archived=True), RosterName(2, "林晓", "Lin Xiao")]
    result = NameMatcher(roster).match("Lin Xiao")
    assert result.status is MatchStatus.AMBIGUOUS
    assert [(c.artist_id, c.archived) for c in result.candidates] == [(2, False), (1, True)]


def test_a_large_roster_still_finds_single_typos():
    # Above FULL_SCAN_LIMIT keys the near search only compares keys sharing the first or last
    # two letters with the entry; a single typo anywhere keeps one of the two.
    filler = [RosterName(1000 + i, f"Artist{i:05d} Filler", "") for i in range(21_000)]
    matcher = NameMatcher([*ROSTER, *filler])
    assert matcher._by_prefix is not None  # the blocked search is what this test is about
    for entry, artist_id in (("Lin Xaio", 1), ("Chen Jingy", 2), ("Xang Zixuan", 3)):
        result = matcher.match(entry)
        assert result.status is MatchStatus.MATCHED and result.artist_id == artist_id, entry


# -- properties -------------------------------------------------------------------------------
_CJK_NAME = st.builds(
    lambda family, given: family + given,
    st.sampled_from("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹曾欧阳"),
    st.text(alphabet="伟芳娜秀英敏静丽强磊军洋晓筱小雨怡轩子琪思鸣", min_size=1, max_size=2),
)
_LATIN_NAME = st.builds(
    lambda first, last: f"{first} {last}",
    st.sampled_from(["Emma", "Oliver", "Sofia", "Daniel", "Lin", "Xiao", "Ava", "Kiki", "Wei"]),
    st.sampled_from(["Hart", "Okafor", "Marquez", "Lin", "Xiao", "Wu", "Chen", "Fox", "Zhang"]),
)


def _key(name: str) -> str:
    return compact(to_simplified([name])[0])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_CJK_NAME, _LATIN_NAME), min_size=1, max_size=25, unique_by=_key))
def test_every_roster_name_matches_itself_exactly_with_top_score(names):
    roster = [RosterName(i + 1, n, n if n.isascii() else romanize(n)) for i, n in enumerate(names)]
    matcher = NameMatcher(roster)
    for artist in roster:
        for typed in {artist.native_name, artist.romanized_name}:
            result = matcher.match(typed)
            assert result.score == 100
            exact = [c.artist_id for c in result.candidates if c.score == 100]
            assert artist.artist_id in exact
            if result.status is MatchStatus.MATCHED:
                assert result.artist_id == artist.artist_id
            else:
                # Only another artist spelled the same way (or within MARGIN) may stand beside it.
                assert result.candidates[1].score > 100 - MARGIN
        # Characters are unique in this roster, so the native name always decides.
        if not artist.native_name.isascii():
            result = matcher.match(artist.native_name)
            assert result.status is MatchStatus.MATCHED
            assert result.artist_id == artist.artist_id


@settings(max_examples=40, deadline=None)
@given(
    st.lists(_CJK_NAME, min_size=1, max_size=15, unique_by=_key),
    st.sampled_from(["1. {}", "（{}）", "{}（演员）", "• {} [主演]", "“{}”"]),
)
def test_noise_around_a_name_does_not_change_its_match(names, pattern):
    matcher = NameMatcher([RosterName(i + 1, n, romanize(n)) for i, n in enumerate(names)])
    for name in names:
        plain, noisy = matcher.match(name), matcher.match(pattern.format(name))
        assert (noisy.status, noisy.candidates) == (plain.status, plain.candidates)
