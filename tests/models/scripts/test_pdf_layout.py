"""PDF layouts of other writing apps: what a reader of the printed page sees, we read."""

from __future__ import annotations

import io
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from models.scripts import ElementKind, read_bytes
from models.scripts.pdf import rules

K = ElementKind


class Page:
    """Draw lines where an app would print them (x in points, one `row` per line step)."""

    def __init__(self, font: str = "Courier", size: float = 12, step: float = 12) -> None:
        self.buffer = io.BytesIO()
        self.c = canvas.Canvas(self.buffer, pagesize=letter)
        self.font, self.size, self.step = font, size, step
        self.row = 0

    def at(self, x: float | None, text: str, *, twice: bool = False, skip: int = 0) -> None:
        self.row += skip
        self.c.setFont(self.font, self.size)
        if x is None:  # centred on the page
            x = 306 - self.c.stringWidth(text, self.font, self.size) / 2
        y = 720 - self.row * self.step
        self.c.drawString(x, y, text)
        if twice:
            self.c.drawString(x + 0.3, y, text)  # bold by overprinting
        self.row += 1

    def page(self) -> None:
        self.c.showPage()
        self.row = 0

    def pdf(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buffer.getvalue()


def _unicode_page() -> Page:
    """A page in a font with Chinese and Latin Extended letters (the standard 14 have neither)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from models.resources import CJK_FONT

    pdfmetrics.registerFont(TTFont("WQY", str(CJK_FONT), subfontIndex=0))
    return Page("WQY")


def _kinds(doc, kind):
    return [e.text for e in doc.elements if e.kind is kind]


def test_word_layout_centred_cues_left_dialogue_title_page_and_mixed_case_headings():
    p = Page("Times-Roman", 12, 14)
    p.at(None, "PILOT", skip=10)
    p.at(None, "Written by", skip=1)
    p.at(None, "Ann Writer")
    p.page()
    p.at(72, "INT. Home - Morning.")
    p.at(72, "Zippy waits by the door.", skip=1)
    p.at(None, "ZIPPY.", skip=1)
    p.at(72, "Is anyone there?")
    p.at(None, "BEGIN MONTAGE:", skip=1)
    p.at(72, "Zippy runs. Zippy eats.")
    p.at(None, "END MONTAGE", skip=1)
    p.at(None, "ZIPPY", skip=1)
    p.at(None, "(quietly)")
    p.at(72, "Now I know.")
    p.at(72, "And so do you.")
    p.at(72, "EXT. GARDEN - NIGHT", skip=1)
    doc = read_bytes(p.pdf(), "word.pdf")
    assert [s.heading for s in doc.scenes] == ["INT. Home - Morning.", "EXT. GARDEN - NIGHT"]
    assert {c.name: c.dialogue_blocks for c in doc.characters} == {"ZIPPY": 2}
    assert doc.title == "PILOT" and doc.title_page["author"] == "Ann Writer"
    zippy = [(e.kind, e.text) for e in doc.elements if e.character == "ZIPPY"]
    assert zippy[-3:] == [
        (K.CHARACTER, "ZIPPY"),
        (K.PARENTHETICAL, "(quietly)"),
        (K.DIALOGUE, "Now I know.\nAnd so do you."),
    ]
    assert {"BEGIN MONTAGE:", "END MONTAGE"} <= set(_kinds(doc, K.SHOT))


def test_final_draft_windows_shots_sounds_scene_numbers_and_overprint():
    p = Page()
    p.at(54, "1")
    p.at(540, "1", skip=-1)
    p.at(108, "INT. COCKPIT - NIGHT", twice=True, skip=-1)
    p.at(108, "NEW SHOT", skip=1)
    p.at(108, "INSERT - ALTIMETER", skip=1)
    p.at(108, "STRIKER'S POV", skip=1)
    p.at(108, "BLACK SCREEN:", skip=1)
    p.at(108, "CRACK!", skip=1)
    p.at(108, "KNOCK KNOCK KNOCK.", skip=1)
    p.at(108, "ANGLE ON THE DOOR", skip=1)
    p.at(266, "STRIKER", skip=1)
    p.at(180, "Who's there?")
    p.at(432, "CUT TO:", skip=1)
    p.at(108, "EXT. RUNWAY - DAY", twice=True, skip=1)
    doc = read_bytes(p.pdf(), "fd.pdf")
    assert [s.heading for s in doc.scenes] == ["INT. COCKPIT - NIGHT", "EXT. RUNWAY - DAY"]
    assert doc.character_names == ("STRIKER",)
    assert _kinds(doc, K.SHOT) == [
        "NEW SHOT",
        "INSERT - ALTIMETER",
        "STRIKER'S POV",
        "BLACK SCREEN:",
        "ANGLE ON THE DOOR",
    ]
    assert _kinds(doc, K.ACTION) == ["CRACK!", "KNOCK KNOCK KNOCK."]
    assert _kinds(doc, K.TRANSITION) == ["CUT TO:"]
    assert all(e.text != "1" for e in doc.elements)


def test_dual_dialogue_columns_keep_both_sides():
    p = Page()
    p.at(108, "INT. KITCHEN - DAY")
    for left, right in [("ANNA", "BEN"), ("Now!", "Never!"), ("(shouting)", "")]:
        p.at(180 if left.isupper() else 140, left, skip=1 if left == "ANNA" else 0)
        if right:
            p.at(400 if right.isupper() else 360, right, skip=-1)
    doc = read_bytes(p.pdf(), "dual.pdf")
    assert {c.name: c.dialogue_blocks for c in doc.characters} == {"ANNA": 1, "BEN": 1}
    [pair] = doc.dual_dialogues
    assert (pair.left, pair.right) == ("ANNA", "BEN")
    assert _kinds(doc, K.DIALOGUE) == ["Now!", "Never!"]


def test_importing_the_scripts_package_does_not_load_the_pdf_or_word_libraries():
    code = "import sys, models.scripts; print('pypdf' in sys.modules, 'docx' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]


_NAME = st.sampled_from(["ANNA", "BEN", "DR. NO", "MARY JANE", "O'NEIL", "ZED"])
_SPEECH = st.sampled_from(["Hello.", "Who is it?", "Go away, please.", "No -- wait."])
_SHOT = st.sampled_from(["NEW SHOT", "ANGLE ON ANNA", "INSERT - THE NOTE", "BEN'S POV"])
_ACTION = st.sampled_from(["She waits.", "CRACK!", "Rain falls on the roof.", "BOOM."])
_ELEMENT = st.one_of(
    st.tuples(st.just("heading"), st.sampled_from(["INT. HALL - DAY", "EXT. Yard - Night."])),
    st.tuples(st.just("dialogue"), st.tuples(_NAME, _SPEECH)),
    st.tuples(st.just("shot"), _SHOT),
    st.tuples(st.just("action"), _ACTION),
)
_LAYOUTS = {  # action margin, cue x (None: centred), dialogue x, font
    "final-draft": (108, 266, 180, "Courier"),
    "word": (72, None, 72, "Times-Roman"),
    "a4-other": (90, 250, 160, "Courier"),
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ELEMENT, min_size=1, max_size=40), st.sampled_from(sorted(_LAYOUTS)))
def test_any_script_in_any_layout_reads_back_its_scenes_blocks_and_speakers(elements, layout):
    margin, cue_x, dialogue_x, font = _LAYOUTS[layout]
    p = Page(font)
    for kind, value in elements:
        if p.row > 50:
            p.page()
        if kind == "dialogue":
            name, speech = value
            p.at(cue_x, name)
            p.at(dialogue_x, speech)
        else:
            p.at(margin, value)
        p.row += 1
    doc = read_bytes(p.pdf(), "any.pdf")
    headings = [v for k, v in elements if k == "heading"]
    cues = [v[0] for k, v in elements if k == "dialogue"]
    assert [s.heading for s in doc.scenes] == headings
    assert doc.dialogue_blocks == len(cues)
    assert set(doc.character_names) == set(cues)
    assert _kinds(doc, K.SHOT) == [v for k, v in elements if k == "shot"]


def test_chinese_headings_and_cues_in_a_screenplay_layout():
    p = _unicode_page()
    p.at(108, "1. 内景 录音棚 日")
    p.at(108, "林晓看着屏幕上的数字替身。", skip=1)
    p.at(266, "林晓", skip=1)
    p.at(223, "（低声）")
    p.at(180, "这不是我的声音。")
    p.at(108, "外景 停车场 夜", skip=1)
    p.at(266, "王强（画外音）", skip=1)
    p.at(180, "走吧。")
    doc = read_bytes(p.pdf(), "zh.pdf")
    assert [(s.number, s.heading) for s in doc.scenes] == [
        ("1", "内景 录音棚 日"),
        ("2", "外景 停车场 夜"),
    ]
    assert {c.name: c.dialogue_blocks for c in doc.characters} == {"林晓": 1, "王强": 1}
    assert _kinds(doc, K.PARENTHETICAL) == ["（低声）"]


def test_a_title_on_the_first_script_page_is_not_a_character_and_runs_drawn_twice_count_once():
    p = Page()
    p.at(None, "THE LONG NIGHT")
    p.at(None, "Written by")
    p.at(None, "Ann Writer")
    c = p.c
    for x, text in [(108, "INT. "), (144, "HANGAR - NIGHT")]:  # bold: each run drawn twice
        c.setFont("Courier-Bold", 12)
        c.drawString(x, 720 - 5 * 12, text)
    for x, text in [(108.3, "INT. "), (144.3, "HANGAR - NIGHT")]:
        c.drawString(x, 720 - 5 * 12, text)
    p.row = 7
    p.at(266, "BOB")
    p.at(180, "By the way, it's late.")
    doc = read_bytes(p.pdf(), "title.pdf")
    assert [s.heading for s in doc.scenes] == ["INT. HANGAR - NIGHT"]
    assert doc.character_names == ("BOB",)


def _glyph_by_glyph(font: str) -> bytes:
    """How some web apps print: every glyph its own text object, spaces drawn or skipped."""
    p = Page(font)
    lines = [
        (108, "INT. ROOM 12 - DAY"),
        (108, "Anna waits by the window."),
        (266, "ANNA"),
        (180, "Some little words, all in one line."),
    ]
    for n, (x, text) in enumerate(lines):
        for ch in text:
            if ch != " " or font == "Courier":
                p.c.setFont(font, 12)
                p.c.drawString(x, 700 - n * 24 + (12 if n == 3 else 0), ch)
            x += p.c.stringWidth(ch, font, 12)
    return p.pdf()


def test_glyph_by_glyph_pdfs_read_as_lines():
    doc = read_bytes(_glyph_by_glyph("Courier"), "web.pdf")
    assert [s.heading for s in doc.scenes] == ["INT. ROOM 12 - DAY"]
    assert doc.character_names == ("ANNA",)
    assert _kinds(doc, K.DIALOGUE) == ["Some little words, all in one line."]
    # Proportional glyphs with the spaces skipped: pypdf gives no glyph widths, so a space
    # after a narrow glyph can be lost, but the lines and their kinds still come out right.
    doc = read_bytes(_glyph_by_glyph("Helvetica"), "web.pdf")
    assert len(doc.scenes) == 1 and doc.character_names == ("ANNA",)
    assert len(_kinds(doc, K.DIALOGUE)) == 1 and "12" in doc.scenes[0].heading


def test_scene_numbers_printed_in_the_heading_line_become_the_scene_number():
    p = Page()
    p.at(72, "12A    INT. HOUSE - DAY                        12A")
    p.at(108, "She waits.", skip=1)
    p.at(72, "13     EXT. ROAD - NIGHT", skip=1)
    doc = read_bytes(p.pdf(), "numbers.pdf")
    assert [(s.number, s.heading) for s in doc.scenes] == [
        ("12A", "INT. HOUSE - DAY"),
        ("13", "EXT. ROAD - NIGHT"),
    ]


def test_the_cue_column_is_learned_so_a_centred_sign_over_action_is_no_cue():
    p = Page()
    p.at(108, "EXT. DINER - NIGHT")
    for name in ["AL", "BETTY", "CONSTANCE", "DREW", "EVANGELINE", "AL"]:
        p.at(266, name, skip=1)
        p.at(180, "Coffee.")
    p.at(None, "EAT AT JOE'S - OPEN ALL NIGHT", skip=1)  # a sign, centred, action under it
    p.at(108, "The neon flickers.")
    doc = read_bytes(p.pdf(), "sign.pdf")
    assert {c.name for c in doc.characters} == {"AL", "BETTY", "CONSTANCE", "DREW", "EVANGELINE"}
    assert doc.dialogue_blocks == 6


def test_polish_headings_start_scenes():
    p = _unicode_page()
    p.at(108, "WNĘTRZE. KUCHNIA - NOC")
    p.at(108, "Anna waits.", skip=1)
    p.at(108, "PLENER. ULICA - DZIEŃ", skip=1)
    p.at(108, "NEW SHOT", skip=1)
    doc = read_bytes(p.pdf(), "polish.pdf")
    assert [s.heading for s in doc.scenes] == ["WNĘTRZE. KUCHNIA - NOC", "PLENER. ULICA - DZIEŃ"]


def test_a_line_numbered_at_both_margins_is_a_scene_whatever_its_words():
    """A writer's forced heading prints like every heading, its number at both margins; shots
    (never numbered) and action with a number at one margin only stay what they are."""
    p = Page()
    for number, text, skip in [
        ("1", "INT. FLAT - DAY", 0),
        ("2", "BACK IN THE APARTMENT", 1),  # `.BACK IN THE APARTMENT` in the source
        ("3", "SNIPER SCOPE POV", 1),  # shot words, but numbered: the writer made it a scene
        ("4", "SCOTT", 1),  # a name, forced: a scene, not a cue
    ]:
        p.at(68, number, skip=skip)
        p.at(540, number, skip=-1)
        p.at(108, text, skip=-1)
        p.at(108, "Scott waits.", skip=1)
    p.at(108, "NEW SHOT", skip=1)
    p.at(108, "ANGLE ON THE DOOR", skip=1)
    p.at(68, "5", skip=1)  # a number at the left margin only (a line number): action
    p.at(108, "THE DOOR SWINGS OPEN.", skip=-1)
    p.at(68, "6", skip=1)  # different numbers at the two margins: action
    p.at(540, "7", skip=-1)
    p.at(108, "Nobody comes in.", skip=-1)
    p.at(108, "12 chairs stand in a row. 12", skip=1)  # numbers in the words themselves
    p.at(266, "SCOTT", skip=1)
    p.at(180, "Hello?")
    doc = read_bytes(p.pdf(), "forced.pdf")
    assert [(s.number, s.heading) for s in doc.scenes] == [
        ("1", "INT. FLAT - DAY"),
        ("2", "BACK IN THE APARTMENT"),
        ("3", "SNIPER SCOPE POV"),
        ("4", "SCOTT"),
    ]
    assert _kinds(doc, K.SHOT) == ["NEW SHOT", "ANGLE ON THE DOOR"]
    assert {"THE DOOR SWINGS OPEN.", "Nobody comes in.", "12 chairs stand in a row. 12"} <= set(
        _kinds(doc, K.ACTION)
    )
    assert {c.name: c.dialogue_blocks for c in doc.characters} == {"SCOTT": 1}
    assert not {"1", "2", "5", "6", "7"} & {e.text for e in doc.elements}


_SCENE_NUMBER = st.from_regex(r"\A[1-9][0-9]{0,3}[A-Z]{0,2}\Z")
_WORDS = st.from_regex(r"\A[A-Z][A-Z' ]{0,30}[A-Z]\Z")


@given(_SCENE_NUMBER, _SCENE_NUMBER, _WORDS, st.sampled_from(["", ".", "*"]))
def test_only_one_number_at_both_margins_makes_a_heading(number, other, words, mark):
    left, right = f"{number}{mark}", f"{mark}{number}{mark}" if mark == "*" else number
    assert rules.margin_number([left, words, right]) == number
    assert rules.margin_number([left, *words.split(), right]) == number
    assert rules.margin_number([left, words]) is None  # one margin only
    assert rules.margin_number([words, right]) is None
    assert rules.margin_number([left, right]) is None  # nothing between: no heading
    assert rules.margin_number([left, "12", right]) is None  # no words between
    if other != number:
        assert rules.margin_number([number, words, other]) is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_SCENE_NUMBER, _WORDS, st.booleans()), min_size=1, max_size=12))
def test_numbered_lines_become_scenes_and_one_sided_numbers_do_not(lines):
    p = Page()
    for number, words, both in lines:
        if p.row > 50:
            p.page()
        p.at(40, number)  # clear of the text even for "1234AB"
        if both:
            p.at(540, number, skip=-1)
        p.at(108, words, skip=-1)
        p.at(108, "Rain falls.", skip=1)
        p.row += 1
    doc = read_bytes(p.pdf(), "numbered.pdf")
    expected = [(n, " ".join(w.split())) for n, w, both in lines if both]
    assert [(s.number, " ".join(s.heading.split())) for s in doc.scenes] == expected


def test_centred_cues_of_nearly_one_length_are_not_taken_for_an_indent():
    """Word centres each cue: names of 3 to 7 letters start within a few points of each other,
    as if at one indent; a longer name, further left, is still a cue (Brick & Steel's last
    speech, HANDSOME MAN, was read as centred text)."""
    p = Page("Times-Roman", 12, 14)
    p.at(72, "EXT. PATIO - DAY")
    names = ["STEEL", "BRICK", "JACK", "DAN", "COGNITO", "MINION", "BRICK", "STEEL"]
    for name in [*names, "HANDSOME MAN"]:
        p.at(None, name, skip=1)
        p.at(72, "I want them dead.")
    p.at(72, "Beer flies.", skip=1)
    doc = read_bytes(p.pdf(), "word.pdf")
    assert set(doc.character_names) == {*names, "HANDSOME MAN"}
    assert doc.dialogue_blocks == len(names) + 1
    assert _kinds(doc, K.CENTERED) == []
