"""`consent-desk consent …` and the audit trail's tamper check, driven through `main.main`."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from main import main
from models.consent.values import CounterpartyDraft, ProjectDraft
from models.parties.service import CounterpartyService
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage import files
from models.storage.database import Database


def run(capsys: pytest.CaptureFixture[str], db_path: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(db_path: Path, tmp_path: Path) -> dict[str, object]:
    """An artist, a platform with a project, and a signed agreement on disk."""
    db = Database.open(str(db_path), actor="tester")
    try:
        artist = RosterService(db).add(ArtistDraft("林晓", jurisdiction="CN"))
        parties = CounterpartyService(db)
        cp = parties.add_counterparty(CounterpartyDraft("星幕视频", "Xingmu Video"))
        project = parties.add_project(ProjectDraft(cp.id, "长夜行"))
    finally:
        db.close()
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(b"%PDF-1.4 signed by Lin Xiao")
    return {"artist": artist.id, "cp": cp.id, "project": project.id, "signed": signed}


def consent_json(desk: dict[str, object], tmp_path: Path, **extra: object) -> Path:
    decided = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    item = {
        "artist_id": desk["artist"],
        "counterparty_id": desk["cp"],
        "project_id": desk["project"],
        "modalities": ["face_likeness", "voice"],
        "uses": ["this_production"],
        "term_start": "2026-01-01",
        "term_end": "2099-12-31",
        "compensation_amount": "80000",
        "compensation_currency": "CNY",
        "signed_separately": True,
        "status": "given",
        "evidence": [{"path": "signed.pdf", "role": "signed_agreement"}],
        "decision": {"decided_by": "林晓", "decided_at": decided, "method": "signed_agreement"},
        **extra,
    }
    path = tmp_path / "consent.json"
    path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    return path


def test_add_list_revoke_and_list_as_of_before_and_after(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    desk: dict[str, object],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    src = consent_json(desk, tmp_path)
    code, out, err = run(capsys, db_path, "consent", "add", "--from-json", str(src), "--json")
    assert (code, err) == (0, "")
    added = json.loads(out)[0]
    assert added["status"] == "given" and added["evidence"][0]["name"] == "signed.pdf"

    code, out, _ = run(capsys, db_path, "consent", "list", str(desk["artist"]), "--json")
    listed = json.loads(out)
    assert code == 0
    assert listed["modalities"]["voice"]["authorised"] is True
    assert listed["modalities"]["de_aging"]["authorised"] is False
    assert "de_aging" in listed["not_authorised"]
    assert listed["projects"][0]["cells"]["face_likeness"]["status"] == "given"
    assert listed["stance"] == "not_asked"

    revoke_day = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
    code, out, _ = run(
        capsys,
        db_path,
        "consent",
        "revoke",
        str(added["id"]),
        "--reason",
        "artist withdrew",
        "--date",
        revoke_day,
    )
    assert code == 0 and "revoked from" in out
    before = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    code, out, _ = run(
        capsys, db_path, "consent", "list", str(desk["artist"]), "--as-of", before, "--json"
    )
    assert json.loads(out)["modalities"]["face_likeness"]["authorised"] is True
    code, out, _ = run(
        capsys, db_path, "consent", "list", str(desk["artist"]), "--as-of", revoke_day, "--json"
    )
    after = json.loads(out)
    assert after["modalities"]["face_likeness"]["authorised"] is False
    assert after["records"][0]["status"] == "revoked"
    assert after["records"][0]["revocation_reason"] == "artist withdrew"

    code, out, _ = run(capsys, db_path, "consent", "list", str(desk["artist"]))
    assert code == 0
    assert "face_likeness" in out and "authorised: #" in out and "NOT authorised" in out
    assert "∞" not in out and "open-ended" not in out.split("until")[0]

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("CONSENT_DESK_LANG", raising=False)
    code, out, _ = run(capsys, db_path, "consent", "list", str(desk["artist"]))
    assert code == 0 and "——截至" in out and "年" in out
    assert "面部肖像" in out and "已授权：#" in out and "未授权" in out
    assert "AI 立场：" in out and "NOT authorised" not in out


def test_list_before_anything_was_recorded_shows_nothing_authorised(
    capsys: pytest.CaptureFixture[str], db_path: Path, desk: dict[str, object], tmp_path: Path
) -> None:
    run(capsys, db_path, "consent", "add", "--from-json", str(consent_json(desk, tmp_path)))
    code, out, _ = run(
        capsys, db_path, "consent", "list", str(desk["artist"]), "--as-of", "2026-01-01", "--json"
    )
    listed = json.loads(out)
    assert code == 0 and listed["records"] == []
    assert len(listed["not_authorised"]) == 9


def test_add_refuses_bad_files_in_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, desk: dict[str, object], tmp_path: Path
) -> None:
    bad = consent_json(desk, tmp_path, term_end="2025-01-01")
    code, out, err = run(capsys, db_path, "consent", "add", "--from-json", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "term_end: the term ends (2025-01-01)" in err
    typo = consent_json(desk, tmp_path, modalitys=["voice"])
    code, _, err = run(capsys, db_path, "consent", "add", "--from-json", str(typo))
    assert code == 2 and "record: unknown field 'modalitys'" in err
    # a list is all or nothing: the second record's problem keeps the first out too
    good = json.loads(consent_json(desk, tmp_path).read_text(encoding="utf-8"))
    broken = {**good, "modalities": ["telepathy"]}
    both = tmp_path / "both.json"
    both.write_text(json.dumps([good, broken]), encoding="utf-8")
    code, _, err = run(capsys, db_path, "consent", "add", "--from-json", str(both))
    assert code == 2 and "record 2: modalities: 'telepathy' is not one of" in err
    missing_decision = {**good, "decision": None}
    both.write_text(json.dumps([good, {**missing_decision}]), encoding="utf-8")
    code, _, err = run(capsys, db_path, "consent", "add", "--from-json", str(both))
    assert code == 2 and "needs the decision" in err
    code, out, _ = run(capsys, db_path, "consent", "list", str(desk["artist"]), "--json")
    assert json.loads(out)["records"] == []


def test_step_by_step_lifecycle_history_and_evidence_check(
    capsys: pytest.CaptureFixture[str], db_path: Path, desk: dict[str, object], tmp_path: Path
) -> None:
    src = consent_json(desk, tmp_path, status="requested", evidence=[])
    del_keys = json.loads(src.read_text(encoding="utf-8"))
    del del_keys["decision"]
    src.write_text(json.dumps(del_keys), encoding="utf-8")
    code, out, _ = run(capsys, db_path, "consent", "add", "--from-json", str(src), "--json")
    rid = str(json.loads(out)[0]["id"])
    code, _, err = run(
        capsys, db_path, "consent", "decide", rid, "--outcome", "given", "--by", "林晓"
    )
    assert code == 2 and "Send it to the artist first" in err
    assert run(capsys, db_path, "consent", "send", rid)[0] == 0
    code, _, err = run(
        capsys, db_path, "consent", "decide", rid, "--outcome", "given", "--by", "林晓"
    )
    assert code == 2 and "attach the signed agreement" in err
    code, out, _ = run(capsys, db_path, "consent", "attach", rid, str(desk["signed"]))
    assert code == 0 and "SHA-256" in out
    code, out, _ = run(
        capsys,
        db_path,
        "consent",
        "decide",
        rid,
        "--outcome",
        "given",
        "--by",
        "林晓",
        "--at",
        "2026-03-01",
    )
    assert code == 0 and "given" in out
    code, out, _ = run(capsys, db_path, "consent", "history", rid, "--json")
    assert [v["version"] for v in json.loads(out)] == [1]
    code, out, _ = run(capsys, db_path, "consent", "verify-evidence", rid)
    assert code == 0 and "intact: 1 file(s)" in out

    db = Database.open(str(db_path))
    sha = json.loads(run(capsys, db_path, "consent", "show", rid, "--json")[1])["evidence"][0][
        "sha256"
    ]
    files.path_for(db, sha).write_bytes(b"forged")
    db.close()
    code, out, _ = run(capsys, db_path, "consent", "verify-evidence", rid)
    assert code == 1 and "BROKEN (changed)" in out


def test_counterparties_projects_stance_and_deadlines(
    capsys: pytest.CaptureFixture[str], db_path: Path, desk: dict[str, object]
) -> None:
    code, out, _ = run(
        capsys, db_path, "consent", "counterparty-add", "青禾影业", "--kind", "producer"
    )
    assert code == 0 and "青禾影业 (Qing Heyingye)" in out
    code, out, _ = run(capsys, db_path, "consent", "counterparties", "--json")
    names = {c["name"]: c for c in json.loads(out)}
    assert names["星幕视频 (Xingmu Video)"]["projects"][0]["title"].startswith("长夜行")
    qinghe = next(c for n, c in names.items() if n.startswith("青禾"))
    code, out, _ = run(capsys, db_path, "consent", "project-add", str(qinghe["id"]), "归途")
    assert code == 0 and "归途" in out
    code, out, _ = run(
        capsys,
        db_path,
        "consent",
        "stance",
        str(desk["artist"]),
        "--set",
        "opted_in_with_conditions",
        "--conditions",
        "voice only",
        "--json",
    )
    assert [e["stance"] for e in json.loads(out)] == ["opted_in_with_conditions"]
    code, _, err = run(
        capsys,
        db_path,
        "consent",
        "stance",
        str(desk["artist"]),
        "--set",
        "opted_in_with_conditions",
    )
    assert code == 2 and "conditions" in err
    code, out, _ = run(capsys, db_path, "consent", "deadlines", "--json")
    assert code == 0 and set(json.loads(out)) == {"expiring", "pending", "short_notice_scans"}


def test_unknown_ids_and_bad_dates_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], db_path: Path, desk: dict[str, object]
) -> None:
    for argv in (
        ("consent", "list", "999"),
        ("consent", "show", "999"),
        ("consent", "list", str(desk["artist"]), "--as-of", "3 April"),
        ("consent", "revoke", "999", "--reason", "x", "--date", "2026-04-03"),
    ):
        code, out, err = run(capsys, db_path, *argv)
        assert code == 2 and out == "" and err.count("\n") == 1, argv


def test_audit_verify_names_the_event_edited_with_raw_sql(
    capsys: pytest.CaptureFixture[str], db_path: Path, desk: dict[str, object], tmp_path: Path
) -> None:
    run(capsys, db_path, "consent", "add", "--from-json", str(consent_json(desk, tmp_path)))
    code, out, _ = run(capsys, db_path, "audit", "verify")
    assert code == 0 and "intact" in out
    con = sqlite3.connect(db_path)
    try:
        event_id, after = con.execute(
            "SELECT id, after FROM audit_event WHERE entity = 'consent_record' AND action = 'give'"
        ).fetchone()
        forged = after.replace('"status":"given"', '"status":"refused"')
        assert forged != after
        con.execute("UPDATE audit_event SET after = ? WHERE id = ?", (forged, event_id))
        con.commit()
    finally:
        con.close()
    code, out, _ = run(capsys, db_path, "audit", "verify")
    assert code == 1
    assert f"BROKEN at event {event_id}" in out


def test_a_time_without_offset_in_a_consent_file_is_the_artists_like_on_the_command_line(
    capsys: pytest.CaptureFixture[str], db_path: Path, desk: dict[str, object], tmp_path: Path
) -> None:
    # 林晓 works in CN: 10:00 without an offset is 10:00 in Shanghai (02:00 UTC), both when a
    # file says it and when `consent decide --at` is given it (models/dates: consent events).
    decision = {"decided_by": "林晓", "decided_at": "2026-04-03T10:00"}
    src = consent_json(desk, tmp_path, decision=decision)
    code, out, err = run(capsys, db_path, "consent", "add", "--from-json", str(src), "--json")
    assert code == 0, err
    (record,) = json.loads(out)
    assert datetime.fromisoformat(record["decision"]["decided_at"]) == datetime(
        2026, 4, 3, 2, 0, tzinfo=UTC
    )
    bad = consent_json(desk, tmp_path, decision={**decision, "decided_at": "April 3rd"})
    code, _, err = run(capsys, db_path, "consent", "add", "--from-json", str(bad))
    assert code == 2 and err.count("\n") == 1
    assert "decided_at: 'April 3rd' is not a date or time" in err
