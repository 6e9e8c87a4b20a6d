"""Small input widgets the consent screens share: optional dates, moments with their zone.

Qt's date editors cannot be empty, but a term may have no end and a record may have no scan
session; a tick box in front of the editor says plainly whether a value is set. Moments are
edited in the desk's local time with the UTC offset shown beside them, and returned as
timezone-aware UTC datetimes (what the models store).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from models.clock import utc_now
from ui.consent.labels import zone_text

PROBLEM_STYLE = "color: #b03a2e;"
DATE_FORMAT = "yyyy-MM-dd"
MOMENT_FORMAT = "yyyy-MM-dd HH:mm"


def to_qdatetime(when: datetime) -> QDateTime:
    """A UTC (or any aware) datetime as a QDateTime in the desk's local time."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return QDateTime.fromMSecsSinceEpoch(round(when.timestamp() * 1000))


def from_qdatetime(value: QDateTime) -> datetime:
    """The moment a QDateTime stands for, as an aware UTC datetime."""
    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, UTC)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class MomentEdit(QWidget):
    """A date and time in local time, with the UTC offset it is read in."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, when: datetime | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(MOMENT_FORMAT)
        self.zone = QLabel(self)
        self.zone.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.zone)
        self.set_value(when or utc_now())
        self.edit.dateTimeChanged.connect(self._changed)
        self.setFocusProxy(self.edit)

    def value(self) -> datetime:
        return from_qdatetime(self.edit.dateTime())

    def set_value(self, when: datetime) -> None:
        self.edit.setDateTime(to_qdatetime(when))
        self._show_zone()

    def _changed(self) -> None:
        self._show_zone()
        self.changed.emit()

    def _show_zone(self) -> None:
        self.zone.setText(zone_text(self.value().astimezone()))


class OptionalDate(QWidget):
    """A date that may be left unset (tick box off)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, label: str = "") -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATE_FORMAT)
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.edit.blockSignals(True)
        if day is not None:
            self.edit.setDate(to_qdate(day))
        self.edit.blockSignals(False)
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.changed.emit()

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on:
            self.edit.setFocus()
        self.changed.emit()


class OptionalMoment(QWidget):
    """A moment (local time, offset shown) that may be left unset."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, label: str = "") -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.moment = MomentEdit(self)
        self.moment.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.moment, 1)
        self.check.toggled.connect(self._toggled)
        self.moment.changed.connect(self.changed.emit)
        self.setFocusProxy(self.check)

    def value(self) -> datetime | None:
        return self.moment.value() if self.check.isChecked() else None

    def set_value(self, when: datetime | None) -> None:
        if when is not None:
            self.moment.blockSignals(True)
            self.moment.set_value(when)
            self.moment.blockSignals(False)
        self.check.setChecked(when is not None)
        self.moment.setEnabled(when is not None)
        self.changed.emit()

    def _toggled(self, on: bool) -> None:
        self.moment.setEnabled(on)
        self.changed.emit()


def problem_label(parent: QWidget, name: str) -> QLabel:
    """The red line under a field that says what is wrong with it (hidden while fine)."""
    label = QLabel(parent)
    label.setObjectName(f"problem_{name}")
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label
