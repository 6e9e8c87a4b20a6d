"""One schema, two back ends: where PostgreSQL would behave differently from SQLite, even out.

Lengths: SQLite never enforces `VARCHAR(n)`, and every migration and service was written and
tested against that (an audit event's `entity_id` holds a 64-character file hash in a
`String(60)`). On PostgreSQL a generic `String(n)` column is therefore created as plain
`VARCHAR` (no limit), so a value that saves on one back end saves on the other; the services'
own validation is what bounds user input. Types that name their SQL type (`VARCHAR(n)`,
`Text`) are left alone.

Importing this module registers the rule; `database.py` imports it before any migration runs.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles


@compiles(String, "postgresql")
def _unbounded_string(type_: String, compiler: Any, **kw: Any) -> str:
    return "VARCHAR"
