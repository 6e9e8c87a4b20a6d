"""Reader warnings are catalogue messages: the same English sentence as ever wherever a string
is taken (the CLI, its JSON, the proposal intake), and Chinese when rendered for the screen.

Every code the script readers warn with is in both catalogues with the same placeholders, and
each `warn(...)` call gives exactly the values its sentence needs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from models.messages import Text, catalogue
from models.scripts import read_bytes
from models.scripts.builder import MAX_WARNINGS
from tests.models.scripts.test_fdx import xml

READERS = Path(__file__).resolve().parents[3] / "models" / "scripts"
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _codes_and_calls() -> tuple[set[str], list[tuple[str, str, set[str]]]]:
    """(every `script.…` literal in the readers, each warn() call as (where, code, keywords))."""
    codes: set[str] = set()
    calls: list[tuple[str, str, set[str]]] = []
    for path in sorted(READERS.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if re.fullmatch(r"script\.[a-z_]+", node.value):
                    codes.add(node.value)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "warn"
                and len(node.args) == 2
                and isinstance(node.args[1], ast.Constant)
            ):
                keywords = {k.arg for k in node.keywords if k.arg is not None}
                where = f"{path.name}:{node.lineno}"
                calls.append((where, str(node.args[1].value), keywords))
    return codes, calls


def test_every_warning_code_is_in_both_catalogues_with_the_same_placeholders() -> None:
    codes, calls = _codes_and_calls()
    assert len(codes) >= 8 and len(calls) >= 4  # the scan really finds the readers' warnings
    en, zh = catalogue("en"), catalogue("zh")
    for code in sorted(codes):
        assert code in en and code in zh, code
        assert sorted(PLACEHOLDER.findall(en[code])) == sorted(PLACEHOLDER.findall(zh[code])), code
        assert CJK.search(zh[code]) and not CJK.search(en[code]), code
    for where, code, keywords in calls:
        assert code in codes, where
        assert keywords == set(PLACEHOLDER.findall(en[code])), where


def fountain(text: str):
    return read_bytes(text.encode("utf-8"), "t.fountain")


def test_fountain_warnings_keep_their_english_and_read_in_chinese() -> None:
    doc = fountain("INT. HOUSE - DAY\nThe door opens.\n\nBOB ^\nHi.\n\n/* cut\n\nEND.\n")
    got = [(w.line, w.message.code, str(w.message), w.message.render("zh")) for w in doc.warnings]
    assert got == [
        (
            7,
            "script.boneyard_not_closed",
            "boneyard '/*' is never closed; the rest of the script is ignored",
            "隐藏文字的开始标记“/*”没有对应的结束标记“*/”，其后的剧本内容全部未读取",
        ),
        (
            1,
            "script.heading_without_blank_line",
            "scene heading has no blank line after it",
            "场景标题后面没有空行",
        ),
        (
            4,
            "script.dual_dialogue_without_block",
            "dual dialogue 'BOB' has no dialogue block just before it",
            "“BOB”标为同时说的对白，但紧挨在它前面没有另一段对白",
        ),
    ]
    assert all(type(w.message) is Text for w in doc.warnings)


def test_final_draft_warnings_keep_their_english_and_read_in_chinese() -> None:
    data = xml(
        '<Paragraph Type="Outline 9"><Text>One</Text></Paragraph>'
        '<Paragraph Type="Parenthetical"><Text>(quietly)</Text></Paragraph>'
        '<Paragraph Type="Dialogue"><Text>Hello.</Text></Paragraph>'
        '<Paragraph Type="Action"><Text>Music.</Text></Paragraph>'
        '<Paragraph Type="Lyrics"><Text>La la.</Text></Paragraph>'
    )
    doc = read_bytes(data, "x.fdx")
    got = [(w.line, str(w.message), w.message.render("zh")) for w in doc.warnings]
    assert got == [
        (
            1,
            "paragraph type 'Outline 9' is unknown; read as action",
            "无法识别段落类型“Outline 9”，已当作动作描写读取",
        ),
        (2, "parenthetical without a character cue before it", "括号内的表演说明前面没有角色提示"),
        (3, "dialogue without a character cue before it", "对白前面没有角色提示"),
        (5, "lyric without a character cue before it", "歌词前面没有角色提示"),
    ]


def test_warnings_past_the_limit_are_one_last_line_in_either_language() -> None:
    doc = fountain("INT. ROOM - DAY\nShe waits.\n\n" * (MAX_WARNINGS + 5))
    assert len(doc.warnings) == MAX_WARNINGS + 1
    last = doc.warnings[-1]
    assert last.line is None and last.message == "more warnings were left out"
    assert last.message.render("zh") == "其余警告未列出"


# Not starting with E or I: "EXT ^" or "INT ^" would be a scene heading, not a cue.
@given(st.from_regex(r"[A-DF-HJ-Z][A-Z]{0,11}", fullmatch=True))
def test_the_cue_of_a_lonely_dual_dialogue_is_named_in_both_languages(name: str) -> None:
    doc = fountain(f"Nothing yet.\n\n{name} ^\nHi.\n")
    [warning] = doc.warnings
    assert warning.message == f"dual dialogue '{name}' has no dialogue block just before it"
    assert warning.message.render("zh") == f"“{name}”标为同时说的对白，但紧挨在它前面没有另一段对白"
