"""A leak-day matching test set built from real name lists (tests/models/leak/data/SOURCES.md).

A roster of 10,000 real names (Chinese names from a published corpus, Western names from US
census name files, well-known people with their official English names recorded as aliases),
and a list whose members are written every way a leak writes them (characters simplified and
traditional, pinyin with and without spaces, reordered, Wade-Giles, Hong Kong romanisation,
typos, look-alike characters) and whose non-members are the hard cases: near misses, names that
share a pinyin with an artist, and famous people who are not on the roster.

Everything is generated from the committed samples with a fixed seed.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from opencc import OpenCC

from models.leak import RosterName, spelling
from models.leak.keys import COMPOUND_SURNAMES, confusables, han_syllables, to_simplified
from models.names import romanize

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Item:
    text: str
    truth: int | None  # the artist meant, None: nobody on the roster
    category: str
    member: bool


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def chinese_names() -> list[str]:
    """The corpus sample in simplified characters, each once."""
    return list(dict.fromkeys(to_simplified(_lines("chinese_names_sample.txt"))))


@cache
def census() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    section = ""
    for line in _lines("census_names.txt"):
        if line.startswith("["):
            section = line.strip("[]")
        else:
            out[section].append(line.strip())
    return out


@cache
def famous() -> list[tuple[str, tuple[str, ...]]]:
    return [(p[0], tuple(p[1:])) for p in (line.split("\t") for line in _lines("famous.tsv"))]


def _family_len(name: str) -> int:
    return 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1


def pinyin_parts(name: str) -> tuple[str, str]:
    syllables = han_syllables(name)
    n = _family_len(name)
    return "".join(syllables[:n]).capitalize(), "".join(syllables[n:]).capitalize()


def wade_giles(name: str, marks: bool) -> str:
    syllables = han_syllables(name)
    n = _family_len(name)
    wg = [spelling.wade_giles(s) if marks else spelling.wg_without_marks(s) for s in syllables]
    family = "".join(wg[:n]).capitalize()
    given = "-".join(wg[n:])
    return f"{family} {given.capitalize()}"


@cache
def _s2t() -> OpenCC:
    return OpenCC("s2t")


def hong_kong(name: str) -> str | None:
    trad = _s2t().convert(name)
    readings = [spelling.cantonese_readings(c, 1) for c in trad]
    if not all(readings):
        return None
    first = [r[0] for r in readings]
    n = _family_len(name)
    return f"{''.join(first[:n]).capitalize()} {'-'.join(first[n:]).capitalize()}"


def typo(text: str, rng: random.Random) -> str:
    """One letter dropped, doubled, swapped with the next or replaced (never a space)."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    for _ in range(20):
        i = rng.choice(letters[1:-1] or letters)
        kind = rng.randrange(4)
        if kind == 0:
            out = text[:i] + text[i + 1 :]
        elif kind == 1:
            out = text[:i] + text[i] + text[i:]
        elif kind == 2 and i + 1 < len(text) and text[i + 1].isalpha():
            out = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        else:
            out = text[:i] + rng.choice("aeiounghrlsz") + text[i + 1 :]
        if out.lower() != text.lower():
            return out
    return text + "e"


@dataclass
class TestSet:
    roster: list[RosterName]
    items: list[Item]


