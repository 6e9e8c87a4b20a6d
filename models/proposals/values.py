"""Proposals as the rest of the app sees them: frozen values, never ORM rows.

`ProposalDraft` is what a person fills in; `Proposal` is the saved proposal with its requested
artists (each with the artist's decision and the agency's recommendation, kept apart), files,
scripts and workflow status. Check runs and their findings are in `CheckRun`/`StoredFinding`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from models.consent.values import AgencyRecommendation
from models.consent.words import Modality, Use
from models.rules.findings import Finding, Severity


class ProposalStatus(StrEnum):
    RECEIVED = "received"
    UNDER_REVIEW = "under_review"
    WITH_ARTIST = "with_artist"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    COUNTERED = "countered"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return STATUS_LABELS[self][1]

    @property
    def words(self) -> tuple[str, str]:
        """The status as a message value: its code in English text, its name in Chinese."""
        return (self.value, self.label_zh)

    @property
    def is_open(self) -> bool:
        return self not in (
            ProposalStatus.ACCEPTED,
            ProposalStatus.DECLINED,
            ProposalStatus.WITHDRAWN,
        )


STATUS_LABELS: dict[ProposalStatus, tuple[str, str]] = {
    ProposalStatus.RECEIVED: ("Received", "已收到"),
    ProposalStatus.UNDER_REVIEW: ("Under review", "审核中"),
    ProposalStatus.WITH_ARTIST: ("With the artist", "待艺人决定"),
    ProposalStatus.ACCEPTED: ("Accepted", "已接受"),
    ProposalStatus.DECLINED: ("Declined", "已拒绝"),
    ProposalStatus.COUNTERED: ("Countered", "已提出修改意见"),
    ProposalStatus.WITHDRAWN: ("Withdrawn", "已撤回"),
}


class ArtistAnswer(StrEnum):
    """What the artist decided about the proposal."""

    ACCEPT = "accept"
    DECLINE = "decline"
    COUNTER = "counter"


class FileRole(StrEnum):
    SCRIPT = "script"
    PROPOSAL = "proposal"
    CONTRACT = "contract"
    OTHER = "other"


class DeadlineState(StrEnum):
    """How urgent the answer is, for the list view's colours."""

    OVERDUE = "overdue"  # red
    DUE_SOON = "due_soon"  # red: three days or less
    UPCOMING = "upcoming"  # amber: a week or less
    LATER = "later"
    NONE = "none"  # no deadline given
    CLOSED = "closed"  # answered or withdrawn: no deadline any more


