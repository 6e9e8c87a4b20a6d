"""Statement wording lives in editable files; every inserted value prints literally."""

from __future__ import annotations

import json
import shutil

import pytest

from models.errors import UserError
from reports.statements.layout import render_statement
from reports.statements.templates import REQUIRED, TEMPLATE_DIR, esc, load_texts
from tests.reports.statement_data import NASTY, pdf_text, record_for


def test_both_shipped_languages_are_complete():
    for lang in ("en", "zh"):
        texts = load_texts(lang)
        assert set(REQUIRED) <= set(texts.texts)
        assert len(texts.months) == 12


def test_values_and_template_text_are_escaped_for_paragraph_markup():
    en = load_texts("en")
    markup = en.markup("listing.item", platform=NASTY)
    assert "&lt;font size=90&gt; A &amp; B" in markup
    assert "<font" not in markup
    assert esc('a "b"\nc') == "a &quot;b&quot;<br/>c"


def copy_templates(tmp_path):
    folder = tmp_path / "statements"
    shutil.copytree(TEMPLATE_DIR, folder)
    return folder


def edit(folder, lang, key, value):
    path = folder / f"{lang}.json"
    data = json.loads(path.read_text("utf-8"))
    if value is None:
        del data["text"][key]
    else:
        data["text"][key] = value
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def test_edited_wording_changes_the_statement_without_code(tmp_path, unlocked):
    folder = copy_templates(tmp_path)
    edit(folder, "en", "title.position", "Our position on AI & likeness <b>")
    record = record_for(unlocked, languages=("en",))
    text = pdf_text(render_statement(record, template_dir=folder).pdf)
    assert "Our position on AI & likeness <b>" in text


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("footer", None, "text footer is missing"),
        ("listing.item", "Listed on {platfrom}", r"uses \{platfrom\}; it may use \{platform\}"),
        ("title.position", "Title {0:>10}", "not a plain"),
        ("historical", "broken {as_of", "broken placeholder"),
    ],
)
def test_broken_templates_are_reported_by_file_and_text(tmp_path, key, value, message):
    folder = copy_templates(tmp_path)
    edit(folder, "zh", key, value)
    with pytest.raises(UserError, match=message) as info:
        load_texts("zh", folder)
    assert "zh.json" in info.value.message


def test_invalid_json_and_missing_language(tmp_path):
    folder = copy_templates(tmp_path)
    (folder / "en.json").write_text('{"text": {', "utf-8")
    with pytest.raises(UserError, match="not valid JSON at line 1"):
        load_texts("en", folder)
    with pytest.raises(UserError, match="missing"):
        load_texts("fr", folder)
