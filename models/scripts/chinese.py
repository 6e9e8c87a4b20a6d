"""What Chinese script lines are, shared by the Fountain and plain-text readers.

Chinese has no capital letters, so a cue cannot be recognised by its case. Two layouts exist:
`林晓：台词` (a name, a colon, the speech) and the Fountain layout, where the name stands on a
line of its own above the speech. Both need the same judgement of whether some words are a
person's name or a piece of narration, which is kept here:

- a name is short (at most six characters, or twelve for a transliterated `迈克尔·杰克逊`),
  has no spaces between its characters, no sentence punctuation, and does not carry the
  marks of narration (`着`, a trailing `了`, `写着`, `显示`, a place word such as `屏幕上`);
- `…道：` / `…说：` means "said:" only after words that are complete without the verb — a
  pronoun (`他说：`), a known speaker (`林晓说：` when 林晓 speaks elsewhere), or narration
  (`林晓对王强说：`). A name that merely ends in 道 (`甄远道`, who speaks as `甄远道：`) is a name;
- a name alone on a line (the Fountain layout) is only a cue when the script confirms it: it
  is cued again elsewhere, carries an extension `（画外音）`, is followed by a parenthetical, or
  (for short names) is mentioned elsewhere in the script. An action line that happens to be
  short (`她站起来`) is therefore not a speaker.
"""

from __future__ import annotations

import re

from models.names import HAN

# 内景/外景 headings, with a separator after them; and the time-first form 日 内 / 夜外.
HEADING_STARTS = frozenset("内外內日夜晨昏")
_HEADING = re.compile(
    r"^(?:(?:内外景|內外景|外内景|內/外景|内/外景|外/内景|外/內景|内景|內景|外景|内/外|外/内)"
    r"|(?:[日夜晨昏][ \t\u3000/／]*[内外內]景?))"
    r"(?:[ \t\u3000·.．。:：\-—–]|$)"
)
SENTENCE_END = tuple("。！？!?…”」』；;，,")

TITLE_KEYS = {
    "剧名": "title",
    "片名": "title",
    "标题": "title",
    "劇名": "title",
    "編劇": "author",
    "编剧": "author",
    "作者": "author",
    "原著": "source",
    "原作": "source",
    "导演": "director",
    "出品": "producer",
    "出品方": "producer",
    "出品人": "producer",
    "制片人": "producer",
    "监制": "producer",
    "版本": "revision",
    "稿次": "revision",
    "日期": "draft date",
    "完成日期": "draft date",
    "创作日期": "draft date",
    "联系": "contact",
    "联系方式": "contact",
    "联系人": "contact",
    "电话": "contact",
    "邮箱": "contact",
    "电子邮箱": "contact",
    "微信": "contact",
    "地址": "contact",
    "类型": "genre",
    "题材": "genre",
    "集数": "episodes",
    "版权": "copyright",
    "版权所有": "copyright",
    "署名": "credit",
    "备案号": "registration",
    "字数": "length",
}
ACTION_KEYS = frozenset(
    {
        "人物",
        "出场人物",
        "登场人物",
        "主要人物",
        "人物表",
        "时间",
        "地点",
        "字幕",
        "道具",
        "服装",
        "景别",
        "镜头",
        "梗概",
        "故事梗概",
        "剧情梗概",
        "简介",
        "剧情简介",
        "人物小传",
        "主演",
        "演员表",
        "画面",
        "音效",
        "音乐",
        "旁白提示",
    }
)
NOTE_KEYS = frozenset({"备注", "注", "注释", "说明", "批注"})
KEYS = frozenset(TITLE_KEYS) | ACTION_KEYS | NOTE_KEYS
# Short lines above a paragraph that are times, shots or transitions, never a speaker.
NOT_CUES = frozenset(
    {
        "日", "夜", "晨", "昏", "清晨", "早晨", "上午", "中午", "下午", "傍晚", "黄昏", "夜晚",
        "深夜", "凌晨", "白天", "黎明", "同时", "片刻后", "稍后", "随后", "之后", "不久",
        "回忆", "闪回", "闪回结束", "回到现实", "黑屏", "淡入", "淡出", "切至", "切换", "转场",
        "空镜", "特写", "近景", "中景", "远景", "全景", "俯拍", "仰拍", "慢镜头", "蒙太奇",
        "画外", "字幕", "片头", "片尾", "序幕", "尾声", "完", "全剧终", "剧终",
    }
)  # fmt: skip

