"""Content exclusions (rule R8) matched by meaning, not by substring.

Three things keep the keyword lists honest:

- word boundaries: Latin words match whole ("gun" is not in "begun"); Chinese words match
  inside text, but a few words that only *look* like a hit are listed as look-alikes
  (宣传片 is a promotional film, not political propaganda; 治愈系 is a film genre);
- negation: a hit directly after a negating word is no hit (非暴力, 反暴力, 禁止吸烟,
  non-violent, no smoking, without nudity);
- scope: exclusions about advertising a product (alcohol_ads, tobacco_ads, financial_products,
  medical_claims) only apply to ad projects — a bar scene or a toast in a film is not an
  alcohol advertisement.

Every finding still shows the words that matched, so a person judges the rest.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The words of each exclusion key (consent record keys, models.consent.values.CONTENT_EXCLUSIONS).
EXCLUSION_WORDS: dict[str, tuple[str, ...]] = {
    "nudity": ("nude", "nudity", "naked", "topless", "undressed", "裸体", "裸露", "全裸", "裸戏"),
    "sexual_content": (
        "sex scene",
        "love scene",
        "making love",
        "intercourse",
        "sexual",
        "床戏",
        "性爱",
        "激情戏",
        "亲热戏",
    ),
    "violence": (
        "gun",
        "guns",
        "gunshot",
        "shoots",
        "shot dead",
        "stab",
        "stabs",
        "stabbed",
        "blood",
        "bloody",
        "murder",
        "murders",
        "kills",
        "killed",
        "torture",
        "violence",
        "violent",
        "开枪",
        "枪杀",
        "刺杀",
        "杀死",
        "鲜血",
        "血腥",
        "暴力",
        "殴打",
    ),
    "political": (
        "election",
        "campaign rally",
        "protest",
        "protesters",
        "propaganda",
        "political",
        "政治",
        "选举",
        "示威",
        "抗议游行",
        "政治宣传",
    ),
    "religious": (
        "church",
        "temple",
        "mosque",
        "prayer",
        "religious",
        "宗教",
        "寺庙",
        "教堂",
        "祈祷",
    ),
    "alcohol_ads": (
        "beer",
        "wine",
        "whisky",
        "whiskey",
        "vodka",
        "liquor",
        "baijiu",
        "啤酒",
        "白酒",
        "红酒",
        "喝酒",
        "酒吧",
        "饮酒",
    ),
    "tobacco_ads": (
        "cigarette",
        "cigarettes",
        "cigar",
        "smoking",
        "vape",
        "香烟",
        "抽烟",
        "吸烟",
        "电子烟",
    ),
    "gambling": (
        "casino",
        "gamble",
        "gambling",
        "poker",
        "betting",
        "lottery",
        "赌场",
        "赌博",
        "博彩",
    ),
    "financial_products": (
        "loan",
        "loans",
        "crypto",
        "cryptocurrency",
        "investment fund",
        "贷款",
        "理财",
        "虚拟货币",
        "投资基金",
    ),
    "medical_claims": ("cure", "cures", "miracle", "clinically proven", "治愈", "疗效", "神药"),
}

# The keys in words (the same words the interface shows); a custom exclusion is shown as typed.
EXCLUSION_LABELS: dict[str, tuple[str, str]] = {
    "nudity": ("nudity", "裸露"),
    "sexual_content": ("sexual content", "性内容"),
    "violence": ("violence", "暴力"),
    "political": ("political content", "政治内容"),
    "religious": ("religious content", "宗教内容"),
    "alcohol_ads": ("alcohol ads", "酒类广告"),
    "tobacco_ads": ("tobacco ads", "烟草广告"),
    "gambling": ("gambling", "赌博"),
    "financial_products": ("financial products", "金融产品"),
    "medical_claims": ("medical claims", "医疗宣称"),
}


def exclusion_label(exclusion: str, language: str) -> str:
    names = EXCLUSION_LABELS.get(exclusion.strip().lower())
    if names is None:
        return exclusion
    return names[1] if language == "zh" else names[0]


# Exclusions about advertising a product: they only concern ad projects.
AD_EXCLUSIONS: frozenset[str] = frozenset(
    {"alcohol_ads", "tobacco_ads", "financial_products", "medical_claims"}
)
AD_PROJECT_TYPES: frozenset[str] = frozenset({"ad"})

# Text that contains a listed word but means something else (matched first, then skipped).
LOOK_ALIKES: dict[str, tuple[str, ...]] = {
    "political": ("宣传片", "宣传推广"),
    "medical_claims": ("治愈系",),
    "violence": ("暴力美学",),
}

# A hit directly after one of these is negated: 非暴力, 禁止吸烟, non-violent, no smoking.
_NEGATION_ZH = (
    "非",
    "反",
    "不",
    "无",
    "没有",
    "未",
    "禁止",
    "拒绝",
    "杜绝",
    "严禁",
    "不含",
    "不涉及",
)
_NEGATION_EN = re.compile(r"(?:\b(?:no|non|not|never|without|anti|zero)[\s-]*)$", re.IGNORECASE)


def _pattern(word: str) -> str:
    body = re.escape(word).replace(r"\ ", r"\s+")
    if word[:1].isascii() and word[:1].isalnum():
        body = r"(?<![A-Za-z0-9])" + body
    if word[-1:].isascii() and word[-1:].isalnum():
        body += r"(?![A-Za-z0-9])"
    return body


def words_of(exclusion: str) -> tuple[str, ...]:
    """A known key's words, or the free text of a custom exclusion taken literally."""
    key = exclusion.strip()
    words = EXCLUSION_WORDS.get(key.lower())
    if words is not None:
        return words
    text = key.replace("_", " ").strip()
    return (text,) if len(text) >= 2 else ()


