"""The leak table: each entry of the list, the artist it was matched to, and what is true of
that artist right now.

Only matches that name the artist for sure — the native name (simplified, traditional,
full-width), a registered stage name or a recorded alias — come pre-confirmed. Everything
else waits for the manager, unticked and shaded with the reason: a match on Latin letters
(pinyin shared by other people, a romanisation, the other word order) shows its artist but is
not confirmed until ticked; an ambiguous entry, a near spelling, a homophone or a look-alike
character offers its candidates in a combo box (picking one confirms it); a name not on the
roster stays unmatched. Only confirmed rows ever reach a listing or a statement. After
issuing, each row shows the statement that named its artist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from models.leak import Candidate, MatchKind, MatchStatus, NameMatch
from models.leak.keys import Basis
from models.leak.listings import ListingEntryDraft
from models.leak.overview import ArtistOverview
from models.names import display_name
from ui.i18n import label
from ui.roster.labels import stance_icon
from ui.table_model import EditableTable, Index

ARTIST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CANDIDATES_ROLE = Qt.ItemDataRole.UserRole + 2

DOUBT = QColor("#fff1cc")
MUTED = QColor("#7a7f87")
RED = QColor("#b03a2e")
GREEN = QColor("#1e7b34")


class Column(IntEnum):
    POSITION = 0
    CONFIRMED = 1  # first: what the manager ticks, never scrolled out of sight
    ENTRY = 2
    ARTIST = 3
    SCORE = 4
    MATCH = 5
    STANCE = 6
    AUTHORISED = 7
    LISTED = 8
    STATEMENT = 9


@dataclass
class LeakRow:
    """One entry and the manager's decision on it (changes as they confirm or pick)."""

    match: NameMatch
    artist_id: int | None
    confirmed: bool
    picked: bool = False  # chosen by hand from the candidates

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        return self.match.candidates


def initial_row(match: NameMatch) -> LeakRow:
    best = match.best
    if best is None:
        return LeakRow(match, None, False)
    # Only a sure match is ticked: Latin letters, near spellings and archived artists wait.
    return LeakRow(match, best.artist_id, best.sure and not best.archived)


Fetch = Callable[[Sequence[int]], dict[int, ArtistOverview]]


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


