"""The rule set R1–R21 and running it over one proposal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from models.rules.base import Rule
from models.rules.consent_rules import (
    R1NoConsent,
    R2StanceOnly,
    R3ModalityNotGranted,
    R14DeceasedWithoutEstate,
    R15MinorWithoutGuardian,
)
from models.rules.context import CheckContext
from models.rules.findings import Finding, RuleInfo, Severity, worst
from models.rules.production_rules import (
    R9Training,
    R13ScanNotice,
    R17Labelling,
    R20StatementContradicts,
)
from models.rules.roster_rules import R21RosterArtistNotOnProposal
from models.rules.scope_rules import (
    R7OutsideScope,
    R8ExcludedContent,
    R11Term,
    R18AlterationBeyondLimits,
)
from models.rules.terms_rules import (
    R4UnspecificUse,
    R5NoRepresentation,
    R6NotSeparate,
    R10Sublicensing,
    R12NoCompensation,
    R16BiometricData,
    R19NoRevocationOrDeletion,
)

# Bump when a rule changes what it finds, so stored runs say which rules produced them.
RULES_VERSION = "2026.2"

RULES: tuple[Rule, ...] = (
    R1NoConsent(),
    R2StanceOnly(),
    R3ModalityNotGranted(),
    R4UnspecificUse(),
    R5NoRepresentation(),
    R6NotSeparate(),
    R7OutsideScope(),
    R8ExcludedContent(),
    R9Training(),
    R10Sublicensing(),
    R11Term(),
    R12NoCompensation(),
    R13ScanNotice(),
    R14DeceasedWithoutEstate(),
    R15MinorWithoutGuardian(),
    R16BiometricData(),
    R17Labelling(),
    R18AlterationBeyondLimits(),
    R19NoRevocationOrDeletion(),
    R20StatementContradicts(),
    R21RosterArtistNotOnProposal(),
)
RULE_INFO: dict[str, RuleInfo] = {r.info.id: r.info for r in RULES}


@dataclass(frozen=True)
class CheckOutcome:
    """The findings of one check, BLOCK first, and notes on rules that could not look."""

    findings: tuple[Finding, ...]
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def worst(self) -> Severity | None:
        return worst(f.severity for f in self.findings)

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            out[f.severity.value] += 1
        return out


def check(ctx: CheckContext, rules: Sequence[Rule] = RULES) -> CheckOutcome:
    """Every finding of every rule; a finding with the same identity is reported once."""
    found: dict[tuple[str, int | None, int | None, int | None, str], Finding] = {}
    for rule in rules:
        for f in rule.evaluate(ctx):
            old = found.get(f.key)
            if old is None or f.severity.rank > old.severity.rank:
                found[f.key] = f
    notes: dict[str, str] = {}
    if not ctx.statements_available:
        notes["R20"] = (
            "The statement register is not available in this installation; R20 was not "
            "evaluated and reports nothing."
        )
    return CheckOutcome(tuple(sorted(found.values(), key=lambda f: f.sort_key)), notes)


__all__ = ["RULES", "RULES_VERSION", "RULE_INFO", "CheckOutcome", "check"]
