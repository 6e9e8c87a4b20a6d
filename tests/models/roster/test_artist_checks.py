"""Control characters: refused in names, allowed as tab and newline in notes (property)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.roster.artist import ArtistDraft

TEXT = st.text(st.characters(max_codepoint=0x9FFF), max_size=12)


def _flagged(draft: ArtistDraft, field: str) -> bool:
    return any(
        p.field == field and p.code == "problem.contains_control_characters"
        for p in draft.problems()
    )


@given(TEXT)
def test_a_name_with_any_control_character_is_refused(name: str) -> None:
    draft = ArtistDraft("林晓", romanized_name=name)
    assert _flagged(draft, "romanized_name") == any(ord(c) < 32 for c in name)


@given(TEXT)
def test_notes_may_hold_tabs_and_newlines_but_no_other_control_character(notes: str) -> None:
    draft = ArtistDraft("林晓", notes=notes)
    assert _flagged(draft, "notes") == any(ord(c) < 32 and c not in "\n\t" for c in notes)