def build(size: int = 10_000, seed: int = 7) -> TestSet:
    rng = random.Random(seed)
    pool = chinese_names()
    rng.shuffle(pool := list(pool))
    n_famous = 35
    n_western = size // 5
    n_chinese = size - n_western - n_famous
    roster_chinese = pool[:n_chinese]
    others = pool[n_chinese:]  # real names that are not on the roster
    roster: list[RosterName] = []
    next_id = 1
    for name in roster_chinese:
        roster.append(RosterName(next_id, name, romanize(name)))
        next_id += 1
    names = census()
    western: set[str] = set()
    while len(western) < n_western:
        first = rng.choice(names["female"] + names["male"])
        western.add(f"{first} {rng.choice(names['surnames'])}")
    for name in sorted(western):
        roster.append(RosterName(next_id, name, name))
        next_id += 1
    stars = [f for f in famous() if not f[0].isascii()]
    rng.shuffle(stars)
    on_roster, off_roster = stars[:n_famous], stars[n_famous:]
    famous_ids: dict[str, int] = {}
    for k, (native, latin) in enumerate(on_roster):
        # half have their official English names recorded as aliases, some a stage name
        aliases = latin[:1] if k % 2 == 0 and latin else ()
        roster.append(RosterName(next_id, native, romanize(native), aliases=aliases))
        famous_ids[native] = next_id
        next_id += 1
    by_native = {r.native_name: r.artist_id for r in roster}
    chinese_members = [r for r in roster if r.native_name in set(roster_chinese)]
    western_members = [r for r in roster if r.native_name in western]
    to_trad = _s2t()
    items: list[Item] = []

    def add(text: str, truth: int | None, category: str) -> None:
        items.append(Item(text, truth, category, truth is not None))

    def pick(population: list[RosterName], k: int) -> list[RosterName]:
        return rng.sample(population, k)

    # -- members, written every way -------------------------------------------------------------
    for r in pick(chinese_members, 60):
        add(r.native_name, r.artist_id, "hanzi simplified")
    trad = [r for r in chinese_members if to_trad.convert(r.native_name) != r.native_name]
    for r in pick(trad, 40):
        add(to_trad.convert(r.native_name), r.artist_id, "hanzi traditional")
    for r in pick(chinese_members, 40):
        family, given = pinyin_parts(r.native_name)
        add(f"{family} {given}", r.artist_id, "pinyin spaced")
    for r in pick(chinese_members, 30):
        family, given = pinyin_parts(r.native_name)
        text = f"{family}{given}".lower() if rng.random() < 0.5 else f"{family} {given}".upper()
        add(text, r.artist_id, "pinyin joined or capitals")
    for r in pick(chinese_members, 30):
        family, given = pinyin_parts(r.native_name)
        add(f"{given} {family}", r.artist_id, "pinyin reordered")
    for r in pick(chinese_members, 25):
        add(wade_giles(r.native_name, marks=rng.random() < 0.5), r.artist_id, "Wade-Giles")
    hk = [(r, hong_kong(r.native_name)) for r in pick(chinese_members, 60)]
    for r, text in [x for x in hk if x[1]][:25]:
        add(str(text), r.artist_id, "Hong Kong romanisation")
    for r in pick(chinese_members, 30):
        family, given = pinyin_parts(r.native_name)
        add(typo(f"{family} {given}", rng), r.artist_id, "pinyin typo")
    for r in pick(chinese_members, 15):
        family, given = pinyin_parts(r.native_name)
        add(typo(f"{given} {family}", rng), r.artist_id, "pinyin typo reordered")
    table = confusables()
    look = [r for r in chinese_members if any(c in table for c in r.native_name[1:])]
    for r in pick(look, 25):
        i = rng.choice([i for i, c in enumerate(r.native_name) if c in table and i > 0])
        variant = r.native_name[:i] + rng.choice(table[r.native_name[i]]) + r.native_name[i + 1 :]
        if variant not in by_native:
            add(variant, r.artist_id, "hanzi look-alike typo")
    for r in pick(western_members, 30):
        add(r.native_name if rng.random() < 0.7 else r.native_name.upper(), r.artist_id, "Western")
    for r in pick(western_members, 15):
        add(typo(r.native_name, rng), r.artist_id, "Western typo")
    for r in pick(western_members, 10):
        first, last = r.native_name.split(" ", 1)
        add(f"{last} {first}", r.artist_id, "Western reordered")
    for native, latin in on_roster:
        artist = famous_ids[native]
        add(native, artist, "famous member, characters")
        if latin:
            add(latin[0], artist, "famous member, official English name")

    # -- non-members -------------------------------------------------------------------------
    roster_set = set(by_native)
    by_sound: dict[str, list[str]] = defaultdict(list)
    for r in chinese_members:
        by_sound["".join(han_syllables(r.native_name))].append(r.native_name)
    same_sound = [n for n in others if "".join(han_syllables(n)) in by_sound]
    same_sound = [n for n in same_sound if n not in roster_set]
    rng.shuffle(same_sound)
    for n in same_sound[:30]:
        add(n, None, "same pinyin, characters")
    for n in same_sound[30:60]:
        family, given = pinyin_parts(n)
        add(f"{family} {given}", None, "same pinyin, Latin")
    near: list[str] = []
    chars = "".join(r.native_name for r in chinese_members)
    for r in pick(chinese_members, 200):
        i = rng.randrange(1, len(r.native_name))
        variant = r.native_name[:i] + rng.choice(chars) + r.native_name[i + 1 :]
        if variant not in roster_set and variant[i] not in table.get(r.native_name[i], ()):
            near.append(variant)
    for n in near[:40]:
        add(n, None, "near miss, characters")
    sounds_roster = {
        spelling.letters(spelling.latin_key(" ".join(pinyin_parts(r.native_name))))
        for r in chinese_members
    }
    latin_near = []
    for n in others:
        family, given = pinyin_parts(n)
        letters = spelling.letters(spelling.latin_key(f"{family} {given}"))
        if letters not in sounds_roster:
            latin_near.append(f"{family} {given}")
        if len(latin_near) >= 30:
            break
    for text in latin_near:
        add(text, None, "other real names, Latin")
    for native, latin in off_roster:
        add(native, None, "famous non-member, characters")
        if latin:
            add(latin[0], None, "famous non-member, Latin")
    for name in [f[0] for f in famous() if f[0].isascii()]:
        add(name, None, "famous non-member, Western")
    west_near = []
    surnames = names["surnames"]
    for r in pick(western_members, 200):
        first, last = r.native_name.split(" ", 1)
        similar = [s for s in surnames if s != last and len(s) == len(last) and s[:2] == last[:2]]
        if similar:
            text = f"{first} {rng.choice(similar)}"
            if text not in western:
                west_near.append(text)
    for text in west_near[:25]:
        add(text, None, "Western near miss")
    return TestSet(roster, items)


__all__ = ["Item", "TestSet", "build"]
