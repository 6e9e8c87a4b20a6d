"""Every shared sample script gives the counts recorded in expected.json."""

from __future__ import annotations

import pytest

from models.scripts import ScriptFormat, detect_ai_uses, read_script
from tests.models.scripts.samples import SAMPLES, expected, sample, sample_names

NAMES = sample_names() or ["<shared samples missing>"]
TWINS = ["Brick-and-Steel", "The-Last-Birthday-Card", "sample-02", "sample-06"]


@pytest.mark.parametrize("name", NAMES)
def test_sample_matches_expected_counts(name):
    truth = expected()[name]
    doc = read_script(sample(name))
    assert doc.format == ScriptFormat(truth["format"])
    assert doc.dialogue_blocks == truth["dialogue_blocks"]
    assert sorted(doc.character_names) == truth["speakers"]
    if "scenes_range" in truth:
        low, high = truth["scenes_range"]
        assert low <= len(doc.scenes) <= high
    else:
        assert len(doc.scenes) == truth["scenes"]
    if truth["pages"] is not None:
        assert doc.pages == truth["pages"] and not doc.pages_estimated
    assert detect_ai_uses(doc) == ()  # none of the samples uses AI


def test_every_sample_file_has_expected_counts():
    truth = expected()
    assert set(sample_names()) == set(truth), "a sample without expected counts is untested"


def _outline(doc):
    return (
        [" ".join(s.heading.split()) for s in doc.scenes],
        sorted((c.name, c.dialogue_blocks) for c in doc.characters),
    )


@pytest.mark.parametrize("stem", TWINS)
def test_fountain_and_fdx_twins_give_the_same_scenes_and_characters(stem):
    expected()
    fountain = read_script(SAMPLES / f"{stem}.fountain")
    fdx = read_script(SAMPLES / f"{stem}.fdx")
    assert _outline(fountain) == _outline(fdx)
    assert len(fountain.dual_dialogues) == len(fdx.dual_dialogues)


@pytest.mark.parametrize("stem", ["Brick-and-Steel", "The-Last-Birthday-Card"])
def test_pdf_twin_has_the_same_speakers_and_the_same_cues_in_order(stem):
    expected()
    fountain = read_script(SAMPLES / f"{stem}.fountain")
    pdf = read_script(SAMPLES / f"{stem}.pdf")
    cues = [e.text for e in fountain.elements if e.kind.value == "character"]
    assert [e.text for e in pdf.elements if e.kind.value == "character"] == cues
    assert sorted((c.name, c.dialogue_blocks) for c in pdf.characters) == sorted(
        (c.name, c.dialogue_blocks) for c in fountain.characters
    )
    assert len(pdf.dual_dialogues) == len(fountain.dual_dialogues)
