"""Which script character is which artist: suggestions shown with their basis, confirmed by a
person. Only confirmed mappings count in a check.

One row per character (speakers and characters named by AI uses; those with AI uses first),
with its dialogue and AI-use counts and a choice: a suggested artist (the basis says why:
the name, the pinyin, the role the producer listed… and the score, 0–100; a roster artist the
proposal does not request is marked so), another requested artist, any artist of the roster
("Other artist…"), or "Not one of our artists". The best suggestion is accepted with one click
on its row's button. Every choice is an undoable command.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import UserError
from models.proposals.values import CharacterMapping, MappingSuggestion, Proposal, ProposalScript
from ui.consent.labels import when_text
from ui.errors import show_error
from ui.proposals.commands import MapCharacters
from ui.proposals.context import ProposalContext
from ui.proposals.form.artists import ArtistSearch

UNCONFIRMED = "unconfirmed"
NOT_OURS = "none"
OTHER = "other"
CHARACTER_COL, LINES_COL, USES_COL, ARTIST_COL, ACCEPT_COL, BASIS_COL = range(6)


def artist_key(artist_id: int) -> str:
    return f"artist:{artist_id}"


class ArtistPickDialog(QDialog):
    """Any roster artist, found by name in any script (for a character not requested)."""

    def __init__(self, parent: QWidget | None, ctx: ProposalContext, character: str) -> None:
        super().__init__(parent)
        self.setObjectName("artistPickDialog")
        self.setWindowTitle(self.tr("Who is {character}?").format(character=character))
        self.chosen: tuple[int, str] | None = None
        self.finder = ArtistSearch(ctx.roster, self)
        self.finder.add_button.setText(self.tr("Choose"))
        self.finder.picked.connect(self._picked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.finder)
        layout.addWidget(buttons)
        self.resize(420, 260)

    def _picked(self, artist_id: int, name: str) -> None:
        self.chosen = (artist_id, name)
        self.accept()


class MappingPanel(QWidget):
    changed = Signal()  # a mapping changed: checks should be run again

    def __init__(self, ctx: ProposalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mappingPanel")
        self.ctx = ctx
        self.service = ctx.service
        self.proposal: Proposal | None = None
        self.script: ProposalScript | None = None
        self.rows: list[CharacterMapping] = []
        self.title = QLabel(self)
        self.title.setObjectName("mappingTitle")
        self.title.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Confirm all &clear suggestions"), self)
        self.confirm_button.setObjectName("confirmSuggestions")
        self.confirm_button.clicked.connect(self.confirm_suggestions)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Character"), self.tr("Dialogue"), self.tr("AI uses"), self.tr("Artist"),
             "", self.tr("Why / confirmed")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for col in (CHARACTER_COL, LINES_COL, USES_COL, ACCEPT_COL):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ARTIST_COL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ARTIST_COL, 260)
        header.setStretchLastSection(True)
        self.hint = QLabel(
            self.tr(
                "Nothing counts until it is confirmed here. Characters with AI uses come first."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.pick_dialog: ArtistPickDialog | None = None
        self.set_script(None, None)

    # -- content -------------------------------------------------------------------------------
    def set_script(self, proposal: Proposal | None, script: ProposalScript | None) -> None:
        self.proposal = proposal
        self.script = script
        self.reload()

    def reload(self) -> None:
        s = self.script
        if s is None:
            self.rows = []
            self.title.setText(self.tr("Choose a script to map its characters to artists."))
        else:
            try:
                self.rows = self.service.mapping(s.id)
            except UserError as e:
                self.rows = []
                show_error(self, e)
            confirmed = sum(m.confirmed for m in self.rows)
            self.title.setText(
                self.tr("{name}: {done} of {n} characters confirmed").format(
                    name=s.original_name, done=confirmed, n=len(self.rows)
                )
            )
        self._fill()

    def _fill(self) -> None:
        editable = self.proposal is not None and self.proposal.status.is_open
        for row in range(self.table.rowCount()):
            for col in (ARTIST_COL, ACCEPT_COL):
                old = self.table.cellWidget(row, col)
                if old is not None:  # hidden now: Qt deletes it later (it may be sending a signal)
                    old.hide()
                    self.table.removeCellWidget(row, col)
        self.table.setRowCount(len(self.rows))
        for row, m in enumerate(self.rows):
            self._item(row, CHARACTER_COL, m.character, bold=m.ai_uses > 0)
            self._item(row, LINES_COL, str(m.dialogue_blocks))
            self._item(row, USES_COL, str(m.ai_uses), bold=m.ai_uses > 0)
            combo = self._combo(m)
            combo.setEnabled(editable)
            self.table.setCellWidget(row, ARTIST_COL, combo)
            self._item(row, ACCEPT_COL, "")
            if not m.confirmed and m.suggestions:
                accept = self._accept_button(m.suggestions[0])
                accept.setEnabled(editable)
                self.table.setCellWidget(row, ACCEPT_COL, accept)
            self._item(row, BASIS_COL, self._basis_text(m), tooltip=True)
        clear = [m for m in self.rows if self._clear_suggestion(m) is not None]
        self.confirm_button.setEnabled(editable and bool(clear))

    def _item(
        self, row: int, col: int, text: str, bold: bool = False, tooltip: bool = False
    ) -> None:
        item = QTableWidgetItem(text)
        if tooltip:
            item.setToolTip(text)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        if col in (LINES_COL, USES_COL):
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setItem(row, col, item)

    def _combo(self, m: CharacterMapping) -> QComboBox:
        combo = QComboBox(self.table)
        combo.setObjectName(f"mapping_{m.character}")
        if not m.confirmed:
            combo.addItem(self.tr("— not confirmed —"), UNCONFIRMED)
        listed: set[int] = set()
        for s in m.suggestions:
            combo.addItem(
                self.tr("{name} (suggested, {score})").format(name=s.artist_name, score=s.score),
                artist_key(s.artist_id),
            )
            listed.add(s.artist_id)
        if self.proposal is not None:
            for a in self.proposal.artists:
                if a.artist_id not in listed:
                    combo.addItem(a.artist_name, artist_key(a.artist_id))
                    listed.add(a.artist_id)
        if m.confirmed and m.artist_id is not None and m.artist_id not in listed:
            combo.addItem(m.artist_name or f"#{m.artist_id}", artist_key(m.artist_id))
        combo.addItem(self.tr("Not one of our artists"), NOT_OURS)
        combo.addItem(self.tr("Other artist…"), OTHER)
        if m.confirmed:
            key = artist_key(m.artist_id) if m.artist_id is not None else NOT_OURS
            combo.setCurrentIndex(max(0, combo.findData(key)))
        combo.currentIndexChanged.connect(
            lambda _i, c=combo, name=m.character: self._chosen(name, c)
        )
        return combo

    def _accept_button(self, s: MappingSuggestion) -> QPushButton:
        button = QPushButton(self.tr("Accept"), self.table)
        button.setObjectName(f"accept_{s.character}")
        button.setToolTip(
            self.tr("{character} is {name} (score {score})").format(
                character=s.character, name=s.artist_name, score=s.score
            )
        )
        button.clicked.connect(
            lambda _checked=False, c=s.character, a=s.artist_id: self.map({c: a})
        )
        return button

    def accept_button(self, character: str) -> QPushButton | None:
        for row, m in enumerate(self.rows):
            if m.character == character:
                widget = self.table.cellWidget(row, ACCEPT_COL)
                return widget if isinstance(widget, QPushButton) else None
        return None

    def _basis_text(self, m: CharacterMapping) -> str:
        if m.confirmed:
            return self.tr("confirmed by {by}, {when}").format(
                by=m.confirmed_by, when=when_text(m.confirmed_at)
            )
        if not m.suggestions:
            return self.tr("no suggestion") if m.ai_uses else ""
        s = m.suggestions[0]
        text = self.tr("suggested: {name} — {basis}, score {score}").format(
            name=s.artist_name, basis=self.basis_label(s), score=s.score
        )
        if not s.on_proposal:
            text += self.tr(" (on the roster, not on this proposal)")
        elif not s.clear:
            text += self.tr(" (not certain: please choose)")
        return text

    def basis_label(self, s: MappingSuggestion) -> str:
        return {
            "role": self.tr("the producer lists this role for them"),
            "name": self.tr("same name"),
            "stage_name": self.tr("a stage name"),
            "romanized_name": self.tr("the romanised name"),
            "pinyin": self.tr("the pinyin of the name"),
            "word_order": self.tr("the name in another order"),
            "homophone": self.tr("a name that sounds the same"),
            "near": self.tr("a similar name"),
        }.get(s.basis, s.basis)

    @staticmethod
    def _clear_suggestion(m: CharacterMapping) -> MappingSuggestion | None:
        if m.confirmed or not m.suggestions or not m.suggestions[0].clear:
            return None
        return m.suggestions[0]

    def combo_for(self, character: str) -> QComboBox | None:
        for row, m in enumerate(self.rows):
            if m.character == character:
                widget = self.table.cellWidget(row, ARTIST_COL)
                return widget if isinstance(widget, QComboBox) else None
        return None

    # -- acting --------------------------------------------------------------------------------
    def _chosen(self, character: str, combo: QComboBox) -> None:
        key = combo.currentData()
        if key == UNCONFIRMED:
            return
        if key == OTHER:
            self.pick_other(character)
            return
        artist_id = None if key == NOT_OURS else int(str(key).split(":", 1)[1])
        self.map({character: artist_id})

    def pick_other(self, character: str) -> ArtistPickDialog:
        dialog = ArtistPickDialog(self, self.ctx, character)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.map({character: dialog.chosen[0]}) if dialog.chosen else None
        )
        dialog.rejected.connect(self.reload)  # put the combo back as it was
        self.pick_dialog = dialog
        dialog.open()
        return dialog

    def map(self, wanted: dict[str, int | None]) -> bool:
        """Confirm `wanted` (character → artist id, None: not one of ours) as one command."""
        if self.script is None or not wanted:
            return False
        try:
            command = MapCharacters.perform(
                self.ctx.undo_stack,
                self.service,
                self.script.id,
                self.rows,
                wanted,
                self._after_change,
                self._failed,
            )
        except UserError as e:
            self._failed(e)
            return False
        self._after_change()
        if command.failure is not None:
            show_error(self, command.failure)
        return True

    def confirm_suggestions(self) -> bool:
        """Every character with one clear suggestion, confirmed in one undoable step."""
        wanted: dict[str, int | None] = {}
        for m in self.rows:
            s = self._clear_suggestion(m)
            if s is not None:
                wanted[m.character] = s.artist_id
        return self.map(wanted)

    def _after_change(self) -> None:
        if shiboken6.isValid(self):
            self.reload()
            self.changed.emit()

    def _failed(self, error: UserError) -> None:
        show_error(self, error)
        if shiboken6.isValid(self):
            self.reload()
