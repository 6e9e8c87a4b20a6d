"""Journey 1, "Leak day", at service and command-line level.

A news story names 14 of the demo agency's artists (Chinese, pinyin without spaces,
traditional characters, stage names, a typo). The list is matched, saved as a listing, and a
signed bilingual statement is issued for every one; each verifies offline and names the
platform. Then one artist revokes a consent: the statement goes out of date, is re-issued,
and the published register tells a journalist that the first one was superseded.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from main import main
from models.clock import utc_now
from models.consent.service import ConsentService
from models.consent.words import ConsentStatus
from models.demo import load_demo
from models.leak import MatchStatus, NameMatcher
from models.leak.listings import ListingDraft, ListingService, entries_from_matches
from models.roster.service import RosterService
from models.statements.register import StatementRegister
from models.storage.database import Database
from reports.leak_statements import issue_leak_statements, summary_rows, write_summary
from reports.public_register import export_public_register
from reports.statements.service import StatementRequest, StatementService
from reports.verify import verify_statement
from tests.shared_identity import install, unlocked_identity

PLATFORM = "星幕 AI 艺人库 (Xingmu AI Artist Library)"
LEAKED = """星幕视频“AI艺人库”首批名单：
1. 林晓（主演）
2. Chen Jingyi
3. 王子軒
4. 阿鸣
5. liuyutong
6. 孙浩然、Zhou Mubia、Kiki Wu
郑凯文; He Xiaotong
• Rainy Huang
杨若曦
Emma Hart
Marcus Reid
14. 何晓彤
15. 张伟（导演）
"""
EXPECTED = [
    "林晓",
    "陈静怡",
    "王子轩",  # traditional characters
    "赵一鸣",  # stage name
    "刘雨桐",  # pinyin without spaces
    "孙浩然",
    "周慕白",  # typo
    "吴思琪",  # English stage name
    "郑凯文",
    "何晓彤",
    "黄诗雨",
    "杨若曦",
    "Emma Hart",
    "Marcus Reid",
]


@pytest.fixture
def agency(db: Database) -> Database:
    load_demo(db)
    install(db)
    return db


def test_leak_day_from_pasted_list_to_published_register(agency: Database, tmp_path: Path, capsys):
    db = agency
    matches = NameMatcher.from_database(db).match_list(LEAKED)
    # 张伟 is not one of ours; every other entry is (one of them twice).
    named = [m for m in matches if m.status is not MatchStatus.NOT_FOUND]
    assert [m.text for m in matches if m.status is MatchStatus.NOT_FOUND] == ["张伟"]
    roster = RosterService(db)
    ids = {a.native_name: a.id for a in roster.search()}
    assert list(dict.fromkeys(m.candidates[0].native_name for m in named)) == EXPECTED
    assert len(named) == 15
    # Names in Latin letters and the typo wait for the manager, who checks each: all right.
    doubtful = [m.text for m in named if m.confirm]
    assert doubtful == ["Chen Jingyi", "liuyutong", "Zhou Mubia", "He Xiaotong"]
    checked = {m.entry.line for m in named if m.confirm}
    unchecked = entries_from_matches(matches)
    assert sum(d.confirmed for d in unchecked) == 11  # nothing doubtful goes out unchecked

    listing = ListingService(db).save(
        ListingDraft(
            PLATFORM,
            "https://news.example/ai-artists",
            date.today(),
            entries_from_matches(matches, accept_best=True, confirmed_lines=checked),
        )
    )
    artist_ids = list(listing.confirmed_artist_ids)
    assert artist_ids == [ids[n] for n in EXPECTED]

    service = StatementService(db, unlocked_identity())
    folder = tmp_path / "statements"
    folder.mkdir()
    platforms = ListingService(db).platforms_for(artist_ids)
    seen: list[int] = []
    result = issue_leak_statements(
        service,
        artist_ids,
        folder,
        ("en", "zh"),
        platforms,
        progress=lambda done, total, _label: seen.append(done),
    )
    assert not result.cancelled and result.failed == ()
    assert len(result.exported) == 14 and seen[-1] == 14
    for exported in result.exported:
        check = verify_statement(exported.path, db=db)
        assert check.valid and check.in_register and check.status == "current", check.problems
        assert check.record is not None and check.record["language"] == ["en", "zh"]
        assert check.record["listings"][0]["platform"] == PLATFORM
    rows = summary_rows(service, result, platforms)
    csv_path, pdf_path = write_summary(folder, rows, PLATFORM, utc_now())
    table = list(csv.DictReader(io.StringIO(csv_path.read_text("utf-8-sig"))))
    assert len(table) == 14 and {r["outcome"] for r in table} == {"issued"}
    assert pdf_path is not None and pdf_path.stat().st_size > 1000

    # The artist revokes a consent: her statement no longer says what is on record.
    lin = ids["林晓"]
    consents = ConsentService(db)
    given = [r for r in consents.records_for_artist(lin) if r.status is ConsentStatus.GIVEN]
    assert given
    consents.revoke(
        given[0].id,
        "The artist changed her mind",
        utc_now() - timedelta(seconds=1),
        given[0].row_version,
    )
    register = StatementRegister(db)
    stale = register.out_of_date()
    old = next(e for e in result.exported if e.statement.artist_id == lin)
    assert [o.statement.id for o in stale] == [old.statement.id]
    reissued = service.export(
        StatementRequest(lin, listings=ListingService(db).platforms_listed(lin)), folder
    )
    assert reissued.statement.supersedes_id == old.statement.id
    assert register.out_of_date() == []

    public = tmp_path / "public"
    export_public_register(db, unlocked_identity(), public)
    published = json.loads((public / "register.json").read_text("utf-8"))
    by_id = {e["id"]: e for e in published["statements"]}
    assert len(by_id) == 15
    assert by_id[old.statement.id]["status"] == "superseded"
    assert by_id[old.statement.id]["superseded_by"] == reissued.statement.id

    # The journalist has only the PDF and the published folder (no database).
    # They compare the agency's published fingerprint (otherwise: exit 3, register not asked).
    code = main(
        ["statement", "verify", str(old.path), "--register", str(public), "--no-register", "--json"]
    )
    answer = json.loads(capsys.readouterr().out)
    assert code == 3 and answer["in_register"] is None
    fp = ["--fingerprint", answer["fingerprint"]]
    code = main(
        [
            "statement",
            "verify",
            str(old.path),
            "--register",
            str(public),
            "--no-register",
            "--json",
            *fp,
        ]
    )
    answer = json.loads(capsys.readouterr().out)
    assert code == 4 and answer["valid"] is True and answer["verdict"] == "superseded"
    assert answer["superseded"] is True and answer["superseded_by"] == reissued.statement.id
    code = main(
        [
            "statement",
            "verify",
            str(reissued.path),
            "--register",
            str(public),
            "--no-register",
            "--json",
            *fp,
        ]
    )
    answer = json.loads(capsys.readouterr().out)
    assert code == 0 and answer["superseded"] is False and answer["status"] == "current"
