"""`consent-desk proposal import | check | list | report`: the headless review of a proposal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from main import main
from tests.models.proposals.helpers import SCRIPT, today_cn


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _proposal(tmp_path: Path, **changes: Any) -> Path:
    (tmp_path / "scripts").mkdir(exist_ok=True)
    (tmp_path / "scripts" / "long-night.fountain").write_text(SCRIPT, encoding="utf-8")
    today = today_cn().isoformat()
    data: dict[str, Any] = {
        "counterparty": "星幕视频",
        "project": "长夜行",
        "contact": "Zhang Wei <producer@example.com>",
        "received_on": today,
        "respond_by": "2099-01-31",
        "description": "Flashbacks with an AI voice.",
        "labelling_plan": "Visible AI mark on every AI shot, C2PA metadata.",
        "artists": [
            {
                "artist": "林晓",
                "modalities": ["face_likeness"],
                "term_start": today,
                "term_end": today,
                "fee": {"amount": "120000", "currency": "CNY"},
            }
        ],
        "scripts": ["scripts/long-night.fountain"],
        "mapping": {"LIN XIAO": "林晓", "CHEN JINGYI": None},
    }
    data.update(changes)
    path = tmp_path / "proposal.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """The demo agency, loaded once; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(demo_template, path)
    files = demo_template.parent / f"{demo_template.stem}-files"
    if files.exists():
        shutil.copytree(files, tmp_path / "desk-files")
    capsys.readouterr()
    return str(path)


