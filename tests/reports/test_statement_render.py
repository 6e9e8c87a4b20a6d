"""Every statement kind in every language: embedded fonts only, the right words, the labels."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from models.statements.record import StatementKind
from reports.statements.layout import render_statement
from reports.statements.signing import pyhanko_signer, sign_statement
from reports.statements.style import PAGE, SIGNATURE_HEIGHT
from tests.reports.statement_data import (
    ARTIST,
    NASTY,
    SHANGHAI,
    issuer_for,
    pdf_text,
    pdffonts_rows,
    record_for,
    squash,
    unembedded_fonts,
)

TITLES = {
    StatementKind.POSITION: (
        "Statement on AI use of likeness and voice",
        "关于人工智能使用肖像及声音的声明",
    ),
    StatementKind.PROJECT_CERTIFICATE: ("Project consent certificate", "项目授权证明"),
    StatementKind.NON_AUTHORISATION: (
        "Notice of non-authorisation of AI use",
        "未授权人工智能使用声明",
    ),
    StatementKind.REVOCATION: ("Notice of revocation of consent", "撤回同意通知"),
}
LANGS = {"en": ("en",), "zh": ("zh",), "both": ("en", "zh")}


@pytest.fixture(scope="module")
def signer(unlocked):
    return pyhanko_signer(unlocked)


@pytest.mark.parametrize("kind", list(StatementKind))
@pytest.mark.parametrize("lang", list(LANGS))
def test_every_kind_and_language_embeds_every_font(kind, lang, unlocked, signer, tmp_path):
    record = record_for(unlocked, kind=kind, languages=LANGS[lang])
    rendered = render_statement(record)
    pdf = sign_statement(rendered, record, signer)
    path = tmp_path / f"{kind.value}-{lang}.pdf"
    path.write_bytes(pdf)
    assert unembedded_fonts(pdf) == []
    rows = pdffonts_rows(path)
    if rows is not None:  # poppler's own view, when installed
        assert rows, "no fonts listed"
        for row in rows:
            assert row[-5] == "yes", row  # emb column
            assert "Helvetica" not in row[0]
    assert b"Helvetica" not in pdf
    text = pdf_text(pdf)
    en, zh = TITLES[kind]
    assert (en in text) == ("en" in LANGS[lang])
    assert (zh in text) == ("zh" in LANGS[lang])
    assert record["statement_id"] in text
    assert rendered.warnings == ()


def test_position_statement_says_authorised_and_not_authorised_and_listing(unlocked):
    record = record_for(unlocked, languages=("en",))
    text = squash(pdf_text(render_statement(record).pdf))
    for expected in (
        "What is authorised",
        "What is NOT authorised",
        "Face likeness",
        "Body likeness",
        "Model training",
        "星幕视频 (Xingmu Video)",
        "1 January 2026 to 31 December 2027",
        "Platform X AI Artist Library lists the artist. Being listed does not mean the artist "
        "has agreed to or authorised any AI use.",
        "Open to discuss (not consent)",
        "consent-desk statement verify FILE.pdf",
        record["issuer"]["signer_fingerprint_sha256"][:4].upper(),
    ):
        assert squash(expected) in text, expected
    assert "page1of" in text


def test_chinese_statement_text_is_readable(unlocked):
    record = record_for(unlocked, languages=("zh",))
    text = squash(pdf_text(render_statement(record).pdf))
    for expected in (
        "林晓（Lin Xiao）",
        "未授权的使用",
        "形体肖像",
        "列名不代表艺人同意或授权任何人工智能使用",
        "第1页",
    ):
        assert squash(expected) in text, expected


def test_historical_label_only_when_as_of_is_in_the_past(unlocked):
    now = datetime(2026, 11, 25, 18, 0, tzinfo=SHANGHAI)
    for lang, label in (
        ("en", "HISTORICAL — as of 16 October 2026, 18:00 (UTC+08:00)"),
        ("zh", "历史声明——截至2026年10月16日 18:00（北京时间）"),
    ):
        past = record_for(
            unlocked, languages=(lang,), as_of=now - timedelta(days=40), issued_at=now
        )
        assert squash(label) in squash(pdf_text(render_statement(past).pdf))
    current = record_for(unlocked, as_of=now, issued_at=now)
    text = pdf_text(render_statement(current).pdf)
    assert "HISTORICAL" not in text and "历史声明" not in text


def test_markup_in_names_prints_literally(unlocked):
    artist = ARTIST.replace(romanized_name=NASTY)
    issuer = replace(issuer_for(unlocked), name=f"Agency {NASTY}", address="A & B <br/>")
    record = record_for(
        unlocked, languages=("en", "zh"), artist=artist, issuer=issuer, listings=(NASTY,)
    )
    text = squash(pdf_text(render_statement(record).pdf))
    for literal in ("林晓 (<font size=90> A & B)", f"Agency {NASTY}", "A & B <br/>", NASTY):
        assert squash(literal) in text, literal
    assert squash(f"{NASTY} lists the artist.") in text
    assert "&lt;" not in text and "&amp;" not in text


def test_characters_the_font_lacks_are_reported(unlocked):
    artist = ARTIST.replace(romanized_name="Lin Xiao 🎬")
    rendered = render_statement(record_for(unlocked, artist=artist))
    assert rendered.warnings and "🎬" in rendered.warnings[0]


def test_signature_field_sits_on_the_drawn_signature_box(unlocked, signer):
    record = record_for(unlocked)
    rendered = render_statement(record)
    x1, y1, x2, y2 = rendered.signature.box
    assert 0 <= rendered.signature.page < rendered.pages
    assert 0 < x1 < x2 <= PAGE[0] and 0 < y1 < y2 <= PAGE[1]
    assert y2 - y1 >= SIGNATURE_HEIGHT
    reader = PdfReader(io.BytesIO(sign_statement(rendered, record, signer)))
    page = reader.pages[rendered.signature.page]
    widgets = [a.get_object() for a in page.get("/Annots", [])]
    sig = [w for w in widgets if w.get("/FT") == "/Sig" or "/Parent" in w or "/T" in w]
    assert len(sig) == 1
    rect = [float(v) for v in sig[0]["/Rect"]]
    assert rect == pytest.approx([x1, y1, x2, y2], abs=1)


def _first_char(line):
    if isinstance(line, tuple):  # kind 0: (space, [words])
        return line[1][0][0]
    return next(w.text for w in line.words if getattr(w, "text", ""))[0]  # kind 1: FragLine


@given(width=st.floats(min_value=60, max_value=480))
@settings(max_examples=60, deadline=None)
def test_no_chinese_line_starts_with_closing_punctuation(width):
    from reports.pdf.fonts import CANNOT_START_ZH, register_fonts
    from reports.statements.style import para, styles

    register_fonts()
    texts = (
        "本声明列明，截至2026年4月18日 16:30（UTC+08:00），据星光经纪记录，林晓 (Lin Xiao)在人工"
        "智能（AI）使用其肖像、声音及表演方面已授权与未授权的事项。",
        "艺人对人工智能的总体立场为“愿意洽谈（非同意）”。立场不构成同意：只有针对具体合作方及"
        "项目的授权记录，方可授权使用。",
    )
    for text in texts:
        p = para(text, styles()["body"])
        p.wrap(width, 10_000)
        starts = [_first_char(line) for line in p.blPara.lines[1:]]
        assert not [c for c in starts if c in CANNOT_START_ZH], (width, p.blPara.lines)