class FindingChange(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    RESOLVED = "resolved"


@dataclass(frozen=True)
class RequestedArtist:
    """What the proposal asks of one artist."""

    artist_id: int
    modalities: tuple[Modality, ...] = ()
    uses: tuple[Use, ...] = ()
    media: tuple[str, ...] = ()
    territories: tuple[str, ...] = ()
    term_start: date | None = None
    term_end: date | None = None
    fee_amount: Decimal | None = None
    fee_currency: str = ""
    roles: tuple[str, ...] = ()  # the characters the producer says the artist plays

    def normalized(self) -> RequestedArtist:
        mods = {Modality(m) for m in self.modalities}
        uses = {Use(u) for u in self.uses}
        return replace(
            self,
            modalities=tuple(m for m in Modality if m in mods),
            uses=tuple(u for u in Use if u in uses),
            media=_texts(self.media),
            territories=tuple(t.upper() for t in _texts(self.territories)),
            fee_currency=self.fee_currency.strip().upper(),
            roles=_texts(self.roles),
        )


def _texts(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        s = " ".join(str(v).split())
        if s and s not in out:
            out.append(s)
    return tuple(out)


@dataclass(frozen=True)
class ScanSessionRequest:
    """A scan or capture session the producer asks for; `notice_at` None: the proposal is the
    notice (its received day, 00:00 UTC)."""

    at: datetime
    notice_at: datetime | None = None
    artist_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ProposalDraft:
    """Everything about a proposal a person fills in."""

    counterparty_id: int
    project_id: int
    received_on: date
    respond_by: date | None = None
    contact: str = ""
    description: str = ""
    labelling_plan: str = ""
    model_training_requested: bool = False
    retention_requested: bool = False
    sublicensing_requested: bool = False
    scan_sessions: tuple[ScanSessionRequest, ...] = ()
    artists: tuple[RequestedArtist, ...] = ()
    notes: str = ""

    def normalized(self) -> ProposalDraft:
        return replace(
            self,
            contact=self.contact.strip(),
            description=self.description.strip(),
            labelling_plan=self.labelling_plan.strip(),
            notes=self.notes.strip(),
            artists=tuple(a.normalized() for a in self.artists),
        )


@dataclass(frozen=True)
class ArtistDecisionOnProposal:
    """The artist's own answer (or the guardian's / estate's), with who and when."""

    answer: ArtistAnswer
    decided_by: str
    decided_at: datetime
    note: str = ""


@dataclass(frozen=True)
class ProposalArtist:
    requested: RequestedArtist
    artist_name: str
    decision: ArtistDecisionOnProposal | None = None
    recommendation: AgencyRecommendation | None = None
    consent_record_id: int | None = None

    @property
    def artist_id(self) -> int:
        return self.requested.artist_id


@dataclass(frozen=True)
class ProposalFile:
    id: int
    sha256: str
    original_name: str
    role: FileRole
    note: str
    added_at: datetime
    added_by: str


@dataclass(frozen=True)
class ProposalScript:
    """A script attached to a proposal, as read when it was attached."""

    id: int
    file_id: int
    sha256: str
    original_name: str
    format: str
    title: str
    scene_count: int
    pages: int
    characters: tuple[str, ...]
    ai_uses: int
    warnings: tuple[str, ...]
    added_at: datetime
    added_by: str


@dataclass(frozen=True)
class ScriptAiUse:
    id: int
    script_id: int
    line: int
    column: int | None
    page: int | None
    scene: int
    character: str | None
    kind: str
    source: str
    text: str
    marker: str


@dataclass(frozen=True)
class ScriptView:
    """A script's text and AI uses, for the findings view to show and jump to a line."""

    script: ProposalScript
    lines: tuple[str, ...]
    scenes: tuple[dict[str, Any], ...]
    ai_uses: tuple[ScriptAiUse, ...]

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def excerpt(self, line: int, around: int = 2) -> tuple[tuple[int, str], ...]:
        lo = max(1, line - around)
        hi = min(len(self.lines), line + around)
        return tuple((n, self.lines[n - 1]) for n in range(lo, hi + 1))


@dataclass(frozen=True)
class Proposal:
    id: int
    counterparty_id: int
    counterparty_name: str
    project_id: int
    project_title: str
    received_on: date
    respond_by: date | None
    contact: str
    description: str
    labelling_plan: str
    model_training_requested: bool
    retention_requested: bool
    sublicensing_requested: bool
    scan_sessions: tuple[ScanSessionRequest, ...]
    notes: str
    status: ProposalStatus
    previous_status: ProposalStatus | None
    status_changed_at: datetime
    status_changed_by: str
    status_note: str
    artists: tuple[ProposalArtist, ...]
    files: tuple[ProposalFile, ...]
    scripts: tuple[ProposalScript, ...]
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    row_version: int

    def draft(self) -> ProposalDraft:
        """The editable part (to prefill a form, or to undo an edit)."""
        return ProposalDraft(
            counterparty_id=self.counterparty_id,
            project_id=self.project_id,
            received_on=self.received_on,
            respond_by=self.respond_by,
            contact=self.contact,
            description=self.description,
            labelling_plan=self.labelling_plan,
            model_training_requested=self.model_training_requested,
            retention_requested=self.retention_requested,
            sublicensing_requested=self.sublicensing_requested,
            scan_sessions=self.scan_sessions,
            artists=tuple(a.requested for a in self.artists),
            notes=self.notes,
        )

    def artist(self, artist_id: int) -> ProposalArtist | None:
        for a in self.artists:
            if a.artist_id == artist_id:
                return a
        return None


@dataclass(frozen=True)
class ProposalSummary:
    """One row of the proposal list."""

    id: int
    counterparty_name: str
    project_title: str
    artist_names: tuple[str, ...]
    status: ProposalStatus
    received_on: date
    respond_by: date | None
    days_left: int | None
    deadline: DeadlineState
    worst: Severity | None  # of the latest check (None: no findings or never checked)
    worst_open: Severity | None  # the same, leaving out findings marked accepted risk
    checked_at: datetime | None
    row_version: int


@dataclass(frozen=True)
class StoredFinding:
    """A finding of one stored check run."""

    id: int
    run_id: int
    finding: Finding
    change: FindingChange
    accepted_risk: bool = False
    accepted_reason: str = ""
    accepted_by: str = ""
    accepted_at: datetime | None = None
    accepted_in_run_id: int | None = None  # the run where a person accepted it (carried over)
    row_version: int = 1
    artist_name: str = ""

    @property
    def fingerprint(self) -> str:
        return self.finding.fingerprint


@dataclass(frozen=True)
class CheckRun:
    id: int
    proposal_id: int
    previous_run_id: int | None
    as_of: datetime | None  # None: the end of the received day in each artist's time zone
    received_on: date
    run_at: datetime
    run_by: str
    rules_version: str
    worst: Severity | None
    worst_open: Severity | None
    counts: dict[str, int]
    summary: dict[str, Any]
    findings: tuple[StoredFinding, ...] = ()

    def filtered(
        self,
        severities: frozenset[Severity] | None = None,
        artist_id: int | None = None,
        rule_id: str | None = None,
        include_accepted: bool = True,
    ) -> tuple[StoredFinding, ...]:
        """The findings view's filters."""
        return tuple(
            f
            for f in self.findings
            if (severities is None or f.finding.severity in severities)
            and (artist_id is None or f.finding.artist_id == artist_id)
            and (rule_id is None or f.finding.rule_id == rule_id)
            and (include_accepted or not f.accepted_risk)
        )


@dataclass(frozen=True)
class FindingsDiff:
    """What a re-check changed compared with the run before it."""

    run_id: int
    previous_run_id: int | None
    new: tuple[StoredFinding, ...] = ()
    resolved: tuple[StoredFinding, ...] = ()  # findings of the previous run that are gone
    unchanged: tuple[StoredFinding, ...] = ()


@dataclass(frozen=True)
class MappingSuggestion:
    character: str
    artist_id: int
    artist_name: str
    score: int
    basis: str  # name, stage_name, romanized_name, pinyin, role, near …
    clear: bool  # one clear candidate (otherwise a person must choose)
    on_proposal: bool = True  # False: a roster artist the proposal does not request


@dataclass(frozen=True)
class CharacterMapping:
    """One character of a script: the confirmed artist (if any) and the suggestions."""

    script_id: int
    character: str
    dialogue_blocks: int
    ai_uses: int
    confirmed: bool
    artist_id: int | None  # confirmed: the artist, or None for "not one of our artists"
    artist_name: str = ""
    confirmed_by: str = ""
    confirmed_at: datetime | None = None
    suggestions: tuple[MappingSuggestion, ...] = field(default_factory=tuple)
    row_version: int = 0


@dataclass(frozen=True)
class AcceptOutcome:
    proposal: Proposal
    consent_record_ids: dict[int, int]  # artist id → the pending_artist consent record created


__all__ = [
    "STATUS_LABELS",
    "AcceptOutcome",
    "ArtistAnswer",
    "ArtistDecisionOnProposal",
    "CharacterMapping",
    "CheckRun",
    "DeadlineState",
    "FileRole",
    "FindingChange",
    "FindingsDiff",
    "MappingSuggestion",
    "Proposal",
    "ProposalArtist",
    "ProposalDraft",
    "ProposalFile",
    "ProposalScript",
    "ProposalStatus",
    "ProposalSummary",
    "RequestedArtist",
    "ScanSessionRequest",
    "ScriptAiUse",
    "ScriptView",
    "StoredFinding",
]
