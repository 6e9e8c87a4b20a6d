"""The artist form: inline validation, Save only when valid, minors, pinyin suggestion."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models.roster.artist import Artist, ArtistDraft, Stance
from tests.ui.helpers import commit_text
from ui.roster.dialog import ArtistDialog, parse_date, split_list

TODAY = date(2026, 5, 1)


def _dialog(qtbot: QtBot, artist: Artist | None = None) -> ArtistDialog:
    dialog = ArtistDialog(None, artist, on=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_new_form_cannot_be_saved_empty_but_does_not_scold_before_typing(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert not dialog.ok_button.isEnabled()
    assert not dialog.problem_label("native_name").isVisible()

    qtbot.keyClicks(dialog.native_edit, "Emma Hart")
    assert dialog.ok_button.isEnabled()
    dialog.native_edit.selectAll()
    qtbot.keyClick(dialog.native_edit, Qt.Key.Key_Backspace)
    assert not dialog.ok_button.isEnabled()
    label = dialog.problem_label("native_name")
    assert label.isVisible()
    assert label.text() == "a name is required"


def test_future_date_of_birth_is_shown_beside_the_field(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    commit_text(dialog.native_edit, "林晓")
    future = (TODAY + timedelta(days=3)).isoformat()
    qtbot.keyClicks(dialog.dob_edit, future)
    label = dialog.problem_label("date_of_birth")
    assert label.isVisible()
    assert "is in the future" in label.text()
    assert not dialog.ok_button.isEnabled()

    dialog.dob_edit.clear()
    qtbot.keyClicks(dialog.dob_edit, "1994-03-12")
    assert not label.isVisible()
    assert dialog.ok_button.isEnabled()
    assert dialog.draft().date_of_birth == date(1994, 3, 12)


def test_unreadable_date_and_bad_jurisdiction_are_explained(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.native_edit, "Emma Hart")
    qtbot.keyClicks(dialog.dob_edit, "05/31/1990")  # month first: refused, not guessed
    assert "reads day first" in dialog.problem_label("date_of_birth").text()
    assert dialog.problem_label("date_of_birth").isVisible()
    dialog.dob_edit.clear()
    qtbot.keyClicks(dialog.dob_edit, "soon")
    assert "is not a date like 1990-05-31" in dialog.problem_label("date_of_birth").text()
    dialog.dob_edit.clear()
    qtbot.keyClicks(dialog.jurisdiction_combo.lineEdit(), "California")
    assert dialog.problem_label("jurisdiction").isVisible()
    assert "CN, US-CA" in dialog.problem_label("jurisdiction").text()
    assert not dialog.ok_button.isEnabled()
    dialog.jurisdiction_combo.lineEdit().clear()
    qtbot.keyClicks(dialog.jurisdiction_combo.lineEdit(), "us-ca")
    assert dialog.ok_button.isEnabled()
    assert dialog.draft().normalized().jurisdiction == "US-CA"


@pytest.mark.parametrize("text", ["1994-03-12", "1994年3月12日", "1994/3/12", "12.03.1994"])
def test_the_dialog_reads_every_date_form_import_reads(qtbot: QtBot, text: str) -> None:
    dialog = _dialog(qtbot)
    dialog.native_edit.setText("林晓")
    dialog.dob_edit.setText(text)
    dialog.dob_edit.editingFinished.emit()
    assert dialog.draft().date_of_birth == date(1994, 3, 12)
    assert not dialog.problem_label("date_of_birth").isVisible()


def test_death_before_birth_is_refused(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    commit_text(dialog.native_edit, "周慕白")
    qtbot.keyClicks(dialog.dob_edit, "1931-04-18")
    qtbot.keyClicks(dialog.deceased_edit, "1930-01-01")
    assert "before the date of birth" in dialog.problem_label("deceased_on").text()
    assert not dialog.ok_button.isEnabled()
    assert dialog.estate_edit.isEnabled()  # a deceased date opens the estate contact


def test_a_minor_date_of_birth_emphasises_the_guardian(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    commit_text(dialog.native_edit, "王子轩")
    assert not dialog.guardian_hint.isVisible()
    qtbot.keyClicks(dialog.dob_edit, "2010-09-15")
    assert dialog.is_minor
    assert dialog.guardian_hint.isVisible()
    assert dialog.guardian_label.font().bold()
    assert "minor" in dialog.age_hint.text()
    dialog.dob_edit.clear()
    qtbot.keyClicks(dialog.dob_edit, "1990-09-15")
    assert not dialog.is_minor
    assert not dialog.guardian_hint.isVisible()
    assert not dialog.guardian_label.font().bold()
    assert dialog.age_hint.text() == "age 35"


def test_romanised_name_is_suggested_from_pinyin(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    commit_text(dialog.native_edit, "林晓")
    assert dialog.romanized_edit.text() == ""
    assert dialog.romanized_edit.placeholderText().startswith("Lin Xiao")
    assert dialog.draft().normalized().romanized_name == "Lin Xiao"


def test_stance_choice_comes_with_its_caveat(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.stance_note.text() == "A stance is not consent."
    labels = [dialog.stance_combo.itemText(i) for i in range(dialog.stance_combo.count())]
    assert "Open to discuss (not consent)" in labels
    commit_text(dialog.native_edit, "林晓")
    dialog.stance_combo.setCurrentIndex(
        dialog.stance_combo.findData(Stance.OPTED_IN_WITH_CONDITIONS.value)
    )
    assert dialog.draft().ai_stance is Stance.OPTED_IN_WITH_CONDITIONS


def test_editing_prefills_every_field_and_round_trips(qtbot: QtBot) -> None:
    artist = Artist(
        id=7,
        native_name="陈静怡",
        romanized_name="Chen Jingyi",
        stage_names=("Jingyi Chen", "静静"),
        date_of_birth=date(1989, 7, 1),
        deceased_on=None,
        estate_contact="",
        guardian="",
        unions=("SAG-AFTRA", "Equity"),
        jurisdiction="US-CA",
        agent="Rachel Stone",
        contact="+1 555 0100",
        notes="Voice only;\nno de-aging.",
        ai_stance=Stance.OPTED_IN_WITH_CONDITIONS,
        photo_sha256="ab" * 32,
        version=3,
        updated_by="mei",
        updated_at_iso="2026-04-01T09:30:00+00:00",
    )
    dialog = _dialog(qtbot, artist)
    assert dialog.windowTitle() == "Edit 陈静怡 (Chen Jingyi)"
    assert dialog.stage_edit.text() == "Jingyi Chen; 静静"
    assert dialog.ok_button.isEnabled()
    assert dialog.draft() == artist.draft()


def test_tab_order_follows_the_form(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.native_edit.nextInFocusChain() is dialog.romanized_edit
    assert dialog.romanized_edit.nextInFocusChain() is dialog.stage_edit
    assert dialog.stage_edit.nextInFocusChain() is dialog.aliases_edit
    assert dialog.aliases_edit.nextInFocusChain() is dialog.dob_edit


def test_lists_split_on_every_separator_people_use() -> None:
    assert split_list("小林; Kiki ；阿鸣、 ") == ("小林", "Kiki", "阿鸣")
    assert ArtistDraft("x", stage_names=split_list("a;b")).stage_names == ("a", "b")


@given(st.dates(min_value=date(1880, 1, 1), max_value=date(2100, 12, 31)))
def test_parse_date_reads_the_ways_people_write_a_date(d: date) -> None:
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"{d.year}/{d.month}/{d.day}") == d
    assert parse_date(f"{d.year}.{d.month}.{d.day}") == d
    assert parse_date(f"{d.year}年{d.month}月{d.day}日") == d
    assert parse_date(d.strftime("%Y%m%d")) == d


@given(st.text(max_size=12))
def test_parse_date_either_reads_a_date_or_refuses(text: str) -> None:
    try:
        value = parse_date(text)
    except ValueError:
        return
    assert value is None or isinstance(value, date)
    assert value is not None or not text.strip()
