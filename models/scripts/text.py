"""Plain-text scripts: Fountain-like English, and the layouts Chinese scripts are written in.

Chinese scripts are line-based rather than paragraph-based: `1. 内景 咖啡馆 日` or `第3场`
starts a scene, `林晓：台词` / `林晓（AI配音）：台词` is a dialogue block, `△` starts an action
line, and blank lines are optional. Such lines are recognised wherever they appear; everything
else follows the Fountain rules, so an English script saved as .txt reads the same as .fountain.
"""

from __future__ import annotations

import re
import unicodedata

from models.scripts.document import ElementKind, ScriptDocument, ScriptFormat
from models.scripts.fountain import FountainParser, Line

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NUM = r"[0-9０-９一二三四五六七八九十百千零〇两]+"
_SCENE_ORDINAL = re.compile(rf"^第\s*({_NUM})\s*[场場幕](?:\s*[：:、.．]?\s*(.*))?$")
_SCENE_WORD = re.compile(
    rf"^(?:场景|場景|场次|場次)\s*[：:]?\s*({_NUM})(?:\s*[：:、.．]?\s*(.*))?$"
)
_SCENE_PLACE = re.compile(r"^(?:场景|場景)\s*[：:]\s*(\S.*)$")
_SCENE_NUMBERED = re.compile(
    r"^([0-9０-９]{1,4}(?:[-－—][0-9０-９]{1,4})?)(?:\s*[.、．]\s*|\s+)(\S.{0,60})$"
)
_SCENE_BARE = re.compile(r"^(?:内景|外景|内外景|内/外景|外/内景|內景|內外景)(?:[\s·.．。:：]|$)")
_EPISODE = re.compile(rf"^第\s*{_NUM}\s*集")
_SENTENCE_END = tuple("。！？!?…”」』；;，,")
_ACTION_MARK = re.compile(r"^[△▲]\s*")
_PAREN_LINE = re.compile(r"^[（(][^（）()]*[)）]$")
_NAME_CHARS = r"[^\s：:（）()，,。！？!?、；;“”\"「」『』《》【】\[\]△▲#@*…—~=]"
_DIALOGUE = re.compile(
    rf"^(?P<name>{_NAME_CHARS}(?:[^：:（）()，,。！？!?、；;“”\"「」《》【】]{{0,14}}{_NAME_CHARS})?)"
    r"\s*(?P<exts>(?:[（(][^（）()]{1,24}[)）]\s*){0,3})(?P<colon>[：:])(?P<text>.*)$"
)
_EXTENSION = re.compile(r"[（(]([^（）()]*)[)）]")
_LEADING_PAREN = re.compile(r"^([（(][^（）()]{0,40}[)）])\s*(.*)$")
_SAYING = ("说", "道", "问", "喊", "叫", "答", "骂", "想", "写")

TITLE_KEYS = {
    "剧名": "title",
    "片名": "title",
    "标题": "title",
    "編劇": "author",
    "编剧": "author",
    "作者": "author",
    "原著": "source",
    "导演": "director",
    "出品": "producer",
    "出品方": "producer",
    "版本": "revision",
    "日期": "draft date",
    "联系": "contact",
    "联系方式": "contact",
    "类型": "genre",
    "集数": "episodes",
}
_TITLE_KEY = re.compile(r"^(" + "|".join(TITLE_KEYS) + r")\s*[：:]\s*(.*)$")
_BOOK_TITLE = re.compile(r"^《(.{1,60})》$")
ACTION_KEYS = frozenset(
    {
        "人物",
        "出场人物",
        "登场人物",
        "主要人物",
        "时间",
        "地点",
        "字幕",
        "道具",
        "服装",
        "景别",
        "镜头",
    }
)
NOTE_KEYS = frozenset({"备注", "注", "注释", "说明", "批注"})


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


