"""The artists a proposal asks for, each with what is asked of them.

Left: the requested artists and a search that finds roster artists by Chinese name, pinyin
(with or without spaces), romanised or stage name. Right: what the producer asks of the chosen
artist — modalities, uses, media, territories, term, fee and the roles they would play.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.consent.words import Modality, Use
from models.messages import Text
from models.proposals.values import RequestedArtist
from models.roster.service import RosterService
from ui.consent.form.sections import CURRENCIES
from ui.consent.labels import modality_label, modality_tooltip, use_label
from ui.consent.widgets import OptionalDate, problem_label
from ui.roster.dialog import split_list

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 20


class ArtistSearch(QWidget):
    """Type a name in any script; pick one of the matches (Enter or double-click adds it)."""

    picked = Signal(int, str)  # artist id, display name

    def __init__(self, roster: RosterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster = roster
        self.search = QLineEdit(self)
        self.search.setObjectName("artistSearch")
        self.search.setPlaceholderText(self.tr("Find an artist: 中文 / pinyin / English"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("artistResults")
        self.results.setMaximumHeight(130)
        self.add_button = QPushButton(self.tr("&Add artist"), self)
        self.add_button.setObjectName("addRequestedArtist")
        self.add_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.add_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self.results.itemActivated.connect(self._pick)
        self.results.currentItemChanged.connect(
            lambda item, _p: self.add_button.setEnabled(item is not None)
        )
        self.add_button.clicked.connect(lambda: self._pick(self.results.currentItem()))

    def run_search(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        self.results.clear()
        if not text:
            return
        for artist in self.roster.find(text, limit=SEARCH_LIMIT):  # best match first
            item = QListWidgetItem(artist.display_name)
            item.setData(ID_ROLE, artist.id)
            if artist.stage_names:
                item.setToolTip(", ".join(artist.stage_names))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _enter(self) -> None:
        self.run_search()
        self._pick(self.results.currentItem())

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.picked.emit(int(item.data(ID_ROLE)), item.text())
        self.search.clear()
        self.run_search()  # empty: the list clears too


class RequestEditor(QWidget):
    """What the producer asks of one artist."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.modality_checks: dict[Modality, QCheckBox] = {}
        grid_box = QWidget(self)
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, m in enumerate(Modality):
            box = QCheckBox(modality_label(m), self)
            box.setObjectName(f"request_{m.value}")
            box.setToolTip(modality_tooltip(m))
            box.toggled.connect(lambda _b: self.edited.emit())
            self.modality_checks[m] = box
            grid.addWidget(box, i // 3, i % 3)
        self.use_checks: dict[Use, QCheckBox] = {}
        uses_box = QWidget(self)
        uses_row = QHBoxLayout(uses_box)
        uses_row.setContentsMargins(0, 0, 0, 0)
        for u in Use:
            box = QCheckBox(use_label(u), self)
            box.setObjectName(f"request_use_{u.value}")
            box.toggled.connect(lambda _b: self.edited.emit())
            self.use_checks[u] = box
            uses_row.addWidget(box)
        uses_row.addStretch(1)
        self.media = self._line("requestMedia", self.tr("e.g. streaming; cinema"))
        self.territories = self._line("requestTerritories", self.tr("e.g. CN; HK; WORLDWIDE"))
        self.term_start = OptionalDate(self, self.tr("from"))
        self.term_start.setObjectName("requestTermStart")
        self.term_end = OptionalDate(self, self.tr("until"))
        self.term_end.setObjectName("requestTermEnd")
        for w in (self.term_start, self.term_end):
            w.changed.connect(self.edited.emit)
        self.fee = self._line("requestFee", self.tr("e.g. 120000"))
        self.currency = QComboBox(self)
        self.currency.setObjectName("requestCurrency")
        self.currency.setEditable(True)
        self.currency.addItems(["", *CURRENCIES])
        self.currency.currentTextChanged.connect(lambda _t: self.edited.emit())
        self.roles = self._line("requestRoles", self.tr("Characters they would play, e.g. 沈瑶"))
        self.problems = {
            name: problem_label(self, name)
            for name in ("artists", "term_end", "fee_amount", "fee_currency", "media",
                         "territories", "roles")
        }  # fmt: skip

        term = QWidget(self)
        term_row = QHBoxLayout(term)
        term_row.setContentsMargins(0, 0, 0, 0)
        term_row.addWidget(self.term_start)
        term_row.addWidget(self.term_end)
        money = QWidget(self)
        money_row = QHBoxLayout(money)
        money_row.setContentsMargins(0, 0, 0, 0)
        money_row.addWidget(self.fee, 2)
        money_row.addWidget(self.currency, 1)
        self.title = QLabel(self)
        self.title.setObjectName("requestTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.title)
        form.addRow(self.problems["artists"])
        form.addRow(self.tr("Modalities"), grid_box)
        form.addRow(self.tr("Uses"), uses_box)
        form.addRow(self.tr("Media"), self._with(self.media, "media"))
        form.addRow(self.tr("Territories"), self._with(self.territories, "territories"))
        form.addRow(self.tr("Term"), self._with(term, "term_end"))
        form.addRow(self.tr("Fee"), self._with(money, "fee_amount", "fee_currency"))
        form.addRow(self.tr("Roles"), self._with(self.roles, "roles"))

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _t: self.edited.emit())
        return edit

    def _with(self, widget: QWidget, *fields: str) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        for f in fields:
            column.addWidget(self.problems[f])
        return box

    def fill(self, name: str, r: RequestedArtist) -> None:
        self.blockSignals(True)
        self.title.setText(name)
        for m, box in self.modality_checks.items():
            box.setChecked(m in r.modalities)
        for u, box in self.use_checks.items():
            box.setChecked(u in r.uses)
        self.media.setText("; ".join(r.media))
        self.territories.setText("; ".join(r.territories))
        self.term_start.set_value(r.term_start)
        self.term_end.set_value(r.term_end)
        self.fee.setText("" if r.fee_amount is None else str(r.fee_amount))
        self.currency.setEditText(r.fee_currency)
        self.roles.setText("; ".join(r.roles))
        self.blockSignals(False)

    def fee_value(self) -> tuple[Decimal | None, str]:
        text = self.fee.text().strip().replace(",", "").replace("，", "")
        if not text:
            return None, ""
        try:
            return Decimal(text), ""
        except InvalidOperation:
            return None, Text("problem.is_not_an_amount_like", example=120000)

    def read(self, base: RequestedArtist) -> RequestedArtist:
        return replace(
            base,
            modalities=tuple(m for m, b in self.modality_checks.items() if b.isChecked()),
            uses=tuple(u for u, b in self.use_checks.items() if b.isChecked()),
            media=split_list(self.media.text()),
            territories=split_list(self.territories.text()),
            term_start=self.term_start.value(),
            term_end=self.term_end.value(),
            fee_amount=self.fee_value()[0],
            fee_currency=self.currency.currentText().strip(),
            roles=split_list(self.roles.text()),
        )

    def show_problems(self, messages: dict[str, list[str]]) -> None:
        for name, label in self.problems.items():
            text = "; ".join(messages.get(name, []))
            label.setText(text)
            label.setVisible(bool(text))


class RequestedArtists(QWidget):
    """The list of requested artists beside the editor of the chosen one."""

    edited = Signal()

    def __init__(self, roster: RosterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster = roster
        self._requests: list[RequestedArtist] = []
        self._names: dict[int, str] = {}
        self.list = QListWidget(self)
        self.list.setObjectName("requestedArtists")
        self.remove_button = QPushButton(self.tr("&Remove artist"), self)
        self.remove_button.setObjectName("removeRequestedArtist")
        self.finder = ArtistSearch(roster, self)
        self.editor = RequestEditor(self)
        self.empty = QLabel(
            self.tr("Add the artists the proposal asks for: find them on the left."), self
        )
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Requested artists"), self))
        left.addWidget(self.list, 1)
        left.addWidget(self.remove_button)
        left.addWidget(self.finder)
        right = QVBoxLayout()
        right.addWidget(self.editor)
        right.addWidget(self.empty)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 5)
        self.finder.picked.connect(self.add)
        self.list.currentRowChanged.connect(self._show)
        self.remove_button.clicked.connect(self.remove_current)
        self.editor.edited.connect(self._edited)
        self._show(-1)

    # -- content -------------------------------------------------------------------------------
    def set_requests(self, requests: list[tuple[RequestedArtist, str]]) -> None:
        self._requests = [r for r, _n in requests]
        self._names = {r.artist_id: n for r, n in requests}
        self.list.clear()
        for r in self._requests:
            self.list.addItem(self._names[r.artist_id])
        self.list.setCurrentRow(0 if self._requests else -1)
        self._show(self.list.currentRow())

    def requests(self) -> tuple[RequestedArtist, ...]:
        return tuple(self._requests)

    def names(self) -> dict[int, str]:
        return dict(self._names)

    def add(self, artist_id: int, name: str) -> None:
        for n, r in enumerate(self._requests):
            if r.artist_id == artist_id:
                self.list.setCurrentRow(n)
                return
        self._requests.append(RequestedArtist(artist_id))
        self._names[artist_id] = name
        self.list.addItem(name)
        self.list.setCurrentRow(len(self._requests) - 1)
        self.edited.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self._requests.pop(row)
        self.list.takeItem(row)
        self._show(self.list.currentRow())
        self.edited.emit()

    def _show(self, row: int) -> None:
        has = 0 <= row < len(self._requests)
        self.editor.setVisible(has)
        self.empty.setVisible(not has)
        self.remove_button.setEnabled(has)
        if has:
            r = self._requests[row]
            self.editor.fill(self._names.get(r.artist_id, f"#{r.artist_id}"), r)

    def _edited(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._requests):
            self._requests[row] = self.editor.read(self._requests[row])
            self.edited.emit()

    def fee_problem(self) -> tuple[int, str] | None:
        """(row, why) for a fee that is not a number (checked here: the draft holds Decimals)."""
        row = self.list.currentRow()
        _value, why = self.editor.fee_value()
        return (row + 1, why) if why else None

    def show_problems(self, problems: list[tuple[str, str, int | None]]) -> None:
        """Problems (field, message, 1-based artist row) of the chosen artist beside its fields;
        each artist with a problem gets a ⚠ in the list."""
        bad_rows = {row for _f, _m, row in problems if row is not None}
        for n in range(self.list.count()):
            item = self.list.item(n)
            r = self._requests[n]
            name = self._names.get(r.artist_id, f"#{r.artist_id}")
            item.setText(f"{name}  ⚠" if n + 1 in bad_rows else name)
        current = self.list.currentRow() + 1
        mine: dict[str, list[str]] = {}
        for field, message, row in problems:
            if row == current:
                mine.setdefault(field, []).append(message)
        self.editor.show_problems(mine)
