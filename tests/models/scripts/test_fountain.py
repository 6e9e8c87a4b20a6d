"""Our Fountain reader: every element of the syntax, with the source line a person will look at."""

from __future__ import annotations

import pytest

from models.scripts import ElementKind, ScriptReadError, detect_ai_uses, read_bytes, read_script
from tests.models.scripts.samples import FIXTURES

K = ElementKind


@pytest.fixture(scope="module")
def doc():
    return read_script(FIXTURES / "elements.fountain")


def kinds_at(doc, line):
    return [e.kind for e in doc.elements if line in e.lines]


def only(doc, kind):
    return [e for e in doc.elements if e.kind is kind]


def test_every_element_kind_is_read(doc):
    # Fountain has no shot element (shots come from FDX, PDF and .docx)
    assert {e.kind for e in doc.elements} == set(ElementKind) - {ElementKind.SHOT}
    assert doc.warnings == ()


def test_title_page_keys_values_and_the_title_without_emphasis(doc):
    assert doc.title == "The Replica"
    assert doc.title_page["author"] == "Test Writer"
    assert doc.title_page["draft date"] == "2026-01-10"
    assert doc.title_page["contact"] == "Consent Desk Test Agency\n1 Example Road"


def test_scene_headings_regular_forced_and_numbered(doc):
    assert [(s.number, s.heading, s.line) for s in doc.scenes] == [
        ("1A", "EXT. FILM STUDIO - DAY", 13),
        ("2", "MONITOR CLOSE-UP", 24),
        ("3", "INT. DE-AGING LAB - NIGHT", 41),
        ("4", "EST. THE LAB ROOF - DAWN", 60),
        ("5", "I/E. CAR - MOVING", 64),
    ]


def test_indented_cue_parenthetical_and_dialogue(doc):
    assert kinds_at(doc, 17) == [K.CHARACTER]
    assert kinds_at(doc, 18) == [K.PARENTHETICAL]
    assert kinds_at(doc, 19) == [K.DIALOGUE]
    mary = next(c for c in doc.characters if c.name == "MARY")
    assert (mary.dialogue_blocks, mary.scenes, mary.first_line) == (1, (1,), 17)


def test_extensions_are_kept_apart_from_the_name(doc):
    assert [(e.character, e.text) for e in only(doc, K.EXTENSION)] == [
        ("TECH", "AI VOICE"),
        ("HAL", "AI"),
    ]
    assert "TECH (AI VOICE)" not in doc.character_names


def test_forced_cue_dual_dialogue_and_lyrics(doc):
    assert "MCCOY" in doc.character_names  # @McCoy, upper-cased like every Latin name
    [pair] = doc.dual_dialogues
    assert (pair.left, pair.right, pair.left_line, pair.right_line) == ("HAL", "BOB", 28, 31)
    lyrics = only(doc, K.LYRIC)
    assert [(e.line, e.character) for e in lyrics] == [(46, "MCCOY"), (48, None)]


def test_transitions_centered_forced_action_and_page_break(doc):
    assert [e.text for e in only(doc, K.TRANSITION)] == ["CUT TO:", "SMASH TO BLACK."]
    assert [e.text for e in only(doc, K.CENTERED)] == ["Centered? No", "THE END OF ACT ONE"]
    assert kinds_at(doc, 50) == [K.ACTION]  # '!FADE IN ON THE LAB:' is not a transition
    assert only(doc, K.PAGE_BREAK)[0].line == 62


def test_sections_synopses_and_emphasis_kept_as_typed(doc):
    [section] = only(doc, K.SECTION)
    assert (section.text, section.level, section.line) == ("ACT ONE", 1, 9)
    assert only(doc, K.SYNOPSIS)[0].text == "MARY meets her digital double."
    assert only(doc, K.ACTION)[-1].text.startswith("MARY drives. *Emphasis* and _underline_")


def test_notes_are_kept_inline_standalone_and_over_two_lines(doc):
    notes = {e.text: e for e in only(doc, K.NOTE)}
    assert notes["check the face swap"].character == "MCCOY"  # inside McCoy's block
    assert notes["Legal: producer wants to train a model on MARY's takes"].line == 26
    assert notes["A note that\nruns over two lines"].lines == (66, 67)
    assert [e.text for e in doc.elements if e.line == 45 and e.kind is K.DIALOGUE] == [
        "I said nothing."
    ]


