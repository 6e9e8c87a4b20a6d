"""How AI markers become regular expressions, and the text they are matched against.

The phrase expressions, the one combined expression a marker list compiles into (grouped by
first letter, so a common letter is tried once), and the folding that lets a marker typed in
one width or case match a script typed in another while every offset still points into the
original text. Used by ai_markers.py (the scan) and marker_list.py (checking a person's list).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from models.patterns import LazyPattern

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from collections.abc import Sequence

    from models.scripts.ai_markers import Marker


SEPARATORS = re.compile(r"[\s\-\u2010-\u2014]+")
_SEP = r"[\s\-\u2010-\u2014]*"
# Each as two classes: one class spanning ASCII and U+00C0–024F is compiled into a 64 KiB map,
# and these appear dozens of times in the combined expressions (same meaning, a tenth of it).
NOT_LATIN_BEFORE = r"(?<![0-9A-Za-z])(?<![\u00c0-\u024f])"
NOT_LATIN_AFTER = r"(?![0-9A-Za-z])(?![\u00c0-\u024f])"
# checked after the first letter
_NOT_LATIN_BEFORE_FIRST = r"(?<![0-9A-Za-z].)(?<![\u00c0-\u024f].)"
EXT_PARTS = LazyPattern(r"[,/;、，；]")  # compiled when an extension is not a marker whole
_EXT_ASCII = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def is_latin(ch: str) -> bool:
    """Whether the character `ch` is an ASCII letter or digit or in U+00C0–024F (compared,
    not matched: the class compiles into a 64 KiB map, costly on every start)."""
    return "a" <= ch <= "z" or "A" <= ch <= "Z" or "0" <= ch <= "9" or "\u00c0" <= ch <= "\u024f"


def extension_key(text: str) -> str:
    """'(A.I. voice)' and '（ＡＩ配音）' compare by letters only: 'AIVOICE', 'AI配音'."""
    return "".join(
        c
        for c in unicodedata.normalize("NFKC", text).upper()
        if c in _EXT_ASCII or "\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff"
    )


def phrase_pattern(text: str) -> str:
    """The regular expression for one phrase, to be matched against lower-cased text.

    It starts with a literal (the word-boundary check comes after the first character), so
    the combined expression can skip quickly to the few places a marker could start.
    """
    words = [w.lower() for w in SEPARATORS.split(text.strip()) if w]
    pieces = []
    for word in words:
        chunk = []
        for a, b in zip(word, word[1:] + " ", strict=True):
            chunk.append(re.escape(a))
            if b != " " and is_latin(a) != is_latin(b):
                chunk.append(r"\s*")  # "AI配音" also as "AI 配音"
        pieces.append("".join(chunk))
    body = _SEP.join(pieces)
    first, last = text.strip()[0], text.strip()[-1]
    if is_latin(first):
        head = re.escape(words[0][0])
        body = head + _NOT_LATIN_BEFORE_FIRST + body[len(head) :]
    if is_latin(last) and last.isalpha():
        body += "(?:e?s)?"
    if is_latin(last):
        body += NOT_LATIN_AFTER
    return body


def lower_same_length(text: str) -> str:
    """Lower-cased text with every offset unchanged (a few letters grow when lower-cased)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_FOLD_PIECE = 1 << 16


@lru_cache(maxsize=65536)
def _fold_char(c: str) -> str:
    folded = unicodedata.normalize("NFKC", c).lower()
    return folded if len(folded) == 1 else c


def fold_same_length(text: str) -> str:
    """NFKC-normalised, lower-cased text with every offset unchanged: ＡＩ配音 reads as ai配音
    and （ as (, so markers match whatever width the script was typed in, while positions
    still point into the original text. A character NFKC would turn into several (㈠, ﬁ) is
    kept as it is."""
    if text.isascii():
        return text.lower()
    if len(text) > _FOLD_PIECE:  # lower() of non-ASCII text briefly needs 12 bytes a character
        return "".join(
            fold_same_length(text[at : at + _FOLD_PIECE]) for at in range(0, len(text), _FOLD_PIECE)
        )
    others = [c for c in set(text) if not c.isascii()]
    if any(len(c.lower()) != 1 for c in others):  # rare: a letter that grows when lowered
        return text.translate({ord(c): _fold_char(c) for c in others}).lower()
    changing = {c: f for c in others if (f := _fold_char(c)) != c}
    if not changing:
        return text.lower()
    pattern = re.compile("[" + "".join(re.escape(c) for c in changing) + "]")
    return pattern.sub(lambda m: changing[m.group()], text).lower()


