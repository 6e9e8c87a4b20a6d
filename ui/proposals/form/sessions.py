"""Scan or capture sessions the producer asks for, with the notice they gave (rule R19).

Times are edited in the desk's local time with the UTC offset shown (MomentEdit); a session
may be for one requested artist or for all of them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.clock import utc_now
from models.proposals.values import ScanSessionRequest
from ui.consent.labels import when_text
from ui.consent.widgets import MomentEdit, OptionalMoment, problem_label


class ScanSessions(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sessions: list[ScanSessionRequest] = []
        self._artists: dict[int, str] = {}
        self.list = QListWidget(self)
        self.list.setObjectName("scanSessions")
        self.list.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add &session"), self)
        self.add_button.setObjectName("addScanSession")
        self.remove_button = QPushButton(self.tr("Remove session"), self)
        self.remove_button.setObjectName("removeScanSession")
        self.at = MomentEdit(self)
        self.at.setObjectName("sessionAt")
        self.notice = OptionalMoment(self, self.tr("notice given"))
        self.notice.setObjectName("sessionNotice")
        self.artist = QComboBox(self)
        self.artist.setObjectName("sessionArtist")
        self.note = QLineEdit(self)
        self.note.setObjectName("sessionNote")
        self.problem = problem_label(self, "scan_sessions")
        hint = QLabel(
            self.tr(
                "Without a notice time the proposal itself counts as the notice (its received day)."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.editor = QWidget(self)
        form = QFormLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Session"), self.at)
        form.addRow(self.tr("Notice"), self.notice)
        form.addRow(self.tr("Artist"), self.artist)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        right = QVBoxLayout()
        right.addWidget(self.editor)
        right.addWidget(self.problem)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.add_button.clicked.connect(self.add_session)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentRowChanged.connect(self._show)
        self.at.changed.connect(self._edited)
        self.notice.changed.connect(self._edited)
        self.artist.currentIndexChanged.connect(lambda _i: self._edited())
        self.note.textChanged.connect(lambda _t: self._edited())
        self._filling = False
        self.set_artists({})
        self._show(-1)

    def set_artists(self, names: dict[int, str]) -> None:
        """The requested artists a session can be for (kept in step with the artists tab)."""
        self._artists = dict(names)
        current = self.artist.currentData()
        self._filling = True
        self.artist.clear()
        self.artist.addItem(self.tr("All requested artists"), None)
        for artist_id, name in names.items():
            self.artist.addItem(name, artist_id)
        found = self.artist.findData(current)
        self.artist.setCurrentIndex(max(0, found))
        self._filling = False

    def set_sessions(self, sessions: tuple[ScanSessionRequest, ...]) -> None:
        self._sessions = list(sessions)
        self._relist()
        self.list.setCurrentRow(0 if self._sessions else -1)
        self._show(self.list.currentRow())

    def sessions(self) -> tuple[ScanSessionRequest, ...]:
        return tuple(self._sessions)

    def add_session(self) -> None:
        now = utc_now().replace(second=0, microsecond=0)
        self._sessions.append(ScanSessionRequest(at=now))
        self._relist()
        self.list.setCurrentRow(len(self._sessions) - 1)
        self.edited.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self._sessions.pop(row)
        self._relist()
        self._show(self.list.currentRow())
        self.edited.emit()

    def _text(self, s: ScanSessionRequest) -> str:
        who = self._artists.get(s.artist_id, "") if s.artist_id else self.tr("all artists")
        notice = when_text(s.notice_at) if s.notice_at else self.tr("the proposal")
        return self.tr("{when} — {who} (notice: {notice})").format(
            when=when_text(s.at), who=who, notice=notice
        )

    def _relist(self) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for s in self._sessions:
            self.list.addItem(self._text(s))
        self.list.setCurrentRow(min(row, len(self._sessions) - 1))
        self.list.blockSignals(False)

    def _show(self, row: int) -> None:
        has = 0 <= row < len(self._sessions)
        self.editor.setEnabled(has)
        self.remove_button.setEnabled(has)
        if not has:
            return
        s = self._sessions[row]
        self._filling = True
        self.at.set_value(s.at)
        self.notice.set_value(s.notice_at)
        self.artist.setCurrentIndex(max(0, self.artist.findData(s.artist_id)))
        self.note.setText(s.note)
        self._filling = False

    def _edited(self) -> None:
        row = self.list.currentRow()
        if self._filling or not 0 <= row < len(self._sessions):
            return
        data = self.artist.currentData()
        self._sessions[row] = replace(
            self._sessions[row],
            at=self.at.value(),
            notice_at=self.notice.value(),
            artist_id=int(data) if data is not None else None,
            note=self.note.text().strip(),
        )
        item = self.list.item(row)
        if item is not None:
            item.setText(self._text(self._sessions[row]))
        self.edited.emit()

    def show_problems(self, messages: list[str]) -> None:
        self.problem.setText("; ".join(messages))
        self.problem.setVisible(bool(messages))
