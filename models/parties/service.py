"""CounterpartyService: the producers and platforms artists deal with, and their projects.

Every write runs in one transaction with its audit event; stale saves are refused. Nothing is
deleted: a counterparty or project no longer in use is archived.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit.chain import append_event
from models.clock import iso, utc_now
from models.consent.row_values import (
    counterparty_snapshot,
    project_snapshot,
    to_counterparty,
    to_project,
)
from models.consent.values import (
    Counterparty,
    CounterpartyDraft,
    CounterpartyKind,
    Project,
    ProjectDraft,
    ProjectType,
)
from models.errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from models.names import has_han, normalize, romanize, sort_key
from models.parties.tables import CounterpartyRow, ProjectRow
from models.storage.database import Database

MAX_NAME = 300


def _name_problems(fields: tuple[str, str], native: str, romanized: str) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    if not native.strip():
        out.append(FieldProblem(fields[0], "problem.a_name_is_required"))
    for name, value in ((fields[0], native), (fields[1], romanized)):
        if len(value) > MAX_NAME:
            out.append(FieldProblem(name, "problem.is_longer_than_characters", n=MAX_NAME))
        if any(ord(c) < 32 for c in value):
            out.append(FieldProblem(name, "problem.contains_control_characters"))
    return out


def _romanized(native: str, given: str) -> str:
    rom = given.strip()
    if not rom and native.strip():
        rom = romanize(native) if has_han(native) else native.strip()
    return rom


def validated_counterparty(d: CounterpartyDraft) -> CounterpartyDraft:
    d = replace(
        d,
        native_name=d.native_name.strip(),
        romanized_name=_romanized(d.native_name, d.romanized_name),
        kind=CounterpartyKind(d.kind),
        notes=d.notes.strip(),
    )
    problems = _name_problems(("native_name", "romanized_name"), d.native_name, d.romanized_name)
    if problems:
        raise ValidationError(problems)
    return d


def validated_project(d: ProjectDraft) -> ProjectDraft:
    d = replace(
        d,
        title_native=d.title_native.strip(),
        title_romanized=_romanized(d.title_native, d.title_romanized),
        project_type=ProjectType(d.project_type),
        notes=d.notes.strip(),
    )
    problems = _name_problems(
        ("title_native", "title_romanized"), d.title_native, d.title_romanized
    )
    if problems:
        raise ValidationError(problems)
    return d


def _conflict(what: str, by: str, at: datetime) -> ConflictError:
    when = iso(at)[:19].replace("T", " ")
    return ConflictError("error.parties.what_was_changed_by_by", what=what, by=by, when=when)


class CounterpartyService:
    """Add, edit, archive and list counterparties and their projects."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock

    # -- counterparties ------------------------------------------------------------------------
    def add_counterparty(self, draft: CounterpartyDraft) -> Counterparty:
        d = validated_counterparty(draft)
        now = self.clock()
        with self.db.write() as s:
            row = CounterpartyRow(
                native_name=d.native_name,
                romanized_name=d.romanized_name,
                kind=d.kind.value,
                notes=d.notes,
                archived=False,
                sort_key=sort_key(d.native_name, d.romanized_name),
                created_at=now,
                updated_at=now,
                updated_by=self.db.actor,
                row_version=1,
            )
            s.add(row)
            s.flush()
            append_event(
                s, self.db.actor, "counterparty", row.id, "create", None, counterparty_snapshot(row)
            )
            return to_counterparty(row)

    def update_counterparty(
        self, counterparty_id: int, draft: CounterpartyDraft, expected_row_version: int
    ) -> Counterparty:
        d = validated_counterparty(draft)
        with self.db.write() as s:
            row = self._counterparty_row(s, counterparty_id)
            if row.row_version != expected_row_version:
                raise _conflict(row.native_name, row.updated_by, row.updated_at)
            before = counterparty_snapshot(row)
            row.native_name = d.native_name
            row.romanized_name = d.romanized_name
            row.kind = d.kind.value
            row.notes = d.notes
            row.sort_key = sort_key(d.native_name, d.romanized_name)
            return to_counterparty(self._touch(s, row, "counterparty", "update", before))

    def set_counterparty_archived(
        self, counterparty_id: int, archived: bool, expected_row_version: int | None = None
    ) -> Counterparty:
        with self.db.write() as s:
            row = self._counterparty_row(s, counterparty_id)
            if expected_row_version is not None and row.row_version != expected_row_version:
                raise _conflict(row.native_name, row.updated_by, row.updated_at)
            if row.archived == archived:
                return to_counterparty(row)
            before = counterparty_snapshot(row)
            row.archived = archived
            action = "archive" if archived else "unarchive"
            return to_counterparty(self._touch(s, row, "counterparty", action, before))

    def get_counterparty(self, counterparty_id: int) -> Counterparty:
        with self.db.read() as s:
            return to_counterparty(self._counterparty_row(s, counterparty_id))

    def counterparties(
        self,
        query: str = "",
        include_archived: bool = False,
        kind: CounterpartyKind | None = None,
    ) -> list[Counterparty]:
        """In name order; `query` matches either script, case- and width-insensitively."""
        q = select(CounterpartyRow).order_by(CounterpartyRow.sort_key, CounterpartyRow.id)
        if not include_archived:
            q = q.where(CounterpartyRow.archived.is_(False))
        if kind is not None:
            q = q.where(CounterpartyRow.kind == kind.value)
        with self.db.read() as s:
            rows = [to_counterparty(r) for r in s.scalars(q)]
        needle = normalize(query)
        if needle:
            rows = [
                c
                for c in rows
                if needle in normalize(c.native_name)
                or needle in normalize(c.romanized_name)
                or needle.replace(" ", "") in c.romanized_name.lower().replace(" ", "")
            ]
        return rows

    # -- projects ------------------------------------------------------------------------------
    def add_project(self, draft: ProjectDraft) -> Project:
        d = validated_project(draft)
        now = self.clock()
        with self.db.write() as s:
            cp = self._counterparty_row(s, d.counterparty_id)
            if cp.archived:
                raise ValidationError(
                    [FieldProblem("counterparty_id", "problem.is_archived", name=cp.native_name)]
                )
            row = ProjectRow(
                counterparty_id=d.counterparty_id,
                title_native=d.title_native,
                title_romanized=d.title_romanized,
                project_type=d.project_type.value,
                notes=d.notes,
                archived=False,
                created_at=now,
                updated_at=now,
                updated_by=self.db.actor,
                row_version=1,
            )
            s.add(row)
            s.flush()
            append_event(s, self.db.actor, "project", row.id, "create", None, project_snapshot(row))
            return to_project(row)

    def update_project(
        self, project_id: int, draft: ProjectDraft, expected_row_version: int
    ) -> Project:
        """Edit a project's title, type or notes. It cannot move to another counterparty: the
        consents given for it name that counterparty."""
        d = validated_project(draft)
        with self.db.write() as s:
            row = self._project_row(s, project_id)
            if row.row_version != expected_row_version:
                raise _conflict(row.title_native, row.updated_by, row.updated_at)
            if d.counterparty_id != row.counterparty_id:
                raise ValidationError(
                    [
                        FieldProblem(
                            "counterparty_id",
                            "problem.a_project_cannot_move_to_another_counterparty",
                        )
                    ]
                )
            before = project_snapshot(row)
            row.title_native = d.title_native
            row.title_romanized = d.title_romanized
            row.project_type = d.project_type.value
            row.notes = d.notes
            return to_project(self._touch(s, row, "project", "update", before))

    def set_project_archived(
        self, project_id: int, archived: bool, expected_row_version: int | None = None
    ) -> Project:
        with self.db.write() as s:
            row = self._project_row(s, project_id)
            if expected_row_version is not None and row.row_version != expected_row_version:
                raise _conflict(row.title_native, row.updated_by, row.updated_at)
            if row.archived == archived:
                return to_project(row)
            before = project_snapshot(row)
            row.archived = archived
            action = "archive" if archived else "unarchive"
            return to_project(self._touch(s, row, "project", action, before))

    def get_project(self, project_id: int) -> Project:
        with self.db.read() as s:
            return to_project(self._project_row(s, project_id))

    def projects(
        self, counterparty_id: int | None = None, include_archived: bool = False
    ) -> list[Project]:
        q = select(ProjectRow).order_by(ProjectRow.counterparty_id, ProjectRow.title_romanized)
        if counterparty_id is not None:
            q = q.where(ProjectRow.counterparty_id == counterparty_id)
        if not include_archived:
            q = q.where(ProjectRow.archived.is_(False))
        with self.db.read() as s:
            return [to_project(r) for r in s.scalars(q)]

    # -- helpers -------------------------------------------------------------------------------
    def _touch(
        self,
        s: Session,
        row: CounterpartyRow | ProjectRow,
        entity: str,
        action: str,
        before: dict[str, Any],
    ) -> Any:
        row.row_version += 1
        row.updated_at = self.clock()
        row.updated_by = self.db.actor
        s.flush()
        after = (
            counterparty_snapshot(row)
            if isinstance(row, CounterpartyRow)
            else project_snapshot(row)
        )
        append_event(s, self.db.actor, entity, row.id, action, before, after)
        return row

    @staticmethod
    def _counterparty_row(s: Session, counterparty_id: int) -> CounterpartyRow:
        row = s.get(CounterpartyRow, counterparty_id)
        if row is None:
            raise NotFoundError(
                "error.parties.there_no_counterparty_id_counterparty",
                counterparty_id=counterparty_id,
            )
        return row

    @staticmethod
    def _project_row(s: Session, project_id: int) -> ProjectRow:
        row = s.get(ProjectRow, project_id)
        if row is None:
            raise NotFoundError("error.parties.there_no_project_id_project", project_id=project_id)
        return row
