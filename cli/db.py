"""`consent-desk db migrate --from sqlite:///PATH --to postgresql://…`: move to a shared server."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.app import Context, print_json
from models.storage.transfer import migrate_database


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


def register(sub: argparse._SubParsersAction[Any]) -> None:
    db = sub.add_parser("db", help="move the database to another server")
    dsub = db.add_subparsers(dest="db_command", metavar="ACTION")
    p = dsub.add_parser(
        "migrate",
        help="copy every record and file into a new, empty database (e.g. PostgreSQL)",
        description=(
            "Copy a whole database (every table, keeping ids, and the stored files) into a new, "
            "empty database, then check row counts and the audit trail. Nothing is written to "
            "the target unless every check passes. Close Consent Desk on this desk first."
        ),
    )
    p.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="URL",
        help="the database to copy: sqlite:///PATH or a file path",
    )
    p.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="URL",
        help="the new database, e.g. postgresql://user:password@server/consentdesk",
    )
    p.add_argument(
        "--files",
        metavar="DIR",
        help="the shared files folder every desk reaches (default: CONSENT_DESK_FILES)",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=_migrate)
