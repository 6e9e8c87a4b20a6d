"""A fictional agency to try Consent Desk on (`consent-desk demo`, offered on first run)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from models.consent.demo_data import load_consent_demo
from models.errors import UserError
from models.resources import resource_path
from models.roster.artist import ArtistDraft, Stance
from models.roster.service import RosterService
from models.storage.database import Database

DEMO_FILE = resource_path("demo", "demo_agency.json")


@dataclass(frozen=True)
class DemoSummary:
    artists: int
    counterparties: int = 0
    projects: int = 0
    consents: int = 0


def _draft(item: dict[str, Any]) -> ArtistDraft:
    def day(key: str) -> date | None:
        value = item.get(key)
        return date.fromisoformat(value) if value else None

    return ArtistDraft(
        native_name=item["native_name"],
        romanized_name=item.get("romanized_name", ""),
        stage_names=tuple(item.get("stage_names", ())),
        date_of_birth=day("date_of_birth"),
        deceased_on=day("deceased_on"),
        estate_contact=item.get("estate_contact", ""),
        guardian=item.get("guardian", ""),
        unions=tuple(item.get("unions", ())),
        jurisdiction=item.get("jurisdiction", ""),
        agent=item.get("agent", ""),
        contact=item.get("contact", ""),
        notes=item.get("notes", ""),
        ai_stance=Stance(item.get("ai_stance", Stance.NOT_ASKED.value)),
    )


def load_demo(db: Database) -> DemoSummary:
    """Fill an empty database with the demo agency; refuse if it already holds artists.

    Everything (artists, counterparties, consent records, stance history, evidence rows and
    their audit events) is written in one transaction: all of it or nothing.
    """
    if not RosterService(db).is_empty():
        raise UserError("error.demo.database_already_has_artists_demo")
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    drafts = [_draft(a) for a in data["artists"]]
    with db.transaction():
        # Stances are entered with their history (dated entries) by the consent demo.
        added = RosterService(db).add_many([d.replace(ai_stance=Stance.NOT_ASKED) for d in drafts])
        artists = [a.replace(ai_stance=d.ai_stance) for a, d in zip(added, drafts, strict=True)]
        consents = load_consent_demo(db, artists)
    return DemoSummary(
        artists=len(artists),
        counterparties=consents.counterparties,
        projects=consents.projects,
        consents=consents.consents,
    )
