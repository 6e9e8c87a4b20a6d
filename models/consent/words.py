"""The words of consent (domain.md) and the answer `state_as_of` gives.

These types are shared by the consent records, the rule checker and the statements, so that
"what was authorised on that date" means the same thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from models.messages import render
from models.roster.artist import Stance

STANCE_IS_NOT_CONSENT = (
    render("stance.not_consent", "en"),
    render("stance.not_consent", "zh"),
)


class Modality(StrEnum):
    """What of the person is used."""

    FACE_LIKENESS = "face_likeness"
    BODY_LIKENESS = "body_likeness"
    VOICE = "voice"
    NAME_AND_BIOGRAPHY = "name_and_biography"
    PERFORMANCE_CAPTURE = "performance_capture"
    DIGITAL_DOUBLE_CREATION = "digital_double_creation"
    DE_AGING = "de_aging"
    VOICE_TRANSLATION_DUBBING = "voice_translation_dubbing"
    MODEL_TRAINING = "model_training"

    @property
    def label(self) -> str:
        return MODALITY_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return MODALITY_LABELS[self][1]


MODALITY_LABELS: dict[Modality, tuple[str, str]] = {
    Modality.FACE_LIKENESS: ("Face likeness", "面部肖像"),
    Modality.BODY_LIKENESS: ("Body likeness", "形体肖像"),
    Modality.VOICE: ("Voice", "声音"),
    Modality.NAME_AND_BIOGRAPHY: ("Name and biography", "姓名与生平"),
    Modality.PERFORMANCE_CAPTURE: ("Performance capture", "表演捕捉"),
    Modality.DIGITAL_DOUBLE_CREATION: ("Digital double creation", "数字替身制作"),
    Modality.DE_AGING: ("De-aging", "减龄处理"),
    Modality.VOICE_TRANSLATION_DUBBING: ("Voice translation / dubbing", "声音译配（跨语种配音）"),
    Modality.MODEL_TRAINING: ("Model training", "模型训练"),
}


class ConsentStatus(StrEnum):
    """After W3C DPV consent statuses. `given` records are immutable."""

    REQUESTED = "requested"
    PENDING_ARTIST = "pending_artist"
    GIVEN = "given"
    REFUSED = "refused"
    REVOKED = "revoked"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"


class Use(StrEnum):
    """What the material may be used for."""

    THIS_PRODUCTION = "this_production"
    PROMOTION = "promotion"
    SEQUELS = "sequels"


@dataclass(frozen=True)
class Grant:
    """One `given` consent record in force at the as-of time, seen from one modality."""

    record_id: int
    version: int
    modality: Modality
    counterparty_id: int
    counterparty_name: str  # display form: native (romanised)
    project_id: int | None  # None: any project of this counterparty
    project_title: str  # display form; "" when any project
    uses: tuple[Use, ...]
    media: tuple[str, ...]
    territories: tuple[str, ...]
    term_start: date | None
    term_end: date | None  # None: open-ended (rule R11 flags it)


@dataclass(frozen=True)
class RecordAtTime:
    """A consent record as it stood at the as-of time, whatever its status then."""

    record_id: int
    version: int
    status: (
        ConsentStatus  # derived at the as-of time: expired after term end, revoked after revocation
    )
    modalities: tuple[Modality, ...]
    counterparty_id: int
    counterparty_name: str
    project_id: int | None
    project_title: str
    term_start: date | None
    term_end: date | None
    revoked_at: datetime | None = None
    revocation_reason: str = ""
    in_force: bool = False  # given, inside its term, not revoked/superseded/expired at as_of
    lineage_id: int = 0  # every version of one record shares it (the first version's id)
    supersedes_id: int | None = None
    uses: tuple[Use, ...] = ()
    media: tuple[str, ...] = ()
    territories: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConsentState:
    """What an artist had authorised at one moment: the one answer every feature uses."""

    artist_id: int
    as_of: datetime  # timezone-aware
    stance: Stance
    grants: tuple[Grant, ...]  # every (record, modality) in force at as_of
    records: tuple[RecordAtTime, ...]  # every record that existed at as_of, any status
    stance_conditions: str = ""  # the standing conditions recorded with the stance
    zone: str = "UTC"  # the artist's time zone, in which term days are counted

    def grants_for(self, modality: Modality, project_id: int | None = None) -> tuple[Grant, ...]:
        """Grants covering `modality` (for `project_id`, counting any-project grants)."""
        return tuple(
            g
            for g in self.grants
            if g.modality == modality
            and (project_id is None or g.project_id is None or g.project_id == project_id)
        )

    def authorised_modalities(self) -> tuple[Modality, ...]:
        have = {g.modality for g in self.grants}
        return tuple(m for m in Modality if m in have)

    def not_authorised_modalities(self) -> tuple[Modality, ...]:
        """Every modality with no `given` record in force: what a statement says is NOT allowed."""
        have = {g.modality for g in self.grants}
        return tuple(m for m in Modality if m not in have)
