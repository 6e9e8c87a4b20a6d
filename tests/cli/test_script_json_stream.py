"""`script analyze --json` is written item by item, byte for byte as json.dumps lays it out."""

from __future__ import annotations

import io
import json

import pytest

from cli.script import analysis_json, write_analysis_json
from models.scripts import detect_ai_uses, read_bytes, read_script
from tests.models.scripts.samples import FIXTURES


@pytest.mark.parametrize("name", ["chinese.txt", "english.txt", "elements.fountain"])
def test_streamed_json_is_the_documented_json(name: str) -> None:
    doc = read_script(FIXTURES / name)
    uses = detect_ai_uses(doc)
    out = io.StringIO()
    write_analysis_json(doc, uses, out)
    expected = json.dumps(analysis_json(doc, uses), ensure_ascii=False, indent=2) + "\n"
    assert out.getvalue() == expected


def test_empty_lists_are_written_as_empty_lists() -> None:
    doc = read_bytes(b"Just one line of action.\n", "a.txt")
    out = io.StringIO()
    write_analysis_json(doc, (), out)
    data = json.loads(out.getvalue())
    assert data["scenes"] == [] and data["ai_uses"] == [] and data["characters"] == []