def _literal_prefix(text: str) -> str:
    """What every match of `phrase_pattern(text)` starts with: its first word's letters up to
    where Latin meets other characters (where the pattern lets a space in)."""
    word = next(w.lower() for w in SEPARATORS.split(text.strip()) if w)
    latin = is_latin(word[0])
    end = 1
    while end < len(word) and is_latin(word[end]) == latin:
        end += 1
    return word[:end]


def phrase_key(folded: str) -> str:
    """A matched phrase as its marker is written: 'face-swap' and 'face  swap' → 'face swap'."""
    return " ".join(w for w in SEPARATORS.split(folded) if w)


def combined_source(
    each: tuple[tuple[LazyPattern, Marker], ...], folded: Sequence[str | None]
) -> tuple[str, list[str], tuple[str, ...]]:
    """All markers as one expression, alternatives sharing a first character grouped under
    it (`a(?:i配音|i换脸|…)`), so a common letter is tried once, not once per marker.
    `folded`: each marker's phrase folded (None for a pattern marker).

    Also returns the alternatives kept whole (pattern markers: they may start anywhere) and
    the leading letters of the grouped ones (`_literal_prefix`; "train" stands for "trained"
    too): a match starts at one of those letters or where a whole alternative matches."""
    custom = [p.pattern for p, m in each if m.pattern is not None]
    groups: dict[str, list[str]] = {}
    prefixes: set[str] = set()
    for (p, m), f in zip(each, folded, strict=True):
        if f is None:
            continue
        first = re.escape(f[:1])
        head = first + _NOT_LATIN_BEFORE_FIRST if is_latin(m.text.strip()[0]) else first
        if not p.pattern.startswith(head):  # never so for phrase_pattern; kept whole if it is
            custom.append(p.pattern)
            continue
        groups.setdefault(head, []).append(p.pattern[len(head) :])
        prefixes.add(_literal_prefix(m.text))
    grouped = [head + _alternatives(rests) for head, rests in groups.items()]
    shortest = tuple(
        sorted(p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes))
    )
    return "|".join(custom + grouped), custom, shortest


# How a phrase's expression may end (`phrase_pattern`): a plural and the word's end, or the end.
_ENDINGS = ("(?:e?s)?" + NOT_LATIN_AFTER, NOT_LATIN_AFTER)


def _alternatives(rests: list[str]) -> str:
    """`rests` as one alternation, neighbours that end alike sharing their ending: `(?:ax|bx)`
    as `(?:a|b)x`, tried in the same order (the word-end checks were a third of compiling)."""
    runs: list[tuple[str, list[str]]] = []
    for rest in rests:
        ending = next((e for e in _ENDINGS if rest.endswith(e) and len(rest) > len(e)), "")
        body = rest[: len(rest) - len(ending)]
        if runs and runs[-1][0] == ending:
            runs[-1][1].append(body)
        else:
            runs.append((ending, [body]))
    parts = [
        ("(?:" + "|".join(bodies) + ")" if len(bodies) > 1 else bodies[0]) + ending
        for ending, bodies in runs
    ]
    return "(?:" + "|".join(parts) + ")" if len(parts) > 1 else parts[0]


def within_exception(folded: str, start: int, end: int, exceptions: tuple[str, ...]) -> bool:
    for word in exceptions:
        lo = max(0, start - len(word))
        window = folded[lo : end + len(word)]
        needle = fold_same_length(word)
        at = window.find(needle)
        while at >= 0:
            if lo + at <= start and lo + at + len(needle) >= end:
                return True
            at = window.find(needle, at + 1)
    return False
