"""Synthetic layouts: script text laid out the way other writing apps print it (made at test time).

No redistributable PDF from Final Draft for Windows, Word, Google Docs, Highland, WriterDuet or
Fade In was found, so each layout is reproduced here with ReportLab (fonts, margins, centred
cues, scene numbers, (MORE)/(CONT'D), shots, sound words, overprinted bold, dual columns, title
pages) from the shared sample script's text (`<repo>/../shared/samples/scripts/
The-Last-Birthday-Card.fountain`). `build()` writes the files into a folder of the caller's
(the corpus test's temporary folder); nothing generated is committed. Ground truth comes from
screenplain's reading of that source, never from Consent Desk: the extra shot and sound lines
add no scene, block or speaker.
"""

from __future__ import annotations

import io
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen import canvas
from screenplain.parsers.fountain import parse
from screenplain.types import Action, Dialog, DualDialog, Slug, Transition

from tests.corpus.locate import SHARED_SCRIPTS
from tests.corpus.truth import speaker

SOURCE = SHARED_SCRIPTS / "The-Last-Birthday-Card.fountain"
# Every text laid out at test time: the long sample, and Brick & Steel (dual dialogue, forced
# headings, centred lines, tab-indented cues).
SOURCES = (SOURCE, SHARED_SCRIPTS / "Brick-and-Steel.fountain")
EXTRAS = [
    "NEW SHOT",
    "ANGLE ON THE DOOR",
    "INSERT - THE LETTER",
    "REGGIE'S POV",
    "CRACK!",
    "KNOCK KNOCK KNOCK.",
    "BLACK SCREEN:",
    "BEGIN MONTAGE:",
    "END MONTAGE",
    "CLOSE ON PETER",
]


@dataclass
class Style:
    font: str = "Courier"
    bold: str = "Courier-Bold"
    size: float = 12
    leading: float = 12
    page: tuple[float, float] = letter
    top: float = 72
    bottom: float = 72
    action: float = 108
    width: int = 60
    cue: float | None = 266  # None: centred
    dialogue: float = 180
    dialogue_width: int = 35
    paren: float | None = 223  # None: centred
    transition_right: float = 540
    gap: float = 12  # space between paragraphs
    scene_numbers: bool = False
    more: bool = True
    page_numbers: bool = True
    overprint: bool = False
    title_page: bool = True
    mixed_case: bool = False
    extras: bool = False
    dual_every: int = 0
    chars: float = 7.2  # average character width (centring)
    extra: dict[str, object] = field(default_factory=dict)


LAYOUTS = {
    "finaldraft-windows": Style(scene_numbers=True, extras=True, overprint=False),
    "word": Style(
        font="Times-Roman",
        bold="Times-Bold",
        cue=None,
        paren=None,
        dialogue=72,
        action=72,
        width=80,
        dialogue_width=80,
        gap=12,
        leading=14,
        mixed_case=True,
        extras=True,
        chars=6.0,
        more=False,
    ),
    "google-docs": Style(
        font="Helvetica",
        bold="Helvetica-Bold",
        size=11,
        leading=13,
        cue=None,
        paren=None,
        dialogue=72,
        action=72,
        width=85,
        dialogue_width=85,
        gap=10,
        chars=5.8,
        more=False,
        extras=True,
        page_numbers=False,
    ),
    "highland": Style(cue=252, dialogue=180, paren=209, overprint=True, dual_every=9),
    "writerduet": Style(page=A4, action=99, cue=256, dialogue=171, paren=214, dual_every=7),
    "fadein": Style(scene_numbers=True, overprint=True, mixed_case=False, extras=True),
}


