"""`consent-desk leak match FILE`: match a published list of names to the roster."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from cli.app import Context, print_json
from cli.language import language, say
from models.errors import UserError
from models.leak import (
    Candidate,
    ListEntry,
    MatchStatus,
    NameMatch,
    NameMatcher,
    read_list_bytes,
    read_list_file,
)


def read_entries(source: str) -> list[ListEntry]:
    """The entries of FILE, or of standard input for "-"."""
    if source == "-":
        entries = read_list_bytes(sys.stdin.buffer.read(), "standard input")
        if not entries:
            raise UserError("error.cli.leak.standard_input_contains_no_names")
        return entries
    return read_list_file(Path(source))


def candidate_json(c: Candidate) -> dict[str, Any]:
    return {
        "artist_id": c.artist_id,
        "native_name": c.native_name,
        "romanized_name": c.romanized_name,
        "score": c.score,
        "kind": c.kind.value,
        "basis": c.basis.value,
        "archived": c.archived,
    }


def match_json(m: NameMatch) -> dict[str, Any]:
    return {
        "text": m.text,
        "original": m.entry.original,
        "line": m.entry.line,
        "status": m.status.value,
        "artist_id": m.artist_id,
        "native_name": m.native_name,
        "score": m.score,
        "archived": m.archived,
        "basis": m.basis.value if m.basis else None,
        "confirm": m.confirm,
        "reason": m.reason,
        "candidates": [candidate_json(c) for c in m.candidates],
    }


def _who(c: Candidate) -> str:
    flag = say("cli.leak.archived") if c.archived else ""
    return f"{c.display_name} [#{c.artist_id}{flag}]"


def _line(n: int, m: NameMatch) -> str:
    if m.status is MatchStatus.MATCHED:
        outcome = _who(m.candidates[0])
        others = [c for c in m.candidates[1:]]
        if others:
            also = say("cli.leak.separator").join(f"{_who(c)} {c.score}" for c in others)
            outcome += say("cli.leak.also", candidates=also)
    elif m.status is MatchStatus.AMBIGUOUS:
        outcome = "? " + " | ".join(f"{_who(c)} {c.score}" for c in m.candidates)
    else:
        outcome = say("cli.leak.not_on_roster")
    if m.confirm:
        outcome += say("cli.leak.confirm", reason=m.reason_in(language()))
    status = say(f"cli.leak.status.{m.status.value}")
    return f"{n:>4}  {status:<10} {m.score:>5}  {m.entry.original} → {outcome}\n"


def match_lines(results: list[NameMatch], roster_size: int) -> list[str]:
    """What `leak match` prints (header, one line per entry, summary), in the command line's
    language: the one place for this wording."""
    lines = [say("cli.leak.header")]
    lines += [_line(n, m).rstrip("\n") for n, m in enumerate(results, start=1)]
    counts = {s: sum(1 for m in results if m.status is s) for s in MatchStatus}
    to_confirm = sum(1 for m in results if m.status is MatchStatus.MATCHED and m.confirm)
    lines.append(
        say(
            "cli.leak.summary",
            n=len(results),
            matched=counts[MatchStatus.MATCHED],
            to_confirm=to_confirm,
            ambiguous=counts[MatchStatus.AMBIGUOUS],
            not_found=counts[MatchStatus.NOT_FOUND],
            roster=roster_size,
        )
    )
    return lines


def _match(ctx: Context) -> int:
    entries = read_entries(ctx.args.file)
    matcher = NameMatcher.from_database(ctx.db)
    results = matcher.match_entries(entries)
    if ctx.args.json:
        print_json({"entries": [match_json(m) for m in results]})
        return 0
    sys.stdout.write("".join(line + "\n" for line in match_lines(results, len(matcher))))
    return 0


def _aliases(ctx: Context) -> int:
    """Show, set or clear an artist's known Latin spellings (exact on leak day)."""

    a = ctx.args
    service = ctx.desk.aliases
    if a.clear or a.spelling:
        saved = service.set(a.artist_id, [] if a.clear else a.spelling)
    else:
        saved = service.get(a.artist_id)
    if a.json:
        print_json({"artist_id": a.artist_id, "aliases": list(saved)})
    elif saved:
        print("\n".join(saved))
    return 0
