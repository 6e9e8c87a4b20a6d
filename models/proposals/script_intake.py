"""Attaching a script to a proposal: read it, find its AI uses, keep what the checks need.

The file goes into the content-addressed store (`models.storage.files`) inside the caller's
transaction. The reader's result (source lines, scenes, content lines, AI uses) is kept in the
database, so checks, the review report and the findings view never read the file again.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models.messages import Text, phrase
from models.proposals.tables import ProposalScriptRow, ScriptAiUseRow
from models.scripts import (
    AiUse,
    ElementKind,
    MarkerSet,
    ReadWarning,
    ScriptDocument,
    detect_ai_uses,
    read_bytes,
    read_script,
)
from models.scripts.reader import MAX_PDF_BYTES

MAX_SCRIPT_BYTES = MAX_PDF_BYTES

# Elements whose words can hit a content exclusion (rule R8).
_CONTENT_KINDS = frozenset(
    {
        ElementKind.SCENE_HEADING,
        ElementKind.ACTION,
        ElementKind.SHOT,  # "INSERT - THE NUDE PHOTO" was action before shots had a kind
        ElementKind.DIALOGUE,
        ElementKind.PARENTHETICAL,
        ElementKind.LYRIC,
        ElementKind.CENTERED,
        ElementKind.NOTE,
        ElementKind.SYNOPSIS,
    }
)


@dataclass(frozen=True)
class ReadScript:
    """A script read from disk or memory, with its AI uses."""

    name: str
    data: bytes
    document: ScriptDocument
    uses: tuple[AiUse, ...]


def read(source: Path | bytes, name: str = "", markers: MarkerSet | None = None) -> ReadScript:
    """Read a script (raises ScriptReadError, a UserError, for anything unreadable)."""
    if isinstance(source, Path):
        shown = name or source.name
        try:
            if source.stat().st_size > MAX_SCRIPT_BYTES:
                read_script(source)  # refuses it with the reader's own message
            data = source.read_bytes()
        except OSError:
            read_script(source)  # says why (missing, a folder, unreadable) as ScriptReadError
            raise
        doc = read_bytes(data, shown)
    else:
        shown = name or "script.txt"
        doc = read_bytes(source, shown)
        data = source
    return ReadScript(shown, data, doc, detect_ai_uses(doc, markers))


def scene_of(starts: Sequence[int], line: int) -> int:
    """1-based index of the scene a line is in (0: before the first scene heading)."""
    return bisect.bisect_right(starts, line)


def content_lines(doc: ScriptDocument) -> list[list[Any]]:
    """[line, scene, text] for every line of text that can carry scene content."""
    out: list[list[Any]] = []
    for e in doc.elements:
        if e.kind not in _CONTENT_KINDS:
            continue
        for n, text in enumerate(e.text.split("\n")):
            if text.strip():
                out.append([e.lines[min(n, len(e.lines) - 1)], e.scene, text])
    return out


def add_script_rows(
    s: Session,
    proposal_id: int,
    file_id: int,
    script: ReadScript,
    actor: str,
    now: datetime,
    markers_origin: str,
) -> ProposalScriptRow:
    doc = script.document
    row = ProposalScriptRow(
        proposal_id=proposal_id,
        file_id=file_id,
        format=doc.format.value,
        title=(doc.title or "")[:400],
        scene_count=len(doc.scenes),
        pages=doc.pages,
        characters=[
            {"name": c.name, "dialogue_blocks": c.dialogue_blocks, "first_line": c.first_line}
            for c in doc.characters
        ],
        scenes=[
            {"number": sc.number, "heading": sc.heading, "line": sc.line, "page": sc.page}
            for sc in doc.scenes
        ],
        lines_text=json.dumps(list(doc.lines), ensure_ascii=False),
        content_text=json.dumps(content_lines(doc), ensure_ascii=False),
        warnings=[stored_warning(w) for w in doc.warnings],
        markers_origin=markers_origin[:400],
        active=True,
        added_at=now,
        added_by=actor,
    )
    s.add(row)
    s.flush()
    starts = [sc.line for sc in doc.scenes]
    if script.uses:
        s.execute(
            insert(ScriptAiUseRow),
            [
                {
                    "script_id": row.id,
                    "line": u.line,
                    "column": u.column,
                    "page": u.page,
                    "scene": scene_of(starts, u.line),
                    "character": u.character,
                    "kind": u.kind.value,
                    "source": u.source.value,
                    "text": u.text,
                    "marker": u.marker,
                }
                for u in script.uses
            ],
        )
    return row


def ai_use_rows(s: Session, script_ids: Sequence[int]) -> list[ScriptAiUseRow]:
    if not script_ids:
        return []
    return list(
        s.scalars(
            select(ScriptAiUseRow)
            .where(ScriptAiUseRow.script_id.in_(list(script_ids)))
            .order_by(ScriptAiUseRow.script_id, ScriptAiUseRow.line, ScriptAiUseRow.id)
        )
    )


def ai_use_tuples(
    s: Session, script_ids: Sequence[int]
) -> list[tuple[int, int, str | None, str, str, str, int]]:
    """(script, line, character, kind, source, text, scene) of every AI use, without ORM
    objects (a feature script has hundreds; the check reads them every run)."""
    if not script_ids:
        return []
    u = ScriptAiUseRow
    q = (
        select(u.script_id, u.line, u.character, u.kind, u.source, u.text, u.scene)
        .where(u.script_id.in_(list(script_ids)))
        .order_by(u.script_id, u.line, u.id)
    )
    return [
        (int(a), int(b), c, str(d), str(e), str(f), int(g)) for a, b, c, d, e, f, g in s.execute(q)
    ]


def lines_of(row: ProposalScriptRow) -> tuple[str, ...]:
    return tuple(json.loads(row.lines_text or "[]"))


def content_of(row: ProposalScriptRow) -> list[tuple[int, int, str]]:
    return [(int(a), int(b), str(c)) for a, b, c in json.loads(row.content_text or "[]")]


__all__ = [
    "ReadScript",
    "add_script_rows",
    "ai_use_rows",
    "ai_use_tuples",
    "content_lines",
    "content_of",
    "lines_of",
    "read",
    "scene_of",
]


def stored_warning(warning: ReadWarning) -> object:
    """A reader warning as the proposal keeps it: its catalogue code and values with the line
    (`phrase`, JSON), so it reads in either language later; its English "line N: …" wherever a
    string is wanted (`row_values.script_warning`)."""
    message: object = (
        phrase(warning.message.code, **warning.message.params)
        if isinstance(warning.message, Text)
        else str(warning.message)
    )
    if warning.line is None:
        return message
    return phrase("proposals.script_warning_at_line", line=warning.line, warning=message)
