"""`Text`: a catalogue message that reads as its English sentence and renders in either language."""

from __future__ import annotations

import copy
import json
import pickle
import re

from hypothesis import given
from hypothesis import strategies as st

from models.messages import Text, catalogue, in_language, render
from tests.cli.test_cli_chinese import english_sentences

CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def test_a_text_is_its_english_sentence_everywhere_a_string_goes() -> None:
    t = Text("verify.problem.appended", n=18)
    english = (
        "Content was added to the file after it was signed (18 bytes after the signed revision)."
    )
    assert t == english and str(t) == english and f"{t}" == english
    assert type(str(t)) is str and hash(t) == hash(english)
    assert json.dumps({"problems": [t]}) == json.dumps({"problems": [english]})
    assert t.render("zh") == "文件签署后被添加了内容（已签署修订之后多出 18 字节）。"
    assert in_language(t, "zh") == t.render("zh") and in_language("plain", "zh") == "plain"


def test_a_text_survives_copy_and_pickle_with_its_code() -> None:
    t = Text("audit.row.changed", event=7)
    assert copy.deepcopy(t) is t and copy.copy(t) is t
    again = pickle.loads(pickle.dumps(t))
    assert again == t and again.code == "audit.row.changed" and again.render("zh") == t.render("zh")


def test_a_text_inside_another_message_takes_that_message_language() -> None:
    what = Text("audit.row.no_event")
    row = Text("audit.row.problem", table="artist", id="3", what=what)
    assert row == "artist 3: has no audit event (added behind the log)"
    assert render("cli.audit.broken", "zh", {"reason": row}) == (
        "审计记录已损坏：artist 3：没有审计事件（绕过审计记录添加）。"
    )


@given(st.integers(min_value=0, max_value=10**9), st.text(max_size=30))
def test_values_reach_both_languages(n: int, detail: str) -> None:
    t = Text("verify.cms.not_strict_der", detail=detail)
    assert t == f"The signature is not strict DER ({detail})."
    assert t.render("zh") == f"签名不是严格的 DER 编码（{detail}）。"
    assert Text("verify.problem.appended", n=n).render("zh").count(str(n)) == 1


def test_every_verification_reason_reads_as_chinese() -> None:
    """Each `verify.*` and `audit.*` entry, with data for its values, has Chinese words and no
    English sentence (the values — ids, paths, fingerprints — stay as they are)."""
    zh = catalogue("zh")
    codes = [c for c in catalogue("en") if c.startswith(("verify.", "audit."))]
    assert len(codes) > 80
    for code in codes:
        values = {name: "X-1" for name in PLACEHOLDER.findall(zh[code])}
        text = render(code, "zh", values)
        if english_sentences(render(code, "en", values)):  # a sentence, not a frame or a word
            assert CJK.search(text), code
        assert english_sentences(text) == [], code
