"""Leak day: read a published list of names and match every entry to the roster."""

from models.leak.entries import ListEntry, clean_entry, split_list
from models.leak.files import decode_text, read_list_bytes, read_list_file
from models.leak.matcher import (
    Candidate,
    MatchKind,
    MatchStatus,
    NameMatch,
    NameMatcher,
)
from models.leak.roster_keys import RosterName, load_roster_names

__all__ = [
    "Candidate",
    "ListEntry",
    "MatchKind",
    "MatchStatus",
    "NameMatch",
    "NameMatcher",
    "RosterName",
    "clean_entry",
    "decode_text",
    "load_roster_names",
    "read_list_bytes",
    "read_list_file",
    "split_list",
]
