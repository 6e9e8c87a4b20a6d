"""What can be done with statements, from any screen: export, batch, re-issue, withdraw,
open, verify, and the signing identity and letterhead.

Signing always asks for the passphrase first (`with_identity`) and then runs on a worker
thread through `run_task`; the register changes are announced with `changed` so the
Statements view (and anyone else) reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from models.desk import Desk
from models.errors import UserError
from models.identity import UnlockedIdentity
from models.statements.record import StatementKind
from models.statements.register import RegisteredStatement
from reports.statements.service import (
    BatchResult,
    ExportedStatement,
    StatementRequest,
    StatementService,
)
from ui.errors import show_error
from ui.settings import LAST_STATEMENT_FOLDER, Settings
from ui.statements.batch_dialog import BatchExportDialog
from ui.statements.confirm import ConfirmBatchDialog, PlannedStatement
from ui.statements.export_dialog import ExportStatementDialog
from ui.statements.identity_dialog import IdentityDialog
from ui.statements.letterhead_dialog import LetterheadDialog
from ui.statements.unlock import with_identity
from ui.statements.verify_dialog import VerifyDialog
from ui.tasks import Task, TaskControl, run_task


@dataclass
class BatchOutcome:
    """Filled in by the worker, so a cancelled batch can still say what it issued."""

    result: BatchResult | None = None
    exported: list[ExportedStatement] = field(default_factory=list)


def open_file(path: Path) -> None:
    if not path.exists():
        raise UserError("error.ui.statements.actions.path_no_longer_there", path=path)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class StatementActions(QObject):
    changed = Signal()  # the register changed (issued, superseded, withdrawn)
    message = Signal(str)

    def __init__(self, parent: QWidget, desk: Desk, settings: Settings) -> None:
        super().__init__(parent)
        self.widget = parent
        self.desk = desk
        self.db = desk.db
        self.settings = settings
        self.dialog: QWidget | None = None  # the last dialog opened (tests look at it)
        self.result_box: QMessageBox | None = None
        self.last_task: (
            Task[ExportedStatement] | Task[BatchResult] | Task[list[ExportedStatement]] | None
        ) = None

    # -- one statement -------------------------------------------------------------------------
    def export_for(
        self, artist_id: int | None = None, as_of: datetime | None = None
    ) -> ExportStatementDialog:
        """The export dialog, on `as_of` (a past moment: a historical statement) or now."""
        dialog = ExportStatementDialog(self.desk, self.settings, artist_id, self.widget, as_of)
        dialog.accepted.connect(lambda: self.sign_export(dialog.request(), dialog.target()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def sign_export(self, request: StatementRequest, target: Path) -> None:
        def signed(identity: UnlockedIdentity) -> None:
            self.last_task = run_task(
                self.widget,
                lambda _c: StatementService(self.db, identity).export(request, target),
                self._exported,
                label=self.tr("Signing the statement…"),
                cancellable=False,
            )

        self._unlock(self.tr("Sign a statement."), signed)

    def _exported(self, exported: ExportedStatement) -> None:
        self.changed.emit()
        st = exported.statement
        text = self.tr("Statement {id} for {artist} is signed and saved to {path}.").format(
            id=st.id, artist=st.artist_display_name, path=exported.path
        )
        if st.supersedes_id:
            text += "\n" + self.tr("It supersedes {id}.").format(id=st.supersedes_id)
        self.message.emit(self.tr("Issued statement {id}.").format(id=st.id))
        self._result_box(self.tr("Statement issued"), text, exported.path)

    # -- many ----------------------------------------------------------------------------------
    def batch(self, selected: Sequence[int] = ()) -> BatchExportDialog:
        dialog = BatchExportDialog(self.desk, self.settings, selected, self.widget)
        dialog.accepted.connect(
            lambda: self.sign_batch(
                dialog.artist_ids(),
                dialog.folder(),
                dialog.kind(),
                dialog.languages.languages(),
                dialog.as_of.as_of(),
                dialog.listings(),
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def sign_batch(
        self,
        artist_ids: Sequence[int],
        folder: Path,
        kind: StatementKind = StatementKind.POSITION,
        languages: Sequence[str] = ("en", "zh"),
        as_of: datetime | None = None,
        listings: Sequence[str] = (),
    ) -> None:
        ids = list(artist_ids)

        def signed(identity: UnlockedIdentity) -> None:
            outcome = BatchOutcome()

            def work(control: TaskControl) -> BatchResult:
                def progress(done: int, total: int, label: str) -> None:
                    control.set_label(
                        self.tr("Signed {done} of {total}: {artist}").format(
                            done=done, total=total, artist=label
                        )
                    )
                    control.progress(done, total)

                result = StatementService(self.db, identity).export_batch(
                    ids,
                    folder,
                    kind=kind,
                    languages=languages,
                    as_of=as_of,
                    listings=listings,
                    progress=progress,
                    cancelled=lambda: control.cancelled,
                )
                outcome.result = result
                return result

            self.last_task = run_task(
                self.widget,
                work,
                lambda result: self._batch_done(result, folder),
                label=self.tr("Signing {n} statements…").format(n=len(ids)),
                on_cancelled=lambda: self._batch_done(outcome.result, folder, cancelled=True),
            )

        self._unlock(self.tr("Sign {n} statements.").format(n=len(ids)), signed)

    def _batch_done(
        self, result: BatchResult | None, folder: Path, cancelled: bool = False
    ) -> None:
        exported = len(result.exported) if result else 0
        if exported:
            self.changed.emit()
        lines = [self.tr("{n} statements signed into {folder}.").format(n=exported, folder=folder)]
        if cancelled:
            lines.insert(0, self.tr("Cancelled: the remaining artists were not exported."))
        for artist_id, reason in result.failed if result else ():
            lines.append(
                self.tr("Not exported for artist #{id}: {reason}").format(
                    id=artist_id, reason=reason
                )
            )
        self.message.emit(lines[0])
        self._result_box(self.tr("Batch export"), "\n".join(lines), folder)

    # -- register actions ----------------------------------------------------------------------
    def reissue(self, statement: RegisteredStatement, folder: Path | None = None) -> None:
        """A new statement of the same kind and scope, as of now; the old one is superseded."""
        target = folder or self._statement_folder()
        if target is None:
            return
        self.sign_export(self._reissue_request(statement), target)

    def _reissue_request(self, statement: RegisteredStatement) -> StatementRequest:
        listed = [str(x.get("platform", "")) for x in statement.record.get("listings", [])]
        listed += self.desk.leak.platforms_listed(statement.artist_id)
        return StatementRequest(
            artist_id=statement.artist_id,
            kind=statement.kind,
            languages=statement.languages,
            as_of=None,
            listings=tuple(dict.fromkeys(p for p in listed if p)),
            project_id=statement.project_id,
        )

    def reissue_all(
        self, statements: Sequence[RegisteredStatement], folder: Path | None = None
    ) -> None:
        """Re-issue every given (out-of-date) statement in one go: one passphrase, one task
        with progress and cancel; each new statement supersedes its old one."""
        if not statements:
            return
        target = folder or self._statement_folder()
        if target is None:
            return
        requests = [self._reissue_request(st) for st in statements]
        names = self.desk.roster.get_many(sorted({r.artist_id for r in requests}))
        planned = [
            PlannedStatement(
                names[r.artist_id].display_name if r.artist_id in names else f"#{r.artist_id}",
                r.kind,
                r.languages,
            )
            for r in requests
        ]
        confirm = ConfirmBatchDialog(
            planned, target, self.tr("Re-issue out-of-date statements"), self.widget
        )
        confirm.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        confirm.accepted.connect(lambda: self._reissue_confirmed(requests, target))
        self.dialog = confirm
        confirm.open()

    def _reissue_confirmed(self, requests: list[StatementRequest], target: Path) -> None:
        """Sign what the person confirmed (see ConfirmBatchDialog)."""

        def signed(identity: UnlockedIdentity) -> None:
            def work(control: TaskControl) -> list[ExportedStatement]:
                service = StatementService(self.db, identity)
                done: list[ExportedStatement] = []
                for n, request in enumerate(requests, start=1):
                    control.check()
                    done.append(service.export(request, target))
                    control.progress(n, len(requests))
                return done

            self.last_task = run_task(
                self.widget,
                work,
                lambda done: self._reissued(done, target),
                label=self.tr("Re-issuing out-of-date statements…"),
                on_cancelled=self.changed.emit,
            )

        self._unlock(
            self.tr("Re-issue {n} out-of-date statement(s).").format(n=len(requests)), signed
        )

    def _reissued(self, done: list[ExportedStatement], folder: Path) -> None:
        self.changed.emit()
        self.message.emit(
            self.tr("Re-issued {n} statement(s) into {folder}.").format(n=len(done), folder=folder)
        )

    def _statement_folder(self) -> Path | None:
        saved = self.settings.get(LAST_STATEMENT_FOLDER)
        if saved and Path(saved).is_dir():
            return Path(saved)
        chosen = QFileDialog.getExistingDirectory(
            self.widget, self.tr("Folder for re-issued statements")
        )
        if not chosen:
            return None
        self.settings.set(LAST_STATEMENT_FOLDER, chosen)
        return Path(chosen)

    def withdraw(self, statement: RegisteredStatement, reason: str | None = None) -> bool:
        if reason is None:
            reason, ok = QInputDialog.getMultiLineText(
                self.widget,
                self.tr("Withdraw statement"),
                self.tr(
                    "Statement {id} about {artist} will be marked withdrawn in the register "
                    "(the file is kept). Why is it withdrawn?"
                ).format(id=statement.id, artist=statement.artist_display_name),
            )
            if not ok:
                return False
        try:
            self.desk.statements.withdraw(statement.id, reason)
        except UserError as e:
            show_error(self.widget, e)
            return False
        self.changed.emit()
        self.message.emit(self.tr("Statement {id} is withdrawn.").format(id=statement.id))
        return True

    def open_pdf(self, statement: RegisteredStatement) -> None:
        try:
            open_file(statement.stored_path)
        except UserError as e:
            show_error(self.widget, e)

    def verify(self, path: Path | None = None) -> VerifyDialog:
        dialog = VerifyDialog(self.db, self.settings, self.widget)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        if path is not None:
            dialog.verify(path)
        return dialog

    # -- identity ------------------------------------------------------------------------------
    def identity(self) -> IdentityDialog:
        dialog = IdentityDialog(self.desk, self.settings, self.widget)
        dialog.letterhead_requested.connect(self.letterhead)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def letterhead(self) -> LetterheadDialog:
        dialog = LetterheadDialog(self.desk, self.widget)
        dialog.finished.connect(dialog.deleteLater)
        dialog.accepted.connect(lambda: self.message.emit(self.tr("Letterhead saved.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- helpers -------------------------------------------------------------------------------
    def _unlock(self, purpose: str, then: Callable[[UnlockedIdentity], None]) -> None:
        self.dialog = with_identity(self.widget, self.desk, purpose, then, on_setup=self.identity)

    def _result_box(self, title: str, text: str, path: Path) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.widget
        )
        box.setObjectName("statementResult")
        opener = box.addButton(
            self.tr("Open folder") if path.is_dir() else self.tr("Open PDF"),
            QMessageBox.ButtonRole.ActionRole,
        )
        opener.clicked.connect(lambda: open_file(path))
        box.finished.connect(box.deleteLater)
        self.result_box = box
        box.open()
        return box


__all__ = ["StatementActions", "open_file"]
