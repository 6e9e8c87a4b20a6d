"""Artists and artist drafts are records (models/records.py): values that compare, hash, copy
and pickle by their fields, cannot be changed in place, and change only through `replace`;
importing them (the window's first paint does) loads no `dataclasses`."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.clock import desk_user
from models.roster.artist import DRAFT_FIELDS, Artist, ArtistDraft, Stance

ROOT = Path(__file__).resolve().parents[3]

LIN = Artist(
    id=7,
    native_name="林晓",
    romanized_name="Lin Xiao",
    stage_names=("小晓",),
    date_of_birth=date(2008, 3, 12),
    unions=("中国影协",),
    jurisdiction="CN",
    guardian="林母",
    notes="minor: guardian signs",
    ai_stance=Stance.OPEN_TO_DISCUSS,
    photo_sha256="ab" * 32,
    version=4,
    updated_by="Mei",
    updated_at_iso="2026-01-02T03:04:05+00:00",
)

# one different value for every field of an artist
CHANGED: dict[str, object] = {
    "id": 8,
    "native_name": "林晓明",
    "romanized_name": "Lin Xiaoming",
    "stage_names": (),
    "date_of_birth": date(2008, 3, 13),
    "deceased_on": date(2030, 1, 1),
    "estate_contact": "Estate of Lin",
    "guardian": "",
    "unions": (),
    "jurisdiction": "US-CA",
    "agent": "Chen",
    "contact": "lin@example.com",
    "notes": "",
    "ai_stance": Stance.DECLINED,
    "photo_sha256": None,
    "archived": True,
    "version": 5,
    "updated_by": "Tom",
    "updated_at_iso": "2026-01-02T03:04:06+00:00",
}


def test_the_changes_below_cover_every_field() -> None:
    assert set(CHANGED) == set(Artist.__slots__)  # the table above names every field


def test_equal_artists_compare_and_hash_equal() -> None:
    twin = Artist(**{name: getattr(LIN, name) for name in Artist.__slots__})
    assert twin == LIN and twin is not LIN
    assert hash(twin) == hash(LIN)
    assert len({LIN, twin}) == 1
    assert LIN.draft() == ArtistDraft(**{name: getattr(LIN, name) for name in DRAFT_FIELDS})


@pytest.mark.parametrize("name", list(CHANGED))
def test_a_changed_field_makes_another_artist(name: str) -> None:
    other = LIN.replace(**{name: CHANGED[name]})
    assert other != LIN
    assert len({LIN, other}) == 2  # a set (and a dict key) tells them apart
    assert getattr(other, name) == CHANGED[name]
    kept = [f for f in Artist.__slots__ if f != name]
    assert [getattr(other, f) for f in kept] == [getattr(LIN, f) for f in kept]
    assert getattr(LIN, name) != CHANGED[name]  # the original is as it was


def test_replace_rejects_unknown_names() -> None:
    with pytest.raises(TypeError, match="no field 'nativ_name'"):
        LIN.replace(nativ_name="x")
    with pytest.raises(TypeError, match="no field 'id'"):
        LIN.draft().replace(id=3)  # a draft has no id: it is not saved yet


def test_an_artist_cannot_be_changed_in_place() -> None:
    with pytest.raises(AttributeError):
        LIN.notes = "changed"
    with pytest.raises(AttributeError):
        LIN.draft().native_name = "changed"
    with pytest.raises(AttributeError):
        del LIN.version
    with pytest.raises(AttributeError):
        LIN.nickname = "x"  # no new attributes either
    assert LIN.notes == "minor: guardian signs" and LIN.version == 4


def test_copy_and_pickle_round_trip() -> None:
    for value in (LIN, LIN.draft()):
        for back in (
            copy.copy(value),
            copy.deepcopy(value),
            pickle.loads(pickle.dumps(value)),
            pickle.loads(pickle.dumps(value, protocol=2)),
        ):
            assert back == value and hash(back) == hash(value)
            assert type(back) is type(value)
            assert repr(back) == repr(value)


def test_positional_and_keyword_construction_agree_with_the_old_defaults() -> None:
    assert Artist(1, "林晓", "Lin Xiao") == Artist(
        id=1,
        native_name="林晓",
        romanized_name="Lin Xiao",
        stage_names=(),
        date_of_birth=None,
        deceased_on=None,
        estate_contact="",
        guardian="",
        unions=(),
        jurisdiction="",
        agent="",
        contact="",
        notes="",
        ai_stance=Stance.NOT_ASKED,
        photo_sha256=None,
        archived=False,
        version=1,
        updated_by="",
        updated_at_iso="",
    )
    values = [getattr(LIN, name) for name in Artist.__slots__]
    assert Artist(*values) == LIN
    assert ArtistDraft("林晓") == ArtistDraft(native_name="林晓", ai_stance=Stance.NOT_ASKED)
    with pytest.raises(TypeError):
        Artist(1, "林晓")  # type: ignore[call-arg]  # the romanised name has no default
    with pytest.raises(TypeError):
        ArtistDraft("林晓", nickname="x")  # type: ignore[call-arg]


def test_repr_names_the_fields_in_order() -> None:
    assert repr(ArtistDraft("Emma Hart", jurisdiction="GB")) == (
        "ArtistDraft(native_name='Emma Hart', romanized_name='', stage_names=(), "
        "date_of_birth=None, deceased_on=None, estate_contact='', guardian='', unions=(), "
        "jurisdiction='GB', agent='', contact='', notes='', "
        "ai_stance=<Stance.NOT_ASKED: 'not_asked'>, photo_sha256=None)"
    )
    assert repr(LIN).startswith("Artist(id=7, native_name='林晓', romanized_name='Lin Xiao', ")


def test_a_draft_is_not_an_artist_with_the_same_values() -> None:
    draft = LIN.draft()
    assert draft != LIN and Artist(1, "a", "a") != ArtistDraft("a", "a")
    assert draft != tuple(getattr(draft, name) for name in ArtistDraft.__slots__)


def test_normalized_and_properties_still_work() -> None:
    draft = ArtistDraft(" 林晓 ", stage_names=(" 小晓 ", " "), jurisdiction=" us-ca ")
    clean = draft.normalized()
    assert clean == ArtistDraft("林晓", "Lin Xiao", ("小晓",), jurisdiction="US-CA")
    assert draft.native_name == " 林晓 "  # normalising makes a new draft
    assert LIN.display_name == "林晓 (Lin Xiao)"
    assert LIN.age(date(2026, 3, 11)) == 17 and LIN.is_minor(date(2026, 3, 11))
    assert not LIN.replace(deceased_on=date(2025, 1, 1)).is_minor(date(2026, 3, 11))
    assert LIN.replace(deceased_on=date(2025, 1, 1)).is_deceased and not LIN.is_deceased


texts = st.sampled_from(["", "林晓", "Lin Xiao", "a"])
drafts = st.builds(
    ArtistDraft,
    native_name=texts,
    romanized_name=texts,
    stage_names=st.lists(texts, max_size=2).map(tuple),
    date_of_birth=st.none() | st.sampled_from([date(1990, 1, 1), date(2008, 3, 12)]),
    notes=texts,
    ai_stance=st.sampled_from(list(Stance)),
)


@given(drafts, drafts)
def test_drafts_are_equal_exactly_when_every_field_is(a: ArtistDraft, b: ArtistDraft) -> None:
    same = all(getattr(a, name) == getattr(b, name) for name in ArtistDraft.__slots__)
    assert (a == b) is same
    if same:
        assert hash(a) == hash(b)
    assert a.replace() == a == pickle.loads(pickle.dumps(a))


def test_importing_the_artist_loads_neither_dataclasses_nor_getpass() -> None:
    """The window's first paint imports the artist: each of these costs 1–2 ms there."""
    code = (
        "import sys, models.roster.artist\n"
        "print(','.join(m for m in ('dataclasses', 'getpass', 'inspect') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_desk_user_is_the_set_name_else_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "mei")
    monkeypatch.setenv("CONSENT_DESK_USER", "  Mei Chen ")
    assert desk_user() == "Mei Chen"
    monkeypatch.setenv("CONSENT_DESK_USER", " ")
    assert desk_user() == "mei"

    def no_login() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_login)
    assert desk_user() == "unknown"