SAYING = tuple("说道问喊叫答骂想写讲念吼嚷笑叹")
_SAYING_TWO = ("说道", "问道", "喊道", "叫道", "答道", "笑道", "骂道", "叹道", "回答", "回道")
PRONOUNS = frozenset("他她它我你您")
# Words that only narration puts before the verb: 林晓对王强说, 她低声道, 王强笑着说.
_NARRATION = re.compile(
    r"[对向跟朝冲和与给着地又再便就也都只却才还正忙]|轻声|低声|大声|小声|突然|忽然|"
    r"连忙|赶紧|冷冷|淡淡|缓缓|喃喃|一边|接着|继续|回头|转身|笑"
)
# Marks of a line that describes something rather than names a speaker.
_NOT_A_NAME = re.compile(r"着|写道|写有|显示|出现|响起|传来|上面|画面|屏幕|^这|.了$")
_PLACE_END = tuple("上里内中")
_SPACE = re.compile(r"[ \t\u3000]")
_NAME_PUNCT = re.compile(r"[。，,、；;：:！？!?…—“”\"「」『』《》【】\[\]△▲#@*~=<>/\\|]")
_EXTENSION_TAIL = re.compile(r"^(?P<name>[^（(]*?)\s*(?P<exts>(?:[（(][^（）()]{1,24}[)）]\s*)*)$")
MAX_NAME = 6
MAX_FOREIGN_NAME = 12
MAX_STANDALONE_CUE = 30


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


def is_heading(text: str) -> bool:
    """`外景. 猫城市 - 清晨`, `内景 咖啡馆 日`, `日 内 咖啡馆`: a Chinese scene heading."""
    return (
        bool(text)
        and text[0] in HEADING_STARTS
        and _HEADING.match(text) is not None
        and not text.endswith(SENTENCE_END)
        and len(text) <= 80
    )


def name_shape(name: str) -> bool:
    """Could these words be a person's name at all (whatever comes after them)?"""
    name = name.strip()
    if not name or not has_han(name):
        return False
    limit = MAX_FOREIGN_NAME if "·" in name or "•" in name else MAX_NAME
    if len(name) > limit or _SPACE.search(name) or _NAME_PUNCT.search(name):
        return False
    if name[0] in "△▲（(":
        return False
    if _NOT_A_NAME.search(name):
        return False
    return not (len(name) >= 3 and name.endswith(_PLACE_END))


def saying_stem(name: str) -> str | None:
    """The words before a trailing 'said' (林晓说 → 林晓), or None when there is no such verb."""
    for two in _SAYING_TWO:
        if name.endswith(two) and len(name) > len(two):
            return name[: -len(two)]
    if name.endswith(SAYING) and len(name) > 1:
        return name[:-1]
    return None


def is_narration_before_colon(name: str, known: dict[str, int]) -> bool:
    """Whether `name：` is narration ("… said:") rather than a speaker's name.

    `known` counts how often each name is cued in the whole script: 甄远道 cued seventeen
    times is a name however it ends, and 林晓说 is narration when 林晓 herself is cued."""
    stem = saying_stem(name)
    if stem is None:
        return False
    if len(name) <= 2 and stem not in PRONOUNS:
        return False  # 王道, 李想: a two-character name
    if stem in PRONOUNS or stem in known:
        return True
    if known.get(name, 0) >= 2:
        return False
    if _NARRATION.search(stem):
        return True
    return len(name) > 4


def split_standalone_cue(text: str) -> tuple[str, bool] | None:
    """`林晓（画外音）` → ('林晓', True): a line that could be a Fountain-style Chinese cue
    (name and whether it has an extension); None when it cannot be one."""
    if len(text) > MAX_STANDALONE_CUE or not has_han(text):
        return None
    body = text.rstrip("^ \t\u3000")
    if body.startswith("@"):
        return None  # forced cues are Fountain's own
    m = _EXTENSION_TAIL.match(body)
    if m is None:
        return None
    name = m.group("name").strip()
    if not name_shape(name) or name in KEYS or name in NOT_CUES or is_heading(name):
        return None
    if name.endswith(("了", "的", "地", "过")) or (saying_stem(name) and len(name) > 2):
        return None
    return name, bool(m.group("exts").strip())
