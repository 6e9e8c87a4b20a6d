"""`consent-desk script analyze PATH`: scenes, characters and AI use in one script.

Needs no database: a confidential script is read, reported on and forgotten. A file that
cannot be read (damaged, hostile, unsupported) is one line on stderr and exit code 2, through
the `UserError` contract of cli/app.py.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

from cli.app import Context
from cli.language import say
from models.gcpause import paused_gc
from models.scripts import (
    AiUse,
    ScriptDocument,
    detect_ai_uses,
    load_markers,
    read_script,
)

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any, TextIO


def analysis_json(doc: ScriptDocument, uses: tuple[AiUse, ...]) -> dict[str, Any]:
    """The documented JSON shape of `script analyze --json` (lines are 1-based)."""
    return {key: list(value) if key in _LISTS else value for key, value in _fields(doc, uses)}


_LISTS = frozenset({"scenes", "characters", "ai_uses", "warnings"})


def _fields(doc: ScriptDocument, uses: tuple[AiUse, ...]) -> Iterator[tuple[str, Any]]:
    """Each top-level field of the JSON, its lists as generators (made as they are written)."""
    yield "format", doc.format.value
    yield "title", doc.title
    yield "pages", doc.pages
    yield "scenes", ({"number": s.number, "heading": s.heading, "line": s.line} for s in doc.scenes)
    yield (
        "characters",
        ({"name": c.name, "dialogue_blocks": c.dialogue_blocks} for c in doc.characters),
    )
    yield "dialogue_blocks", doc.dialogue_blocks
    yield (
        "ai_uses",
        (
            {
                "line": u.line,
                "character": u.character,
                "kind": u.kind.value,
                "source": u.source.value,
                "text": u.text,
            }
            for u in uses
        ),
    )
    # A warning's message is a catalogue `Text`: JSON writes its English sentence, whatever the
    # language (the summary below says it in the command line's language).
    yield "warnings", ({"line": w.line, "message": w.message} for w in doc.warnings)


def write_analysis_json(doc: ScriptDocument, uses: tuple[AiUse, ...], out: TextIO) -> None:
    """`analysis_json` written item by item, exactly as `json.dumps(…, indent=2)` lays it out:
    a long script's scene list is never built whole in memory."""

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, indent=2, default=str)

    out.write("{")
    for n, (key, value) in enumerate(_fields(doc, uses)):
        out.write(("," if n else "") + "\n  " + dumps(key) + ": ")
        if key not in _LISTS:
            out.write(dumps(value))
            continue
        first = True
        for item in value:
            out.write(("[" if first else ",") + "\n    " + dumps(item).replace("\n", "\n    "))
            first = False
        out.write("[]" if first else "\n  ]")
    out.write("\n}\n")


def _summary(doc: ScriptDocument, uses: tuple[AiUse, ...]) -> str:
    out: list[str] = []
    if doc.pages_estimated:
        pages = say("cli.script.pages_estimated", n=doc.pages)
    else:
        pages = say("cli.script.pages", n=doc.pages)
    out.append(f"{doc.title or doc.source_name} — {doc.format.value}, {pages}")
    out.append(
        say(
            "cli.script.counts",
            scenes=len(doc.scenes),
            blocks=doc.dialogue_blocks,
            characters=len(doc.characters),
        )
    )
    if doc.characters:
        shown = ", ".join(f"{c.name} {c.dialogue_blocks}" for c in doc.characters[:12])
        extra = len(doc.characters) - 12
        more = say("cli.script.more", n=extra) if extra > 0 else ""
        out.append(say("cli.script.characters", shown=shown, more=more))
    paragraphs = doc.format.value in ("fdx", "docx")
    if uses:
        out.append(say("cli.script.uses", n=len(uses)))
        for u in uses:
            who = u.character or say("cli.script.no_character")
            page = say("cli.script.page", n=u.page) if u.page is not None else ""
            at = say("cli.script.paragraph" if paragraphs else "cli.script.line", n=u.line)
            where = say("cli.script.in", source=u.source.value)
            out.append(f'  {at}{page}: {who} — {u.kind.value}, {where}: "{u.text}"')
    else:
        out.append(say("cli.script.no_uses"))
    for w in doc.warnings:
        if w.line is not None:
            at = say("cli.script.paragraph" if paragraphs else "cli.script.line", n=w.line)
            where = say("cli.script.where", at=at)
        else:
            where = ""
        out.append(say("cli.script.warning", where=where, message=w.message))
    return "\n".join(out) + "\n"


def _analyze(ctx: Context) -> int:
    # One bulk job from reading to printing (models/gcpause.py): the document is thousands of
    # new objects without cycles, which the collector would otherwise walk again and again.
    with paused_gc():
        markers = load_markers(ctx.args.markers) if ctx.args.markers else load_markers()
        doc = read_script(ctx.args.path)
        uses = detect_ai_uses(doc, markers)
        if ctx.args.json:
            write_analysis_json(doc, uses, sys.stdout)
        else:
            sys.stdout.write(_summary(doc, uses))
    return 0