def test_import_then_check_json(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", demo, "proposal", "import", str(_proposal(tmp_path)))
    assert (code, err) == (0, "")
    assert "Imported proposal #1" in out and "3 AI use(s)" in out
    code, out, err = run(capsys, "--db", demo, "proposal", "check", "1", "--json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert set(result) == {"proposal", "findings", "worst"}
    assert result["proposal"] == 1 and result["worst"] == "BLOCK"
    keys = {"rule", "severity", "artist_id", "line", "message", "source"}
    assert all(set(f) == keys for f in result["findings"])
    # 林晓 has face consent for 长夜行 (demo data); the script gives her an AI voice at line 7
    r3 = [f for f in result["findings"] if f["rule"] == "R3"]
    assert {(f["line"], f["severity"]) for f in r3} == {(5, "BLOCK"), (7, "BLOCK")}
    assert result["findings"][0]["severity"] == "BLOCK"


def test_list_and_report(demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", demo, "proposal", "import", str(_proposal(tmp_path)))
    run(capsys, "--db", demo, "proposal", "check", "1")
    code, out, _ = run(capsys, "--db", demo, "proposal", "list", "--json")
    (row,) = json.loads(out)
    assert code == 0 and row["worst"] == "BLOCK" and row["status"] == "received"
    assert row["artists"] == ["林晓 (Lin Xiao)"] and row["deadline"] == "later"
    pdf = tmp_path / "review.pdf"
    code, out, _ = run(
        capsys, "--db", demo, "proposal", "report", "1", "--lang", "en,zh", "--out", str(pdf)
    )
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"artists": [{"artist": "Nobody Here"}]}, "no artist on the roster"),
        ({"scripts": ["missing.fountain"]}, "does not exist"),
        ({"received_on": "01/05/2026"}, "received_on: '01/05/2026' is not a date (YYYY-MM-DD)"),
        ({"artists": [{"artist": "林晓", "modalities": ["smell"]}]}, "'smell' is not one of"),
        ({"mapping": {"NOBODY": "林晓"}}, "not a character"),
        ({"surprise": 1}, "unknown field 'surprise'"),
        ({"project": 99999}, "no project with id 99999"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    demo: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    changes: dict[str, Any],
    message: str,
) -> None:
    code, out, err = run(
        capsys, "--db", demo, "proposal", "import", str(_proposal(tmp_path, **changes))
    )
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err
    assert run(capsys, "--db", demo, "proposal", "list", "--json")[1].strip() == "[]"


def test_broken_json_and_unknown_ids(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"counterparty": ', encoding="utf-8")
    code, _, err = run(capsys, "--db", demo, "proposal", "import", str(bad))
    assert code == 2 and "not valid JSON (line 1" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--db", demo, "proposal", "check", "42", "--json")
    assert code == 2 and "no proposal with id 42" in err
    with pytest.raises(SystemExit) as e:
        main(["--db", demo, "proposal", "check", "x"])
    err = capsys.readouterr().err
    assert e.value.code == 2 and err.count("\n") == 1 and "invalid int value" in err


def test_a_new_counterparty_and_project_are_created(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _proposal(
        tmp_path,
        counterparty={"native_name": "北辰影业", "romanized_name": "Beichen Pictures"},
        project={"title_native": "北辰", "type": "series"},
        mapping={},
        accept_suggested_mapping=True,
    )
    code, out, _ = run(capsys, "--db", demo, "proposal", "import", str(path), "--json")
    assert code == 0
    imported = json.loads(out)
    code, out, _ = run(
        capsys, "--db", demo, "proposal", "check", str(imported["proposal"]), "--json"
    )
    result = json.loads(out)
    # no consent for the new project: LIN XIAO (mapped from the clear suggestion) is blocked
    assert {(f["rule"], f["line"]) for f in result["findings"]} >= {("R1", None), ("R1", 7)}


def test_check_findings_speak_chinese_under_a_chinese_locale(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("CONSENT_DESK_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    run(capsys, "--db", demo, "proposal", "import", str(_proposal(tmp_path)))
    code, out, err = run(capsys, "--db", demo, "proposal", "check", "1")
    assert (code, err) == (0, "")
    lines = out.strip().splitlines()
    assert lines[0].startswith("阻断")  # severity in Chinese, most severe first
    assert "林晓（Lin Xiao）" in out and "《长夜行（Chang Ye Xing）》" in out
    assert "第 5 行" in out and "依据：《民法典》第1019条" in out
    assert lines[-1].startswith("共 ") and "最严重：阻断" in lines[-1]
    assert "finding(s)" not in out and "BLOCK" not in out
    # JSON stays English whatever the locale (scripts read it)
    code, out, _ = run(capsys, "--db", demo, "proposal", "check", "1", "--json")
    assert json.loads(out)["worst"] == "BLOCK"


def test_import_problems_read_in_chinese_by_their_codes(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each problem is rendered from its catalogue code, so the Chinese line has no English
    sentence in it (the problems used to be English sentences matched back to their codes)."""
    monkeypatch.setenv("CONSENT_DESK_LANG", "zh_CN")
    path = _proposal(
        tmp_path,
        scripts=["../outside.fountain"],
        artists=[{"artist": "无此人"}, {"artist": 10**30}],
        mapping={"NOBODY": "林晓"},
    )
    code, out, err = run(capsys, "--db", demo, "proposal", "import", str(path))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err == (
        "consent-desk: 请更正：第 1 行，艺人：艺人名册中没有名为“无此人”的艺人；"
        "第 2 行，艺人：（数值过大） 不是艺人编号；"
        "第 1 行，剧本：“../outside.fountain”离开了该 JSON 文件所在的文件夹（..）；"
        "请把文件放在它旁边；"
        "角色对应：“NOBODY”不是这些剧本中的角色\n"
    )
    monkeypatch.setenv("CONSENT_DESK_LANG", "en")
    code, _, err = run(capsys, "--db", demo, "proposal", "import", str(path))
    assert code == 2 and err == (
        "consent-desk: Please correct: row 1, artist: no artist on the roster is called '无此人'; "
        "row 2, artist: (a number far too large) is not an artist id; "
        "row 1, scripts: '../outside.fountain' leaves the JSON file's folder (..); keep files "
        "beside it; mapping: 'NOBODY' is not a character of the scripts\n"
    )


def test_a_bad_as_of_is_one_line_like_every_command_in_either_language(
    demo: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENT_DESK_LANG", "en")
    code, out, err = run(capsys, "--db", demo, "proposal", "check", "1", "--as-of", "yesterday")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("consent-desk: --as-of: 'yesterday' is not a date or time")
    monkeypatch.setenv("CONSENT_DESK_LANG", "zh_CN")
    code, out, err = run(capsys, "--db", demo, "proposal", "check", "1", "--as-of", "yesterday")
    assert (
        code == 2
        and out == ""
        and err
        == (
            "consent-desk: --as-of：“yesterday”不是有效的日期或时间；"
            "请写成 2026-05-01 或 2026-05-01T09:30+08:00 的格式。\n"
        )
    )
