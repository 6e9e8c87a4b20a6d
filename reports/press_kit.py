"""The leak-day press kit: one folder to hand to journalists after the statements are issued.

    PRESS-KIT/
      statements/          the signed statement PDFs, as issued (byte for byte)
      register/            the signed public register with its verify page (verify.html)
      press-note.txt       a bilingual note: which artists deny what, one paragraph each
      press-note.pdf       the same note, every font embedded
      how-to-check.pdf     one page: the verify page's address as a QR code, the steps, the
                           agency's certificate fingerprint

The wording comes from resources/press/press-kit.json, editable like the statement templates.
The note is written from the statements' own signed records (what each says is and is not
authorised), never from the live database, so it cannot say more than the signed PDFs.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from models.agency import AgencyService
from models.clock import utc_now
from models.consent.words import MODALITY_LABELS, Modality
from models.errors import UserError
from models.identity import UnlockedIdentity, fingerprint_display
from models.resources import resource_path
from models.statements.register import RegisteredStatement, StatementRegister
from models.storage.database import Database
from reports.public_register import export_public_register

TEXTS_FILE = resource_path("press", "press-kit.json")
STATEMENTS_DIR = "statements"
REGISTER_DIR = "register"
NOTE_TXT = "press-note.txt"
NOTE_PDF = "press-note.pdf"
SHEET_PDF = "how-to-check.pdf"


@dataclass(frozen=True)
class PressKit:
    folder: Path
    statements: tuple[Path, ...]
    files: tuple[Path, ...]
    verify_url: str


def _texts() -> dict[str, dict[str, Any]]:
    value: dict[str, dict[str, Any]] = json.loads(TEXTS_FILE.read_text(encoding="utf-8"))
    return value


def _modality(code: str, language: str) -> str:
    try:
        en, zh = MODALITY_LABELS[Modality(code)]
    except ValueError:
        return code
    return zh if language == "zh" else en.lower()


def _person(record: dict[str, Any], language: str) -> str:
    subject = record.get("subject", {})
    native, roman = subject.get("native_name", ""), subject.get("romanized_name", "")
    if native and roman and native != roman:
        return f"{native}（{roman}）" if language == "zh" else f"{native} ({roman})"
    return str(native or roman)


def _date(when: datetime, language: str) -> str:
    if language == "zh":
        return f"{when.year}年{when.month}月{when.day}日"
    return f"{when.day} {when:%B %Y}"


def note_paragraphs(
    statements: Sequence[RegisteredStatement],
    language: str,
    agency: str,
    platform: str,
    verify_url: str,
    fingerprint: str,
    when: datetime,
) -> list[str]:
    """The press note in one language, as paragraphs (the title first)."""
    t = _texts()[language]
    sep = "、" if language == "zh" else ", "
    url_part = t["url_part"].format(url=verify_url) if verify_url else ""
    out = [
        t["note_title"],
        t["note_intro"].format(platform=platform, date=_date(when, language), agency=agency),
    ]
    for st in statements:
        record = st.record
        parts = record.get("modalities", [])
        denied = [
            _modality(m["modality"], language) for m in parts if m.get("status") != "authorised"
        ]
        granted = [
            _modality(m["modality"], language) for m in parts if m.get("status") == "authorised"
        ]
        lines: list[str] = []
        if granted:
            lines.append(t["authorised"].format(items=sep.join(granted)))
            if denied:
                lines.append(t["not_authorised"].format(items=sep.join(denied)))
        else:
            lines.append(t["nothing_authorised"])
        lines.append(t["statement_ref"].format(id=st.id, file=st.file_name))
        head = t["artist_line"].format(artist=_person(record, language))
        colon, space = ("：", "") if language == "zh" else (": ", " ")
        out.append(head + colon + space.join(lines))
    out.append(t["note_close"].format(agency=agency, url_part=url_part))
    out.append(t["contact"].format(fingerprint=fingerprint_display(fingerprint)))
    return out


def _pdf(build: Any) -> bytes:
    """A ReportLab document built by `build(doc, styles)`, every font embedded."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from reports.pdf.fonts import register_fonts
    from reports.pdf.styles import paragraph_style

    font = register_fonts()
    black = colors.black
    styles = {
        "title": paragraph_style("t", 15, 20, spaceAfter=8, textColor=black, wordWrap=None),
        "body": paragraph_style("b", 10.5, 15, spaceAfter=6, textColor=black),
        "small": paragraph_style("s", 8.5, 12, textColor=black),
    }
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
        bottomMargin=18 * mm, title="Consent Desk press kit", initialFontName=font,
    )  # fmt: skip
    doc.build(build(styles, mm))
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_note_pdf(english: list[str], chinese: list[str]) -> bytes:
    from reportlab.platypus import Paragraph, Spacer

    def build(styles: dict[str, Any], mm: float) -> list[Any]:
        flow: list[Any] = []
        for paragraphs in (english, chinese):
            flow.append(Paragraph(_escape(paragraphs[0]), styles["title"]))
            flow += [Paragraph(_escape(p), styles["body"]) for p in paragraphs[1:]]
            flow.append(Spacer(1, 8 * mm))
        return flow

    return _pdf(build)


