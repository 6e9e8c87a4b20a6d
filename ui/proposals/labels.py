"""How proposal values read on screen: status, deadline, severity, answers and their colours.

Domain words the models already give in both languages (status, severity, modality, rule
messages) come through `ui.i18n`; the rest are translation sources in the "Proposals" context.
Colour is never the only signal: every coloured cell also says what it means in words.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from models.consent.values import Recommendation
from models.proposals.values import (
    ArtistAnswer,
    DeadlineState,
    FileRole,
    FindingChange,
    ProposalStatus,
    ProposalSummary,
)
from models.rules import RULE_INFO, Severity
from ui.consent.labels import recommendation_label
from ui.i18n import is_chinese, label, pick


def _tr(text: str) -> str:
    return QCoreApplication.translate("Proposals", text)


def status_label(status: ProposalStatus) -> str:
    return label(status)


def severity_label(severity: Severity) -> str:
    """ "BLOCK" is the code people quote in either language; Chinese adds its word (阻止)."""
    return f"{severity.value} · {severity.label_zh}" if is_chinese() else severity.value


def answer_label(answer: ArtistAnswer) -> str:
    return {
        ArtistAnswer.ACCEPT: _tr("Accepts"),
        ArtistAnswer.DECLINE: _tr("Declines"),
        ArtistAnswer.COUNTER: _tr("Wants to counter"),
    }[answer]


def advice_label(recommendation: Recommendation) -> str:
    return recommendation_label(recommendation)


def file_role_label(role: FileRole) -> str:
    return {
        FileRole.SCRIPT: _tr("Script"),
        FileRole.PROPOSAL: _tr("Proposal"),
        FileRole.CONTRACT: _tr("Contract"),
        FileRole.OTHER: _tr("Other"),
    }[role]


def change_label(change: FindingChange) -> str:
    return {
        FindingChange.NEW: _tr("New"),
        FindingChange.UNCHANGED: _tr("Unchanged"),
        FindingChange.RESOLVED: _tr("Resolved"),
    }[change]


def rule_title(rule_id: str) -> str:
    info = RULE_INFO.get(rule_id)
    if info is None:
        return rule_id
    return f"{rule_id} · {pick(info.title, info.title_zh)}"


def transition_label(target: ProposalStatus) -> str:
    """The button that moves a proposal on, worded as the act rather than the state."""
    return {
        ProposalStatus.UNDER_REVIEW: _tr("Start review"),
        ProposalStatus.WITH_ARTIST: _tr("Send to the artist"),
        ProposalStatus.ACCEPTED: _tr("Accept…"),
        ProposalStatus.DECLINED: _tr("Decline"),
        ProposalStatus.COUNTERED: _tr("Counter"),
        ProposalStatus.WITHDRAWN: _tr("Withdrawn by the producer"),
        ProposalStatus.RECEIVED: _tr("Back to received"),
    }[target]


def deadline_text(row: ProposalSummary) -> str:
    """ "2026-05-01 · in 3 days", "… · overdue by 2 days", "… · today"; "" with no deadline."""
    return deadline_words(row.respond_by, row.days_left, row.deadline)


def deadline_words(day: date | None, days: int | None, state: DeadlineState) -> str:
    if day is None:
        return ""
    shown = day.isoformat()
    if state is DeadlineState.CLOSED or days is None:
        return shown
    if days < 0:
        more = _tr("overdue by 1 day") if days == -1 else _tr("overdue by {n} days").format(n=-days)
    elif days == 0:
        more = _tr("due today")
    elif days == 1:
        more = _tr("due tomorrow")
    else:
        more = _tr("in {n} days").format(n=days)
    return f"{shown} · {more}"


# -- colours ------------------------------------------------------------------------------------
# Pale fills behind dark text (readable in light and dark themes), as in the consent screens.
RED_FILL = "#f5b7b1"
AMBER_FILL = "#ffdd99"
CELL_TEXT = "#1c2833"

DEADLINE_FILLS: dict[DeadlineState, str] = {
    DeadlineState.OVERDUE: RED_FILL,
    DeadlineState.DUE_SOON: RED_FILL,
    DeadlineState.UPCOMING: AMBER_FILL,
}

SEVERITY_FILLS: dict[Severity, str] = {
    Severity.BLOCK: "#e6553f",
    Severity.HIGH: "#f0a04b",
    Severity.WARN: "#f7dc6f",
    Severity.INFO: "#aed6f1",
}
SEVERITY_TEXT: dict[Severity, str] = {
    Severity.BLOCK: "#ffffff",
    Severity.HIGH: "#1c2833",
    Severity.WARN: "#1c2833",
    Severity.INFO: "#1c2833",
}


def deadline_fill(state: DeadlineState) -> QColor | None:
    fill = DEADLINE_FILLS.get(state)
    return QColor(fill) if fill else None


def severity_fill(severity: Severity) -> QColor:
    return QColor(SEVERITY_FILLS[severity])


def severity_text_colour(severity: Severity) -> QColor:
    return QColor(SEVERITY_TEXT[severity])


def badge_style(severity: Severity | None) -> str:
    """A label's style sheet for a severity badge (grey when nothing was found)."""
    if severity is None:
        return "padding: 2px 8px; border-radius: 3px; background: #d5d8dc; color: #1c2833;"
    return (
        f"padding: 2px 8px; border-radius: 3px; font-weight: bold; "
        f"background: {SEVERITY_FILLS[severity]}; color: {SEVERITY_TEXT[severity]};"
    )


def deadline_style(state: DeadlineState) -> str:
    fill = DEADLINE_FILLS.get(state)
    if fill is None:
        return ""
    return f"padding: 2px 8px; border-radius: 3px; background: {fill}; color: {CELL_TEXT};"
