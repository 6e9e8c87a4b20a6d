"""`consent-desk audit verify`."""

from __future__ import annotations

from cli.app import Context
from models.audit.service import AuditService


def _verify(ctx: Context) -> int:
    report = AuditService(ctx.db).verify()
    if report.intact:
        print(f"Audit trail intact: {report.count} events.")
        return 0
    print(f"Audit trail BROKEN at event {report.first_broken}: {report.reason}.")
    return 1
