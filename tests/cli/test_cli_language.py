"""The command line tells people what went wrong in Chinese when their locale is Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.language import wants_chinese
from main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CONSENT_DESK_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.mark.parametrize(
    ("env", "chinese"),
    [
        ({}, False),
        ({"LANG": "zh_CN.UTF-8"}, True),
        ({"LANG": "zh_TW.UTF-8"}, True),
        ({"LANG": "en_US.UTF-8"}, False),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, False),  # LC_ALL overrides LANG
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.GB18030"}, True),
        ({"LC_ALL": "zh_CN.UTF-8", "CONSENT_DESK_LANG": "en"}, False),  # ours wins
        ({"LANG": "C", "CONSENT_DESK_LANG": "zh-CN"}, True),
        ({"LANG": "", "LC_ALL": ""}, False),  # empty means unset
    ],
)
def test_the_language_follows_the_environment(env: dict[str, str], chinese: bool) -> None:
    assert wants_chinese(env) is chinese


def test_a_user_error_is_one_chinese_line_on_stderr_with_exit_2(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    english: None,
) -> None:
    assert run(capsys, "--db", str(db_path), "demo")[0] == 0
    code, _, err = run(capsys, "--db", str(db_path), "demo")
    assert code == 2 and err.count("\n") == 1 and "already has artists" in err

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, err = run(capsys, "--db", str(db_path), "demo")
    assert code == 2 and out == ""
    assert (
        err == "consent-desk: 数据库中已有艺人；示例名册只能载入空数据库。请用 --db 指定新文件。\n"
    )


def test_import_problems_are_listed_in_chinese(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    english: None,
) -> None:
    sheet = tmp_path / "roster.csv"
    sheet.write_text("native_name,jurisdiction\n,CN\n林晓,Singapore\n", encoding="utf-8")
    monkeypatch.setenv("CONSENT_DESK_LANG", "zh_CN")
    code, _, err = run(capsys, "--db", str(db_path), "roster", "import", str(sheet))
    assert code == 2 and err.count("\n") == 1
    assert "必须填写名称" in err and "司法辖区：格式应如 CN、US-CA 或 GB" in err
    assert "Please correct" not in err


def test_success_lines_and_findings_speak_chinese_under_a_chinese_locale(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    english: None,
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "--db", str(db_path), "demo")
    assert code == 0
    assert out.startswith("已载入演示经纪公司：") and "位虚构艺人" in out
    code, out, _ = run(capsys, "--db", str(db_path), "proposal", "list")
    assert code == 0 and out.strip().splitlines()[-1].startswith("共 ")
    assert "proposal(s)" not in out


def test_lang_option_overrides_the_locale_and_does_not_leak(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    english: None,
) -> None:
    code, out, _ = run(capsys, "--lang", "zh", "--db", str(db_path), "demo")
    assert code == 0 and out.startswith("已载入演示经纪公司")
    code, out, _ = run(capsys, "--db", str(db_path), "proposal", "list")
    assert "proposal(s)" in out  # the next run follows the (English) environment again
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "--lang", "en", "--db", str(db_path), "proposal", "list")
    assert "proposal(s)" in out


def test_help_summaries_follow_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, english: None
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    with pytest.raises(SystemExit):
        main(["proposal", "--help"])
    out = capsys.readouterr().out
    assert "对照同意记录检查提案（R1–R21）" in out
    assert "check a proposal against the consent records" not in out


def test_statement_export_takes_show_reason_and_a_global_lang() -> None:
    from cli.app import build_parser

    argv = ["--lang", "zh", "statement", "export", "3", "--out", "x.pdf", "--show-reason"]
    args = build_parser(argv).parse_args(argv)
    assert args.show_reason is True and args.ui_lang == "zh"
    assert args.lang == "en,zh"  # the statement's own languages are a different option
    argv = ["statement", "export", "3", "--out", "x.pdf"]
    assert build_parser(argv).parse_args(argv).show_reason is False  # also resets --lang
    assert wants_chinese({"LANG": "C"}) is False
