"""Keeping the records safe from the window: backups, restore and the stored-file check.

File → Back up… writes one verified archive; File → Restore from backup… checks every hash
before anything is touched, moves the current database aside and restarts the app on the
restored one. At start-up a daily rolling backup is made and every stored file (evidence,
issued statements) is re-hashed in the background; damaged or missing files are reported in
the status bar and listed in the Audit view.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from models.errors import UserError
from models.messages import in_language
from models.storage.database import Database
from ui.i18n import model_language, user_message
from ui.tasks import TaskControl, run_task

if TYPE_CHECKING:
    from models.safety.integrity import FileProblem

log = logging.getLogger("consent_desk.ui.safety")


class Safety(QObject):
    """The File menu's backup actions and the start-up checks of one window."""

    files_checked = Signal(list)  # list[FileProblem]

    def __init__(self, window: QWidget, db: Database) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.backup_action = QAction(QCoreApplication.translate("Safety", "&Back up…"), window)
        self.backup_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.backup_action.triggered.connect(self.ask_backup)
        self.restore_action = QAction(
            QCoreApplication.translate("Safety", "&Restore from backup…"), window
        )
        self.restore_action.triggered.connect(self.ask_restore)
        sqlite = db.location.sqlite_path is not None
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(sqlite)
            if not sqlite:
                action.setToolTip(
                    QCoreApplication.translate(
                        "Safety", "A shared PostgreSQL database is backed up on its server."
                    )
                )

    # -- backup ---------------------------------------------------------------------------
    def ask_backup(self) -> None:
        name = f"{self.db.location.sqlite_path.stem if self.db.location.sqlite_path else 'db'}.zip"
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("Safety", "Back up to"),
            str(Path.home() / name),
            QCoreApplication.translate("Safety", "Backup (*.zip)"),
        )
        if path:
            self.backup_to(Path(path))

    def backup_to(self, path: Path) -> None:
        from models.safety.backup import create_backup  # loaded when first needed

        def done(summary: object) -> None:
            self._message(
                QCoreApplication.translate("Safety", "Backup written to {path}.").format(path=path)
            )

        run_task(
            self.window,
            lambda control: create_backup(self.db, path, overwrite=True),
            done,
            label=QCoreApplication.translate("Safety", "Writing the backup…"),
            cancellable=False,
        )

    # -- restore --------------------------------------------------------------------------
    def ask_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("Safety", "Restore from backup"),
            str(Path.home()),
            QCoreApplication.translate("Safety", "Backup (*.zip)"),
        )
        if path:
            self.restore_from(Path(path))

    def restore_from(
        self, archive: Path, confirm: bool = True, accept_broken: bool = False
    ) -> None:
        """Check the archive, confirm, restore, then start again on the restored database.

        A backup whose seal or audit trail does not verify is refused first; the person is
        then warned what that means and may restore it anyway (recorded in the audit trail).
        """
        from models.safety.backup import UnverifiedBackup, check_backup
        from models.safety.restore import restore_backup
        from ui.errors import show_error

        def checked(_manifest: object) -> None:
            if confirm and not self._confirm_restore(archive):
                return
            target = str(self.db.location.sqlite_path)
            self.db.close()
            run_task(
                self.window,
                lambda control: restore_backup(archive, target, accept_broken=accept_broken),
                restored,
                label=QCoreApplication.translate("Safety", "Restoring…"),
                on_error=failed,
                cancellable=False,
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, UnverifiedBackup) and not accept_broken:
                if self.confirm_broken(archive, error.problems):
                    self.restore_from(archive, confirm=False, accept_broken=True)
                return
            show_error(self.window, error)

        def restored(summary: object) -> None:
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("Safety", "Backup restored"),
                QCoreApplication.translate(
                    "Safety",
                    "The backup is in place and its audit trail was checked. The previous "
                    "database was kept beside it. Consent Desk will now start again.",
                ),
            )
            self.restart()

        run_task(
            self.window,
            lambda control: check_backup(archive),
            checked,
            label=QCoreApplication.translate("Safety", "Checking the backup…"),
            cancellable=False,
        )

    def confirm_broken(self, archive: Path, problems: tuple[str, ...]) -> bool:
        """Warn that a backup cannot be trusted; True only if the person chooses to go on."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Safety", "This backup cannot be trusted"))
        box.setText(
            QCoreApplication.translate(
                "Safety",
                "{name} does not verify: it was changed after it was made, was made on "
                "another desk, or its audit trail is broken. Nothing has been restored.\n\n"
                "Restoring it anyway may put altered or incomplete records in place of yours. "
                "Do this only if you know why the backup does not verify. The restore will "
                "be recorded in the audit trail with these problems.",
            ).format(name=archive.name)
        )
        box.setDetailedText("\n".join(in_language(p, model_language()) for p in problems))
        anyway = box.addButton(
            QCoreApplication.translate("Safety", "Restore anyway"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is anyway

    def _confirm_restore(self, archive: Path) -> bool:
        answer = QMessageBox.question(
            self.window,
            QCoreApplication.translate("Safety", "Restore from backup"),
            QCoreApplication.translate(
                "Safety",
                "Every file in {name} was checked and is intact.\n\n"
                "Restoring puts it in place of the current database. The current database "
                "and its files are not deleted: they are moved aside next to it. "
                "Consent Desk then starts again on the restored records.\n\nRestore now?",
            ).format(name=archive.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def restart(self) -> None:
        # A bundle's executable is the app itself; from source, Python runs main.py again.
        args = sys.argv[1:] if getattr(sys, "frozen", False) else sys.argv
        QProcess.startDetached(sys.executable, args)
        QCoreApplication.quit()

    # -- start-up checks ------------------------------------------------------------------
    def start_background_checks(self) -> None:
        """The daily backup, then the re-hash of every stored file; both stay out of the way."""
        from models.safety.backup import rolling_backup

        def backup_done(path: object) -> None:
            if path is not None:
                log.info("daily backup written to %s", path)
            self.check_files()

        def backup_failed(error: BaseException) -> None:
            log.warning("daily backup failed: %s", error)
            self._message(
                QCoreApplication.translate(
                    "Safety", "The daily backup could not be written: {error}"
                ).format(error=user_message(error) if isinstance(error, UserError) else error)
            )
            self.check_files()

        run_task(
            self.window,
            lambda control: rolling_backup(self.db),
            backup_done,
            label=QCoreApplication.translate("Safety", "Making the daily backup…"),
            on_error=backup_failed,
            cancellable=False,
            delay_ms=60_000,  # a background chore: no dialog unless it is very slow
        )

    def check_files(self) -> None:
        from models.safety.integrity import check_stored_files

        def work(control: TaskControl) -> list[FileProblem]:
            return check_stored_files(self.db, cancel=lambda: control.cancelled)

        def done(problems: list[FileProblem]) -> None:
            self.files_checked.emit(problems)
            if problems:
                self._message(
                    QCoreApplication.translate(
                        "Safety", "{n} stored file(s) are damaged or missing: see the Audit view."
                    ).format(n=len(problems))
                )

        run_task(
            self.window,
            work,
            done,
            label=QCoreApplication.translate("Safety", "Checking stored files…"),
            on_error=lambda e: log.warning("stored-file check failed: %s", e),
            delay_ms=60_000,
        )

    def _message(self, text: str) -> None:
        show = getattr(self.window, "show_message", None)
        if callable(show):
            show(text)
