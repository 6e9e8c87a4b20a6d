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
    modality_list,
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

    # The finding's catalogue code; its values are {name}, {modalities} and {records}.
    code: ClassVar[str] = ""

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
                code=self.code,
                params={
                    "name": ctx.name(a),
                    "modalities": modality_list(mods),
                    "records": refs(list(records.values())),
                },
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

    code = "finding.r4.unspecific_use"


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

    code = "finding.r5.no_representation"


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

    code = "finding.r6.not_separate"


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
                code="finding.r10.sublicensing_requested",
                params={},
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
                code="finding.r10.sublicensing_allowed",
                params={
                    "name": ctx.name(a),
                    "records": refs(rs),
                    "counterparty": ctx.counterparty_name,
                },
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

    code = "finding.r12.no_compensation"

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
                code="finding.r12.no_fee",
                params={"name": ctx.name(a), "modalities": modality_list(replica)},
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

    code = "finding.r16.no_data_terms"

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        yield from super().evaluate(ctx)
        for a in ctx.artist_ids:
            sessions = [s for s in ctx.scan_sessions if s.artist_id in (None, a)]
            if not sessions or ctx.coverage(a).covered:
                continue
            yield self.finding(
                artist_id=a,
                subject="scan",
                code="finding.r16.scan_without_consent",
                params={"name": ctx.name(a)},
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
        checks: tuple[tuple[str, Callable[[ConsentRecord], bool], str], ...] = (
            ("revocation", _no_revocation, "finding.r19.no_revocation"),
            ("deletion", _no_deletion, "finding.r19.no_deletion"),
        )
        for a in ctx.artist_ids:
            sets = covered_sets(ctx, a)
            for subject, lacks, code in checks:
                bad = [(m, rs) for m, rs in sets if all(lacks(r) for r in rs)]
                if not bad:
                    continue
                mods = [m for m, _rs in bad]
                records = {r.id: r for _m, rs in bad for r in rs}
                rs_text = refs(list(records.values()))
                yield self.finding(
                    artist_id=a,
                    subject=subject,
                    code=code,
                    params={
                        "name": ctx.name(a),
                        "modalities": modality_list(mods),
                        "records": rs_text,
                    },
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
