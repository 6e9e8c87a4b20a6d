"""What a rule check says: severities, rule metadata and findings.

A finding carries everything a person needs to act without opening the rule's code: the rule,
how bad it is, whose consent, where in the script, what it says — a catalogue code with its
values (`code`, `params`), rendered in English or Chinese where it is shown (`message_in`) —
the legal or contractual source and the suggested action, plus the data the rule looked at
(`evidence`). A finding stored before findings carried codes keeps its stored text (`stored`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from models.localize import names_in_chinese
from models.messages import has, render


class Severity(StrEnum):
    """BLOCK > HIGH > WARN > INFO (domain.md)."""

    BLOCK = "BLOCK"
    HIGH = "HIGH"
    WARN = "WARN"
    INFO = "INFO"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _LABELS[self][1]


_RANK = {Severity.BLOCK: 3, Severity.HIGH: 2, Severity.WARN: 1, Severity.INFO: 0}
_LABELS = {
    Severity.BLOCK: ("Block", "阻断"),
    Severity.HIGH: ("High", "高"),
    Severity.WARN: ("Warning", "警告"),
    Severity.INFO: ("Info", "提示"),
}


def worst(severities: Iterable[Severity]) -> Severity | None:
    """The most severe of `severities`; None when there are none."""
    top: Severity | None = None
    for s in severities:
        if top is None or s.rank > top.rank:
            top = s
    return top


@dataclass(frozen=True)
class RuleInfo:
    """The fixed facts of one rule, as in the domain reference's table."""

    id: str
    title: str
    title_zh: str
    severity: Severity  # the usual severity (R4 and R9 adjust it per finding)
    source: str
    action: str
    action_zh: str
    severity_note: str = ""
    source_zh: str = ""  # the same provisions cited in Chinese, with article numbers

    @property
    def number(self) -> int:
        return int(self.id[1:])


@dataclass(frozen=True)
class Finding:
    """One rule check result.

    `line` is the 1-based source line in script `script_id` (both None for a finding about the
    proposal's terms). `subject` tells apart two findings of one rule at one place (a modality,
    an exclusion, a statement id); with the rule, artist and place it is the finding's identity,
    so a re-check can say which findings are new, resolved or unchanged.
    """

    rule_id: str
    severity: Severity
    artist_id: int | None
    script_id: int | None
    line: int | None
    subject: str
    code: str  # the message's catalogue code ("finding.r1.no_consent"); "" for stored text
    source: str
    action: str
    action_zh: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)  # the message's values
    evidence: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    source_zh: str = field(default="", compare=False)  # the rule's `source` in Chinese
    stored: tuple[str, str] = field(default=("", ""), compare=False)  # (en, zh) of old rows

    def message_in(self, language: str) -> str:
        """What the finding says, in `language` ("en" or "zh"), from the catalogue; a finding
        stored before it had a code shows the text it was stored with."""
        if self.code and has(self.code):
            text = render(self.code, language, self.params)
        else:
            text = self.stored[1] if language == "zh" and self.stored[1] else self.stored[0]
        return names_in_chinese(text) if language == "zh" else text

    @property
    def message(self) -> str:
        return self.message_in("en")

    @property
    def message_zh(self) -> str:
        return self.message_in("zh")

    def source_in(self, language: str) -> str:
        """The cited law in the interface language (English when no Chinese is known)."""
        return self.source_zh if language == "zh" and self.source_zh else self.source

    @property
    def key(self) -> tuple[str, int | None, int | None, int | None, str]:
        return (self.rule_id, self.artist_id, self.script_id, self.line, self.subject)

    @property
    def fingerprint(self) -> str:
        """Same place, same rule, same severity → same fingerprint (messages may be re-worded)."""
        body = json.dumps([*self.key, self.severity.value], ensure_ascii=False)
        return hashlib.sha256(body.encode("utf-8")).hexdigest()

    @property
    def sort_key(self) -> tuple[int, int, int, int, int, str]:
        """BLOCK first, then proposal-level before script lines, then by artist and rule."""
        return (
            -self.severity.rank,
            self.artist_id if self.artist_id is not None else -1,
            self.script_id if self.script_id is not None else -1,
            self.line if self.line is not None else -1,
            int(self.rule_id[1:]) if self.rule_id[1:].isdigit() else 99,
            self.subject,
        )


__all__ = ["Finding", "RuleInfo", "Severity", "worst"]