@lru_cache(maxsize=512)
def exclusion_regex(exclusion: str) -> re.Pattern[str] | None:
    """One pattern for the exclusion's look-alikes (group `skip`) and words (group `hit`)."""
    words = words_of(exclusion)
    if not words:
        return None
    hit = "|".join(_pattern(w) for w in sorted(words, key=len, reverse=True))
    skip = LOOK_ALIKES.get(exclusion.strip().lower(), ())
    if skip:
        return re.compile(
            f"(?P<skip>{'|'.join(_pattern(w) for w in skip)})|(?P<hit>{hit})", re.IGNORECASE
        )
    return re.compile(f"(?P<hit>{hit})", re.IGNORECASE)


def _negated(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start]
    if before.endswith(_NEGATION_ZH):
        return True
    return bool(_NEGATION_EN.search(before))


def applies_to(exclusion: str, project_type: str) -> bool:
    """Is this exclusion about the project at all? Ad exclusions only bind ad projects; an
    unknown project type ("") is treated as an ad, so nothing is missed by not knowing."""
    if exclusion.strip().lower() not in AD_EXCLUSIONS:
        return True
    return not project_type or project_type in AD_PROJECT_TYPES


def exclusion_hit(exclusion: str, text: str, project_type: str = "") -> str | None:
    """The words in `text` that touch the exclusion, or None (negated, look-alike, out of
    scope for the project type, or simply absent)."""
    if not applies_to(exclusion, project_type):
        return None
    regex = exclusion_regex(exclusion)
    if regex is None:
        return None
    for m in regex.finditer(text):
        if m.group("hit") is None:
            continue  # a look-alike such as 宣传片
        if _negated(text, m.start("hit")):
            continue
        return m.group("hit")
    return None


__all__ = [
    "AD_EXCLUSIONS",
    "EXCLUSION_LABELS",
    "EXCLUSION_WORDS",
    "LOOK_ALIKES",
    "applies_to",
    "exclusion_hit",
    "exclusion_label",
    "exclusion_regex",
    "words_of",
]
