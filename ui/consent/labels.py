"""How consent values read on screen: translatable labels, status colours and times.

The English words come from the models (domain.md); they are the translation source, looked up
in fixed contexts ("ConsentStatus", "Modality", "ConsentField", …) so one translation file
covers every screen. Colour is never the only signal: every coloured cell also says its status
in words.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from models.consent.history import FIELD_LABELS
from models.consent.lifecycle import STATUS_LABELS
from models.consent.values import (
    CompensationBasis,
    DecisionMethod,
    EvidenceRole,
    ProjectType,
    Recommendation,
)
from models.consent.words import ConsentStatus, Modality, Use
from ui.i18n import translatable


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def status_label(status: ConsentStatus | None) -> str:
    if status is None:
        return _tr("ConsentStatus", "Not authorised")
    return _tr("ConsentStatus", STATUS_LABELS[status][0])


def modality_label(modality: Modality) -> str:
    return _tr("Modality", modality.label)


def modality_tooltip(modality: Modality) -> str:
    """Both scripts, whatever the interface language: contracts name modalities in either."""
    return f"{modality.label} / {modality.label_zh}"


def use_label(use: Use) -> str:
    return {
        Use.THIS_PRODUCTION: _tr("Use", "This production"),
        Use.PROMOTION: _tr("Use", "Promotion"),
        Use.SEQUELS: _tr("Use", "Sequels"),
    }[use]


def basis_label(basis: CompensationBasis) -> str:
    return {
        CompensationBasis.FLAT_FEE: _tr("Compensation", "Flat fee"),
        CompensationBasis.PER_USE: _tr("Compensation", "Per use"),
        CompensationBasis.PER_DAY: _tr("Compensation", "Per day"),
        CompensationBasis.ROYALTY: _tr("Compensation", "Royalty"),
        CompensationBasis.OTHER: _tr("Compensation", "Other"),
    }[basis]


def method_label(method: DecisionMethod) -> str:
    return {
        DecisionMethod.SIGNED_AGREEMENT: _tr("Decision", "Signed agreement"),
        DecisionMethod.IN_PERSON: _tr("Decision", "In person"),
        DecisionMethod.VIDEO_CALL: _tr("Decision", "Video call"),
        DecisionMethod.PHONE: _tr("Decision", "Phone"),
        DecisionMethod.EMAIL: _tr("Decision", "E-mail"),
        DecisionMethod.MESSAGE: _tr("Decision", "Message"),
        DecisionMethod.OTHER: _tr("Decision", "Other"),
    }[method]


def recommendation_label(recommendation: Recommendation) -> str:
    return {
        Recommendation.RECOMMEND: _tr("Recommendation", "Recommend"),
        Recommendation.RECOMMEND_WITH_CHANGES: _tr("Recommendation", "Recommend with changes"),
        Recommendation.ADVISE_AGAINST: _tr("Recommendation", "Advise against"),
        Recommendation.NO_RECOMMENDATION: _tr("Recommendation", "No recommendation"),
    }[recommendation]


def role_label(role: EvidenceRole) -> str:
    return {
        EvidenceRole.SIGNED_AGREEMENT: _tr("Evidence", "Signed agreement"),
        EvidenceRole.DECISION_RECORD: _tr("Evidence", "Record of the decision"),
        EvidenceRole.REVOCATION_NOTICE: _tr("Evidence", "Revocation notice"),
        EvidenceRole.CORRESPONDENCE: _tr("Evidence", "Correspondence"),
        EvidenceRole.OTHER: _tr("Evidence", "Other"),
    }[role]


def project_type_label(kind: ProjectType) -> str:
    return {
        ProjectType.FILM: _tr("Project", "Film"),
        ProjectType.SERIES: _tr("Project", "Series"),
        ProjectType.AD: _tr("Project", "Advertisement"),
        ProjectType.GAME: _tr("Project", "Game"),
        ProjectType.OTHER: _tr("Project", "Other"),
    }[kind]


def field_label(field: str) -> str:
    """The on-screen name of a record field (FIELD_LABELS of the models, translated)."""
    extra = {
        "counterparty_id": translatable("ConsentField", "Counterparty"),
        "project_id": translatable("ConsentField", "Project"),
        "guardian": translatable("ConsentField", "Guardian"),
        "estate_contact": translatable("ConsentField", "Estate contact"),
        "evidence": translatable("ConsentField", "Evidence files"),
        "outcome": translatable("ConsentField", "Artist decision"),
        "supersedes_id": translatable("ConsentField", "Earlier version"),
        "artist_id": translatable("ConsentField", "Artist"),
    }
    english = FIELD_LABELS[field][0] if field in FIELD_LABELS else extra.get(field, field)
    return _tr("ConsentField", english)


def any_project_label() -> str:
    return _tr("Consent", "any project")


# -- colours ------------------------------------------------------------------------------------

# Pale fills with dark text, readable in light and dark desktop themes alike.
GIVEN_FILL = "#b9e4c0"
GIVEN_LATER_FILL = "#e3f4e6"  # given, but its term has not started yet
OPEN_FILL = "#ffdd99"
REFUSED_FILL = "#f5b7b1"
ENDED_FILL = "#d5d8dc"
NONE_FILL = "#ffffff"
CELL_TEXT = "#1c2833"
NONE_TEXT = "#7b7d7d"

STATUS_FILLS: dict[ConsentStatus | None, str] = {
    ConsentStatus.GIVEN: GIVEN_FILL,
    ConsentStatus.REQUESTED: OPEN_FILL,
    ConsentStatus.PENDING_ARTIST: OPEN_FILL,
    ConsentStatus.REFUSED: REFUSED_FILL,
    ConsentStatus.REVOKED: REFUSED_FILL,
    ConsentStatus.EXPIRED: ENDED_FILL,
    ConsentStatus.SUPERSEDED: ENDED_FILL,
    None: NONE_FILL,
}


def status_fill(status: ConsentStatus | None, in_force: bool = True) -> QColor:
    if status == ConsentStatus.GIVEN and not in_force:
        return QColor(GIVEN_LATER_FILL)
    return QColor(STATUS_FILLS[status])


def legend_entries() -> list[tuple[str, str]]:
    """(fill colour, words) for the legend under the matrix, in the order people read it."""
    return [
        (GIVEN_FILL, _tr("Consent", "Given (in force)")),
        (GIVEN_LATER_FILL, _tr("Consent", "Given, term not started")),
        (OPEN_FILL, _tr("Consent", "Requested / waiting for the artist")),
        (REFUSED_FILL, _tr("Consent", "Refused / revoked")),
        (ENDED_FILL, _tr("Consent", "Expired / superseded")),
        (NONE_FILL, _tr("Consent", "Not authorised (no record)")),
    ]


# -- times --------------------------------------------------------------------------------------


def zone_text(when: datetime) -> str:
    """ "UTC+08:00" — the offset people can check against their own clock."""
    offset = when.utcoffset()
    if offset is None:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def when_text(when: datetime | None, seconds: bool = False) -> str:
    """A moment in the desk's local time with its offset: "2026-04-03 14:05 UTC+08:00"."""
    if when is None:
        return "—"
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    local = when.astimezone()
    shown = local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    return f"{shown} {zone_text(local)}"


