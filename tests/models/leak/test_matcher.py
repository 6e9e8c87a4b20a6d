"""Matching list entries to roster artists: the tricky spellings of leak day."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.leak import MatchKind, MatchStatus, NameMatcher, RosterName
from models.leak.keys import SURE_BASES, Basis, compact, to_simplified
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


M, A = MatchStatus.MATCHED, MatchStatus.AMBIGUOUS


@pytest.mark.parametrize(
    ("entry", "artist_id", "status", "basis"),
    [
        ("林晓", 1, M, Basis.NATIVE),
        ("林曉", 1, M, Basis.TRADITIONAL),  # traditional characters
        ("1. 林晓（演员）", 1, M, Basis.NATIVE),  # noise around the name
        ("林晓 Lin Xiao", 1, M, Basis.NATIVE),  # both scripts in one entry
        ("小林", 1, M, Basis.STAGE_NAME),  # stage name
        ("Kiki Wu", 4, M, Basis.STAGE_NAME),  # Latin stage name
        ("KIKI  WU", 4, M, Basis.STAGE_NAME),
        ("Jingyi Chen", 2, M, Basis.STAGE_NAME),
        ("Em Hart", 5, M, Basis.STAGE_NAME),
        ("emma hart", 5, M, Basis.NATIVE),  # a Western native name
        ("Sofia Marquez", 12, M, Basis.NATIVE),  # accent dropped
        ("김하늘", 11, M, Basis.NATIVE),
        ("周杰伦", 9, M, Basis.NATIVE),  # simplified entry, traditional roster name
        ("周杰倫", 9, M, Basis.TRADITIONAL),
        # Latin letters: matched, but a person confirms; a two-character name (林晓, 吕一) in
        # Latin letters is the name of very many people: a candidate only
        ("linxiao", 1, A, Basis.PINYIN),  # pinyin without spaces
        ("LIN Xiao", 1, A, Basis.PINYIN),
        ("Lin-Xiao", 1, A, Basis.PINYIN),
        ("Lín Xiǎo", 1, A, Basis.PINYIN),  # tone marks
        ("ＬＩＮ ＸＩＡＯ", 1, A, Basis.PINYIN),  # full-width letters
        ("ｌｉｎｘｉａｏ", 1, A, Basis.PINYIN),
        ("[主演] Lin Xiao (actor)", 1, A, Basis.PINYIN),
        ("Ouyang Nana", 7, M, Basis.PINYIN),
        ("Zeng Xiaoxian", 6, M, Basis.PINYIN),  # 曾 read as a family name
        ("Ceng Xiaoxian", 6, M, Basis.PINYIN),  # ... and as the roster romanised it
        ("Lü Yi", 8, A, Basis.PINYIN),
        ("Lyu Yi", 8, A, Basis.PINYIN),  # passport spelling of 吕
        ("Zhou Jielun", 9, M, Basis.PINYIN),
        ("Jay Chou", 9, M, Basis.ROMANIZED),
        ("Chou Chieh-lun", 9, M, Basis.ROMANIZED),  # Wade-Giles
        ("Siqi Wu", 4, M, Basis.REORDERED),  # given name first
        ("Nana Ouyang", 7, M, Basis.REORDERED),  # compound family name kept whole
        # offered as candidates only
        ("Lu Yi", 8, A, Basis.NEAR),  # ü written u: 卢一 is "Lu Yi" too
        ("Lin Xaio", 1, A, Basis.NEAR),  # transposed letters
        ("Chen Jingy", 2, A, Basis.NEAR),  # dropped letter
        ("Wang Zixaun", 3, A, Basis.NEAR),
        ("玉子轩", 3, A, Basis.NEAR),  # look-alike character 玉 for 王
    ],
)
def test_tricky_entries_find_the_right_artist_and_say_how(matcher, entry, artist_id, status, basis):
    result = matcher.match(entry)
    assert result.status is status, result
    assert result.candidates[0].artist_id == artist_id
    assert result.basis is basis
    assert result.confirm is (basis not in SURE_BASES)
    if status is M:
        assert result.artist_id == artist_id
    else:
        assert result.artist_id is None
    assert result.reason


def test_reasons_say_why_a_person_must_confirm():
    matcher = NameMatcher(
        [
            RosterName(1, "孙俪", "Sun Li"),
            RosterName(2, "黄鹤年", ""),
            RosterName(3, "孙莉娜", "Sun Lina"),
        ]
    )
    assert matcher.match("Sun Lina").reason == (
        "same spelling as 孙莉娜 (Sun Lina) — other people share this pinyin"
    )
    two = matcher.match("Sun Li")
    assert two.status is MatchStatus.AMBIGUOUS and two.candidates[0].artist_id == 1
    assert two.reason == (
        "spelled like 孙俪 (Sun Li), but a two-character name in Latin letters is shared by many"
    )
    assert "other order" in matcher.match("Henian Huang").reason
    assert matcher.match("Sun Lia").reason == "one letter differs from 孙俪 (Sun Li)"
    assert not matcher.match("孙俪").confirm


def test_syllable_boundaries_and_u_umlaut_tell_names_apart():
    matcher = NameMatcher([RosterName(1, "韦廉", ""), RosterName(2, "吕佳容", "")])
    assert matcher.match("Li Anwei").status is MatchStatus.NOT_FOUND  # li·an·wei ≠ wei·lian
    reordered = matcher.match("Lianwei")  # lian·wei: 韦廉 given name first
    assert reordered.basis is Basis.REORDERED and reordered.confirm
    assert matcher.match("Jiarong Lu").status is MatchStatus.AMBIGUOUS  # u is not ü
    assert matcher.match("Jiarong Lü").basis is Basis.REORDERED


def test_hong_kong_and_wade_giles_spellings_need_confirmation():
    matcher = NameMatcher([RosterName(1, "周润发", ""), RosterName(2, "张学友", "")])
    for entry, artist_id in (("Chow Yun-fat", 1), ("Chow Yunfat", 1), ("Chang Hsueh-yu", 2)):
        result = matcher.match(entry)
        assert result.status is MatchStatus.MATCHED and result.artist_id == artist_id, entry
        assert result.basis is Basis.ROMANIZED and result.confirm


def test_a_recorded_alias_counts_as_exact():
    roster = [RosterName(1, "王伟", "Wang Wei", aliases=("David Wong",))]
    result = NameMatcher(roster).match("DAVID WONG")
    assert result.status is MatchStatus.MATCHED and result.basis is Basis.ALIAS
    assert not result.confirm


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
        assert [(c.artist_id, c.score) for c in result.candidates[:2]] == [(1, 96), (20, 96)]
        assert result.confirm
    typo = matcher.match("Lin Xaio")
    assert typo.status is MatchStatus.AMBIGUOUS
    assert {c.artist_id for c in typo.candidates[:2]} == {1, 20}
    # The characters tell them apart, for sure.
    for entry, artist_id in (("林晓", 1), ("林筱", 20), ("林曉", 1)):
        result = matcher.match(entry)
        assert result.status is MatchStatus.MATCHED and result.artist_id == artist_id
        assert not result.confirm


def test_a_typo_between_two_similar_names_is_ambiguous():
    matcher = NameMatcher([*ROSTER, RosterName(21, "陈静", "Chen Jing")])
    result = matcher.match("Chen Jingy")
    assert result.status is MatchStatus.AMBIGUOUS
    assert {c.artist_id for c in result.candidates} >= {2, 21}


def test_word_order_is_a_weaker_basis_than_another_artists_spelling():
    # "Xiao Lin" is 萧林, or 林晓 written given-name first: 萧林 first, and a person confirms.
    roster = [RosterName(1, "林晓", "Lin Xiao"), RosterName(2, "萧林", "Xiao Lin")]
    result = NameMatcher(roster).match("Xiao Lin")
    assert result.status is MatchStatus.AMBIGUOUS and result.confirm  # two characters each
    assert [(c.artist_id, c.basis) for c in result.candidates] == [
        (2, Basis.PINYIN),
        (1, Basis.REORDERED),
    ]


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
    current = matcher.match("Xiao Lin")  # the pinyin of its stage name 小林
    assert current.candidates[0].artist_id == active.id and not current.candidates[0].archived


def test_equal_candidates_list_active_artists_before_archived_ones():
    roster = [RosterName(1, "林筱", "Lin Xiao", archived=True), RosterName(2, "林晓", "Lin Xiao")]
    result = NameMatcher(roster).match("Lin Xiao")
    assert result.status is MatchStatus.AMBIGUOUS
    assert [(c.artist_id, c.archived) for c in result.candidates] == [(2, False), (1, True)]


def test_a_large_roster_still_offers_single_typos():
    # The near search only compares keys sharing the first or last two letters with the
    # entry; a single typo anywhere keeps one of the two.
    filler = [RosterName(1000 + i, f"Artist{i:05d} Filler", "") for i in range(5_000)]
    matcher = NameMatcher([*ROSTER, *filler])
    for entry, artist_id in (("Lin Xaio", 1), ("Chen Jingy", 2), ("Xang Zixuan", 3)):
        result = matcher.match(entry)
        assert result.status is MatchStatus.AMBIGUOUS, entry
        assert result.candidates[0].artist_id == artist_id, entry


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
def test_a_roster_name_in_characters_always_matches_itself_without_confirmation(names):
    roster = [RosterName(i + 1, n, n if n.isascii() else romanize(n)) for i, n in enumerate(names)]
    matcher = NameMatcher(roster)
    for artist in roster:
        if not artist.native_name.isascii():
            result = matcher.match(artist.native_name)
            assert result.status is MatchStatus.MATCHED
            assert result.artist_id == artist.artist_id
            assert result.basis is Basis.NATIVE and not result.confirm
        # Its romanised name always offers it among the best candidates.
        typed = matcher.match(artist.romanized_name)
        top = typed.candidates[0].score
        assert artist.artist_id in [c.artist_id for c in typed.candidates if c.score > top - MARGIN]


def _mutations(text: str) -> st.SearchStrategy[str]:
    return st.sampled_from(
        [
            text,
            text.upper(),
            text.replace(" ", ""),
            " ".join(reversed(text.split())),
            text[:-1],
            text + "a",
            text.replace("i", "y", 1),
            text.replace("n", "ng", 1),
        ]
    )


_LATIN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=7)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(_CJK_NAME, min_size=1, max_size=20, unique_by=_key),
    st.lists(st.tuples(_LATIN_WORD, _LATIN_WORD), max_size=6),
    st.data(),
)
def test_latin_entries_are_never_matched_without_confirmation_unless_recorded(
    names, alias_words, data
):
    """Latin letters name nobody for sure: only a recorded alias (or stage name) does."""
    aliases = {i: (f"{a} {b}",) for i, (a, b) in enumerate(alias_words) if i < len(names)}
    roster = [
        RosterName(i + 1, n, romanize(n), aliases=aliases.get(i, ())) for i, n in enumerate(names)
    ]
    matcher = NameMatcher(roster)
    sources = [r.romanized_name for r in roster] + [a for r in roster for a in r.aliases]
    entry = data.draw(st.sampled_from(sources).flatmap(_mutations))
    result = matcher.match(entry)
    if result.status is MatchStatus.MATCHED and not result.confirm:
        artist = next(r for r in roster if r.artist_id == result.artist_id)
        recorded = {compact(a) for a in artist.aliases}
        assert compact(entry) in recorded, (entry, result)
        assert result.basis is Basis.ALIAS


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
