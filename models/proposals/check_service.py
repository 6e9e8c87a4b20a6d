"""Check runs, their findings and "accepted risk" (part of `ProposalService`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select

from models.audit.chain import append_event
from models.clock import utc_now
from models.errors import ConflictError, FieldProblem, NotFoundError, UserError, ValidationError
from models.messages import phrase
from models.proposals import rule_check
from models.proposals.row_values import names_of
from models.proposals.tables import CheckRunRow, FindingRow, ProposalRow
from models.proposals.values import CheckRun, FindingChange, FindingsDiff, StoredFinding
from models.storage.database import Database

MAX_REASON = 2000


class ProposalChecks:
    """Run the rule checker, read runs, compare them, and mark findings as accepted risk (a
    part of `ProposalService`, which offers these methods too)."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock

    def run_check(self, proposal_id: int, as_of: datetime | None = None) -> CheckRun:
        """Check the proposal and store the run.

        By default each artist's consent is read as of the end of the proposal's received day
        in the artist's time zone; `as_of` checks against another moment (e.g. today, after
        the artist signed).
        """
        if as_of is not None and as_of.tzinfo is None:
            raise UserError("error.proposals.check_service.as_time_needs_time_zone")
        with self.db.transaction() as s:
            row = s.get(ProposalRow, proposal_id)
            if row is None:
                raise NotFoundError(
                    "error.proposals.check_service.there_no_proposal_id_proposal",
                    proposal_id=proposal_id,
                )
            run_id = rule_check.run_check(s, self.db, row, as_of, self.clock())
            run = s.get(CheckRunRow, run_id)
            assert run is not None
            return rule_check.load_run(s, run)

    def get_run(self, run_id: int) -> CheckRun:
        with self.db.read() as s:
            run = s.get(CheckRunRow, run_id)
            if run is None:
                raise NotFoundError(
                    "error.proposals.check_service.there_no_check_run_run", run_id=run_id
                )
            return rule_check.load_run(s, run)

    def latest_run(self, proposal_id: int) -> CheckRun | None:
        with self.db.read() as s:
            run = s.scalars(
                select(CheckRunRow)
                .where(CheckRunRow.proposal_id == proposal_id)
                .order_by(CheckRunRow.id.desc())
                .limit(1)
            ).first()
            return rule_check.load_run(s, run) if run else None

    def runs(self, proposal_id: int) -> list[CheckRun]:
        """Every run of the proposal, newest first, without their findings."""
        with self.db.read() as s:
            rows = s.scalars(
                select(CheckRunRow)
                .where(CheckRunRow.proposal_id == proposal_id)
                .order_by(CheckRunRow.id.desc())
            ).all()
            out = [rule_check.load_run(s, r, with_findings=False) for r in rows]
            return out

    def diff(self, run_id: int) -> FindingsDiff:
        """What changed since the run before: new, resolved (gone) and unchanged findings."""
        run = self.get_run(run_id)
        if run.previous_run_id is None:
            return FindingsDiff(run.id, None, new=run.findings)
        previous = self.get_run(run.previous_run_id)
        now = {f.fingerprint for f in run.findings}
        return FindingsDiff(
            run.id,
            previous.id,
            new=tuple(f for f in run.findings if f.change == FindingChange.NEW),
            resolved=tuple(
                StoredFinding(
                    f.id,
                    f.run_id,
                    f.finding,
                    FindingChange.RESOLVED,
                    f.accepted_risk,
                    f.accepted_reason,
                    f.accepted_by,
                    f.accepted_at,
                    f.accepted_in_run_id,
                    f.row_version,
                    f.artist_name,
                )
                for f in previous.findings
                if f.fingerprint not in now
            ),
            unchanged=tuple(f for f in run.findings if f.change == FindingChange.UNCHANGED),
        )

    def accept_risk(
        self, finding_id: int, reason: str, expected_row_version: int | None = None
    ) -> StoredFinding:
        """A person accepts the risk of a finding, with a reason; the same finding in later
        runs stays accepted."""
        reason = reason.strip()
        if not reason:
            raise ValidationError([FieldProblem("reason", "problem.say_why_the_risk_is_accepted")])
        if len(reason) > MAX_REASON or any(ord(c) < 32 and c not in "\n\t" for c in reason):
            raise ValidationError(
                [FieldProblem("reason", "problem.is_too_long_max_or_not_printable", n=MAX_REASON)]
            )
        return self._set_accepted(finding_id, reason, expected_row_version)

    def clear_accepted_risk(
        self, finding_id: int, expected_row_version: int | None = None
    ) -> StoredFinding:
        """Undo `accept_risk`: the finding counts again."""
        return self._set_accepted(finding_id, None, expected_row_version)

    def _set_accepted(
        self, finding_id: int, reason: str | None, expected_row_version: int | None
    ) -> StoredFinding:
        with self.db.write() as s:
            row = s.get(FindingRow, finding_id)
            if row is None:
                raise NotFoundError(
                    "error.proposals.check_service.there_no_finding_finding_id",
                    finding_id=finding_id,
                )
            if expected_row_version is not None and row.row_version != expected_row_version:
                raise ConflictError(
                    "error.proposals.check_service.finding_finding_id_was_changed",
                    finding_id=finding_id,
                    value=row.accepted_by or phrase("error.someone"),
                )
            before = rule_check.finding_snapshot(row)
            row.accepted_risk = reason is not None
            row.accepted_reason = reason or ""
            row.accepted_by = self.db.actor if reason is not None else ""
            row.accepted_at = self.clock() if reason is not None else None
            row.accepted_in_run_id = row.run_id if reason is not None else None
            row.row_version += 1
            s.flush()
            rule_check.refresh_worst_open(s, row.run_id)
            action = "accept_risk" if reason is not None else "clear_accepted_risk"
            append_event(
                s,
                self.db.actor,
                rule_check.FINDING_ENTITY,
                row.id,
                action,
                before,
                rule_check.finding_snapshot(row),
            )
            names = names_of(s, [row.artist_id]) if row.artist_id is not None else {}
            return rule_check.to_stored(row, names)


__all__ = ["ProposalChecks"]
