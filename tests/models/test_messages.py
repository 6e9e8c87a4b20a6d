"""One message catalogue: every problem models/ reports has a code with English and Chinese
wording, values kept; no import circle (importing models.errors pulls in no domain module).
That every problem is given by its code is tests/models/test_problem_codes.py."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from models.errors import FieldProblem, ValidationError
from models.messages import PHRASE, Text, catalogue, field_name, phrase, render
from models.roster.artist import ArtistDraft

PROBLEMS = [
    (english, catalogue("zh")[code])
    for code, english in catalogue("en").items()
    if code.startswith("problem.")
]


def field_zh(field: str) -> str:
    return field_name(field, "zh")


PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def test_each_entry_uses_the_same_placeholders_in_both_languages() -> None:
    for english, chinese in PROBLEMS:
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(chinese)), english
        assert not re.search(r"[\u4e00-\u9fff]", english), english
        assert re.search(r"[\u4e00-\u9fff]", chinese), chinese


def test_the_artist_form_problems_read_in_chinese() -> None:
    draft = ArtistDraft(native_name=" ", jurisdiction="Singapore", stage_names=("a;b",))
    messages = [p.message_in("zh") for p in draft.problems()]
    assert messages == [
        "必须填写名称",
        "“a;b”含有列表分隔符（; 或 、）",
        "格式应如 CN、US-CA 或 GB（国家或地区代码，可加下级地区）",
    ]


def test_a_validation_error_carries_its_chinese_message() -> None:
    problems = [FieldProblem("native_name", "problem.a_name_is_required", 3)]
    problems += [FieldProblem("notes", "problem.is_longer_than_characters", n=n) for n in range(6)]
    error = ValidationError(problems)
    assert error.message.startswith("Please correct: row 3, native_name: a name is required")
    assert error.message.code == "validation.please_correct"
    assert error.text("zh") == (
        "请更正：第 3 行，原文姓名：必须填写名称；备注：超过 0 个字符；备注：超过 1 个字符；"
        "备注：超过 2 个字符；备注：超过 3 个字符（另有 2 处）"
    )


def test_consent_field_names_come_from_the_record_labels_and_unknown_ones_stay() -> None:
    assert field_zh("term_end") == "截止日"
    assert field_zh("guardian") == "监护人"
    assert field_zh("some_new_field") == "some_new_field"
    error = ValidationError([FieldProblem("x", "problem.needs_a_time_zone")])
    assert error.text("zh") == "请更正：x：需要注明时区"


def test_a_status_value_is_shown_by_its_chinese_label() -> None:
    p = FieldProblem(
        "supersedes_id", "problem.the_version_it_replaces_is_record_a", id=12, status="revoked"
    )
    assert p.message == (
        "the version it replaces (#12) is revoked; record a new consent instead of amending it"
    )
    assert p.message_in("zh") == "被替换的版本（#12）状态为“已撤回”；请新建同意记录，而不是修改它"


_value = st.text(
    alphabet=st.characters(categories=("Lu", "Ll", "Nd", "Lo"), exclude_characters="{}"),
    min_size=1,
    max_size=12,
)


@given(st.sampled_from([c for c in catalogue("en") if c.startswith("problem.")]), st.data())
def test_the_values_of_a_problem_reach_both_wordings(code: str, data: st.DataObject) -> None:
    names = PLACEHOLDER.findall(catalogue("en")[code])
    values = {n: data.draw(_value, label=n) for n in names}
    p = FieldProblem("notes", code, 2, **values)
    for language in ("en", "zh"):
        out = p.message_in(language)
        if "status" not in names:
            template = catalogue(language)[code]
            assert out == PLACEHOLDER.sub(lambda m: values[m.group(1)], template)
        for name, value in values.items():
            if name != "status":
                assert value in out
        assert p.text(language).endswith(out)


def test_both_catalogues_have_the_same_codes_and_placeholders() -> None:
    en, zh = catalogue("en"), catalogue("zh")
    assert set(en) == set(zh)
    for code, english in en.items():
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(zh[code])), code


def test_a_problem_made_from_a_code_renders_in_both_languages() -> None:
    p = FieldProblem("notes", "problem.is_longer_than_characters", n=200)
    assert str(p) == "notes: is longer than 200 characters"
    assert p.text("zh") == "备注：超过 200 个字符"
    assert p.code == "problem.is_longer_than_characters" and p.params == {"n": 200}
    assert p == FieldProblem("notes", Text("problem.is_longer_than_characters", n=200))
    assert render("no.such.code", "zh") == "no.such.code"


def test_a_problem_as_a_value_renders_in_the_language_of_its_message() -> None:
    p = FieldProblem("guardian", "problem.a_name_is_required", 4)
    found = p.as_phrase()
    assert render(found[PHRASE], "zh", found) == "第 4 行，监护人：必须填写名称"
    outer = phrase("validation.please_correct", problems=[found], more="")
    assert (
        render(outer[PHRASE], "en", outer) == "Please correct: row 4, guardian: a name is required"
    )


def test_importing_errors_loads_no_domain_module() -> None:
    code = (
        "import sys, models.errors; "
        "print(sorted(m for m in sys.modules if m.startswith('models.') and m not in "
        "('models.errors', 'models.messages', 'models.resources')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
