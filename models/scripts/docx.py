"""Word .docx scripts (python-docx): paragraph styles where present, else the layout rules.

Line numbers are paragraph indexes (1-based, in document order, table cells included), so
they match what Word's navigation shows. Three readings, best first:

1. **Screenplay styles** (Final Draft's Word export, the Word/Google Docs screenplay templates):
   "Scene Heading", "Character", "Dialogue", "Parenthetical", "Action", "Transition", "Shot".
2. **Chinese text** (most of the paragraphs in Han script): the plain-text rules of text.py,
   one paragraph per line; a two-cell table row (name | speech) reads as "name：speech".
3. **Screenplay layout without styles**: each paragraph placed where Word would print it
   (indent, centring) and classified by the PDF layout rules.

The package is checked before python-docx opens it: a zip bomb (declared sizes, member count,
compression ratio), a macro project, an external relationship other than a hyperlink (remote
templates, linked objects) or an XML DOCTYPE (entity expansion, XXE) is refused.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

from models.names import HAN
from models.scripts.builder import DocumentBuilder
from models.scripts.document import ElementKind, ScriptDocument, ScriptFormat
from models.scripts.errors import ScriptReadError

MAX_MEMBERS = 2_000
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MB
_EXTERNAL = re.compile(rb"<Relationship\b[^>]*TargetMode\s*=\s*[\"']External[\"'][^>]*>", re.I)
_HYPERLINK = re.compile(rb"relationships/hyperlink[\"']", re.I)
_STYLES = {
    "scene heading": ElementKind.SCENE_HEADING,
    "slugline": ElementKind.SCENE_HEADING,
    "character": ElementKind.CHARACTER,
    "dialogue": ElementKind.DIALOGUE,
    "parenthetical": ElementKind.PARENTHETICAL,
    "action": ElementKind.ACTION,
    "general": ElementKind.ACTION,
    "transition": ElementKind.TRANSITION,
    "shot": ElementKind.SHOT,
    "lyrics": ElementKind.LYRIC,
}


def read_docx(data: bytes, source_name: str) -> ScriptDocument:
    check_package(data, source_name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many types on damaged packages
        raise ScriptReadError(
            "error.scripts.docx.source_name_not_readable_word",
            source_name=source_name,
            name=type(e).__name__,
        ) from e
    try:
        paragraphs = list(_paragraphs(document))
        lines = tuple(p.text for p, _ in paragraphs)
        styled = [_STYLES.get(_style(p)) for p, _ in paragraphs]
        if ElementKind.CHARACTER in styled or ElementKind.SCENE_HEADING in styled:
            return _from_styles(paragraphs, styled, lines, source_name)
        han = sum(1 for line in lines if HAN.search(line))
        if han * 2 >= sum(1 for line in lines if line.strip()):
            return _as_text(paragraphs, source_name)
        return _from_layout(paragraphs, lines, source_name)
    except (ValueError, KeyError, AttributeError, TypeError, IndexError) as e:
        # python-docx reads values lazily: a damaged attribute surfaces only here.
        raise ScriptReadError(
            "error.scripts.docx.source_name_not_readable_word",
            source_name=source_name,
            name=type(e).__name__,
        ) from e


def check_package(data: bytes, source_name: str) -> None:
    """Refuse a hostile package before anything parses it."""

    def refuse(why: str, why_zh: str) -> ScriptReadError:
        return ScriptReadError(
            "error.scripts.docx.source_name_refused_why", source_name=source_name, why=(why, why_zh)
        )

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise ScriptReadError(
            "error.scripts.docx.source_name_not_readable_word_2", source_name=source_name
        ) from e
    if len(members) > MAX_MEMBERS:
        raise refuse(f"{len(members)} parts in the package", f"包内有 {len(members)} 个部件")
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED or any(
        m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(1, m.compress_size)
        for m in members
    ):
        raise refuse(
            "it unpacks to far more than its size (a zip bomb)", "解压后远大于文件本身（压缩炸弹）"
        )
    try:
        _check_parts(archive, members, source_name, refuse)
    except ScriptReadError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        RuntimeError,
        KeyError,
    ) as e:
        # NotImplementedError (an unknown compression) is a RuntimeError; a CRC mismatch is
        # BadZipFile: all mean a damaged package.
        raise ScriptReadError(
            "error.scripts.docx.source_name_not_readable_word_2", source_name=source_name
        ) from e


def _check_parts(
    archive: zipfile.ZipFile,
    members: list[zipfile.ZipInfo],
    source_name: str,
    refuse: Callable[[str, str], ScriptReadError],
) -> None:
    names = {m.filename.lower() for m in members}
    if "word/document.xml" not in names:
        raise ScriptReadError(
            "error.scripts.docx.source_name_zip_package_but", source_name=source_name
        )
    content_types = archive.read("[Content_Types].xml") if "[content_types].xml" in names else b""
    if any(n.endswith("vbaproject.bin") for n in names) or b"macroEnabled" in content_types:
        raise refuse("it contains macros (.docm)", "文档含有宏（.docm）")
    for m in members:
        low = m.filename.lower()
        if low.endswith(".rels"):
            for rel in _EXTERNAL.findall(archive.read(m)):
                if not _HYPERLINK.search(rel):
                    raise refuse(
                        "it links to an external template or object",
                        "文档链接了外部模板或对象",
                    )
        if low.endswith((".xml", ".rels")):
            with archive.open(m) as f:
                head = f.read(4096)
            if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
                raise refuse("its XML declares entities (DOCTYPE)", "XML 声明了实体（DOCTYPE）")


def _paragraphs(document: Any) -> Any:
    """(paragraph, table cell index or None) in document order, table cells included."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document), None
        elif tag == "tbl":
            for row in Table(child, document).rows:
                seen: set[int] = set()
                for n, cell in enumerate(row.cells):
                    if id(cell._tc) in seen:  # a merged cell repeats
                        continue
                    seen.add(id(cell._tc))
                    for p in cell.paragraphs:
                        yield p, n


