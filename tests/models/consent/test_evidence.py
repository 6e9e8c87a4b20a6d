"""Evidence: stored by SHA-256, re-hashed on demand, tampering and loss detected."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from models.audit.service import AuditService
from models.consent.evidence import EvidenceFile
from models.consent.values import EvidenceRole
from models.errors import UserError
from models.storage import files
from tests.models.consent.conftest import World


def test_attached_file_is_copied_by_its_hash_and_registered(world: World, tmp_path: Path) -> None:
    src = tmp_path / "签署协议.pdf"
    src.write_bytes(b"%PDF-1.4 signed by Lin Xiao")
    r = world.consents.create(world.draft())
    e = world.consents.attach_evidence(r.id, EvidenceFile(src))
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    assert (e.sha256, e.original_name, e.size, e.media_type) == (
        digest,
        "签署协议.pdf",
        src.stat().st_size,
        "application/pdf",
    )
    stored = files.path_for(world.db, digest)
    assert stored.read_bytes() == src.read_bytes()
    assert not list(world.db.location.files_dir.rglob("*.part"))
    src.unlink()  # the original may go away; the record keeps its copy
    assert world.consents.verify_evidence(r.id).ok
    assert world.consents.get(r.id).evidence == (e,)
    actions = [(ev.entity, ev.action) for ev in AuditService(world.db).events(limit=2)]
    assert actions == [("consent_evidence", "attach"), ("stored_file", "store")]


def test_the_same_bytes_are_stored_once(world: World) -> None:
    a = world.consents.create(world.draft())
    b = world.consents.create(world.draft())
    e1 = world.consents.attach_evidence(a.id, EvidenceFile(b"same", original_name="a.pdf"))
    e2 = world.consents.attach_evidence(b.id, EvidenceFile(b"same", original_name="b.pdf"))
    assert e1.sha256 == e2.sha256
    assert len([p for p in world.db.location.files_dir.rglob("*") if p.is_file()]) == 1


def test_an_edited_file_is_caught_and_flagged_once(world: World) -> None:
    r = world.given()
    e = r.evidence[0]
    path = files.path_for(world.db, e.sha256)
    path.write_bytes(path.read_bytes() + b" forged")
    report = world.consents.verify_evidence(r.id)
    assert not report.ok
    assert [(c.evidence.sha256, c.problem) for c in report.broken] == [(e.sha256, "changed")]
    assert files.get(world.db, e.sha256).ok is False
    events = AuditService(world.db).count()
    assert not world.consents.verify_evidence(r.id).ok
    assert AuditService(world.db).count() == events  # the verdict did not change: no new event
    assert AuditService(world.db).verify().intact


def test_a_missing_file_is_caught_and_restoring_the_bytes_repairs_it(world: World) -> None:
    r = world.given()
    e = r.evidence[0]
    original = files.path_for(world.db, e.sha256).read_bytes()
    files.path_for(world.db, e.sha256).unlink()
    assert [c.problem for c in world.consents.verify_evidence(r.id).checks] == ["missing"]
    other = world.consents.create(world.draft())
    world.consents.attach_evidence(other.id, EvidenceFile(original, original_name="again.pdf"))
    assert world.consents.verify_evidence(r.id).ok
    assert files.get(world.db, e.sha256).ok


def test_missing_source_file_is_a_clear_error_and_writes_nothing(
    world: World, tmp_path: Path
) -> None:
    r = world.consents.create(world.draft())
    events = AuditService(world.db).count()
    with pytest.raises(UserError, match="Cannot find"):
        world.consents.attach_evidence(r.id, EvidenceFile(tmp_path / "nope.pdf"))
    assert AuditService(world.db).count() == events
    assert world.consents.get(r.id).evidence == ()


def test_evidence_roles_are_kept(world: World) -> None:
    r = world.given()
    world.clock.advance(hours=1)
    r = world.consents.revoke(r.id, "withdrawn", world.clock.now, r.row_version)
    letter = world.consents.attach_evidence(
        r.id,
        EvidenceFile(b"letter", EvidenceRole.REVOCATION_NOTICE, "revocation.txt", "by post"),
    )
    assert letter.role == EvidenceRole.REVOCATION_NOTICE and letter.note == "by post"
    assert [e.role for e in world.consents.get(r.id).evidence] == [
        EvidenceRole.SIGNED_AGREEMENT,
        EvidenceRole.REVOCATION_NOTICE,
    ]
