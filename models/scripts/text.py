"""Plain-text scripts: Fountain-like English, and the layouts Chinese scripts are written in.

Chinese scripts are line-based rather than paragraph-based: `1. 内景 咖啡馆 日` or `第3场`
starts a scene, `林晓：台词` / `林晓（AI配音）：台词` is a dialogue block, `△` starts an action
line, and blank lines are optional. Such lines are recognised wherever they appear; everything
else follows the Fountain rules, so an English script saved as .txt reads the same as .fountain.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from models.scripts import chinese
from models.scripts.chinese import ACTION_KEYS, NOTE_KEYS, TITLE_KEYS, has_han
from models.scripts.document import ElementKind, LineTable, ScriptDocument, ScriptFormat
from models.scripts.fountain import FountainParser
from models.scripts.fountain_flow import Line

_NUM = r"[0-9０-９一二三四五六七八九十百千零〇两]+"
_SCENE_ORDINAL = re.compile(rf"^第\s*({_NUM})\s*[场場幕](?:\s*[：:、.．]?\s*(.*))?$")
_SCENE_WORD = re.compile(
    rf"^(?:场景|場景|场次|場次)\s*[：:]?\s*({_NUM})(?:\s*[：:、.．]?\s*(.*))?$"
)
_SCENE_PLACE = re.compile(r"^(?:场景|場景)\s*[：:]\s*(\S.*)$")
_SCENE_NUMBERED = re.compile(
    r"^([0-9０-９]{1,4}(?:[-－—][0-9０-９]{1,4})?)(?:\s*[.、．]\s*|\s+)(\S.{0,60})$"
)
_EPISODE = re.compile(rf"^第\s*{_NUM}\s*集")
_SENTENCE_END = chinese.SENTENCE_END
_ACTION_MARK = re.compile(r"^[△▲]\s*")
_PAREN_LINE = re.compile(r"^[（(][^（）()]*[)）]$")
_NAME_CHARS = r"[^\s：:（）()，,。！？!?、；;“”\"「」『』《》【】\[\]△▲#@*…—~=]"
_DIALOGUE = re.compile(
    rf"^(?P<name>{_NAME_CHARS}(?:[^：:（）()，,。！？!?、；;“”\"「」《》【】]{{0,14}}{_NAME_CHARS})?)"
    r"\s*(?P<exts>(?:[（(][^（）()]{1,24}[)）]\s*){0,3})(?P<colon>[：:])(?P<text>.*)$"
)
_EXTENSION = re.compile(r"[（(]([^（）()]*)[)）]")
_LEADING_PAREN = re.compile(r"^([（(][^（）()]{0,40}[)）])\s*(.*)$")
_TITLE_KEY = re.compile(r"^(" + "|".join(TITLE_KEYS) + r")\s*[：:]\s*(.*)$")
_BOOK_TITLE = re.compile(r"^《(.{1,60})》$")


def colon_cue(text: str) -> tuple[str, tuple[str, ...], str] | None:
    """`林晓（AI配音）：台词` → ('林晓', ('AI配音',), '台词'): the parts of a line written in the
    `name：speech` layout, before any judgement of whether the name is a speaker."""
    m = _DIALOGUE.match(text)
    if m is None:
        return None
    exts = tuple(e.strip() for e in _EXTENSION.findall(m.group("exts")) if e.strip())
    return m.group("name").strip(), exts, m.group("text").strip()


def count_colon_cues(lines: Iterable[str]) -> dict[str, int]:
    """How often each Chinese name is cued as `名字：` in the script (the plain-text reader's
    first look, so a line can be judged with the whole script in mind)."""
    counts: dict[str, int] = {}
    for raw in lines:
        if "：" not in raw and ":" not in raw:
            continue
        m = _DIALOGUE.match(raw.strip())
        if m is None:
            continue
        name = m.group("name").strip()
        if name not in chinese.KEYS and chinese.name_shape(name):
            counts[name] = counts.get(name, 0) + 1
    return counts


def is_colon_speaker(name: str, colon: str, known: dict[str, int] | None = None) -> bool:
    """Whether `name：` starts a dialogue block (title, action and note keys count: the reader
    files those under their own kinds). `known`: `count_colon_cues` of the whole script."""
    name = name.strip()
    if name in chinese.KEYS:
        return True
    if has_han(name):
        return chinese.name_shape(name) and not chinese.is_narration_before_colon(name, known or {})
    if colon == ":":
        return False  # "Note: …" in English text is not dialogue
    return name == name.upper() and any(c.isupper() for c in name)


class TextParser(FountainParser):
    fmt = ScriptFormat.TEXT
    extra_title_keys = frozenset(TITLE_KEYS.values())

    def __init__(self, text: str | LineTable, source_name: str) -> None:
        super().__init__(text, source_name)
        self._open_speaker: str | None = None  # a Chinese block still taking lines

    def title_key(self, line: str) -> tuple[str, str] | None:
        m = _TITLE_KEY.match(line)
        if m:
            return TITLE_KEYS[m.group(1)], m.group(2).strip()
        return super().title_key(line)

    def parse(self) -> ScriptDocument:
        self.known_names = count_colon_cues(self.raw_lines)
        return super().parse()

    def read_title_page(self, flow: Sequence[Line], first: int = 0) -> int:
        """《书名》 and `键：值` lines; Chinese title pages often leave blank lines between
        their keys, so every following group made only of title keys belongs to it too."""
        while first < len(flow) and not flow[first].text.strip():
            first += 1
        if first < len(flow):
            m = _BOOK_TITLE.match(flow[first].text.strip())
            if m:
                self.title_page["title"] = m.group(1).strip()
                first += 1
                end = super().read_title_page(flow, first)
                end = end if self.title_page.keys() - {"title"} else first
                return self._more_title_keys(flow, end)
        end = super().read_title_page(flow, first)
        return self._more_title_keys(flow, end) if self.title_page else end

    def _more_title_keys(self, flow: Sequence[Line], end: int) -> int:
        while True:
            at = end
            while at < len(flow) and not flow[at].text.strip():
                at += 1
            if at == len(flow) or not _TITLE_KEY.match(flow[at].text.strip()):
                return end
            group_end = at
            while group_end < len(flow) and flow[group_end].text.strip():
                if not _TITLE_KEY.match(flow[group_end].text.strip()):
                    return end  # a group mixing keys and script text is the script
                group_end += 1
            after = super().read_title_page(flow, at)
            if after <= at:
                return end
            end = after

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
        if m and is_colon_speaker(m.group("name"), m.group("colon"), self.known_names):
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
        if chinese.is_heading(text):
            return None, text
        return None

    def scene_heading_at(self, title: str, entry: Line, number: str | None) -> None:
        self._notes_before(entry.number)
        self.b.heading(title, entry.number, number=number)
        self._notes_after(entry.number, [entry])

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


def read_text(text: str | LineTable, source_name: str) -> ScriptDocument:
    return TextParser(text, source_name).parse()
