"""The Leak day screen: paste (or open) a published list, see every name matched to the
roster with what is and is not authorised now, confirm the doubtful ones, save the listing
and issue signed statements for all confirmed artists in one go.

Matching runs on a worker thread: the roster index (`NameMatcher`) is built once and kept
until the roster changes, then a list of hundreds of names matches in a moment. The table
updates while the manager types or pastes; the window never waits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.clock import utc_now
from models.desk import Desk
from models.identity import UnlockedIdentity
from models.leak import ListEntry, NameMatch, NameMatcher, read_list_file, split_list
from models.leak.listings import Listing, ListingDraft
from models.leak.matcher import MatchStatus
from models.leak.overview import ArtistOverview, artist_overviews
from ui.leak.confirm import BatchConfirmDialog
from ui.leak.delegate import CandidateDelegate, CheckCellDelegate
from ui.leak.issue import IssueOutcome, IssueRequest, LeakIssuer
from ui.leak.model import Column, LeakTableModel
from ui.settings import (
    LAST_IMPORT_FOLDER,
    LAST_STATEMENT_FOLDER,
    LEAK_HEADER,
    LEAK_SPLITTER,
    Settings,
)
from ui.statements.export_dialog import LanguageChoice
from ui.statements.unlock import with_identity
from ui.tasks import Task, TaskControl, run_task

MATCH_DEBOUNCE_MS = 400
# Sized so that the whole table fits beside the list at 1024 px without scrolling sideways;
# long texts are elided and shown whole in their tooltips.
WIDTHS = {
    Column.POSITION: 28,
    Column.ENTRY: 100,
    Column.ARTIST: 135,
    Column.SCORE: 40,
    Column.MATCH: 135,
    Column.STANCE: 100,
    Column.AUTHORISED: 100,
    Column.LISTED: 90,
    Column.STATEMENT: 90,
}
LEFT_WIDTH = 225
PRIORITY = (Column.ENTRY, Column.ARTIST, Column.MATCH)
REQUIRED_STYLE = "QLineEdit#leakPlatform { border: 2px solid #b03a2e; }"


@dataclass(frozen=True)
class MatchResult:
    generation: int
    matcher: NameMatcher
    matches: list[NameMatch]
    overviews: dict[int, ArtistOverview]


def overview_ids(matches: Sequence[NameMatch]) -> list[int]:
    """The artists the table shows at once: every matched artist, every ambiguous candidate."""
    ids: dict[int, None] = {}
    for m in matches:
        if m.status is MatchStatus.MATCHED and m.best is not None:
            ids.setdefault(m.best.artist_id, None)
        elif m.status is MatchStatus.AMBIGUOUS:
            for c in m.candidates:
                ids.setdefault(c.artist_id, None)
    return list(ids)


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
        self.paste_edit = QPlainTextEdit(self)
        self.paste_edit.setObjectName("leakPaste")
        self.paste_edit.setPlaceholderText(
            self.tr(
                "Paste the published list here: one name a line, or separated by commas or 、. "
                "Numbering, brackets and roles are ignored."
            )
        )
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(MATCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.match_now)
        self.paste_edit.textChanged.connect(self._text_changed)
        open_button = QPushButton(self.tr("Open list…"), self)
        open_button.setObjectName("openLeakList")
        open_button.setToolTip(self.tr("A text, CSV, Excel (.xlsx) or PDF file"))
        open_button.clicked.connect(self.ask_list_file)
        clear_button = QPushButton(self.tr("Clear"), self)
        clear_button.clicked.connect(self.clear)

        self.platform_edit = QLineEdit(self)
        self.platform_edit.setObjectName("leakPlatform")
        self.platform_edit.setPlaceholderText(self.tr("e.g. Xingmu AI Artist Library"))
        self.platform_edit.setToolTip(
            self.tr("Required: the platform or list that published the names.")
        )
        self.platform_edit.setAccessibleName(self.tr("Platform or list (required)"))
        self.platform_edit.setMinimumWidth(180)
        self.platform_edit.textChanged.connect(self._source_changed)
        self.platform_edit.textChanged.connect(self._platform_given)
        self.platform_label = QLabel(
            self.tr("Platform or list:") + ' <span style="color:#b03a2e">*</span>', self
        )
        self.platform_label.setObjectName("leakPlatformLabel")
        self.platform_label.setBuddy(self.platform_edit)
        self.platform_problem = QLabel(self)
        self.platform_problem.setObjectName("leakPlatformProblem")
        self.platform_problem.setWordWrap(True)
        self.platform_problem.setStyleSheet("color: #b03a2e")
        self.platform_problem.hide()
        self.source_edit = QLineEdit(self)
        self.source_edit.setObjectName("leakSource")
        self.source_edit.setPlaceholderText(self.tr("https://… or where it was seen"))
        self.source_edit.textChanged.connect(self._source_changed)
        self.seen_edit = QDateEdit(QDate.currentDate(), self)
        self.seen_edit.setObjectName("leakSeenOn")
        self.seen_edit.setCalendarPopup(True)
        self.seen_edit.setDisplayFormat("yyyy-MM-dd")
        self.seen_edit.setMaximumDate(QDate.currentDate().addDays(1))
        self.seen_edit.dateChanged.connect(self._source_changed)
        source_box = QGroupBox(self.tr("Where the list was published"), self)
        form = QFormLayout(source_box)
        # Label above field: the fields get the panel's whole width (placeholders not cut).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.platform_label, self.platform_edit)
        form.addRow(self.platform_problem)
        required = QLabel(self.tr("* required"), source_box)
        required.setEnabled(False)
        form.addRow(self.tr("URL or note:"), self.source_edit)
        form.addRow(self.tr("Seen on:"), self.seen_edit)
        form.addRow(required)
        self.languages = LanguageChoice(self.settings, self, compact=True)
        self.languages.setToolTip(self.tr("Language of the statements"))
        statements_form = QFormLayout()
        statements_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        statements_form.addRow(self.tr("Statements in:"), self.languages)

        left = QWidget(self)
        left.setMinimumWidth(LEFT_WIDTH - 40)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(QLabel(self.tr("The list"), left))
        left_layout.addWidget(self.paste_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addWidget(clear_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(source_box)
        left_layout.addLayout(statements_form)

        self.table = QTableView(self)
        self.table.setObjectName("leakTable")
        self.table.setModel(self.model)
        self.delegate = CandidateDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.ARTIST, self.delegate)
        self.check_delegate = CheckCellDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.CONFIRMED, self.check_delegate)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        for column, width in WIDTHS.items():
            self.table.setColumnWidth(column, width)
        header.setMinimumSectionSize(24)
        confirmed_title = str(self.model.headerData(Column.CONFIRMED, Qt.Orientation.Horizontal))
        header.setSectionResizeMode(Column.CONFIRMED, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            Column.CONFIRMED, header.fontMetrics().horizontalAdvance(confirmed_title) + 20
        )
        header.setStretchLastSection(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.viewport().installEventFilter(self)
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
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([LEFT_WIDTH, 950])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 12, 4)
        layout.addWidget(self.splitter)

    # -- fitting the table to its width -----------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Every column in sight: narrower screens shrink the columns in proportion (texts are
        elided, whole in their tooltips) instead of scrolling sideways."""
        header = self.table.horizontalHeader()
        available = self.table.viewport().width()
        fixed = header.sectionSize(Column.CONFIRMED)
        wanted = {c: w for c, w in WIDTHS.items()}
        total = sum(wanted.values()) + fixed
        scale = min(2.0, (available - fixed) / max(1, total - fixed))  # wide screens too
        # On a narrow screen the entry, the artist and how it matched keep most of their
        # width; the overview columns give way first.
        keep = max(scale, 0.85) if scale < 1 else scale
        widths = {c: int(wanted[c] * keep) for c in PRIORITY}
        others = [c for c in wanted if c not in PRIORITY]
        room = available - fixed - sum(widths.values())
        share = room / max(1, sum(wanted[c] for c in others))
        for column in others:
            widths[column] = int(wanted[column] * share)
        widths = {c: max(28 if c is Column.POSITION else 40, w) for c, w in widths.items()}
        over = sum(widths.values()) + fixed - available
        while over > 0:  # minimums can overshoot a very narrow table: take it from the widest
            widest = max(widths, key=lambda c: widths[c])
            if widths[widest] <= 40:
                break
            cut = min(over, widths[widest] - 40)
            widths[widest] -= cut
            over -= cut
        # the last column takes what is left, to the edge
        rest = available - fixed - sum(w for c, w in widths.items() if c is not Column.STATEMENT)
        widths[Column.STATEMENT] = max(40, rest)
        for column, width in widths.items():
            header.resizeSection(column, width)

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
        """Without a platform: the field is marked, says why, and gets the focus."""
        if self.platform_edit.text().strip():
            return False
        self.platform_problem.setText(
            self.tr("Name the platform or list that published the names: statements cite it.")
        )
        self.platform_problem.show()
        self.platform_edit.setProperty("problem", True)
        self.platform_edit.setStyleSheet(REQUIRED_STYLE)
        self.platform_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.message.emit(self.platform_problem.text())
        return True

    def _platform_given(self, text: str) -> None:
        if text.strip() and self.platform_edit.property("problem"):
            self.platform_edit.setProperty("problem", False)
            self.platform_edit.setStyleSheet("")
            self.platform_problem.hide()

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
        names = [ov.display_name if ov is not None else f"#{i}" for i, ov in overviews.items()]
        confirm = BatchConfirmDialog(
            names,
            request.languages,
            folder,
            request.listing.platform.strip(),
            len(self.model.already_issued(ids)),
            self,
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
