"""Does the use stay inside what was consented: scope, content, term, alterations (R7, R8, R11,
R18)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from models.consent.values import ConsentRecord
from models.consent.words import Grant, Modality, Use
from models.messages import phrase
from models.names import normalize
from models.rules.base import (
    Rule,
    at_line,
    demanded,
    grant_json,
    modality_list,
    record_json,
    refs,
    value,
)
from models.rules.context import CheckContext, Demand
from models.rules.exclusions import exclusion_label
from models.rules.findings import Finding, RuleInfo, Severity
from models.rules.wording import (
    LIMIT_LABELS,
    NO_DE_AGING,
    NO_DUBBING,
    NO_NEW_LINES,
    alteration_limits,
    exclusion_hit,
)

_ALL_MEDIA = {"all", "any", "all media", "any media", "所有媒体", "全媒体", "不限"}
_ALL_TERRITORIES = {"WW", "WORLDWIDE", "GLOBAL", "ALL", "ANY", "全球", "全世界"}
_USE_LABELS = {
    Use.THIS_PRODUCTION: ("this production", "本作品"),
    Use.PROMOTION: ("promotion", "宣传推广"),
    Use.SEQUELS: ("sequels", "续集"),
}


def medium_covered(medium: str, granted: Sequence[str]) -> bool:
    """Empty `granted` means the record does not limit media."""
    if not granted:
        return True
    want = normalize(medium)
    have = {normalize(g) for g in granted}
    return want in have or bool(have & _ALL_MEDIA)


def territory_covered(territory: str, granted: Sequence[str]) -> bool:
    """Empty `granted` means the record does not limit territories; CN covers CN-BJ."""
    if not granted:
        return True
    want = territory.strip().upper()
    have = {g.strip().upper() for g in granted}
    if have & _ALL_TERRITORIES:
        return True
    return want in have or want.split("-", 1)[0] in have


class R7OutsideScope(Rule):
    info = RuleInfo(
        "R7",
        "Use outside the consented scope: other project, sequel, promo, medium, territory",
        "超出同意范围的使用：其他项目、续集、宣传、媒介或地区",
        Severity.BLOCK,
        "the consent record's scope; PRC Civil Code art. 1021 (disputed likeness licence terms "
        "are read in the right holder's favour)",
        "Narrow the proposal to the consented scope, or ask the artist to extend the consent.",
        "将提案限制在已同意的范围内，或请艺人扩大同意范围。",
        source_zh=(
            "同意记录的范围条款；《民法典》第1021条（对肖像使用条款的理解有争议的，作有利于肖像权"
            "人的解释）"
        ),
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        for a in ctx.artist_ids:
            if not ctx.demands_of(a):
                continue
            cov = ctx.coverage(a)
            name = ctx.name(a)
            if not cov.covered:
                if cov.elsewhere:
                    places = sorted(
                        {
                            f"{g.counterparty_name} — {g.project_title or 'any project'}"
                            for g in cov.elsewhere
                        }
                    )
                    yield self.finding(
                        artist_id=a,
                        subject="project",
                        code="finding.r7.other_projects_only",
                        params={
                            "name": name,
                            "places": ("; ".join(places), "；".join(places)),
                            "project": ctx.project_title,
                        },
                        evidence={"grants_elsewhere": [grant_json(g) for g in cov.elsewhere]},
                    )
                continue
            yield from self._terms(ctx, a)

    def _terms(self, ctx: CheckContext, a: int) -> Iterator[Finding]:
        cov = ctx.coverage(a)
        req = ctx.requested.get(a)
        uses = (req.uses if req and req.uses else None) or (Use.THIS_PRODUCTION,)
        media = req.media if req else ()
        territories = req.territories if req else ()
        gaps: dict[str, list[tuple[Modality | None, str]]] = {
            "uses": [],
            "media": [],
            "territories": [],
        }
        for m in demanded(ctx, a):
            if m == Modality.MODEL_TRAINING:
                continue
            grants = cov.grants_for(m)
            if not grants:
                continue  # R3
            gaps["uses"] += [(m, u.value) for u in uses if not any(u in g.uses for g in grants)]
            gaps["media"] += [
                (m, x) for x in media if not any(medium_covered(x, g.media) for g in grants)
            ]
            gaps["territories"] += [
                (m, t)
                for t in territories
                if not any(territory_covered(t, g.territories) for g in grants)
            ]
        name = ctx.name(a)
        for aspect, items in gaps.items():
            if not items:
                continue
            wanted = sorted({v for _m, v in items})
            mods = list(dict.fromkeys(m for m, _v in items))
            if aspect == "uses":
                shown = ", ".join(_USE_LABELS[Use(v)][0] for v in wanted)
                shown_zh = "、".join(_USE_LABELS[Use(v)][1] for v in wanted)
            else:
                shown = shown_zh = ", ".join(wanted)
            yield self.finding(
                artist_id=a,
                subject=aspect,
                code="finding.r7.outside_scope",
                params={
                    "what": phrase(f"finding.r7.{aspect}"),
                    "shown": (shown, shown_zh),
                    "name": name,
                    "modalities": modality_list(mods),
                    "project": ctx.project_title,
                },
                evidence={
                    "requested": wanted,
                    "modalities": [value(m) for m in mods],
                    "grants": [grant_json(g) for g in cov.grants if g.modality in mods],
                },
            )


class R8ExcludedContent(Rule):
    info = RuleInfo(
        "R8",
        "Scene content hits a recorded exclusion (nudity, sex, violence, political, product "
        "category)",
        "场景内容触及同意记录中的排除事项（裸露、性、暴力、政治、产品类别）",
        Severity.BLOCK,
        "the consent record's exclusions",
        "Remove the artist's AI use from this scene, or change the scene so the exclusion is not "
        "touched.",
        "从该场景中移除对艺人的AI使用，或修改场景以避开排除事项。",
        source_zh="同意记录中的排除条款",
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        seen: dict[tuple[int, int, str], tuple[int, str] | None] = {}
        for a in ctx.artist_ids:
            cov = ctx.coverage(a)
            if not cov.covered:
                continue
            name = ctx.name(a)
            # first use of each modality in each scene
            firsts: dict[tuple[int, int, Modality | None], Demand] = {}
            for d in ctx.demands_of(a):
                if d.script_id is None or d.line is None:
                    continue
                key = (d.script_id, d.scene, d.modality)
                if key not in firsts or d.line < (firsts[key].line or 0):
                    firsts[key] = d
            for (script_id, scene, m), d in sorted(
                firsts.items(), key=lambda kv: (kv[0][0], kv[1].line or 0)
            ):
                records = cov.records_for(m)
                if not records:
                    continue
                for exclusion in _common_exclusions(records):
                    where_ = (script_id, scene, exclusion)
                    if where_ not in seen:
                        seen[where_] = _scene_hit(ctx, script_id, scene, exclusion)
                    hit = seen[where_]
                    if hit is None:
                        continue
                    hit_line, words = hit
                    yield self.finding(
                        artist_id=a,
                        script_id=script_id,
                        line=d.line,
                        subject=f"{exclusion}:{value(m)}",
                        code="finding.r8.excluded_in_scene",
                        params={
                            "at": at_line(d.line),
                            "name": name,
                            "words": words,
                            "line": hit_line,
                            "records": refs(records),
                            "exclusion": _exclusion_words(exclusion),
                        },
                        evidence={
                            "exclusion": exclusion,
                            "matched": words,
                            "matched_line": hit_line,
                            "scene": scene,
                            "modality": value(m),
                            "records": [record_json(r) for r in records],
                        },
                    )
            if ctx.description.strip():
                for exclusion in _common_exclusions(cov.records_for(None)):
                    words_found = exclusion_hit(exclusion, ctx.description, ctx.project_type)
                    if words_found is None:
                        continue
                    yield self.finding(
                        artist_id=a,
                        subject=f"{exclusion}:proposal",
                        code="finding.r8.excluded_in_description",
                        params={
                            "words": words_found,
                            "name": name,
                            "exclusion": _exclusion_words(exclusion),
                        },
                        evidence={"exclusion": exclusion, "matched": words_found},
                    )


def _common_exclusions(records: Sequence[ConsentRecord]) -> list[str]:
    """Exclusions every one of the records makes (a use may rest on the least strict one)."""
    if not records:
        return []
    common = list(dict.fromkeys(records[0].terms.content_exclusions))
    for r in records[1:]:
        have = set(r.terms.content_exclusions)
        common = [e for e in common if e in have]
    return common


def _scene_hit(
    ctx: CheckContext, script_id: int, scene: int, exclusion: str
) -> tuple[int, str] | None:
    for line, text in ctx.scene_text.get((script_id, scene), ()):
        words = exclusion_hit(exclusion, text, ctx.project_type)
        if words is not None:
            return line, words
    return None


def _term_covers(g: Grant, start: date, end: date | None) -> bool:
    if g.term_start is not None and g.term_start > start:
        return False
    if g.term_end is None:
        return True
    return end is not None and g.term_end >= end


class R11Term(Rule):
    info = RuleInfo(
        "R11",
        "Use falls outside the consent term, or term is open-ended",
        "使用超出同意期限，或期限无终止日",
        Severity.HIGH,
        "PRC Civil Code art. 1022 (a likeness licence without a clear term may be ended at "
        "any time); NO FAKES Act proposal (time-limited licences)",
        "Agree a fixed term that covers the whole use, with an end date.",
        "约定覆盖全部使用、并有明确终止日的固定期限。",
        source_zh=(
            "《民法典》第1022条（肖像许可使用期限没有约定或者约定不明确的，任何一方可以随时解除）"
            "；美国NO FAKES法案草案（许可须有期限）"
        ),
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        for a in ctx.artist_ids:
            if not ctx.demands_of(a):
                continue
            name = ctx.name(a)
            req = ctx.requested.get(a)
            if req is not None and req.term_end is None:
                yield self.finding(
                    artist_id=a,
                    subject="open_ended_request",
                    code="finding.r11.open_ended_request",
                    params={"name": name},
                    evidence={"term_start": req.term_start.isoformat() if req.term_start else None},
                )
            cov = ctx.coverage(a)
            start = (req.term_start if req else None) or ctx.received_on
            end = req.term_end if req else None
            outside: list[Modality | None] = []
            open_ended: list[Modality | None] = []
            for m in demanded(ctx, a):
                grants = cov.grants_for(m)
                if not grants:
                    continue
                if (
                    req is not None
                    and req.term_end is not None
                    and not any(_term_covers(g, start, end) for g in grants)
                ):
                    outside.append(m)
                if all(g.term_end is None for g in grants):
                    open_ended.append(m)
            if outside:
                until = end.isoformat() if end else phrase("finding.r11.open")
                terms = sorted({_term_text(g) for m in outside for g in cov.grants_for(m)})
                yield self.finding(
                    artist_id=a,
                    subject="outside_term",
                    code="finding.r11.outside_term",
                    params={
                        "start": start.isoformat(),
                        "until": until,
                        "name": name,
                        "modalities": modality_list(outside),
                        "terms": ("; ".join(terms), "；".join(terms)),
                    },
                    evidence={
                        "requested": [start.isoformat(), end.isoformat() if end else None],
                        "grants": [grant_json(g) for m in outside for g in cov.grants_for(m)],
                    },
                )
            if open_ended:
                yield self.finding(
                    artist_id=a,
                    subject="open_ended_consent",
                    code="finding.r11.open_ended_consent",
                    params={"name": name, "modalities": modality_list(open_ended)},
                    evidence={"modalities": [value(m) for m in open_ended]},
                )


def _exclusion_words(exclusion: str) -> tuple[str, str]:
    return (exclusion_label(exclusion, "en"), exclusion_label(exclusion, "zh"))


def _term_text(g: Grant) -> str:
    s = g.term_start.isoformat() if g.term_start else "…"
    e = g.term_end.isoformat() if g.term_end else "open"
    return f"#{g.record_id}: {s} – {e}"


# Which limit forbids which demanded alteration, and the records to read it from.
_ALTERATIONS: dict[Modality, tuple[str, tuple[Modality, ...]]] = {
    Modality.VOICE_TRANSLATION_DUBBING: (
        NO_DUBBING,
        (Modality.VOICE_TRANSLATION_DUBBING, Modality.VOICE),
    ),
    Modality.DE_AGING: (NO_DE_AGING, (Modality.DE_AGING, Modality.FACE_LIKENESS)),
    Modality.VOICE: (NO_NEW_LINES, (Modality.VOICE,)),
}


class R18AlterationBeyondLimits(Rule):
    info = RuleInfo(
        "R18",
        "Alteration beyond recorded limits (dubbing into other languages, changed lines, de-aging)",
        "超出记录限制的改动（译制为其他语言、修改台词、减龄）",
        Severity.BLOCK,
        "PRC Civil Code art. 1019 (no forging of a likeness by information technology), art. "
        "1023(2); SAG-AFTRA 2023; Beijing Internet Court AI voice case (2024)",
        "Keep the use within the recorded alteration limits, or get the artist's written "
        "approval of this alteration.",
        "将使用限制在记录的改动范围内，或取得艺人对该改动的书面批准。",
        source_zh=(
            "《民法典》第1019条（不得利用信息技术手段伪造他人肖像）、第1023条第二款；SAG-AFTRA 202"
            "3年影视协议；北京互联网法院2024年AI声音权益案"
        ),
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        for a in ctx.artist_ids:
            cov = ctx.coverage(a)
            if not cov.covered:
                continue
            name = ctx.name(a)
            seen: set[tuple[int | None, int | None, str]] = set()
            for d in ctx.demands_of(a):
                if d.modality not in _ALTERATIONS or not d.from_script:
                    continue
                limit, read_from = _ALTERATIONS[d.modality]
                records: tuple[ConsentRecord, ...] = ()
                for m in read_from:
                    records = cov.records_for(m)
                    if records:
                        break
                if not records:
                    continue
                said = [alteration_limits(r.terms.alteration_limits).get(limit) for r in records]
                if not all(said):
                    continue
                key = (d.script_id, d.line, limit)
                if key in seen:
                    continue
                seen.add(key)
                label, label_zh = LIMIT_LABELS[limit]
                quoted = "; ".join(f"{r.id}: '{w}'" for r, w in zip(records, said, strict=True))
                evidence: dict[str, Any] = {
                    "limit": limit,
                    "use": d.text,
                    "modality": value(d.modality),
                    "records": [
                        record_json(r, alteration_limits=r.terms.alteration_limits) for r in records
                    ],
                }
                yield self.finding(
                    artist_id=a,
                    script_id=d.script_id,
                    line=d.line,
                    subject=limit,
                    code="finding.r18.beyond_limits",
                    params={
                        "at": at_line(d.line),
                        "text": d.text,
                        "name": name,
                        "limit": (label, label_zh),
                        "quoted": quoted,
                    },
                    evidence=evidence,
                )


__all__ = [
    "R7OutsideScope",
    "R8ExcludedContent",
    "R11Term",
    "R18AlterationBeyondLimits",
    "medium_covered",
    "territory_covered",
]
