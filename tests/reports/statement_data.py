"""Shared test data for statements: a signing identity made once, states built by hand, and
real consent records made through the consent services (for the database round trips)."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from models.clock import utc_now
from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.values import (
    ArtistDecision,
    ConsentDraft,
    ConsentRecord,
    CounterpartyDraft,
    CounterpartyKind,
    DecisionOutcome,
    ProjectDraft,
)
from models.consent.words import ConsentState, ConsentStatus, Grant, Modality, RecordAtTime, Use
from models.identity import FOLDER, SigningIdentityService, UnlockedIdentity
from models.parties.service import CounterpartyService
from models.roster.artist import Artist, ArtistDraft, Stance
from models.roster.service import RosterService
from models.statements.record import Issuer, StatementKind, build_record, new_statement_id
from models.storage.database import Database

PASSPHRASE = "correct horse battery"
SHANGHAI = timezone(timedelta(hours=8))
NASTY = "<font size=90> A & B"


def make_identity_folder(root: Path) -> Path:
    """Create one identity in a scratch database; returns its folder (copied into test DBs)."""
    db = Database.open(str(root / "identity.sqlite3"), actor="tester")
    try:
        SigningIdentityService(db).create("Starlight Talent & Co.", PASSPHRASE, "星光经纪")
        return db.location.files_dir / FOLDER
    finally:
        db.close()


def install_identity(db: Database, folder: Path) -> None:
    shutil.copytree(folder, db.location.files_dir / FOLDER)


def unlock_from(folder: Path, scratch: Path) -> UnlockedIdentity:
    db = Database.open(str(scratch / "unlock.sqlite3"), actor="tester")
    try:
        install_identity(db, folder)
        return SigningIdentityService(db).unlock(PASSPHRASE)
    finally:
        db.close()


def issuer_for(identity: UnlockedIdentity, name: str = "Starlight Talent & Co.") -> Issuer:
    ident = identity.identity
    return Issuer(
        name=name,
        name_zh="星光经纪",
        address="12 Film Road, Beijing",
        address_zh="北京市电影路12号",
        signer=ident.subject,
        signer_fingerprint=ident.fingerprint,
        signer_self_signed=ident.self_signed,
        issued_by="tester",
    )


ARTIST = Artist(id=7, native_name="林晓", romanized_name="Lin Xiao")


def grant(
    record_id: int,
    modality: Modality,
    project_id: int | None = 5,
    project: str = "长夜行 (Chang Ye Xing)",
    counterparty_id: int = 3,
) -> Grant:
    return Grant(
        record_id=record_id,
        version=1,
        modality=modality,
        counterparty_id=counterparty_id,
        counterparty_name="星幕视频 (Xingmu Video)",
        project_id=project_id,
        project_title=project if project_id is not None else "",
        uses=(Use.THIS_PRODUCTION, Use.PROMOTION),
        media=("streaming",),
        territories=("CN", "HK"),
        term_start=date(2026, 1, 1),
        term_end=date(2027, 12, 31),
    )


def revoked_record(as_of: datetime) -> RecordAtTime:
    return RecordAtTime(
        record_id=9,
        version=2,
        status=ConsentStatus.REVOKED,
        modalities=(Modality.VOICE,),
        counterparty_id=4,
        counterparty_name="青禾影业 (Qinghe Pictures)",
        project_id=6,
        project_title="归途 (Gui Tu)",
        term_start=date(2026, 1, 1),
        term_end=None,
        revoked_at=as_of - timedelta(days=3),
        revocation_reason="The artist changed her mind",
    )


def rich_state(as_of: datetime, artist_id: int = 7) -> ConsentState:
    """Face and voice for project 5, de-aging for any project of the same counterparty."""
    return ConsentState(
        artist_id=artist_id,
        as_of=as_of,
        stance=Stance.OPEN_TO_DISCUSS,
        grants=(
            grant(11, Modality.FACE_LIKENESS),
            grant(11, Modality.VOICE),
            grant(12, Modality.DE_AGING, project_id=None),
        ),
        records=(
            RecordAtTime(
                11,
                1,
                ConsentStatus.GIVEN,
                (Modality.FACE_LIKENESS, Modality.VOICE),
                3,
                "星幕视频 (Xingmu Video)",
                5,
                "长夜行 (Chang Ye Xing)",
                date(2026, 1, 1),
                date(2027, 12, 31),
            ),
            revoked_record(as_of),
        ),
    )


def record_for(
    identity: UnlockedIdentity,
    kind: StatementKind = StatementKind.POSITION,
    languages: Sequence[str] = ("en", "zh"),
    as_of: datetime | None = None,
    issued_at: datetime | None = None,
    artist: Artist = ARTIST,
    listings: Sequence[str] = ("Platform X AI Artist Library",),
    issuer: Issuer | None = None,
    state: ConsentState | None = None,
) -> dict[str, Any]:
    now = issued_at or datetime.now(SHANGHAI)
    when = as_of or now
    return build_record(
        state=state or rich_state(when, artist.id),
        artist=artist,
        kind=kind,
        issuer=issuer or issuer_for(identity),
        statement_id=new_statement_id(now),
        languages=languages,
        issued_at=now,
        listings=listings,
        project_id=5 if kind == StatementKind.PROJECT_CERTIFICATE else None,
    )


@dataclass
class ConsentWorld:
    """An artist with a counterparty and a project, in a real database."""

    db: Database
    artist: Artist
    counterparty_id: int
    project_id: int
    consents: ConsentService

    def give(self, modalities: Sequence[Modality], project: bool = True) -> ConsentRecord:
        today = utc_now().date()
        draft = ConsentDraft(
            artist_id=self.artist.id,
            counterparty_id=self.counterparty_id,
            project_id=self.project_id if project else None,
            modalities=tuple(modalities),
            uses=(Use.THIS_PRODUCTION,),
            media=("streaming",),
            territories=("CN",),
            term_start=today - timedelta(days=30),
            term_end=today + timedelta(days=365),
            specific_use_description="Face of the lead in episode 3",
            counsel_represented=True,
            signed_separately=True,
        )
        decided = utc_now() - timedelta(minutes=1)
        return self.consents.record_signed(
            draft,
            [EvidenceFile(b"signed agreement", original_name="signed.pdf")],
            ArtistDecision(DecisionOutcome.GIVEN, self.artist.native_name, decided),
        )

    def revoke(self, record: ConsentRecord) -> ConsentRecord:
        return self.consents.revoke(
            record.id,
            "The artist changed her mind",
            utc_now() - timedelta(seconds=1),
            record.row_version,
        )


def consent_world(db: Database, native: str = "林晓", romanized: str = "") -> ConsentWorld:
    artist = RosterService(db).add(ArtistDraft(native, romanized, jurisdiction="CN"))
    parties = CounterpartyService(db)
    cp = parties.add_counterparty(
        CounterpartyDraft("星幕视频", "Xingmu Video", CounterpartyKind.PLATFORM)
    )
    project = parties.add_project(ProjectDraft(cp.id, "长夜行"))
    return ConsentWorld(db, artist, cp.id, project.id, ConsentService(db))


def pdf_text(pdf: bytes) -> str:
    """The text a reader's PDF viewer would copy out (through the fonts' ToUnicode maps)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    """Text without any whitespace: PDF extraction breaks lines wherever the layout did."""
    return "".join(text.split())


