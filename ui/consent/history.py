"""The history panel: every version of the selected record, and what changed, field by field.

Version 1 lists what it was recorded with; each later version lists only what differs from the
one before (before → after), with who recorded it and when. The records are the source; the
panel never reconstructs history itself (`models.consent.history.diff`).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.consent.evidence import EvidenceReport
from models.consent.history import FIELD_LABELS, diff, record_fields
from models.consent.values import ConsentRecord
from ui.consent.labels import (
    artist_time_text,
    field_label,
    status_label,
    value_text,
    when_text,
)

CHANGED_FILL = "#fdebd0"


class HistoryPanel(QWidget):
    """Versions of one record (newest first) and the diff of the chosen version."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.versions: list[ConsentRecord] = []
        self.title = QLabel(self.tr("Select a cell of the matrix to see its record."), self)
        self.title.setObjectName("historyTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("recordDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence_label = QLabel(self)
        self.evidence_label.setObjectName("evidenceCheck")
        self.evidence_label.setWordWrap(True)
        self.version_list = QListWidget(self)
        self.version_list.setObjectName("versionList")
        self.version_list.setWordWrap(True)
        self.version_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.version_list.currentRowChanged.connect(self._show_diff)
        self.diff_table = QTableWidget(0, 3, self)
        self.diff_table.setObjectName("diffTable")
        self.diff_table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Before"), self.tr("After")]
        )
        self.diff_table.verticalHeader().hide()
        self.diff_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff_table.setWordWrap(True)
        self.diff_table.setAlternatingRowColors(False)
        header = self.diff_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.diff_caption = QLabel(self)
        self.diff_caption.setObjectName("diffCaption")
        self.diff_caption.setWordWrap(True)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter = split
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.title)
        left_layout.addWidget(self.details)
        left_layout.addWidget(self.evidence_label)
        left_layout.addWidget(QLabel(self.tr("Versions (newest first)"), left))
        left_layout.addWidget(self.version_list, 1)
        right = QWidget(split)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.diff_caption)
        right_layout.addWidget(self.diff_table, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)

    # -- content -------------------------------------------------------------------------------
    def clear(self) -> None:
        self.versions = []
        self.title.setText(self.tr("Select a cell of the matrix to see its record."))
        self.details.setText("")
        self.evidence_label.setText("")
        self.version_list.clear()
        self.diff_table.setRowCount(0)
        self.diff_caption.setText("")

    def show_versions(
        self, versions: list[ConsentRecord], selected_id: int, as_of: datetime
    ) -> None:
        """`versions` oldest first (ConsentService.history); the selected one is highlighted."""
        self.versions = versions
        chosen = next((v for v in versions if v.id == selected_id), versions[-1])
        self.title.setText(
            self.tr("Consent #{id} — {scope}").format(id=chosen.id, scope=chosen.scope_label)
        )
        self._show_details(chosen, as_of)
        self.evidence_label.setText(self.tr("Evidence: checking…") if chosen.evidence else "")
        self.version_list.blockSignals(True)
        self.version_list.clear()
        for v in reversed(versions):
            text = self.tr("Version {v} (#{id}) · {status} · recorded {when} by {who}").format(
                v=v.version,
                id=v.id,
                status=status_label(v.status_at(as_of) if _exists(v, as_of) else v.status),
                when=when_text(v.created_at),
                who=v.created_by or "—",
            )
            if not _exists(v, as_of):
                text += " " + self.tr("(after the as-of time)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setToolTip(self._version_tooltip(v))
            self.version_list.addItem(item)
        self.version_list.blockSignals(False)
        row = [v.id for v in reversed(versions)].index(chosen.id)
        self.version_list.setCurrentRow(row)
        self._show_diff(row)

    def _show_details(self, r: ConsentRecord, as_of: datetime) -> None:
        start = r.term_start.isoformat() if r.term_start else "…"
        end = r.term_end.isoformat() if r.term_end else self.tr("open-ended")
        lines = [
            self.tr("Version {v}, {status} at the as-of time; term {start} to {end}").format(
                v=r.version,
                status=status_label(r.status_at(as_of)).lower(),
                start=start,
                end=end,
            )
        ]
        later = " " + self.tr("(after the as-of time)")

        def mark(moment: datetime | None) -> str:
            return later if moment is not None and moment > as_of else ""

        if r.recommendation is not None:
            lines.append(
                self.tr("Agency recommendation: {what} by {who}, {when}").format(
                    what=value_text("recommendation", r.recommendation.recommendation.value),
                    who=r.recommendation.recommended_by,
                    when=when_text(r.recommendation.recommended_at),
                )
                + mark(r.recommendation.recommended_at)
            )
        if r.decision is not None:
            lines.append(
                self.tr("Artist's decision: {outcome} by {who}, {when}").format(
                    outcome=value_text("status", r.decision.outcome.value),
                    who=r.decision.decided_by,
                    when=when_text(r.decision.decided_at),
                )
                + mark(r.given_at or r.refused_at)
            )
        if r.revocation is not None:
            lines.append(
                self.tr("Revoked from {when} by {who}: {reason}").format(
                    when=artist_time_text(r.revocation.revoked_at, r.zone),
                    who=r.revocation.revoked_by,
                    reason=r.revocation.reason,
                )
                + mark(r.revocation.revoked_at)
            )
        self.details.setText("\n".join(lines))

    def _version_tooltip(self, v: ConsentRecord) -> str:
        lines = [
            self.tr("Last changed by {who}, {when}").format(
                who=v.updated_by or "—", when=when_text(v.updated_at)
            )
        ]
        if v.decision is not None:
            lines.append(
                self.tr("Decided by {who}, {when}").format(
                    who=v.decision.decided_by, when=when_text(v.decision.decided_at)
                )
            )
        return "\n".join(lines)

    def show_evidence_report(self, report: EvidenceReport) -> None:
        if not report.checks:
            self.evidence_label.setText(self.tr("Evidence: no files attached."))
            self.evidence_label.setStyleSheet("")
            return
        if report.ok:
            self.evidence_label.setText(
                self.tr("Evidence: {n} file(s), SHA-256 re-checked: all match.").format(
                    n=len(report.checks)
                )
            )
            self.evidence_label.setStyleSheet("color: #1e8449;")
        else:
            names = ", ".join(f"{c.evidence.original_name} ({c.problem})" for c in report.broken)
            self.evidence_label.setText(
                self.tr(
                    "Evidence re-checked: {names} no longer match the SHA-256 recorded."
                ).format(names=names)
            )
            self.evidence_label.setStyleSheet("color: #b03a2e; font-weight: bold;")

    # -- the diff ------------------------------------------------------------------------------
    def _show_diff(self, row: int) -> None:
        ordered = list(reversed(self.versions))
        if not 0 <= row < len(ordered):
            self.diff_table.setRowCount(0)
            return
        v = ordered[row]
        older = [o for o in self.versions if o.version < v.version]
        rows: list[tuple[str, str, str]] = []
        if older:
            before = older[-1]
            self.diff_caption.setText(
                self.tr("Version {a} → version {b}: what changed").format(
                    a=before.version, b=v.version
                )
            )
            rows = [
                (field_label(c.field), value_text(c.field, c.before), value_text(c.field, c.after))
                for c in diff(before, v)
            ]
        else:
            self.diff_caption.setText(self.tr("Version {v}: recorded with").format(v=v.version))
            values = record_fields(v)
            rows = [
                (field_label(f), "—", value_text(f, values[f]))
                for f in FIELD_LABELS
                if value_text(f, values[f]) != "—"
            ]
        self.diff_table.setRowCount(len(rows))
        fill = QBrush(QColor(CHANGED_FILL))
        for i, (label, before_text, after_text) in enumerate(rows):
            cells = [QTableWidgetItem(label), QTableWidgetItem(before_text)]
            cells.append(QTableWidgetItem(after_text))
            for col, item in enumerate(cells):
                item.setToolTip(item.text())
                if older and col == 2:
                    item.setBackground(fill)
                    item.setForeground(QBrush(QColor("#1c2833")))
                self.diff_table.setItem(i, col, item)
        self.diff_table.resizeRowsToContents()

    def diff_rows(self) -> list[tuple[str, str, str]]:
        """What the diff table shows (field, before, after)."""
        out = []
        for i in range(self.diff_table.rowCount()):
            cells = [self.diff_table.item(i, c) for c in range(3)]
            out.append(tuple(c.text() if c is not None else "" for c in cells))
        return out  # type: ignore[return-value]


def _exists(version: ConsentRecord, as_of: datetime) -> bool:
    return version.created_at is None or version.created_at <= as_of
