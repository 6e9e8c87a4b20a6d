"""Character → artist suggestions, and confirmations that the checks rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.audit.service import AuditService
from models.errors import ConflictError, ValidationError
from models.leak.matcher import RosterName
from models.proposals.characters import suggest
from models.proposals.roster_names import RosterNames
from models.proposals.service import ProposalService
from models.proposals.values import RequestedArtist
from models.rules import Severity
from models.storage.database import Database
from tests.models.proposals.helpers import M, give, proposal_draft, script_file, world

LIN = RosterName(1, "林晓", "Lin Xiao", ("小林",))
LIN_XIAO_2 = RosterName(2, "林筱", "Lin Xiao")
CHEN = RosterName(3, "陈静怡", "Chen Jingyi", ("Jingyi Chen",))
ZHAO = RosterName(4, "赵一鸣", "Zhao Yiming")


@pytest.mark.parametrize(
    ("cue", "artist_id", "basis"),
    [
        ("LIN XIAO", 1, "romanized_name"),
        ("林晓", 1, "name"),
        ("XIAO LIN", 1, "stage_name"),  # 小林 reads "Xiao Lin"
        ("YI MING ZHAO", 4, "word_order"),
        ("小林", 1, "stage_name"),
        ("JINGYI CHEN", 3, "stage_name"),
        ("CHEN JINGYI", 3, "romanized_name"),
    ],
)
def test_a_cue_written_as_the_artists_name_is_suggested(
    cue: str, artist_id: int, basis: str
) -> None:
    found = suggest([cue], [LIN, CHEN, ZHAO], {})
    best = found[cue][0]
    assert (best.artist_id, best.basis, best.clear) == (artist_id, basis, True)


def test_roles_the_producer_named_are_suggested() -> None:
    found = suggest(["SHEN YAO", "SU WAN"], [LIN, CHEN], {1: ("Shen Yao",)})
    assert [(s.artist_id, s.basis, s.clear) for s in found["SHEN YAO"]] == [(1, "role", True)]
    assert "SU WAN" not in found


def test_two_artists_with_the_same_romanisation_need_a_person() -> None:
    found = suggest(["LIN XIAO"], [LIN, LIN_XIAO_2], {})
    assert {s.artist_id for s in found["LIN XIAO"]} == {1, 2}
    assert not any(s.clear for s in found["LIN XIAO"])


def test_requested_artists_first_then_roster_artists_not_on_the_proposal(
    db: Database, tmp_path: Path
) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))  # only 林晓 is requested
    script = service.attach_script(p.id, script_file(tmp_path))
    by_name = {m.character: m for m in service.mapping(script.id)}
    lin = by_name["LIN XIAO"].suggestions[0]
    assert (lin.artist_id, lin.on_proposal, lin.clear) == (w.lin, True, True)
    assert 90 <= lin.score <= 100
    # 陈静怡 is on the roster but not requested: suggested with its score, never "clear"
    (chen,) = by_name["CHEN JINGYI"].suggestions
    assert (chen.artist_id, chen.basis) == (w.chen, "romanized_name") and 90 <= chen.score < 100
    assert (chen.on_proposal, chen.clear) == (False, False)
    assert [m.character for m in service.mapping(script.id)][:2] == ["LIN XIAO", "CHEN JINGYI"]
    # "Confirm all clear suggestions" maps only the requested artist
    done = service.confirm_suggestions(script.id)
    assert [(m.character, m.artist_id) for m in done] == [("LIN XIAO", w.lin)]


@pytest.mark.parametrize(
    ("cue", "artist_id", "basis"),
    [
        ("CHEN JINGYI", 3, "romanized_name"),
        ("CHENJINGYI", 3, "romanized_name"),
        ("chen jingyi", 3, "romanized_name"),
        ("陈静怡", 3, "name"),
        ("陳靜怡", 3, "name"),  # traditional characters
        ("JINGYI CHEN", 3, "stage_name"),
        ("LIN XIAO", 1, "romanized_name"),
        ("LINXIAO", 1, "romanized_name"),
        ("林晓", 1, "name"),
        ("ZHAO YIMING", 4, "romanized_name"),
    ],
)
def test_cues_naming_a_roster_artist_not_requested_are_suggested(
    cue: str, artist_id: int, basis: str
) -> None:
    roster = RosterNames([LIN, CHEN, ZHAO])
    found = suggest([cue], [], {}, roster)
    (best,) = found[cue]
    assert (best.artist_id, best.basis) == (artist_id, basis)
    # characters are the person's own name; Latin letters are sure but not identity (leak day's
    # rule: other people share a spelling), so they score a little under 100
    assert best.score == 100 if basis in ("name", "stage_name") else 90 <= best.score < 100
    assert (best.on_proposal, best.clear) == (False, False)


def test_roster_suggestions_come_after_the_requested_ones() -> None:
    roster = RosterNames([LIN, LIN_XIAO_2, CHEN])
    found = suggest(["LIN XIAO", "SHEN YAO", "CHEN"], [LIN], {}, roster)
    assert [(s.artist_id, s.on_proposal) for s in found["LIN XIAO"]] == [(1, True), (2, False)]
    assert "SHEN YAO" not in found and "CHEN" not in found  # no artist has these names


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("A digital double of CHEN JINGYI walks in.", [(3, "CHEN JINGYI")]),
        ("A digital double of Chen Jingyi walks in.", [(3, "Chen Jingyi")]),
        ("△陈静怡的数字替身走进来。", [(3, "陈静怡")]),
        ("△陳靜怡的數字替身走進來。", [(3, "陳靜怡")]),
        ("LINXIAO and ZHAO YIMING, both AI-generated.", [(1, "LINXIAO"), (4, "ZHAO YIMING")]),
        ("林晓和赵一鸣", [(1, "林晓"), (4, "赵一鸣")]),
        ("CHEN and LIN argue.", []),  # a family name alone names nobody
        ("chen jing yi sings.", [(3, "chen jing yi")]),  # pinyin with spaces, any case
        ("Chen, Jing and Yi arrive.", []),  # words with other words between are not a name
        ("林小雨走了。", []),  # 林小雨 is not on this roster; 林 alone is no name
    ],
)
def test_roster_artists_named_in_action_and_notes(text: str, named: list[tuple[int, str]]) -> None:
    roster = RosterNames([LIN, CHEN, ZHAO])
    assert [(h.artist_id, h.words) for h in roster.named_in(text)] == named


def test_an_ai_use_naming_a_roster_artist_gets_a_row_and_a_high_finding(
    db: Database, tmp_path: Path
) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    text = "INT. CAFE - DAY\n\nA digital double of 陈静怡 walks in.\n\nLIN XIAO\nHi.\n"
    script = service.attach_script(p.id, script_file(tmp_path, text))
    rows = {m.character: m for m in service.mapping(script.id)}
    assert rows["陈静怡"].ai_uses == 1
    assert rows["陈静怡"].suggestions[0].artist_id == w.chen
    r21 = [f.finding for f in service.run_check(p.id).findings if f.finding.rule_id == "R21"]
    assert [(f.artist_id, f.line, f.severity) for f in r21] == [(w.chen, 3, Severity.HIGH)]
    assert "陈静怡 (Chen Jingyi) appears in the script with AI use" in r21[0].message
    # once a person says the character is someone else, the finding goes
    service.map_character(script.id, "陈静怡", None)
    after = service.run_check(p.id).findings
    assert not [f for f in after if f.finding.rule_id == "R21"]


def test_a_requested_artist_in_the_script_is_no_r21_finding(db: Database, tmp_path: Path) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w, artists=(RequestedArtist(w.lin), RequestedArtist(w.chen))))
    service.attach_script(p.id, script_file(tmp_path))
    rules = {f.finding.rule_id for f in service.run_check(p.id).findings}
    assert "R21" not in rules


def test_checks_count_confirmed_mappings_only(db: Database, tmp_path: Path) -> None:
    w = world(db)
    give(db, w, w.lin, [M.FACE_LIKENESS])
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    script = service.attach_script(p.id, script_file(tmp_path))
    before = service.run_check(p.id).findings
    unmapped = [f.finding for f in before if f.finding.subject == "unmapped:LIN XIAO"]
    assert {f.line for f in unmapped} == {5, 7}
    assert all(f.severity is Severity.INFO for f in unmapped)
    assert "林晓 (Lin Xiao)" in unmapped[0].message  # the suggestion
    done = service.confirm_suggestions(script.id)
    assert [(m.character, m.artist_id) for m in done] == [("LIN XIAO", w.lin)]
    after = service.run_check(p.id).findings
    r3 = {(f.finding.line, f.finding.subject) for f in after if f.finding.rule_id == "R3"}
    assert r3 == {(5, "digital_double_creation"), (7, "voice")}


def test_not_one_of_our_artists_silences_the_character(db: Database, tmp_path: Path) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(proposal_draft(w))
    script = service.attach_script(p.id, script_file(tmp_path))
    service.map_character(script.id, "CHEN JINGYI", None)
    subjects = {f.finding.subject for f in service.run_check(p.id).findings}
    assert "unmapped:CHEN JINGYI" not in subjects and "unmapped:LIN XIAO" in subjects


def test_mapping_is_audited_checked_and_undoable(db: Database, tmp_path: Path) -> None:
    w = world(db)
    service = ProposalService(db)
    p = service.create(
        proposal_draft(w, artists=(RequestedArtist(w.lin), RequestedArtist(w.lin_xiaoyu)))
    )
    script = service.attach_script(p.id, script_file(tmp_path))
    with pytest.raises(ValidationError, match="not a character"):
        service.map_character(script.id, "NOBODY", w.lin)
    m = service.map_character(script.id, "LIN XIAO", w.lin_xiaoyu)
    assert (m.confirmed, m.artist_name) == (True, "林小雨 (Lin Xiaoyu)")
    m2 = service.map_character(script.id, "LIN XIAO", w.lin, m.row_version)
    with pytest.raises(ConflictError):
        service.map_character(script.id, "LIN XIAO", w.lin_xiaoyu, m.row_version)
    assert m2.artist_id == w.lin
    service.clear_mapping(script.id, "LIN XIAO")
    cleared = next(x for x in service.mapping(script.id) if x.character == "LIN XIAO")
    assert not cleared.confirmed and cleared.artist_id is None
    actions = [e.action for e in AuditService(db).events(entity="proposal_mapping")]
    assert actions == ["unmap", "map", "map"]
