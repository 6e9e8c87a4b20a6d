"""CJK line breaking that never splits a date, a name or a Latin word across two lines.

ReportLab's CJK wrapping breaks after any character, so "2026年12月7日" could end a line
after "7" and a romanised name could lose its last letters to the next line. Text that must
stay on one line is wrapped by `keep()` in two private-use marks; the breaker below treats
the run as one unit (it only breaks inside when the run alone is wider than the line) and
drops the marks, so they never reach the page. Latin words stay whole, a line never starts
with closing punctuation (，。、）…) nor ends with an opening one (（《“).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.platypus.paragraph import (
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    cjkU,
    makeCJKParaLine,
)

from reports.pdf.fonts import CANNOT_START_ZH

KEEP_START = "\ue000"
KEEP_END = "\ue001"
_MARKS = {ord(KEEP_START): None, ord(KEEP_END): None}
# ReportLab's lists miss the full-width comma, colon and friends that Chinese text uses.
CANNOT_START = ALL_CANNOT_START + CANNOT_START_ZH + "〉．"
CANNOT_END = ALL_CANNOT_END + "“‘《〈（"
_FUZZ = 1e-6


def keep(text: str) -> str:
    """Mark `text` to be kept on one line (when it fits on one)."""
    return f"{KEEP_START}{text}{KEEP_END}" if text else text


def unmarked(text: str) -> str:
    """The text without keep marks (for canvas strings, metadata and Latin-only paragraphs)."""
    return text.translate(_MARKS)


def latin_kept(markup: str) -> str:
    """For Latin word wrapping: spaces inside kept runs become no-break spaces."""
    out: list[str] = []
    depth = 0
    for ch in markup:
        if ch == KEEP_START:
            depth += 1
        elif ch == KEEP_END:
            depth = max(0, depth - 1)
        elif ch == " " and depth:
            out.append("\xa0")
        else:
            out.append(ch)
    return "".join(out)


def _is_latin(ch: str) -> bool:
    return bool(ch) and ord(ch) < 0x2E80 and not ch.isspace()


def _units(frags: list[Any]) -> tuple[list[Any], list[int]]:
    """Every character with its frag, and the id of the kept run it is in (0: none)."""
    chars: list[Any] = []
    runs: list[int] = []
    depth = 0
    run = 0
    next_run = 1
    for f in frags:
        text = getattr(f, "text", "")
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if not text:
            chars.append(cjkU(text, f, "utf8"))
            runs.append(0)
            continue
        for ch in text:
            if ch == KEEP_START:
                if depth == 0:
                    run = next_run
                    next_run += 1
                depth += 1
                continue
            if ch == KEEP_END:
                depth = max(0, depth - 1)
                if depth == 0:
                    run = 0
                continue
            chars.append(cjkU(ch, f, "utf8"))
            runs.append(run if depth else 0)
    return chars, runs


def _breakable(chars: list[Any], runs: list[int], i: int, inside_runs: bool = False) -> bool:
    """May a line end before chars[i]? (`inside_runs`: ignore kept runs, the fallback when
    one run alone is wider than the line.)"""
    before, here = chars[i - 1], chars[i]
    if not inside_runs and runs[i] and runs[i] == runs[i - 1]:
        return False
    if str(before).isspace():
        return True
    if str(here).isspace():
        return False
    if here and here in CANNOT_START:
        return False
    if before and before in CANNOT_END:
        return False
    return not (_is_latin(before) and _is_latin(here))


def kept_split(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> Any:
    chars, runs = _units(frags)
    lines: list[Any] = []
    n = len(chars)
    start = 0
    max_width = max_widths[0]

    def width_of(a: int, b: int) -> float:
        return float(sum(chars[k].width for k in range(a, b)))

    def emit(end: int, line_break: bool) -> None:
        nonlocal max_width
        # trailing spaces do not count towards the line
        stop = end
        while stop > start and str(chars[stop - 1]).isspace() and not line_break:
            stop -= 1
        used = width_of(start, stop)
        lines.append(
            makeCJKParaLine(
                chars[start:stop], max_width, used, max_width - used, line_break, calc_bounds
            )
        )
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]

    i = 0
    used = 0.0
    last_break = last_soft = -1
    while i < n:
        u = chars[i]
        if hasattr(u.frag, "lineBreak"):
            emit(i + 1, True)
            start = i + 1
            i += 1
            used = 0.0
            last_break = last_soft = -1
            continue
        if i == start and str(u).isspace():  # no leading spaces on a wrapped line
            start += 1
            i += 1
            continue
        if i > start and _breakable(chars, runs, i):
            last_break = i
        if i > start and _breakable(chars, runs, i, inside_runs=True):
            last_soft = i
        used += u.width
        if used > max_width + _FUZZ and i > start:
            if last_break > start:
                cut = last_break
            elif last_soft > start:
                cut = last_soft  # a run wider than the line: break it where text may break
            else:
                cut = i
            # a forced break never starts a line with closing punctuation: it hangs instead
            while cut < n and str(chars[cut]) and str(chars[cut]) in CANNOT_START:
                cut += 1
            emit(cut, False)
            start = cut
            i = cut
            used = 0.0
            last_break = last_soft = -1
            continue
        i += 1
    if start < n:
        emit(n, False)
    return ParaLines(kind=1, lines=lines)


class KeptParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph whose CJK wrapping honours `keep()` runs and whole Latin words."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        frags = self.frags
        if not frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return kept_split(frags, list(maxWidths), auto not in ("", "off"))


__all__ = ["KEEP_END", "KEEP_START", "KeptParagraph", "keep", "latin_kept", "unmarked"]
