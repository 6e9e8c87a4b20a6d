"""Statements that cannot be quoted against the artist, checked on the text a reader copies.

Golden texts: every statement kind, in Chinese and in English, for a declined, a conditional,
a minor and a deceased demo artist. The files in `golden/` were reviewed line by line against
terminology.md; regenerate with UPDATE_GOLDEN=1 and review the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import UserError
from models.statements.record import StatementKind
from reports.statements.layout import render_statement
from tests.reports.golden_statements import ARTISTS, golden_record
from tests.reports.statement_data import pdf_text, squash

GOLDEN = Path(__file__).parent / "golden"
WHO = list(ARTISTS)
LANGS = {"zh": ("zh",), "en": ("en",)}


def _text(who: str, kind: StatementKind, langs: tuple[str, ...], **kw: bool) -> str:
    pdf = render_statement(golden_record(who, kind, langs, **kw)).pdf
    lines = [line.rstrip() for line in pdf_text(pdf).splitlines()]
    return "\n".join(line for line in lines if line) + "\n"


def _refused(who: str, kind: StatementKind) -> bool:
    # A declined artist has no consent: there is no certificate to issue.
    return who == "declined" and kind == StatementKind.PROJECT_CERTIFICATE


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("kind", list(StatementKind))
@pytest.mark.parametrize("who", WHO)
def test_golden_statement_text(who, kind, lang):
    if _refused(who, kind):
        with pytest.raises(UserError):
            golden_record(who, kind, LANGS[lang])
        return
    text = _text(who, kind, LANGS[lang])
    path = GOLDEN / f"{who}-{kind.value}-{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8")


@pytest.mark.parametrize("who", WHO)
def test_listing_never_implies_willingness(who):
    zh = squash(_text(who, StatementKind.POSITION, ("zh",)))
    en = _text(who, StatementKind.POSITION, ("en",))
    listed = "AI艺人库（Platform X）将艺人列入其名单。列名不代表艺人同意或授权任何人工智能使用。"
    assert squash(listed) in zh
    assert squash(
        "Being listed does not mean the artist has agreed to or authorised any AI use."
    ) in squash(en)
    for word in ("愿意洽谈人工智能项目", "仅表示愿意"):
        assert word not in zh
    assert "willingness" not in en.lower()


def test_project_certificate_names_who_is_authorised():
    zh = squash(_text("conditional", StatementKind.PROJECT_CERTIFICATE, ("zh",)))
    assert (
        squash(
            "陈静怡（Chen Jingyi）已同意青禾影业（Qinghe Pictures）在《归途（Gui Tu）》中"
            "进行下列人工智能使用，授权仅限于此。"
        )
        in zh
    )
    en = squash(_text("conditional", StatementKind.PROJECT_CERTIFICATE, ("en",)))
    assert squash("has agreed to 青禾影业 (Qinghe Pictures) making the AI uses") in en


def test_self_signed_note_and_operator():
    zh = squash(_text("minor", StatementKind.POSITION, ("zh",)))
    assert (
        squash(
            "本声明使用本机构自签名证书（非第三方认证机构签发），请将指纹与本机构官方渠道公布的指纹核对。"
        )
        in zh
    )
    assert "机构自有证书" not in zh
    assert squash("经办人：李娜") in zh


@pytest.mark.parametrize("who", ["conditional", "declined"])
def test_revocation_reason_is_private_unless_chosen(who):
    hidden = golden_record(who, StatementKind.REVOCATION, ("zh",))
    assert hidden["revocations"][0]["reason"] == ""
    assert hidden["revocations"][0]["reason_withheld"] is True
    assert "测试片段" not in _text(who, StatementKind.REVOCATION, ("zh", "en"))
    shown = _text(who, StatementKind.REVOCATION, ("zh",), show_reason=True)
    assert "撤回理由：测试片段超出约定场景" in shown


@pytest.mark.parametrize("kind", list(StatementKind))
def test_chinese_lines_use_full_width_punctuation_and_local_names(kind):
    text = _text("conditional", kind, ("zh",))
    for line in text.splitlines():
        if not re.search(r"[\u4e00-\u9fff]", line):
            continue
        assert "(" not in line and ")" not in line, line
        assert not re.search(r"[:,;] ", line), line
        assert "∞" not in line
        for code in (" CN", " HK", " TW", "cinema", "streaming"):
            assert code not in line, line
    if kind != StatementKind.REVOCATION:
        assert "院线、流媒体" in text or kind == StatementKind.NON_AUTHORISATION
    assert "AI 立场" in text and "附条件接受（非授权）" in text


@given(
    width=st.floats(min_value=160, max_value=480),  # every kept run fits on one line
    before=st.text(alphabet="截至本声明列明据星光经纪记录，。", min_size=0, max_size=40),
)
@settings(max_examples=80, deadline=None)
def test_kept_runs_never_break_inside(width, before):
    from reports.statements.linebreak import keep
    from reports.statements.style import para, styles

    kept = ("2026年12月7日 10:30（北京时间）", "陈静怡（Chen Jingyi）", "星光经纪")
    markup = before + "".join(keep(k) + "，已同意" for k in kept)
    p = para(markup, styles()["body"])
    p.wrap(width, 10_000)
    lines = ["".join(w.text for w in line.words if hasattr(w, "text")) for line in p.blPara.lines]
    joined = "|".join(lines)
    for k in kept:
        assert k.replace(" ", "") in joined.replace(" ", ""), (width, lines)
    assert "\ue000" not in joined and "\ue001" not in joined
