"""Which script character is which requested artist: suggestions a person confirms.

A character is suggested for an artist when its cue is one of the artist's names (native,
romanised, stage name, pinyin — `LIN XIAO`, `林晓`, `XIAO LIN`, `小林`, via the leak-list name
matcher) or when the producer listed it among the roles the artist plays. Nothing is mapped
until a person confirms it; only confirmed mappings count in a check.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.leak.matcher import MatchStatus, NameMatcher, RosterName
from models.names import display_name, normalize
from models.proposals.types import MappingSuggestion

ROLE_SCORE = 100


def suggest(
    characters: Sequence[str],
    artists: Sequence[RosterName],
    roles: dict[int, tuple[str, ...]],
) -> dict[str, tuple[MappingSuggestion, ...]]:
    """Best first, per character; characters with no candidate are left out."""
    if not artists:
        return {}
    names = {a.artist_id: _shown(a) for a in artists}
    matcher = NameMatcher(artists, short_latin_names_sure=True)  # a cast, not a whole roster
    by_role: dict[str, list[int]] = {}
    for artist_id, played in roles.items():
        if artist_id not in names:
            continue
        for role in played:
            by_role.setdefault(normalize(role), []).append(artist_id)
    out: dict[str, tuple[MappingSuggestion, ...]] = {}
    for character in characters:
        found: dict[int, MappingSuggestion] = {}
        cast = by_role.get(normalize(character), [])
        for artist_id in cast:
            found[artist_id] = MappingSuggestion(
                character, artist_id, names[artist_id], ROLE_SCORE, "role", len(cast) == 1
            )
        match = matcher.match(character)
        for n, c in enumerate(match.candidates):
            if c.artist_id in found:
                continue
            clear = match.status is MatchStatus.MATCHED and n == 0 and not cast
            found[c.artist_id] = MappingSuggestion(
                character, c.artist_id, names[c.artist_id], c.score, c.kind.value, clear
            )
        if found:
            ranked = sorted(found.values(), key=lambda m: (-m.score, not m.clear, m.artist_id))
            out[character] = tuple(ranked)
    return out


def _shown(a: RosterName) -> str:
    return display_name(a.native_name, a.romanized_name)


__all__ = ["suggest"]
