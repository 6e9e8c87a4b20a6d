"""Is there consent at all, for this modality, and from the right person (R1, R2, R3, R14, R15)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from models.consent.values import ConsentRecord
from models.consent.words import Modality
from models.localize import format_date
from models.messages import phrase
from models.roster.artist import Artist, Stance
from models.rules.base import (
    Rule,
    at_line,
    demanded,
    grant_json,
    modality_list,
    record_json,
    value,
)
from models.rules.context import CheckContext, Demand
from models.rules.findings import Finding, RuleInfo, Severity
from models.rules.wording import ESTATE_WORDS, GUARDIAN_WORDS, mentions, names_overlap


def _script_lines(demands: tuple[Demand, ...]) -> dict[tuple[int, int], list[Demand]]:
    out: dict[tuple[int, int], list[Demand]] = {}
    for d in demands:
        if d.script_id is not None and d.line is not None:
            out.setdefault((d.script_id, d.line), []).append(d)
    return out


def _mods(demands: list[Demand] | tuple[Demand, ...]) -> list[Modality | None]:
    have = {d.modality for d in demands}
    out: list[Modality | None] = [m for m in Modality if m in have]
    if None in have:
        out.append(None)
    return out


class R1NoConsent(Rule):
    info = RuleInfo(
        "R1",
        "AI use of an artist with no given consent covering this project as of the proposal date",
        "艺人在提案日期没有涵盖本项目的已生效同意，却被AI使用",
        Severity.BLOCK,
        "PRC Civil Code art. 1019 (no use of a likeness without consent), art. 1023(2) (voice "
        "protected like likeness); SAG-AFTRA 2023 TV/Theatrical digital replica terms",
        "Do not proceed with any AI use of this artist until they give a written consent for "
        "this project; otherwise decline.",
        "在艺人就本项目给予书面同意之前，不得进行任何AI使用；否则应拒绝。",
        "An AI use whose character is not mapped to an artist is reported as INFO.",
        source_zh=(
            "《民法典》第1019条（未经肖像权人同意不得制作、使用、公开其肖像）、第1023条第二款（对"
            "自然人声音的保护参照适用肖像权保护）；SAG-AFTRA 2023年影视协议数"
            "字分身条款"
        ),
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        for a in ctx.artist_ids:
            demands = ctx.demands_of(a)
            cov = ctx.coverage(a)
            if not demands or cov.covered:
                continue
            facts = ctx.facts(a)
            name = ctx.name(a)
            mods = _mods(demands)
            evidence: dict[str, Any] = {
                "as_of": facts.state.as_of.isoformat(),
                "stance": facts.state.stance.value,
                "project": ctx.project_title,
                "counterparty": ctx.counterparty_name,
                "modalities_needed": [value(m) for m in mods],
                "script_uses": sum(1 for d in demands if d.from_script),
                "grants_elsewhere": [grant_json(g) for g in cov.elsewhere],
                "records_with_counterparty": [
                    {"record_id": r.record_id, "status": r.status.value}
                    for r in facts.state.records
                    if r.counterparty_id == ctx.counterparty_id
                ],
            }
            day = ctx.received_on.isoformat()
            yield self.finding(
                artist_id=a,
                code="finding.r1.no_consent",
                params={
                    "name": name,
                    "project": ctx.project_title,
                    "day": day,
                    "modalities": modality_list(mods),
                },
                evidence=evidence,
            )
            for (script_id, line), ds in sorted(_script_lines(demands).items()):
                used = _mods(ds)
                yield self.finding(
                    artist_id=a,
                    script_id=script_id,
                    line=line,
                    code="finding.r1.use_without_consent",
                    params={
                        "at": at_line(line),
                        "name": name,
                        "modalities": modality_list(used),
                        "text": ds[0].text,
                        "project": ctx.project_title,
                    },
                    evidence={
                        "character": ds[0].character,
                        "kinds": sorted({d.kind for d in ds}),
                        "modalities_needed": [value(m) for m in used],
                        "as_of": facts.state.as_of.isoformat(),
                    },
                )
        for u in ctx.unmapped:
            who = u.character or phrase("finding.unnamed_character")
            hint = phrase("finding.r1.suggested", suggestion=u.suggestion) if u.suggestion else ""
            yield self.finding(
                script_id=u.script_id,
                line=u.line,
                subject=f"unmapped:{u.character or ''}",
                severity=Severity.INFO,
                code="finding.r1.unmapped_use",
                params={
                    "at": at_line(u.line),
                    "kind": u.kind,
                    "text": u.text,
                    "who": who,
                    "hint": hint,
                },
                evidence={"character": u.character, "kind": u.kind, "suggestion": u.suggestion},
            )


class R2StanceOnly(Rule):
    info = RuleInfo(
        "R2",
        "Only a stance (open_to_discuss / opted_in_with_conditions) exists, no consent",
        "只有 AI 立场（愿意洽谈/附条件接受），没有同意",
        Severity.BLOCK,
        "PRC Civil Code art. 1019 (the right holder's consent is required); a platform listing "
        "does not mean the artist has agreed to any use",
        "Treat the stance as willingness to talk only: put the proposal to the artist and record "
        "a consent before any use.",
        "立场仅表示愿意洽谈：须将提案交艺人决定，并在任何使用前记录同意。",
        source_zh="《民法典》第1019条（须经肖像权人同意）；平台列名不代表艺人同意任何使用",
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        for a in ctx.artist_ids:
            state = ctx.facts(a).state
            if not ctx.demands_of(a) or ctx.coverage(a).covered:
                continue
            if state.stance not in (Stance.OPEN_TO_DISCUSS, Stance.OPTED_IN_WITH_CONDITIONS):
                continue
            name = ctx.name(a)
            yield self.finding(
                artist_id=a,
                code="finding.r2.stance_only",
                params={
                    "name": name,
                    "stance": (state.stance.label, state.stance.label_zh),
                    "project": ctx.project_title,
                },
                evidence={
                    "stance": state.stance.value,
                    "stance_conditions": state.stance_conditions,
                    "as_of": state.as_of.isoformat(),
                },
            )


class R3ModalityNotGranted(Rule):
    info = RuleInfo(
        "R3",
        "Modality used in the script not granted (e.g. voice used, only face granted)",
        "剧本使用的方式未获授权（例如使用了声音，但只授权了面部肖像）",
        Severity.BLOCK,
        "PRC Civil Code art. 1019, art. 1023(2) (voice protected like likeness); Tennessee "
        "ELVIS Act (2024)",
        "Remove this use from the script or ask the artist to extend the consent to this "
        "modality before accepting.",
        "从剧本中删除该使用，或在接受前请艺人将同意扩展到该方式。",
        source_zh=(
            "《民法典》第1019条、第1023条第二款（对自然人声音的保护参照适用肖像权保护）；美国田纳"
            "西州ELVIS法案（2024年）"
        ),
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        for a in ctx.artist_ids:
            cov = ctx.coverage(a)
            if not cov.covered:
                continue  # R1 says it: nothing at all covers the project
            granted = sorted({g.modality for g in cov.grants}, key=list(Modality).index)
            seen: set[tuple[int | None, int | None, Modality]] = set()
            name = ctx.name(a)
            for d in ctx.demands_of(a):
                m = d.modality
                if m is None or m == Modality.MODEL_TRAINING or cov.grants_for(m):
                    continue
                key = (d.script_id, d.line, m)
                if key in seen:
                    continue
                seen.add(key)
                what = phrase("finding.quoted", text=d.text) if d.text else ""
                yield self.finding(
                    artist_id=a,
                    script_id=d.script_id,
                    line=d.line,
                    subject=m.value,
                    code="finding.r3.modality_not_granted",
                    params={
                        "at": at_line(d.line),
                        "modality": (m.label, m.label_zh),
                        "what": what,
                        "name": name,
                        "granted": modality_list(list(granted)),
                        "project": ctx.project_title,
                    },
                    evidence={
                        "modality_needed": m.value,
                        "granted": [g.value for g in granted],
                        "records": sorted({g.record_id for g in cov.grants}),
                        "character": d.character,
                        "source": d.source,
                    },
                )


def _estate_basis(r: ConsentRecord, artist: Artist) -> str:
    d = r.decision
    if d is None:
        return ""
    if artist.deceased_on is not None and d.decided_at.date() > artist.deceased_on:
        return "decided after the artist's death"
    if names_overlap(d.decided_by, artist.estate_contact):
        return "decided by the estate contact on record"
    word = mentions(d.decided_by, ESTATE_WORDS)
    return f"decided by '{d.decided_by}' ({word})" if word else ""


def _guardian_basis(r: ConsentRecord, artist: Artist) -> str:
    d = r.decision
    if d is None:
        return ""
    if names_overlap(d.decided_by, artist.guardian):
        return "decided by the guardian on record"
    word = mentions(d.decided_by, GUARDIAN_WORDS)
    return f"decided by '{d.decided_by}' ({word})" if word else ""


class R14DeceasedWithoutEstate(Rule):
    info = RuleInfo(
        "R14",
        "Deceased artist: use without estate consent",
        "已故艺人：未经近亲属（或遗产管理人）同意的使用",
        Severity.BLOCK,
        "PRC Civil Code art. 994 (a deceased person's name and likeness are protected by the "
        "close relatives); PIPL art. 49; CA AB 1836",
        "Only the estate can consent: obtain and record the estate's written consent for this "
        "project.",
        "只有近亲属（或遗产管理人）可以同意：请取得并记录其对本项目的书面同意。",
        source_zh=(
            "《民法典》第994条（死者的姓名、肖像等受到侵害的，其近亲属有权依法请求行为人承担民事责"
            "任）；《个人信息保护法》第49条；美国加州AB 1836法案"
        ),
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        for a in ctx.artist_ids:
            artist = ctx.facts(a).artist
            if not artist.is_deceased or not ctx.demands_of(a):
                continue
            cov = ctx.coverage(a)
            missing: list[Modality | None] = []
            checked: list[dict[str, Any]] = []
            for m in demanded(ctx, a):
                records = cov.records_for(m)
                bases = [(r, _estate_basis(r, artist)) for r in records]
                checked += [
                    record_json(
                        r,
                        modality=value(m),
                        decided_by=r.decision.decided_by if r.decision else "",
                        estate=b,
                    )
                    for r, b in bases
                ]
                if not any(b for _r, b in bases):
                    missing.append(m)
            if not missing:
                continue
            name = ctx.name(a)
            died = artist.deceased_on.isoformat() if artist.deceased_on else ""
            died_zh = format_date(artist.deceased_on, "zh")
            yield self.finding(
                artist_id=a,
                code="finding.r14.no_estate_consent",
                params={
                    "name": name,
                    "died": (died, died_zh),
                    "modalities": modality_list(missing),
                    "project": ctx.project_title,
                },
                evidence={
                    "deceased_on": died,
                    "estate_contact": artist.estate_contact,
                    "modalities_without_estate_consent": [value(m) for m in missing],
                    "records_checked": checked,
                },
            )


class R15MinorWithoutGuardian(Rule):
    info = RuleInfo(
        "R15",
        "Minor: no guardian consent",
        "未成年人：没有监护人同意",
        Severity.BLOCK,
        "PRC Civil Code art. 19, 20 (minors act through, or with the consent of, their legal "
        "representative); PIPL art. 28 and 31 (personal information of children under 14 is "
        "sensitive and needs a parent's or guardian's consent)",
        "Only the guardian can consent for a minor: record the guardian's written consent.",
        "未成年人须由监护人同意：请记录监护人的书面同意。",
        source_zh=(
            "《民法典》第19条、第20条（未成年人由其法定代理人代理或者经其同意实施民事法律行为）；"
            "《个人信息保护法》第28条、第31条（不满十四周岁未成年人的个人信息属敏感个人信息"
            "，处理须取得父母或者其他监护人的同意）"
        ),
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        for a in ctx.artist_ids:
            artist = ctx.facts(a).artist
            if not artist.is_minor(ctx.received_on) or not ctx.demands_of(a):
                continue
            cov = ctx.coverage(a)
            missing: list[Modality | None] = []
            checked: list[dict[str, Any]] = []
            for m in demanded(ctx, a):
                records = cov.records_for(m)
                bases = [(r, _guardian_basis(r, artist)) for r in records]
                checked += [
                    record_json(
                        r,
                        modality=value(m),
                        decided_by=r.decision.decided_by if r.decision else "",
                        guardian=b,
                    )
                    for r, b in bases
                ]
                if not any(b for _r, b in bases):
                    missing.append(m)
            if not missing:
                continue
            name = ctx.name(a)
            age = artist.age(ctx.received_on)
            guardian = artist.guardian or phrase("finding.r15.no_guardian")
            yield self.finding(
                artist_id=a,
                code="finding.r15.no_guardian_consent",
                params={
                    "name": name,
                    "age": age,
                    "modalities": modality_list(missing),
                    "project": ctx.project_title,
                    "guardian": guardian,
                },
                evidence={
                    "age": age,
                    "guardian": artist.guardian,
                    "modalities_without_guardian_consent": [value(m) for m in missing],
                    "records_checked": checked,
                },
            )


__all__ = [
    "R1NoConsent",
    "R2StanceOnly",
    "R3ModalityNotGranted",
    "R14DeceasedWithoutEstate",
    "R15MinorWithoutGuardian",
]
