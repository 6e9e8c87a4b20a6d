"""Final Draft (.fdx) scripts, read with defusedxml so a hostile file cannot reach anything.

DTDs, entities and external references are refused outright: a real FDX never needs them, and
they are how XML files read local files (XXE) or exhaust memory (billion laughs). Only the
top-level `<Content>` is the script; the title page has a `<Content>` of its own. Lines are
1-based `<Paragraph>` indexes in that content (a `<DualDialogue>` wrapper paragraph counts too,
then the paragraphs inside it), which is what a person counting paragraphs will find.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element as XmlElement

import defusedxml
import defusedxml.ElementTree as SafeET

from models.scripts.builder import DocumentBuilder
from models.scripts.document import ElementKind, ScriptDocument, ScriptFormat
from models.scripts.errors import ScriptReadError

_KINDS = {
    "action": ElementKind.ACTION,
    "general": ElementKind.ACTION,
    "shot": ElementKind.SHOT,
    "dialogue": ElementKind.DIALOGUE,
    "parenthetical": ElementKind.PARENTHETICAL,
    "transition": ElementKind.TRANSITION,
    "lyrics": ElementKind.LYRIC,
    "singing": ElementKind.LYRIC,
    "new act": ElementKind.SECTION,
    "end of act": ElementKind.SECTION,
    "teaser": ElementKind.SECTION,
    "cold opening": ElementKind.SECTION,
    "cast list": ElementKind.ACTION,
}
# The parts of a dialogue block, with the warning for one that has no cue before it.
_WITHOUT_CUE = {
    ElementKind.PARENTHETICAL: "script.parenthetical_without_cue",
    ElementKind.DIALOGUE: "script.dialogue_without_cue",
    ElementKind.LYRIC: "script.lyric_without_cue",
}
_CREDIT = re.compile(r"^(?:written|screenplay|story|teleplay)?\s*by$", re.IGNORECASE)


def read_fdx(data: bytes, source_name: str) -> ScriptDocument:
    root = _parse(data, source_name)
    if _local(root.tag) != "FinalDraft":
        raise ScriptReadError("error.scripts.fdx.source_name_xml_but_not", source_name=source_name)
    content = _child(root, "Content")
    if content is None:
        raise ScriptReadError(
            "error.scripts.fdx.source_name_final_draft_file", source_name=source_name
        )
    reader = _FdxReader()
    reader.read(content)
    title_page = _title_page(root)
    return reader.b.finish(
        ScriptFormat.FDX, source_name, tuple(reader.lines), title_page=title_page
    )


def _parse(data: bytes, source_name: str) -> XmlElement:
    try:
        root: XmlElement = SafeET.fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except defusedxml.DefusedXmlException as e:
        raise ScriptReadError(
            "error.scripts.fdx.source_name_was_refused_declares", source_name=source_name
        ) from e
    except SafeET.ParseError as e:
        line, column = getattr(e, "position", (None, None))
        raise ScriptReadError(
            "error.scripts.fdx.source_name_not_readable_final",
            source_name=source_name,
            line=line,
            column=column,
        ) from e
    except (ValueError, LookupError, UnicodeError, MemoryError, RecursionError) as e:
        raise ScriptReadError(
            "error.scripts.fdx.source_name_not_readable_final_2",
            source_name=source_name,
            name=type(e).__name__,
        ) from e
    return root


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(parent: XmlElement, name: str) -> XmlElement | None:
    for child in parent:
        if _local(child.tag) == name:
            return child
    return None


def _children(parent: XmlElement, name: str) -> list[XmlElement]:
    return [c for c in parent if _local(c.tag) == name]


def _text(paragraph: XmlElement) -> str:
    runs = [t.text or "" for t in _children(paragraph, "Text")]
    lines = "".join(runs).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


class _FdxReader:
    def __init__(self) -> None:
        self.b = DocumentBuilder()
        self.lines: list[str] = []
        self._unknown: set[str] = set()

    def read(self, content: XmlElement) -> None:
        for paragraph in _children(content, "Paragraph"):
            index = self._index(paragraph)
            dual = _child(paragraph, "DualDialogue")
            if dual is None:
                self.paragraph(paragraph, index)
                continue
            cues = 0
            for inner in _children(dual, "Paragraph"):
                inner_index = self._index(inner)
                is_cue = (inner.get("Type") or "").strip().lower() == "character"
                self.paragraph(inner, inner_index, dual=is_cue and cues > 0)
                cues += is_cue

    def _index(self, paragraph: XmlElement) -> int:
        self.lines.append(_text(paragraph).replace("\n", " "))
        return len(self.lines)

    def paragraph(self, p: XmlElement, index: int, *, dual: bool = False) -> None:
        text = _text(p)
        kind_name = (p.get("Type") or "").strip().lower()
        if (p.get("StartsNewPage") or "").lower() == "yes" and self.b.element_count:
            self.b.add(ElementKind.PAGE_BREAK, "", index)
        if text:
            self._element(kind_name, text, index, p, dual)
        for note in _children(p, "ScriptNote"):
            body = "\n".join(_text(q) for q in note.iter() if _local(q.tag) == "Paragraph")
            if body.strip():
                self.b.add(ElementKind.NOTE, body.strip(), index)

    def _element(self, kind_name: str, text: str, index: int, p: XmlElement, dual: bool) -> None:
        lines = (index,) * (text.count("\n") + 1)
        if kind_name == "scene heading":
            self.b.heading(text.replace("\n", " "), index, number=p.get("Number") or None)
        elif kind_name == "character":
            self.b.cue(text.replace("\n", " "), index, dual=dual, marks=False)
        elif kind_name in ("action", "general") and (p.get("Alignment") or "") == "Center":
            self.b.add(ElementKind.CENTERED, text, lines)
        else:
            kind = _KINDS.get(kind_name)
            if kind is None:
                kind = ElementKind.ACTION
                if kind_name not in self._unknown:
                    self._unknown.add(kind_name)
                    shown = p.get("Type") or "(none)"
                    self.b.warn(index, "script.paragraph_type_unknown", type=shown)
            if kind in _WITHOUT_CUE and self.b.speaker is None:
                self.b.warn(index, _WITHOUT_CUE[kind])
            self.b.add(kind, text, lines)


def _title_page(root: XmlElement) -> dict[str, str]:
    page = _child(root, "TitlePage")
    content = _child(page, "Content") if page is not None else None
    if content is None:
        return {}
    texts = [t for t in (_text(p) for p in _children(content, "Paragraph")) if t]
    if not texts:
        return {}
    result = {"title": texts[0]}
    rest: list[str] = []
    i = 1
    while i < len(texts):
        text = texts[i]
        if _CREDIT.match(text) and "credit" not in result:
            result["credit"] = text
            if i + 1 < len(texts):
                result["author"] = texts[i + 1]
                i += 1
        elif text.lower().startswith(("copyright", "©", "(c)")) and "copyright" not in result:
            result["copyright"] = text
        else:
            rest.append(text)
        i += 1
    if rest:
        result["notes"] = "\n".join(rest)
    return result
