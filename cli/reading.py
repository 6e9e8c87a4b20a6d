"""What the everyday reading commands print (`roster search`, `consent list`, `audit verify`).

Shared by their ordinary handlers (cli/roster.py, cli/consent.py, cli/audit.py) and their
quick path on SQLite (cli/quick.py), so both print the same bytes: only light imports here.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.app import print_json
from cli.language import language, pick, say
from models.clock import iso, utc_now
from models.errors import UserError

if TYPE_CHECKING:
    from models.audit.anchors import Anchor
    from models.audit.chain import ChainReport
    from models.consent.words import ConsentState
    from models.dates import MomentRule
    from models.roster.artist import Artist


def artist_json(a: Artist) -> dict[str, Any]:
    return {
        "id": a.id,
        "native_name": a.native_name,
        "romanized_name": a.romanized_name,
        "stage_names": list(a.stage_names),
        "date_of_birth": a.date_of_birth.isoformat() if a.date_of_birth else None,
        "jurisdiction": a.jurisdiction,
        "ai_stance": a.ai_stance.value,
        "minor": a.is_minor(),
        "deceased": a.is_deceased,
        "archived": a.archived,
    }


def print_artists(found: list[Artist], as_json: bool) -> int:
    """`roster search`: one line per artist and a count, or a JSON list."""
    if as_json:
        print_json([artist_json(a) for a in found])
    else:
        for a in found:
            sys.stdout.write(f"{a.id:>6}  {a.display_name}  [{a.ai_stance.value}]\n")
        sys.stdout.write(say("cli.roster.count", n=len(found)) + "\n")
    return 0


def read_moment(text: str, rule: MomentRule, what: str) -> datetime:
    """A typed moment under `rule` (models/dates), with the offset it was read with; a
    UserError naming `what` (`--as-of`) when it is not one, so every command says it alike."""
    from models.dates import MomentFormatError, parse_moment

    try:
        return parse_moment(text, rule)
    except MomentFormatError as e:
        raise e.user_error(what) from None


def parse_when(text: str, rule: MomentRule, what: str) -> datetime:
    """A typed moment under `rule` (models/dates), in UTC; one clear line when it is not."""
    return read_moment(text, rule, what).astimezone(UTC)


def consent_list_time(as_of: str | None, jurisdiction: str) -> datetime:
    """`consent list --as-of`: the end of that day in the artist's time zone, or now."""
    from models.dates import consent_as_of

    return parse_when(as_of, consent_as_of(jurisdiction), "--as-of") if as_of else utc_now()


