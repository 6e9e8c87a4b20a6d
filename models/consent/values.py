"""Consent records as the rest of the app sees them: frozen values, never ORM rows.

`ConsentDraft` is what a person fills in; `ConsentRecord` is one saved version of a record.
The artist's decision and the agency's recommendation are kept apart on purpose: the artist
decides, the agency only recommends.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from models.consent.lifecycle import derive_status
from models.consent.words import ConsentStatus, Modality, Use
from models.dates.zones import local_day, zone
from models.names import display_name


class CounterpartyKind(StrEnum):
    PRODUCER = "producer"
    PLATFORM = "platform"
    OTHER = "other"


class ProjectType(StrEnum):
    FILM = "film"
    SERIES = "series"
    AD = "ad"
    GAME = "game"
    OTHER = "other"


class CompensationBasis(StrEnum):
    FLAT_FEE = "flat_fee"
    PER_USE = "per_use"
    PER_DAY = "per_day"
    ROYALTY = "royalty"
    OTHER = "other"


class DecisionOutcome(StrEnum):
    GIVEN = "given"
    REFUSED = "refused"


class DecisionMethod(StrEnum):
    """How the artist's decision reached the agency."""

    SIGNED_AGREEMENT = "signed_agreement"
    IN_PERSON = "in_person"
    VIDEO_CALL = "video_call"
    PHONE = "phone"
    EMAIL = "email"
    MESSAGE = "message"
    OTHER = "other"


class Recommendation(StrEnum):
    RECOMMEND = "recommend"
    RECOMMEND_WITH_CHANGES = "recommend_with_changes"
    ADVISE_AGAINST = "advise_against"
    NO_RECOMMENDATION = "no_recommendation"


class EvidenceRole(StrEnum):
    SIGNED_AGREEMENT = "signed_agreement"
    DECISION_RECORD = "decision_record"
    REVOCATION_NOTICE = "revocation_notice"
    CORRESPONDENCE = "correspondence"
    OTHER = "other"


# Suggested content exclusions (free text is allowed too; the rule checker matches these keys).
CONTENT_EXCLUSIONS: tuple[str, ...] = (
    "nudity",
    "sexual_content",
    "violence",
    "political",
    "religious",
    "alcohol_ads",
    "tobacco_ads",
    "gambling",
    "financial_products",
    "medical_claims",
)


@dataclass(frozen=True)
class CounterpartyDraft:
    native_name: str
    romanized_name: str = ""
    kind: CounterpartyKind = CounterpartyKind.PRODUCER
    notes: str = ""


@dataclass(frozen=True)
class Counterparty:
    id: int
    native_name: str
    romanized_name: str
    kind: CounterpartyKind
    notes: str = ""
    archived: bool = False
    row_version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return display_name(self.native_name, self.romanized_name)

    def draft(self) -> CounterpartyDraft:
        return CounterpartyDraft(self.native_name, self.romanized_name, self.kind, self.notes)


@dataclass(frozen=True)
class ProjectDraft:
    counterparty_id: int
    title_native: str
    title_romanized: str = ""
    project_type: ProjectType = ProjectType.FILM
    notes: str = ""


@dataclass(frozen=True)
class Project:
    id: int
    counterparty_id: int
    title_native: str
    title_romanized: str
    project_type: ProjectType
    notes: str = ""
    archived: bool = False
    row_version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def display_title(self) -> str:
        return display_name(self.title_native, self.title_romanized)

    def draft(self) -> ProjectDraft:
        return ProjectDraft(
            self.counterparty_id,
            self.title_native,
            self.title_romanized,
            self.project_type,
            self.notes,
        )


@dataclass(frozen=True)
class ArtistDecision:
    """The artist's own decision (or the guardian's / estate's), with who, when and how."""

    outcome: DecisionOutcome
    decided_by: str
    decided_at: datetime
    method: DecisionMethod = DecisionMethod.SIGNED_AGREEMENT
    note: str = ""


@dataclass(frozen=True)
class AgencyRecommendation:
    """What the agency advised; recorded apart from the decision and never a decision itself."""

    recommendation: Recommendation
    recommended_by: str
    recommended_at: datetime
    note: str = ""


@dataclass(frozen=True)
class Revocation:
    """`revoked_at` is when the revocation takes effect; `recorded_at` when it was entered."""

    revoked_at: datetime
    revoked_by: str
    reason: str
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class Evidence:
    id: int
    record_id: int
    sha256: str
    original_name: str
    role: EvidenceRole
    size: int
    media_type: str
    note: str = ""
    added_at: datetime | None = None
    added_by: str = ""


