"""The demo agency's consent data: a realistic spread, stored evidence, all or nothing."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from models import demo
from models.audit.service import AuditService
from models.clock import utc_now
from models.consent.deadlines import DeadlineService
from models.consent.service import ConsentService
from models.consent.stance import StanceService
from models.consent.state import state_as_of
from models.consent.words import ConsentStatus
from models.roster.artist import Stance
from models.roster.service import RosterService
from models.storage.database import Database

S = ConsentStatus


def test_demo_has_every_status_evidence_and_history(db: Database) -> None:
    summary = demo.load_demo(db)
    assert (summary.artists, summary.counterparties, summary.projects) == (30, 5, 8)
    roster = RosterService(db)
    consents = ConsentService(db)
    now = utc_now()
    records = [
        r for a in roster.search() for r in consents.records_for_artist(a.id, include_history=True)
    ]
    assert len(records) == summary.consents == 13
    shown = Counter(r.status_at(now) for r in records)
    assert {s: shown[s] for s in S} == {
        S.REQUESTED: 2,
        S.PENDING_ARTIST: 2,
        S.GIVEN: 5,
        S.REFUSED: 1,
        S.REVOKED: 1,
        S.EXPIRED: 1,
        S.SUPERSEDED: 1,
    }
    for r in records:
        if r.status in (S.GIVEN, S.SUPERSEDED, S.REVOKED):
            assert r.evidence and consents.verify_evidence(r.id).ok
    assert any(r.project_id is None and r.status == S.GIVEN for r in records)
    assert AuditService(db).verify().intact

    chen = roster.search("陈静怡")[0]
    assert chen.ai_stance == Stance.OPTED_IN_WITH_CONDITIONS
    assert [e.stance for e in StanceService(db).history(chen.id)] == [
        Stance.OPEN_TO_DISCUSS,
        Stance.OPTED_IN_WITH_CONDITIONS,
    ]
    state = state_as_of(db, chen.id, now)
    assert {m.value for m in state.authorised_modalities()} == {
        "face_likeness",
        "voice",
        "voice_translation_dubbing",
    }
    intended = json.loads(demo.DEMO_FILE.read_text(encoding="utf-8"))["artists"]
    by_id = sorted(roster.search(), key=lambda a: a.id)
    assert [a.ai_stance.value for a in by_id] == [d["ai_stance"] for d in intended]
    counts = DeadlineService(db).counts()
    assert (counts.expiring, counts.pending, counts.short_notice_scans) == (1, 1, 1)


def test_demo_is_all_or_nothing(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    real = demo.load_consent_demo

    def failing(tx: Database, artists: list[object]) -> object:
        real(tx, artists)  # type: ignore[arg-type]
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo, "load_consent_demo", failing)
    with pytest.raises(RuntimeError):
        demo.load_demo(db)
    assert RosterService(db).is_empty()
    assert AuditService(db).count() == 0
    monkeypatch.setattr(demo, "load_consent_demo", real)
    assert demo.load_demo(db).artists == 30