def _style(p: Any) -> str:
    try:
        name = p.style.name if p.style is not None else ""
    except (KeyError, AttributeError, ValueError):
        name = ""
    return str(name or "").strip().lower()


def _from_styles(
    paragraphs: list[Any], styled: list[ElementKind | None], lines: tuple[str, ...], name: str
) -> ScriptDocument:
    b = DocumentBuilder()
    for n, ((p, _), kind) in enumerate(zip(paragraphs, styled, strict=True), 1):
        text = p.text.strip()
        if not text:
            continue
        if kind is ElementKind.SCENE_HEADING:
            b.heading(" ".join(text.split()), n)
        elif kind is ElementKind.CHARACTER:
            b.cue(text, n, marks=False)
        elif (
            kind in (ElementKind.DIALOGUE, ElementKind.PARENTHETICAL, ElementKind.LYRIC)
            and b.speaker is not None
        ):
            b.add(kind, text, n)
        else:
            b.add(kind if kind is not None else ElementKind.ACTION, text, n)
    return b.finish(ScriptFormat.DOCX, name, lines)


def _as_text(paragraphs: list[Any], name: str) -> ScriptDocument:
    from models.scripts.text import read_text

    out: list[str] = []
    pending: str | None = None  # a table row's name cell, waiting for its speech cell
    for p, cell in paragraphs:
        text = p.text.strip()
        if cell == 0 and text and len(text) <= 12:
            pending = text
            out.append("")
            continue
        if cell == 1 and pending is not None:
            out[-1] = f"{pending}：{text}"
            out.append("")
            pending = None
            continue
        pending = None
        out.append(text)
    doc = read_text("\n".join(out), name)
    lines = tuple(p.text for p, _ in paragraphs)
    return doc.replace(format=ScriptFormat.DOCX, lines=lines)


def _from_layout(paragraphs: list[Any], lines: tuple[str, ...], name: str) -> ScriptDocument:
    from models.scripts.pdf.extract import Page, Segment
    from models.scripts.pdf.layout import Layout

    segments: list[Segment] = []
    y = 10_000.0
    for n, (p, cell) in enumerate(paragraphs, 1):
        text = p.text.strip()
        if not text:
            y -= 12
            continue
        if cell is not None:  # a dialogue table: the name cell as a cue over its speech
            x = 300.0 if cell == 0 else 72.0
        else:
            x = 72.0 + _points(p.paragraph_format.left_indent)
            align = str(p.alignment or p.style.paragraph_format.alignment or "").upper()
            if "CENTER" in align:
                x = 306.0 - len(text) * 3.0
            elif "RIGHT" in align:
                x = 540.0 - len(text) * 6.0
        before = _points(p.paragraph_format.space_before)
        after = _points(p.paragraph_format.space_after)
        y -= 12 + (12 if before >= 6 else 0)
        segments.append(Segment(1, x, y, text, 12.0, n))
        if after >= 6:
            y -= 12
    return Layout([Page(1, 612.0, segments)], name, numbered=lines).read(ScriptFormat.DOCX)


def _points(length: Any) -> float:
    return float(length.pt) if length is not None else 0.0
