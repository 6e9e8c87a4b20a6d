"""The roster table's search: counted with the query, ids loaded in windows as the view
scrolls, a growing query narrowed in memory; the same rows as the service lists either way."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from models.desk import Desk
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from ui.roster.model import ArtistTableModel, Column
from ui.roster.view import SEARCH_DEBOUNCE_MS

NAMES = ["林晓", "林小雨", "陈静怡", "王芳", "Emma Hart", "Lin Hart", "Linda Marquez", "王林"]


@pytest.fixture
def filled(roster: RosterService) -> RosterService:
    roster.add_many([ArtistDraft(n) for n in NAMES * 5])
    return roster


def _spy(monkeypatch: pytest.MonkeyPatch, roster: RosterService) -> list[str]:
    asked: list[str] = []
    for name in ("search_ids", "search_id_texts", "count_matching"):
        original = getattr(roster, name)

        def spy(*args: object, _original=original, _name=name, **kwargs: object) -> object:
            asked.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(roster, name, spy)
    return asked


def test_debounce_is_short() -> None:
    assert SEARCH_DEBOUNCE_MS <= 80


def test_a_long_list_loads_its_ids_in_windows(
    filled: RosterService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ArtistTableModel, "WINDOW", 7)
    monkeypatch.setattr(ArtistTableModel, "WHOLE", 10)
    model = ArtistTableModel(filled)
    model.load()
    every = filled.search_ids()
    assert model.rowCount() == len(every) == 40
    assert model.listed_count == 7  # only the first window
    assert model.artist_id(20) == every[20]
    assert 21 <= model.listed_count < 40
    shown = model.index(39, Column.NATIVE).data()
    assert shown == filled.get(every[39]).native_name
    assert model.ids == every


def test_a_growing_query_is_narrowed_without_asking_the_database(
    filled: RosterService, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = ArtistTableModel(filled)
    model.load(query="l")
    asked = _spy(monkeypatch, filled)
    for query in ("li", "lin", "lin ", "lin h"):
        model.load(query=query)
        assert model.ids == filled.search_ids(query)
        assert model.query_only
    assert asked == ["search_ids"] * 4  # only the checks above asked
    model.load(query="lin")  # back to a query typed a moment ago: still at hand
    assert asked == ["search_ids"] * 4
    model.load(query="wang")  # another query asks again
    assert "count_matching" in asked


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    typed=st.lists(st.sampled_from(list("linhartwang林晓王 ")), min_size=1, max_size=6),
    archived=st.booleans(),
    long_roster=st.booleans(),
)
def test_typing_lists_the_same_artists_as_the_service(
    qtbot: QtBot,
    filled: RosterService,
    monkeypatch: pytest.MonkeyPatch,
    typed: list[str],
    archived: bool,
    long_roster: bool,
) -> None:
    """Either way: from lists at hand, or (past `WHOLE`) the whole list loaded behind."""
    from tests.ui.helpers import wait_for_tasks

    monkeypatch.setattr(ArtistTableModel, "WHOLE", 10 if long_roster else 20_000)
    model = ArtistTableModel(filled)
    model.load(include_archived=archived)
    wait_for_tasks(qtbot)
    query = ""
    for ch in typed:
        query += ch
        model.load(query=query)
        assert model.ids == filled.search_ids(query, include_archived=archived)
        assert model.rowCount() == len(model.ids)


def test_typing_keeps_the_roster_counts_and_an_edit_updates_them(
    qtbot: QtBot, filled: RosterService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QUndoStack

    from ui.roster.view import RosterView
    from ui.settings import Settings

    view = RosterView(Desk(filled.db), QUndoStack(), Settings.at(qtbot_tmp(qtbot)))
    qtbot.addWidget(view)
    counted: list[int] = []
    original = view.roster.counts

    def spy() -> object:
        counted.append(1)
        return original()

    monkeypatch.setattr(view.roster, "counts", spy)
    qtbot.keyClicks(view.search_edit, "lin")
    view._run_search()
    assert counted == []
    assert "40 active" in view.summary
    view.commit_add(ArtistDraft("林新"))
    assert counted and "41 active" in view.summary


def qtbot_tmp(qtbot: QtBot) -> str:
    import tempfile

    return tempfile.mkdtemp() + "/settings.ini"


def test_backspace_returns_to_a_list_at_hand_and_a_reload_forgets_them(
    filled: RosterService, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = ArtistTableModel(filled)
    for query in ("l", "li", "lin"):
        model.load(query=query)
    asked: list[str] = []
    original = filled.count_matching

    def spy(*args: object, **kwargs: object) -> int:
        asked.append("count")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(filled, "count_matching", spy)
    for query in ("li", "l"):
        model.load(query=query)
        assert model.ids == filled.search_ids(query)
    assert asked == []
    filled.add(ArtistDraft("林新"))
    model.reload()  # another desk saved: everything is asked again
    model.load(query="li")
    assert asked and model.ids == filled.search_ids("li")


def test_a_long_roster_is_narrowed_from_its_whole_list_loaded_in_the_background(
    qtbot: QtBot, filled: RosterService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past `WHOLE` artists the list is loaded in windows; the whole list (ids and texts)
    loads on a worker, then every query, one letter included, is answered from it; a reload
    (an artist added) drops it, so nothing stale is ever listed."""
    from tests.ui.helpers import wait_for_tasks

    monkeypatch.setattr(ArtistTableModel, "WINDOW", 7)
    monkeypatch.setattr(ArtistTableModel, "WHOLE", 10)
    model = ArtistTableModel(filled)
    model.load()
    assert model.listed_count == 7
    wait_for_tasks(qtbot)
    expected = {q: filled.search_ids(q) for q in ("l", "li", "h", "王", "hart", "")}
    asked = _spy(monkeypatch, filled)
    for query in ("l", "li", "h", "王", "hart", ""):
        model.load(query=query)
        assert model.rowCount() == len(expected[query])
        assert model.ids == expected[query]
    assert asked == []
    filled.add(ArtistDraft("Lily Hart"))
    model.reload()
    model.load(query="h")
    assert "count_matching" in asked  # the whole list was dropped: the database answers
    assert model.ids == filled.search_ids("h")
    assert any(a.native_name == "Lily Hart" for a in filled.get_many(model.ids).values())