class Printer:
    def __init__(self, style: Style) -> None:
        self.s = style
        self.buffer = io.BytesIO()
        self.c = canvas.Canvas(self.buffer, pagesize=style.page, invariant=1)
        self.page = 1
        self.y = 0.0
        self._new_page(first=True)

    def _new_page(self, first: bool = False) -> None:
        if not first:
            self.c.showPage()
            self.page += 1
        self.y = self.s.page[1] - self.s.top
        if self.s.page_numbers and self.page > 1:
            self._draw(self.s.page[0] - 72, self.s.page[1] - 40, f"{self.page}.", False)

    def _draw(self, x: float, y: float, text: str, bold: bool) -> None:
        self.c.setFont(self.s.bold if bold else self.s.font, self.s.size)
        self.c.drawString(x, y, text)
        if bold and self.s.overprint:
            self.c.drawString(x + 0.25, y, text)  # bold by printing twice

    def room(self, lines: int) -> bool:
        return self.y - lines * self.s.leading >= self.s.bottom

    def line(self, x: float | None, text: str, bold: bool = False) -> None:
        if not self.room(1):
            self._new_page()
        if x is None:
            x = self.s.page[0] / 2 - len(text) * self.s.chars / 2
        self._draw(x, self.y, text, bold)
        self.y -= self.s.leading

    def gap(self) -> None:
        self.y -= self.s.gap

    def finish(self) -> bytes:
        self.c.save()
        return self.buffer.getvalue()


def _plain(value: object) -> str:
    return " ".join(str(value).split())


def _title_words(value: list[str]) -> str:
    return _plain(" ".join(value).replace("*", "").replace("_", ""))


