"""Latin spellings of names with their syllable boundaries kept.

Pinyin written without spaces is still read one way: a syllable that starts with a vowel
never follows another inside a word unless an apostrophe marks it ("Xi'an"), so "Lianwei"
is lian·wei and "Li Anwei" is li·an·wei — two different names. A Latin spelling therefore
becomes a *key* of syllables joined by "'" ("li'an'wei"); words that are not made of
syllables (George, Hills) are kept whole, and runs of such words are joined as one
("georgehills"), so spacing between Western names does not matter.

ü is kept apart from u: "Lü", "Lv" and "Lyu" (passports) are lv; a plain "Lu" is lu.

Besides Hanyu Pinyin the roster side also knows Wade-Giles (Taiwan: "Chang Hsueh-yu",
apostrophes optional) and the Hong Kong government's Cantonese romanisation ("Chow
Yun-fat"), generated from the characters of the native name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from models.resources import resource_path

SEP = "'"

_PINYIN = """
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca
cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu
chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de
dei den deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa
fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai
guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan
huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan
kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le
lei len leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma mai
man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne
nei nen neng ni nia nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa
pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie
qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run
ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu
shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te
tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo
wong wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi
yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang
zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou
zu zuan zui zun zuo
"""
PINYIN_SYLLABLES = frozenset(_PINYIN.split())
_VOWEL_START = frozenset("aoe")
_MAX_SYLLABLE = 6

# -- Wade-Giles -------------------------------------------------------------------------------
_WG_INITIALS = [
    ("zh", "ch"), ("ch", "ch'"), ("sh", "sh"), ("b", "p"), ("p", "p'"), ("d", "t"), ("t", "t'"),
    ("g", "k"), ("k", "k'"), ("j", "ch"), ("q", "ch'"), ("x", "hs"), ("r", "j"), ("z", "ts"),
    ("c", "ts'"), ("s", "s"),
]  # fmt: skip
_WG_WHOLE = {
    "zhi": "chih", "chi": "ch'ih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tz'u",
    "si": "ssu", "yi": "i", "you": "yu", "yu": "yu", "yue": "yueh", "yuan": "yuan", "yun": "yun",
    "ye": "yeh", "yan": "yen", "yong": "yung", "er": "erh", "e": "o", "ge": "ko", "ke": "k'o",
    "he": "ho", "lv": "lu", "nv": "nu", "lve": "lueh", "nve": "nueh", "gui": "kuei",
    "kui": "k'uei", "zhuo": "cho", "chuo": "ch'o", "shuo": "shuo", "ruo": "jo", "wo": "wo",
}  # fmt: skip
_WG_FINALS = [("iong", "iung"), ("ong", "ung"), ("ian", "ien"), ("ie", "ieh"), ("uo", "o")]
_UO_TO_O = frozenset({"d", "t", "n", "l", "z", "c", "s"})


@cache
def wade_giles(syllable: str) -> str:
    """A toneless pinyin syllable in Wade-Giles (with the aspiration apostrophes): zhang →
    chang, qing → ch'ing, xue → hsueh (ü written u, as Taiwanese passports do)."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    initial, rest, wg_initial = "", syllable, ""
    for py, wg in _WG_INITIALS:
        if syllable.startswith(py):
            initial, rest, wg_initial = py, syllable[len(py) :], wg
            break
    else:
        if syllable[0] not in "aeiouyw":
            initial, rest, wg_initial = syllable[0], syllable[1:], syllable[0]
    if initial in {"j", "q", "x"} and rest.startswith("u"):  # ju, que, xuan: u is ü
        rest = "u" + rest[1:]
        if rest == "ue":
            rest = "ueh"
        return wg_initial + rest
    for py, wg in _WG_FINALS:
        if rest.endswith(py) and not (py == "uo" and initial not in _UO_TO_O):
            rest = rest[: -len(py)] + wg
            break
    return (wg_initial or initial) + rest


@cache
def wg_without_marks(syllable: str) -> str:
    return wade_giles(syllable).replace("'", "")


# -- Cantonese (Hong Kong government romanisation) -----------------------------------------
@lru_cache(maxsize=1)
def _cantonese() -> dict[str, list[str]]:
    """Character (traditional) → Hong Kong romanisations, most usual first."""
    import cantoroman

    path = resource_path("leak", "hk_extra.json")
    table: dict[str, list[str]] = dict(cantoroman.Cantonese().charToRoman)
    if path.exists():
        table.update(json.loads(path.read_text(encoding="utf-8")))
    return table


@lru_cache(maxsize=1)
def _hk_syllables() -> frozenset[str]:
    return frozenset(r for readings in _cantonese().values() for r in readings if r.isascii())


@lru_cache(maxsize=1)
def _wg_syllables() -> frozenset[str]:
    return frozenset(wg_without_marks(s) for s in PINYIN_SYLLABLES)


def cantonese_readings(traditional_char: str, limit: int = 2) -> list[str]:
    return [r for r in _cantonese().get(traditional_char, [])[:limit] if r.isascii()]