def pdffonts_rows(path: Path) -> list[list[str]] | None:
    """Rows of `pdffonts` (None when poppler is not installed)."""
    import subprocess

    exe = shutil.which("pdffonts")
    if exe is None:
        return None
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def unembedded_fonts(pdf: bytes) -> list[str]:
    """Fonts (in pages and annotation appearances) whose program is not inside the file."""
    import io

    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    reader = PdfReader(io.BytesIO(pdf))
    problems: list[str] = []
    seen: set[int] = set()

    def check_resources(res: Any) -> None:
        res = res.get_object() if res is not None else None
        if not isinstance(res, DictionaryObject):
            return
        fonts = res.get("/Font")
        for _, ref in fonts.get_object().items() if fonts is not None else []:
            font = ref.get_object()
            if id(font) in seen:
                continue
            seen.add(id(font))
            targets = [font]
            if font.get("/Subtype") == "/Type0":
                targets = [d.get_object() for d in font["/DescendantFonts"]]
            for f in targets:
                desc = f.get("/FontDescriptor")
                desc = desc.get_object() if desc is not None else None
                if desc is None or not any(
                    k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    problems.append(str(font.get("/BaseFont")))
        xobjects = res.get("/XObject")
        for _, ref in xobjects.get_object().items() if xobjects is not None else []:
            check_resources(ref.get_object().get("/Resources"))

    for page in reader.pages:
        check_resources(page.get("/Resources"))
        for annot in page.get("/Annots") or []:
            ap = annot.get_object().get("/AP")
            if ap is not None:
                normal = ap.get_object().get("/N")
                if normal is not None:
                    check_resources(normal.get_object().get("/Resources"))
    return problems


def quick_identity(name: str, key: Any = None) -> UnlockedIdentity:
    """An identity held in memory only (no key derivation): for forgers and strangers.
    `key`: its private key (default: a new P-256 key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519
    from cryptography.x509.oid import NameOID

    from models.identity import SigningIdentity, fingerprint

    key = key or ec.generate_private_key(ec.SECP256R1())
    hashing = None if isinstance(key, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = utc_now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashing)
    )
    ident = SigningIdentity(
        subject=name,
        fingerprint=fingerprint(cert),
        self_signed=True,
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        source="created",
        created_at="",
        certificate_pem=cert.public_bytes(serialization.Encoding.PEM),
        folder=Path("."),
    )
    return UnlockedIdentity(ident, key, cert, ())


def ca_issued_identity() -> tuple[UnlockedIdentity, Any]:
    """An agency certificate issued by a (test) certificate authority, and that CA."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    from models.identity import SigningIdentity, fingerprint

    now = utc_now()
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Root CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=900))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Starlight Talent")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=300))
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    ident = SigningIdentity(
        subject="Starlight Talent",
        fingerprint=fingerprint(cert),
        self_signed=False,
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        source="imported",
        created_at="",
        certificate_pem=b"",
        folder=Path("."),
    )
    return UnlockedIdentity(ident, key, cert, (ca,)), ca


def ca_bundle(
    key: Any = None, password: bytes | None = b"correct horse", with_key: bool = True
) -> bytes:
    """A PKCS#12 file as a certificate authority would sell it (key + CA-issued cert)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = key or ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bought Agency Cert")])
    issuer = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Some CA")])
    ca_key = ec.generate_private_key(ec.SECP256R1())
    now = utc_now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .sign(ca_key, hashes.SHA256())
    )
    enc = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return pkcs12.serialize_key_and_certificates(
        b"agency", key if with_key else None, cert, None, enc
    )
