"""The whole rule set over one realistic proposal: for every rule, exactly what it must find.

A platform asks three artists for an AI-heavy series: 林晓 (face granted for this project,
voice and promotion not), Emma Hart (California; an old, loosely drafted voice consent) and
王子轩 (a minor with no consent at all). The producer wants to train a model, keep it, and
sub-license it, gives a day's notice for a scan and no labelling plan; the agency once said
in public that 林晓 had authorised nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from models.consent.words import Use
from models.roster.artist import Stance
from models.rules import (
    RULES,
    CheckContext,
    RosterMention,
    ScanSession,
    Severity,
    StatementClaim,
    UnmappedUse,
    check,
)
from tests.models.rules.builders import (
    AS_OF,
    M,
    artist,
    context,
    facts,
    record,
    terms,
    use,
    with_terms,
)

LIN, EMMA, MINOR, CHEN = 1, 2, 3, 4
B, H, W, N = Severity.BLOCK, Severity.HIGH, Severity.WARN, Severity.INFO  # N: note (INFO)


def _proposal() -> CheckContext:
    lin = facts(
        artist(LIN),
        [with_terms(record(1, LIN), content_exclusions=("nudity", "political"))],
        Stance.OPEN_TO_DISCUSS,
        (StatementClaim("CDS-20260403-0A1B2C3D", "position", AS_OF, None, ("face_likeness",)),),
    )
    emma_record = with_terms(
        record(2, EMMA, (M.VOICE,), decided_by="Emma Hart"),
        specific_use_description="All uses.",
        counsel_represented=False,
        signed_separately=False,
        compensation_amount=None,
        term_end=None,
        alteration_limits="No new lines.",
    )
    emma = facts(
        artist(EMMA, native_name="Emma Hart", romanized_name="Emma Hart", jurisdiction="US-CA"),
        [emma_record],
    )
    minor = facts(
        artist(
            MINOR,
            native_name="王子轩",
            romanized_name="Wang Zixuan",
            date_of_birth=date(2010, 9, 15),
            guardian="王丽（母亲）",
        ),
    )
    return context(
        [lin, emma, minor],
        [
            terms(
                LIN,
                modalities=(M.FACE_LIKENESS, M.VOICE),
                uses=(Use.THIS_PRODUCTION, Use.PROMOTION),
            ),
            terms(EMMA, modalities=(M.VOICE,), territories=("US",), fee_amount=Decimal(50000)),
            terms(MINOR, modalities=(M.FACE_LIKENESS,), fee_amount=None),
        ],
        [
            use(LIN, M.VOICE, line=7),
            use(LIN, M.FACE_LIKENESS, line=12, kind="face-swap", text="face swap", scene=2),
            use(EMMA, M.VOICE, line=30, scene=3, character="NORA", text="AI V.O."),
        ],
        scene_text={
            (1, 1): ((7, "LIN XIAO (AI VOICE)"), (8, "Hello again.")),
            (1, 2): ((11, "EXT. SQUARE - DAY"), (13, "An election rally fills the square.")),
            (1, 3): ((30, "NORA (AI V.O.)"), (31, "We never left.")),
        },
        unmapped=(
            UnmappedUse(1, 40, None, "other", "AI-generated"),
            UnmappedUse(1, 44, "CHEN JINGYI", "voice", "AI V.O."),
        ),
        # 陈静怡 is on the roster, not on the proposal, and speaks through AI at line 44
        roster_mentions=(
            RosterMention(1, "CHEN JINGYI", CHEN, "陈静怡 (Chen Jingyi)", (44,), ("voice",)),
        ),
        labelling_plan="",
        model_training_requested=True,
        retention_requested=True,
        sublicensing_requested=True,
        scan_sessions=(ScanSession(datetime(2026, 5, 2, 9, 0, tzinfo=UTC), artist_id=LIN),),
    )


# rule → every finding it must make: (artist, line, severity, subject)
EXPECTED: dict[str, set[tuple[int | None, int | None, Severity, str]]] = {
    "R1": {(MINOR, None, B, ""), (None, 40, N, "unmapped:"), (None, 44, N, "unmapped:CHEN JINGYI")},
    "R2": set(),  # 林晓 has a consent for the project; the minor's stance is not_asked
    "R3": {(LIN, None, B, "voice"), (LIN, 7, B, "voice")},
    "R4": {(EMMA, None, B, "")},  # California: BLOCK
    "R5": {(EMMA, None, H, "")},
    "R6": {(EMMA, None, H, "")},
    # 林晓: promotion not granted; Emma: asked for the US, her consent covers CN only
    "R7": {(LIN, None, B, "uses"), (EMMA, None, B, "territories")},
    "R8": {(LIN, 12, B, "political:face_likeness")},
    "R9": {(LIN, None, B, "training"), (EMMA, None, B, "training"), (MINOR, None, B, "training")},
    "R10": {(None, None, H, "proposal")},
    "R11": {(EMMA, None, H, "open_ended_consent")},
    "R12": {(EMMA, None, H, "record"), (MINOR, None, H, "fee")},
    "R13": {(LIN, None, W, "scan:2026-05-02T09:00:00+00:00")},
    "R14": set(),
    "R15": {(MINOR, None, B, "")},
    "R16": set(),
    "R17": {(None, None, H, "")},
    "R18": {(EMMA, 30, B, "no_new_lines")},
    "R19": set(),
    "R20": {(LIN, None, H, "CDS-20260403-0A1B2C3D")},
    "R21": {(CHEN, 44, H, "roster:CHEN JINGYI")},
}


@pytest.mark.parametrize("rule", [r.info.id for r in RULES])
def test_each_rule_finds_exactly_what_it_should(rule: str) -> None:
    outcome = check(_proposal())
    got = {
        (f.artist_id, f.line, f.severity, f.subject) for f in outcome.findings if f.rule_id == rule
    }
    assert got == EXPECTED[rule]


def test_the_realistic_proposal_is_blocked_and_ordered() -> None:
    outcome = check(_proposal())
    assert outcome.worst is Severity.BLOCK
    assert sum(len(v) for v in EXPECTED.values()) == len(outcome.findings)
    assert outcome.findings[0].severity is Severity.BLOCK
    assert outcome.findings[-1].severity is Severity.INFO