# -- segmentation ----------------------------------------------------------------------------
def _segment(word: str, inventory: frozenset[str]) -> list[str] | None:
    """Fewest syllables from `inventory` that spell `word`; a vowel-initial syllable only first."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for j in range(i + 1, min(n, i + _MAX_SYLLABLE) + 1):
            piece = word[i:j]
            if piece not in inventory or (i > 0 and piece[0] in _VOWEL_START):
                continue
            candidate = [*here, piece]
            old = best[j]
            # fewer syllables first; on a tie the longer first syllable (xian, not xi·an)
            if old is None or len(candidate) < len(old):
                best[j] = candidate
    return best[n]


@lru_cache(maxsize=65536)
def segment(word: str) -> tuple[str, ...]:
    """One word's syllables: pinyin first, then Wade-Giles or Cantonese; else the word whole."""
    if not word:
        return ()
    for inventory in (PINYIN_SYLLABLES, _wg_syllables(), _hk_syllables()):
        found = _segment(word, inventory)
        if found:
            return tuple(found)
    if len(word) > 3:
        found = _segment(word, _all_syllables())
        if found:
            return tuple(found)
    return (word,)


_WORD_SPLIT = re.compile(r"[\s\-‐‑–—_.,·・•/]+")
_WG_MARK = re.compile(r"(?<=[bcdfhjklmpqstvwxz])['’‘ʻ`](?=[a-z])")
_APOSTROPHES = re.compile(r"['’‘ʻ`]")
_NOT_LETTER = re.compile(r"[^a-z0-9']")


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text).casefold()
    out = []
    for c in text:
        if c == "ü":
            out.append("v")
            continue
        base = unicodedata.normalize("NFKD", c)
        if "\u0308" in base and base[0] == "u":  # ǖǘǚǜ
            out.append("v")
            continue
        out.append("".join(ch for ch in base if not unicodedata.combining(ch)))
    return "".join(out)


def words(text: str) -> list[list[str]]:
    """The words of a Latin name, each as its syllables (or itself when not syllables)."""
    folded = _fold(text)
    folded = _WG_MARK.sub("", folded)  # ch'en, ts'ai: aspiration marks, not boundaries
    out: list[list[str]] = []
    for raw in _WORD_SPLIT.split(folded):
        parts = [p for p in _APOSTROPHES.split(_NOT_LETTER.sub("", raw)) if p]
        syllables: list[str] = []
        for part in parts:
            part = _passport_u(part)
            syllables.extend(segment(part))
        if syllables:
            out.append(syllables)
    return out


def _passport_u(word: str) -> str:
    """LYU / NYU (passports) are lü / nü."""
    if word.startswith(("lyu", "nyu")):
        rest = word[3:]
        return word[0] + "v" + rest if not rest or rest[0] not in "aeiou" else word
    return word


def _is_syllables(tokens: Sequence[str]) -> bool:
    return len(tokens) > 1 or (bool(tokens) and tokens[0] in _all_syllables())


@lru_cache(maxsize=1)
def _all_syllables() -> frozenset[str]:
    return PINYIN_SYLLABLES | _wg_syllables() | _hk_syllables()


def key_of_words(word_list: Iterable[Sequence[str]]) -> str:
    """Join words' syllables with SEP; runs of whole (non-syllable) words are joined as one."""
    pieces: list[str] = []
    prev_whole = False
    for w in word_list:
        whole = not _is_syllables(w)
        if whole and prev_whole and pieces:
            pieces[-1] += w[0]
        else:
            pieces.extend(w)
        prev_whole = whole
    return SEP.join(pieces)


@cache
def _stands_alone(syllable: str) -> bool:
    """A syllable typed as a word of its own reads as itself (almost all do)."""
    return segment(syllable) == (syllable,) and syllable in _all_syllables()


def syllables_key(syllables: Sequence[str]) -> str:
    """The key of a name given as its syllables (what "a b c" typed with spaces gives)."""
    if all(_stands_alone(s) for s in syllables):
        return SEP.join(syllables)
    return key_of_words([segment(s) for s in syllables if s])


@lru_cache(maxsize=65536)
def latin_key(text: str) -> str:
    """The key of a Latin spelling: "Li Anwei" → li'an'wei, "Lianwei" → lian'wei.

    Other scripts (Hangul, kana, Cyrillic) are kept as they are, without spaces or marks."""
    folded = _fold(text)
    if any(c.isalpha() and not c.isascii() for c in folded):
        return re.sub(r"[\W_]+", "", folded)
    return key_of_words(words(text))


def reordered_keys(text: str) -> list[str]:
    """The same name with the last word first or the first word last."""
    w = words(text)
    if len(w) < 2:
        return []
    out = [key_of_words([*w[1:], w[0]]), key_of_words([w[-1], *w[:-1]])]
    own = key_of_words(w)
    return [k for k in dict.fromkeys(out) if k != own]


def letters(key: str) -> str:
    return key.replace(SEP, "")


__all__ = [
    "PINYIN_SYLLABLES",
    "SEP",
    "cantonese_readings",
    "key_of_words",
    "latin_key",
    "letters",
    "reordered_keys",
    "segment",
    "syllables_key",
    "wade_giles",
    "wg_without_marks",
    "words",
]
