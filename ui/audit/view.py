"""The audit view: who changed what and when, with filters, the before/after of each event, and
a check that nobody has edited, deleted or reordered the trail since it was written.

Verifying hashes every event (100,000 in about 3 s), so it runs through `run_task` with the
usual progress window; the view stays usable meanwhile.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.audit.chain import ChainReport
from models.audit.service import AuditEvent
from models.desk import Desk
from models.messages import in_language
from models.safety.integrity import flagged_files
from ui.audit.model import (
    AuditFilter,
    AuditTableModel,
    Column,
    entity_labels,
    event_time,
    value_text,
)
from ui.consent.labels import when_text
from ui.consent.widgets import OptionalDate
from ui.errors import show_error
from ui.i18n import model_language
from ui.tasks import Task, TaskControl, run_task

FILTER_DEBOUNCE_MS = 250
CHANGED_FILL = "#fdebd0"
OK_STYLE = "color: #1e8449; font-weight: bold;"
BROKEN_STYLE = "color: #b03a2e; font-weight: bold;"


class AuditView(QWidget):
    summary_changed = Signal(str)
    verified = Signal(object)  # ChainReport

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.audit = desk.audit
        self.db = desk.db
        self.summary = ""
        self.report: ChainReport | None = None
        self.task: Task[ChainReport] | None = None
        self.model = AuditTableModel(self.audit, self)
        self._build()
        self.model.modelReset.connect(self._update_summary)
        self.model.rowsInserted.connect(lambda *_a: self._update_summary())
        self._loaded = False

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.entity_combo = QComboBox(self)
        self.entity_combo.setObjectName("auditEntity")
        self.entity_combo.addItem(self.tr("Everything"), "")
        for key, label in entity_labels().items():
            self.entity_combo.addItem(label, key)
        self.entity_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.id_edit = QLineEdit(self)
        self.id_edit.setObjectName("auditEntityId")
        self.id_edit.setPlaceholderText(self.tr("Id"))
        self.id_edit.setMaximumWidth(80)
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("auditText")
        self.text_edit.setPlaceholderText(
            self.tr("Find desk user or any value, e.g. 林晓 (Ctrl+F)")
        )
        self.text_edit.setClearButtonEnabled(True)
        self.since_edit = OptionalDate(self, self.tr("from"))
        self.since_edit.setObjectName("auditSince")
        self.until_edit = OptionalDate(self, self.tr("to"))
        self.until_edit.setObjectName("auditUntil")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        for edit in (self.id_edit, self.text_edit):
            edit.textChanged.connect(lambda _t: self._debounce.start())
        for d in (self.since_edit, self.until_edit):
            d.changed.connect(self._debounce.start)

        self.verify_button = QPushButton(self.tr("&Verify chain"), self)
        self.verify_button.setObjectName("verifyChain")
        self.verify_button.clicked.connect(self.verify)
        self.verify_label = QLabel(self.tr("Not verified yet in this session."), self)
        self.verify_label.setObjectName("verifyResult")
        self.verify_label.setWordWrap(True)
        self.show_broken_button = QPushButton(self.tr("Show that event"), self)
        self.show_broken_button.setObjectName("showBroken")
        self.show_broken_button.clicked.connect(self.show_broken)
        self.show_broken_button.hide()
        self.integrity_label = QLabel(self)
        self.integrity_label.setObjectName("integrityProblems")
        self.integrity_label.setWordWrap(True)
        self.integrity_label.setStyleSheet(
            "background: #fde8e8; color: #8a1c1c; padding: 6px; border-radius: 3px;"
        )
        self.integrity_label.hide()

        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((Column.TIME, 190), (Column.ACTOR, 110), (Column.ENTITY, 120)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(Column.ENTITY_ID, 60)
        self.table.setColumnWidth(Column.ACTION, 100)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.verticalScrollBar().valueChanged.connect(lambda _v: self._fetch_if_near_end())

        self.detail_title = QLabel(self)
        self.detail_title.setObjectName("auditDetailTitle")
        self.detail_title.setWordWrap(True)
        self.detail = QTableWidget(0, 3, self)
        self.detail.setObjectName("auditDetail")
        self.detail.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Before"), self.tr("After")]
        )
        self.detail.verticalHeader().hide()
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.setWordWrap(True)
        dh = self.detail.horizontalHeader()
        dh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        dh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        dh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        filters = QHBoxLayout()
        filters.addWidget(self.entity_combo)
        filters.addWidget(self.id_edit)
        filters.addWidget(self.text_edit, 1)
        filters.addWidget(self.since_edit)
        filters.addWidget(self.until_edit)
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addWidget(self.verify_label, 1)
        verify_row.addWidget(self.show_broken_button)
        detail_box = QWidget(self)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(detail_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addLayout(verify_row)
        layout.addWidget(self.integrity_label)
        layout.addWidget(split, 1)

        verify_action = QAction(self.tr("Verify chain"), self)
        verify_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        verify_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        verify_action.triggered.connect(self.verify)
        self.addAction(verify_action)
        refresh = QAction(self.tr("Reload"), self)
        refresh.setShortcut(QKeySequence("F5"))
        refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.triggered.connect(self.apply_filter)
        self.addAction(refresh)

    # -- filtering -----------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        data = self.entity_combo.currentData()
        since = self.since_edit.value()
        until = self.until_edit.value()
        local = datetime.now().astimezone().tzinfo
        return AuditFilter(
            entity=str(data or ""),
            entity_id=self.id_edit.text().strip(),
            text=self.text_edit.text().strip(),
            since=datetime.combine(since, time(0), tzinfo=local) if since else None,
            until=(
                datetime.combine(until + timedelta(days=1), time(0), tzinfo=local)
                if until
                else None
            ),
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self._loaded = True
        self.model.load(self.current_filter())
        self._show_event(None)
        self._fetch_if_near_end()

    def _fetch_if_near_end(self) -> None:
        """Lazy paging: the next page when the last rows come into view."""
        bar = self.table.verticalScrollBar()
        if self.model.can_fetch_more() and bar.value() >= bar.maximum() - bar.pageStep() // 2:
            self.model.fetch_more()

    def focus_search(self) -> None:
        self.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_edit.selectAll()

    def showEvent(self, event: QShowEvent) -> None:
        """Newest events first each time the view is shown (others keep writing)."""
        self.apply_filter()
        self.show_integrity()
        super().showEvent(event)

    def show_integrity(self) -> None:
        """List the stored files the last background check found damaged or missing."""
        flagged = flagged_files(self.db)
        if not flagged:
            self.integrity_label.hide()
            return
        names = ", ".join(f"{name} ({sha[:12]}…)" for sha, name in flagged[:10])
        more = len(flagged) - 10
        text = self.tr(
            "{n} stored file(s) no longer match their SHA-256 or are missing: {names}"
        ).format(n=len(flagged), names=names)
        if more > 0:
            text += self.tr(" and {more} more").format(more=more)
        self.integrity_label.setText(text)
        self.integrity_label.show()

    def _update_summary(self) -> None:
        n = self.model.rowCount()
        more = self.model.can_fetch_more()
        text = self.tr("{n}+ events shown") if more else self.tr("{n} events shown")
        self.summary = text.format(n=n)
        self.summary_changed.emit(self.summary)

    # -- the selected event ------------------------------------------------------------------
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_event(self.model.event_at(current.row()) if current.isValid() else None)

    def _show_event(self, event: AuditEvent | None) -> None:
        if event is None:
            self.detail_title.setText(self.tr("Select an event to see what it changed."))
            self.detail.setRowCount(0)
            return
        when = event_time(event)
        self.detail_title.setText(
            self.tr("Event #{id}: {actor} — {action} {entity} {eid}, {when}").format(
                id=event.id,
                actor=event.actor,
                action=event.action,
                entity=entity_labels().get(event.entity, event.entity),
                eid=event.entity_id,
                when=when_text(when, seconds=True) if when else event.at,
            )
            + "\n"
            + self.tr("hash {h}").format(h=event.hash)
        )
        before, after = event.before or {}, event.after or {}
        changed = set(event.changed_fields())
        keys = sorted(changed) + sorted((set(before) | set(after)) - changed)
        self.detail.setRowCount(len(keys))
        fill = QBrush(QColor(CHANGED_FILL))
        for row, key in enumerate(keys):
            cells = [
                QTableWidgetItem(key),
                QTableWidgetItem(value_text(before.get(key)) if event.before else "—"),
                QTableWidgetItem(value_text(after.get(key)) if event.after else "—"),
            ]
            for col, item in enumerate(cells):
                item.setToolTip(item.text())
                if key in changed:
                    item.setBackground(fill)
                    item.setForeground(QBrush(QColor("#1c2833")))
                self.detail.setItem(row, col, item)
        self.detail.resizeRowsToContents()

    def detail_rows(self) -> list[tuple[str, str, str]]:
        out = []
        for r in range(self.detail.rowCount()):
            cells = [self.detail.item(r, c) for c in range(3)]
            out.append(tuple(c.text() if c else "" for c in cells))
        return out  # type: ignore[return-value]

    def select_event(self, event_id: int) -> bool:
        """Scroll to an event, fetching older pages as needed (the unfiltered trail)."""
        row = self.model.row_of(event_id)
        while row is None and self.model.can_fetch_more():
            oldest = self.model.oldest_loaded_id()
            if oldest is not None and oldest < event_id:
                break
            self.model.fetch_more()
            row = self.model.row_of(event_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    # -- verifying -----------------------------------------------------------------------------
    def verify(self) -> Task[ChainReport] | None:
        if self.task is not None:
            return self.task
        self.verify_button.setEnabled(False)
        self.verify_label.setStyleSheet("")
        self.verify_label.setText(self.tr("Verifying…"))
        self.show_broken_button.hide()
        audit = self.audit

        def work(control: TaskControl) -> ChainReport:
            from models.audit.anchors import backup_anchors, store_anchors
            from models.safety.backup import default_backup_folder

            control.set_cancellable(False)
            db = audit.db
            sqlite = db.location.sqlite_path
            anchors = store_anchors(db)
            if sqlite is not None:
                anchors += backup_anchors(default_backup_folder(), sqlite.name)
            return audit.verify(anchors=anchors)

        self.task = run_task(
            self,
            work,
            self._verified,
            label=self.tr("Verifying the audit trail…"),
            on_error=self._verify_failed,
            cancellable=False,
        )
        return self.task

    def _verified(self, report: ChainReport) -> None:
        if not shiboken6.isValid(self):
            return
        self.task = None
        self.report = report
        self.verify_button.setEnabled(True)
        if report.intact:
            self.verify_label.setText(
                self.tr(
                    "Intact: all {n} events follow each other and match their hashes, every "
                    "audited record matches its last event, and the trail extends all {c} "
                    "signed checkpoint(s) found."
                ).format(n=f"{report.count:,}", c=report.checkpoints)
            )
            self.verify_label.setStyleSheet(OK_STYLE)
        elif report.first_broken is None:
            reason = in_language(report.reason, model_language())
            self.verify_label.setText(
                self.tr(
                    "Not intact: {reason}. {n} problem(s) in all; the records were changed "
                    "behind the audit trail. Restore a backup or ask whoever looks after the "
                    "database."
                ).format(reason=reason, n=len(report.problems))
            )
            self.verify_label.setStyleSheet(BROKEN_STYLE)
        else:
            self.verify_label.setText(
                self.tr(
                    "Broken at event #{id}: {reason}. Events from there on cannot be trusted; "
                    "restore a backup or ask whoever looks after the database."
                ).format(
                    id=report.first_broken, reason=in_language(report.reason, model_language())
                )
            )
            self.verify_label.setStyleSheet(BROKEN_STYLE)
            self.show_broken_button.show()
        self.verified.emit(report)

    def _verify_failed(self, error: BaseException) -> None:
        self.task = None
        self.verify_button.setEnabled(True)
        self.verify_label.setText(self.tr("Could not verify."))
        show_error(self, error)

    def show_broken(self) -> None:
        if self.report is None or self.report.first_broken is None:
            return
        broken = self.report.first_broken
        if self.current_filter() != AuditFilter():
            self.entity_combo.setCurrentIndex(0)
            self.id_edit.clear()
            self.text_edit.clear()
            self.since_edit.set_value(None)
            self.until_edit.set_value(None)
            self.apply_filter()
        self.select_event(broken)
