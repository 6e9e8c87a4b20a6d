"""Names in two scripts: normalisation, toneless pinyin and the one way to show a name.

Talent managers type names in Chinese, pinyin with or without spaces, full-width letters or
Western spelling; search and matching all go through these functions so every screen agrees.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from models.gcpause import freeze_loaded_data
from models.patterns import LazyPattern

# One Han character (CJK unified ideographs, extension A, compatibility ideographs): the one
# definition every reader and matcher uses. Compiled when first used (its ranges cost ~2 ms to
# compile): an English script or list never needs it.
HAN_CLASS = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
HAN = LazyPattern(HAN_CLASS)
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC (full-width → half-width), case-folded, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACES.sub(" ", folded).strip()


def has_han(text: str) -> bool:
    return bool(HAN.search(text))


@lru_cache(maxsize=4096)  # an import asks three times per name, one name after another
def pinyin_syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin syllables of the Han characters in `text` (other runs kept as words).

    Exactly what pypinyin's `lazy_pinyin` says. A name of Han characters none of whose runs is
    one of pypinyin's phrases is read character by character (pypinyin does the same), from
    one reading per character looked up once: an import of 100,000 names spent most of its
    time in pypinyin's segmenter and converters otherwise.
    """
    return _by_character(text) or _lazy_pinyin(text)


@cache
def _load_pypinyin() -> frozenset[str]:
    """Import pypinyin (on first use: it is slow to load), keep its tables, ~190,000 lists,
    out of the collector's passes (models/gcpause.py), and return the first two characters
    of every phrase it knows (a text without any of those pairs holds no phrase)."""
    from pypinyin.constants import PHRASES_DICT

    pairs = frozenset(phrase[:2] for phrase in PHRASES_DICT if len(phrase) > 1)
    freeze_loaded_data()
    return pairs


def _lazy_pinyin(text: str) -> tuple[str, ...]:
    _load_pypinyin()
    from pypinyin import Style, lazy_pinyin

    parts = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    return tuple(p.lower() for p in parts if p.strip())


_PER_CHARACTER_UP_TO = 8  # longer texts (not names) take pypinyin's own path
_readings: dict[str, str] = {}  # characters read alone: pypinyin's reading of each


def _by_character(text: str) -> tuple[str, ...] | None:
    """The syllables of a short all-Han `text` that holds no pypinyin phrase; None otherwise
    (pypinyin reads phrases as wholes: 长孙 is "zhang sun", 长 alone "chang")."""
    n = len(text)
    if not 0 < n <= _PER_CHARACTER_UP_TO:
        return None
    phrase_starts = _load_pypinyin()
    out = []
    for char in text:
        reading = _readings.get(char)
        if reading is None:
            from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

            if ord(char) not in PINYIN_DICT or char in PHRASES_DICT:
                return None  # not a Han character pypinyin reads alone: its own rules apply
            whole = _lazy_pinyin(char)
            if len(whole) != 1:
                return None
            reading = _readings[char] = whole[0]
        out.append(reading)
    for i in range(n - 1):
        if text[i : i + 2] in phrase_starts and _phrase_from(text, i):
            return None  # pypinyin reads this phrase as a whole
    return tuple(out)


def _phrase_from(text: str, start: int) -> bool:
    from pypinyin.constants import PHRASES_DICT

    return any(text[start:end] in PHRASES_DICT for end in range(start + 2, len(text) + 1))


def pinyin(text: str, sep: str = " ") -> str:
    """Toneless pinyin of a native name: 林晓 → "lin xiao" (sep=" ") or "linxiao" (sep="")."""
    if not has_han(text):
        return ""
    return sep.join(pinyin_syllables(text))


def romanize(native_name: str) -> str:
    """A romanised name for a Chinese name when none is given: 林晓 → "Lin Xiao".

    Follows the usual convention: family name first, given-name syllables joined.
    """
    syllables = pinyin_syllables(native_name.strip())
    if not syllables:
        return ""
    if len(syllables) == 1:
        return syllables[0].capitalize()
    family, given = syllables[0], "".join(syllables[1:])
    return f"{family.capitalize()} {given.capitalize()}"


def search_text(native_name: str, romanized_name: str, aliases: list[str] | tuple[str, ...]) -> str:
    """The text a search matches against: every form a person might type, normalised."""
    forms = [native_name, romanized_name, *aliases]
    py = pinyin(native_name)
    if py:
        forms += [py, py.replace(" ", "")]
    rom = normalize(romanized_name)
    if " " in rom:
        forms.append(rom.replace(" ", ""))
    seen: list[str] = []
    for form in forms:
        n = normalize(form)
        if n and n not in seen:
            seen.append(n)
    return " | ".join(seen)


def display_name(native_name: str, romanized_name: str) -> str:
    """The one way a person is named on screen and on paper: 林晓 (Lin Xiao)."""
    native = native_name.strip()
    rom = romanized_name.strip()
    if native and rom and normalize(native) != normalize(rom):
        return f"{native} ({rom})"
    return native or rom


def sort_key(native_name: str, romanized_name: str) -> str:
    """Alphabetical order that interleaves Chinese (by pinyin) and Western names."""
    py = pinyin(native_name, sep="")
    return normalize(py or romanized_name or native_name)
