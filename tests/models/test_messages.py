"""One message catalogue: every problem models/ reports has a code with English and Chinese
wording, values kept; no import circle (importing models.errors pulls in no domain module)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from models.errors import FieldProblem, ValidationError, validation_message
from models.messages import catalogue, field_name, render, translate
from models.roster.artist import ArtistDraft

PROBLEMS = [
    (english, catalogue("zh")[code])
    for code, english in catalogue("en").items()
    if code.startswith("problem.")
]


def problem_zh(message: str) -> str | None:
    out = translate(message, "zh")
    return None if out == message else out


def field_zh(field: str) -> str:
    return field_name(field, "zh")


def validation_message_zh(problems: list[FieldProblem]) -> str:
    return validation_message(problems, "zh")


MODELS = Path(__file__).resolve().parents[2] / "models"
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Calls whose second argument is a problem message: FieldProblem(field, message, ...) and the
# little `bad(field, message)` helpers the validators use.
PROBLEM_CALLS = {"FieldProblem", "bad"}


def _message_samples() -> dict[str, str]:
    """Every literal problem message in models/, with each interpolated value replaced by 7."""
    found: dict[str, str] = {}
    for path in sorted(MODELS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in PROBLEM_CALLS:
                continue
            arg = node.args[1]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                text = arg.value
            elif isinstance(arg, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else "7" for v in arg.values)
            else:
                continue
            if text:
                found[text] = f"{path.relative_to(MODELS.parent)}:{node.lineno}"
    return found


def test_every_problem_message_in_models_has_chinese_wording() -> None:
    samples = _message_samples()
    assert len(samples) > 40  # the scan really finds the validators' messages
    assert sum(1 for t in samples if t.startswith("problem.")) >= 20  # sites moved to codes
    missing = [
        f"{where}: {text!r}"
        for text, where in samples.items()
        if not (" " not in text and text in catalogue("zh")) and problem_zh(text) is None
    ]
    assert not missing, "add these to resources/messages/*.json:\n" + "\n".join(missing)


def test_each_entry_uses_the_same_placeholders_in_both_languages() -> None:
    for english, chinese in PROBLEMS:
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(chinese)), english
        assert not re.search(r"[\u4e00-\u9fff]", english), english
        assert re.search(r"[\u4e00-\u9fff]", chinese), chinese


def test_the_artist_form_problems_read_in_chinese() -> None:
    draft = ArtistDraft(native_name=" ", jurisdiction="Singapore", stage_names=("a;b",))
    messages = [problem_zh(p.message) for p in draft.problems()]
    assert messages == [
        "必须填写名称",
        "“a;b”含有列表分隔符（; 或 、）",
        "格式应如 CN、US-CA 或 GB（国家或地区代码，可加下级地区）",
    ]


def test_a_validation_error_carries_its_chinese_message() -> None:
    problems = [FieldProblem("native_name", "a name is required", 3)]
    problems += [FieldProblem("notes", f"is longer than {n} characters") for n in range(6)]
    error = ValidationError(problems)
    assert error.message.startswith("Please correct: row 3, native_name: a name is required")
    assert error.message_zh == (
        "请更正：第 3 行，原文姓名：必须填写名称；备注：超过 0 个字符；备注：超过 1 个字符；"
        "备注：超过 2 个字符；备注：超过 3 个字符（另有 2 处）"
    )


def test_consent_field_names_come_from_the_record_labels_and_unknown_ones_stay() -> None:
    assert field_zh("term_end") == "截止日"
    assert field_zh("guardian") == "监护人"
    assert field_zh("some_new_field") == "some_new_field"
    assert validation_message_zh([FieldProblem("x", "not in the catalogue")]) == (
        "请更正：x：not in the catalogue"
    )


def test_a_status_value_is_shown_by_its_chinese_label() -> None:
    text = "the version it replaces (#12) is revoked; record a new consent instead of amending it"
    assert problem_zh(text) == "被替换的版本（#12）状态为“已撤回”；请新建同意记录，而不是修改它"


_value = st.text(
    alphabet=st.characters(categories=("Lu", "Ll", "Nd", "Lo"), exclude_characters="{}"),
    min_size=1,
    max_size=12,
)


@given(st.sampled_from(PROBLEMS), st.data())
def test_the_values_of_a_message_reach_the_chinese_wording(
    entry: tuple[str, str], data: st.DataObject
) -> None:
    english, chinese = entry
    names = PLACEHOLDER.findall(english)
    values = {n: data.draw(_value, label=n) for n in names}
    message = PLACEHOLDER.sub(lambda m: values[m.group(1)], english)
    out = problem_zh(message)
    assert out is not None
    if len(names) <= 1 and "status" not in names:
        assert out == PLACEHOLDER.sub(lambda m: values[m.group(1)], chinese)
    for name, value in values.items():
        if name != "status":
            assert value in out


def test_both_catalogues_have_the_same_codes_and_placeholders() -> None:
    en, zh = catalogue("en"), catalogue("zh")
    assert set(en) == set(zh)
    for code, english in en.items():
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(zh[code])), code


def test_a_problem_made_from_a_code_renders_in_both_languages() -> None:
    p = FieldProblem("notes", "problem.is_longer_than_characters", n=200)
    assert str(p) == "notes: is longer than 200 characters"
    assert p.text("zh") == "备注：超过 200 个字符"
    assert p == FieldProblem("notes", "is longer than 200 characters")  # same problem
    assert render("no.such.code", "zh") == "no.such.code"


def test_importing_errors_loads_no_domain_module() -> None:
    code = (
        "import sys, models.errors; "
        "print(sorted(m for m in sys.modules if m.startswith('models.') and m not in "
        "('models.errors', 'models.messages', 'models.resources')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
