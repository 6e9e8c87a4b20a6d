"""Splitting a pasted list of names into entries, with the noise around each name removed.

Lists arrive from news stories, platform pages and spreadsheets: one name a line or separated
by commas, 顿号 or semicolons, numbered ("1.", "①", "(3)"), bulleted, with roles in brackets
("林晓（主演）", "Lin Xiao (actor)") or a label ("主演：林晓"). Each entry keeps the text as it
appeared so the manager can see what was matched, and the list order is preserved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.names import HAN

SEPARATORS = frozenset(",，、;；\t")
_OPEN = "([【〔《〈<{（［｛"
_CLOSE = ")]】〕》〉>}）］｝"
_PAIRS = dict(zip(_OPEN, _CLOSE, strict=True))
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_NUMBERING = re.compile(
    r"""^(?:
        \d{1,4}\s*[.)．、:：\]）]         # 1.  1)  1、 1:
      | [#＃№]\s*\d{1,4}\.?               # #3
      | no\.?\s*\d{1,4}\b\.?              # No. 3
      | \d{1,4}\s+(?=\D)                  # 1 Lin Xiao
      | [①-⑳㉑-㉟㊱-㊿⑴-⒇⒈-⒛❶-❿➀-➓⓵-⓾]  # circled and parenthesised numbers
      | [-–—*•·●○◦▪■□◆◇►▶➤✓✔→・>]       # bullets
    )\s*""",
    re.IGNORECASE | re.VERBOSE,
)
_QUOTES = str.maketrans("", "", '"“”„「」『』«»')
_TRAILING = "。．!！?？:：,，;；-–—*"
# Chinese numbering ("一、") and a trailing "etc." split off as their own entries.
_NOT_A_NAME = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}|etc\.?|et al\.?|and others|等等?|等人)$", re.IGNORECASE
)
_ETC = re.compile(r"(?:\s*(?:等等|等人|等)|,?\s+(?:etc\.?|et al\.?|and others))$", re.IGNORECASE)
_DASH_NOTE = re.compile(r"\s+[-–—]{1,2}\s+.*$")


@dataclass(frozen=True)
class ListEntry:
    """One name of a list: the cleaned `text` that is matched, the `original` piece as it was
    written, its `position` in the list (0-based) and the `line` it came from (1-based)."""

    text: str
    original: str
    position: int
    line: int


def split_list(text: str) -> list[ListEntry]:
    """Split a pasted list into name entries, in order, without the numbering and notes."""
    raw: list[tuple[str, int, bool]] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        pieces = [p.strip() for p in _split_line(line)]
        pieces = [p for p in pieces if p]
        for i, piece in enumerate(pieces):
            raw.append((piece, line_no, len(pieces) > 1 and i == len(pieces) - 1))
    entries: list[ListEntry] = []
    for piece, line_no, last_of_several in raw:
        name = clean_entry(piece, last_of_several)
        if name:
            entries.append(ListEntry(name, piece, len(entries), line_no))
    return entries


def _split_line(line: str, brackets: bool = True) -> list[str]:
    """Split at separators outside brackets: "林晓（演员，歌手）" stays one entry.

    A bracket left open would otherwise swallow the rest of the line ("林晓（演员、陈静怡、
    王子轩"), so such a line is split again as if it had no brackets.
    """
    pieces: list[str] = []
    stack: list[str] = []
    start = 0
    i = 0
    while i < len(line):
        c = line[i]
        if brackets and c in _PAIRS:
            stack.append(_PAIRS[c])
        elif stack and c == stack[-1]:
            stack.pop()
        elif not stack:
            if c in SEPARATORS:
                pieces.append(line[start:i])
                start = i + 1
            elif c.isspace():
                m = _AND.match(line, i)
                if m:
                    pieces.append(line[start:i])
                    start = i = m.end()
                    continue
        i += 1
    pieces.append(line[start:])
    if stack:
        return _split_line(line, brackets=False)
    return pieces


def clean_entry(piece: str, strip_etc: bool = True) -> str:
    """The name inside one list entry, or "" when the entry holds no name (a number, a label)."""
    text = " ".join(piece.split())
    labelled = _strip_label(_strip_numbering(text))
    if labelled is None:
        return ""
    text = _strip_brackets(labelled)
    text = _DASH_NOTE.sub("", text) or text  # "Lin Xiao - actor", "林晓 —— 主演"
    text = text.translate(_QUOTES)
    text = text.strip(" '‘’").strip()
    text = _strip_numbering(text)
    if strip_etc:
        stripped = _ETC.sub("", text)
        if stripped != text and (len(HAN.findall(stripped)) >= 2 or not HAN.search(stripped)):
            text = stripped
    text = text.rstrip(_TRAILING).strip()
    text = " ".join(text.split())
    if not any(c.isalpha() for c in text) or _NOT_A_NAME.match(text):
        return ""
    return text


def _strip_numbering(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _NUMBERING.sub("", text, count=1).strip()
    return text


def _strip_label(text: str) -> str | None:
    """'主演：林晓' → '林晓'; a bare label ('名单：') is not an entry (None)."""
    depth = 0
    cut = -1
    for i, c in enumerate(text):
        if c in _PAIRS:
            depth += 1
        elif c in _CLOSE and depth:
            depth -= 1
        elif c in ":：" and depth == 0:
            cut = i
    if cut < 0:
        return text
    after = text[cut + 1 :].strip()
    return after or None


def _strip_brackets(text: str) -> str:
    """Drop bracketed notes; an entry that is only brackets keeps what the first one holds
    ("(林晓)（演员）" → 林晓)."""
    out: list[str] = []
    groups: list[list[str]] = []
    stack: list[str] = []
    for c in text:
        if c in _PAIRS:
            if not stack:
                groups.append([])
            stack.append(_PAIRS[c])
            continue
        if stack and c == stack[-1]:
            stack.pop()
            continue
        if c in _CLOSE:
            continue  # a stray closing bracket
        (groups[-1] if stack else out).append(c)
    kept = "".join(out).strip()
    if kept or not groups:
        return kept
    return next((g for g in ("".join(c).strip() for c in groups) if g), "")
