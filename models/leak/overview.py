"""What the leak table shows for each matched artist: stance, what is authorised now, where
they are merely listed.

The three facts a manager needs before answering the press, taken from the one source each:
the stance and the grants from `state_as_of(now)` (a stance is never consent), the listings
from `ListingService`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from models.clock import utc_now
from models.consent.state import state_as_of
from models.consent.words import Modality
from models.leak.listings import ListingService
from models.roster.artist import Stance
from models.roster.service import RosterService
from models.storage.database import Database


@dataclass(frozen=True)
class GrantLine:
    """One modality authorised now, and to whom (for the tooltip)."""

    modality: Modality
    counterparty: str
    project: str


@dataclass(frozen=True)
class ArtistOverview:
    artist_id: int
    display_name: str
    archived: bool
    stance: Stance
    authorised: tuple[Modality, ...]
    not_authorised: tuple[Modality, ...]
    grants: tuple[GrantLine, ...]
    platforms: tuple[str, ...]  # listed on (implies no consent), from saved listings


def artist_overviews(
    db: Database, artist_ids: Sequence[int], when: datetime | None = None
) -> dict[int, ArtistOverview]:
    """Overviews of the artists that exist (unknown ids are left out)."""
    moment = when or utc_now()
    ids = list(dict.fromkeys(artist_ids))
    artists = RosterService(db).get_many(ids)
    platforms = ListingService(db).platforms_for(list(artists), moment)
    out: dict[int, ArtistOverview] = {}
    for artist_id in ids:
        artist = artists.get(artist_id)
        if artist is None:
            continue
        state = state_as_of(db, artist_id, moment)
        out[artist_id] = ArtistOverview(
            artist_id=artist_id,
            display_name=artist.display_name,
            archived=artist.archived,
            stance=state.stance,
            authorised=state.authorised_modalities(),
            not_authorised=state.not_authorised_modalities(),
            grants=tuple(
                GrantLine(g.modality, g.counterparty_name, g.project_title) for g in state.grants
            ),
            platforms=platforms.get(artist_id, ()),
        )
    return out


__all__ = ["ArtistOverview", "GrantLine", "artist_overviews"]