def test_boneyard_is_never_read(doc):
    assert "INT. DELETED SCENE - NIGHT" not in [s.heading for s in doc.scenes]
    assert all("deepfake" not in e.text.lower() for e in doc.elements)
    bob = next(c for c in doc.characters if c.name == "BOB")
    assert bob.dialogue_blocks == 1  # the cut 'BOB (DE-AGED)' block is not counted
    assert all(not 33 <= line <= 39 for e in doc.elements for line in e.lines)


def test_ai_uses_in_every_source_kind_and_no_red_herrings(doc):
    uses = detect_ai_uses(doc)
    assert [(u.line, u.character, u.kind.value, u.source.value, u.text) for u in uses] == [
        (11, "MARY", "digital-double", "note", "digital double"),
        (15, "MARY", "digital-double", "action", "digital double"),
        (21, "TECH", "voice", "extension", "AI VOICE"),
        (22, "TECH", "voice", "dialogue", "voice clone"),
        (26, "MARY", "training", "note", "train a model on"),
        (28, "HAL", "other", "extension", "AI"),
        (41, None, "de-aging", "heading", "DE-AGING"),
        (44, "MCCOY", "de-aging", "dialogue", "de-aged"),
        (45, "MCCOY", "face-swap", "note", "face swap"),
        (46, "MCCOY", "voice", "dialogue", "synthetic voices"),
    ]
    # Columns point at the words in the source line, so the view can highlight them.
    for u in uses:
        line = doc.line_text(u.line)
        assert line[u.column : u.column + len(u.text)].lower() == u.text.lower()


def test_line_endings_and_bom_do_not_change_anything(doc):
    raw = (FIXTURES / "elements.fountain").read_bytes().replace(b"\r\n", b"\n")
    lines = raw.split(b"\n")
    mixed = b"".join(
        line + (b"\r\n" if n % 3 == 0 else b"\n" if n % 3 == 1 else b"\r")
        for n, line in enumerate(lines)
    )
    variants = [
        raw.replace(b"\n", b"\r\n"),
        b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"),
        raw.replace(b"\n", b"\r"),
        mixed,
    ]
    want = [(e.kind, e.text, e.lines) for e in doc.elements]
    for data in variants:
        other = read_bytes(data, "x.fountain")
        assert [(e.kind, e.text, e.lines) for e in other.elements] == want
        assert other.title == doc.title


def parse(text: str):
    return read_bytes(text.encode("utf-8"), "t.fountain")


def test_heading_needs_no_blank_line_after_it_but_says_so():
    doc = parse("INT. HOUSE - DAY\nThe door opens.\n\nBOB\nHi.\n")
    assert [s.heading for s in doc.scenes] == ["INT. HOUSE - DAY"]
    assert [(w.line, w.message) for w in doc.warnings] == [
        (1, "scene heading has no blank line after it")
    ]
    assert kinds_at(doc, 2) == [K.ACTION]


def test_capitals_without_a_line_below_are_action_and_lowercase_is_never_a_cue():
    doc = parse("Text.\n\nBOOM\n\nbob\nhi\n\nR2D2\nbeep\n")
    assert doc.character_names == ("R2D2",)
    assert kinds_at(doc, 3) == [K.ACTION]


def test_two_spaces_keep_a_dialogue_block_together():
    doc = parse("BOB\nFirst line.\n  \nStill Bob.\n")
    [dialogue] = [e for e in doc.elements if e.kind is K.DIALOGUE]
    assert dialogue.text == "First line.\n\nStill Bob." and dialogue.lines == (2, 3, 4)


def test_unclosed_boneyard_hides_the_rest_and_warns():
    doc = parse("INT. A - DAY\n\n/* cut\n\nBOB (AI VOICE)\nA deepfake.\n")
    assert doc.character_names == ()
    assert detect_ai_uses(doc) == ()
    assert doc.warnings[0].line == 3 and "never closed" in doc.warnings[0].message


def test_unclosed_note_stays_text_and_a_blank_line_ends_it():
    doc = parse("Action [[not a note\n\nMore [[real]] text.\n")
    assert [e.text for e in doc.elements if e.kind is K.NOTE] == ["real"]
    assert doc.elements[0].text == "Action [[not a note"


