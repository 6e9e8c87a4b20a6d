"""Leak-day matching: a list of 500 names against 1,000 (baseline) and 100,000 artists.

Target (issue 11): matching 500 names against 100,000 artists ≤ 1 s. Issue 14: the name keys
live in an indexed table kept current on write, so matching 100 names is index look-ups, not
a rebuild of the whole index. Reported side by side in one run:

- `leak: 100 names` — what a paste costs now (key table, staleness check included) against the
  baseline of building the in-memory index from the database and matching the same 100;
- `leak: build the in-memory index` — the rebuild the key table avoids;
- `leak: key the whole roster` — the one-time cost after the upgrade (or a big import).

Figures are reported, not asserted; the outcome of every run is checked, so a fast but wrong
matcher fails.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from opencc import OpenCC
from sqlalchemy import insert, select

from models.leak import MatchStatus, NameMatcher, load_roster_names
from models.leak.keystore import bring_up_to_date, refresh_keys
from models.leak.roster_keys import MemoryKeys
from models.names import romanize, search_text, sort_key
from models.storage.database import Database
from models.storage.schema import ArtistRow

SIZES = [1_000, 100_000]
FAMILY = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲芬燕彩春菊凤洁梅琳云莲真雪荣爱香月瑞"
)
WESTERN_FIRST = ["Emma", "Oliver", "Sofia", "Daniel", "Hannah", "Lucas", "Chloe", "Marcus", "Ava"]
WESTERN_LAST = ["Hart", "Okafor", "Marquez", "Brandt", "Reid", "Lindqvist", "Bernard", "Stone"]
# Names that cannot be on the generated roster: characters and words outside its pools.
OTHER_FAMILY = "欧阳司马诸葛上官东方"
OTHER_GIVEN = "翊珩璟瑄昱晟煜骁"
OTHER_WESTERN = ["Quentin Albarran", "Ingrid Sørensen", "Tobias Whitcombe", "Priya Raman"]


def roster_rows(n: int, seed: int = 11) -> list[dict[str, object]]:
    """`n` artists; the first 1,000 are the same for every `n`, so one list fits both."""
    rng = random.Random(seed)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    rows = []
    for i in range(n):
        if i % 6 == 5:
            native = f"{rng.choice(WESTERN_FIRST)} {rng.choice(WESTERN_LAST)} {i}"
            rom = native
        else:
            native = rng.choice(FAMILY) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))
            rom = romanize(native)
        stage = [f"Star{i}"] if i % 10 == 3 else [f"小{native[-1]}{i % 97}"] if i % 10 == 7 else []
        rows.append(
            {
                "native_name": native,
                "romanized_name": rom,
                "stage_names": stage,
                "archived": i % 50 == 49,
                "sort_key": sort_key(native, rom),
                "search_text": search_text(native, rom, stage),
                "created_at": now,
                "updated_at": now,
                "updated_by": "bench",
                "version": 1,
            }
        )
    return rows


def make_roster(path: Path, n: int) -> Path:
    db = Database.open(str(path), actor="bench")
    try:
        with db.write() as s:
            s.execute(insert(ArtistRow), roster_rows(n))
    finally:
        db.close()
    return path


def leak_list(seed: int = 5) -> tuple[str, list[int | None]]:
    """500 names as a leak would print them, and the artist id each one means (None: nobody).

    Drawn from the first 1,000 artists: native names, traditional characters, pinyin,
    full-width capitals, typos, stage names, given-name-first; plus 100 people not on the
    roster, who make the matcher search for near spellings."""
    rng = random.Random(seed)
    rows = roster_rows(1_000)
    to_traditional = OpenCC("s2t")
    chinese = [i for i, r in enumerate(rows) if str(r["native_name"]) != str(r["romanized_name"])]
    with_stage = [i for i, r in enumerate(rows) if r["stage_names"]]
    picks: list[tuple[str, int | None]] = []

    def native(i: int) -> str:
        return str(rows[i]["native_name"])

    def rom(i: int) -> str:
        return str(rows[i]["romanized_name"])

    for i in rng.sample(range(1_000), 150):
        picks.append((native(i), i + 1))
    for i in rng.sample(chinese, 50):
        picks.append((to_traditional.convert(native(i)), i + 1))
    for i in rng.sample(chinese, 60):
        picks.append((rom(i).replace(" ", "").lower(), i + 1))
    for i in rng.sample(range(1_000), 40):
        picks.append(
            ("".join(chr(ord(c) + 0xFEE0) if c != " " else "　" for c in rom(i).upper()), i + 1)
        )
    for i in rng.sample(chinese, 50):
        name = rom(i)
        k = rng.randrange(1, len(name) - 2)
        picks.append((name[:k] + name[k + 1] + name[k] + name[k + 2 :], i + 1))
    for i in rng.sample(with_stage, 30):
        picks.append((str(rows[i]["stage_names"][0]), i + 1))  # type: ignore[index]
    for i in rng.sample(chinese, 20):
        family, given = rom(i).split(" ", 1)
        picks.append((f"{given} {family}", i + 1))
    for _ in range(60):
        picks.append((rng.choice(OTHER_FAMILY) + "".join(rng.choices(OTHER_GIVEN, k=2)), None))
    for k in range(40):
        picks.append((f"{rng.choice(OTHER_WESTERN)} {k}", None))
    rng.shuffle(picks)
    lines = [
        f"{n}. {name}" + ("（演员）" if n % 7 == 0 else "") for n, (name, _) in enumerate(picks, 1)
    ]
    return "\n".join(lines), [artist for _, artist in picks]


@pytest.fixture(scope="module", params=SIZES, ids=lambda n: f"{n}_artists")
def roster_db(request, tmp_path_factory):
    n = request.param
    path = make_roster(tmp_path_factory.mktemp(f"leak{n}") / "bench.sqlite3", n)
    db = Database.open(str(path), actor="bench")
    bring_up_to_date(db)  # rows were inserted raw: key them once, as after the upgrade
    yield n, db
    db.close()


@pytest.fixture(scope="module")
def leak():
    return leak_list()


def check(results, expected: list[int | None]) -> None:
    """Every entry answered in order; the meant artist found for nearly all on-roster names;
    nobody claimed as a match for a name that is not on the roster."""
    assert len(results) == len(expected) == 500
    on_roster = [(r, a) for r, a in zip(results, expected, strict=True) if a is not None]
    found = sum(1 for r, a in on_roster if a in {c.artist_id for c in r.candidates})
    assert found >= 0.95 * len(on_roster), f"only {found} of {len(on_roster)} found"
    wrong = [r for r, a in on_roster if r.status is MatchStatus.MATCHED and r.artist_id != a]
    assert len(wrong) <= 0.01 * len(on_roster), wrong[:5]
    assert not [r for r in wrong if not r.confirm], "a wrong artist named without confirmation"
    strangers = [r for r, a in zip(results, expected, strict=True) if a is None]
    assert not [r for r in strangers if r.status is MatchStatus.MATCHED]


def memory_matcher(db: Database) -> NameMatcher:
    """The baseline: every spelling of every artist indexed in memory, per list."""
    return NameMatcher(MemoryKeys(load_roster_names(db)))


def first_100(text: str, expected: list[int | None]) -> tuple[str, list[int | None]]:
    return "\n".join(text.split("\n")[:100]), expected[:100]


def check_100(results, expected: list[int | None]) -> None:
    assert len(results) == len(expected) == 100
    wrong = [
        r for r, a in zip(results, expected, strict=True)
        if r.status is MatchStatus.MATCHED and not r.confirm and r.artist_id != a
    ]  # fmt: skip
    assert not wrong, wrong[:3]


def test_leak_index_build_in_memory(benchmark, roster_db):
    n, db = roster_db
    benchmark.group = "leak: build the in-memory index (what the key table avoids)"
    matcher = benchmark.pedantic(memory_matcher, args=(db,), rounds=3, iterations=1)
    assert len(matcher) == n


def test_leak_100_names_key_table(benchmark, roster_db, leak):
    _n, db = roster_db
    text, expected = first_100(*leak)
    benchmark.group = "leak: 100 names pasted (table vs rebuild)"

    def paste() -> list:
        return NameMatcher.from_database(db).match_list(text)

    results = benchmark.pedantic(paste, rounds=5, iterations=1)
    check_100(results, expected)


def test_leak_100_names_rebuild_baseline(benchmark, roster_db, leak):
    _n, db = roster_db
    text, expected = first_100(*leak)
    benchmark.group = "leak: 100 names pasted (table vs rebuild)"

    def paste() -> list:
        return memory_matcher(db).match_list(text)

    results = benchmark.pedantic(paste, rounds=3, iterations=1)
    check_100(results, expected)


def test_leak_match_500_names(benchmark, roster_db, leak):
    _n, db = roster_db
    text, expected = leak
    benchmark.group = "leak: match 500 names (key table)"

    def paste() -> list:
        return NameMatcher.from_database(db).match_list(text)

    results = benchmark.pedantic(paste, rounds=3, iterations=1)
    check(results, expected)


def test_leak_key_whole_roster(benchmark, roster_db):
    n, db = roster_db
    benchmark.group = "leak: key the whole roster (once, after the upgrade)"
    with db.read() as s:
        ids = list(s.scalars(select(ArtistRow.id)))

    def key_all() -> int:
        with db.write() as s:
            return refresh_keys(s, ids)

    assert benchmark.pedantic(key_all, rounds=1, iterations=1) == n
