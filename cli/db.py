"""`consent-desk db migrate --from sqlite:///PATH --to postgresql://…`: move to a shared server."""

from __future__ import annotations

from pathlib import Path

from cli.app import Context, print_json
from cli.language import say
from models.safety.transfer import migrate_database


def _migrate(ctx: Context) -> int:
    args = ctx.args
    quiet = args.json

    def progress(table: str, rows: int) -> None:
        if not quiet:
            print(say("cli.db.table_rows", table=table, n=rows))

    if not quiet:
        print(say("cli.db.copying"))
    report = migrate_database(
        args.source, args.target, Path(args.files) if args.files else None, progress
    )
    if args.json:
        print_json(
            {
                "tables": {t.name: t.rows for t in report.tables},
                "rows": report.rows,
                "files": report.files,
                "files_dir": str(report.files_dir),
                "audit_events": report.audit.count,
                "audit_intact": report.audit.intact,
            }
        )
        return 0
    print(
        say(
            "cli.db.copied",
            rows=report.rows,
            tables=len(report.tables),
            files=report.files,
            folder=report.files_dir,
            events=report.audit.count,
        )
    )
    return 0