def print_consents(artist: Artist, when: datetime, state: ConsentState, as_json: bool) -> int:
    """`consent list`: what the artist had authorised at `when`, per modality and project."""
    from models.consent.grid import grants_summary, matrix_from_state
    from models.consent.words import STANCE_IS_NOT_CONSENT, Modality
    from models.localize import format_date, format_datetime

    grid = matrix_from_state(state)
    if as_json:
        print_json(
            {
                "artist_id": artist.id,
                "artist": artist.display_name,
                "as_of": iso(when),
                "zone": state.zone,
                "stance": state.stance.value,
                "stance_conditions": state.stance_conditions,
                "stance_note": STANCE_IS_NOT_CONSENT[0],
                "modalities": grants_summary(state),
                "not_authorised": [m.value for m in state.not_authorised_modalities()],
                "projects": [
                    {
                        "counterparty_id": col.counterparty_id,
                        "counterparty": col.counterparty_name,
                        "project_id": col.project_id,
                        "project": col.project_title or None,
                        "cells": {
                            m.value: (
                                {
                                    "status": c.status.value,
                                    "in_force": c.in_force,
                                    "record_id": c.record_id,
                                    "via_any_project": c.via_any_project,
                                }
                                if (c := grid.cell(m, i)).status is not None
                                else None
                            )
                            for m in Modality
                        },
                    }
                    for i, col in enumerate(grid.columns)
                ],
                "records": [
                    {
                        "id": r.record_id,
                        "version": r.version,
                        "status": r.status.value,
                        "in_force": r.in_force,
                        "modalities": [m.value for m in r.modalities],
                        "counterparty": r.counterparty_name,
                        "project": r.project_title or None,
                        "term_start": r.term_start.isoformat() if r.term_start else None,
                        "term_end": r.term_end.isoformat() if r.term_end else None,
                        "revoked_at": iso(r.revoked_at) if r.revoked_at else None,
                        "revocation_reason": r.revocation_reason or None,
                    }
                    for r in state.records
                ],
            }
        )
        return 0
    out = sys.stdout
    lang = language()
    shown_at = format_datetime(when.astimezone(), lang)  # the desk's time zone, shown
    out.write(say("cli.consent.as_of", artist=artist.display_name, when=shown_at) + "\n")
    out.write(say("cli.consent.stance", stance=pick(state.stance.value, state.stance.label_zh)))
    if state.stance_conditions:
        out.write(pick(f" ({state.stance_conditions})", f"（{state.stance_conditions}）"))
    out.write(f"  [{pick(*STANCE_IS_NOT_CONSENT)}]\n\n")
    width = max(len(m.value) for m in Modality)
    for m in Modality:
        grants = state.grants_for(m)
        name = pick(m.value, m.label_zh)
        if not grants:
            out.write(f"  {name:<{width}}  {say('cli.consent.not_authorised')}\n")
            continue
        scopes = pick("; ", "；").join(
            say(
                "cli.consent.grant",
                id=g.record_id,
                counterparty=g.counterparty_name,
                project=g.project_title or say("cli.consent.any_project"),
                end=format_date(g.term_end, lang, open_ended="long"),
            )
            for g in grants
        )
        out.write(f"  {name:<{width}}  {say('cli.consent.authorised', scopes=scopes)}\n")
    if grid.columns:
        out.write("\n" + say("cli.consent.by_project") + "\n")
        for i, col in enumerate(grid.columns):
            cells = []
            for m in Modality:
                c = grid.cell(m, i)
                if c.status is None:
                    continue
                early = c.status.value == "given" and not c.in_force
                later = say("cli.consent.not_yet_in_term") if early else ""
                cells.append(f"{m.value}={c.status.value}{later}")
            out.write(f"  {col.label}: {', '.join(cells)}\n")
    summary = say("cli.consent.summary", records=len(state.records), grants=len(state.grants))
    out.write(f"\n{summary}\n")
    return 0


def audit_anchors(args: Any, files_dir: Path, sqlite: Path | None) -> list[Anchor]:
    """The checkpoints `audit verify` finds outside the database: the stored statements, the
    backups (`--backups` or the rolling-backup folder) and each `--register` folder."""
    from models.audit.anchors import backup_anchors, register_anchors, store_anchors_in
    from models.storage.places import default_backup_folder

    found = store_anchors_in(files_dir)
    backups = Path(args.backups) if args.backups else default_backup_folder()
    found.extend(backup_anchors(backups, sqlite.name if sqlite is not None else None))
    for folder in args.register or ():
        path = Path(folder)
        if not (path / "register.json").is_file():
            raise UserError("error.cli.audit.path_holds_no_register_json", path=path)
        found.extend(register_anchors(path))
    return found


def print_audit(report: ChainReport, as_json: bool) -> int:
    """`audit verify`: 0 when the log, its rows and checkpoints agree, else 1 naming why."""
    if as_json:
        print_json(
            {
                "intact": report.intact,
                "events": report.count,
                "head": report.head,
                "first_broken": report.first_broken,
                "reason": report.reason,
                "problems": list(report.problems),
                "checkpoints": report.checkpoints,
                "checkpoints_unchecked": report.unchecked,
            }
        )
        return 0 if report.intact else 1
    for line in verify_lines(report):
        print(line)
    return 0 if report.intact else 1


def verify_lines(report: ChainReport) -> list[str]:
    """What `audit verify` prints for a report, in the command line's language."""
    if report.intact:
        lines = [say("cli.audit.intact", n=report.count, checkpoints=report.checkpoints)]
    else:
        if report.first_broken is not None:
            lines = [say("cli.audit.broken_at", event=report.first_broken, reason=report.reason)]
        else:
            lines = [say("cli.audit.broken", reason=report.reason)]
        skip = 1 if report.first_broken is None else 0
        from models.messages import in_language

        lang = language()
        lines += [f"  - {in_language(p, lang)}" for p in report.problems[skip:][:20]]
        if len(report.problems) > 21:
            lines.append(say("cli.audit.more", n=len(report.problems) - 21))
    if report.unchecked:
        lines.append(say("cli.audit.unchecked", n=report.unchecked))
    return lines
