"""Reading free text the rules depend on: scene content, alteration limits, use descriptions.

Keyword lists, not understanding: they find the common ways scripts and contracts say these
things in English and Chinese, and every finding shows the words that matched, so a person
judges the rest. Latin words match on word boundaries; Chinese words match inside text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from models.names import normalize

# Content exclusions (rule R8) are matched by meaning in models.rules.exclusions (word
# boundaries, negation, look-alikes, ad scope); re-exported here for existing callers.
from models.rules.exclusions import EXCLUSION_WORDS, exclusion_hit, exclusion_regex

# Content exclusions (rule R8) live in models.rules.exclusions: matched by meaning there
# (word boundaries, negation, look-alikes, ad scope); re-exported here for existing callers.

# -- alteration limits (rule R18) --------------------------------------------------------------

NO_DUBBING = "no_dubbing"
NO_DE_AGING = "no_de_aging"
NO_NEW_LINES = "no_new_lines"

_LANG = r"(?:mandarin|putonghua|cantonese|english|chinese|korean|japanese|original language)"
_LIMITS: dict[str, re.Pattern[str]] = {
    NO_DUBBING: re.compile(
        r"\b(?:no|not|never|without)\b[^.;。；]{0,30}\b(?:dub\w*|translat\w*|other languages?)\b"
        rf"|\b{_LANG}\s+only\b|\bonly\s+(?:in\s+)?{_LANG}\b"
        r"|仅限(?:普通话|中文|国语|粤语|原语言)|只限(?:普通话|中文|国语|粤语)"
        r"|(?:不得|禁止|不可|不允许)[^。；]{0,6}(?:翻译|译制|配成|配音成)",
        re.IGNORECASE,
    ),
    NO_DE_AGING: re.compile(
        r"\b(?:no|not|never|without)\b[^.;。；]{0,20}\bde-?ag\w*"
        r"|(?:不得|禁止|不可|不允许|不)[^。；]{0,4}减龄",
        re.IGNORECASE,
    ),
    NO_NEW_LINES: re.compile(
        r"\bno\s+(?:new|changed|altered|additional|rewritten)\s+(?:lines|dialogue|words)\b"
        r"|\bno\s+changes?\s+to\s+(?:the\s+)?(?:lines|dialogue|script|words)\b"
        r"|\blines\s+only\s+from\s+the\s+approved\s+script\b"
        r"|(?:不得|禁止|不可|不允许)[^。；]{0,4}(?:修改|更改|新增|增加|改动)?台词|不得改词",
        re.IGNORECASE,
    ),
}

LIMIT_LABELS: dict[str, tuple[str, str]] = {
    NO_DUBBING: ("no dubbing or translation into other languages", "不得翻译或译制为其他语言"),
    NO_DE_AGING: ("no de-aging", "不得减龄"),
    NO_NEW_LINES: ("no new or changed lines", "不得新增或修改台词"),
}


def alteration_limits(text: str) -> dict[str, str]:
    """Which alterations the recorded limits forbid, each with the words that say so."""
    return dict(_limits(text))


@lru_cache(maxsize=4096)
def _limits(text: str) -> tuple[tuple[str, str], ...]:
    # A check reads the same few limit texts once per AI use; read each text once.
    if not text.strip():
        return ()
    out = []
    for key, regex in _LIMITS.items():
        m = regex.search(text)
        if m:
            out.append((key, m.group(0)))
    return tuple(out)


# -- specific use description (rule R4) --------------------------------------------------------

_VAGUE = re.compile(
    r"^(?:any|all|every|general|unlimited|various|tbd|tbc|n/?a|none|-+)\b"
    r"|\bany and all\b|\ball (?:uses|purposes|media|projects)\b|\bany (?:use|purpose|project)s?\b"
    r"|任何用途|所有用途|一切用途|不限|待定",
    re.IGNORECASE,
)
MIN_SPECIFIC_CHARS = 25
MIN_SPECIFIC_HAN = 8


def specific_enough(description: str) -> tuple[bool, str]:
    """Whether a use description is reasonably specific, and why not."""
    text = " ".join(description.split())
    if not text:
        return False, "no description of the intended use"
    m = _VAGUE.search(text)
    if m:
        return False, f"vague wording: '{m.group(0)}'"
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if han >= MIN_SPECIFIC_HAN or len(text) >= MIN_SPECIFIC_CHARS:
        return True, ""
    return False, f"too short to say what is used where ({len(text)} characters)"


# -- who decided (rules R14, R15) ----------------------------------------------------------------

GUARDIAN_WORDS = ("guardian", "parent", "mother", "father", "监护人", "母亲", "父亲", "家长")
ESTATE_WORDS = ("estate", "executor", "heir", "遗产", "遗嘱执行人", "继承人")


def names_overlap(decided_by: str, on_record: str) -> bool:
    """Whether the person who decided is the one on record (either text contains the other's
    first name-like token)."""
    a, b = normalize(decided_by), normalize(on_record)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    head = re.split(r"[\s(（,，;；<]", b, maxsplit=1)[0]
    return len(head) >= 2 and head in a


def mentions(text: str, words: tuple[str, ...]) -> str | None:
    folded = normalize(text)
    for w in words:
        if w in folded:
            return w
    return None


__all__ = [
    "ESTATE_WORDS",
    "EXCLUSION_WORDS",
    "GUARDIAN_WORDS",
    "LIMIT_LABELS",
    "NO_DE_AGING",
    "NO_DUBBING",
    "NO_NEW_LINES",
    "alteration_limits",
    "exclusion_hit",
    "exclusion_regex",
    "mentions",
    "names_overlap",
    "specific_enough",
]