def render_sheet_pdf(verify_url: str, fingerprint: str) -> bytes:
    """The one-page "how to check these statements" sheet, both languages."""
    from reportlab.platypus import ListFlowable, Paragraph, Spacer

    from reports.statements.flowables import QrCode

    texts = _texts()

    def build(styles: dict[str, Any], mm: float) -> list[Any]:
        flow: list[Any] = []
        if verify_url:
            flow += [
                QrCode(verify_url, 38 * mm),
                Paragraph(_escape(verify_url), styles["small"]),
                Spacer(1, 4 * mm),
            ]
        for language in ("en", "zh"):
            t = texts[language]
            url_part = t["url_part"].format(url=verify_url) if verify_url else ""
            flow.append(Paragraph(_escape(t["sheet_title"]), styles["title"]))
            steps = [
                Paragraph(_escape(step.format(url_part=url_part)), styles["body"])
                for step in t["sheet_steps"]
            ]
            flow.append(
                ListFlowable(
                    steps, bulletType="1", leftIndent=12, bulletFontName=styles["body"].fontName
                )
            )
            if not verify_url:
                flow.append(Paragraph(_escape(t["sheet_no_url"]), styles["small"]))
            flow.append(
                Paragraph(
                    _escape(f"{t['sheet_fingerprint']}: {fingerprint_display(fingerprint)}"),
                    styles["small"],
                )
            )
            flow.append(Spacer(1, 6 * mm))
        return flow

    return _pdf(build)


def write_press_kit(
    db: Database,
    identity: UnlockedIdentity,
    statement_ids: Sequence[str],
    folder: Path,
    platform: str,
    now: datetime | None = None,
) -> PressKit:
    """Write the press kit for the statements just issued (leak day) into `folder`."""
    if not statement_ids:
        raise UserError("error.reports.press_kit.there_are_no_statements_put")
    if not platform.strip():
        raise UserError("error.reports.press_kit.name_platform_whose_list_was")
    if folder.exists() and any(folder.iterdir()):
        raise UserError("error.reports.press_kit.folder_not_empty_choose_new", folder=folder)
    register = StatementRegister(db)
    statements = [register.get(i) for i in statement_ids]
    profile = AgencyService(db).get()
    when = (now or utc_now()).astimezone()
    fingerprint = identity.identity.fingerprint
    verify_url = profile.verify_url
    try:
        (folder / STATEMENTS_DIR).mkdir(parents=True, exist_ok=True)
        copied = []
        for st in statements:
            target = folder / STATEMENTS_DIR / st.file_name
            shutil.copyfile(st.stored_path, target)
            copied.append(target)
        export_public_register(db, identity, folder / REGISTER_DIR, now)
        agency_en = profile.name or identity.identity.subject
        agency_zh = profile.name_zh or agency_en
        english = note_paragraphs(
            statements, "en", agency_en, platform, verify_url, fingerprint, when
        )
        chinese = note_paragraphs(
            statements, "zh", agency_zh, platform, verify_url, fingerprint, when
        )
        (folder / NOTE_TXT).write_text(
            "\n\n".join(english) + "\n\n" + "-" * 60 + "\n\n" + "\n\n".join(chinese) + "\n",
            encoding="utf-8",
        )
        (folder / NOTE_PDF).write_bytes(render_note_pdf(english, chinese))
        (folder / SHEET_PDF).write_bytes(render_sheet_pdf(verify_url, fingerprint))
    except OSError as e:
        raise UserError(
            "error.reports.press_kit.cannot_write_press_kit_into",
            folder=folder,
            value=e.strerror or e,
        ) from e
    files = tuple(sorted(p for p in folder.rglob("*") if p.is_file()))
    return PressKit(folder, tuple(copied), files, verify_url)


__all__ = ["PressKit", "note_paragraphs", "render_note_pdf", "render_sheet_pdf", "write_press_kit"]
