"""The audit trail of consent work: every write is an event, tampering is found and named."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.audit.chain import canonical_json, event_hash
from models.audit.service import AuditService
from models.consent.evidence import EvidenceFile
from models.consent.words import ConsentStatus
from models.errors import UserError, ValidationError
from models.roster.artist import Stance
from tests.models.consent.conftest import World

texts = st.one_of(st.none(), st.text())


@given(
    seq=st.integers(1, 10**12),
    at=st.text(),
    actor=st.text(),
    entity=st.text(),
    entity_id=st.text(),
    action=st.text(),
    before=texts,
    after=texts,
    prev=st.text(),
)
def test_event_hash_is_sha256_of_the_canonical_json(
    seq: int,
    at: str,
    actor: str,
    entity: str,
    entity_id: str,
    action: str,
    before: str | None,
    after: str | None,
    prev: str,
) -> None:
    body = canonical_json(
        {
            "seq": seq,
            "at": at,
            "actor": actor,
            "entity": entity,
            "entity_id": entity_id,
            "action": action,
            "before": before,
            "after": after,
            "prev": prev,
        }
    )
    expected = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
    try:
        got = event_hash(seq, at, actor, entity, entity_id, action, before, after, prev)
    except UnicodeEncodeError:  # lone surrogates cannot be stored as UTF-8 either way
        return
    assert got == expected


def test_each_step_of_a_consent_is_one_audited_event_in_order(world: World) -> None:
    audit = AuditService(world.db)
    start = audit.count()
    world.stances.record(world.artist.id, Stance.OPEN_TO_DISCUSS)
    r = world.given()
    world.clock.advance(hours=1)
    world.consents.revoke(r.id, "withdrawn", world.clock.now, r.row_version)
    events = list(reversed(audit.events(limit=audit.count() - start)))
    assert [(e.entity, e.action) for e in events] == [
        ("stance_record", "create"),
        ("artist", "stance"),
        ("consent_record", "create"),
        ("consent_record", "send_to_artist"),
        ("stored_file", "store"),
        ("consent_evidence", "attach"),
        ("consent_record", "give"),
        ("consent_record", "revoke"),
    ]
    assert all(e.actor == "tester" for e in events)
    revoke = events[-1]
    assert revoke.changed_fields() == [
        "revocation_reason",
        "revoked_at",
        "revoked_by",
        "row_version",
        "status",
    ]
    assert audit.verify().intact


def test_a_refused_write_leaves_no_event(world: World) -> None:
    audit = AuditService(world.db)
    r = world.consents.create(world.draft(), ConsentStatus.PENDING_ARTIST)
    before = audit.count()
    with pytest.raises(ValidationError):  # given needs evidence
        world.consents.record_decision(r.id, world.decision(), r.row_version)
    with pytest.raises(ValidationError):  # no modality
        world.consents.edit(r.id, world.draft(modalities=()), r.row_version)
    with pytest.raises(UserError):  # pending cannot be revoked
        world.consents.revoke(r.id, "x", world.clock.now, r.row_version)
    assert audit.count() == before


def test_deleted_or_reordered_events_are_found_and_named(world: World, db_path: Path) -> None:
    r = world.given()
    world.consents.attach_evidence(r.id, EvidenceFile(b"more", original_name="more.pdf"))
    audit = AuditService(world.db)
    n = audit.count()
    con = sqlite3.connect(db_path)
    try:
        # two events swapped: the later one now sits where the earlier one was
        con.execute("UPDATE audit_event SET id = -1 WHERE id = ?", (n - 1,))
        con.execute("UPDATE audit_event SET id = ? WHERE id = ?", (n - 1, n - 2))
        con.execute("UPDATE audit_event SET id = ? WHERE id = -1", (n - 2,))
        con.commit()
        report = audit.verify()
        assert (report.intact, report.first_broken) == (False, n - 2)
        con.execute("DELETE FROM audit_event WHERE id = ?", (n - 2,))
        con.commit()
        report = audit.verify()
        assert (report.intact, report.first_broken, report.reason) == (
            False,
            n - 1,
            f"event {n - 2} is missing",
        )
    finally:
        con.close()
