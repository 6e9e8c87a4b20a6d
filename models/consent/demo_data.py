"""The demo agency's counterparties, projects, consent records and stance history.

Data in `resources/demo/demo_consents.json`; every time there is a day offset from the moment
the demo is loaded, and the services run on a clock set to those moments, so the records have
a believable past (as-of views, version history) and the deadlines dashboard has entries.
The audit trail still says truthfully that all of it was entered when the demo was loaded.
Evidence files are small generated PDFs (or text), stored like any real evidence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from models.clock import utc_now
from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.stance import StanceService
from models.consent.values import (
    AgencyRecommendation,
    ArtistDecision,
    CompensationBasis,
    ConsentDraft,
    ConsentRecord,
    CounterpartyDraft,
    CounterpartyKind,
    DecisionMethod,
    DecisionOutcome,
    EvidenceRole,
    ProjectDraft,
    ProjectType,
    Recommendation,
)
from models.consent.words import ConsentStatus, Modality, Use
from models.parties.service import CounterpartyService
from models.resources import resource_path
from models.roster.artist import Artist, Stance
from models.storage.database import Database

DEMO_CONSENTS = resource_path("demo", "demo_consents.json")


@dataclass(frozen=True)
class ConsentDemoSummary:
    counterparties: int
    projects: int
    consents: int
    stance_entries: int


class _Clock:
    """A settable clock: the services read the demo's scripted moments from it."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.now = start

    def at(self, days: float, hours: float = 0) -> datetime:
        self.now = self.start + timedelta(days=days, hours=hours)
        return self.now

    def __call__(self) -> datetime:
        return self.now


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A minimal one-page PDF with ASCII text: enough to stand in for a signed agreement."""

    def esc(s: str) -> str:
        text = s.encode("ascii", "replace").decode("ascii")
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    body = ["BT", "/F1 16 Tf", "72 760 Td", f"({esc(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        body += ["0 -22 Td", f"({esc(line)}) Tj"]
    body.append("ET")
    stream = "\n".join(body).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _evidence(items: list[dict[str, Any]], artist: Artist, scope: str) -> list[EvidenceFile]:
    files = []
    for item in items:
        name = item["name"]
        lines = [
            f"Artist: {artist.romanized_name}",
            f"Scope: {scope}",
            f"Document: {item['role'].replace('_', ' ')}",
            "DEMO DATA - fictional, for trying Consent Desk only.",
        ]
        data = (
            demo_pdf(name, lines)
            if name.endswith(".pdf")
            else ("\n".join([name, *lines]) + "\n").encode("utf-8")
        )
        files.append(EvidenceFile(data, EvidenceRole(item["role"]), name))
    return files


def _terms(item: dict[str, Any], base: ConsentDraft, today: date) -> ConsentDraft:
    """A draft from a JSON item (absent keys keep `base`'s values)."""
    values: dict[str, Any] = {}
    simple = {
        "media": "media",
        "territories": "territories",
        "exclusions": "content_exclusions",
        "alteration_limits": "alteration_limits",
        "sublicensing": "sublicensing_allowed",
        "data_retention": "data_retention",
        "deletion_on_end": "deletion_on_end",
        "revocation_terms": "revocation_terms",
        "counsel": "counsel_represented",
        "union": "union_represented",
        "representative": "representative",
        "signed_separately": "signed_separately",
        "specific_use": "specific_use_description",
    }
    for key, name in simple.items():
        if key in item:
            value = item[key]
            values[name] = tuple(value) if isinstance(value, list) else value
    if "modalities" in item:
        values["modalities"] = tuple(Modality(m) for m in item["modalities"])
    if "uses" in item:
        values["uses"] = tuple(Use(u) for u in item["uses"])
    if "term" in item:
        start, end = item["term"]
        values["term_start"] = today + timedelta(days=start)
        values["term_end"] = today + timedelta(days=end)
    if "compensation" in item:
        comp = item["compensation"]
        values["compensation_amount"] = Decimal(comp["amount"])
        values["compensation_currency"] = comp["currency"]
        values["compensation_basis"] = CompensationBasis(comp["basis"])
    return replace(base, **values)


def load_consent_demo(db: Database, artists: list[Artist]) -> ConsentDemoSummary:
    """Add the demo's consent data for `artists` (run inside `db.transaction()`)."""
    data = json.loads(DEMO_CONSENTS.read_text(encoding="utf-8"))
    by_name = {a.native_name: a for a in artists}
    clock = _Clock(utc_now())
    today = clock.start.date()
    parties = CounterpartyService(db, clock)
    consents = ConsentService(db, clock)
    stances = StanceService(db, clock)

    clock.at(-600)
    cp_ids: dict[str, int] = {}
    project_ids: dict[str, int] = {}
    n_projects = 0
    for cp in data["counterparties"]:
        saved = parties.add_counterparty(
            CounterpartyDraft(
                cp["native_name"],
                cp["romanized_name"],
                CounterpartyKind(cp["kind"]),
                cp.get("notes", ""),
            )
        )
        cp_ids[cp["key"]] = saved.id
        for p in cp["projects"]:
            project = parties.add_project(
                ProjectDraft(
                    saved.id, p["title_native"], p["title_romanized"], ProjectType(p["type"])
                )
            )
            project_ids[p["key"]] = project.id
            n_projects += 1

    n_stances = 0
    scripted = {s["artist"]: s["history"] for s in data["stances"]}
    for artist in artists:
        history = scripted.get(artist.native_name)
        if history is None:
            if artist.ai_stance == Stance.NOT_ASKED:
                continue
            conditions = (
                data["default_conditions"]
                if artist.ai_stance == Stance.OPTED_IN_WITH_CONDITIONS
                else ""
            )
            history = [{"days": -365, "stance": artist.ai_stance.value, "conditions": conditions}]
        for entry in history:
            stances.record(
                artist.id,
                Stance(entry["stance"]),
                entry.get("conditions", ""),
                effective_at=clock.at(entry["days"]),
            )
            n_stances += 1
    clock.at(0)

    n_records = 0
    for item in data["consents"]:
        artist = by_name[item["artist"]]
        project_key = item.get("project")
        base = ConsentDraft(
            artist_id=artist.id,
            counterparty_id=cp_ids[item["counterparty"]],
            project_id=project_ids[project_key] if project_key else None,
        )
        draft = _terms(item, base, today)
        if "scan" in item:
            scan = item["scan"]
            now = clock.start
            draft = replace(
                draft,
                scan_session_at=now + timedelta(hours=scan["session_hours"]),
                scan_notice_at=now + timedelta(hours=scan["notice_hours"]),
            )
        clock.at(item["created"])
        record = consents.create(draft)
        n_records += 1
        scope = f"{item['counterparty']} / {project_key or 'any project'}"
        if "sent" in item:
            clock.at(item["sent"])
            record = consents.send_to_artist(record.id, record.row_version)
        if "recommendation" in item:
            rec = item["recommendation"]
            record = consents.record_recommendation(
                record.id,
                AgencyRecommendation(
                    Recommendation(rec["what"]),
                    rec["by"],
                    clock.at(rec["days"]),
                    rec.get("note", ""),
                ),
                record.row_version,
            )
        record = _decide(consents, clock, record.id, item, artist, scope)
        for amendment in item.get("amendments", ()):
            clock.at(amendment["days"])
            new_terms = _terms(amendment["changes"], record.terms, today)
            record = consents.amend(record.id, new_terms, record.row_version)
            n_records += 1
            record = _decide(consents, clock, record.id, amendment, artist, scope + " (amended)")
        if "revoked" in item:
            rev = item["revoked"]
            when = clock.start + timedelta(days=rev["days"])
            clock.at(rev.get("recorded", rev["days"]))
            for f in _evidence(item.get("revocation_evidence", []), artist, scope):
                consents.attach_evidence(record.id, f)
            record = consents.revoke(
                record.id, rev["reason"], when, record.row_version, revoked_by=rev.get("by", "")
            )
    return ConsentDemoSummary(len(cp_ids), n_projects, n_records, n_stances)


def _decide(
    consents: ConsentService,
    clock: _Clock,
    record_id: int,
    item: dict[str, Any],
    artist: Artist,
    scope: str,
) -> ConsentRecord:
    record = consents.get(record_id)
    decision = item.get("decision")
    if decision is None:
        return record
    decided_at = clock.at(decision["days"])
    for f in _evidence(item.get("evidence", []), artist, scope):
        consents.attach_evidence(record_id, f)
    if record.status == ConsentStatus.REQUESTED:
        record = consents.send_to_artist(record_id, record.row_version)
    clock.at(decision["days"], hours=2)
    return consents.record_decision(
        record_id,
        ArtistDecision(
            DecisionOutcome(decision["outcome"]),
            decision["by"],
            decided_at,
            DecisionMethod(decision.get("method", "signed_agreement")),
        ),
        record.row_version,
    )
