"""Why a list entry names an artist, and why a person must confirm: in either language, from
the message catalogue (`leak.reason.*`)."""

from __future__ import annotations

from typing import Any

from models.leak.keys import SURE_BASES, Basis
from models.leak.matcher import LATIN_BASES, Candidate, MatchKind, MatchStatus
from models.messages import render


def reason_text(c: Candidate, status: MatchStatus, others: int = 0, language: str = "en") -> str:
    """Why the entry names this artist, and why a person must confirm ("en" or "zh")."""
    code, values = reason_code(c, status, others)
    return render(code, language, values)


def reason_code(c: Candidate, status: MatchStatus, others: int = 0) -> tuple[str, dict[str, Any]]:
    """The catalogue code and values of `reason_text`."""
    who = c.display_name
    if (
        status is MatchStatus.AMBIGUOUS
        and c.basis
        in SURE_BASES
        | {
            Basis.PINYIN,
            Basis.ROMANIZED,
            Basis.REORDERED,
        }
        and others
    ):
        return "leak.reason.equal_spelling", {"n": others + 1}
    if c.basis is Basis.NATIVE:
        return "leak.reason.native", {}
    if c.basis is Basis.TRADITIONAL:
        return "leak.reason.traditional", {}
    if c.basis is Basis.STAGE_NAME:
        return "leak.reason.stage_name", {}
    if c.basis is Basis.ALIAS:
        return "leak.reason.alias", {}
    if c.kind is MatchKind.HOMOPHONE:
        return "leak.reason.homophone", {"who": who}
    if c.kind is MatchKind.LOOKALIKE:
        return "leak.reason.lookalike", {"detail": c.detail, "who": who}
    if c.basis in LATIN_BASES and status is MatchStatus.AMBIGUOUS:
        return "leak.reason.latin_shared", {"who": who}
    if c.basis is Basis.PINYIN:
        return "leak.reason.pinyin", {"who": who}
    if c.basis is Basis.ROMANIZED:
        return "leak.reason.romanized", {"who": who}
    if c.basis is Basis.REORDERED:
        return "leak.reason.reordered", {"who": who}
    n = int(c.detail or "1")
    if n == 0:
        return "leak.reason.other_syllables", {"who": who}
    if n == 1:
        return "leak.reason.one_letter", {"who": who}
    return "leak.reason.letters", {"n": n, "who": who}


__all__ = ["reason_code", "reason_text"]
