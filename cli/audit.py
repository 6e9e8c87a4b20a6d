"""`consent-desk audit verify` and `consent-desk audit checkpoint`."""

from __future__ import annotations

from pathlib import Path

from cli.app import Context, print_json
from cli.language import say
from models.audit.anchors import Anchor, backup_anchors, register_anchors, store_anchors
from models.audit.chain import ChainReport
from models.audit.checkpoint import make_checkpoint
from models.audit.service import AuditService
from models.errors import UserError


def _anchors(ctx: Context) -> list[Anchor]:
    from models.safety.backup import default_backup_folder

    found = store_anchors(ctx.db)
    backups = Path(ctx.args.backups) if ctx.args.backups else default_backup_folder()
    sqlite = ctx.db.location.sqlite_path
    found.extend(backup_anchors(backups, sqlite.name if sqlite is not None else None))
    for folder in ctx.args.register or ():
        path = Path(folder)
        if not (path / "register.json").is_file():
            raise UserError("error.cli.audit.path_holds_no_register_json", path=path)
        found.extend(register_anchors(path))
    return found


def _verify(ctx: Context) -> int:
    report = AuditService(ctx.db).verify(anchors=_anchors(ctx))
    if ctx.args.json:
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
    """What `audit verify` prints for a report, in the command line's language (one place for
    every path that verifies the trail)."""
    if report.intact:
        lines = [say("cli.audit.intact", n=report.count, checkpoints=report.checkpoints)]
    else:
        if report.first_broken is not None:
            lines = [say("cli.audit.broken_at", event=report.first_broken, reason=report.reason)]
        else:
            lines = [say("cli.audit.broken", reason=report.reason)]
        skip = 1 if report.first_broken is None else 0
        lines += [f"  - {problem}" for problem in report.problems[skip:][:20]]
        if len(report.problems) > 21:
            lines.append(say("cli.audit.more", n=len(report.problems) - 21))
    if report.unchecked:
        lines.append(say("cli.audit.unchecked", n=report.unchecked))
    return lines


def _checkpoint(ctx: Context) -> int:
    from cli.identity import read_passphrase
    from models.identity import SigningIdentityService

    identity = None
    identities = SigningIdentityService(ctx.db)
    if identities.exists() and not ctx.args.desk_key:
        identity = identities.unlock(read_passphrase(say("cli.passphrase_prompt")))
    try:
        cp = make_checkpoint(ctx.db, "on-demand", identity)
    except OSError as e:
        raise UserError("error.cli.audit.cannot_make_checkpoint_reason", reason=e) from e
    if ctx.args.json:
        print_json(cp.to_json())
        return 0
    how = say("cli.audit.signed_identity" if identity else "cli.audit.sealed_desk_key")
    print(say("cli.audit.checkpoint", n=cp.events, head=cp.head, when=cp.made_at, how=how))
    return 0