def render(
    style: Style, paragraphs: list[object], title: dict[str, list[str]] | None = None
) -> bytes:
    p = Printer(style)
    s = style
    if s.title_page:
        title = title or {}
        p.y = s.page[1] / 2 + 60
        p.line(None, _title_words(title.get("Title", ["UNTITLED"])).upper(), bold=True)
        p.gap()
        p.line(None, _title_words(title.get("Credit", ["Written by"])))
        p.line(None, _title_words(title.get("Author", ["Anonymous"])))
        p._new_page()
    scenes = 0
    dialogs = 0
    for para in paragraphs:
        if isinstance(para, Slug):
            scenes += 1
            heading = _plain(para.line)
            if s.mixed_case and scenes % 2 == 0:
                prefix, _, rest = heading.partition(" ")
                heading = f"{prefix.title()} {rest.title()}."
            if not p.room(3):
                p._new_page()
            if s.scene_numbers:
                p._draw(s.action - 40, p.y, str(scenes), False)
                p._draw(s.page[0] - 60, p.y, str(scenes), False)
            p.line(s.action, heading, bold=True)
            p.gap()
            if s.extras and scenes % 3 == 0:
                p.line(s.action, EXTRAS[(scenes // 3) % len(EXTRAS)])
                p.gap()
        elif isinstance(para, Action):
            text = " ".join(_plain(line) for line in para.lines)
            for line in textwrap.wrap(text, s.width) or [""]:
                p.line(s.action, line)
            p.gap()
        elif isinstance(para, Transition):
            text = _plain(para.line)
            p.line(s.transition_right - len(text) * 7.2, text)
            p.gap()
        elif isinstance(para, Dialog | DualDialog):
            dialogs += 1
            if isinstance(para, DualDialog):
                _dual(p, para.left, para.right)
            else:
                _dialog(p, para)
            p.gap()
    return p.finish()


def _dialog(p: Printer, d: Dialog) -> None:
    s = p.s
    name = _plain(d.character)
    if not p.room(3):
        p._new_page()
    p.line(s.cue, name)
    for is_paren, text in d.blocks:
        text = _plain(text)
        wrapped = textwrap.wrap(text, 25 if is_paren else s.dialogue_width) or [""]
        for n, line in enumerate(wrapped):
            if not p.room(2) and s.more:
                p.line(s.cue, "(MORE)")
                p._new_page()
                p.line(s.cue, f"{name} (CONT'D)")
            x = (s.paren if s.paren is not None else None) if is_paren else s.dialogue
            p.line(x if not (is_paren and n) else (x or s.action) + 7, line)


def _dual(p: Printer, left: Dialog, right: Dialog) -> None:
    s = p.s
    rows = []
    for d in (left, right):
        lines = [_plain(d.character)]
        for _, text in d.blocks:
            lines += textwrap.wrap(_plain(text), 28)
        rows.append(lines)
    if not p.room(max(len(r) for r in rows) + 1):
        p._new_page()
    half = (s.page[0] - 2 * s.action) / 2
    for n in range(max(len(r) for r in rows)):
        for side, lines in enumerate(rows):
            if n < len(lines):
                x = s.action + side * half + (60 if n == 0 else 10)
                p._draw(x, p.y, lines[n], False)
        p.y -= s.leading


def _with_duals(paragraphs: list[object], every: int) -> list[object]:
    if not every:
        return paragraphs
    out: list[object] = []
    count = 0
    for para in paragraphs:
        if isinstance(para, Dialog) and out and isinstance(out[-1], Dialog):
            count += 1
            if count % every == 0 and len(para.blocks) <= 2 and len(out[-1].blocks) <= 2:
                out[-1] = DualDialog(out[-1], para)
                continue
        out.append(para)
    return out


# A scene heading as a page shows it, whoever printed it: INT./EXT./EST./I/E (any case, with or
# without the period). Written here, not taken from Consent Desk's readers.
_HEADING = re.compile(r"(?i)^(int|ext|est|i/e|int\.?/ext)[. ]")


def truth(paragraphs: list[object], forced_headings_marked: bool = True) -> dict[str, object]:
    """screenplain's counts of the text. A forced heading (`.SCOTT`: a shot or beat the writer
    made a scene) keeps its mark in a styled .docx (style "Scene Heading") and in a print with
    scene numbers (numbered like every heading); a print without numbers loses the "." and the
    line reads as a shot, like the shot lines added to every third scene: then only the headings
    a page shows as such count."""
    names: set[str] = set()
    blocks = 0
    for para in paragraphs:
        pair = [para.left, para.right] if isinstance(para, DualDialog) else [para]
        for d in pair:
            if isinstance(d, Dialog):
                blocks += 1
                names.add(speaker(_plain(d.character)))
    scenes = sum(
        isinstance(para, Slug)
        and (forced_headings_marked or bool(_HEADING.match(_plain(para.line))))
        for para in paragraphs
    )
    return {"scenes": scenes, "dialogue_blocks": blocks, "speakers": sorted(names)}


def _first_scenes(paragraphs: list[object], count: int) -> list[object]:
    out: list[object] = []
    seen = 0
    for para in paragraphs:
        if isinstance(para, Slug):
            seen += 1
            if seen > count:
                break
        if seen:
            out.append(para)
    return out


def _first_scenes_from(paragraphs: list[object], skip: int) -> list[object]:
    seen = 0
    for n, para in enumerate(paragraphs):
        if isinstance(para, Slug):
            if seen == skip:
                return paragraphs[n:]
            seen += 1
    return []


def source_paragraphs(source: Path = SOURCE) -> tuple[list[object], dict[str, list[str]]]:
    """screenplain's reading of the source: the paragraphs and the title page."""
    screenplay = parse(io.StringIO(source.read_text(encoding="utf-8-sig")))
    return list(screenplay), dict(screenplay.title_page or {})


def build(out: Path, source: Path = SOURCE) -> dict[str, dict[str, object]]:
    """Write every synthetic layout of `source` into `out`; their truth, by file name."""
    everything, title = source_paragraphs(source)
    stem = source.stem.lower()
    record: dict[str, dict[str, object]] = {}
    for name, style in LAYOUTS.items():
        part = _with_duals(_first_scenes(everything, 10_000), style.dual_every)
        path = out / f"{stem}-{name}.pdf"
        path.write_bytes(render(style, part, title))
        record[path.name] = truth(part, forced_headings_marked=style.scene_numbers)
    from tests.corpus.make_docx import make_docx

    record.update(make_docx(_first_scenes(everything, 10_000), out, stem))
    return record
