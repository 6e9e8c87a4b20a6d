"""Fixed statement records for four demo artists (declined, conditional, minor, deceased).

Everything is fixed (ids, times, fingerprint) so the text a PDF reader extracts is the same
on every run and can be compared with the reviewed golden files in `golden/`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from models.consent.words import ConsentState, ConsentStatus, Grant, Modality, RecordAtTime, Use
from models.roster.artist import Artist, Stance
from models.statements.record import Issuer, StatementKind, build_record

BEIJING = timezone(timedelta(hours=8))
ISSUED = datetime(2026, 12, 7, 10, 30, tzinfo=BEIJING)
ISSUER = Issuer(
    name="Starlight Talent & Co.",
    name_zh="星光经纪",
    address="12 Film Road, Beijing",
    address_zh="北京市电影路12号",
    signer="Starlight Talent & Co.",
    signer_fingerprint="ab" * 32,
    signer_self_signed=True,
    issued_by="李娜",
)

ARTISTS: dict[str, tuple[Artist, Stance]] = {
    "declined": (Artist(id=4, native_name="赵一鸣", romanized_name="Zhao Yiming"), Stance.DECLINED),
    "conditional": (
        Artist(id=2, native_name="陈静怡", romanized_name="Chen Jingyi"),
        Stance.OPTED_IN_WITH_CONDITIONS,
    ),
    "minor": (
        Artist(
            id=3,
            native_name="王子轩",
            romanized_name="Wang Zixuan",
            date_of_birth=date(2010, 9, 15),
            guardian="王丽（母亲）",
        ),
        Stance.NOT_ASKED,
    ),
    "deceased": (
        Artist(
            id=7,
            native_name="周慕白",
            romanized_name="Zhou Mubai",
            date_of_birth=date(1931, 4, 18),
            deceased_on=date(2019, 8, 2),
            estate_contact="周立（儿子）",
        ),
        Stance.NOT_ASKED,
    ),
}
COUNTERPARTY = "青禾影业 (Qinghe Pictures)"
PROJECT = "归途 (Gui Tu)"


def _grant(record_id: int, modality: Modality, end: date | None) -> Grant:
    return Grant(
        record_id=record_id,
        version=1,
        modality=modality,
        counterparty_id=3,
        counterparty_name=COUNTERPARTY,
        project_id=5,
        project_title=PROJECT,
        uses=(Use.THIS_PRODUCTION, Use.PROMOTION),
        media=("cinema", "streaming"),
        territories=("CN", "HK", "MO", "TW"),
        term_start=date(2026, 1, 1),
        term_end=end,
    )


def _revoked() -> RecordAtTime:
    return RecordAtTime(
        record_id=9,
        version=2,
        status=ConsentStatus.REVOKED,
        modalities=(Modality.VOICE, Modality.VOICE_TRANSLATION_DUBBING),
        counterparty_id=4,
        counterparty_name="云梯互娱 (Yunti Interactive)",
        project_id=6,
        project_title="山海 (Shan Hai)",
        term_start=date(2026, 1, 1),
        term_end=None,
        revoked_at=datetime(2026, 9, 28, 16, 0, tzinfo=BEIJING),
        revocation_reason="测试片段超出约定场景",
    )


def state_for(who: str) -> ConsentState:
    artist, stance = ARTISTS[who]
    grants: tuple[Grant, ...] = ()
    if who != "declined":
        end = None if who == "deceased" else date(2027, 12, 7)
        grants = (_grant(11, Modality.FACE_LIKENESS, end), _grant(11, Modality.VOICE, end))
    records = [_revoked()]
    if grants:
        records.insert(
            0,
            RecordAtTime(
                11,
                1,
                ConsentStatus.GIVEN,
                (Modality.FACE_LIKENESS, Modality.VOICE),
                3,
                COUNTERPARTY,
                5,
                PROJECT,
                date(2026, 1, 1),
                grants[0].term_end,
                in_force=True,
            ),
        )
    return ConsentState(
        artist_id=artist.id,
        as_of=ISSUED,
        stance=stance,
        grants=grants,
        records=tuple(records),
    )


def golden_record(
    who: str, kind: StatementKind, languages: tuple[str, ...], show_reason: bool = False
) -> dict[str, Any]:
    artist, _ = ARTISTS[who]
    return build_record(
        state=state_for(who),
        artist=artist,
        kind=kind,
        issuer=ISSUER,
        statement_id="CDS-20261207-0A1B2C3D",
        languages=languages,
        issued_at=ISSUED,
        listings=("AI艺人库 (Platform X)",),
        project_id=5 if kind == StatementKind.PROJECT_CERTIFICATE else None,
        show_reason=show_reason,
    )
