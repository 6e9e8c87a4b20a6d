"""Which schema revisions this version of the app wants, read from the migration files.

No SQLAlchemy or Alembic here: the window's fast start (models/roster/quick.py) and
`Database.open` both ask whether a database is current, and reading the migration files' two
assignment lines is enough to know.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

MIGRATIONS = Path(__file__).with_name("migrations")

_REVISION = re.compile(r"^revision\s*=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(.+)$", re.M)


@lru_cache(maxsize=1)
def revision_graph() -> dict[str, frozenset[str]]:
    """Each migration's revision id and what it revises."""
    graph: dict[str, frozenset[str]] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        rev = _REVISION.search(text)
        if rev is None:
            continue
        down = _DOWN.search(text)
        parents = re.findall(r"[\"']([^\"']+)[\"']", down.group(1)) if down else []
        graph[rev.group(1)] = frozenset(parents)
    return graph


def head_revisions() -> frozenset[str]:
    """The schema this version of the app wants (one head per feature branch of migrations)."""
    graph = revision_graph()
    revised = {p for parents in graph.values() for p in parents}
    return frozenset(r for r in graph if r not in revised)
