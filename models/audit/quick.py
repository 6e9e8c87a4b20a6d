"""`audit verify` on an SQLite file read with plain `sqlite3` (cli/quick.py).

Every check of `AuditService.verify` runs here through the same functions (the hash chain
`verify_rows`, the row binding `compare_rows`, the checkpoints and their seals `verify_log`);
only the reading differs. A bound row is hashed as the ORM reads it, so each column is
converted as its SQLAlchemy type converts it (`BOUND_COLUMNS`, kept equal to the ORM tables by
tests/cli/test_quick_paths.py). A table whose columns differ from these, or a value stored in
a form other than the one the app writes, raises `NotQuick`: the caller then takes the
ordinary path, which reads (or fails on) it in its own way.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from models.audit.anchors import Anchor, anchors_in_database, verify_log
from models.audit.binding import compare_rows
from models.audit.chain import EVENTS_SQL, ChainReport, batches, verify_rows
from models.audit.checkpoint import Checkpoint, Seal


class NotQuick(Exception):
    """The file holds something only the ordinary path reads as the ordinary path does."""


# Each bound table's columns as the ORM declares them; `name:kind` where the ORM converts the
# stored value: json (JSON text), bool (0/1), date (YYYY-MM-DD), time (UTC date-time).
BOUND_COLUMNS = {
    "artist": "id native_name romanized_name stage_names:json date_of_birth:date "
    "deceased_on:date estate_contact guardian unions:json jurisdiction agent contact notes "
    "photo_sha256 ai_stance archived:bool sort_key search_text created_at:time "
    "updated_at:time updated_by version",
    "consent_record": "id artist_id counterparty_id project_id modalities:json uses:json "
    "media:json territories:json term_start:date term_end:date compensation_amount "
    "compensation_currency compensation_basis content_exclusions:json alteration_limits "
    "sublicensing_allowed:bool data_retention deletion_on_end:bool revocation_terms "
    "counsel_represented:bool union_represented:bool representative signed_separately:bool "
    "specific_use_description notes scan_session_at:time scan_notice_at:time status "
    "lineage_id version supersedes_id pending_at:time given_at:time refused_at:time "
    "superseded_at:time decided_by decided_at:time decision_method decision_note "
    "recommended_by recommended_at:time recommendation recommendation_note revoked_at:time "
    "revoked_by revocation_reason revocation_recorded_at:time created_at:time created_by "
    "updated_at:time updated_by row_version",
    "counterparty": "id native_name romanized_name kind notes archived:bool sort_key "
    "created_at:time updated_at:time updated_by row_version",
    "project": "id counterparty_id title_native title_romanized project_type notes "
    "archived:bool created_at:time updated_at:time updated_by row_version",
    "stance_record": "id artist_id stance conditions effective_at:time recorded_by "
    "recorded_at:time",
    "statement": "id kind artist_id project_id language as_of:time record_json record_sha256 "
    "file_sha256 stored_path file_name signer signer_fingerprint supersedes_id "
    "superseded_by_id status status_reason issued_at:time issued_by row_version",
}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?")


def _date(value: Any) -> Any:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise NotQuick(value)
    return date.fromisoformat(value)


def _time(value: Any) -> Any:
    if value is None:
        return None
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise NotQuick(value)
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _json(value: Any) -> Any:
    if value is None:
        return None
    if not isinstance(value, str):
        raise NotQuick(value)
    return json.loads(value)


def _bool(value: Any) -> Any:
    if value is None:
        return None
    if value not in (0, 1):
        raise NotQuick(value)
    return bool(value)


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "date": _date,
    "time": _time,
    "json": _json,
    "bool": _bool,
}


def _rows_reader(con: sqlite3.Connection) -> Callable[[str], Iterator[tuple[str, dict[str, Any]]]]:
    def rows_of(table: str) -> Iterator[tuple[str, dict[str, Any]]]:
        declared = [c.partition(":") for c in BOUND_COLUMNS[table].split()]
        names = [name for name, _, _ in declared]
        stored = [str(r[1]) for r in con.execute("SELECT * FROM pragma_table_info(?)", (table,))]
        if sorted(stored) != sorted(names):
            raise NotQuick(table)
        converters = [(i, _CONVERT[kind]) for i, (_, _, kind) in enumerate(declared) if kind]
        cursor = con.execute(f"SELECT {', '.join(names)} FROM {table}")
        for raw in batches(cursor, 1000):
            values = list(raw)
            for i, convert in converters:
                values[i] = convert(values[i])
            yield str(values[0]), dict(zip(names, values, strict=True))

    return rows_of


def _database_anchors(con: sqlite3.Connection) -> list[Anchor]:
    checkpoints = [
        Checkpoint(events, head, made_at, Seal(method, key_id, signature, certificate), reason)
        for events, head, made_at, reason, method, key_id, signature, certificate in con.execute(
            "SELECT events, head, made_at, reason, method, key_id, signature, certificate "
            "FROM audit_checkpoint ORDER BY id"
        )
    ]
    statements = ((str(i), str(r)) for i, r in con.execute("SELECT id, record_json FROM statement"))
    return anchors_in_database(checkpoints, statements)


def verify(
    con: sqlite3.Connection, files_dir: Path, anchors: Sequence[Anchor], batch: int = 5000
) -> ChainReport:
    """`AuditService(db).verify(anchors=anchors)` on the open file (raises `NotQuick`)."""

    def walk(wanted: dict[int, str]) -> tuple[ChainReport, list[str]]:
        last_rows: dict[tuple[str, str], tuple[int, str | None]] = {}
        report = verify_rows(batches(con.execute(EVENTS_SQL), batch), last_rows, wanted)
        if not report.intact:
            return report, []

        def after_of(event_id: int) -> str | None:
            row = con.execute("SELECT after FROM audit_event WHERE id = ?", (event_id,)).fetchone()
            return row[0] if row is not None and isinstance(row[0], str) else None

        problems = compare_rows(_rows_reader(con), last_rows, after_of)
        return report, [p.describe() for p in problems]

    return verify_log([*_database_anchors(con), *anchors], files_dir, walk)
