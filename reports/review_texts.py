"""The review report's words in English and Chinese (labels only; findings bring their own)."""

from __future__ import annotations

T: dict[str, tuple[str, str]] = {
    "title": ("Proposal review", "提案审查报告"),
    "unsigned": (
        "Unsigned working document for the artist and the agency — not a public statement.",
        "未签名的内部工作文件，供艺人与经纪公司使用，并非公开声明。",
    ),
    "summary": ("Proposal", "提案概要"),
    "counterparty": ("Counterparty", "合作方"),
    "project": ("Project", "项目"),
    "contact": ("Contact", "联系人"),
    "received": ("Received", "收到日期"),
    "respond_by": ("Answer by", "答复期限"),
    "status": ("Status", "状态"),
    "description": ("Description", "说明"),
    "labelling": ("Labelling plan", "AI 标识方案"),
    "flags": ("Also asks for", "其他要求"),
    "training": ("model training", "模型训练"),
    "retention": ("keeping the model after the project", "项目结束后保留模型"),
    "sublicensing": ("sub-licensing or transfer", "转授权或转让"),
    "scans": ("Scan sessions", "扫描安排"),
    "none": ("none", "无"),
    "artists": ("Requested artists", "邀请的艺人"),
    "artist": ("Artist", "艺人"),
    "asks": ("Asked for", "要求"),
    "term": ("Term", "期限"),
    "fee": ("Fee", "报酬"),
    "decision": ("Artist's decision", "艺人决定"),
    "recommendation": ("Agency's recommendation", "经纪公司建议"),
    "pending": ("not yet recorded", "尚未记录"),
    "mapping": ("Who plays whom", "角色与艺人对应"),
    "character": ("Character", "角色"),
    "ai_uses": ("AI uses", "AI 使用"),
    "mapped_to": ("Mapped to", "对应艺人"),
    "not_ours": ("not one of our artists", "非本公司艺人"),
    "unmapped": ("not mapped", "未对应"),
    "suggested": ("suggested", "建议"),
    "check": ("Consent check", "同意核查"),
    "no_check": (
        "The proposal has not been checked yet.",
        "该提案尚未进行核查。",
    ),
    "as_of_default": (
        "Consent as on record at the end of the received day (artist's time zone)",
        "以收到当日结束时（艺人所在时区）的同意记录为准",
    ),
    "as_of": ("Consent as on record at", "同意记录截至"),
    "findings": ("Findings (most severe first)", "检查结果（按严重程度排序）"),
    "no_findings": ("No findings.", "没有检查结果。"),
    "severity": ("Severity", "级别"),
    "rule": ("Rule", "规则"),
    "line": ("Line", "行"),
    "finding": ("Finding", "检查结果"),
    "source": ("Source", "依据"),
    "action": ("Suggested action", "建议措施"),
    "accepted": ("Risk accepted", "已接受风险"),
    "proposal_level": ("terms", "条款"),
    "excerpts": ("Script excerpts around each AI use", "剧本中 AI 使用处的摘录"),
    "left_out": ("further excerpts left out", "其余摘录未列出"),
    "generated": ("Generated", "生成时间"),
    "by": ("by", "经办人"),
    "run": ("run", "核查"),
}
STATUS_ZH = {
    "received": "已收到",
    "under_review": "审核中",
    "with_artist": "待艺人决定",
    "accepted": "已接受",
    "declined": "已拒绝",
    "countered": "已提出修改意见",
    "withdrawn": "已撤回",
}
ANSWER = {
    "accept": ("accepts", "接受"),
    "decline": ("declines", "拒绝"),
    "counter": ("asks for changes", "提出修改意见"),
}
USES = {
    "this_production": ("this production", "本作品"),
    "promotion": ("promotion", "宣传推广"),
    "sequels": ("sequels", "续集"),
}
RECOMMEND = {
    "recommend": ("recommend", "建议接受"),
    "recommend_with_changes": ("recommend with changes", "建议修改后接受"),
    "advise_against": ("advise against", "建议拒绝"),
    "no_recommendation": ("no recommendation", "不作建议"),
}


__all__ = ["ANSWER", "RECOMMEND", "STATUS_ZH", "USES", "T"]
