"""`consent-desk leak statements FILE --out DIR`: a statement for every artist a list names.

Statements are issued only for entries matched for sure (native name, stage name, recorded
alias) and for the entries a person confirmed by line number (`--confirmed 3,7`): a match on
Latin letters, a near spelling or an ambiguous entry is refused, with one line listing them
(`--accept-best` also takes the best candidate of each ambiguous entry the person confirmed).
Names not on the roster are reported and skipped. With `--platform` the list is saved as a
listing, and each statement names the platforms where that artist is listed (a listing implies
no consent).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from cli.app import Context, print_json
from cli.identity import read_passphrase
from cli.language import language, say
from cli.leak import read_entries
from models.clock import utc_now
from models.errors import UserError
from models.leak import MatchStatus, NameMatch, NameMatcher
from models.leak.listings import ListingDraft, entries_from_matches
from models.messages import phrase
from models.statements.record import parse_languages
from reports.leak_statements import issue_leak_statements, summary_rows, write_summary
from reports.statements.service import StatementService

SHOWN = 8


def _names(matches: list[NameMatch]) -> str:
    shown = say("cli.leak.separator").join(m.entry.original.strip() for m in matches[:SHOWN])
    more = len(matches) - SHOWN
    return shown + (say("cli.leak_statements.and_more", n=more) if more > 0 else "")


def _folder(text: str) -> Path:
    folder = Path(text)
    if folder.exists() and not folder.is_dir():
        raise UserError("error.cli.leak_statements.out_must_folder_folder_file", folder=folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(
            "error.cli.leak_statements.cannot_create_folder_folder_value",
            folder=folder,
            value=e.strerror or e,
        ) from e
    return folder


def _confirmed_lines(text: str | None, matches: list[NameMatch]) -> set[int]:
    """The line numbers given with --confirmed; each must be a line of the list."""
    if not text:
        return set()
    lines: set[int] = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        if not part.isdigit():
            raise UserError(
                "error.cli.leak_statements.confirmed_takes_line_numbers_separated", part=part
            )
        lines.add(int(part))
    known = {m.entry.line for m in matches}
    unknown = sorted(lines - known)
    if unknown:
        shown = ", ".join(str(n) for n in unknown)
        raise UserError("error.cli.leak_statements.confirmed_names_line_shown_which", shown=shown)
    return lines


def issue_from_list(ctx: Context) -> int:
    a = ctx.args
    languages = parse_languages(a.lang)
    entries = read_entries(a.file)
    matches = NameMatcher.from_database(ctx.db).match_entries(entries)
    confirmed = _confirmed_lines(a.confirmed, matches)
    unconfirmed = [
        m
        for m in matches
        if m.status is not MatchStatus.NOT_FOUND and m.confirm and m.entry.line not in confirmed
    ]
    if unconfirmed:
        listed = [
            phrase(
                "cli.leak_statements.unconfirmed",
                line=m.entry.line,
                text=m.text,
                reason=m.reason_in(language()),
            )
            for m in unconfirmed
        ]
        lines = ",".join(str(m.entry.line) for m in unconfirmed)
        raise UserError(
            "error.cli.leak_statements.n_value_person_confirm_listed",
            n=len(unconfirmed),
            value=("entry needs" if len(unconfirmed) == 1 else "entries need", ""),
            listed=listed,
            lines=lines,
        )
    ambiguous = [
        m for m in matches if m.status is MatchStatus.AMBIGUOUS and m.entry.line in confirmed
    ]
    if ambiguous and not a.accept_best:
        raise UserError(
            "error.cli.leak_statements.n_confirmed_value_more_than",
            n=len(ambiguous),
            value=("entry matches" if len(ambiguous) == 1 else "entries match", ""),
            names=_names(ambiguous),
        )
    drafts = entries_from_matches(matches, accept_best=a.accept_best, confirmed_lines=confirmed)
    artist_ids = list(dict.fromkeys(d.artist_id for d in drafts if d.confirmed and d.artist_id))
    if not artist_ids:
        raise UserError("error.cli.leak_statements.no_name_list_matched_artist")
    folder = _folder(a.out)
    identities = ctx.desk.identities
    identities.show()  # a clear message when there is none, before asking for a passphrase
    service = StatementService(
        ctx.db, identities.unlock(read_passphrase(say("cli.passphrase_prompt")))
    )
    listings = ctx.desk.leak
    if a.platform:
        source = a.source if a.source is not None else f"list file {Path(a.file).name}"
        listings.save(ListingDraft(a.platform, source, date.today(), drafts))
    now = utc_now()
    platforms = listings.platforms_for(artist_ids, now)
    tty = sys.stderr.isatty()

    def progress(done: int, total: int, label: str) -> None:
        sys.stderr.write(f"\r{done}/{total} {label[:40]:<40}")
        sys.stderr.flush()

    result = issue_leak_statements(
        service, artist_ids, folder, languages, platforms, progress=progress if tty else None
    )
    if tty:
        sys.stderr.write("\n")
    rows = summary_rows(service, result, platforms)
    csv_path, pdf_path = write_summary(folder, rows, a.platform or "", now.astimezone())
    missing = [m for m in matches if m.status is MatchStatus.NOT_FOUND]
    if a.json:
        print_json(
            {
                "issued": [
                    {
                        "artist_id": r.artist_id,
                        "artist": r.artist,
                        "platforms": list(r.platforms),
                        "statement_id": r.statement_id,
                        "file": str(folder / r.file),
                        "sha256": r.sha256,
                    }
                    for r in rows
                    if r.outcome == "issued"
                ],
                "failed": [
                    {"artist_id": r.artist_id, "reason": r.reason}
                    for r in rows
                    if r.outcome == "failed"
                ],
                "not_on_roster": [m.entry.original for m in missing],
                "summary_csv": str(csv_path),
                "summary_pdf": str(pdf_path) if pdf_path else None,
            }
        )
    else:
        for r in rows:
            if r.outcome == "issued":
                print(f"{r.statement_id}  {r.artist}  {r.file}")
            else:
                print(say("cli.leak_statements.not_issued", artist=r.artist, reason=r.reason))
        if missing:
            print(say("cli.leak_statements.not_on_roster", names=_names(missing)))
        print(
            say(
                "cli.leak_statements.issued",
                n=len(result.exported),
                folder=folder,
                summary=csv_path.name,
            )
        )
    return 0 if not result.failed else 1


__all__ = ["issue_from_list"]