class LeakTableModel(EditableTable):
    columns = Column

    def __init__(self, fetch: Fetch | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LeakRow] = []
        self._overviews: dict[int, ArtistOverview] = {}
        self._fetch = fetch
        self.platform = ""  # the list being looked at (named in "Listed only on")
        self.edits = 0  # counts the manager's changes (a saved listing is out of step after)
        self.statements: dict[int, str] = {}  # artist id → statement issued from this list

    # -- loading -------------------------------------------------------------------------------
    def set_matches(
        self, matches: Sequence[NameMatch], overviews: dict[int, ArtistOverview]
    ) -> None:
        self.beginResetModel()
        self._rows = [initial_row(m) for m in matches]
        self._overviews = dict(overviews)
        self.statements = {}
        self.endResetModel()

    def set_statements(self, issued: dict[int, str]) -> None:
        """Statements just issued (artist id → statement id): shown on their rows."""
        self.statements.update(issued)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    def already_issued(self, artist_ids: Sequence[int]) -> list[int]:
        return [i for i in artist_ids if i in self.statements]

    def set_platform(self, name: str) -> None:
        self.platform = " ".join(name.split())
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.LISTED), self.index(len(self._rows) - 1, Column.LISTED)
            )

    def overview(self, artist_id: int | None) -> ArtistOverview | None:
        if artist_id is None:
            return None
        found = self._overviews.get(artist_id)
        if found is None and self._fetch is not None:
            self._overviews.update(self._fetch([artist_id]))
            found = self._overviews.get(artist_id)
        return found

    # -- what the manager decided ------------------------------------------------------------
    @property
    def rows(self) -> list[LeakRow]:
        return list(self._rows)

    def row(self, row: int) -> LeakRow | None:
        found: LeakRow | None = self.row_at(row)
        return found

    def confirmed_ids(self) -> list[int]:
        """Each confirmed artist once, in list order."""
        out: dict[int, None] = {}
        for r in self._rows:
            if r.confirmed and r.artist_id is not None:
                out.setdefault(r.artist_id, None)
        return list(out)

    def counts(self) -> dict[str, int]:
        c = {s.value: 0 for s in MatchStatus}
        for r in self._rows:
            c[r.match.status.value] += 1
        c["confirmed"] = len(self.confirmed_ids())
        c["to_decide"] = sum(
            1 for r in self._rows if r.candidates and not r.confirmed and not r.picked
        )
        return c

    def entry_drafts(self) -> tuple[ListingEntryDraft, ...]:
        return tuple(
            ListingEntryDraft(
                text=r.match.text,
                original=r.match.entry.original,
                artist_id=r.artist_id,
                match_status=r.match.status,
                score=self._score(r),
                confirmed=r.confirmed and r.artist_id is not None,
            )
            for r in self._rows
        )

    def _score(self, r: LeakRow) -> int:
        for c in r.candidates:
            if c.artist_id == r.artist_id:
                return c.score
        return r.match.score

    def choose(self, row: int, artist_id: int | None) -> bool:
        return self.setData(self.index(row, Column.ARTIST), artist_id, Qt.ItemDataRole.EditRole)

    def confirm(self, row: int, on: bool = True) -> bool:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return self.setData(
            self.index(row, Column.CONFIRMED), state, Qt.ItemDataRole.CheckStateRole
        )

    # -- Qt model interface ------------------------------------------------------------------
    def edit_flags(self, index: Index) -> Qt.ItemFlag:
        r = self._rows[index.row()]
        if index.column() == Column.ARTIST and r.candidates:
            return Qt.ItemFlag.ItemIsEditable
        if index.column() == Column.CONFIRMED and r.artist_id is not None:
            return Qt.ItemFlag.ItemIsUserCheckable
        return Qt.ItemFlag.NoItemFlags

    def column_titles(self) -> dict[Column, str]:
        return {
            Column.POSITION: "#",
            Column.ENTRY: self.tr("Entry in the list"),
            Column.ARTIST: self.tr("Artist"),
            Column.SCORE: self.tr("Score"),
            Column.MATCH: self.tr("Match"),
            Column.STANCE: self.tr("AI stance"),
            Column.AUTHORISED: self.tr("Authorised now"),
            Column.LISTED: self.tr("Listed only on"),
            Column.CONFIRMED: self.tr("Confirmed"),
            Column.STATEMENT: self.tr("Statement"),
        }

    def column_header(self, section: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.LISTED:
            return self.tr(
                "Platforms that list the artist. A listing does not mean the artist agreed to "
                "any AI use."
            )
        return super().column_header(section, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.cell_index_valid(index):
            return None
        r = self._rows[index.row()]
        column = Column(index.column())
        if role == ARTIST_ID_ROLE:
            return r.artist_id
        if role == CANDIDATES_ROLE:
            return [(c.artist_id, self.candidate_text(c)) for c in r.candidates]
        if role == Qt.ItemDataRole.EditRole and column is Column.ARTIST:
            return r.artist_id
        if role == Qt.ItemDataRole.CheckStateRole and column is Column.CONFIRMED:
            if r.artist_id is None:
                return None
            return Qt.CheckState.Checked if r.confirmed else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(r, index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, column)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STANCE:
            ov = self.overview(r.artist_id)
            return stance_icon(ov.stance) if ov else None
        if role == Qt.ItemDataRole.BackgroundRole and r.candidates and not r.confirmed:
            return QBrush(DOUBT)  # shaded until a person confirms; the Match cell says why
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.match.status is MatchStatus.NOT_FOUND:
                return QBrush(MUTED)
            if column is Column.AUTHORISED:
                ov = self.overview(r.artist_id)
                if ov is not None:
                    return QBrush(GREEN if ov.authorised else RED)
        return None

    def candidate_text(self, c: Candidate) -> str:
        name = display_name(c.native_name, c.romanized_name)
        flag = self.tr(" · archived") if c.archived else ""
        return f"{name}{flag} — {c.score}"

    def _display(self, r: LeakRow, row: int, column: Column) -> str:
        if column is Column.POSITION:
            return str(row + 1)
        if column is Column.ENTRY:
            return r.match.entry.original.strip()
        if column is Column.ARTIST:
            ov = self.overview(r.artist_id)
            if ov is not None:
                return ov.display_name + (self.tr(" · archived") if ov.archived else "")
            if r.match.status is MatchStatus.AMBIGUOUS:
                return self.tr("— pick one of {n} —").format(n=len(r.candidates))
            return ""
        if column is Column.SCORE:
            return str(self._score(r)) if r.candidates else ""
        if column is Column.MATCH:
            return self._match_text(r)
        if column is Column.STATEMENT:
            return self.statements.get(r.artist_id, "") if r.artist_id is not None else ""
        ov = self.overview(r.artist_id)
        if ov is None:
            return ""
        if column is Column.STANCE:
            return label(ov.stance)
        if column is Column.AUTHORISED:
            if not ov.authorised:
                return self.tr("Nothing authorised")
            return ", ".join(label(m) for m in ov.authorised)
        if column is Column.LISTED:
            return ", ".join(self._platforms(r, ov))
        return ""

    def _platforms(self, r: LeakRow, ov: ArtistOverview) -> list[str]:
        names = list(ov.platforms)
        if r.confirmed and self.platform and self.platform not in names:
            names.append(self.platform)
        return names

    def _match_text(self, r: LeakRow) -> str:
        """How the entry matched; for a row waiting on the manager, what to check."""
        status = r.match.status
        if r.picked:
            if r.artist_id is None:
                return self.tr("Not our artist")
            return self.tr("Picked by hand")
        if status is MatchStatus.NOT_FOUND:
            return self.tr("Not on the roster")
        top = r.candidates[0]
        if status is MatchStatus.AMBIGUOUS:
            if top.kind is MatchKind.NEAR:
                return self.tr("Near spelling — pick or skip")
            if top.kind is MatchKind.HOMOPHONE:
                return self.tr("Sounds alike — pick or skip")
            if top.kind is MatchKind.LOOKALIKE:
                return self.tr("Look-alike character — pick or skip")
            if top.basis in (Basis.PINYIN, Basis.ROMANIZED, Basis.REORDERED):
                return self.tr("Common spelling — pick or skip")
            return self.tr("Ambiguous — pick one")
        checked = r.confirmed
        labels = {
            Basis.NATIVE: self.tr("Exact"),
            Basis.TRADITIONAL: self.tr("Exact (traditional)"),
            Basis.STAGE_NAME: self.tr("Stage name"),
            Basis.ALIAS: self.tr("Recorded alias"),
            Basis.PINYIN: self.tr("Pinyin — confirmed") if checked else self.tr("Pinyin — confirm"),
            Basis.ROMANIZED: (
                self.tr("Romanised — confirmed") if checked else self.tr("Romanised — confirm")
            ),
            Basis.REORDERED: (
                self.tr("Word order — confirmed") if checked else self.tr("Word order — confirm")
            ),
            Basis.NEAR: self.tr("Near spelling — confirm"),
        }
        text = labels[top.basis]
        if top.archived and not checked:
            text += self.tr(" · archived")
        return text

    def reason(self, r: LeakRow) -> str:
        """Why the row matched as it did and what a person must check (translated)."""
        m = r.match
        if not m.candidates:
            return self.tr("No artist on the roster is written this way.")
        top = m.candidates[0]
        who = top.display_name
        equal = sum(1 for c in m.candidates if top.score - c.score < 6)
        if (
            m.status is MatchStatus.AMBIGUOUS
            and equal > 1
            and top.kind not in {MatchKind.NEAR, MatchKind.HOMOPHONE, MatchKind.LOOKALIKE}
        ):
            return self.tr(
                "{n} artists match this spelling equally well: pick the right one."
            ).format(n=equal)
        if top.basis is Basis.NATIVE:
            return self.tr("The native name, character for character.")
        if top.basis is Basis.TRADITIONAL:
            return self.tr("The native name, written in traditional characters.")
        if top.basis is Basis.STAGE_NAME:
            return self.tr("A registered stage name of {who}.").format(who=who)
        if top.basis is Basis.ALIAS:
            return self.tr("A Latin spelling recorded as {who}'s own.").format(who=who)
        if top.kind is MatchKind.HOMOPHONE:
            return self.tr("Sounds like {who} but is written with other characters.").format(
                who=who
            )
        if top.kind is MatchKind.LOOKALIKE:
            return self.tr("One look-alike character ({change}) away from {who}.").format(
                change=top.detail, who=who
            )
        if m.status is MatchStatus.AMBIGUOUS and top.basis in (
            Basis.PINYIN,
            Basis.ROMANIZED,
            Basis.REORDERED,
        ):
            return self.tr(
                "Spelled like {who}, but a two-character name in Latin letters is shared by "
                "many people: pick it only if you know it is them."
            ).format(who=who)
        if top.basis is Basis.PINYIN:
            return self.tr("Same spelling as {who} — other people share this pinyin.").format(
                who=who
            )
        if top.basis is Basis.ROMANIZED:
            return self.tr("Same romanisation as {who} — other people share this spelling.").format(
                who=who
            )
        if top.basis is Basis.REORDERED:
            return self.tr("{who} with the names in the other order.").format(who=who)
        n = int(top.detail or "1")
        if n == 0:
            return self.tr("Same letters as {who}, read as other syllables.").format(who=who)
        if n == 1:
            return self.tr("One letter differs from {who}.").format(who=who)
        return self.tr("{n} letters differ from {who}.").format(n=n, who=who)

    def _tooltip(self, r: LeakRow, column: Column) -> str | None:
        if column in (Column.MATCH, Column.SCORE, Column.CONFIRMED, Column.POSITION):
            return self.reason(r)
        if column is Column.STATEMENT and r.artist_id in self.statements:
            return self.tr("Issued from this list: statement {id}").format(
                id=self.statements[r.artist_id]
            )
        ov = self.overview(r.artist_id)
        if column is Column.AUTHORISED and ov is not None:
            if not ov.grants:
                return self.tr("No consent record in force: nothing is authorised.")
            return "\n".join(
                f"{label(g.modality)}: {g.counterparty}" + (f" — {g.project}" if g.project else "")
                for g in ov.grants
            )
        if column is Column.STANCE and ov is not None:
            return self.tr("A stance is not consent.")
        if column is Column.ARTIST and r.candidates:
            return self.tr("Click the arrow to choose another candidate:\n{names}").format(
                names="\n".join(self.candidate_text(c) for c in r.candidates)
            )
        if column in (Column.ENTRY, Column.ARTIST, Column.STANCE, Column.LISTED):
            text = self._display(r, 0, column)
            if column is Column.ENTRY and r.match.entry.text != r.match.entry.original.strip():
                return self.tr("Matched as: {text}").format(text=r.match.entry.text)
            return text or None  # long names are elided in narrow columns
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == Column.ARTIST:
            if value is not None and value not in {c.artist_id for c in r.candidates}:
                return False
            if value == r.artist_id:
                return True  # an editor closed without a new choice
            r.artist_id = None if value is None else int(value)
            r.confirmed = value is not None
            r.picked = True
        elif role == Qt.ItemDataRole.CheckStateRole and index.column() == Column.CONFIRMED:
            if r.artist_id is None:
                return False
            checked = Qt.CheckState(value) if isinstance(value, int) else value
            r.confirmed = checked == Qt.CheckState.Checked
        else:
            return False
        self.edits += 1
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(Column) - 1))
        return True


__all__ = ["ARTIST_ID_ROLE", "CANDIDATES_ROLE", "Column", "LeakRow", "LeakTableModel"]
