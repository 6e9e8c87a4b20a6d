"""The findings view's filters: severities (coloured toggles with counts), artist, rule, and
whether findings marked as accepted risk are listed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from models.proposals.values import CheckRun, FindingChange, FindingsDiff, StoredFinding
from models.rules import Severity
from ui.proposals.labels import SEVERITY_FILLS, SEVERITY_TEXT, rule_title, severity_label

NO_ARTIST = -1  # the artist filter's "the proposal's terms" entry


def _combo(parent: QWidget, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setMinimumContentsLength(4)  # never wider than a laptop screen allows
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class FindingFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.severity_buttons: dict[Severity, QToolButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Show"), self))
        for sev in Severity:
            button = QToolButton(self)
            button.setObjectName(f"show{sev.value.title()}")
            button.setText(severity_label(sev))
            button.setToolTip(
                self.tr("Show or hide {severity} findings").format(severity=severity_label(sev))
            )
            button.setCheckable(True)
            button.setChecked(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setStyleSheet(
                "QToolButton { padding: 2px 8px; border: 1px solid palette(mid);"
                " border-radius: 3px; }"
                f" QToolButton:checked {{ background: {SEVERITY_FILLS[sev]};"
                f" color: {SEVERITY_TEXT[sev]}; font-weight: bold; }}"
            )
            button.toggled.connect(lambda _b: self.changed.emit())
            self.severity_buttons[sev] = button
            row.addWidget(button)
        self.artist = _combo(self, "findingArtist")
        self.rule = _combo(self, "findingRule")
        for combo in (self.artist, self.rule):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.accepted = QCheckBox(self.tr("Accepted risks"), self)
        self.accepted.setObjectName("showAccepted")
        self.accepted.setChecked(True)
        self.accepted.toggled.connect(lambda _b: self.changed.emit())
        row.addSpacing(6)
        row.addWidget(self.artist, 1)
        row.addWidget(self.rule, 1)
        row.addWidget(self.accepted)
        self.fill([])

    def fill(self, findings: Sequence[StoredFinding]) -> None:
        """The artists and rules of these findings, keeping what was chosen if still there."""
        artist, rule = self.artist.currentData(), self.rule.currentData()
        for combo in (self.artist, self.rule):
            combo.blockSignals(True)
            combo.clear()
        self.artist.addItem(self.tr("Every artist"), None)
        names = {f.finding.artist_id: f.artist_name for f in findings}
        for artist_id, name in sorted(
            ((a, n) for a, n in names.items() if a is not None), key=lambda x: x[1]
        ):
            self.artist.addItem(name or f"#{artist_id}", artist_id)
        if None in names:
            self.artist.addItem(self.tr("(no artist: the proposal's terms)"), NO_ARTIST)
        self.rule.addItem(self.tr("Every rule"), None)
        for rule_id in sorted({f.finding.rule_id for f in findings}, key=lambda r: int(r[1:])):
            self.rule.addItem(rule_title(rule_id), rule_id)
        self.artist.setCurrentIndex(max(0, self.artist.findData(artist)))
        self.rule.setCurrentIndex(max(0, self.rule.findData(rule)))
        for combo in (self.artist, self.rule):
            combo.blockSignals(False)

    def show_counts(self, run: CheckRun | None) -> None:
        for sev, button in self.severity_buttons.items():
            n = sum(f.finding.severity is sev for f in run.findings) if run else None
            button.setText(severity_label(sev) if n is None else f"{severity_label(sev)} ({n})")

    def severities(self) -> frozenset[Severity]:
        return frozenset(s for s, b in self.severity_buttons.items() if b.isChecked())

    def set_severities(self, wanted: frozenset[Severity]) -> None:
        for sev, button in self.severity_buttons.items():
            button.blockSignals(True)
            button.setChecked(sev in wanted)
            button.blockSignals(False)
        self.changed.emit()

    def apply(
        self, run: CheckRun | None, diff: FindingsDiff | None, changes_only: bool
    ) -> list[StoredFinding]:
        """The findings to list: the run's, filtered; with `changes_only`, the new ones and
        those the run before had that are gone."""
        if run is None:
            return []
        artist, rule = self.artist.currentData(), self.rule.currentData()
        severities = self.severities()
        shown = [
            f
            for f in run.filtered(severities, None, rule, self.accepted.isChecked())
            if _artist_matches(f, artist)
        ]
        if changes_only and diff is not None:
            gone = [
                f
                for f in diff.resolved
                if f.finding.severity in severities
                and _artist_matches(f, artist)
                and (rule is None or f.finding.rule_id == rule)
            ]
            shown = [f for f in shown if f.change is FindingChange.NEW] + gone
        return shown


def _artist_matches(f: StoredFinding, chosen: int | None) -> bool:
    """None: every artist; NO_ARTIST: findings about the proposal's terms (no artist)."""
    if chosen is None:
        return True
    return f.finding.artist_id == (None if chosen == NO_ARTIST else chosen)
