"""The artist as the rest of the app sees it: frozen records, the AI stance and validation."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from models.clock import today
from models.names import display_name, has_han, romanize
from models.records import Record

TYPE_CHECKING = False  # `typing` is for the type checker only (see models/records.py)
if TYPE_CHECKING:  # the errors (and their catalogue) load with the first check, not at start-up
    from typing import Any

    from models.errors import FieldProblem

AGE_OF_MAJORITY = 18
_JURISDICTION = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_CONTROL = re.compile(r"[\x00-\x1f]")  # control characters (a name may hold none)
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f]")  # the same, tab and newline allowed
MAX_NAME = 200


class Stance(StrEnum):
    """The roster-level AI stance. A stance never authorises a use by itself."""

    NOT_ASKED = "not_asked"
    DECLINED = "declined"
    OPEN_TO_DISCUSS = "open_to_discuss"
    OPTED_IN_WITH_CONDITIONS = "opted_in_with_conditions"

    @property
    def label(self) -> str:
        return STANCE_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return STANCE_LABELS[self][1]


STANCE_LABELS: dict[Stance, tuple[str, str]] = {
    Stance.NOT_ASKED: ("Not asked", "未询问"),
    Stance.DECLINED: ("Declined all AI use", "拒绝任何 AI 使用"),
    Stance.OPEN_TO_DISCUSS: ("Open to discuss (not consent)", "愿意洽谈（非同意）"),
    Stance.OPTED_IN_WITH_CONDITIONS: ("Opted in with conditions", "附条件接受（非授权）"),
}


def age_on(born: date, when: date) -> int:
    return when.year - born.year - ((when.month, when.day) < (born.month, born.day))


# What a person fills in, in the order of `ArtistDraft`'s parameters: a draft's fields, and an
# artist's between its id and what saving adds (see models/records.py for records' fields).
DRAFT_FIELDS = (
    "native_name",
    "romanized_name",
    "stage_names",
    "date_of_birth",
    "deceased_on",
    "estate_contact",
    "guardian",
    "unions",
    "jurisdiction",
    "agent",
    "contact",
    "notes",
    "ai_stance",
    "photo_sha256",
)


class ArtistDraft(Record):
    """What a person fills in for an artist; validated before anything is saved."""

    __slots__ = DRAFT_FIELDS
    native_name: str
    romanized_name: str
    stage_names: tuple[str, ...]
    date_of_birth: date | None
    deceased_on: date | None
    estate_contact: str
    guardian: str
    unions: tuple[str, ...]
    jurisdiction: str
    agent: str
    contact: str
    notes: str
    ai_stance: Stance
    photo_sha256: str | None

    def __init__(
        self,
        native_name: str,
        romanized_name: str = "",
        stage_names: tuple[str, ...] = (),
        date_of_birth: date | None = None,
        deceased_on: date | None = None,
        estate_contact: str = "",
        guardian: str = "",
        unions: tuple[str, ...] = (),
        jurisdiction: str = "",
        agent: str = "",
        contact: str = "",
        notes: str = "",
        ai_stance: Stance = Stance.NOT_ASKED,
        photo_sha256: str | None = None,
    ) -> None:
        self._fill(
            native_name,
            romanized_name,
            stage_names,
            date_of_birth,
            deceased_on,
            estate_contact,
            guardian,
            unions,
            jurisdiction,
            agent,
            contact,
            notes,
            ai_stance,
            photo_sha256,
        )

    def normalized(self) -> ArtistDraft:
        """Trimmed values; a missing romanised name is filled from pinyin (or the native name)."""
        native = self.native_name.strip()
        rom = self.romanized_name.strip()
        if not rom and native:
            rom = romanize(native) if has_han(native) else native
        return self.replace(
            native_name=native,
            romanized_name=rom,
            stage_names=tuple(s.strip() for s in self.stage_names if s.strip()),
            unions=tuple(u.strip() for u in self.unions if u.strip()),
            jurisdiction=self.jurisdiction.strip().upper(),
            estate_contact=self.estate_contact.strip(),
            guardian=self.guardian.strip(),
            agent=self.agent.strip(),
            contact=self.contact.strip(),
        )

    def problems(self, row: int | None = None, on: date | None = None) -> list[FieldProblem]:
        """Every reason this draft cannot be saved, in plain words."""
        from models.errors import FieldProblem

        on = on or today()
        out: list[FieldProblem] = []

        def bad(field_name: str, code: str, /, **params: Any) -> None:
            out.append(FieldProblem(field_name, code, row, **params))

        if not self.native_name.strip():
            bad("native_name", "problem.a_name_is_required")
        for name, value in (
            ("native_name", self.native_name),
            ("romanized_name", self.romanized_name),
            *(("stage_name", s) for s in self.stage_names),
        ):
            if len(value) > MAX_NAME:
                bad(name, "problem.is_longer_than_characters", n=MAX_NAME)
            if _CONTROL.search(value):
                bad(name, "problem.contains_control_characters")
        for alias in (*self.stage_names, *self.unions):
            if any(sep in alias for sep in ";；、"):
                bad("stage_name", "problem.contains_a_list_separator_or", item=alias)
        for name, value in (("notes", self.notes), ("contact", self.contact)):
            if _CONTROL_IN_TEXT.search(value):
                bad(name, "problem.contains_control_characters")
        if self.date_of_birth is not None:
            if self.date_of_birth > on:
                bad("date_of_birth", "problem.is_in_the_future")
            elif self.date_of_birth.year < 1880:
                bad("date_of_birth", "problem.is_before_1880")
        if self.deceased_on is not None:
            if self.deceased_on > on:
                bad("deceased_on", "problem.is_in_the_future")
            if self.date_of_birth is not None and self.deceased_on < self.date_of_birth:
                bad("deceased_on", "problem.is_before_the_date_of_birth")
        if self.jurisdiction.strip() and not _JURISDICTION.match(self.jurisdiction.strip().upper()):
            bad("jurisdiction", "problem.must_look_like_cn_us_ca_or")
        return out

    def validated(self, row: int | None = None) -> ArtistDraft:
        from models.errors import ValidationError

        draft = self.normalized()
        problems = draft.problems(row)
        if problems:
            raise ValidationError(problems)
        return draft


class Artist(Record):
    """A saved artist. `version` guards against lost updates between desks."""

    __slots__ = ("id", *DRAFT_FIELDS, "archived", "version", "updated_by", "updated_at_iso")
    id: int
    native_name: str
    romanized_name: str
    stage_names: tuple[str, ...]
    date_of_birth: date | None
    deceased_on: date | None
    estate_contact: str
    guardian: str
    unions: tuple[str, ...]
    jurisdiction: str
    agent: str
    contact: str
    notes: str
    ai_stance: Stance
    photo_sha256: str | None
    archived: bool
    version: int
    updated_by: str
    updated_at_iso: str

    def __init__(
        self,
        id: int,
        native_name: str,
        romanized_name: str,
        stage_names: tuple[str, ...] = (),
        date_of_birth: date | None = None,
        deceased_on: date | None = None,
        estate_contact: str = "",
        guardian: str = "",
        unions: tuple[str, ...] = (),
        jurisdiction: str = "",
        agent: str = "",
        contact: str = "",
        notes: str = "",
        ai_stance: Stance = Stance.NOT_ASKED,
        photo_sha256: str | None = None,
        archived: bool = False,
        version: int = 1,
        updated_by: str = "",
        updated_at_iso: str = "",
    ) -> None:
        self._fill(
            id,
            native_name,
            romanized_name,
            stage_names,
            date_of_birth,
            deceased_on,
            estate_contact,
            guardian,
            unions,
            jurisdiction,
            agent,
            contact,
            notes,
            ai_stance,
            photo_sha256,
            archived,
            version,
            updated_by,
            updated_at_iso,
        )

    @property
    def display_name(self) -> str:
        return display_name(self.native_name, self.romanized_name)

    def age(self, on: date | None = None) -> int | None:
        if self.date_of_birth is None:
            return None
        end = self.deceased_on or on or today()
        return age_on(self.date_of_birth, end)

    def is_minor(self, on: date | None = None) -> bool:
        age = self.age(on)
        return age is not None and self.deceased_on is None and age < AGE_OF_MAJORITY

    @property
    def is_deceased(self) -> bool:
        return self.deceased_on is not None

    def draft(self) -> ArtistDraft:
        """The editable part, e.g. to prefill a form or to undo an edit."""
        return ArtistDraft(
            native_name=self.native_name,
            romanized_name=self.romanized_name,
            stage_names=self.stage_names,
            date_of_birth=self.date_of_birth,
            deceased_on=self.deceased_on,
            estate_contact=self.estate_contact,
            guardian=self.guardian,
            unions=self.unions,
            jurisdiction=self.jurisdiction,
            agent=self.agent,
            contact=self.contact,
            notes=self.notes,
            ai_stance=self.ai_stance,
            photo_sha256=self.photo_sha256,
        )
