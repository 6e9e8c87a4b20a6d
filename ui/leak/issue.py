"""Issuing leak-day statements from the GUI: save the listing, sign one statement per
confirmed artist on a worker thread (progress, Cancel), then write the summary.

Cancelling stops between artists; the statements already signed stay issued and are listed
in the summary, so the manager knows exactly what went out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from models.clock import utc_now
from models.desk import Desk
from models.identity import UnlockedIdentity
from models.leak.listings import Listing, ListingDraft
from reports.leak_statements import (
    SummaryRow,
    issue_leak_statements,
    summary_rows,
    write_summary,
)
from reports.statements.service import BatchResult, StatementService
from ui.errors import show_error
from ui.statements.actions import open_file
from ui.tasks import Task, TaskControl, run_task


@dataclass(frozen=True)
class IssueRequest:
    artist_ids: tuple[int, ...]
    folder: Path
    languages: tuple[str, ...]
    listing: ListingDraft
    saved_listing_id: int | None  # already saved and unchanged since: not saved again


@dataclass
class IssueOutcome:
    """Filled in by the worker as it goes; read by the GUI when done or cancelled."""

    listing: Listing | None = None
    result: BatchResult | None = None
    rows: tuple[SummaryRow, ...] = ()
    csv_path: Path | None = None
    pdf_path: Path | None = None
    cancelled: bool = False


def issue(
    desk: Desk,
    identity: UnlockedIdentity,
    request: IssueRequest,
    control: TaskControl,
    outcome: IssueOutcome,
    label: Callable[[int, int, str], str],
) -> IssueOutcome:
    """The worker's part (no widgets touched here)."""
    listings = desk.leak
    if request.saved_listing_id is None:
        outcome.listing = listings.save(request.listing)
    else:
        outcome.listing = listings.get(request.saved_listing_id)
    now = utc_now()
    platforms = listings.platforms_for(request.artist_ids, now)
    service = StatementService(desk.db, identity)

    def progress(done: int, total: int, who: str) -> None:
        control.set_label(label(done, total, who))
        control.progress(done, total)

    control.progress(0, len(request.artist_ids))
    result = issue_leak_statements(
        service,
        request.artist_ids,
        request.folder,
        request.languages,
        platforms,
        progress=progress,
        cancelled=lambda: control.cancelled,
    )
    outcome.result = result
    outcome.cancelled = result.cancelled
    outcome.rows = summary_rows(service, result, platforms)
    if outcome.rows:
        outcome.csv_path, outcome.pdf_path = write_summary(
            request.folder, outcome.rows, request.listing.platform, now.astimezone()
        )
    return outcome


class LeakIssuer(QObject):
    """Runs `issue` through `run_task` and reports the outcome in a message box."""

    finished = Signal(object)  # IssueOutcome (also after Cancel)

    def __init__(self, parent: QWidget, desk: Desk) -> None:
        super().__init__(parent)
        self.widget = parent
        self.desk = desk
        self.db = desk.db
        self.task: Task[IssueOutcome] | None = None
        self.box: QMessageBox | None = None

    def start(self, identity: UnlockedIdentity, request: IssueRequest) -> Task[IssueOutcome]:
        outcome = IssueOutcome()

        def label(done: int, total: int, who: str) -> str:
            return self.tr("Signed {done} of {total}: {artist}").format(
                done=done, total=total, artist=who
            )

        self.task = run_task(
            self.widget,
            lambda control: issue(self.desk, identity, request, control, outcome, label),
            self._report,
            label=self.tr("Signing {n} statements…").format(n=len(request.artist_ids)),
            on_cancelled=lambda: self._report(outcome, cancelled=True),
            on_error=lambda exc: self._failed(exc, outcome),
        )
        return self.task

    def _failed(self, exc: BaseException, outcome: IssueOutcome) -> None:
        show_error(self.widget, exc)
        self.finished.emit(outcome)

    def _report(self, outcome: IssueOutcome, cancelled: bool = False) -> None:
        outcome.cancelled = outcome.cancelled or cancelled
        issued = [r for r in outcome.rows if r.outcome == "issued"]
        failed = [r for r in outcome.rows if r.outcome == "failed"]
        lines = []
        if outcome.cancelled:
            lines.append(self.tr("Cancelled: the remaining artists got no statement."))
        folder = outcome.csv_path.parent if outcome.csv_path else None
        lines.append(
            self.tr("{n} signed statements issued into {folder}.").format(
                n=len(issued), folder=folder or "—"
            )
        )
        for r in failed:
            lines.append(
                self.tr("Not issued for {artist}: {reason}").format(
                    artist=r.artist, reason=r.reason
                )
            )
        if outcome.csv_path is not None:
            lines.append(self.tr("Summary: {file}").format(file=outcome.csv_path.name))
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Statements issued"),
            "\n".join(lines),
            QMessageBox.StandardButton.Ok,
            self.widget,
        )
        box.setObjectName("leakIssued")
        if folder is not None:
            opener = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
            opener.clicked.connect(lambda: open_file(folder))
        box.finished.connect(box.deleteLater)
        self.box = box
        box.open()
        self.finished.emit(outcome)


__all__ = ["IssueOutcome", "IssueRequest", "LeakIssuer", "issue"]
