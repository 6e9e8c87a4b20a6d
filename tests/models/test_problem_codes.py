"""Problems and user errors carry a catalogue code and values, never an English sentence.

The Chinese of a problem is found by its code in resources/messages, not by matching its
English words: `FieldProblem` and `UserError` refuse a sentence when they are made, and this
walk of models/, reports/, cli/ and ui/ finds a sentence given to them (a literal, an f-string
or a Qt `tr()` string) before it runs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from models.errors import FieldProblem, UserError, ValidationError
from models.messages import Text, catalogue

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    p for top in ("models", "reports", "cli", "ui") for p in (ROOT / top).rglob("*.py")
)
# FieldProblem(field, code, …) and the validators' `bad(field, code, …)` helpers; a message
# made for later, `Text(code, …)` / `phrase(code, …)` (these may build a code: f"finding.{x}").
PROBLEM_CALLS = {"FieldProblem": 1, "bad": 1, "Text": 0, "phrase": 0}
BUILDS_CODES = {"Text", "phrase"}
MESSAGE_PARAMETERS = ("message", "code")
CODE_PREFIX = re.compile(r"^[a-z][a-z_]*(\.[a-z0-9_]+)*\.[a-z0-9_]*$")


def _init_parameters(cls: ast.ClassDef) -> list[str] | None:
    for item in cls.body:
        if isinstance(item, ast.FunctionDef) and item.name == "__init__":
            args = item.args.posonlyargs + item.args.args
            return [a.arg for a in args[1:]]
    return None


def error_message_positions(trees: list[ast.Module]) -> dict[str, int | None]:
    """Each UserError class (defined in the sources) and where its message goes among the
    positional arguments: the parameter named `message` or `code` of its own __init__, or its
    base's; None when it composes its message itself (`MarkerListError(origin, problems)`)."""
    classes = {
        node.name: node
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }
    positions: dict[str, int | None] = {"UserError": 0}
    changed = True
    while changed:
        changed = False
        for name, cls in classes.items():
            if name in positions:
                continue
            bases = [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in cls.bases]
            known = [b for b in bases if b in positions]
            if not known:
                continue
            params = _init_parameters(cls)
            if params is None:
                positions[name] = positions[known[0]]
            else:
                named = [i for i, p in enumerate(params) if p in MESSAGE_PARAMETERS]
                positions[name] = named[0] if named else None
            changed = True
    return positions


def _is_sentence(arg: ast.expr, codes: set[str], builds: bool = False) -> bool:
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value not in codes
    if builds and isinstance(arg, ast.JoinedStr) and arg.values:
        head = arg.values[0]  # f"finding.r7.{aspect}": a code put together from its prefix
        return not (isinstance(head, ast.Constant) and CODE_PREFIX.match(str(head.value)))
    if isinstance(arg, ast.JoinedStr | ast.BinOp):
        return True  # words put together: a code is one literal
    if isinstance(arg, ast.Call):
        func = arg.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        return name in ("tr", "translate", "format")  # a Qt-translated or formatted sentence
    return False


def sentences_given(
    tree: ast.Module, positions: dict[str, int | None], codes: set[str]
) -> list[int]:
    """Lines where a problem or user error is given something other than a catalogue code."""
    calls = dict(PROBLEM_CALLS)
    calls.update({k: v for k, v in positions.items() if v is not None})
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        at = calls.get(name)
        if at is None:
            continue
        given = [kw.value for kw in node.keywords if kw.arg in MESSAGE_PARAMETERS]
        if len(node.args) > at:
            given.append(node.args[at])
        if any(_is_sentence(arg, codes, name in BUILDS_CODES) for arg in given):
            lines.append(node.lineno)
    return lines


def _trees() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text("utf-8")) for p in SOURCES}


def test_no_problem_or_user_error_is_given_a_sentence() -> None:
    trees = _trees()
    positions = error_message_positions(list(trees.values()))
    # The walk knows the error family (so a new subclass is checked too).
    assert {"ValidationError", "ScriptReadError", "BackupError", "UnverifiedBackup"} <= set(
        positions
    )
    assert positions["TextDecodeError"] == 1 and positions["UnverifiedBackup"] == 0
    codes = set(catalogue("en"))
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path, tree in trees.items()
        for line in sentences_given(tree, positions, codes)
    ]
    assert not found, "give a catalogue code (resources/messages) instead:\n" + "\n".join(found)


