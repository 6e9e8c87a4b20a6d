"""The deadlines dashboard: consents about to expire, decisions waiting too long, scans booked
at short notice. Each row opens the artist's consent view at that record.

The thresholds are the database's (`DeadlineService.settings`), so every desk sees the same
dashboard; changing them is an undoable command. `counts()` feeds the navigation badge.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.consent.deadlines import (
    Dashboard,
    DeadlineCounts,
    DeadlineItem,
    DeadlineSettings,
)
from models.desk import Desk
from models.errors import UserError
from ui.consent.commands import SaveDeadlineSettings
from ui.consent.labels import status_label, when_text
from ui.errors import show_error

ARTIST_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
URGENT = "#b03a2e"


class DeadlinesView(QWidget):
    """What needs attention soon, across every artist."""

    open_record = Signal(int, int)  # artist id, record id
    counts_changed = Signal(object)  # DeadlineCounts
    summary_changed = Signal(str)

    def __init__(self, desk: Desk, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlinesView")
        self.deadlines = desk.deadlines
        self.undo_stack = undo_stack
        self.dashboard: Dashboard | None = None
        self.summary = ""

        self.expiry_spin = self._spin("expiryDays", 0, 3650, self.tr(" days"))
        self.pending_spin = self._spin("pendingDays", 0, 3650, self.tr(" days"))
        self.notice_spin = self._spin("noticeHours", 0, 720, self.tr(" h"))
        self.apply_button = QPushButton(self.tr("Apply to every desk"), self)
        self.apply_button.setObjectName("applyThresholds")
        self.apply_button.clicked.connect(self.apply_thresholds)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        # Thresholds on one row, actions on the next: the view fits a laptop screen.
        top = QGridLayout()
        for col, (words, spin) in enumerate(
            (
                (self.tr("Expiring within"), self.expiry_spin),
                (self.tr("Pending longer than"), self.pending_spin),
                (self.tr("Scan notice under"), self.notice_spin),
            )
        ):
            top.addWidget(QLabel(words, self), 0, col * 2)
            top.addWidget(spin, 0, col * 2 + 1)
        top.setColumnStretch(6, 1)
        top.addWidget(self.apply_button, 1, 0, 1, 2)
        top.addWidget(self.refresh_button, 1, 5)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("deadlineTree")
        self.tree.setHeaderLabels(
            [self.tr("Artist"), self.tr("Project"), self.tr("Status"), self.tr("When"),
             self.tr("Days")]
        )  # fmt: skip
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.tree.itemActivated.connect(lambda item, _c: self.open_item(item))
        open_shortcut = QShortcut(QKeySequence("Return"), self.tree)
        open_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        open_shortcut.activated.connect(lambda: self.open_item(self.tree.currentItem()))
        hint = QLabel(self.tr("Enter or double-click opens the artist's consent records."), self)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        self.refresh()

    def _spin(self, name: str, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        return spin

    # -- content -------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            dash = self.deadlines.dashboard()
        except UserError as e:
            show_error(self, e)
            return
        self.dashboard = dash
        s = dash.settings
        for spin, value in (
            (self.expiry_spin, s.expiry_days),
            (self.pending_spin, s.pending_days),
            (self.notice_spin, s.scan_notice_hours),
        ):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        current = self._current_key()
        self.tree.clear()
        groups = [
            (
                self.tr("Consents expiring within {n} days").format(n=s.expiry_days),
                dash.expiring,
                "expiring",
            ),
            (
                self.tr("Decisions pending longer than {n} days").format(n=s.pending_days),
                dash.pending,
                "pending",
            ),
            (
                self.tr("Scans booked with less than {n} h notice").format(n=s.scan_notice_hours),
                dash.short_notice_scans,
                "scans",
            ),
        ]
        for title, items, kind in groups:
            group = QTreeWidgetItem([f"{title} ({len(items)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for item in items:
                group.addChild(self._row(item, kind))
            if not items:
                empty = QTreeWidgetItem([self.tr("nothing")])
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                group.addChild(empty)
            group.setExpanded(True)
        for col in (2, 3, 4):
            self.tree.resizeColumnToContents(col)
        self._restore(current)
        counts = dash.counts
        self.summary = self.tr(
            "{e} expiring · {p} waiting for a decision · {s} short-notice scans"
        ).format(e=counts.expiring, p=counts.pending, s=counts.short_notice_scans)
        self.summary_changed.emit(self.summary)
        self.counts_changed.emit(counts)

    def _row(self, item: DeadlineItem, kind: str) -> QTreeWidgetItem:
        when = item.when
        when_shown = when_text(when) if isinstance(when, datetime) else _day(when)
        if kind == "expiring":
            days = self.tr("{n} left").format(n=item.days)
        elif kind == "pending":
            days = self.tr("waiting {n}").format(n=item.days)
        else:
            notice = (
                self.tr("no notice recorded")
                if item.notice_hours is None
                else self.tr("{h:.0f} h notice").format(h=item.notice_hours)
            )
            days = notice
        row = QTreeWidgetItem(
            [item.artist_name, item.scope, status_label(item.status), when_shown, days]
        )
        row.setData(0, ARTIST_ROLE, item.artist_id)
        row.setData(0, RECORD_ROLE, item.record_id)
        row.setToolTip(1, item.scope)
        urgent = (kind == "expiring" and item.days <= 7) or kind == "scans"
        if urgent:
            row.setForeground(4, QBrush(QColor(URGENT)))
        return row

    def _current_key(self) -> tuple[int, int] | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, RECORD_ROLE) is None:
            return None
        return int(item.data(0, ARTIST_ROLE)), int(item.data(0, RECORD_ROLE))

    def _restore(self, key: tuple[int, int] | None) -> None:
        if key is None:
            return
        for item in self.rows():
            if (item.data(0, ARTIST_ROLE), item.data(0, RECORD_ROLE)) == key:
                self.tree.setCurrentItem(item)
                return

    def rows(self) -> list[QTreeWidgetItem]:
        out = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group is None:
                continue
            for c in range(group.childCount()):
                child = group.child(c)
                if child is not None and child.data(0, RECORD_ROLE) is not None:
                    out.append(child)
        return out

    def counts(self) -> DeadlineCounts:
        """For the navigation badge (as of the last refresh)."""
        if self.dashboard is None:
            return DeadlineCounts(0, 0, 0)
        return self.dashboard.counts

    # -- acting --------------------------------------------------------------------------------
    def open_item(self, item: QTreeWidgetItem | None) -> None:
        if item is None or item.data(0, RECORD_ROLE) is None:
            return
        self.open_record.emit(int(item.data(0, ARTIST_ROLE)), int(item.data(0, RECORD_ROLE)))

    def apply_thresholds(self) -> None:
        wanted = DeadlineSettings(
            self.expiry_spin.value(), self.pending_spin.value(), self.notice_spin.value()
        )
        if self.dashboard is not None and wanted == self.dashboard.settings:
            return
        try:
            SaveDeadlineSettings.perform(
                self.undo_stack, self.deadlines, wanted, self.refresh, self._failed
            )
        except UserError as e:
            show_error(self, e)
            return
        self.refresh()

    def _failed(self, error: UserError) -> None:
        show_error(self, error)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)


def _day(day: date) -> str:
    return day.isoformat()
