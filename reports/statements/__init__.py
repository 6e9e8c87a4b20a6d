"""Signed PDF statements: what an artist has and has not authorised, verifiable offline.

Public API (GUI and CLI):
- `StatementService(db, identity).export(StatementRequest(...), out)` → `ExportedStatement`
- `StatementService(...).export_batch(artist_ids, folder, ..., progress, cancelled)`
- `render_statement(record)` / `sign_statement(...)` for previews and tests
- verification lives in `reports.verify.verify_statement`
"""

from reports.statements.layout import RenderedStatement, render_statement
from reports.statements.service import (
    BatchResult,
    ExportedStatement,
    StatementRequest,
    StatementService,
)
from reports.statements.signing import pyhanko_signer, sign_statement

__all__ = [
    "BatchResult",
    "ExportedStatement",
    "RenderedStatement",
    "StatementRequest",
    "StatementService",
    "pyhanko_signer",
    "render_statement",
    "sign_statement",
]
