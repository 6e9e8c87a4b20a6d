"""How the production means to work: training, scan notice, labelling, and what the agency has
said in public (R9, R13, R17, R20)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from typing import Any

from models.consent.words import Modality
from models.messages import PHRASE, phrase, render
from models.rules.base import Rule, at_line, record_json, refs
from models.rules.context import CheckContext
from models.rules.findings import Finding, RuleInfo, Severity

MIN_SCAN_NOTICE = timedelta(hours=48)
MIN_LABELLING_PLAN = 10  # characters: "TBD" is not a plan


class R9Training(Rule):
    info = RuleInfo(
        "R9",
        "Script or proposal implies model training or keeping the model after the project",
        "剧本或提案涉及模型训练，或在项目结束后保留模型",
        Severity.BLOCK,
        "Interim Measures for Generative AI Services art. 7 (training data with personal informati"
        "on needs consent); PIPL art. 14; SAG-AFTRA 2023; Equity UK guidance",
        "Strike training and retention, or obtain a separate consent to model training with "
        "deletion terms.",
        "删除训练和保留条款，或另行取得模型训练同意并约定删除条款。",
        "BLOCK unless model_training is granted; WARN when it is granted but the proposal wants "
        "to keep the model and every such consent requires deletion; otherwise INFO.",
        source_zh=(
            "《生成式人工智能服务管理暂行办法》第7条（训练数据涉及个人信息的，应当取得个人同意）；"
            "《个人信息保护法》第14条；SAG-AFTRA 2023年影视协议；"
            "英国Equity指引"
        ),
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        unattributed = list(ctx.training_lines)
        for a in ctx.artist_ids:
            own = [
                d
                for d in ctx.demands_of(a)
                if d.modality == Modality.MODEL_TRAINING and d.from_script
            ]
            req = ctx.requested.get(a)
            requested = req is not None and Modality.MODEL_TRAINING in req.modalities
            signals: list[dict[str, Any]] = []
            if ctx.model_training_requested or requested:
                signals.append(phrase("finding.r9.asks_training"))
            if ctx.retention_requested:
                signals.append(phrase("finding.r9.asks_retention"))
            if unattributed:
                lines = [str(line) for _s, line in unattributed]
                signals.append(
                    phrase("finding.r9.script_training", lines=(", ".join(lines), "、".join(lines)))
                )
            if not signals and not own:
                continue
            cov = ctx.coverage(a)
            records = cov.records_for(Modality.MODEL_TRAINING)
            name = ctx.name(a)
            if not records:
                severity = Severity.BLOCK
                verdict = phrase("finding.r9.not_granted", name=name, project=ctx.project_title)
            elif ctx.retention_requested and all(r.terms.deletion_on_end for r in records):
                severity = Severity.WARN
                verdict = phrase("finding.r9.granted_but_deleted", records=refs(records))
            else:
                severity = Severity.INFO
                verdict = phrase("finding.r9.granted", records=refs(records))
            evidence: dict[str, Any] = {
                "signals": [render(p[PHRASE], "en", p) for p in signals],
                "script_lines": [d.line for d in own],
                "records": [
                    record_json(
                        r,
                        data_retention=r.terms.data_retention,
                        deletion_on_end=r.terms.deletion_on_end,
                    )
                    for r in records
                ],
            }
            if signals:
                yield self.finding(
                    artist_id=a,
                    subject="training",
                    severity=severity,
                    code="finding.r9.training_implied",
                    params={"signals": signals, "verdict": verdict},
                    evidence=evidence,
                )
            for d in own:
                yield self.finding(
                    artist_id=a,
                    script_id=d.script_id,
                    line=d.line,
                    subject="training",
                    severity=severity,
                    code="finding.r9.script_implies_training",
                    params={
                        "at": at_line(d.line),
                        "text": d.text,
                        "name": name,
                        "verdict": verdict,
                    },
                    evidence=evidence,
                )


class R13ScanNotice(Rule):
    info = RuleInfo(
        "R13",
        "Scan/capture session notice shorter than 48 hours",
        "扫描/采集通知时间少于48小时",
        Severity.WARN,
        "SAG-AFTRA 2023 TV/Theatrical (48 hours' notice before a digital replica is made)",
        "Ask the producer to move the session so the artist has at least 48 hours' notice.",
        "请制作方调整时间，确保艺人至少提前48小时收到通知。",
        source_zh="SAG-AFTRA 2023年影视协议（制作数字分身须提前48小时通知）",
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        received = datetime.combine(ctx.received_on, time(0, 0), tzinfo=UTC)
        for s in ctx.scan_sessions:
            notice = s.notice_at or received
            gap = s.at - notice
            if gap >= MIN_SCAN_NOTICE:
                continue
            hours = gap.total_seconds() / 3600
            artist_id = s.artist_id if s.artist_id in ctx.artists else None
            who = ctx.name(artist_id) if artist_id is not None else phrase("finding.r13.artists")
            yield self.finding(
                artist_id=artist_id,
                subject=f"scan:{s.at.isoformat()}",
                code="finding.r13.short_notice",
                params={
                    "when": s.at.isoformat(timespec="minutes"),
                    "who": who,
                    "hours": f"{hours:.0f}",
                },
                evidence={
                    "session_at": s.at.isoformat(),
                    "notice_at": notice.isoformat(),
                    "notice_from": "proposal" if s.notice_at is None else "given",
                    "hours": round(hours, 1),
                },
            )
        for a in ctx.artist_ids:
            for r in ctx.coverage(a).records_for(None):
                at, notice_at = r.terms.scan_session_at, r.terms.scan_notice_at
                if at is None or notice_at is None or at - notice_at >= MIN_SCAN_NOTICE:
                    continue
                hours = (at - notice_at).total_seconds() / 3600
                yield self.finding(
                    artist_id=a,
                    subject=f"record:{r.lineage_id}",
                    code="finding.r13.recorded_short_notice",
                    params={"id": r.id, "name": ctx.name(a), "hours": f"{hours:.0f}"},
                    evidence=record_json(
                        r, session_at=at.isoformat(), notice_at=notice_at.isoformat()
                    ),
                )


class R17Labelling(Rule):
    info = RuleInfo(
        "R17",
        "No labelling/disclosure plan for AI-generated content",
        "没有AI生成内容的标识/披露方案",
        Severity.HIGH,
        "PRC Measures for Labelling AI-Generated Synthetic Content art. 4, 5 (explicit and "
        "implicit labels; in force 1 September 2025); Deep Synthesis Provisions art. 16, 17; "
        "Interim Measures for Generative AI Services art. 12; EU AI Act art. 50",
        "Ask the producer for a written plan to label AI-generated scenes (visible marks and "
        "metadata).",
        "请制作方提供书面的AI生成内容标识方案（显式标识与元数据）。",
        source_zh=(
            "《人工智能生成合成内容标识办法》第4条、第5条（显式标识与隐式标识，2025年9月1日起施行"
            "）；《互联网信息服务深度合成管理规定》第16条、第17条；《生成式人工智能服务"
            "管理暂行办法》第12条；欧盟《人工智能法》第50条"
        ),
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.any_ai_use or len(ctx.labelling_plan.strip()) >= MIN_LABELLING_PLAN:
            return
        plan = ctx.labelling_plan.strip()
        yield self.finding(
            code="finding.r17.no_labelling_plan",
            params={"plan": phrase("finding.r17.plan", plan=plan) if plan else ""},
            evidence={"labelling_plan": plan},
        )


class R20StatementContradicts(Rule):
    info = RuleInfo(
        "R20",
        "A public statement on record contradicts the current consent state",
        "已登记的公开声明与当前同意状态相矛盾",
        Severity.HIGH,
        "the agency's own statement register",
        "Re-issue or withdraw the statement before answering the producer.",
        "在答复制作方之前，重新出具或撤回该声明。",
        "Needs the statement register; without it the rule finds nothing and the check says so.",
        source_zh="本机构的声明登记簿",
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        for a in ctx.artist_ids:
            claims = ctx.facts(a).statements
            if not claims:
                continue
            for c in claims:
                if not c.changed_modalities:
                    continue
                changed = ", ".join(c.changed_modalities)
                yield self.finding(
                    artist_id=a,
                    subject=c.statement_id,
                    code="finding.r20.statement_contradicts",
                    params={
                        "id": c.statement_id,
                        "kind": c.kind,
                        "issued": c.issued_at.date().isoformat(),
                        "name": ctx.name(a),
                        "changed": changed,
                    },
                    evidence={
                        "statement_id": c.statement_id,
                        "kind": c.kind,
                        "project_id": c.project_id,
                        "changed_modalities": list(c.changed_modalities),
                    },
                )


__all__ = ["R9Training", "R13ScanNotice", "R17Labelling", "R20StatementContradicts"]
