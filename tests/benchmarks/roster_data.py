"""Generated rosters for benchmarks: realistic Chinese and Western names, reproducible."""

from __future__ import annotations

import random
from pathlib import Path

from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database

FAMILY = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙"
    "史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲芬燕彩春菊凤洁梅琳云莲真"
    "雪荣爱香月瑞凡佳嘉琼珍莉叶璐琦晶妍茜秋珊锦青倩婷婉颖露瑶怡雁丹蓉君琴蕊薇梦岚馨韵"
    "悦冰爽宁欣晓欢枫芸菲寒伊亚宜可舒思"
)
WESTERN_FIRST = [
    "Emma",
    "Oliver",
    "Sofia",
    "Daniel",
    "Hannah",
    "Lucas",
    "Chloe",
    "Marcus",
    "Ava",
    "Noah",
]
WESTERN_LAST = [
    "Hart",
    "Okafor",
    "Marquez",
    "Brandt",
    "Reid",
    "Lindqvist",
    "Bernard",
    "Stone",
    "Fox",
]


def drafts(n: int, seed: int = 7) -> list[ArtistDraft]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if i % 5 == 4:
            name = f"{rng.choice(WESTERN_FIRST)} {rng.choice(WESTERN_LAST)}"
        else:
            name = rng.choice(FAMILY) + rng.choice(GIVEN) + rng.choice(GIVEN)[: rng.randint(0, 1)]
        out.append(ArtistDraft(name, jurisdiction=rng.choice(["CN", "US-CA", "GB", "HK"])))
    return out


def roster_csv(path: Path, n: int) -> Path:
    lines = [
        "native_name,romanized_name,stage_name,date_of_birth,jurisdiction,union,ai_stance,notes"
    ]
    for i, d in enumerate(drafts(n)):
        lines.append(f"{d.native_name},,,19{50 + i % 50}-01-{1 + i % 28:02d},{d.jurisdiction},,,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_database(path: Path, n: int) -> Path:
    """A database of `n` artists: 林晓 and Emma Hart, whom the benchmarks look for, and others."""
    db = Database.open(str(path), actor="bench")
    try:
        roster = RosterService(db)
        roster.add(ArtistDraft("林晓", stage_names=("小林",)))
        roster.add(ArtistDraft("Emma Hart"))
        if n > 2:
            roster.add_many(drafts(n - 2))
    finally:
        db.close()
    return path
