"""Everything the rules look at, gathered once per check (no database access in the rules).

The proposals package fills a `CheckContext` from the database (state as of the proposal's
received date, the consent records in force, the mapped script uses); tests build one by hand.
`Coverage` answers the question most rules ask: which records in force cover this project, and
which of them grant a given modality.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from models.consent.values import ConsentRecord
from models.consent.words import ConsentState, Grant, Modality, Use
from models.roster.artist import Artist


@dataclass(frozen=True)
class RequestedTerms:
    """What the proposal asks of one artist."""

    artist_id: int
    modalities: tuple[Modality, ...] = ()
    uses: tuple[Use, ...] = ()
    media: tuple[str, ...] = ()
    territories: tuple[str, ...] = ()
    term_start: date | None = None
    term_end: date | None = None  # None: the proposal asks for no end (rule R11)
    fee_amount: Decimal | None = None
    fee_currency: str = ""


@dataclass(frozen=True)
class Demand:
    """One thing the proposal or script needs from one artist's consent.

    From the script: an AI use of a character mapped to the artist (`line`, `script_id` set).
    From the proposal: a requested modality (`line` None). `modality` None is an AI use whose
    kind names no particular modality ("AI-generated"): any consent for the project covers it.
    """

    artist_id: int
    modality: Modality | None
    line: int | None = None
    script_id: int | None = None
    scene: int = 0
    kind: str = "requested"  # the AI-use kind (voice, likeness, …), "dubbing" or "requested"
    source: str = "proposal"  # extension, action, dialogue, note, heading, or "proposal"
    text: str = ""
    character: str | None = None

    @property
    def from_script(self) -> bool:
        return self.line is not None


@dataclass(frozen=True)
class UnmappedUse:
    """An AI use whose character is not (yet) mapped to an artist."""

    script_id: int
    line: int
    character: str | None
    kind: str
    text: str
    suggestion: str = ""  # display name of a suggested artist, if any


@dataclass(frozen=True)
class RosterMention:
    """A roster artist the proposal does not request, named by a character of the script
    that has AI uses and is not mapped (rule R21)."""

    script_id: int
    character: str
    artist_id: int
    artist_name: str
    lines: tuple[int, ...]  # the AI uses' lines, in order
    kinds: tuple[str, ...]  # their kinds (voice, likeness, …), each once


@dataclass(frozen=True)
class ScanSession:
    """A scan or capture session the proposal asks for (rule R13)."""

    at: datetime
    notice_at: datetime | None = None  # None: the proposal itself is the notice
    artist_id: int | None = None  # None: every requested artist
    note: str = ""


@dataclass(frozen=True)
class StatementClaim:
    """A current public statement about the artist and what changed since (rule R20)."""

    statement_id: str
    kind: str
    issued_at: datetime
    project_id: int | None
    changed_modalities: tuple[str, ...]  # empty: it still says what is on record


@dataclass(frozen=True)
class ArtistFacts:
    """One artist as the rules see them."""

    artist: Artist
    state: ConsentState  # as of the proposal's received date
    records: Mapping[int, ConsentRecord]  # full terms of (at least) the records covering it
    statements: tuple[StatementClaim, ...] | None = None  # None: no statement register


@dataclass(frozen=True)
class Coverage:
    """The artist's consent in force for the proposal's project."""

    grants: tuple[Grant, ...]  # in force, for this project or any project of the counterparty
    by_modality: Mapping[Modality, tuple[Grant, ...]]
    records: Mapping[int, ConsentRecord]  # the records behind `grants`
    elsewhere: tuple[Grant, ...]  # in force, but for other projects or counterparties

    def grants_for(self, modality: Modality | None) -> tuple[Grant, ...]:
        return self.grants if modality is None else self.by_modality.get(modality, ())

    def records_for(self, modality: Modality | None) -> tuple[ConsentRecord, ...]:
        """Each record once, for the modality (any modality when None)."""
        seen: dict[int, ConsentRecord] = {}
        for g in self.grants_for(modality):
            rec = self.records.get(g.record_id)
            if rec is not None:
                seen.setdefault(rec.id, rec)
        return tuple(seen.values())

    @property
    def covered(self) -> bool:
        return bool(self.grants)


def coverage_of(facts: ArtistFacts, counterparty_id: int, project_id: int) -> Coverage:
    own: list[Grant] = []
    other: list[Grant] = []
    for g in facts.state.grants:
        if g.project_id == project_id or (
            g.project_id is None and g.counterparty_id == counterparty_id
        ):
            own.append(g)
        else:
            other.append(g)
    by_mod: dict[Modality, list[Grant]] = {}
    for g in own:
        by_mod.setdefault(g.modality, []).append(g)
    return Coverage(
        grants=tuple(own),
        by_modality={m: tuple(v) for m, v in by_mod.items()},
        records={
            g.record_id: facts.records[g.record_id] for g in own if g.record_id in facts.records
        },
        elsewhere=tuple(other),
    )


@dataclass(frozen=True)
class CheckContext:
    """One proposal, its mapped script uses and the artists' consent, ready to check."""

    counterparty_id: int
    counterparty_name: str
    project_id: int
    project_title: str
    received_on: date
    artists: Mapping[int, ArtistFacts]
    requested: Mapping[int, RequestedTerms] = field(default_factory=dict)
    demands: tuple[Demand, ...] = ()
    unmapped: tuple[UnmappedUse, ...] = ()
    # (script_id, scene index) → the scene's text lines (line, text), for content exclusions
    scene_text: Mapping[tuple[int, int], tuple[tuple[int, str], ...]] = field(default_factory=dict)
    description: str = ""
    labelling_plan: str = ""
    model_training_requested: bool = False
    retention_requested: bool = False
    sublicensing_requested: bool = False
    scan_sessions: tuple[ScanSession, ...] = ()
    training_lines: tuple[tuple[int, int], ...] = ()  # (script_id, line) of training hits
    roster_mentions: tuple[RosterMention, ...] = ()
    proposal_id: int | None = None
    statements_available: bool = True
    project_type: str = ""  # film, series, ad, game, other ("" unknown): scopes ad exclusions
    _coverage: dict[int, Coverage] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _by_artist: dict[int, tuple[Demand, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        grouped: dict[int, list[Demand]] = {}
        for d in self.demands:
            grouped.setdefault(d.artist_id, []).append(d)
        self._by_artist.update({k: tuple(v) for k, v in grouped.items()})
        for artist_id, facts in self.artists.items():
            self._coverage[artist_id] = coverage_of(facts, self.counterparty_id, self.project_id)

    @property
    def artist_ids(self) -> tuple[int, ...]:
        """Requested artists first (in proposal order), then artists only the script uses."""
        out = [a for a in self.requested if a in self.artists]
        out += sorted(a for a in self._by_artist if a not in self.requested and a in self.artists)
        return tuple(out)

    def demands_of(self, artist_id: int) -> tuple[Demand, ...]:
        return self._by_artist.get(artist_id, ())

    def coverage(self, artist_id: int) -> Coverage:
        return self._coverage[artist_id]

    def facts(self, artist_id: int) -> ArtistFacts:
        return self.artists[artist_id]

    def name(self, artist_id: int) -> str:
        return self.artists[artist_id].artist.display_name

    @property
    def any_ai_use(self) -> bool:
        return bool(self.demands or self.unmapped or self.model_training_requested)


__all__ = [
    "ArtistFacts",
    "CheckContext",
    "Coverage",
    "Demand",
    "RequestedTerms",
    "RosterMention",
    "ScanSession",
    "StatementClaim",
    "UnmappedUse",
    "coverage_of",
]