def artist_time_text(when: datetime, zone_name: str) -> str:
    """A revocation's moment where the artist works, saying so: "2026-05-01 00:00
    Asia/Shanghai (UTC+08:00)". Revocations are dated in the artist's zone everywhere (status
    bar, details, dialog), never once in the artist's day and once in UTC."""
    from models.dates.zones import zone

    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    local = when.astimezone(zone(zone_name))
    return f"{local.strftime('%Y-%m-%d %H:%M')} {zone_name} ({zone_text(local)})"


def value_text(field: str, value: Any) -> str:
    """A field value from `record_fields` as a history panel shows it ("—" when empty)."""
    if value is None or value == "" or value == ():
        return "—"
    if isinstance(value, bool):
        return _tr("Consent", "yes") if value else _tr("Consent", "no")
    if isinstance(value, datetime):
        return when_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, tuple):
        return ", ".join(value_text(field, v) for v in value)
    text = str(value)
    try:
        if field == "modalities":
            return modality_label(Modality(text))
        if field == "uses":
            return use_label(Use(text))
        if field == "status":
            return status_label(ConsentStatus(text))
        if field == "compensation_basis":
            return basis_label(CompensationBasis(text))
        if field == "decision_method":
            return method_label(DecisionMethod(text))
        if field == "recommendation":
            return recommendation_label(Recommendation(text))
    except ValueError:
        pass
    if field == "project" and text.startswith("(any project"):
        return _tr("Consent", "(any project of this counterparty)")
    return text


def exclusion_label(key: str) -> str:
    """The suggested content exclusions (CONTENT_EXCLUSIONS) in words; free text as typed."""
    words = {
        "nudity": translatable("Exclusion", "Nudity"),
        "sexual_content": translatable("Exclusion", "Sexual content"),
        "violence": translatable("Exclusion", "Violence"),
        "political": translatable("Exclusion", "Political content"),
        "religious": translatable("Exclusion", "Religious content"),
        "alcohol_ads": translatable("Exclusion", "Alcohol ads"),
        "tobacco_ads": translatable("Exclusion", "Tobacco ads"),
        "gambling": translatable("Exclusion", "Gambling"),
        "financial_products": translatable("Exclusion", "Financial products"),
        "medical_claims": translatable("Exclusion", "Medical claims"),
    }
    return _tr("Exclusion", words[key]) if key in words else key
