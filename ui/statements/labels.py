"""How statement values read on screen: kinds, statuses, languages and zoned times.

As-of times keep the time zone the statement was issued in ("2026-05-01 09:30 UTC+08:00"):
a statement speaks for a moment somewhere, and the desk shows exactly the moment it printed.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from models.statements.record import StatementKind, StatementStatus

RED = QColor("#b03a2e")
GREEN = QColor("#1e7b34")
AMBER = QColor("#9a6700")
MUTED = QColor("#6b7078")


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def kind_label(kind: StatementKind) -> str:
    return {
        StatementKind.POSITION: _tr("StatementKind", "Position statement"),
        StatementKind.PROJECT_CERTIFICATE: _tr("StatementKind", "Project consent certificate"),
        StatementKind.NON_AUTHORISATION: _tr("StatementKind", "Non-authorisation notice"),
        StatementKind.REVOCATION: _tr("StatementKind", "Revocation notice"),
    }[kind]


def status_label(status: StatementStatus) -> str:
    return {
        StatementStatus.CURRENT: _tr("StatementStatus", "Current"),
        StatementStatus.SUPERSEDED: _tr("StatementStatus", "Superseded"),
        StatementStatus.REVOKED: _tr("StatementStatus", "Withdrawn"),
        StatementStatus.HISTORICAL: _tr("StatementStatus", "Historical copy"),
    }[status]


def status_colour(status: StatementStatus) -> QColor:
    return {
        StatementStatus.CURRENT: GREEN,
        StatementStatus.SUPERSEDED: MUTED,
        StatementStatus.REVOKED: RED,
        StatementStatus.HISTORICAL: MUTED,
    }[status]


def languages_text(languages: tuple[str, ...] | list[str]) -> str:
    names = {"en": _tr("StatementLanguage", "English"), "zh": _tr("StatementLanguage", "Chinese")}
    return " + ".join(names.get(code, code) for code in languages)


def zoned_text(moment: datetime | str | None) -> str:
    """A moment in its own time zone, with the offset: "2026-05-01 09:30 UTC+08:00"."""
    if moment is None or moment == "":
        return ""
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return str(moment)
    if moment.tzinfo is None:
        return f"{moment:%Y-%m-%d %H:%M}"
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset and offset != "+0000" else "UTC"
    return f"{moment:%Y-%m-%d %H:%M} {zone}"


__all__ = [
    "AMBER",
    "GREEN",
    "MUTED",
    "RED",
    "kind_label",
    "languages_text",
    "status_colour",
    "status_label",
    "zoned_text",
]
