"""`consent-desk backup PATH` and `consent-desk restore PATH`."""

from __future__ import annotations

from pathlib import Path

from cli.app import Context, print_json
from cli.language import say
from models.clock import utc_now
from models.safety.backup import PG_MESSAGE, BackupError, check_backup, create_backup
from models.safety.restore import manifest_problems, restore_backup
from models.storage.database import resolve


def _backup(ctx: Context) -> int:
    location = resolve(ctx.args.db)
    if location.sqlite_path is None:
        raise BackupError(PG_MESSAGE)
    if not location.sqlite_path.exists():
        raise BackupError(
            "error.cli.backup.there_no_database_sqlite_path", sqlite_path=location.sqlite_path
        )
    target = Path(ctx.args.path)
    if target.is_dir():
        stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
        target = target / f"{location.sqlite_path.stem}-backup-{stamp}.zip"
    identity = None
    if ctx.args.sign:
        from cli.identity import read_passphrase

        identity = ctx.desk.identities.unlock(read_passphrase(say("cli.passphrase_prompt")))
    summary = create_backup(ctx.db, target, overwrite=ctx.args.overwrite, identity=identity)
    counts = summary.manifest.counts
    print(
        say(
            "cli.backup.written",
            artists=counts.get("artist", 0),
            events=counts.get("audit_event", 0),
            files=summary.files,
            path=summary.path,
            mb=f"{summary.size / 1e6:.1f}",
        )
    )
    return 0


def _restore(ctx: Context) -> int:
    archive = Path(ctx.args.path)
    if ctx.args.check:
        manifest = check_backup(archive)
        problems = manifest_problems(manifest, resolve(ctx.args.db).files_dir)
        if problems:
            raise BackupError(
                "error.cli.backup.name_every_member_matches_its",
                name=archive.name,
                problems=problems[0],
            )
        if ctx.args.json:
            print_json(manifest.to_json())
        else:
            print(
                say(
                    "cli.backup.intact",
                    name=archive.name,
                    n=len(manifest.members),
                    when=manifest.created_at,
                    who=manifest.created_by,
                )
            )
        return 0
    summary = restore_backup(archive, ctx.args.db, accept_broken=ctx.args.accept_broken)
    for problem in summary.accepted_problems:
        print(say("cli.backup.restored_although", problem=problem))
    print(
        say(
            "cli.backup.restored",
            name=archive.name,
            when=summary.manifest.created_at,
            who=summary.manifest.created_by,
            database=summary.database,
        )
    )
    for p in summary.moved_aside:
        print(say("cli.backup.kept_aside", path=p))
    state = say("cli.backup.trail_intact" if summary.audit_intact else "cli.backup.trail_broken")
    print(say("cli.backup.trail", state=state, n=summary.audit_events))
    return 0
