"""The Leak day screen: paste (or open) a published list, see every name matched to the
roster with what is and is not authorised now, confirm the doubtful ones, save the listing
and issue signed statements for all confirmed artists in one go.

Matching runs on a worker thread: the roster index (`NameMatcher`) is built once and kept
until the roster changes, then a list of hundreds of names matches in a moment. The table
updates while the manager types or pastes; the window never waits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.clock import utc_now
from models.desk import Desk
from models.identity import UnlockedIdentity
from models.leak import ListEntry, NameMatch, NameMatcher, read_list_file, split_list
from models.leak.listings import Listing, ListingDraft
from models.leak.overview import ArtistOverview, artist_overviews
from models.statements.record import StatementKind
from ui.leak.issue import IssueOutcome, IssueRequest, LeakIssuer
from ui.leak.list_panel import ListPanel
from ui.leak.model import LeakTableModel, overview_ids
from ui.leak.table import LeakTableView
from ui.settings import (
    LAST_IMPORT_FOLDER,
    LAST_STATEMENT_FOLDER,
    LEAK_HEADER,
    LEAK_SPLITTER,
    Settings,
)
from ui.statements.confirm import ConfirmBatchDialog, PlannedStatement
from ui.statements.unlock import with_identity
from ui.tasks import Task, TaskControl, run_task

MATCH_DEBOUNCE_MS = 400
LEFT_WIDTH = 225


@dataclass(frozen=True)
class MatchResult:
    generation: int
    matcher: NameMatcher
    matches: list[NameMatch]
    overviews: dict[int, ArtistOverview]


class LeakView(QWidget):
    summary_changed = Signal(str)
    statements_issued = Signal()
    message = Signal(str)
    list_opened = Signal(object)  # the Path of a list file read (File → Open Recent)

    def __init__(self, desk: Desk, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leakView")
        self.desk = desk
        self.db = desk.db
        self.settings = settings
        self.summary = ""
        self.matcher: NameMatcher | None = None
        self.match_task: Task[MatchResult] | None = None
        self._generation = 0
        self._entries_from_file: list[ListEntry] | None = None
        self.saved_listing: Listing | None = None
        self._saved_key: tuple[object, ...] = ()
        self._pending_key: tuple[object, ...] = ()
        self.dialog: QWidget | None = None
        self.issuer = LeakIssuer(self, desk)
        self.issuer.finished.connect(self._issued)
        self.model = LeakTableModel(lambda ids: artist_overviews(self.db, ids), self)
        self.model.dataChanged.connect(lambda *_a: self._update_summary())
        self.model.modelReset.connect(self._update_summary)
        self._build()
        self._restore_state()
        self._update_summary()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.panel = ListPanel(self.settings, self)
        self.panel.setMinimumWidth(LEFT_WIDTH - 40)
        self.paste_edit = self.panel.paste_edit
        self.platform_edit = self.panel.platform_edit
        self.platform_label = self.panel.platform_label
        self.platform_problem = self.panel.platform_problem
        self.source_edit = self.panel.source_edit
        self.seen_edit = self.panel.seen_edit
        self.languages = self.panel.languages
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(MATCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.match_now)
        self.paste_edit.textChanged.connect(self._text_changed)
        self.panel.open_button.clicked.connect(self.ask_list_file)
        self.panel.clear_button.clicked.connect(self.clear)
        self.platform_edit.textChanged.connect(self._source_changed)
        self.source_edit.textChanged.connect(self._source_changed)
        self.seen_edit.dateChanged.connect(self._source_changed)

        self.table = LeakTableView(self.model, self)
        self.delegate = self.table.candidate_delegate
        self.check_delegate = self.table.check_delegate

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("leakSummary")
        self.summary_label.setWordWrap(True)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("leakSaved")
        self.saved_label.setEnabled(False)
        self.saved_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save listing"), self)
        self.save_button.setObjectName("saveListing")
        self.save_button.clicked.connect(self.save_listing)
        self.issue_button = QPushButton(self.tr("Issue statements…"), self)
        self.issue_button.setObjectName("issueStatements")
        self.issue_button.setDefault(True)
        self.issue_button.clicked.connect(self.ask_issue)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label, 1)
        self.press_kit_button = QPushButton(self.tr("Write press kit…"), self)
        self.press_kit_button.setObjectName("writePressKit")
        self.press_kit_button.setToolTip(
            self.tr(
                "A folder for journalists: the statements issued here, the register with its "
                "verify page, a press note in both languages and a how-to-check sheet"
            )
        )
        self.press_kit_button.setEnabled(False)
        self.press_kit_button.clicked.connect(self.ask_press_kit)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.press_kit_button)
        bottom.addWidget(self.issue_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(self.summary_label)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(bottom)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("leakSplitter")
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([LEFT_WIDTH, 950])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 12, 4)
        layout.addWidget(self.splitter)

    # -- input ---------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self._entries_from_file = None
        self._debounce.start()

    def _source_changed(self) -> None:
        self.model.set_platform(self.platform_edit.text())
        self._update_summary()

    def set_list_text(self, text: str) -> Task[MatchResult] | None:
        """Put a list in the box and match it at once (what a paste does after a pause)."""
        self.paste_edit.setPlainText(text)
        self._debounce.stop()
        return self.match_now()

    def clear(self) -> None:
        self.paste_edit.clear()
        self._debounce.stop()
        self.match_now()

    def ask_list_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a published list"),
            self.settings.get(LAST_IMPORT_FOLDER),
            self.tr("Lists (*.txt *.csv *.xlsx *.pdf);;All files (*)"),
        )
        if path:
            self.settings.set(LAST_IMPORT_FOLDER, str(Path(path).parent))
            self.open_list(Path(path))

    def open_list(self, path: Path) -> Task[list[ListEntry]]:
        """Read a .txt/.csv/.xlsx/.pdf list in the background; its names fill the box."""

        def done(entries: list[ListEntry]) -> None:
            self.paste_edit.blockSignals(True)
            self.paste_edit.setPlainText("\n".join(e.text for e in entries))
            self.paste_edit.blockSignals(False)
            self._entries_from_file = entries
            if not self.source_edit.text().strip():
                self.source_edit.setText(self.tr("file {name}").format(name=path.name))
            self.list_opened.emit(path)
            self.match_now()

        return run_task(
            self,
            lambda _c: read_list_file(path),
            done,
            label=self.tr("Reading {file}…").format(file=path.name),
        )

    def forget_matcher(self) -> None:
        """The roster changed: the next match builds a fresh index."""
        self.matcher = None

    # -- matching ------------------------------------------------------------------------------
    def match_now(self) -> Task[MatchResult] | None:
        self._generation += 1
        generation = self._generation
        entries = self._entries_from_file or split_list(self.paste_edit.toPlainText())
        if not entries:
            self.model.set_matches([], {})
            return None
        matcher = self.matcher
        db = self.db

        def work(control: TaskControl) -> MatchResult:
            index = matcher or NameMatcher.from_database(db)
            control.check()
            matches = index.match_entries(entries)
            control.check()
            return MatchResult(
                generation, index, matches, artist_overviews(db, overview_ids(matches), utc_now())
            )

        if self.match_task is not None and self.match_task.running:
            self.match_task.cancel()
        self.match_task = run_task(
            self,
            work,
            self._matched,
            label=self.tr("Matching {n} names against the roster…").format(n=len(entries)),
            delay_ms=600,
        )
        return self.match_task

    def _matched(self, result: MatchResult) -> None:
        self.matcher = result.matcher
        if result.generation != self._generation:
            return  # the text changed meanwhile; a newer match is on its way
        self.model.set_matches(result.matches, result.overviews)
        self.model.set_platform(self.platform_edit.text())

    # -- summary -------------------------------------------------------------------------------
    def _update_summary(self) -> None:
        c = self.model.counts()
        total = self.model.rowCount()
        if total == 0:
            text = self.tr("Paste or open a list to match it against the roster.")
        else:
            text = self.tr(
                "{total} entries: {matched} matched, {ambiguous} ambiguous, {missing} not on "
                "the roster · {confirmed} artists confirmed"
            ).format(
                total=total,
                matched=c["matched"],
                ambiguous=c["ambiguous"],
                missing=c["not_found"],
                confirmed=c["confirmed"],
            )
            if c["to_decide"]:
                text += " · " + self.tr("{n} to check (shaded)").format(n=c["to_decide"])
        self.summary_label.setText(text)
        confirmed = c["confirmed"]
        self.issue_button.setEnabled(confirmed > 0)
        self.issue_button.setText(
            self.tr("Issue {n} statements…").format(n=confirmed)
            if confirmed
            else self.tr("Issue statements…")
        )
        self.save_button.setEnabled(total > 0)
        self.press_kit_button.setEnabled(bool(self.model.statements))
        if self.saved_listing is not None and not self._listing_current():
            self.saved_label.setText(
                self.tr("Changed since it was saved as listing #{id}.").format(
                    id=self.saved_listing.id
                )
            )
        if text != self.summary:
            self.summary = text
            self.summary_changed.emit(text)

    # -- listing -------------------------------------------------------------------------------
    def listing_draft(self) -> ListingDraft:
        seen = self.seen_edit.date().toPython()
        assert isinstance(seen, date)
        return ListingDraft(
            self.platform_edit.text(),
            self.source_edit.text(),
            seen,
            self.model.entry_drafts(),
        )

    def _fingerprint(self) -> tuple[object, ...]:
        d = self.listing_draft()
        return (" ".join(d.platform.split()), d.source.strip(), d.seen_on, d.entries)

    def _listing_current(self) -> bool:
        return self.saved_listing is not None and self._saved_key == self._fingerprint()

    def _need_platform(self) -> bool:
        """Without a platform the panel marks the field and says why (also in the status)."""
        problem = self.panel.need_platform()
        if problem:
            self.message.emit(problem)
        return bool(problem)

    def save_listing(self) -> Task[Listing] | None:
        if self.model.rowCount() == 0 or self._need_platform():
            return None
        draft = self.listing_draft()
        key = self._fingerprint()

        def done(listing: Listing) -> None:
            self._remember_listing(listing, key)
            self.message.emit(
                self.tr("Saved listing #{id} ({platform}).").format(
                    id=listing.id, platform=listing.platform
                )
            )

        return run_task(
            self,
            lambda _c: self.desk.leak.save(draft),
            done,
            label=self.tr("Saving the listing…"),
            cancellable=False,
        )

    def _remember_listing(self, listing: Listing, key: tuple[object, ...]) -> None:
        self.saved_listing = listing
        self._saved_key = key
        self.saved_label.setText(
            self.tr("Saved as listing #{id}: {n} names, {c} artists confirmed.").format(
                id=listing.id, n=listing.entry_count, c=len(listing.confirmed_artist_ids)
            )
        )
        self._update_summary()

    # -- statements ----------------------------------------------------------------------------
    def ask_issue(self) -> None:
        if not self.model.confirmed_ids() or self._need_platform():
            return
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Folder for the signed statements"),
            self.settings.get(LAST_STATEMENT_FOLDER),
        )
        if folder:
            self.settings.set(LAST_STATEMENT_FOLDER, folder)
            self.issue_into(Path(folder))

    def issue_into(self, folder: Path) -> QWidget | None:
        """List every artist, the statement, languages and folder; on "Sign", ask for the
        passphrase, then sign every confirmed artist's statement into `folder`."""
        ids = self.model.confirmed_ids()
        if not ids or self._need_platform():
            return None
        self.languages.remember()
        request = IssueRequest(
            artist_ids=tuple(ids),
            folder=folder,
            languages=self.languages.languages(),
            listing=self.listing_draft(),
            saved_listing_id=(
                self.saved_listing.id
                if self.saved_listing is not None and self._listing_current()
                else None
            ),
        )
        key = self._fingerprint()
        overviews = {i: self.model.overview(i) for i in ids}
        planned = [
            PlannedStatement(
                ov.display_name if ov is not None else f"#{i}",
                StatementKind.POSITION,
                tuple(request.languages),
            )
            for i, ov in overviews.items()
        ]
        confirm = ConfirmBatchDialog(
            planned,
            folder,
            self.tr("Sign {n} statements?").format(n=len(planned)),
            self,
            platform=request.listing.platform.strip(),
            again=len(self.model.already_issued(ids)),
        )
        confirm.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def signed(identity: UnlockedIdentity) -> None:
            self._pending_key = key
            self.issue_button.setEnabled(False)  # until this batch reports back
            self.issuer.start(identity, request)

        def go() -> None:
            self.dialog = with_identity(
                self,
                self.desk,
                self.tr("Sign {n} position statements naming {platform}.").format(
                    n=len(ids), platform=request.listing.platform.strip()
                ),
                signed,
            )

        confirm.accepted.connect(go)
        self.dialog = confirm
        confirm.open()
        return confirm

    def _issued(self, outcome: IssueOutcome) -> None:
        if outcome.listing is not None:
            self._remember_listing(outcome.listing, self._pending_key)
        self.model.set_statements(
            {r.artist_id: r.statement_id for r in outcome.rows if r.outcome == "issued"}
        )
        self._update_summary()
        if outcome.rows:
            self.statements_issued.emit()

    # -- press kit -----------------------------------------------------------------------------
    def ask_press_kit(self) -> None:
        parent = QFileDialog.getExistingDirectory(
            self,
            self.tr("Where to write the press kit (a new folder is made inside)"),
            self.settings.get(LAST_STATEMENT_FOLDER),
        )
        if parent:
            self.write_press_kit(Path(parent))

    def write_press_kit(self, parent: Path) -> QWidget | None:
        """Sign the register and write the press kit for the statements issued here into a new
        folder inside `parent` (reports/press_kit.py)."""
        ids = sorted(set(self.model.statements.values()))
        platform = self.platform_edit.text().strip()
        if not ids or self._need_platform():
            return None
        folder = parent / f"press-kit-{utc_now().astimezone():%Y%m%d-%H%M%S}"

        def signed(identity: UnlockedIdentity) -> None:
            from reports.press_kit import write_press_kit

            run_task(
                self,
                lambda _c: write_press_kit(self.db, identity, ids, folder, platform),
                lambda kit: self.message.emit(
                    self.tr("Press kit written to {folder}.").format(folder=kit.folder)
                ),
                label=self.tr("Writing the press kit…"),
                cancellable=False,
            )

        self.dialog = with_identity(
            self,
            self.desk,
            self.tr("Sign the public register for a press kit of {n} statements.").format(
                n=len(ids)
            ),
            signed,
        )
        return self.dialog

    # -- window hooks --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.paste_edit.setFocus()

    def save_state(self) -> None:
        self.settings.set(LEAK_HEADER, self.table.horizontalHeader().saveState())
        self.settings.set(LEAK_SPLITTER, self.splitter.saveState())

    def _restore_state(self) -> None:
        header = self.settings.get(LEAK_HEADER)
        if not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)
        splitter = self.settings.get(LEAK_SPLITTER)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)


__all__ = ["LeakView", "MatchResult", "overview_ids"]
