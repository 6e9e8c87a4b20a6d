"""One terminology: a forbidden Chinese variant anywhere people read it fails this test.

/work/shared/design/terminology.md is the table; this test applies it to every place Chinese
text comes from: the statement wording, the message catalogue, the Qt .ts translations and
the Chinese string literals in models/, reports/ and cli/. Words that only *match* what
people type (script markers, exclusion keywords) are input, not wording, and are skipped.
"""

from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# (pattern, what terminology.md says instead)
FORBIDDEN: tuple[tuple[str, str], ...] = (
    (r"有条件加入", "附条件接受（非授权）"),
    (r"机构自有证书", "自签名证书"),
    (r"数字复制", "数字分身 / 数字替身"),
    (r"还价", "已提出修改意见"),
    (r"态度", "AI 立场"),
    (r"AI立场", "AI 立场 (with a space)"),
    (r"制片方", "制作方"),
    (r"泄露名单|名单泄露应对", "名单曝光应对"),
    (r"(?<!受)密码(?!保护)", "口令 (a PDF's 密码保护 is another thing)"),
    (r"已撤销|撤销(?:同意|授权|声明|提案|该声明)", "撤回 / 撤回同意 (撤销 is Undo)"),
    (r"有效声明|有效同意|^有效$|现为有效", "现行 (有效 is a valid signature)"),
    (r"仅表示愿意洽谈人工智能项目", "列名不代表艺人同意或授权任何人工智能使用"),
    (r"声音翻译配音", "声音译配（跨语种配音）"),
    (r"(?<!或)遗产管理人(?!）)", "近亲属（或遗产管理人） (民法典第994条)"),
)

# Files whose Chinese words match input (scripts, proposals), never shown as our wording.
INPUT_WORDS = {
    "models/rules/wording.py",
    "models/rules/exclusions.py",
    "models/scripts/markers.py",
}


def _han(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def _python_literals() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for folder in ("models", "reports", "cli"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel in INPUT_WORDS:
                continue
            tree = ast.parse(path.read_text("utf-8"))
            for node in ast.walk(tree):
                literal = isinstance(node, ast.Constant) and isinstance(node.value, str)
                if literal and _han(node.value):
                    out.append((f"{rel}:{node.lineno}", node.value))
    return out


def _json_texts(path: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []

    def walk(value: object, where: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")
        elif isinstance(value, str) and _han(value):
            out.append((where, value))

    walk(json.loads(path.read_text("utf-8")), path.relative_to(ROOT).as_posix())
    return out


def _catalogues() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for folder in ("statements", "messages"):
        for path in sorted((ROOT / "resources" / folder).glob("*.json")):
            out += _json_texts(path)
    return out


def _ts_translations() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for path in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        for message in ET.parse(path).getroot().iter("message"):
            source = message.findtext("source") or ""
            text = message.findtext("translation") or ""
            out.append((f"{path.name}: {source[:60]!r}", text))
    return out


SOURCES = {
    "catalogues": _catalogues,
    "ts": _ts_translations,
    "python": _python_literals,
}


@pytest.mark.parametrize("source", list(SOURCES))
def test_no_forbidden_variant(source):
    texts = SOURCES[source]()
    assert texts, f"nothing found in {source}"
    bad = [
        f"{where}: {text!r} — use {instead}"
        for where, text in texts
        for pattern, instead in FORBIDDEN
        if re.search(pattern, text, re.MULTILINE)
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(
    "text",
    [
        "有条件加入",
        "此为机构自有证书",
        "数字复制品",
        "已还价",
        "AI 态度",
        "请输入密码",
        "制片方",
        "已撤销",
        "有效",
    ],
)
def test_each_forbidden_variant_is_caught(text):
    assert any(re.search(p, text, re.MULTILINE) for p, _ in FORBIDDEN)


@pytest.mark.parametrize(
    "text", ["编辑 → 撤销", "撤销(&U)", "签名有效", "受密码保护", "不是有效日期"]
)
def test_allowed_uses_pass(text):
    assert not any(re.search(p, text, re.MULTILINE) for p, _ in FORBIDDEN)


def test_no_text_says_a_listing_signals_willingness() -> None:
    """A platform listing implies nothing about the artist (terminology.md): no string of the
    product may say that being listed signals willingness, in either language."""
    root = Path(__file__).resolve().parents[1]
    banned = re.compile(r"willingness only|signals willingness|列名仅表示", re.I)
    found = []
    for folder in ("ui", "models", "reports", "cli", "resources"):
        for path in (root / folder).rglob("*"):
            if path.suffix not in (".py", ".json", ".ts", ".txt", ".md") or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{path.relative_to(root)}: {m.group(0)}" for m in banned.finditer(text)]
    assert found == []
