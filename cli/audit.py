"""`consent-desk audit verify`."""

from __future__ import annotations

import argparse
from typing import Any

from cli.app import Context
from models.audit.service import AuditService


def _verify(ctx: Context) -> int:
    report = AuditService(ctx.db).verify()
    if report.intact:
        print(f"Audit trail intact: {report.count} events.")
        return 0
    print(f"Audit trail BROKEN at event {report.first_broken}: {report.reason}.")
    return 1


def register(sub: argparse._SubParsersAction[Any]) -> None:
    audit = sub.add_parser("audit", help="check the audit trail")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    p = asub.add_parser("verify", help="exit 0 if every event is intact, 1 naming the first broken")
    p.set_defaults(handler=_verify)