class TextParser(FountainParser):
    fmt = ScriptFormat.TEXT
    extra_title_keys = frozenset(TITLE_KEYS.values())

    def __init__(self, text: str, source_name: str) -> None:
        super().__init__(text, source_name)
        self._open_speaker: str | None = None  # a Chinese block still taking lines

    def title_key(self, line: str) -> tuple[str, str] | None:
        m = _TITLE_KEY.match(line)
        if m:
            return TITLE_KEYS[m.group(1)], m.group(2).strip()
        return super().title_key(line)

    def read_title_page(self, flow: list[Line]) -> int:
        first = 0
        while first < len(flow) and not flow[first].text.strip():
            first += 1
        if first < len(flow):
            m = _BOOK_TITLE.match(flow[first].text.strip())
            if m:
                self.title_page["title"] = m.group(1).strip()
                start = super().read_title_page(flow[first + 1 :])
                return first + 1 + start if self.title_page.keys() - {"title"} else first + 1
        return super().read_title_page(flow)

    def special_line(self, entry: Line, block: list[Line]) -> bool:
        text = entry.text
        if self._open_speaker is not None and self.b.speaker != self._open_speaker:
            self._open_speaker = None
        heading = self._heading(text)
        if heading is not None:
            self.flush(block)
            number, title = heading
            self.scene_heading_at(title, entry, number)
            return True
        if _EPISODE.match(text):
            self.flush(block)
            self.add(ElementKind.SECTION, text, (entry.number,), entry, level=1)
            return True
        mark = _ACTION_MARK.match(text)
        if mark:
            self.flush(block)
            self.add(ElementKind.ACTION, text[mark.end() :], (entry.number,), entry)
            return True
        m = _DIALOGUE.match(text)
        if m and self._is_speaker(m.group("name"), m.group("colon")):
            name = m.group("name").strip()
            self.flush(block)
            if name in NOTE_KEYS:
                self.b.end_dialogue()
                self.add(ElementKind.NOTE, m.group("text").strip(), (entry.number,), entry)
            elif name in ACTION_KEYS or name in TITLE_KEYS:
                self.add(ElementKind.ACTION, text, (entry.number,), entry)
            else:
                self._speech_line(m, entry)
            return True
        if self._open_speaker is not None and not block:
            return self._continue_speech(entry)
        return False

    def _heading(self, text: str) -> tuple[str | None, str] | None:
        if not has_han(text):
            return None
        for pattern in (_SCENE_ORDINAL, _SCENE_WORD):
            m = pattern.match(text)
            if m:
                return _ascii_digits(m.group(1)), (m.group(2) or "").strip() or text
        m = _SCENE_PLACE.match(text)
        if m:
            return None, m.group(1).strip()
        m = _SCENE_NUMBERED.match(text)
        if m and has_han(m.group(2)) and not m.group(2).rstrip().endswith(_SENTENCE_END):
            rest = m.group(2).strip()
            if not _DIALOGUE.match(rest):
                return _ascii_digits(m.group(1)), rest
        if _SCENE_BARE.match(text) and not text.endswith(_SENTENCE_END):
            return None, text
        return None

    def scene_heading_at(self, title: str, entry: Line, number: str | None) -> None:
        self._notes_before(entry.number)
        self.b.heading(title, entry.number, number=number)
        self._notes_after(entry.number, [entry])

    @staticmethod
    def _is_speaker(name: str, colon: str) -> bool:
        name = name.strip()
        if name in NOTE_KEYS or name in ACTION_KEYS or name in TITLE_KEYS:
            return True
        if name.endswith(_SAYING) and len(name) > 2:
            return False  # "林晓对王强说：" is narration, not a cue
        if colon == ":":
            return has_han(name)  # "Note: …" in English text is not dialogue
        return has_han(name) or (name == name.upper() and any(c.isupper() for c in name))

    def _speech_line(self, m: re.Match[str], entry: Line) -> None:
        cue = m.group("name").strip() + "".join(
            f"（{e.strip()}）" for e in _EXTENSION.findall(m.group("exts"))
        )
        self._notes_before(entry.number)
        name = self.b.cue(cue, entry.number)
        spoken = m.group("text").strip()
        self._notes_after(entry.number, [] if spoken else [entry])
        self._open_speaker = name
        # A filled line is a whole block unless a parenthetical follows; an empty one ("林晓：")
        # takes the lines below it.
        self._after_paren = not spoken
        if spoken:
            self._spoken(spoken, entry)

    _after_paren = False

    def _spoken(self, spoken: str, entry: Line) -> None:
        lead = _LEADING_PAREN.match(spoken)
        if lead:
            rest = lead.group(2).strip()
            self.add(
                ElementKind.PARENTHETICAL,
                lead.group(1),
                (entry.number,),
                *(() if rest else (entry,)),
            )
            spoken = rest
        if spoken:
            self.add(ElementKind.DIALOGUE, spoken, (entry.number,), entry)

    def _continue_speech(self, entry: Line) -> bool:
        text = entry.text
        if _PAREN_LINE.match(text):
            self.add(ElementKind.PARENTHETICAL, text, (entry.number,), entry)
            self._after_paren = True
            return True
        if self._after_paren:
            self._spoken(text, entry)
            return True
        self._open_speaker = None
        return False


def _ascii_digits(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def read_text(text: str, source_name: str) -> ScriptDocument:
    return TextParser(text, source_name).parse()
