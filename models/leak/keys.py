"""Match keys: the one spelling-independent form of a name that lookups compare.

A leak list writes the same person as 林曉, 林晓, ＬＩＮ ＸＩＡＯ, "LIN Xiao", "Lín Xiǎo" or
"linxiao"; all of them must land on the same key, while the roster's own forms are keyed the
same way once, when the index is built.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from typing import Protocol

from models.leak import spelling
from models.names import HAN, has_han, normalize, pinyin

# Accents are only stripped from Latin letters: kana voicing marks and Hangul must survive.
_ASCII_NOISE = re.compile(r"[^a-z0-9]+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_ACCENTED = re.compile(r"[\u00c0-\u024f]")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _t2s() -> _Converter:
    from opencc import OpenCC

    converter: _Converter = OpenCC("t2s")
    return converter


def to_simplified(texts: Sequence[str]) -> list[str]:
    """Traditional → simplified for many strings in one call (OpenCC is fast per call, not per
    string, so the roster is converted as one joined text)."""
    han_positions = [i for i, t in enumerate(texts) if has_han(t)]
    out = list(texts)
    if not han_positions:
        return out
    converter = _t2s()
    joined = "\n".join(texts[i].replace("\n", " ") for i in han_positions)
    converted = converter.convert(joined).split("\n")
    if len(converted) != len(han_positions):  # defensive: never trust a length-changing convert
        converted = [converter.convert(texts[i]) for i in han_positions]
    for i, text in zip(han_positions, converted, strict=True):
        out[i] = text
    return out


def _fold_char(c: str) -> str:
    if c == "ü":
        return "v"  # pinyin's own spelling (吕 → lv); "lu"/"lyu" variants are added for roster
    base = unicodedata.normalize("NFKD", c)
    return "".join(ch for ch in base if not unicodedata.combining(ch))


def compact(text: str) -> str:
    """Full-width → half-width, case-folded, accents dropped, only letters and digits kept.

    Spaces, hyphens, apostrophes, dots and middle dots (迈克尔·杰克逊) do not distinguish names.
    """
    if text.isascii():
        return _ASCII_NOISE.sub("", text.lower())
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.isascii():
        return _ASCII_NOISE.sub("", folded)
    if _ACCENTED.search(folded):
        folded = _ACCENTED.sub(lambda m: _fold_char(m.group()), folded)
    return _NOT_ALNUM.sub("", folded)


def latin_part(key: str) -> str:
    return "".join(c for c in key if c.isascii())


def han_part(key: str) -> str:
    return "".join(c for c in key if has_han(c))


@cache
def _char_pinyin(char: str) -> str:
    return pinyin(char, sep="")


def han_syllables(simplified: str) -> list[str]:
    """Toneless pinyin, one syllable per Han character (other characters are ignored).

    Read character by character, not by phrase: names are not phrases, and phrase readings
    mislead (叶韵 would read "xie yun"); per-character readings are also cached, which keeps
    indexing a 100,000-artist roster under a second.
    """
    return [_char_pinyin(c) for c in HAN.findall(simplified)]


def pinyin_key(simplified: str) -> str:
    """Toneless pinyin of the Han characters in a (simplified) text, as one compact key."""
    return "".join(han_syllables(simplified))


# Family names read differently from the character's everyday reading (曾 is "ceng" in
# everyday words, "Zeng" as a name). Compound family names keep both syllables together.
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou",
    "查": "zha", "覃": "qin", "盖": "ge", "缪": "miao", "翟": "zhai", "乐": "yue",
    "种": "chong", "召": "shao", "秘": "bi", "薄": "bo", "员": "yun", "繁": "po",
    "尉迟": "yuchi", "万俟": "moqi", "单于": "chanyu", "长孙": "zhangsun",
}  # fmt: skip
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
        "宇文", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "呼延", "单于", "万俟",
        "司空", "闻人", "申屠", "太史", "钟离", "濮阳", "赫连", "澹台", "公冶", "宗政", "拓跋",
    }
)  # fmt: skip


def name_pinyin_keys(simplified: str) -> tuple[list[str], list[str]]:
    """Every pinyin key of a Chinese name (everyday and family-name readings, ü spellings),
    and the keys of the same name written given-name first ("Xiao Lin").

    Compound family names (欧阳, 司马…) stay whole when the order is swapped.
    """
    han = HAN.findall(simplified)
    if not han:
        return [], []
    syllables = [_char_pinyin(c) for c in han]
    family_len = 2 if len(han) > 2 and han[0] + han[1] in COMPOUND_SURNAMES else 1
    given = "".join(syllables[family_len:])
    families = ["".join(syllables[:family_len])]
    special = SURNAME_READINGS.get("".join(han[:family_len]))
    if special and special != families[0]:
        families.append(special)
    spoken = [family + given for family in families]
    swapped = [given + family for family in families] if given else []
    if "v" in spoken[0] or (special and "v" in special):
        spoken += [v for key in spoken for v in v_variants(key)]
        swapped += [v for key in swapped for v in v_variants(key)]
    return spoken, swapped


def word_tokens(text: str) -> list[str]:
    """The words of a Latin name, each compacted: "Jean-Luc O'Neil" → ["jeanluc", "oneil"]."""
    words = text.lower().split() if text.isascii() else normalize(text).split(" ")
    return [t for t in (compact(w) for w in words) if t]


def swapped_orders(tokens: Sequence[str]) -> list[str]:
    """The name written in the other order: family name last ("Xiao Lin") or first."""
    if len(tokens) < 2:
        return []
    first_last = "".join([*tokens[1:], tokens[0]])
    last_first = "".join([tokens[-1], *tokens[:-1]])
    return list(dict.fromkeys(k for k in (first_last, last_first) if k))


def v_variants(key: str) -> list[str]:
    """Pinyin spells ü as v (lv); people write lu, lyu (passports) or lü."""
    if "v" not in key:
        return []
    return [key.replace("v", "u"), key.replace("v", "yu")]


# -- roster keys: every spelling of one artist, with what a match on it means ---------------
class Basis(StrEnum):
    """Why an entry matched an artist, strongest first. Only the first four can name an artist
    without a person confirming: Latin letters are shared by many Chinese names."""

    NATIVE = "native"
    TRADITIONAL = "traditional"
    STAGE_NAME = "stage_name"
    ALIAS = "alias"
    PINYIN = "pinyin"
    ROMANIZED = "romanized"
    REORDERED = "reordered"
    NEAR = "near"


SURE_BASES = frozenset({Basis.NATIVE, Basis.TRADITIONAL, Basis.STAGE_NAME, Basis.ALIAS})
# Bases a near spelling or another word order is compared against.
PRIMARY_BASES = frozenset(
    {Basis.NATIVE, Basis.STAGE_NAME, Basis.ALIAS, Basis.PINYIN, Basis.ROMANIZED}
)

SURE_SCORE = 100
PINYIN_SCORE = 96
STAGE_PINYIN_SCORE = 97  # the pinyin of a stage name in characters (小林 → "Xiao Lin")
ROMANIZED_SCORE = 95
REORDERED_SCORE = 88
U_FOR_V_SCORE = 84  # "Lu" for 吕 (lü written without its dots)
HOMOPHONE_SCORE = 80
LOOKALIKE_SCORE = 78

RosterKey = tuple[str, Basis, int]  # key, basis, score


@dataclass(frozen=True)
class ArtistNames:
    """The names of one artist the keys are made from."""

    artist_id: int
    native_name: str
    romanized_name: str = ""
    stage_names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


def _s2t(texts: Sequence[str]) -> list[str]:
    if not texts:
        return []
    converter = _s2t_converter()
    joined = converter.convert("\n".join(t.replace("\n", " ") for t in texts)).split("\n")
    if len(joined) != len(texts):
        return [converter.convert(t) for t in texts]
    return joined


@lru_cache(maxsize=1)
def _s2t_converter() -> _Converter:
    from opencc import OpenCC

    converter: _Converter = OpenCC("s2t")
    return converter


def han_key(simplified: str) -> str:
    """The key of a name in Chinese characters (already simplified)."""
    return compact(simplified)


def _chinese_spellings(simplified: str, traditional: str) -> list[RosterKey]:
    """Pinyin (everyday and family-name readings, ü), Wade-Giles and Hong Kong spellings."""
    han = HAN.findall(simplified)
    trad = HAN.findall(traditional)
    if not han:
        return []
    syllables = [_char_pinyin(c) for c in han]
    family_len = 2 if len(han) > 2 and han[0] + han[1] in COMPOUND_SURNAMES else 1
    given = syllables[family_len:]
    families = [syllables[:family_len]]
    special = SURNAME_READINGS.get("".join(han[:family_len]))
    if special and special != "".join(families[0]):
        families.append([special])
    out: list[RosterKey] = []
    for family in families:
        full = [*family, *given]
        out.append((spelling.syllables_key(full), Basis.PINYIN, PINYIN_SCORE))
        wg = [spelling.wg_without_marks(s) for s in full]
        out.append((spelling.syllables_key(wg), Basis.ROMANIZED, ROMANIZED_SCORE))
        if given:  # given name first ("Xiaolin", "Yun-fat Chow")
            n = len(family)
            for order in (full[n:] + full[:n], wg[n:] + wg[:n]):
                out.append((spelling.syllables_key(order), Basis.REORDERED, REORDERED_SCORE))
        if any("v" in s for s in full):
            plain = [s.replace("v", "u") for s in full]
            out.append((spelling.syllables_key(plain), Basis.NEAR, U_FOR_V_SCORE))
    if len(trad) == len(han):
        readings = [_hk(c) for c in trad]
        if all(readings):
            first = [r[0] for r in readings]
            out.append((spelling.syllables_key(first), Basis.ROMANIZED, ROMANIZED_SCORE))
            if given:
                swapped = [*first[family_len:], *first[:family_len]]
                out.append((spelling.syllables_key(swapped), Basis.REORDERED, REORDERED_SCORE))
            # one character read another usual way (發: faat, fat): each on its own
            for i, alternatives in enumerate(readings):
                for other in alternatives[1:]:
                    combo = [*first[:i], other, *first[i + 1 :]]
                    out.append((spelling.syllables_key(combo), Basis.ROMANIZED, ROMANIZED_SCORE))
    return out


@cache
def _hk(traditional_char: str) -> tuple[str, ...]:
    return tuple(spelling.cantonese_readings(traditional_char, 3))


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def found_letters(found: dict[str, tuple[Basis, int]]) -> list[str]:
    """The letters of the first pinyin key found (the everyday reading)."""
    for key, (basis, _score) in found.items():
        if basis is Basis.PINYIN:
            return [key.replace(spelling.SEP, "")]
    return []


def _add_key(found: dict[str, tuple[Basis, int]], key: str, basis: Basis, score: int) -> None:
    if not key:
        return
    old = found.get(key)
    if old is None or score > old[1]:
        found[key] = (basis, score)


def artists_keys(artists: Sequence[ArtistNames]) -> list[list[RosterKey]]:
    """The keys of many artists (converted to simplified/traditional in one go each)."""
    han_texts: list[str] = []
    for a in artists:
        han_texts.append(a.native_name)
        han_texts.extend(a.stage_names)
        han_texts.extend(a.aliases)
    simplified = iter(to_simplified(han_texts))
    natives_s: list[str] = []
    extras_s: list[tuple[list[str], list[str]]] = []
    for a in artists:
        natives_s.append(next(simplified))
        extras_s.append(
            ([next(simplified) for _ in a.stage_names], [next(simplified) for _ in a.aliases])
        )
    han_positions = [i for i, n in enumerate(natives_s) if has_han(n)]
    traditional = dict(zip(han_positions, _s2t([natives_s[i] for i in han_positions]), strict=True))
    out: list[list[RosterKey]] = []
    for i, a in enumerate(artists):
        native = natives_s[i]
        stage, aliases = extras_s[i]
        found: dict[str, tuple[Basis, int]] = {}
        add = functools.partial(_add_key, found)

        if has_han(native):
            add(han_key(native), Basis.NATIVE, SURE_SCORE)
            for k, basis, score in _chinese_spellings(native, traditional[i]):
                add(k, basis, score)
        else:
            add(spelling.latin_key(native), Basis.NATIVE, SURE_SCORE)
        rom = a.romanized_name.strip()
        if rom and not (rom.isascii() and _letters(rom) == "".join(found_letters(found))):
            # (an auto-filled romanised name spells the pinyin: nothing new to add)
            add(spelling.latin_key(rom), Basis.ROMANIZED, ROMANIZED_SCORE)
        for name in stage:
            if has_han(name):
                add(han_key(name), Basis.STAGE_NAME, SURE_SCORE)
                add(spelling.syllables_key(han_syllables(name)), Basis.PINYIN, STAGE_PINYIN_SCORE)
            else:
                add(spelling.latin_key(name), Basis.STAGE_NAME, SURE_SCORE)
        for name in aliases:
            add(han_key(name) if has_han(name) else spelling.latin_key(name), Basis.ALIAS,
                SURE_SCORE)  # fmt: skip
        out.append([(k, b, s) for k, (b, s) in found.items()])
    return out


NEAR_BLOCK = 3  # near spellings are looked for among keys sharing this many first or last letters


NEAR_SIZE = 1  # ... and at most this many letters longer or shorter (one typo)


def key_size(key: str) -> int:
    return len(key) - key.count(spelling.SEP)


def head_tail(key: str) -> tuple[str, str]:
    """The first and last letters a near spelling is looked up by (a single typo keeps one)."""
    letters = key.replace(spelling.SEP, "")
    return letters[:NEAR_BLOCK], letters[-NEAR_BLOCK:]


def entry_key(simplified: str) -> str:
    """The key an entry is looked up by: characters as they are, Latin letters by syllables."""
    return han_key(simplified) if has_han(simplified) else spelling.latin_key(simplified)


@lru_cache(maxsize=1)
def confusables() -> dict[str, tuple[str, ...]]:
    """Look-alike characters (resources/leak/confusables.txt): each → the others of its groups."""
    from models.resources import resource_path

    table: dict[str, set[str]] = {}
    text = resource_path("leak", "confusables.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        group = [c for c in line.split() if len(c) == 1]
        for c in group:
            table.setdefault(c, set()).update(x for x in group if x != c)
    return {c: tuple(sorted(others)) for c, others in table.items()}


def lookalike_variants(han: str) -> list[tuple[str, str, str]]:
    """Each way of replacing one character of `han` by a look-alike: (variant, was, now)."""
    table = confusables()
    out = []
    for i, c in enumerate(han):
        for other in table.get(c, ()):
            out.append((han[:i] + other + han[i + 1 :], c, other))
    return out
