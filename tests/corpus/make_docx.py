"""Synthetic .docx corpus files (python-docx): screenplay styles, Word layout, Chinese layouts.

The two screenplay layouts are made at test time from the shared sample's text (see
make_synthetic). The Chinese table page's text was written here; its file is committed:

    .venv/bin/python -m tests.corpus.make_docx  # rewrites tests/corpus/synthetic/chinese-table.docx
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt
from screenplain.types import Action, Dialog, DualDialog, Slug, Transition

from tests.corpus.make_synthetic import _plain, truth

_STYLES = ["Scene Heading", "Action", "Character", "Parenthetical", "Dialogue", "Transition"]


def _one_after_the_other(paragraphs: list[object]) -> list[object]:
    """Word has no dual-dialogue columns: both speeches of a pair are typed one after the other."""
    out: list[object] = []
    for para in paragraphs:
        out += [para.left, para.right] if isinstance(para, DualDialog) else [para]
    return out


def _styled(paragraphs: list[object], path: Path) -> None:
    """What Final Draft's "Save as Word" and the Word screenplay templates give: named styles."""
    doc = Document()
    for name in _STYLES:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.font.name = "Courier New"
        style.font.size = Pt(12)
    doc.styles["Character"].paragraph_format.left_indent = Inches(2.2)
    doc.styles["Dialogue"].paragraph_format.left_indent = Inches(1.0)
    doc.styles["Parenthetical"].paragraph_format.left_indent = Inches(1.6)
    for para in _one_after_the_other(paragraphs):
        if isinstance(para, Slug):
            doc.add_paragraph(_plain(para.line), style="Scene Heading")
        elif isinstance(para, Action):
            doc.add_paragraph(" ".join(_plain(x) for x in para.lines), style="Action")
        elif isinstance(para, Transition):
            doc.add_paragraph(_plain(para.line), style="Transition")
        elif isinstance(para, Dialog):
            doc.add_paragraph(_plain(para.character), style="Character")
            for is_paren, text in para.blocks:
                doc.add_paragraph(_plain(text), style="Parenthetical" if is_paren else "Dialogue")
    doc.save(str(path))


def _word_layout(paragraphs: list[object], path: Path) -> None:
    """A script typed in plain Word: centred capital cues, speech back at the margin."""
    doc = Document()
    for n, para in enumerate(_one_after_the_other(paragraphs)):
        if isinstance(para, Slug):
            p = doc.add_paragraph(_plain(para.line))
            p.paragraph_format.space_before = Pt(12)
        elif isinstance(para, Action):
            p = doc.add_paragraph(" ".join(_plain(x) for x in para.lines))
            p.paragraph_format.space_after = Pt(12)
        elif isinstance(para, Transition):
            p = doc.add_paragraph(_plain(para.line))
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif isinstance(para, Dialog):
            p = doc.add_paragraph(_plain(para.character))
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            for is_paren, text in para.blocks:
                q = doc.add_paragraph(_plain(text))
                q.paragraph_format.space_after = Pt(0)
                if is_paren:
                    q.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if n % 4 == 0:
                doc.add_paragraph("")  # some writers press Enter twice, some use spacing
            else:
                q.paragraph_format.space_after = Pt(12)
    doc.save(str(path))


# A Chinese TV-script page as production companies send it: numbered scene lines, △ action,
# "name：speech" lines, and a two-column dialogue table. Counted by hand: 3 scenes, 6 blocks.
_CHINESE = [
    ("p", "《医院》"),
    ("p", "编剧：匿名"),
    ("p", "1. 内景 医院走廊 日"),
    ("p", "△约翰（20）走进医院，四处张望。"),
    ("p", "约翰：这是什么地方？"),
    ("p", "护士：这里是急诊部。"),
    ("p", "△约翰静静地站着，一动不动。"),
    ("p", "2. 外景 医院门口 夜"),
    ("t", ("护士", "（小声）你还在这里？")),
    ("t", ("约翰", "我在等人。")),
    ("t", ("护士", "天黑了，回去吧。")),
    ("p", "第3场 内景 病房 夜"),
    ("p", "医生：病人醒了。"),
]


def _chinese(path: Path) -> None:
    doc = Document()
    table = None
    for kind, value in _CHINESE:
        if kind == "p":
            table = None
            doc.add_paragraph(str(value))
        else:
            if table is None:
                table = doc.add_table(rows=0, cols=2)
            name, speech = value
            cells = table.add_row().cells
            cells[0].text = name
            cells[1].text = speech
    doc.save(str(path))


def make_docx(paragraphs: list[object], out: Path, stem: str) -> dict[str, dict[str, object]]:
    """The two screenplay .docx layouts of `paragraphs` in `out`; their truth, by file name."""
    _styled(paragraphs, out / f"{stem}-styles.docx")
    _word_layout(paragraphs, out / f"{stem}-word-layout.docx")
    return {
        f"{stem}-styles.docx": truth(paragraphs),
        f"{stem}-word-layout.docx": truth(paragraphs, forced_headings_marked=False),
    }


if __name__ == "__main__":
    _chinese(Path(__file__).resolve().parent / "synthetic" / "chinese-table.docx")