def test_the_walk_finds_sentences_in_each_form() -> None:
    source = """
FieldProblem("notes", "problem.is_longer_than_characters", n=3)
FieldProblem("notes", "is too long")
bad("notes", f"is longer than {n} characters", 2)
UserError(self.tr("Choose the file."))
UserError("error.ui.identity.choose_p12")
ScriptReadError("The file " + name + " is empty")
TextDecodeError("binary", "not a code")
TextDecodeError("binary", "error.text.binary", name=n)
UserError(message="Something failed")
Text("the file is damaged")
phrase(f"finding.r7.{aspect}")
phrase(f"{where}: is damaged")
"""
    tree = ast.parse(source)
    positions = {"UserError": 0, "ScriptReadError": 0, "TextDecodeError": 1}
    assert sentences_given(tree, positions, set(catalogue("en"))) == [3, 4, 5, 7, 8, 10, 11, 13]


@pytest.mark.parametrize(
    "make",
    [
        lambda: FieldProblem("native_name", "a name is required"),
        lambda: FieldProblem("notes", "is longer than 200 characters"),
        lambda: FieldProblem("notes", "problem.no_such_problem"),
        lambda: UserError("Choose the PKCS#12 file to import."),
        lambda: UserError("error.no_such_error"),
    ],
)
def test_a_sentence_or_an_unknown_code_is_a_programming_error(make: object) -> None:
    with pytest.raises(ValueError, match="not a code of resources/messages"):
        make()  # type: ignore[operator]


def test_a_text_carries_its_own_values() -> None:
    text = Text("problem.is_longer_than_characters", n=5)
    assert FieldProblem("notes", text).message_in("zh") == "超过 5 个字符"
    assert (
        UserError(Text("error.ui.identity.choose_p12")).text("zh")
        == "请选择要导入的 PKCS#12 文件。"
    )
    with pytest.raises(TypeError):
        FieldProblem("notes", text, n=6)


def test_a_user_error_renders_by_its_code_in_both_languages() -> None:
    error = UserError("error.ui.proposals.not_attached", items="a.pdf")
    said = error.message
    assert said.code == "error.ui.proposals.not_attached" and said.params == {"items": "a.pdf"}
    assert str(error) == error.message == error.text("en") == "Not attached: a.pdf"
    assert error.text("zh") == "未能添加：a.pdf"
    nested = ValidationError([FieldProblem("notes", Text("problem.needs_a_time_zone"))])
    assert nested.text("zh") == "请更正：备注：需要注明时区"


def test_a_marker_list_lists_its_problems_in_either_language() -> None:
    from models.scripts import MarkerListError, parse_markers

    data = {
        "phrases": [
            {"text": "face swap", "kind": "face-swap"},
            {"text": "Face-Swap", "kind": "voice"},
            {"text": "", "kind": "voice"},
            {"text": "deepfake", "kind": "face-swap", "pattern": "(a)"},
        ],
        "extensions": "x",
    }
    with pytest.raises(MarkerListError) as caught:
        parse_markers(data, "mine.json")
    error = caught.value
    assert all(isinstance(p, Text) for p in error.problems) and len(error.problems) == 4
    assert error.text("en") == (
        "AI marker list mine.json cannot be used: 'extensions' must be a list; "
        "phrases #2 ('Face-Swap'): same as 'face swap' but with another kind (face-swap); "
        "phrases #3: 'text' must be non-empty text; "
        "phrases #4 ('deepfake'): 'pattern' may only use non-capturing groups (?:…)"
    )
    zh = error.text("zh")
    assert "'extensions' 必须是列表；" in zh
    assert "phrases 第 2 项（“Face-Swap”）：与“face swap”相同，但类型不同（face-swap）" in zh
    assert "phrases 第 3 项：'text' 必须是非空文本" in zh
    assert "'pattern' 只能使用非捕获分组 (?:…)" in zh
