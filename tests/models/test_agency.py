"""The letterhead printed on statements: saved for every desk, audited, logo kept safe."""

from __future__ import annotations

import pytest

from models.agency import AgencyProfile, AgencyService
from models.audit.service import AuditService
from models.errors import UserError, ValidationError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_save_and_read_back_with_audit(db):
    svc = AgencyService(db)
    assert svc.get().is_empty
    saved = svc.save(AgencyProfile(" Starlight Talent ", "星光经纪", "12 Film Road"))
    assert saved.name == "Starlight Talent"
    assert svc.get() == saved
    newest = AuditService(db).events()[0]
    assert newest.entity == "setting" and newest.action == "update"


def test_logo_is_copied_into_the_data_folder(db, tmp_path):
    svc = AgencyService(db)
    src = tmp_path / "logo.png"
    src.write_bytes(PNG)
    rel = svc.store_logo(src)
    svc.save(AgencyProfile("Starlight", logo_file=rel))
    src.unlink()  # the original may go; the letterhead keeps its copy
    path = svc.logo_path()
    assert path is not None and path.read_bytes() == PNG


def test_bad_logo_and_bad_text_are_refused(db, tmp_path):
    svc = AgencyService(db)
    fake = tmp_path / "logo.png"
    fake.write_text("not an image")
    with pytest.raises(UserError, match="not a PNG or JPEG"):
        svc.store_logo(fake)
    with pytest.raises(UserError, match="PNG or JPEG file"):
        svc.store_logo(tmp_path / "logo.gif")
    with pytest.raises(ValidationError, match="longer than"):
        svc.save(AgencyProfile("x" * 400))
    assert svc.get().is_empty
