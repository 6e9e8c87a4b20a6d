"""The one JSON shape checker behind proposal and consent files (models/shapes.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from models.consent.words import Modality
from models.errors import FieldProblem
from models.shapes import (
    MAX_ID,
    Field,
    amount,
    choices,
    day,
    flag,
    optional,
    read,
    record_id,
    text,
    texts,
)

SHAPE = {
    "id": Field(record_id, required=True),
    "name": Field(text, default=""),
    "ok": Field(flag, default=False),
    "modalities": Field(choices(Modality), default=()),
    "media": Field(texts, default=()),
    "on": Field(day, default=None),
    "fee": Field(optional(amount(10**15)), default=None),
}
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


def _check(data: dict[str, Any]) -> tuple[dict[str, Any], list[FieldProblem]]:
    problems: list[FieldProblem] = []
    return read(data, SHAPE, problems, where="record"), problems


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=8))
def test_any_json_object_gets_values_or_one_line_problems_never_a_crash(data: dict) -> None:
    values, problems = _check(data)
    unknown = set(data) - set(SHAPE)
    named = [p for p in problems if p.code == "problem.unknown_field"]
    assert len(named) == len(unknown)  # every typo is named, once
    for p in problems:
        assert p.code, p.message  # from the catalogue, so it reads in both languages
        for language in ("en", "zh"):
            line = p.text(language)
            assert line and "\n" not in line
    failed = {p.field for p in problems}
    assert set(values) <= set(SHAPE) - failed
    assert ("id" in values) == ("id" not in failed and "id" in data)


@given(
    st.integers(min_value=1, max_value=MAX_ID),
    st.lists(st.sampled_from(list(Modality)), max_size=4),
    st.booleans(),
)
def test_good_values_come_back_converted(
    artist: int, modalities: list[Modality], upper: bool
) -> None:
    written = [m.value.upper() if upper else m.value for m in modalities]
    values, problems = _check(
        {"id": artist, "modalities": written, "media": "TV", "on": "2026-05-01", "fee": "80000"}
    )
    assert problems == []
    assert values["id"] == artist and values["modalities"] == tuple(modalities)
    assert values["media"] == ("TV",) and values["fee"] == Decimal("80000")
    assert values["name"] == "" and values["ok"] is False  # defaults of missing fields


def test_problems_name_the_field_in_english_and_chinese() -> None:
    _, problems = _check({"id": True, "modalities": ["smell"], "ok": "yes", "typo": 1})
    lines = [p.text("en") for p in problems]
    assert "record: unknown field 'typo'" in lines
    assert "id: must be a whole-number id" in lines
    assert "ok: must be true or false" in lines
    assert any(
        line.startswith("modalities: 'smell' is not one of: face_likeness") for line in lines
    )
    assert all(p.text("zh") != p.text("en") for p in problems)
    _, missing = _check({})
    assert [p.text("en") for p in missing] == ["id: is required"]


def test_only_the_commands_that_read_json_files_load_the_shape_checker(tmp_path) -> None:
    import json

    from tests.cli.test_command_table import probe  # main() in a fresh interpreter

    db = str(tmp_path / "desk.sqlite3")
    for argv in (("proposal", "list", "--json"), ("consent", "list", "1")):
        seen = probe("--db", db, *argv)
        assert "models.shapes" not in seen["modules"], argv  # type: ignore[operator]
    empty = tmp_path / "consents.json"
    empty.write_text(json.dumps([]), encoding="utf-8")
    seen = probe("--db", db, "consent", "add", "--from-json", str(empty))
    assert seen["code"] == 0 and "models.shapes" in seen["modules"]  # type: ignore[operator]


def test_a_json_file_that_cannot_be_read_is_one_line_naming_the_kind_of_file(tmp_path) -> None:
    import pytest

    from models.errors import UserError
    from models.shapes import load_file

    kind = "error.shapes.kind.consent_file"
    cases = {
        "deep.json": (b"[" * 100_000, "nested too deeply to be a consent file"),
        "latin1.json": ('{"a": "caf\xe9"}'.encode("latin-1"), "is not UTF-8 text"),
        "broken.json": (b'{"a": 1,}', "is not valid JSON (line 1, column 9"),
        "big.json": (b" " * 2048 + b"{}", "is larger than 1 KB; a consent file is small"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(UserError) as e:
            load_file(path, kind, max_bytes=1024 if name == "big.json" else 1024 * 1024)
        assert message in e.value.message and "\n" not in e.value.message
        assert "\n" not in e.value.text("zh")
        if name in ("deep.json", "big.json"):  # the kind of file, named in Chinese too
            assert "同意记录文件" in e.value.text("zh")
    (tmp_path / "bom.json").write_bytes(b'\xef\xbb\xbf{"a": [1]}')
    assert load_file(tmp_path / "bom.json", kind) == {"a": [1]}


def test_a_consent_file_problem_names_record_and_field_in_english_and_chinese(tmp_path) -> None:
    import pytest

    from models.consent.consent_file import parse_inputs
    from models.errors import UserError

    cases = [
        (
            [{"artist_id": 1, "counterparty_id": 2}, {"artist_id": "a", "counterparty_id": 2}],
            "record 2: artist_id: must be a whole-number id.",
            "第 2 条记录：艺人：",
        ),
        (
            {"artist_id": 1, "counterparty_id": 2, "evidence": [{"path": "gone.pdf"}]},
            f"record: evidence 1: there is no file at {tmp_path / 'gone.pdf'}.",
            f"记录：证据 1：找不到文件 {tmp_path / 'gone.pdf'}。",
        ),
        (
            {"artist_id": 1, "counterparty_id": 2, "status": "given"},
            "record: decision: a given record needs the decision.",
            "记录：decision：已同意记录须包含决定。",
        ),
    ]
    for data, english, chinese in cases:
        with pytest.raises(UserError) as e:
            parse_inputs(data, tmp_path, lambda _artist: "CN")
        assert e.value.message == english
        assert e.value.text("zh").startswith(chinese), e.value.text("zh")


def test_a_register_that_cannot_be_read_says_why_in_either_language(tmp_path) -> None:
    import pytest

    from reports.verification.register import RegisterUnreadable, read_register

    (tmp_path / "register.json").write_text("{}", encoding="utf-8")
    with pytest.raises(RegisterUnreadable) as e:
        read_register(tmp_path)
    assert str(e.value) == f"{tmp_path} has no register.json.sig."
    assert e.value.text.render("zh") == f"{tmp_path} 中没有 register.json.sig。"
