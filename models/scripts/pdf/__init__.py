"""PDF scripts: element types told from the page geometry the document itself uses.

A screenplay PDF keeps no element types, only where each line is. Nothing about the layout is
hard-coded: each document's action margin (the left edge most lines share), line step, page
centre and cue column (one indent shared by names of every length, or centred names) are
measured from the whole file, and every line is classified relative to them; cues are
centred when a longer name starts further left (half a letter per letter), at an indent when
names of every length start at one x. A cue is a
capitalised line in the cue column with its speech directly below and further left — at the
dialogue indent (Final Draft, Fade In, Highland, WriterDuet…) or back at the margin (Word and
Google Docs layouts, where cues are centred). Scene headings, shots and
transitions are known by their words (rules.py), never by capitals alone — except a line
printed with one scene number at both margins, a scene heading whatever its words (a writer's
forced heading; shots are never numbered). A PDF without that
layout (a Chinese script typed in a word processor) is read line by line with the plain-text
rules instead. Line numbers count the extracted text lines (a blank line between paragraphs
and pages); each element keeps its page number.
"""

from __future__ import annotations

from models.scripts.document import ScriptDocument
from models.scripts.errors import ScriptReadError
from models.scripts.pdf.extract import MAX_LINES, MAX_PAGES, TIME_BUDGET_S, Progress, extract
from models.scripts.pdf.layout import Layout

__all__ = ["MAX_LINES", "MAX_PAGES", "TIME_BUDGET_S", "read_pdf"]


def read_pdf(data: bytes, source_name: str, progress: Progress | None = None) -> ScriptDocument:
    pages = extract(data, source_name, progress)
    if not any(page.segments for page in pages):
        raise ScriptReadError("error.scripts.pdf.source_name_has_no_text", source_name=source_name)
    return Layout(pages, source_name).read()
