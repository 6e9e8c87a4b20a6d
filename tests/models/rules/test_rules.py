"""One test per rule that triggers it and one that does not (R1–R21)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from models.roster.artist import Artist, Stance
from models.rules import (
    RULE_INFO,
    RULES,
    Finding,
    RosterMention,
    ScanSession,
    Severity,
    StatementClaim,
    UnmappedUse,
    check,
)
from models.rules.context import CheckContext
from tests.models.rules.builders import (
    AS_OF,
    OTHER_PROJECT,
    RECEIVED,
    M,
    artist,
    context,
    facts,
    record,
    terms,
    use,
    with_terms,
)


def found(ctx: CheckContext, rule: str) -> list[Finding]:
    return [f for f in check(ctx).findings if f.rule_id == rule]


def clean(**kw: object) -> CheckContext:
    """Face granted for the project, face requested inside the term, face used at line 5."""
    return context(
        [facts(records=[record()])],
        [terms(modalities=(M.FACE_LIKENESS,))],
        [use(modality=M.FACE_LIKENESS, line=5, kind="face-swap", text="face swap")],
        **kw,
    )


def test_a_clean_proposal_has_no_findings() -> None:
    assert check(clean()).findings == ()


def test_every_rule_has_its_metadata() -> None:
    assert [r.info.id for r in RULES] == [f"R{n}" for n in range(1, 22)]
    for info in RULE_INFO.values():
        assert info.title and info.title_zh and info.source and info.action and info.action_zh


# -- R1 ------------------------------------------------------------------------------------------
def test_r1_use_without_consent_for_the_project() -> None:
    ctx = context(
        [facts(records=[record(project_id=OTHER_PROJECT)])],
        demands=[use(modality=M.VOICE, line=7)],
    )
    r1 = found(ctx, "R1")
    assert {(f.line, f.severity) for f in r1} == {(None, Severity.BLOCK), (7, Severity.BLOCK)}
    assert "长夜行" in r1[0].message and "长夜行" in r1[0].message_zh


def test_r1_silent_when_a_consent_covers_the_project() -> None:
    assert found(clean(), "R1") == []


def test_r1_reports_unmapped_uses_as_info() -> None:
    from models.rules import UnmappedUse

    ctx = clean(unmapped=(UnmappedUse(1, 17, "SHEN YAO", "voice", "AI配音", "林晓 (Lin Xiao)"),))
    (f,) = found(ctx, "R1")
    assert (f.severity, f.line, f.artist_id) == (Severity.INFO, 17, None)
    assert "林晓 (Lin Xiao)" in f.message


# -- R2 ------------------------------------------------------------------------------------------
def test_r2_stance_is_not_consent() -> None:
    ctx = context([facts(stance=Stance.OPEN_TO_DISCUSS)], demands=[use()])
    (f,) = found(ctx, "R2")
    assert f.severity is Severity.BLOCK and f.evidence["stance"] == "open_to_discuss"


def test_r2_silent_for_a_declined_stance() -> None:
    ctx = context([facts(stance=Stance.DECLINED)], demands=[use()])
    assert found(ctx, "R2") == [] and found(ctx, "R1")


# -- R3 ------------------------------------------------------------------------------------------
def test_r3_voice_used_only_face_granted() -> None:
    ctx = context([facts(records=[record()])], demands=[use(modality=M.VOICE, line=7)])
    (f,) = found(ctx, "R3")
    assert (f.severity, f.line, f.subject) == (Severity.BLOCK, 7, "voice")
    assert f.evidence["granted"] == ["face_likeness"]


def test_r3_silent_when_voice_is_granted() -> None:
    rec = record(modalities=(M.FACE_LIKENESS, M.VOICE))
    ctx = context([facts(records=[rec])], demands=[use(modality=M.VOICE, line=7)])
    assert found(ctx, "R3") == []


# -- R4 ------------------------------------------------------------------------------------------
def test_r4_vague_description_is_high_in_china_and_block_in_california() -> None:
    vague = record(specific_use_description="Any use.")
    (cn,) = found(context([facts(records=[vague])], demands=[use(modality=M.FACE_LIKENESS)]), "R4")
    assert cn.severity is Severity.HIGH
    ca = facts(artist(jurisdiction="US-CA"), [vague])
    (us,) = found(context([ca], demands=[use(modality=M.FACE_LIKENESS)]), "R4")
    assert us.severity is Severity.BLOCK


def test_r4_silent_for_a_specific_description() -> None:
    assert found(clean(), "R4") == []


# -- R5, R6 --------------------------------------------------------------------------------------
def test_r5_no_counsel_or_union() -> None:
    ctx = clean()
    bad = with_terms(record(), counsel_represented=False, union_represented=False)
    ctx = context([facts(records=[bad])], demands=[use(modality=M.FACE_LIKENESS)])
    (f,) = found(ctx, "R5")
    assert f.severity is Severity.HIGH


def test_r5_silent_with_union_representation() -> None:
    ok = with_terms(record(), counsel_represented=False, union_represented=True)
    assert (
        found(context([facts(records=[ok])], demands=[use(modality=M.FACE_LIKENESS)]), "R5") == []
    )


def test_r6_not_signed_separately() -> None:
    bad = with_terms(record(), signed_separately=False)
    (f,) = found(context([facts(records=[bad])], demands=[use(modality=M.FACE_LIKENESS)]), "R6")
    assert f.severity is Severity.HIGH


def test_r6_silent_when_signed_separately() -> None:
    assert found(clean(), "R6") == []


# -- R7 ------------------------------------------------------------------------------------------
def test_r7_territory_outside_scope() -> None:
    ctx = context(
        [facts(records=[record()])],
        [terms(modalities=(M.FACE_LIKENESS,), territories=("CN", "HK"))],
    )
    (f,) = found(ctx, "R7")
    assert (f.severity, f.subject, f.evidence["requested"]) == (
        Severity.BLOCK,
        "territories",
        ["HK"],
    )


def test_r7_silent_for_a_worldwide_grant() -> None:
    rec = with_terms(record(), territories=("WORLDWIDE",))
    ctx = context(
        [facts(records=[rec])], [terms(modalities=(M.FACE_LIKENESS,), territories=("CN", "HK"))]
    )
    assert found(ctx, "R7") == []


def test_r7_consent_for_another_project_only() -> None:
    ctx = context([facts(records=[record(project_id=OTHER_PROJECT)])], demands=[use()])
    assert [f.subject for f in found(ctx, "R7")] == ["project"]


# -- R8 ------------------------------------------------------------------------------------------
def test_r8_excluded_content_in_the_scene() -> None:
    rec = with_terms(record(), content_exclusions=("nudity",))
    ctx = context(
        [facts(records=[rec])],
        demands=[use(modality=M.FACE_LIKENESS, line=12, scene=2)],
        scene_text={
            (1, 2): ((11, "INT. BATHHOUSE - NIGHT"), (13, "She stands naked at the window."))
        },
    )
    (f,) = found(ctx, "R8")
    assert (f.severity, f.line, f.evidence["matched_line"]) == (Severity.BLOCK, 12, 13)


def test_r8_silent_when_the_word_is_only_part_of_another() -> None:
    rec = with_terms(record(), content_exclusions=("nudity",))
    ctx = context(
        [facts(records=[rec])],
        demands=[use(modality=M.FACE_LIKENESS, line=12, scene=2)],
        scene_text={(1, 2): ((13, "His nakedly honest answer."),)},
    )
    assert found(ctx, "R8") == []


@pytest.mark.parametrize(
    ("exclusion", "line", "project_type", "blocks"),
    [
        ("alcohol_ads", "两人在酒吧喝酒。", "film", False),  # a bar scene is not an ad
        ("alcohol_ads", "两人在酒吧喝酒。", "ad", True),
        ("political", "为品牌拍摄一支宣传片。", "ad", False),  # a promo film is not political
        ("violence", "这是一场非暴力抗争。", "film", False),  # negated
        ("violence", "他在街头开枪。", "film", True),
    ],
)
def test_r8_matches_by_meaning(exclusion, line, project_type, blocks) -> None:
    rec = with_terms(record(), content_exclusions=(exclusion,))
    ctx = context(
        [facts(records=[rec])],
        demands=[use(modality=M.FACE_LIKENESS, line=12, scene=2)],
        scene_text={(1, 2): ((13, line),)},
        project_type=project_type,
    )
    hits = found(ctx, "R8")
    assert bool(hits) is blocks
    if hits:
        assert exclusion not in hits[0].message_zh  # the key in words, not the raw code
        assert "同意记录的排除事项" in hits[0].message_zh


# -- R9 ------------------------------------------------------------------------------------------
def test_r9_training_not_granted_blocks() -> None:
    (f,) = found(clean(model_training_requested=True), "R9")
    assert f.severity is Severity.BLOCK


def test_r9_training_granted_is_only_info() -> None:
    rec = record(modalities=(M.FACE_LIKENESS, M.MODEL_TRAINING))
    ctx = context(
        [facts(records=[rec])],
        [terms(modalities=(M.FACE_LIKENESS,))],
        model_training_requested=True,
    )
    (f,) = found(ctx, "R9")
    assert f.severity is Severity.INFO


def test_r9_silent_without_any_training() -> None:
    assert found(clean(), "R9") == []


# -- R10 -----------------------------------------------------------------------------------------
def test_r10_sublicensing_allowed() -> None:
    rec = with_terms(record(), sublicensing_allowed=True)
    (f,) = found(context([facts(records=[rec])], demands=[use(modality=M.FACE_LIKENESS)]), "R10")
    assert f.severity is Severity.HIGH


def test_r10_silent_without_sublicensing() -> None:
    assert found(clean(), "R10") == []


# -- R11 -----------------------------------------------------------------------------------------
def test_r11_requested_term_beyond_consent() -> None:
    ctx = context(
        [facts(records=[record()])],
        [terms(modalities=(M.FACE_LIKENESS,), term_end=date(2027, 6, 30))],
    )
    (f,) = found(ctx, "R11")
    assert (f.severity, f.subject) == (Severity.HIGH, "outside_term")


def test_r11_open_ended_consent() -> None:
    rec = with_terms(record(), term_end=None)
    ctx = context([facts(records=[rec])], [terms(modalities=(M.FACE_LIKENESS,))])
    assert [f.subject for f in found(ctx, "R11")] == ["open_ended_consent"]


def test_r11_silent_inside_the_term() -> None:
    assert found(clean(), "R11") == []


# -- R12 -----------------------------------------------------------------------------------------
def test_r12_no_compensation_recorded() -> None:
    rec = with_terms(record(), compensation_amount=None, compensation_currency="")
    (f,) = found(context([facts(records=[rec])], demands=[use(modality=M.FACE_LIKENESS)]), "R12")
    assert f.severity is Severity.HIGH


def test_r12_no_fee_offered() -> None:
    ctx = context(
        [facts(records=[record()])], [terms(modalities=(M.FACE_LIKENESS,), fee_amount=None)]
    )
    assert [f.subject for f in found(ctx, "R12")] == ["fee"]


def test_r12_silent_with_compensation_and_fee() -> None:
    assert found(clean(), "R12") == []


# -- R13 -----------------------------------------------------------------------------------------
def test_r13_scan_notice_under_48_hours() -> None:
    session = ScanSession(datetime(2026, 5, 2, 10, 0, tzinfo=UTC), artist_id=1)
    (f,) = found(clean(scan_sessions=(session,)), "R13")
    assert f.severity is Severity.WARN and f.evidence["hours"] == 34.0


def test_r13_silent_with_enough_notice() -> None:
    session = ScanSession(
        datetime(2026, 5, 9, tzinfo=UTC), notice_at=datetime(2026, 5, 6, tzinfo=UTC)
    )
    assert found(clean(scan_sessions=(session,)), "R13") == []


# -- R14 -----------------------------------------------------------------------------------------
def _deceased() -> Artist:
    return artist(
        date_of_birth=date(1931, 4, 18),
        deceased_on=date(2019, 8, 2),
        estate_contact="周氏遗产管理人 estate@example.org",
    )


def test_r14_deceased_artist_without_estate_consent() -> None:
    rec = record(decided_by="周慕白", decided_at=datetime(2018, 1, 1, tzinfo=UTC))
    ctx = context([facts(_deceased(), [rec])], demands=[use(modality=M.FACE_LIKENESS)])
    (f,) = found(ctx, "R14")
    assert f.severity is Severity.BLOCK


def test_r14_silent_with_estate_consent() -> None:
    rec = record(decided_by="周氏遗产管理人", decided_at=datetime(2026, 1, 10, tzinfo=UTC))
    ctx = context([facts(_deceased(), [rec])], demands=[use(modality=M.FACE_LIKENESS)])
    assert found(ctx, "R14") == []


# -- R15 -----------------------------------------------------------------------------------------
def _minor() -> Artist:
    return artist(date_of_birth=date(2010, 9, 15), guardian="王丽（母亲） +86 138 0000 0001")


def test_r15_minor_without_guardian_consent() -> None:
    rec = record(decided_by="王子轩")
    ctx = context([facts(_minor(), [rec])], demands=[use(modality=M.FACE_LIKENESS)])
    (f,) = found(ctx, "R15")
    assert f.severity is Severity.BLOCK and f.evidence["age"] == 15


def test_r15_silent_with_guardian_consent() -> None:
    rec = record(decided_by="王丽")
    ctx = context([facts(_minor(), [rec])], demands=[use(modality=M.FACE_LIKENESS)])
    assert found(ctx, "R15") == []


# -- R16 -----------------------------------------------------------------------------------------
def test_r16_biometric_data_without_data_terms() -> None:
    rec = with_terms(record(), data_retention="", deletion_on_end=False)
    (f,) = found(context([facts(records=[rec])], demands=[use(modality=M.FACE_LIKENESS)]), "R16")
    assert f.severity is Severity.HIGH


def test_r16_silent_with_data_terms() -> None:
    assert found(clean(), "R16") == []


# -- R17 -----------------------------------------------------------------------------------------
def test_r17_no_labelling_plan() -> None:
    (f,) = found(clean(labelling_plan="TBD"), "R17")
    assert f.severity is Severity.HIGH and f.artist_id is None


def test_r17_silent_with_a_plan() -> None:
    assert found(clean(), "R17") == []


# -- R18 -----------------------------------------------------------------------------------------
def _dubbed(limits: str) -> CheckContext:
    rec = with_terms(
        record(modalities=(M.VOICE, M.VOICE_TRANSLATION_DUBBING)), alteration_limits=limits
    )
    dub = use(modality=M.VOICE_TRANSLATION_DUBBING, line=9, kind="dubbing", text="dubbed")
    return context([facts(records=[rec])], demands=[dub])


def test_r18_dubbing_beyond_mandarin_only() -> None:
    (f,) = found(_dubbed("Mandarin only."), "R18")
    assert (f.severity, f.line, f.subject) == (Severity.BLOCK, 9, "no_dubbing")


def test_r18_silent_without_limits() -> None:
    assert found(_dubbed(""), "R18") == []


# -- R19 -----------------------------------------------------------------------------------------
def test_r19_no_revocation_terms() -> None:
    rec = with_terms(record(), revocation_terms="")
    fs = found(context([facts(records=[rec])], demands=[use(modality=M.FACE_LIKENESS)]), "R19")
    assert [(f.severity, f.subject) for f in fs] == [(Severity.WARN, "revocation")]


def test_r19_silent_with_revocation_and_deletion() -> None:
    assert found(clean(), "R19") == []


# -- R20 -----------------------------------------------------------------------------------------
def _with_statement(changed: tuple[str, ...]) -> CheckContext:
    claim = StatementClaim(
        "CDS-20260401-ABCD1234", "position", AS_OF - timedelta(days=30), None, changed
    )
    return context(
        [facts(records=[record()], statements=(claim,))],
        [terms(modalities=(M.FACE_LIKENESS,))],
    )


def test_r20_statement_contradicts_the_records() -> None:
    (f,) = found(_with_statement(("voice",)), "R20")
    assert (f.severity, f.subject) == (Severity.HIGH, "CDS-20260401-ABCD1234")


def test_r20_silent_when_the_statement_still_holds() -> None:
    assert found(_with_statement(()), "R20") == []


def test_r20_without_a_register_says_so() -> None:
    ctx = context(
        [facts(records=[record()], statements=None)],
        [terms(modalities=(M.FACE_LIKENESS,))],
        statements_available=False,
    )
    outcome = check(ctx)
    assert not [f for f in outcome.findings if f.rule_id == "R20"]
    assert "R20" in outcome.notes


# -- R21 -----------------------------------------------------------------------------------------
CHEN_ID = 3
CHEN_ON_THE_ROSTER = RosterMention(
    1, "CHEN JINGYI", CHEN_ID, "陈静怡 (Chen Jingyi)", (15, 22), ("voice",)
)


def test_r21_roster_artist_in_the_script_but_not_on_the_proposal() -> None:
    ctx = clean(
        roster_mentions=(CHEN_ON_THE_ROSTER,),
        unmapped=(UnmappedUse(1, 15, "CHEN JINGYI", "voice", "AI V.O."),),
    )
    findings = check(ctx).findings
    (f,) = [f for f in findings if f.rule_id == "R21"]
    assert (f.severity, f.artist_id, f.line, f.subject) == (
        Severity.HIGH,
        CHEN_ID,
        15,
        "roster:CHEN JINGYI",
    )
    assert f.message.startswith(
        "Line 15: 陈静怡 (Chen Jingyi) appears in the script with AI use but is not on the proposal"
    )
    assert "陈静怡（Chen Jingyi）以AI方式出现在剧本中，但不在提案之列" in f.message_zh
    assert "声音" in f.message_zh and "voice" not in f.message_zh
    assert f.evidence["lines"] == [15, 22]
    # HIGH comes before the INFO note about the same unmapped character
    order = [x.rule_id for x in findings]
    assert order.index("R21") < order.index("R1")


def test_r21_silent_without_a_roster_artist_in_the_script() -> None:
    ctx = clean(unmapped=(UnmappedUse(1, 15, "NORA", "voice", "AI V.O."),))
    assert found(ctx, "R21") == []


def test_findings_come_block_first() -> None:
    ctx = context(
        [facts(records=[with_terms(record(), revocation_terms="")])],
        [terms(modalities=(M.FACE_LIKENESS, M.VOICE), fee_amount=Decimal(0))],
        labelling_plan="",
    )
    ranks = [f.severity.rank for f in check(ctx).findings]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] == Severity.BLOCK.rank
    assert ctx.received_on == RECEIVED
