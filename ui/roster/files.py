"""Roster files in the GUI: import with a preview, export, and the demo agency.

The file dialogs are kept apart from the actions (`import_file`, `export_to`,
`load_demo_roster`), so tests and scripts drive the real actions with a path. Reading,
saving and writing all run through `run_task`: a 100,000-row file never freezes the window,
and Cancel works until the final, single-transaction save begins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from models.gcpause import hold
from models.roster import io as roster_io
from models.roster.artist import Artist
from models.roster.io import ImportPreview
from models.roster.merge import Choice, ImportPlan
from models.roster.service import ImportResult, RosterService
from models.storage.database import Database
from ui.i18n import number_text
from ui.roster.import_dialog import ImportPreviewDialog
from ui.settings import LAST_EXPORT_FOLDER, LAST_IMPORT_FOLDER, Settings
from ui.tasks import Task, TaskControl, run_task

if TYPE_CHECKING:
    from models.demo import DemoSummary

EXPORT_PAGE = 500
SELECT_AFTER_IMPORT = 1_000


class RosterFiles(QObject):
    """Import, export and demo loading for one roster; reports through signals."""

    changed = Signal(list)  # ids of artists added (the roster view reloads and selects them)
    message = Signal(str)  # a short confirmation for the status bar

    def __init__(
        self, parent: QWidget, db: Database, roster: RosterService, settings: Settings
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._db = db
        self._roster = roster
        self._settings = settings
        self.preview_dialog: ImportPreviewDialog | None = None

    # -- import ------------------------------------------------------------------------------
    def import_roster(self) -> None:
        """File → Import roster…: ask for a file, then preview it."""
        path, _filter = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Import roster"),
            self._settings.get(LAST_IMPORT_FOLDER),
            self.tr("Roster files (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)"),
        )
        if path:
            self._settings.set(LAST_IMPORT_FOLDER, str(Path(path).parent))
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Task[tuple[ImportPreview, ImportPlan]]:
        """Read, check and match `path` in the background, then show the preview dialog.

        The collector stays paused while the file's rows live (read, previewed, saved): a
        collector pass over 100,000 rows would stall the window (models/gcpause.py)."""
        roster = self._roster
        release = hold()

        def work(control: TaskControl) -> tuple[ImportPreview, ImportPlan]:
            preview = roster_io.preview(path)
            control.check()
            control.set_label(self.tr("Matching {file} to the roster…").format(file=path.name))
            plan = roster.plan_import(preview, control.progress)
            plan.counts()  # counted here, not on the GUI thread when the preview opens
            plan.default_choices()
            return preview, plan

        task = run_task(
            self._parent,
            work,
            lambda result: self._show_preview(result[0], result[1], path, release),
            label=self.tr("Reading {file}…").format(file=path.name),
        )
        task.failed.connect(release)
        task.cancelled.connect(release)
        return task

    def _show_preview(
        self, preview: ImportPreview, plan: ImportPlan, path: Path, release: Callable[[], None]
    ) -> None:
        try:
            dialog = ImportPreviewDialog(preview, path.name, self._parent, plan)
        except BaseException:
            release()  # no preview: the rows go now, and the collector runs again
            raise
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        saving: list[Task[ImportResult] | None] = []

        def save() -> None:
            saving.append(self.save_import(preview, path.name, plan, dialog.choices))

        def closed() -> None:
            self._forget_preview()
            task = saving[0] if saving else None
            if task is not None and task.running:
                task.finished.connect(release)  # the rows live until they are saved
            else:
                release()

        dialog.accepted.connect(save)
        dialog.destroyed.connect(closed)
        self.preview_dialog = dialog
        dialog.open()

    def _forget_preview(self) -> None:
        self.preview_dialog = None

    def save_import(
        self,
        preview: ImportPreview,
        file_name: str,
        plan: ImportPlan | None = None,
        choices: list[Choice] | None = None,
    ) -> Task[ImportResult] | None:
        """Add and update what the preview's choices say, in one audited transaction."""
        if not preview.ok or not preview.rows:
            return None
        roster = self._roster

        def work(control: TaskControl) -> ImportResult:
            chosen = plan if plan is not None else roster.plan_import(preview)
            control.check()
            control.set_cancellable(False)
            control.set_label(self.tr("Saving the import in one step…"))

            def progress(done: int, total: int) -> None:
                control.progress(done, total)

            return roster.apply_import(chosen, choices, progress)

        def done(result: ImportResult) -> None:
            touched = [*result.added, *result.updated]
            # a few artists are selected to show where they went; a whole roster is not
            self.changed.emit(touched if len(touched) <= SELECT_AFTER_IMPORT else [])
            if result.updated:
                text = self.tr("Imported {file}: {added} added, {updated} updated.").format(
                    file=file_name,
                    added=number_text(len(result.added)),
                    updated=number_text(len(result.updated)),
                )
            elif result.added:
                text = self.tr("Imported {n} artists from {file}.").format(
                    n=number_text(len(result.added)), file=file_name
                )
            else:
                text = self.tr("{file}: nothing to import; the roster already matches.").format(
                    file=file_name
                )
            self.message.emit(text)

        return run_task(
            self._parent,
            work,
            done,
            label=self.tr("Saving the import in one step…"),
            on_cancelled=lambda: self.message.emit(self.tr("Import cancelled; nothing was added.")),
        )

    # -- export ------------------------------------------------------------------------------
    def export_roster(self, include_archived: bool = False) -> None:
        """File → Export roster…: ask where, then write CSV or XLSX by the chosen type."""
        folder = self._settings.get(LAST_EXPORT_FOLDER) or self._settings.get(LAST_IMPORT_FOLDER)
        csv_filter = self.tr("CSV file (*.csv)")
        xlsx_filter = self.tr("Excel workbook (*.xlsx)")
        path, chosen = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export roster"),
            str(Path(folder) / "roster.csv") if folder else "roster.csv",
            f"{csv_filter};;{xlsx_filter}",
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_name(target.name + (".xlsx" if chosen == xlsx_filter else ".csv"))
        self._settings.set(LAST_EXPORT_FOLDER, str(target.parent))
        self.export_to(target, include_archived)

    def export_to(self, path: Path, include_archived: bool = False) -> Task[int]:
        """Write the roster (active artists, plus archived ones if asked) to `path`."""
        roster = self._roster

        def artists(control: TaskControl) -> Iterator[Artist]:
            ids = roster.search_ids(include_archived=include_archived)
            for start in range(0, len(ids), EXPORT_PAGE):
                control.check()
                control.progress(start, len(ids))
                page = ids[start : start + EXPORT_PAGE]
                found = roster.get_many(page)
                yield from (found[i] for i in page if i in found)
            control.check()

        return run_task(
            self._parent,
            lambda control: roster_io.export(artists(control), path),
            lambda n: self.message.emit(
                self.tr("Exported {n} artists to {file}.").format(n=n, file=path)
            ),
            label=self.tr("Exporting to {file}…").format(file=path.name),
            on_cancelled=lambda: self.message.emit(self.tr("Export cancelled; no file written.")),
        )

    # -- demo ------------------------------------------------------------------------------
    def load_demo_roster(self) -> Task[DemoSummary]:
        """Fill an empty roster with the fictional demo agency."""
        from models.demo import load_demo  # brings the whole demo data set; only when asked

        def done(summary: DemoSummary) -> None:
            self.changed.emit([])
            self.message.emit(
                self.tr("Loaded the demo agency: {n} fictional artists.").format(n=summary.artists)
            )

        return run_task(
            self._parent,
            lambda _control: load_demo(self._db),
            done,
            label=self.tr("Loading the demo roster…"),
            cancellable=False,
        )
