"""Which script character is which artist: suggestions a person confirms.

A character is suggested for a requested artist when its cue is one of the artist's names
(native, romanised, stage name, pinyin without tones, with or without spaces, any case —
`LIN XIAO`, `LINXIAO`, `林晓`, `XIAO LIN`, `小林`, via the leak-list name matcher) or when the
producer listed it among the roles the artist plays. A cue that is the name of a roster
artist the proposal does not request (`CHEN JINGYI` for 陈静怡) is suggested too, marked as
not on the proposal: such an artist may be used without being asked. Every suggestion has a
score (0–100) and the form of the name it matched. Nothing is mapped until a person confirms
it; only confirmed mappings count in a check.

AI uses that name nobody the script cues (`A digital double of 陈静怡 walks in.`) are
attributed to the roster artist the line names, so they get a row to map like any cue.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from models.leak.matcher import MATCH_SCORE, MatchStatus, NameMatcher, RosterName
from models.names import display_name, normalize
from models.proposals.roster_names import RosterNames
from models.proposals.values import MappingSuggestion

ROLE_SCORE = 100


def suggest(
    characters: Sequence[str],
    artists: Sequence[RosterName],
    roles: dict[int, tuple[str, ...]],
    roster: RosterNames | None = None,
) -> dict[str, tuple[MappingSuggestion, ...]]:
    """Best first, per character; characters with no candidate are left out.

    `artists`: the requested artists; `roster`: the whole roster, for cues naming an artist
    the proposal does not request (suggested after the requested ones, never "clear")."""
    requested = {a.artist_id for a in artists}
    out: dict[str, tuple[MappingSuggestion, ...]] = {}
    found_by: dict[str, dict[int, MappingSuggestion]] = {c: {} for c in characters}
    if artists:
        _requested(characters, artists, roles, found_by)
    if roster is not None and len(roster):
        _others(characters, roster, requested, found_by)
    for character, found in found_by.items():
        if found:
            ranked = sorted(
                found.values(),
                key=lambda m: (not m.on_proposal, -m.score, not m.clear, m.artist_id),
            )
            out[character] = tuple(ranked)
    return out


def _requested(
    characters: Sequence[str],
    artists: Sequence[RosterName],
    roles: dict[int, tuple[str, ...]],
    found_by: dict[str, dict[int, MappingSuggestion]],
) -> None:
    names = {a.artist_id: _shown(a) for a in artists}
    matcher = NameMatcher(artists, short_latin_names_sure=True)  # a cast, not a whole roster
    by_role: dict[str, list[int]] = {}
    for artist_id, played in roles.items():
        if artist_id not in names:
            continue
        for role in played:
            by_role.setdefault(normalize(role), []).append(artist_id)
    for character in characters:
        found = found_by[character]
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


def _others(
    characters: Sequence[str],
    roster: RosterNames,
    requested: set[int],
    found_by: dict[str, dict[int, MappingSuggestion]],
) -> None:
    named = {c: roster.artists_named(c) - requested for c in characters}
    ids = sorted(set().union(*named.values())) if named else []
    if not ids:
        return
    people = [roster.by_id[i] for i in ids]
    matcher = NameMatcher(people)
    shown = {p.artist_id: _shown(p) for p in people}
    for character, wanted in named.items():
        if not wanted:
            continue
        for c in matcher.match(character).candidates:
            if c.artist_id in wanted and c.score >= MATCH_SCORE:
                suggestion = MappingSuggestion(
                    character,
                    c.artist_id,
                    shown[c.artist_id],
                    c.score,
                    c.kind.value,
                    False,
                    on_proposal=False,
                )
                found_by[character].setdefault(c.artist_id, suggestion)


def named_by_uses(
    roster: RosterNames, uses: Iterable[tuple[int, str]]
) -> dict[int, tuple[str, int]]:
    """For AI uses that concern no cued character, (line, line text) → the roster artist the
    line names: line → (the name as written, in capitals for Latin names; artist id)."""
    out: dict[int, tuple[str, int]] = {}
    for line, text in uses:
        if line in out:
            continue
        hits = roster.named_in(text)
        if hits:
            first = hits[0]
            out[line] = (first.words.upper() if first.words.isascii() else first.words,
                         first.artist_id)  # fmt: skip
    return out


def _shown(a: RosterName) -> str:
    return display_name(a.native_name, a.romanized_name)


__all__ = ["named_by_uses", "suggest"]
