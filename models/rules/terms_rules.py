"""Is the consent that covers the use a good one (R4, R5, R6, R10, R12, R16, R19).

These rules look at the records in force that grant a modality the proposal needs. A problem
counts only when *every* such record has it: if one clean consent covers the use, the use can
rest on that one. So granting more never makes these findings worse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from models.consent.values import ConsentRecord
from models.consent.words import Modality
from models.rules.base import (
    BIOMETRIC,
    REPLICA,
    Rule,
    covered_sets,
    demanded,
    labels,
    labels_zh,
    record_json,
    refs,
    value,
)
from models.rules.context import CheckContext
from models.rules.findings import Finding, RuleInfo, Severity
from models.rules.wording import specific_enough

STRICT_REPLICA_JURISDICTIONS = frozenset({"US-CA", "US-NY", "US-IL"})

Lacking = list[tuple[Modality | None, tuple[ConsentRecord, ...], list[str]]]


class RecordQualityRule(Rule):
    """A rule about a property every covering record should have."""

    among: ClassVar[frozenset[Modality | None] | None] = None
    subject: ClassVar[str] = ""

    def problem(self, r: ConsentRecord) -> str:
        """Why the record fails this rule ("" when it passes)."""
        raise NotImplementedError

    def lacking(self, ctx: CheckContext, artist_id: int) -> Lacking:
        out: Lacking = []
        for m, records in covered_sets(ctx, artist_id, self.among):
            reasons = [self.problem(r) for r in records]
            if all(reasons):
                out.append((m, records, reasons))
        return out

    def texts(self, name: str, mods: str, mods_zh: str, records: str) -> tuple[str, str]:
        raise NotImplementedError

    def severity_for(self, ctx: CheckContext, artist_id: int) -> Severity:
        return self.info.severity

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        for a in ctx.artist_ids:
            lacking = self.lacking(ctx, a)
            if not lacking:
                continue
            mods = [m for m, _r, _w in lacking]
            records: dict[int, ConsentRecord] = {}
            for _m, rs, _w in lacking:
                for r in rs:
                    records.setdefault(r.id, r)
            message, message_zh = self.texts(
                ctx.name(a), labels(mods), labels_zh(mods), refs(list(records.values()))
            )
            evidence: dict[str, Any] = {
                "modalities": [value(m) for m in mods],
                "records": [
                    record_json(r, problem=why)
                    for _m, rs, whys in lacking
                    for r, why in zip(rs, whys, strict=True)
                ],
            }
            evidence.update(self.extra_evidence(ctx, a))
            yield self.finding(
                artist_id=a,
                subject=self.subject,
                severity=self.severity_for(ctx, a),
                message=message,
                message_zh=message_zh,
                evidence=evidence,
            )

    def extra_evidence(self, ctx: CheckContext, artist_id: int) -> dict[str, Any]:
        return {}


class R4UnspecificUse(RecordQualityRule):
    info = RuleInfo(
        "R4",
        "Consent lacks a reasonably specific description of the intended use",
        "同意记录缺少对预期用途的合理具体描述",
        Severity.HIGH,
        "PRC Civil Code art. 1021 (disputed likeness licence terms are read in the right holder's "
        "favour); PIPL art. 14 (informed, explicit consent); CA AB 2602; NY Gen. Oblig. Law "
        "5-302; IL HB 4762",
        "Amend the consent with a specific description of each use (scenes, what is generated, "
        "where it is shown).",
        "修订同意（新版本），具体说明每项用途（场次、生成内容、发布渠道）。",
        "BLOCK where the artist's jurisdiction is US-CA, US-NY or US-IL, else HIGH.",
        source_zh=(
            "《民法典》第1021条（对肖像使用条款的理解有争议的，作有利于肖像权人的解释）；《个人信"
            "息保护法》第14条（充分知情、自愿、明确的同意）；美国加州AB 2602法案；"
            "纽约州《一般义务法》第5-302条；伊利诺伊州HB 4762法案"
        ),
    )

    def problem(self, r: ConsentRecord) -> str:
        ok, why = specific_enough(r.terms.specific_use_description)
        return "" if ok else why

    def severity_for(self, ctx: CheckContext, artist_id: int) -> Severity:
        j = ctx.facts(artist_id).artist.jurisdiction.strip().upper()
        return Severity.BLOCK if j in STRICT_REPLICA_JURISDICTIONS else Severity.HIGH

    def extra_evidence(self, ctx: CheckContext, artist_id: int) -> dict[str, Any]:
        return {"jurisdiction": ctx.facts(artist_id).artist.jurisdiction}

    def texts(self, name: str, mods: str, mods_zh: str, records: str) -> tuple[str, str]:
        return (
            f"The consent of {name} for {mods} ({records}) does not describe the intended use "
            "specifically.",
            f"{name}关于{mods_zh}的同意（{records}）没有具体描述预期用途。",
        )


class R5NoRepresentation(RecordQualityRule):
    info = RuleInfo(
        "R5",
        "No counsel or union representation recorded for a replica consent",
        "数字分身同意未记录律师或工会代表",
        Severity.HIGH,
        "CA AB 2602; NY Gen. Oblig. Law 5-302",
        "Confirm the artist had counsel or union representation and record it, or have the "
        "consent reviewed before relying on it.",
        "确认艺人曾获律师或工会代表并予以记录，或在依赖该同意前请专业人士审阅。",
        source_zh="美国加州AB 2602法案；纽约州《一般义务法》第5-302条",
    )
    among = REPLICA

    def problem(self, r: ConsentRecord) -> str:
        t = r.terms
        return "" if t.counsel_represented or t.union_represented else "no counsel or union"

    def texts(self, name: str, mods: str, mods_zh: str, records: str) -> tuple[str, str]:
        return (
            f"No counsel or union representation is recorded for {name}'s replica consent "
            f"({mods}; {records}).",
            f"{name}的数字分身同意（{mods_zh}；{records}）未记录律师或工会代表。",
        )


class R6NotSeparate(RecordQualityRule):
    info = RuleInfo(
        "R6",
        "Consent not signed separately from the main agreement",
        "同意未与主合同分开签署",
        Severity.HIGH,
        "PRC Deep Synthesis Provisions art. 14 (separate consent before editing a person's "
        "face or voice); PIPL art. 29 (separate consent for sensitive personal information); "
        'SAG-AFTRA "clear and conspicuous"',
        "Have the artist sign a separate AI consent (not a clause buried in the main contract).",
        "请艺人另行签署单独的AI使用同意书（而非主合同中的条款）。",
        source_zh=(
            "《互联网信息服务深度合成管理规定》第14条（编辑人脸、人声等生物识别信息须取得被编辑个"
            "人的单独同意）；《个人信息保护法》第29条（处理敏感个人信息须取得单独同意）"
            "；SAG-AFTRA“清晰且显著”要求"
        ),
    )

    def problem(self, r: ConsentRecord) -> str:
        return "" if r.terms.signed_separately else "part of the main agreement"

    def texts(self, name: str, mods: str, mods_zh: str, records: str) -> tuple[str, str]:
        return (
            f"The consent of {name} for {mods} ({records}) was not signed separately from the "
            "main agreement.",
            f"{name}关于{mods_zh}的同意（{records}）未与主合同分开签署。",
        )


class R10Sublicensing(Rule):
    info = RuleInfo(
        "R10",
        "Counterparty may sub-license or transfer the replica",
        "合作方可以转授权或转让数字分身",
        Severity.HIGH,
        "the consent record's sub-licensing term; PRC Civil Code art. 1021",
        "Strike sub-licensing and transfer, or name the permitted sub-licensees and uses.",
        "删除转授权与转让条款，或列明允许的被授权方及用途。",
        source_zh="同意记录的转授权条款；《民法典》第1021条",
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.sublicensing_requested and ctx.any_ai_use:
            yield self.finding(
                subject="proposal",
                message="The proposal asks for the right to sub-license or transfer the "
                "artists' replicas.",
                message_zh="提案要求获得转授权或转让艺人数字分身的权利。",
                evidence={"sublicensing_requested": True},
            )
        for a in ctx.artist_ids:
            allowing = {
                r.id: r
                for _m, records in covered_sets(ctx, a)
                for r in records
                if r.terms.sublicensing_allowed
            }
            if not allowing:
                continue
            rs = list(allowing.values())
            yield self.finding(
                artist_id=a,
                subject="record",
                message=f"The consent of {ctx.name(a)} ({refs(rs)}) lets {ctx.counterparty_name} "
                "sub-license or transfer the replica.",
                message_zh=f"{ctx.name(a)}的同意（{refs(rs)}）允许{ctx.counterparty_name}"
                "转授权或转让数字分身。",
                evidence={"records": [record_json(r) for r in rs]},
            )


class R12NoCompensation(RecordQualityRule):
    info = RuleInfo(
        "R12",
        "No compensation recorded for a replica use",
        "数字分身使用未记录报酬",
        Severity.HIGH,
        "SAG-AFTRA 2023 TV/Theatrical and 2025 Commercials contracts",
        "Agree and record the compensation for each replica use before accepting.",
        "接受前须就每项数字分身使用约定并记录报酬。",
        source_zh="SAG-AFTRA 2023年影视协议及2025年广告协议",
    )
    among = REPLICA
    subject = "record"

    def problem(self, r: ConsentRecord) -> str:
        amount = r.terms.compensation_amount
        if amount is None:
            return "no compensation recorded"
        return "compensation of zero" if amount == 0 else ""

    def texts(self, name: str, mods: str, mods_zh: str, records: str) -> tuple[str, str]:
        return (
            f"No compensation is recorded in {name}'s consent for {mods} ({records}).",
            f"{name}关于{mods_zh}的同意（{records}）未记录报酬。",
        )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        yield from super().evaluate(ctx)
        for a, terms in ctx.requested.items():
            if a not in ctx.artists or terms.fee_amount not in (None, 0):
                continue
            replica = [m for m in demanded(ctx, a) if m in REPLICA]
            if not replica:
                continue
            yield self.finding(
                artist_id=a,
                subject="fee",
                message=f"The proposal offers {ctx.name(a)} no fee for {labels(replica)}.",
                message_zh=f"提案未向{ctx.name(a)}就{labels_zh(replica)}提供报酬。",
                evidence={"fee_amount": None if terms.fee_amount is None else "0"},
            )


class R16BiometricData(RecordQualityRule):
    info = RuleInfo(
        "R16",
        "Biometric data (face/voice prints) without a data-processing consent",
        "处理生物识别数据（面部/声纹）但没有数据处理同意",
        Severity.HIGH,
        "PIPL art. 28 (biometric information is sensitive personal information), art. 29 (separate"
        " consent); PRC Deep Synthesis Provisions art. 14; GDPR art. 9",
        "Record how the face and voice data are processed, kept and deleted, with the artist's "
        "explicit consent.",
        "记录面部与声音数据的处理、保存和删除方式，并取得艺人的明确同意。",
        source_zh=(
            "《个人信息保护法》第28条（生物识别信息属敏感个人信息）、第29条（单独同意）；《互联网"
            "信息服务深度合成管理规定》第14条；欧盟《通用数据保护条例》第9条"
        ),
    )
    among = BIOMETRIC

    def problem(self, r: ConsentRecord) -> str:
        t = r.terms
        return "" if t.data_retention.strip() or t.deletion_on_end else "no data-processing terms"

    def texts(self, name: str, mods: str, mods_zh: str, records: str) -> tuple[str, str]:
        return (
            f"{name}'s consent for {mods} ({records}) records no terms for processing and "
            "keeping the biometric data.",
            f"{name}关于{mods_zh}的同意（{records}）未记录生物识别数据的处理与保存条款。",
        )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        yield from super().evaluate(ctx)
        for a in ctx.artist_ids:
            sessions = [s for s in ctx.scan_sessions if s.artist_id in (None, a)]
            if not sessions or ctx.coverage(a).covered:
                continue
            yield self.finding(
                artist_id=a,
                subject="scan",
                message=f"A scan or capture session is planned for {ctx.name(a)} but no consent "
                "covers collecting their face or voice data.",
                message_zh=f"计划为{ctx.name(a)}安排扫描或采集，但没有同意涵盖采集其面部或声音数据。",
                evidence={"sessions": [s.at.isoformat() for s in sessions]},
            )


def _no_revocation(r: ConsentRecord) -> bool:
    return not r.terms.revocation_terms.strip()


def _no_deletion(r: ConsentRecord) -> bool:
    return not r.terms.deletion_on_end


class R19NoRevocationOrDeletion(Rule):
    info = RuleInfo(
        "R19",
        "No revocation or deletion terms",
        "没有撤回或删除条款",
        Severity.WARN,
        "PIPL art. 15 (consent may be withdrawn), art. 47 (deletion); PRC Civil Code art. "
        "1022; GDPR art. 7(3)",
        "Add how the artist can withdraw consent and that the data and models are deleted at "
        "the end.",
        "补充艺人撤回同意的方式，以及期满后删除数据和模型的约定。",
        source_zh=(
            "《个人信息保护法》第15条（撤回同意）、第47条（删除）；《民法典》第1022条；欧盟《通用"
            "数据保护条例》第7条第3款"
        ),
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        checks: tuple[tuple[str, Callable[[ConsentRecord], bool], str, str], ...] = (
            ("revocation", _no_revocation, "revocation terms", "撤回条款"),
            ("deletion", _no_deletion, "deletion at the end", "期满删除"),
        )
        for a in ctx.artist_ids:
            sets = covered_sets(ctx, a)
            for subject, lacks, what, what_zh in checks:
                bad = [(m, rs) for m, rs in sets if all(lacks(r) for r in rs)]
                if not bad:
                    continue
                mods = [m for m, _rs in bad]
                records = {r.id: r for _m, rs in bad for r in rs}
                rs_text = refs(list(records.values()))
                yield self.finding(
                    artist_id=a,
                    subject=subject,
                    message=f"{ctx.name(a)}'s consent for {labels(mods)} ({rs_text}) has no "
                    f"{what}.",
                    message_zh=f"{ctx.name(a)}关于{labels_zh(mods)}的同意（{rs_text}）没有{what_zh}。",
                    evidence={
                        "modalities": [value(m) for m in mods],
                        "records": [record_json(r) for r in records.values()],
                    },
                )


__all__ = [
    "R4UnspecificUse",
    "R5NoRepresentation",
    "R6NotSeparate",
    "R10Sublicensing",
    "R12NoCompensation",
    "R16BiometricData",
    "R19NoRevocationOrDeletion",
    "RecordQualityRule",
]
