"""In-memory artists, consent records and check contexts for rule tests (no database)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from models.consent.values import (
    ArtistDecision,
    CompensationBasis,
    ConsentDraft,
    ConsentRecord,
    DecisionOutcome,
)
from models.consent.words import ConsentState, ConsentStatus, Grant, Modality, RecordAtTime, Use
from models.roster.artist import Artist, Stance
from models.rules import (
    ArtistFacts,
    CheckContext,
    Demand,
    RequestedTerms,
    StatementClaim,
)

M = Modality
RECEIVED = date(2026, 5, 1)
AS_OF = datetime(2026, 5, 1, 15, 59, tzinfo=UTC)
CP = 10
OTHER_CP = 11
PROJECT = 100
OTHER_PROJECT = 101
GOOD_DESCRIPTION = (
    "Digital face replacement of the character Shen Yao in episodes 3 and 7 (flashbacks), "
    "streamed on the platform only."
)


def artist(artist_id: int = 1, **kw: Any) -> Artist:
    base: dict[str, Any] = {
        "id": artist_id,
        "native_name": "林晓",
        "romanized_name": "Lin Xiao",
        "date_of_birth": date(1994, 3, 12),
        "jurisdiction": "CN",
    }
    base.update(kw)
    return Artist(**base)


def record(
    record_id: int = 1,
    artist_id: int = 1,
    modalities: Sequence[Modality] = (M.FACE_LIKENESS,),
    project_id: int | None = PROJECT,
    counterparty_id: int = CP,
    decided_by: str = "林晓",
    decided_at: datetime = datetime(2026, 1, 10, tzinfo=UTC),
    **terms: Any,
) -> ConsentRecord:
    """A given, well-drafted consent record; pass terms to make it worse."""
    values: dict[str, Any] = {
        "uses": (Use.THIS_PRODUCTION,),
        "media": ("streaming",),
        "territories": ("CN",),
        "term_start": date(2026, 1, 1),
        "term_end": date(2026, 12, 31),
        "compensation_amount": Decimal("80000"),
        "compensation_currency": "CNY",
        "compensation_basis": CompensationBasis.FLAT_FEE,
        "content_exclusions": (),
        "alteration_limits": "",
        "sublicensing_allowed": False,
        "data_retention": "Face scans deleted at the end of the term.",
        "deletion_on_end": True,
        "revocation_terms": "Revocable with 30 days' written notice.",
        "counsel_represented": True,
        "signed_separately": True,
        "specific_use_description": GOOD_DESCRIPTION,
    }
    values.update(terms)
    draft = ConsentDraft(
        artist_id=artist_id,
        counterparty_id=counterparty_id,
        project_id=project_id,
        modalities=tuple(modalities),
        **values,
    )
    return ConsentRecord(
        id=record_id,
        terms=draft,
        status=ConsentStatus.GIVEN,
        lineage_id=record_id,
        version=1,
        counterparty_name="星幕视频 (Xingmu Video)" if counterparty_id == CP else "青禾影业",
        project_title="长夜行 (Chang Ye Xing)" if project_id == PROJECT else "",
        artist_name="林晓 (Lin Xiao)",
        zone="Asia/Shanghai",
        given_at=decided_at,
        decision=ArtistDecision(DecisionOutcome.GIVEN, decided_by, decided_at),
    )


def grants(r: ConsentRecord) -> tuple[Grant, ...]:
    t = r.terms
    return tuple(
        Grant(
            record_id=r.id,
            version=r.version,
            modality=m,
            counterparty_id=t.counterparty_id,
            counterparty_name=r.counterparty_name,
            project_id=t.project_id,
            project_title=r.project_title,
            uses=t.uses,
            media=t.media,
            territories=t.territories,
            term_start=t.term_start,
            term_end=t.term_end,
        )
        for m in t.modalities
    )


def at_time(r: ConsentRecord, in_force: bool = True) -> RecordAtTime:
    t = r.terms
    return RecordAtTime(
        record_id=r.id,
        version=r.version,
        status=ConsentStatus.GIVEN,
        modalities=t.modalities,
        counterparty_id=t.counterparty_id,
        counterparty_name=r.counterparty_name,
        project_id=t.project_id,
        project_title=r.project_title,
        term_start=t.term_start,
        term_end=t.term_end,
        in_force=in_force,
        lineage_id=r.lineage_id,
        uses=t.uses,
        media=t.media,
        territories=t.territories,
    )


def in_force(r: ConsentRecord, on: date = RECEIVED) -> bool:
    t = r.terms
    return (t.term_start is None or t.term_start <= on) and (t.term_end is None or on <= t.term_end)


def facts(
    who: Artist | None = None,
    records: Sequence[ConsentRecord] = (),
    stance: Stance = Stance.NOT_ASKED,
    statements: tuple[StatementClaim, ...] | None = (),
) -> ArtistFacts:
    who = who or artist()
    live = [r for r in records if in_force(r)]
    state = ConsentState(
        artist_id=who.id,
        as_of=AS_OF,
        stance=stance,
        grants=tuple(g for r in live for g in grants(r)),
        records=tuple(at_time(r, in_force(r)) for r in records),
        zone="Asia/Shanghai",
    )
    return ArtistFacts(who, state, {r.id: r for r in records}, statements)


def terms(artist_id: int = 1, **kw: Any) -> RequestedTerms:
    base: dict[str, Any] = {
        "modalities": (),
        "uses": (Use.THIS_PRODUCTION,),
        "media": ("streaming",),
        "territories": ("CN",),
        "term_start": date(2026, 6, 1),
        "term_end": date(2026, 10, 31),
        "fee_amount": Decimal("100000"),
        "fee_currency": "CNY",
    }
    base.update(kw)
    return RequestedTerms(artist_id, **base)


def use(
    artist_id: int = 1,
    modality: Modality | None = M.VOICE,
    line: int = 7,
    kind: str = "voice",
    text: str = "AI VOICE",
    scene: int = 1,
    script_id: int = 1,
    character: str = "LIN XIAO",
    source: str = "extension",
) -> Demand:
    return Demand(artist_id, modality, line, script_id, scene, kind, source, text, character)


def context(
    people: Sequence[ArtistFacts],
    requested: Sequence[RequestedTerms] = (),
    demands: Sequence[Demand] = (),
    **kw: Any,
) -> CheckContext:
    base: dict[str, Any] = {
        "counterparty_id": CP,
        "counterparty_name": "星幕视频 (Xingmu Video)",
        "project_id": PROJECT,
        "project_title": "长夜行 (Chang Ye Xing)",
        "received_on": RECEIVED,
        "labelling_plan": "Every AI shot carries a visible 'AI生成' mark and C2PA metadata.",
    }
    base.update(kw)
    reqs = {r.artist_id: r for r in requested}
    all_demands = [Demand(r.artist_id, m) for r in requested for m in r.modalities]
    all_demands += list(demands)
    return CheckContext(
        artists={f.artist.id: f for f in people},
        requested=reqs,
        demands=tuple(all_demands),
        **base,
    )


def rules_found(ctx: CheckContext) -> set[str]:
    from models.rules import check

    return {f.rule_id for f in check(ctx).findings}


def with_terms(r: ConsentRecord, **kw: Any) -> ConsentRecord:
    return replace(r, terms=replace(r.terms, **kw))
