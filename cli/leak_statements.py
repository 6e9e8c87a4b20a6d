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
from cli.leak import read_entries
from models.clock import utc_now
from models.errors import UserError
from models.leak import MatchStatus, NameMatch, NameMatcher
from models.leak.listings import ListingDraft, entries_from_matches
from models.statements.record import parse_languages
from reports.leak_statements import issue_leak_statements, summary_rows, write_summary
from reports.statements.service import StatementService

SHOWN = 8


def _names(matches: list[NameMatch]) -> str:
    shown = ", ".join(m.entry.original.strip() for m in matches[:SHOWN])
    return shown + (f" and {len(matches) - SHOWN} more" if len(matches) > SHOWN else "")


def _folder(text: str) -> Path:
    folder = Path(text)
    if folder.exists() and not folder.is_dir():
        raise UserError(
            f"--out must be a folder; {folder} is a file.", f"{folder} 是文件，不是文件夹。"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"Cannot create the folder {folder}: {e.strerror or e}.") from e
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
                f"--confirmed takes line numbers separated by commas (e.g. 3,7), not “{part}”.",
                f"--confirmed 应为以逗号分隔的行号（例如 3,7），而不是“{part}”。",
            )
        lines.add(int(part))
    known = {m.entry.line for m in matches}
    unknown = sorted(lines - known)
    if unknown:
        shown = ", ".join(str(n) for n in unknown)
        raise UserError(
            f"--confirmed names line {shown}, which holds no name of the list.",
            f"--confirmed 指定的第 {shown} 行没有名单中的名字。",
        )
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
        listed = "; ".join(f"line {m.entry.line} {m.text} ({m.reason})" for m in unconfirmed)
        lines = ",".join(str(m.entry.line) for m in unconfirmed)
        raise UserError(
            f"{len(unconfirmed)} {'entry needs' if len(unconfirmed) == 1 else 'entries need'} "
            f"a person to confirm: {listed}. Check them, then pass --confirmed {lines} "
            "(or match them in the Leak day view); no statement was issued.",
            f"{len(unconfirmed)} 个名字需要人工确认：{listed}。核对后加 --confirmed {lines}"
            "（或在“名单曝光应对”界面确认）；未发布任何声明。",
        )
    ambiguous = [
        m for m in matches if m.status is MatchStatus.AMBIGUOUS and m.entry.line in confirmed
    ]
    if ambiguous and not a.accept_best:
        raise UserError(
            f"{len(ambiguous)} confirmed "
            f"{'entry matches' if len(ambiguous) == 1 else 'entries match'} "
            "more than one artist or only weakly: "
            f"{_names(ambiguous)}; choose in the Leak day view or pass --accept-best to take "
            "each one's first candidate.",
            f"{len(ambiguous)} 个已确认的名字无法确定对应的艺人：{_names(ambiguous)}；"
            "请在“名单曝光应对”界面选择，或加 --accept-best。",
        )
    drafts = entries_from_matches(matches, accept_best=a.accept_best, confirmed_lines=confirmed)
    artist_ids = list(dict.fromkeys(d.artist_id for d in drafts if d.confirmed and d.artist_id))
    if not artist_ids:
        raise UserError(
            "No name of the list matched an artist on the roster; no statement was issued.",
            "名单中没有与名册艺人匹配的名字；未发布任何声明。",
        )
    folder = _folder(a.out)
    identities = ctx.desk.identities
    identities.show()  # a clear message when there is none, before asking for a passphrase
    service = StatementService(
        ctx.db, identities.unlock(read_passphrase("Passphrase of the signing identity: "))
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
                print(f"NOT ISSUED  {r.artist}: {r.reason}")
        if missing:
            print(f"Not on the roster (no statement): {_names(missing)}")
        print(f"Issued {len(result.exported)} statement(s) into {folder}; summary: {csv_path.name}")
    return 0 if not result.failed else 1


__all__ = ["issue_from_list"]
