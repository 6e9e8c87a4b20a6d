"""`consent-desk db migrate --from sqlite:///PATH --to postgresql://…`: move to a shared server."""

from __future__ import annotations

from pathlib import Path

from cli.app import Context, print_json
from models.safety.transfer import migrate_database


def _migrate(ctx: Context) -> int:
    args = ctx.args
    quiet = args.json

    def progress(table: str, rows: int) -> None:
        if not quiet:
            print(f"  {table}: {rows} rows")

    if not quiet:
        print("Copying records …")
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
        f"Copied {report.rows} rows in {len(report.tables)} tables and {report.files} files "
        f"(to {report.files_dir}). Row counts match; audit trail intact: "
        f"{report.audit.count} events."
    )
    return 0
