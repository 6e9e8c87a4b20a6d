"""Under LANG=zh_CN.UTF-8 every command speaks Chinese: no English sentence is left in the lines
meant for people (data — names, ids, paths, codes — stays as it is), and English output is
unchanged (spot-checked here, and word for word by the other CLI tests)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from main import main
from models.storage.database import resolve
from tests.models.proposals.helpers import SCRIPT
from tests.reports.statement_data import PASSPHRASE, make_identity_folder

CJK = re.compile(r"[\u4e00-\u9fff]")
# Three or more English words in a row: a sentence, once data in brackets and paths are gone.
SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,']+[A-Za-z]{2,}){2,}")
DATA = re.compile(r"\([^()]*\)|（[^（）]*）|\[[^\[\]]*\]|\S*[/\\.]\S*|`[^`]*`|--[a-z-]+")


def english_sentences(text: str) -> list[str]:
    """Lines without a Chinese character that still read as English sentences."""
    found = []
    for line in text.splitlines():
        if not line.strip() or CJK.search(line):
            continue
        if SENTENCE.search(DATA.sub(" ", line)):
            found.append(line)
    return found


def test_the_detector_finds_english_and_leaves_data_alone() -> None:
    assert english_sentences("Audit trail intact: 3 events.") == ["Audit trail intact: 3 events."]
    assert english_sentences("  #1 林晓 (Lin Xiao) — 星幕视频 (Xingmu Video)") == []
    assert english_sentences("CDS-20261207-9BE3E72A  position  current") == []
    assert english_sentences("审计记录完好：共 3 条事件。") == []


@pytest.fixture(scope="module")
def identity_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_identity_folder(tmp_path_factory.mktemp("identity"))


@pytest.fixture
def desk(
    db_path: Path, identity_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    for name in ("CONSENT_DESK_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setenv("CONSENT_DESK_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(db_path), "demo"]) == 0
    shutil.copytree(identity_folder, resolve(str(db_path)).files_dir / "identity")
    return db_path


def run(capsys: pytest.CaptureFixture[str], desk: Path, *argv: object) -> tuple[int, str]:
    code = main(["--db", str(desk), *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    assert code in (0, 1, 4), err
    assert english_sentences(out) == [], (argv, out)
    assert english_sentences(err) == [], (argv, err)
    return code, out


def test_roster_audit_backup_and_restore_speak_chinese(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    sheet = tmp_path / "roster.csv"
    assert "已将 30 位艺人导出" in run(capsys, desk, "roster", "export", sheet)[1]
    assert (
        "试运行：未保存任何内容。" in run(capsys, desk, "roster", "import", "--dry-run", sheet)[1]
    )
    out = run(capsys, desk, "roster", "import", sheet)[1]
    assert "未变 30 位" in out and "已从 roster.csv 导入" in out
    assert run(capsys, desk, "roster", "search", "林")[1].strip().endswith("位艺人")
    assert run(capsys, desk, "audit", "verify")[1].startswith("审计记录完好")
    assert run(capsys, desk, "audit", "checkpoint", "--desk-key")[1].startswith("检查点")
    archive = tmp_path / "b.zip"
    assert "备份到" in run(capsys, desk, "backup", archive)[1]
    assert "完好：已校验" in run(capsys, desk, "restore", "--check", archive)[1]
    out = run(capsys, desk, "restore", archive)[1]
    assert "原有副本已保留为" in out and "审计记录完好" in out


def test_consent_and_script_commands_speak_chinese(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert "按项目：" in run(capsys, desk, "consent", "list", "1")[1]
    assert "第 1 版" in run(capsys, desk, "consent", "history", "1")[1]
    assert "天内到期的同意记录" in run(capsys, desk, "consent", "deadlines")[1]
    assert "项目" in run(capsys, desk, "consent", "counterparties")[1]
    run(capsys, desk, "consent", "verify-evidence", "1")
    run(capsys, desk, "consent", "stance", "1")
    script = tmp_path / "long-night.fountain"
    script.write_text(SCRIPT, encoding="utf-8")
    out = run(capsys, desk, "script", "analyze", script)[1]
    assert "发现的 AI 使用" in out and "个场景" in out


def test_leak_statement_register_and_proposal_commands_speak_chinese(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    names = tmp_path / "list.txt"
    names.write_text("林晓\nLin Xiao\n陈静怡\n张三\n", encoding="utf-8")
    out = run(capsys, desk, "leak", "match", names)[1]
    assert "不在名册中" in out and out.strip().splitlines()[-1].startswith("共 4 个条目")
    assert "需确认：拼写与林晓" in out  # the reason too, not only its frame
    out = run(
        capsys, desk, "leak", "statements", names, "--out", tmp_path / "ls", "--platform", "P",
        "--confirmed", "2", "--accept-best",
    )[1]  # fmt: skip
    assert "已出具 2 份声明" in out and "不在名册中（未出具声明）：张三" in out
    pdf = tmp_path / "s.pdf"
    run(capsys, desk, "statement", "export", "1", "--out", pdf)
    code, out = run(capsys, desk, "statement", "verify", pdf)
    assert code == 0 and out.startswith("真实：") and "登记簿状态：现行" in out
    out = run(capsys, desk, "statement", "list")[1]
    assert out.strip().endswith("份声明")
    statement = out.split()[0]
    run(capsys, desk, "identity", "show")
    assert "公开登记簿" in run(capsys, desk, "register", "export", tmp_path / "reg")[1]
    out = run(
        capsys, desk, "register", "press-kit", tmp_path / "kit", "--platform", "P",
        "--statement", statement,
    )[1]  # fmt: skip
    assert "新闻资料包" in out and "尚未设置核验页面地址" in out
    code, out = run(capsys, desk, "statement", "withdraw", statement, "--reason", "测试")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "night.fountain").write_text(SCRIPT, encoding="utf-8")
    proposal = tmp_path / "proposal.json"
    proposal.write_text(
        json.dumps(
            {
                "counterparty": "星幕视频",
                "project": "长夜行",
                "received_on": "2026-05-01",
                "artists": [{"artist": "林晓", "modalities": ["voice"]}],
                "scripts": ["scripts/night.fountain"],
                "mapping": {"LIN XIAO": "林晓", "CHEN JINGYI": None},
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert "已登记提案 #1" in run(capsys, desk, "proposal", "import", proposal)[1]
    assert "依据：" in run(capsys, desk, "proposal", "check", "1")[1]
    assert "答复期限" in run(capsys, desk, "proposal", "list")[1]


def test_db_migrate_speaks_chinese(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    target = tmp_path / "new.sqlite3"
    code = main(["db", "migrate", "--from", str(desk), "--to", str(target)])
    out, err = capsys.readouterr()
    assert english_sentences(out) == [] and english_sentences(err) == []
    assert out.startswith("正在复制记录")
    if code == 0:
        assert "行数一致" in out


def test_every_help_summary_has_chinese_words() -> None:
    import argparse

    from cli.app import build_parser
    from cli.language import _help_zh

    words = _help_zh()
    missing: list[str] = []

    def walk(p: argparse.ArgumentParser) -> None:
        for action in p._actions:
            helps = [action.help]
            if isinstance(action, argparse._SubParsersAction):
                helps += [c.help for c in action._choices_actions]
                for child in dict.fromkeys(action.choices.values()):
                    walk(child)
            missing.extend(
                h
                for h in helps
                if isinstance(h, str) and h not in words and not h.startswith("show this help")
            )

    walk(build_parser())
    assert not missing, missing


def test_english_output_is_unchanged(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("CONSENT_DESK_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--db", str(db_path), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "audit", "verify"]) == 0
    assert capsys.readouterr().out.startswith("Audit trail intact: ")
