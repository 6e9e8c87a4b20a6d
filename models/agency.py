"""The agency's letterhead: the name (both scripts), address and logo printed on statements.

Stored in the database `setting` table so every desk prints the same letterhead; the logo is
copied into the data folder so a moved or deleted original cannot break an urgent export.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from models.audit.chain import append_event
from models.errors import FieldProblem, UserError, ValidationError
from models.storage.database import Database
from models.storage.schema import SettingRow

SETTING_KEY = "agency.letterhead"
LOGO_FOLDER = "agency"
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_TEXT = 300


@dataclass(frozen=True)
class AgencyProfile:
    """What the letterhead says. `logo_file` is relative to the database's files folder."""

    name: str = ""
    name_zh: str = ""
    address: str = ""
    address_zh: str = ""
    logo_file: str = ""
    verify_url: str = ""  # the agency's published verify page, printed as a QR code

    def problems(self) -> list[FieldProblem]:
        out: list[FieldProblem] = []
        url = self.verify_url
        if url and (not url.startswith("https://") or any(c.isspace() for c in url)):
            out.append(FieldProblem("verify_url", "problem.verify_url_https"))
        if len(url) > MAX_TEXT:
            out.append(FieldProblem("verify_url", "problem.is_longer_than_characters", n=MAX_TEXT))
        for field_name in ("name", "name_zh", "address", "address_zh"):
            value: str = getattr(self, field_name)
            if len(value) > MAX_TEXT:
                out.append(
                    FieldProblem(field_name, "problem.is_longer_than_characters", n=MAX_TEXT)
                )
            if any(ord(c) < 32 and c != "\n" for c in value):
                out.append(FieldProblem(field_name, "problem.contains_control_characters"))
        return out

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.name_zh)


class AgencyService:
    """Reads and saves the letterhead (audited like every other write)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self) -> AgencyProfile:
        with self.db.read() as s:
            row = s.get(SettingRow, SETTING_KEY)
            value: dict[str, Any] = row.value if row is not None and row.value else {}
        known = {k: str(v) for k, v in value.items() if k in AgencyProfile.__dataclass_fields__}
        return AgencyProfile(**known)

    def logo_path(self, profile: AgencyProfile | None = None) -> Path | None:
        """The stored logo, or None when there is none or it went missing."""
        p = profile or self.get()
        if not p.logo_file:
            return None
        path = self.db.location.files_dir / p.logo_file
        return path if path.is_file() else None

    def save(self, profile: AgencyProfile) -> AgencyProfile:
        clean = replace(
            profile,
            name=profile.name.strip(),
            name_zh=profile.name_zh.strip(),
            address=profile.address.strip(),
            address_zh=profile.address_zh.strip(),
            verify_url=profile.verify_url.strip(),
        )
        problems = clean.problems()
        if problems:
            raise ValidationError(problems)
        with self.db.write() as s:
            row = s.get(SettingRow, SETTING_KEY)
            before = dict(row.value) if row is not None and row.value else None
            if row is None:
                row = SettingRow(key=SETTING_KEY, value=asdict(clean))
                s.add(row)
            else:
                row.value = asdict(clean)
            append_event(s, self.db.actor, "setting", SETTING_KEY, "update", before, asdict(clean))
        return clean

    def store_logo(self, source: Path) -> str:
        """Copy a PNG or JPEG into the data folder; returns the `logo_file` to save."""
        if source.suffix.lower() not in LOGO_SUFFIXES:
            raise UserError("error.agency.name_logo_must_png_jpeg", name=source.name)
        try:
            data = source.read_bytes()
        except OSError as e:
            raise UserError(
                "error.agency.cannot_read_logo_source_strerror", source=source, strerror=e.strerror
            ) from e
        if len(data) > MAX_LOGO_BYTES:
            raise UserError("error.agency.name_logo_larger_than_mb", name=source.name)
        if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
            raise UserError("error.agency.name_not_png_jpeg_image", name=source.name)
        folder = self.db.location.files_dir / LOGO_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        name = f"logo-{hashlib.sha256(data).hexdigest()[:16]}{source.suffix.lower()}"
        target = folder / name
        part = target.with_name(name + ".part")
        part.write_bytes(data)
        os.replace(part, target)
        return f"{LOGO_FOLDER}/{name}"


__all__ = ["AgencyProfile", "AgencyService"]
