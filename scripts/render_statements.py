"""Render sample statements to PNG: the README pictures, or every kind × language for review.

    .venv/bin/python scripts/render_statements.py            # docs/screenshots/statement-*.png
    .venv/bin/python scripts/render_statements.py --all DIR  # 4 kinds × en, zh, en+zh in DIR

Uses a fictional artist and a throw-away signing identity (nothing touches a database) and
poppler's `pdftoppm -r 60`; the pages of one statement are placed side by side in one PNG.
Before writing, it checks that every font is embedded (`pdffonts`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402
from PIL import Image  # noqa: E402

from models.consent.words import (  # noqa: E402
    ConsentState,
    ConsentStatus,
    Grant,
    Modality,
    RecordAtTime,
    Use,
)
from models.identity import SigningIdentity, UnlockedIdentity, fingerprint  # noqa: E402
from models.roster.artist import Artist, Stance  # noqa: E402
from models.statements.record import Issuer, StatementKind, build_record  # noqa: E402
from reports.statements.layout import render_statement  # noqa: E402
from reports.statements.signing import pyhanko_signer, sign_statement  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SHANGHAI = timezone(timedelta(hours=8))
ISSUED = datetime(2026, 4, 18, 16, 30, tzinfo=SHANGHAI)
ARTIST = Artist(id=12, native_name="林晓", romanized_name="Lin Xiao")
LANGS = {"en": ("en",), "zh": ("zh",), "bilingual": ("en", "zh")}


def throwaway_identity() -> UnlockedIdentity:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "星光经纪 (Starlight Talent)")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime.now(SHANGHAI) - timedelta(days=1))
        .not_valid_after(datetime.now(SHANGHAI) + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    ident = SigningIdentity(
        subject="星光经纪 (Starlight Talent)",
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


def sample_state(as_of: datetime) -> ConsentState:
    def grant(modality: Modality) -> Grant:
        return Grant(
            record_id=31,
            version=2,
            modality=modality,
            counterparty_id=4,
            counterparty_name="青禾影业 (Qinghe Pictures)",
            project_id=9,
            project_title="归途 (Gui Tu)",
            uses=(Use.THIS_PRODUCTION, Use.PROMOTION),
            media=("cinema", "streaming"),
            territories=("CN", "HK", "SG"),
            term_start=date(2026, 3, 1),
            term_end=date(2027, 2, 28),
        )

    revoked = RecordAtTime(
        record_id=27,
        version=1,
        status=ConsentStatus.REVOKED,
        modalities=(Modality.VOICE,),
        counterparty_id=5,
        counterparty_name="星幕视频 (Xingmu Video)",
        project_id=8,
        project_title="长夜行 (Chang Yexing)",
        term_start=date(2026, 1, 1),
        term_end=date(2026, 12, 31),
        revoked_at=datetime(2026, 4, 2, 10, 0, tzinfo=SHANGHAI),
        revocation_reason="The artist withdrew consent to AI voice cloning",
    )
    return ConsentState(
        artist_id=ARTIST.id,
        as_of=as_of,
        stance=Stance.OPEN_TO_DISCUSS,
        grants=(grant(Modality.FACE_LIKENESS), grant(Modality.DE_AGING)),
        records=(revoked,),
    )


def statement_pdf(kind: StatementKind, languages: tuple[str, ...], historical: bool) -> bytes:
    identity = throwaway_identity()
    as_of = ISSUED - timedelta(days=10) if historical else ISSUED
    issuer = Issuer(
        name="Starlight Talent Agency",
        name_zh="星光经纪有限公司",
        address="18 Film Road, Chaoyang District, Beijing",
        address_zh="北京市朝阳区电影路18号",
        signer=identity.identity.subject,
        signer_fingerprint=identity.identity.fingerprint,
        signer_self_signed=True,
        issued_by="Wang Fang",
    )
    record = build_record(
        state=sample_state(as_of),
        artist=ARTIST,
        kind=kind,
        issuer=issuer,
        statement_id="CDS-20260418-7F3A9C21",
        languages=languages,
        issued_at=ISSUED,
        listings=("Xingmu Video AI Artist Library",),
        project_id=9 if kind == StatementKind.PROJECT_CERTIFICATE else None,
        supersedes="CDS-20260301-1B2C3D4E",
    )
    return sign_statement(render_statement(record), record, pyhanko_signer(identity))


def check_fonts(pdf_path: Path) -> None:
    out = subprocess.run(
        ["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines()[2:]:
        cols = line.split()
        if cols and cols[-5] != "yes":
            raise SystemExit(f"{pdf_path.name}: font not embedded: {line}")


def to_png(pdf: bytes, target: Path) -> None:
    """All pages side by side, rendered by poppler at 60 dpi."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = Path(tmp) / "statement.pdf"
        pdf_path.write_bytes(pdf)
        check_fonts(pdf_path)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(pdf_path), str(Path(tmp) / "page")], check=True
        )
        pages = [Image.open(p) for p in sorted(Path(tmp).glob("page-*.png"))]
        gap = 12
        width = sum(p.width for p in pages) + gap * (len(pages) + 1)
        height = max(p.height for p in pages) + 2 * gap
        sheet = Image.new("RGB", (width, height), (208, 212, 218))
        x = gap
        for p in pages:
            sheet.paste(p, (x, gap))
            x += p.width + gap
        target.parent.mkdir(parents=True, exist_ok=True)
        sheet.save(target, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", metavar="DIR", help="render every kind and language into DIR")
    args = parser.parse_args()
    if args.all:
        folder = Path(args.all)
        for kind in StatementKind:
            for name, langs in LANGS.items():
                for historical in (False, True):
                    suffix = "-historical" if historical else ""
                    to_png(
                        statement_pdf(kind, langs, historical),
                        folder / f"{kind.value}-{name}{suffix}.png",
                    )
        print(f"Rendered {len(StatementKind) * len(LANGS) * 2} statements into {folder}")
        return 0
    to_png(statement_pdf(StatementKind.POSITION, ("en",), False), OUT / "statement-en.png")
    to_png(
        statement_pdf(StatementKind.POSITION, ("en", "zh"), False),
        OUT / "statement-bilingual.png",
    )
    print(f"Wrote {OUT / 'statement-en.png'} and {OUT / 'statement-bilingual.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
