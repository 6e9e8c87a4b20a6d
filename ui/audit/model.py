"""The audit trail as a Qt table: newest first, fetched page by page as the person scrolls.

Paging is driven by the view (`fetch_more` when the scroll bar nears the end) rather than
Qt's canFetchMore/fetchMore, whose synchronous inserts Qt's model tester reports as happening
during a reset.

`AuditService.events` pages by offset and filters by entity, id and text; the date range is
applied here, page by page, relying on the chain's order (events are appended, so a lower id
is never later): once an event older than the range start appears, nothing older is fetched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt

from models.audit.service import AuditEvent, AuditService
from ui.consent.labels import when_text
from ui.i18n import translatable
from ui.table_model import Index, ReadOnlyTable

# What each audited action is called on screen; an action missing here shows its code.
ACTION_WORDS = {
    "create": translatable("AuditAction", "Created"),
    "update": translatable("AuditAction", "Edited"),
    "archive": translatable("AuditAction", "Archived"),
    "unarchive": translatable("AuditAction", "Brought back"),
    "stance": translatable("AuditAction", "AI stance recorded"),
    "attach": translatable("AuditAction", "File attached"),
    "store": translatable("AuditAction", "File stored"),
    "send_to_artist": translatable("AuditAction", "Sent to the artist"),
    "recommend": translatable("AuditAction", "Agency recommendation"),
    "recommendation": translatable("AuditAction", "Agency recommendation"),
    "decision": translatable("AuditAction", "Artist's decision"),
    "give": translatable("AuditAction", "Consent given"),
    "refuse": translatable("AuditAction", "Consent refused"),
    "amend": translatable("AuditAction", "New version"),
    "supersede": translatable("AuditAction", "Superseded"),
    "revoke": translatable("AuditAction", "Revoked"),
    "transition": translatable("AuditAction", "Status changed"),
    "check": translatable("AuditAction", "Check run"),
    "accept_risk": translatable("AuditAction", "Risk accepted"),
    "issue": translatable("AuditAction", "Statement issued"),
    "withdraw": translatable("AuditAction", "Withdrawn"),
    "verified_ok": translatable("AuditAction", "File checked: intact"),
    "integrity_failed": translatable("AuditAction", "File checked: damaged or missing"),
}

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_PAGES_PER_FETCH = 50  # a narrow date range far back: stop and let the view ask again


class Column(IntEnum):
    TIME = 0
    ACTOR = 1
    ENTITY = 2
    ENTITY_ID = 3
    ACTION = 4
    FIELDS = 5


def entity_labels() -> dict[str, str]:
    """The entities the app audits today, in words (others show their raw name)."""
    return {
        "artist": QCoreApplication.translate("Audit", "Artist"),
        "stance_record": QCoreApplication.translate("Audit", "AI stance"),
        "consent_record": QCoreApplication.translate("Audit", "Consent record"),
        "consent_evidence": QCoreApplication.translate("Audit", "Evidence file"),
        "counterparty": QCoreApplication.translate("Audit", "Counterparty"),
        "project": QCoreApplication.translate("Audit", "Project"),
        "stored_file": QCoreApplication.translate("Audit", "Stored file"),
        "setting": QCoreApplication.translate("Audit", "Setting"),
        "statement": QCoreApplication.translate("Audit", "Statement"),
    }


def event_time(event: AuditEvent) -> datetime | None:
    try:
        return datetime.fromisoformat(event.at)
    except ValueError:
        return None


def value_text(value: Any) -> str:
    """A before/after value as JSON people can read (Chinese left as is)."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value or '""'
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class AuditFilter:
    entity: str = ""
    entity_id: str = ""
    text: str = ""
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive


class AuditTableModel(ReadOnlyTable):
    """Rows are audit events (frozen `AuditEvent`s), newest first, loaded on demand."""

    PAGE = 200
    columns = Column

    def __init__(self, audit: AuditService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._audit = audit
        self._rows: list[AuditEvent] = []
        self._offset = 0
        self._exhausted = True
        self.filter = AuditFilter()

    def load(self, filter: AuditFilter | None = None) -> None:
        """Start again (with a new filter) and fetch the first page."""
        if filter is not None:
            self.filter = filter
        self.beginResetModel()
        self._rows = []
        self._offset = 0
        self._exhausted = False
        self.endResetModel()
        self.fetch_more()

    def event_at(self, row: int) -> AuditEvent | None:
        found: AuditEvent | None = self.row_at(row)
        return found

    def oldest_loaded_id(self) -> int | None:
        return self._rows[-1].id if self._rows else None

    # -- paging --------------------------------------------------------------------------------
    def can_fetch_more(self) -> bool:
        return not self._exhausted

    def fetch_more(self) -> None:
        """Append the next page of matching events (nothing once all are loaded)."""
        if self._exhausted:
            return
        f = self.filter
        found: list[AuditEvent] = []
        for _ in range(MAX_PAGES_PER_FETCH):
            page = self._audit.events(
                entity=f.entity or None,
                entity_id=f.entity_id or None,
                limit=self.PAGE,
                offset=self._offset,
                text=f.text,
            )
            self._offset += len(page)
            if len(page) < self.PAGE:
                self._exhausted = True
            for e in page:
                when = event_time(e)
                if f.since is not None and when is not None and when < f.since:
                    self._exhausted = True  # appended in order: everything further is older
                    break
                if f.until is not None and when is not None and when >= f.until:
                    continue
                found.append(e)
            if found or self._exhausted:
                break
        if found:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(found) - 1)
            self._rows.extend(found)
            self.endInsertRows()

    # -- Qt model interface ------------------------------------------------------------------
    def column_titles(self) -> dict[Column, str]:
        return {
            Column.TIME: self.tr("Time"),
            Column.ACTOR: self.tr("Desk user"),
            Column.ENTITY: self.tr("What"),
            Column.ENTITY_ID: self.tr("Id"),
            Column.ACTION: self.tr("Action"),
            Column.FIELDS: self.tr("Fields changed"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.cell_index_valid(index):
            return None
        event = self._rows[index.row()]
        if role == EVENT_ID_ROLE:
            return event.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(event, Column(index.column()), role)
        return None

    def _text(self, event: AuditEvent, column: Column, role: int) -> str:
        if column is Column.TIME:
            when = event_time(event)
            return when_text(when, seconds=True) if when is not None else event.at
        if column is Column.ACTOR:
            return event.actor
        if column is Column.ENTITY:
            return entity_labels().get(event.entity, event.entity)
        if column is Column.ENTITY_ID:
            return event.entity_id
        if column is Column.ACTION:
            words = ACTION_WORDS.get(event.action)
            return QCoreApplication.translate("AuditAction", words) if words else event.action
        fields = event.changed_fields()
        if role == Qt.ItemDataRole.DisplayRole and len(fields) > 6:
            return ", ".join(fields[:6]) + " …"
        return ", ".join(fields)
