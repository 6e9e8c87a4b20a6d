"""Versions side by side: what changed between two versions of a consent record, field by field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from models.clock import iso

if TYPE_CHECKING:
    from models.consent.values import ConsentRecord

# field → (English label, Chinese label), in the order a history panel lists them.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "counterparty": ("Counterparty", "合作方"),
    "project": ("Project", "项目"),
    "modalities": ("Modalities", "使用方式"),
    "uses": ("Uses", "用途"),
    "media": ("Media", "媒介"),
    "territories": ("Territories", "地域"),
    "term_start": ("Term start", "起始日"),
    "term_end": ("Term end", "截止日"),
    "compensation_amount": ("Compensation", "报酬金额"),
    "compensation_currency": ("Currency", "币种"),
    "compensation_basis": ("Compensation basis", "计酬方式"),
    "content_exclusions": ("Content exclusions", "内容排除"),
    "alteration_limits": ("Alteration limits", "修改限制"),
    "sublicensing_allowed": ("Sub-licensing allowed", "允许转授权"),
    "data_retention": ("Data retention", "数据保留"),
    "deletion_on_end": ("Delete data at end", "期满删除数据"),
    "revocation_terms": ("Revocation terms", "撤回条款"),
    "counsel_represented": ("Had counsel", "有律师代理"),
    "union_represented": ("Had union representation", "有工会代表"),
    "representative": ("Representative", "代理人"),
    "signed_separately": ("Signed separately", "单独签署"),
    "specific_use_description": ("Specific use", "具体用途说明"),
    "scan_session_at": ("Scan session", "扫描时间"),
    "scan_notice_at": ("Scan notice given", "扫描通知时间"),
    "notes": ("Notes", "备注"),
    "status": ("Status", "状态"),
    "decided_by": ("Decided by", "决定人"),
    "decided_at": ("Decided at", "决定时间"),
    "decision_method": ("Decision made by", "决定方式"),
    "decision_note": ("Decision note", "决定备注"),
    "recommendation": ("Agency recommendation", "经纪公司建议"),
    "recommended_by": ("Recommended by", "建议人"),
    "recommended_at": ("Recommended at", "建议时间"),
    "recommendation_note": ("Recommendation note", "建议备注"),
    "revoked_at": ("Revoked from", "撤回生效时间"),
    "revoked_by": ("Revoked by", "撤回人"),
    "revocation_reason": ("Revocation reason", "撤回理由"),
    "evidence": ("Evidence files", "证据文件"),
}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value


def record_fields(r: ConsentRecord) -> dict[str, Any]:
    """Every field a person reads on a version, as comparable plain values."""
    t = r.terms
    d, rec, rev = r.decision, r.recommendation, r.revocation
    values: dict[str, Any] = {
        "counterparty": r.counterparty_name,
        "project": r.project_title or "(any project of this counterparty)",
        "modalities": t.modalities,
        "uses": t.uses,
        "media": t.media,
        "territories": t.territories,
        "term_start": t.term_start,
        "term_end": t.term_end,
        "compensation_amount": t.compensation_amount,
        "compensation_currency": t.compensation_currency,
        "compensation_basis": t.compensation_basis,
        "content_exclusions": t.content_exclusions,
        "alteration_limits": t.alteration_limits,
        "sublicensing_allowed": t.sublicensing_allowed,
        "data_retention": t.data_retention,
        "deletion_on_end": t.deletion_on_end,
        "revocation_terms": t.revocation_terms,
        "counsel_represented": t.counsel_represented,
        "union_represented": t.union_represented,
        "representative": t.representative,
        "signed_separately": t.signed_separately,
        "specific_use_description": t.specific_use_description,
        "scan_session_at": t.scan_session_at,
        "scan_notice_at": t.scan_notice_at,
        "notes": t.notes,
        "status": r.status,
        "decided_by": d.decided_by if d else "",
        "decided_at": d.decided_at if d else None,
        "decision_method": d.method if d else "",
        "decision_note": d.note if d else "",
        "recommendation": rec.recommendation if rec else "",
        "recommended_by": rec.recommended_by if rec else "",
        "recommended_at": rec.recommended_at if rec else None,
        "recommendation_note": rec.note if rec else "",
        "revoked_at": rev.revoked_at if rev else None,
        "revoked_by": rev.revoked_by if rev else "",
        "revocation_reason": rev.reason if rev else "",
        "evidence": tuple(f"{e.original_name} ({e.sha256[:12]})" for e in r.evidence),
    }
    return {k: _plain(v) for k, v in values.items()}


def as_text(value: Any) -> str:
    """How a value reads in a history panel (empty values read as "—")."""
    if value is None or value == "" or value == ():
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return iso(value)[:19].replace("T", " ") + " UTC"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, tuple):
        return ", ".join(as_text(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any

    @property
    def label(self) -> str:
        return FIELD_LABELS[self.field][0]

    @property
    def label_zh(self) -> str:
        return FIELD_LABELS[self.field][1]

    @property
    def before_text(self) -> str:
        return as_text(self.before)

    @property
    def after_text(self) -> str:
        return as_text(self.after)


def diff(version_a: ConsentRecord, version_b: ConsentRecord) -> list[FieldChange]:
    """The fields whose value differs from `version_a` to `version_b`, in display order."""
    a, b = record_fields(version_a), record_fields(version_b)
    return [FieldChange(k, a[k], b[k]) for k in FIELD_LABELS if a[k] != b[k]]
