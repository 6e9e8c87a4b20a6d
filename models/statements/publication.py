"""The public register's export counter: every export gets the next sequence number.

Readers who kept an older export can then tell it is older (a smaller number) and the
`checkpoints.json` history in the export folder lists every export in order.
"""

from __future__ import annotations

from models.audit.chain import append_event
from models.storage.database import Database
from models.storage.schema import SettingRow

SEQUENCE_SETTING = "register.sequence"


def next_register_sequence(db: Database, at_least: int = 0) -> int:
    """Increment and return the export sequence (never below `at_least`; audited)."""
    with db.write() as s:
        row = s.get(SettingRow, SEQUENCE_SETTING)
        current = row.value if row is not None and isinstance(row.value, int) else 0
        value = max(current, at_least) + 1
        before = {"value": current} if row is not None else None
        if row is None:
            s.add(SettingRow(key=SEQUENCE_SETTING, value=value))
        else:
            row.value = value
        s.flush()
        append_event(s, db.actor, "setting", SEQUENCE_SETTING, "update", before, {"value": value})
    return value
