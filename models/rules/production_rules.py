"""How the production means to work: training, scan notice, labelling, and what the agency has
said in public (R9, R13, R17, R20)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from typing import Any

from models.consent.words import Modality
from models.rules.base import Rule, record_json, refs, where, where_zh
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
            signals: list[str] = []
            if ctx.model_training_requested or requested:
                signals.append("the proposal asks to train a model")
            if ctx.retention_requested:
                signals.append("the proposal asks to keep the model after the project")
            if unattributed:
                signals.append(
                    "the script mentions training at line(s) "
                    + ", ".join(str(line) for _s, line in unattributed)
                )
            if not signals and not own:
                continue
            cov = ctx.coverage(a)
            records = cov.records_for(Modality.MODEL_TRAINING)
            name = ctx.name(a)
            if not records:
                severity = Severity.BLOCK
                verdict = f"{name} has not granted model training for {ctx.project_title}"
                verdict_zh = f"{name}未就《{ctx.project_title}》授权模型训练"
            elif ctx.retention_requested and all(r.terms.deletion_on_end for r in records):
                severity = Severity.WARN
                verdict = (
                    f"training is granted ({refs(records)}) but every such consent requires "
                    "deletion at the end, while the proposal wants to keep the model"
                )
                verdict_zh = (
                    f"已授权训练（{refs(records)}），但同意要求期满删除，而提案希望保留模型"
                )
            else:
                severity = Severity.INFO
                verdict = f"training is granted ({refs(records)})"
                verdict_zh = f"已授权训练（{refs(records)}）"
            evidence: dict[str, Any] = {
                "signals": signals,
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
                    message=f"Model training or retention is implied ({'; '.join(signals)}): "
                    f"{verdict}.",
                    message_zh=f"提案或剧本涉及模型训练或保留：{verdict_zh}。",
                    evidence=evidence,
                )
            for d in own:
                yield self.finding(
                    artist_id=a,
                    script_id=d.script_id,
                    line=d.line,
                    subject="training",
                    severity=severity,
                    message=f"{where(d.line)}'{d.text}' implies training a model on {name}: "
                    f"{verdict}.",
                    message_zh=f"{where_zh(d.line)}“{d.text}”意味着用{name}训练模型：{verdict_zh}。",
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
            who = ctx.name(artist_id) if artist_id is not None else "the artists"
            who_zh = ctx.name(artist_id) if artist_id is not None else "艺人"
            yield self.finding(
                artist_id=artist_id,
                subject=f"scan:{s.at.isoformat()}",
                message=f"The scan session on {s.at.isoformat(timespec='minutes')} gives "
                f"{who} {hours:.0f} hours' notice (at least 48 needed).",
                message_zh=f"{s.at.isoformat(timespec='minutes')}的扫描仅提前{hours:.0f}小时"
                f"通知{who_zh}（至少需要48小时）。",
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
                    message=f"The scan session recorded in consent #{r.id} gave {ctx.name(a)} "
                    f"{hours:.0f} hours' notice (at least 48 needed).",
                    message_zh=f"同意记录 #{r.id} 中的扫描仅提前{hours:.0f}小时通知{ctx.name(a)}"
                    "（至少需要48小时）。",
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
            message="The proposal uses AI-generated likeness or voice but gives no plan to "
            "label or disclose it" + (f" ('{plan}')." if plan else "."),
            message_zh="提案使用AI生成的肖像或声音，但没有标识或披露方案"
            + (f"（“{plan}”）。" if plan else "。"),
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
                    message=f"Statement {c.statement_id} ({c.kind}, issued "
                    f"{c.issued_at.date().isoformat()}) about {ctx.name(a)} no longer matches "
                    f"the consent on record for: {changed}.",
                    message_zh=f"关于{ctx.name(a)}的声明 {c.statement_id}（{c.kind}，"
                    f"{c.issued_at.date().isoformat()}出具）与现有同意记录不符：{changed}。",
                    evidence={
                        "statement_id": c.statement_id,
                        "kind": c.kind,
                        "project_id": c.project_id,
                        "changed_modalities": list(c.changed_modalities),
                    },
                )


__all__ = ["R9Training", "R13ScanNotice", "R17Labelling", "R20StatementContradicts"]