def test_boneyard_inside_one_line_keeps_the_rest_of_the_line():
    doc = parse("She /* really */ smiles.\n")
    assert doc.elements[0].text == "She  smiles."


def test_empty_and_blank_files_read_as_empty_scripts():
    for text in ("", "\n\n  \n", "\ufeff"):
        doc = parse(text)
        assert doc.scenes == () and doc.characters == () and doc.warnings == ()


def test_a_two_million_character_line_is_one_action():
    doc = parse("INT. HALL - DAY\n\n" + "word " * 400_000 + "\n")
    assert len(doc.scenes) == 1
    assert len(doc.elements[-1].text) == 2_000_000 - 1


def test_estimated_pages_are_close_to_the_printed_pdf():
    from tests.models.scripts.samples import sample

    fountain = read_script(sample("The-Last-Birthday-Card.fountain"))
    pdf = read_script(sample("The-Last-Birthday-Card.pdf"))
    assert fountain.pages_estimated and not pdf.pages_estimated
    assert abs(fountain.pages - pdf.pages) <= 1


def test_binary_data_is_refused():
    with pytest.raises(ScriptReadError, match=r"not a text script|binary"):
        read_bytes(b"INT. A - DAY\n\n" + bytes(range(256)) * 20, "x.fountain")


HOSTILE = {
    "spaces-heading": (lambda n: "INT. " + " " * (20 * n) + "x #1#\n", ".fountain"),
    "notes-line": (lambda n: "[[a]] deepfake " * (n + n // 5), ".fountain"),
    "open-boneyards": (lambda n: "/*" * (10 * n), ".fountain"),
    "boneyards": (lambda n: "*/" * (10 * n) + "\n" + "/* a */ " * (n + n // 5), ".fountain"),
    "open-notes": (lambda n: "[[" * (10 * n), ".txt"),
    "cn-spaces": (lambda n: "林晓" + " " * (20 * n) + "：台词\n", ".txt"),
}


def _cpu_seconds(text: str, suffix: str) -> float:
    import time

    started = time.process_time()
    detect_ai_uses(read_bytes(text.encode("utf-8"), "hostile" + suffix))
    return time.process_time() - started


def _timings(name: str) -> tuple[list[float], list[float]]:
    """CPU seconds at 25,000 and 50,000 units, three of each, interleaved (so a busy spell on a
    shared machine hits both sizes), after a warm-up (caches, compiled patterns)."""
    make, suffix = HOSTILE[name]
    _cpu_seconds(make(1_000), suffix)
    smalls: list[float] = []
    larges: list[float] = []
    for _ in range(3):
        smalls.append(_cpu_seconds(make(25_000), suffix))
        larges.append(_cpu_seconds(make(50_000), suffix))
    return smalls, larges


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_pathological_lines_take_linear_time(name):
    """Each of these was quadratic once. Doubling the input must about double the CPU time
    (quadratic work would quadruple it): a ratio in one run, not a wall-clock limit.

    Measured in a fresh interpreter, as a reader runs in the app: inside the test session the
    collector's passes walk every object the earlier tests left, which made the same read
    take 0.3 s once and 0.7 s a moment later."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]);"
        "from tests.models.scripts.test_fountain import _timings;"
        "print(json.dumps(_timings(sys.argv[2])))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(root), name],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    smalls, larges = json.loads(run.stdout.strip().splitlines()[-1])
    small, large = min(smalls), min(larges)
    assert large < 3.0 * small + 0.05, (name, smalls, larges)


def test_a_long_name_of_capitals_is_a_cue_but_a_long_shouted_sentence_is_not():
    name = "VERY " * 30 + "LONG NAME"
    doc = read_bytes(f"INT. ROOM - DAY\n\n{name}\nHello, my name is long.\n".encode(), "a.fountain")
    assert doc.character_names == (name,) and doc.dialogue_blocks == 1
    shout = "THE CAR EXPLODES, GLASS FLIES EVERYWHERE, AND EVERYONE ON THE STREET DIVES FOR COVER."
    doc = read_bytes(f"INT. ROOM - DAY\n\n{shout}\nSilence.\n".encode(), "b.fountain")
    assert doc.character_names == () and doc.dialogue_blocks == 0
