"""`consent-desk backup PATH` and `consent-desk restore PATH`."""

from __future__ import annotations

from pathlib import Path

from cli.app import Context, print_json
from models.clock import utc_now
from models.safety.backup import (
    PG_MESSAGE,
    PG_MESSAGE_ZH,
    BackupError,
    check_backup,
    create_backup,
    manifest_problems,
    restore_backup,
)
from models.storage.database import resolve


def _backup(ctx: Context) -> int:
    location = resolve(ctx.args.db)
    if location.sqlite_path is None:
        raise BackupError(PG_MESSAGE, PG_MESSAGE_ZH)
    if not location.sqlite_path.exists():
        raise BackupError(
            f"There is no database at {location.sqlite_path} to back up.",
            f"{location.sqlite_path} 处没有数据库可备份。",
        )
    target = Path(ctx.args.path)
    if target.is_dir():
        stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
        target = target / f"{location.sqlite_path.stem}-backup-{stamp}.zip"
    identity = None
    if ctx.args.sign:
        from cli.identity import read_passphrase

        identity = ctx.desk.identities.unlock(
            read_passphrase("Passphrase of the signing identity: ")
        )
    summary = create_backup(ctx.db, target, overwrite=ctx.args.overwrite, identity=identity)
    counts = summary.manifest.counts
    print(
        f"Backed up {counts.get('artist', 0)} artists, {counts.get('audit_event', 0)} audit "
        f"events and {summary.files} stored files to {summary.path} "
        f"({summary.size / 1e6:.1f} MB)."
    )
    return 0


def _restore(ctx: Context) -> int:
    archive = Path(ctx.args.path)
    if ctx.args.check:
        manifest = check_backup(archive)
        problems = manifest_problems(manifest, resolve(ctx.args.db).files_dir)
        if problems:
            raise BackupError(
                f"{archive.name}: every member matches its manifest, but {problems[0]}; "
                "it would be refused by restore.",
                f"{archive.name}：成员与清单一致，但清单未通过本工作站的验证；恢复时将被拒绝。",
            )
        if ctx.args.json:
            print_json(manifest.to_json())
        else:
            print(
                f"{archive.name} is intact: {len(manifest.members)} members verified "
                f"(made {manifest.created_at} by {manifest.created_by})."
            )
        return 0
    summary = restore_backup(archive, ctx.args.db, accept_broken=ctx.args.accept_broken)
    for problem in summary.accepted_problems:
        print(f"WARNING: restored although {problem} (recorded in the audit trail).")
    print(
        f"Restored {archive.name} (made {summary.manifest.created_at} by "
        f"{summary.manifest.created_by}) into {summary.database}."
    )
    for p in summary.moved_aside:
        print(f"Kept the previous copy as {p}")
    state = "intact" if summary.audit_intact else "BROKEN (see `consent-desk audit verify`)"
    print(f"Audit trail {state}: {summary.audit_events} events.")
    return 0