@dataclass(frozen=True)
class ConsentDraft:
    """Every term of one consent record that a person fills in (domain.md)."""

    artist_id: int
    counterparty_id: int
    project_id: int | None = None  # None: any project of this counterparty
    modalities: tuple[Modality, ...] = ()
    uses: tuple[Use, ...] = ()
    media: tuple[str, ...] = ()
    territories: tuple[str, ...] = ()
    term_start: date | None = None
    term_end: date | None = None
    compensation_amount: Decimal | None = None
    compensation_currency: str = ""
    compensation_basis: CompensationBasis | None = None
    content_exclusions: tuple[str, ...] = ()
    alteration_limits: str = ""
    sublicensing_allowed: bool = False
    data_retention: str = ""
    deletion_on_end: bool = False
    revocation_terms: str = ""
    counsel_represented: bool = False
    union_represented: bool = False
    representative: str = ""
    signed_separately: bool = False
    specific_use_description: str = ""
    notes: str = ""
    scan_session_at: datetime | None = None
    scan_notice_at: datetime | None = None

    def normalized(self) -> ConsentDraft:
        """Trimmed text, duplicates dropped, modalities and uses in their canonical order."""

        def texts(values: tuple[str, ...]) -> tuple[str, ...]:
            out: list[str] = []
            for v in values:
                s = v.strip()
                if s and s not in out:
                    out.append(s)
            return tuple(out)

        mods = {Modality(m) for m in self.modalities}
        uses = {Use(u) for u in self.uses}
        return replace(
            self,
            modalities=tuple(m for m in Modality if m in mods),
            uses=tuple(u for u in Use if u in uses),
            media=texts(self.media),
            territories=tuple(t.upper() for t in texts(self.territories)),
            content_exclusions=texts(self.content_exclusions),
            compensation_currency=self.compensation_currency.strip().upper(),
            alteration_limits=self.alteration_limits.strip(),
            data_retention=self.data_retention.strip(),
            revocation_terms=self.revocation_terms.strip(),
            representative=self.representative.strip(),
            specific_use_description=self.specific_use_description.strip(),
            notes=self.notes.strip(),
        )


DRAFT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ConsentDraft))


@dataclass(frozen=True)
class ConsentRecord:
    """One saved version of a consent record.

    `status` is the stored lifecycle status; expiry is never stored, so ask `status_at(when)`
    for what a person should see (it also honours a revocation dated in the future).
    """

    id: int
    terms: ConsentDraft
    status: ConsentStatus
    lineage_id: int
    version: int
    counterparty_name: str
    project_title: str  # "" when the record covers any project of the counterparty
    artist_name: str
    zone: str  # the artist's time zone: term days are counted there
    supersedes_id: int | None = None
    superseded_by_id: int | None = None
    pending_at: datetime | None = None
    given_at: datetime | None = None
    refused_at: datetime | None = None
    superseded_at: datetime | None = None
    decision: ArtistDecision | None = None
    recommendation: AgencyRecommendation | None = None
    revocation: Revocation | None = None
    evidence: tuple[Evidence, ...] = ()
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""
    row_version: int = 1

    # -- convenient views of the terms ---------------------------------------------------------
    @property
    def artist_id(self) -> int:
        return self.terms.artist_id

    @property
    def counterparty_id(self) -> int:
        return self.terms.counterparty_id

    @property
    def project_id(self) -> int | None:
        return self.terms.project_id

    @property
    def modalities(self) -> tuple[Modality, ...]:
        return self.terms.modalities

    @property
    def term_start(self) -> date | None:
        return self.terms.term_start

    @property
    def term_end(self) -> date | None:
        return self.terms.term_end

    @property
    def scope_label(self) -> str:
        """ "Counterparty — Project" or "Counterparty — any project"."""
        return f"{self.counterparty_name} — {self.project_title or 'any project'}"

    @property
    def is_editable(self) -> bool:
        """Only a record nobody has decided on yet may be edited in place."""
        return self.status in (ConsentStatus.REQUESTED, ConsentStatus.PENDING_ARTIST)

    def status_at(self, when: datetime) -> ConsentStatus:
        """The status a person sees at `when` (expired after the term, revoked from its date)."""
        return derive_status(
            when,
            local_day(when, zone(self.zone)),
            self.pending_at,
            self.given_at,
            self.refused_at,
            self.superseded_at,
            self.revocation.revoked_at if self.revocation else None,
            self.term_end,
        )


__all__ = [
    "CONTENT_EXCLUSIONS",
    "DRAFT_FIELDS",
    "AgencyRecommendation",
    "ArtistDecision",
    "CompensationBasis",
    "ConsentDraft",
    "ConsentRecord",
    "Counterparty",
    "CounterpartyDraft",
    "CounterpartyKind",
    "DecisionMethod",
    "DecisionOutcome",
    "Evidence",
    "EvidenceRole",
    "Project",
    "ProjectDraft",
    "ProjectType",
    "Recommendation",
    "Revocation",
]
