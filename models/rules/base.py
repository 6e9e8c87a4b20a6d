"""The shape every rule has, and the small helpers several rules share."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from models.consent.values import ConsentRecord
from models.consent.words import Grant, Modality
from models.messages import phrase
from models.rules.context import CheckContext
from models.rules.findings import Finding, RuleInfo, Severity

# What a digital replica is made of (rules R5, R12): everything but name/biography and training.
REPLICA: frozenset[Modality | None] = frozenset(
    {
        Modality.FACE_LIKENESS,
        Modality.BODY_LIKENESS,
        Modality.VOICE,
        Modality.PERFORMANCE_CAPTURE,
        Modality.DIGITAL_DOUBLE_CREATION,
        Modality.DE_AGING,
        Modality.VOICE_TRANSLATION_DUBBING,
        None,  # an unspecified AI use of the person
    }
)
# Face and voice prints and what is built from them (rule R16).
BIOMETRIC: frozenset[Modality | None] = REPLICA | {Modality.MODEL_TRAINING}


class Rule:
    """One rule: its fixed facts (`info`) and `evaluate`, which yields its findings."""

    info: ClassVar[RuleInfo]

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        *,
        code: str,
        params: dict[str, Any],
        evidence: dict[str, Any],
        artist_id: int | None = None,
        line: int | None = None,
        script_id: int | None = None,
        subject: str = "",
        severity: Severity | None = None,
    ) -> Finding:
        info = self.info
        return Finding(
            rule_id=info.id,
            severity=severity or info.severity,
            artist_id=artist_id,
            script_id=script_id,
            line=line,
            subject=subject,
            code=code,
            params=params,
            source=info.source,
            action=info.action,
            action_zh=info.action_zh,
            evidence=evidence,
            source_zh=info.source_zh,
        )


# -- wording helpers ---------------------------------------------------------------------------


def modality_label(m: Modality | None) -> str:
    return m.label.lower() if m is not None else "unspecified AI use"


def modality_label_zh(m: Modality | None) -> str:
    return m.label_zh if m is not None else "未注明方式的AI使用"


def labels(ms: Sequence[Modality | None]) -> str:
    return ", ".join(modality_label(m) for m in ms)


def labels_zh(ms: Sequence[Modality | None]) -> str:
    return "、".join(modality_label_zh(m) for m in ms)


def value(m: Modality | None) -> str:
    return m.value if m is not None else "any"


def record_ref(r: ConsentRecord) -> str:
    return f"#{r.id} v{r.version}"


def refs(records: Sequence[ConsentRecord]) -> str:
    return ", ".join(record_ref(r) for r in records)


def grant_json(g: Grant) -> dict[str, Any]:
    return {
        "record_id": g.record_id,
        "version": g.version,
        "modality": g.modality.value,
        "counterparty": g.counterparty_name,
        "project": g.project_title or "any project",
        "uses": [u.value for u in g.uses],
        "media": list(g.media),
        "territories": list(g.territories),
        "term_start": g.term_start.isoformat() if g.term_start else None,
        "term_end": g.term_end.isoformat() if g.term_end else None,
    }


def at_line(line: int | None) -> dict[str, Any] | str:
    """ "Line 5: " / "第5行：" before a finding about a script line; nothing for the terms."""
    return phrase("finding.at_line", line=line) if line is not None else ""


def modality_list(ms: Sequence[Modality | None]) -> tuple[str, str]:
    """Modalities as a message value: "face likeness, voice" / "面部肖像、声音"."""
    return (labels(ms), labels_zh(ms))


def modality_words(m: Modality | None) -> tuple[str, str]:
    return (modality_label(m), modality_label_zh(m))


def demanded(ctx: CheckContext, artist_id: int) -> tuple[Modality | None, ...]:
    """Every modality the proposal or script needs of the artist (None: unspecified AI use)."""
    have = {d.modality for d in ctx.demands_of(artist_id)}
    out: list[Modality | None] = [m for m in Modality if m in have]
    if None in have:
        out.append(None)
    return tuple(out)


def covered_sets(
    ctx: CheckContext, artist_id: int, among: frozenset[Modality | None] | None = None
) -> list[tuple[Modality | None, tuple[ConsentRecord, ...]]]:
    """(modality, records granting it for this project) for each demanded, granted modality."""
    cov = ctx.coverage(artist_id)
    out = []
    for m in demanded(ctx, artist_id):
        if among is not None and m not in among:
            continue
        records = cov.records_for(m)
        if records:
            out.append((m, records))
    return out


def record_json(r: ConsentRecord, **extra: Any) -> dict[str, Any]:
    return {"record_id": r.id, "version": r.version, "scope": r.scope_label, **extra}


__all__ = [
    "BIOMETRIC",
    "REPLICA",
    "Rule",
    "at_line",
    "covered_sets",
    "demanded",
    "grant_json",
    "labels",
    "labels_zh",
    "modality_label",
    "modality_label_zh",
    "modality_list",
    "modality_words",
    "record_json",
    "record_ref",
    "refs",
    "value",
]
