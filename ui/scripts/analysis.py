"""Reading a script and finding its AI use, as one piece of background work.

Everything slow happens here, on the worker thread: the marker list is loaded and checked,
the script is read, AI use is detected, and the text for the editor and the per-line hit
spans are prepared. The GUI thread then only hands ready-made values to its widgets, so the
window keeps responding even for a 5,000-scene script.

The readers have no cancel hook of their own: Cancel is honoured before reading, between PDF
pages (through the readers' progress callback) and after reading, so a cancelled import never
changes what the view shows.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

from models.gcpause import freeze_loaded_data
from models.scripts import (
    AiUse,
    MarkerSet,
    ScriptDocument,
    detect_ai_uses,
    load_markers,
    read_script,
)
from ui.tasks import TaskControl

FREEZE_FROM_ELEMENTS = 20_000  # a script this long (~3,000 scenes) is frozen once read

_FLAT = str.maketrans({"\n": " ", "\r": " ", "\u2028": " ", "\u2029": " ", "\v": " ", "\f": " "})


def flat_line(text: str) -> str:
    """A source line that cannot split into two text blocks (same length: columns still hold)."""
    return text.translate(_FLAT)


@dataclass(frozen=True)
class HitSpan:
    """Where one AI use sits in its displayed line (the whole line when the column is unknown)."""

    column: int
    length: int
    use: AiUse


@dataclass(frozen=True)
class ScriptAnalysis:
    """One opened script, read and checked with one marker list; immutable once built."""

    path: Path
    document: ScriptDocument
    uses: tuple[AiUse, ...]
    markers_file: str  # the person's marker list, or "" for the shipped one
    text: str  # the displayed text: one block per source line (FDX: per paragraph)
    spans: dict[int, tuple[HitSpan, ...]]  # 1-based line → AI uses on it
    scene_uses: dict[int, int]  # 1-based scene index → AI uses in it (0: before any scene)

    def uses_in_scene(self, scene: int) -> int:
        return self.scene_uses.get(scene, 0)


def load_marker_set(markers_file: str) -> MarkerSet:
    """The person's own marker list when one is chosen, else the shipped one."""
    return load_markers(markers_file) if markers_file else load_markers()


def analyse(
    path: Path,
    markers_file: str,
    control: TaskControl,
    detecting_label: str,
) -> ScriptAnalysis:
    """Work function for `run_task`: read `path`, find AI use, prepare what the view shows."""
    control.progress(0, 0)
    markers = load_marker_set(markers_file)
    control.check()

    def page_read(done: int, total: int) -> None:
        control.check()  # raises TaskCancelled between PDF pages
        control.progress(done, total)

    document = read_script(path, page_read)
    control.check()
    control.set_label(detecting_label)
    control.progress(0, 0)
    uses = detect_ai_uses(document, markers)
    control.check()
    analysis = build_analysis(path, document, uses, markers_file)
    if len(document.elements) >= FREEZE_FROM_ELEMENTS:
        # A long script is ~80,000 objects (elements, scenes, uses) that live as long as it
        # is open; the collector's first pass after this work would walk them all on some
        # thread, stalling the window, and every full pass again. They are taken out of its
        # sight here (the analysis holds no reference cycles: closing the script frees it).
        freeze_loaded_data()
    return analysis


def build_analysis(
    path: Path, document: ScriptDocument, uses: tuple[AiUse, ...], markers_file: str = ""
) -> ScriptAnalysis:
    lines = document.lines
    spans: dict[int, list[HitSpan]] = {}
    for use in uses:
        shown = lines[use.line - 1] if 0 < use.line <= len(lines) else ""
        if use.column is not None and use.column + len(use.text) <= len(shown):
            span = HitSpan(use.column, len(use.text), use)
        else:
            span = HitSpan(0, len(shown), use)  # found across a wrapped line: mark it all
        spans.setdefault(use.line, []).append(span)
    heading_lines = [s.line for s in document.scenes]
    scene_uses: dict[int, int] = {}
    for use in uses:
        scene = bisect.bisect_right(heading_lines, use.line)
        scene_uses[scene] = scene_uses.get(scene, 0) + 1
    return ScriptAnalysis(
        path=path,
        document=document,
        uses=uses,
        markers_file=markers_file,
        text="\n".join(flat_line(line) for line in lines),
        spans={line: tuple(found) for line, found in spans.items()},
        scene_uses=scene_uses,
    )
