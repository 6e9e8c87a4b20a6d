"""`consent-desk audit verify` and `consent-desk audit checkpoint`."""

from __future__ import annotations

from pathlib import Path

from cli.app import Context, print_json
from models.audit.anchors import Anchor, backup_anchors, register_anchors, store_anchors
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
    if report.intact:
        print(
            f"Audit trail intact: {report.count} events; every audited row matches its last "
            f"event; extends all {report.checkpoints} checkpoint(s) found."
        )
        _unchecked(report.unchecked)
        return 0
    if report.first_broken is not None:
        print(f"Audit trail BROKEN at event {report.first_broken}: {report.reason}.")
    else:
        print(f"Audit trail BROKEN: {report.reason}.")
    for problem in report.problems[1 if report.first_broken is None else 0 :][:20]:
        print(f"  - {problem}")
    if len(report.problems) > 21:
        print(f"  … and {len(report.problems) - 21} more")
    _unchecked(report.unchecked)
    return 1


def _unchecked(n: int) -> None:
    if n:
        print(
            f"Note: {n} checkpoint(s) are sealed by a key this desk does not hold (another "
            "desk's, or this desk's key was removed or replaced) and were not checked."
        )


def _checkpoint(ctx: Context) -> int:
    from cli.identity import read_passphrase
    from models.identity import SigningIdentityService

    identity = None
    identities = SigningIdentityService(ctx.db)
    if identities.exists() and not ctx.args.desk_key:
        identity = identities.unlock(read_passphrase("Passphrase of the signing identity: "))
    try:
        cp = make_checkpoint(ctx.db, "on-demand", identity)
    except OSError as e:
        raise UserError("error.cli.audit.cannot_make_checkpoint_reason", reason=e) from e
    if ctx.args.json:
        print_json(cp.to_json())
        return 0
    how = "signed with the agency identity" if identity else "sealed with this desk's key"
    print(f"Checkpoint: {cp.events} events, head {cp.head}, {cp.made_at} ({how}).")
    return 0
