"""The consent rule checker: rules R1–R21 (domain.md, and R21 below), each its own small unit.

    outcome = check(ctx)          # ctx: CheckContext (models.rules.context)
    outcome.findings              # BLOCK first; each with rule, severity, artist, line, source

The rules never touch the database: `models.proposals` gathers the consent state as of the
proposal's received date, the records in force and the mapped script uses into a
`CheckContext`, runs `check` and stores the findings per run.
"""

from models.rules.context import (
    ArtistFacts,
    CheckContext,
    Coverage,
    Demand,
    RequestedTerms,
    RosterMention,
    ScanSession,
    StatementClaim,
    UnmappedUse,
)
from models.rules.engine import RULE_INFO, RULES, RULES_VERSION, CheckOutcome, check
from models.rules.findings import Finding, RuleInfo, Severity, worst
from models.rules.uses import KIND_MODALITY, ScriptHit, build_demands

__all__ = [
    "KIND_MODALITY",
    "RULES",
    "RULES_VERSION",
    "RULE_INFO",
    "ArtistFacts",
    "CheckContext",
    "CheckOutcome",
    "Coverage",
    "Demand",
    "Finding",
    "RequestedTerms",
    "RosterMention",
    "RuleInfo",
    "ScanSession",
    "ScriptHit",
    "Severity",
    "StatementClaim",
    "UnmappedUse",
    "build_demands",
    "check",
    "worst",
]
