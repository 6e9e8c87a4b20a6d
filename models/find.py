"""Find anything by name or id: artists, proposals and statements, for Ctrl+Shift+F.

One query, typed as a person would (林晓, "lin xiao", "Xingmu", "#12", a statement id), is
looked up in every kind of thing the desk keeps; each hit says what it is and how to reach it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.errors import NotFoundError
from models.names import normalize, search_text
from models.proposals.service import ProposalService
from models.roster.artist import Artist
from models.roster.service import RosterService
from models.statements.register import StatementRegister
from models.storage.database import Database

PER_KIND = 10


class HitKind(StrEnum):
    ARTIST = "artist"
    PROPOSAL = "proposal"
    STATEMENT = "statement"


@dataclass(frozen=True)
class Hit:
    kind: HitKind
    key: str  # the artist or proposal id (as text), or the statement id
    text: str  # how the hit reads in a list


def _matches(query: str, *names: str) -> bool:
    compact = query.replace(" ", "")
    for name in names:
        hay = search_text(name, "", [])
        if query in hay or compact in hay.replace(" ", ""):
            return True
    return False


def find_everything(db: Database, query: str, per_kind: int = PER_KIND) -> list[Hit]:
    """Artists (best match first), then proposals, then statements matching `query`."""
    q = normalize(query)
    if not q:
        return []
    number = q.lstrip("#")
    hits: list[Hit] = []
    artists = RosterService(db).find(q, limit=per_kind, include_archived=True)
    if number.isdigit():
        try:
            by_id: Artist | None = RosterService(db).get(int(number))
        except NotFoundError:  # no artist with that id: not a hit
            by_id = None
        if by_id is not None and all(a.id != by_id.id for a in artists):
            artists.insert(0, by_id)
    hits += [Hit(HitKind.ARTIST, str(a.id), f"#{a.id} {a.display_name}") for a in artists]
    proposals = [
        p
        for p in ProposalService(db).list()
        if str(p.id) == number or _matches(q, p.project_title, p.counterparty_name, *p.artist_names)
    ][:per_kind]
    hits += [
        Hit(HitKind.PROPOSAL, str(p.id), f"#{p.id} {p.project_title} — {p.counterparty_name}")
        for p in proposals
    ]
    statements = [
        st
        for st in StatementRegister(db).statements()
        if st.id.lower().startswith(q) or _matches(q, st.artist_display_name, st.file_name)
    ][:per_kind]
    hits += [
        Hit(HitKind.STATEMENT, st.id, f"{st.id} · {st.artist_display_name} · {st.file_name}")
        for st in statements
    ]
    return hits
