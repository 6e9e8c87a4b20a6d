"""Findings read the same in every place and both languages as before they carried codes.

The golden files under tests/golden/findings were written by this test (CAPTURE_GOLDEN=1) on
the code that stored message/message_zh pairs; the catalogue-rendered findings must reproduce
them word for word: `proposal check` in English and Chinese, the review report PDF (text
extracted with pypdf), and the findings view's message column in both interface languages.
One deliberate change: R9's Chinese now names what implies training (提案要求训练模型…), as
the English always did, so both languages say the same thing.
"""

from __future__ import annotations

import io
import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from main import main
from models.clock import today
from tests.models.proposals.helpers import SCRIPT

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "findings"
CAPTURE = os.environ.get("CAPTURE_GOLDEN") == "1"
AS_OF = "2026-05-02T12:00+08:00"


def _proposal(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir(exist_ok=True)
    (tmp_path / "scripts" / "long-night.fountain").write_text(SCRIPT, encoding="utf-8")
    term = {"term_start": "2026-05-01", "term_end": "2027-04-30"}
    data: dict[str, Any] = {
        "counterparty": "星幕视频",
        "project": "长夜行",
        "contact": "Zhang Wei <producer@example.com>",
        "received_on": "2026-05-01",
        "respond_by": "2099-01-31",
        "description": "Flashbacks with an AI voice; 宣传片 and 酒吧 scenes.",
        "model_training_requested": True,
        "sublicensing_requested": True,
        "artists": [
            {"artist": "林晓", "modalities": ["face_likeness", "voice"], **term},
            {"artist": "王子轩", "modalities": ["voice"], "territories": ["CN", "HK"], **term},
            {"artist": "周慕白", "modalities": ["face_likeness"], "term_start": "2026-05-01"},
            {"artist": "赵一鸣", "modalities": ["face_likeness"], **term},
            {"artist": "Emma Hart", "modalities": ["voice"], **term},
        ],
        "scripts": ["scripts/long-night.fountain"],
        "mapping": {"LIN XIAO": "林晓", "CHEN JINGYI": None},
    }
    path = tmp_path / "proposal.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    return out


def _compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if CAPTURE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture
def checked(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    for name in ("CONSENT_DESK_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    db = str(db_path)
    _run(capsys, "--db", db, "demo")
    _run(capsys, "--db", db, "proposal", "import", str(_proposal(tmp_path)))
    return db


def test_proposal_check_reads_as_before_in_both_languages(
    checked: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang in ("en", "zh"):
        out = _run(
            capsys, "--lang", lang, "--db", checked, "proposal", "check", "1", "--as-of", AS_OF
        )
        assert out.count("\n") > 10
        _compare(f"check-{lang}.txt", out.replace("run #1", "run #N"))


def test_the_review_report_reads_as_before(
    checked: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "--db", checked, "proposal", "check", "1", "--as-of", AS_OF)
    for lang in ("en", "zh", "en,zh"):
        out = tmp_path / f"review-{lang}.pdf"
        _run(capsys, "--db", checked, "proposal", "report", "1", "--lang", lang, "--out", str(out))
        reader = PdfReader(io.BytesIO(out.read_bytes()))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        # The report's own date lines change day to day; the findings do not.
        lines = [ln for ln in text.splitlines() if "2026" not in ln or "长夜行" in ln]
        _compare(f"review-{lang.replace(',', '-')}.txt", _days_left_as_n("\n".join(lines) + "\n"))


def _days_left_as_n(text: str) -> str:
    """The consent's "N days left" counts down to 31 January 2099 from today: each count must
    be exactly today's, and reads as N in the golden files (written on one day, read on any)."""
    left = str((date(2099, 1, 31) - today()).days)
    return re.sub(
        r"\d+(?= days left)|(?<=还剩 )\d+(?= 天)",
        lambda m: "N" if m.group(0) == left else m.group(0),
        text,
    )


def test_the_findings_view_reads_as_before(checked: str, qapp: Any) -> None:
    from models.proposals.service import ProposalService
    from models.storage.database import Database
    from ui.i18n import install_language
    from ui.proposals.findings.model import Column, FindingsTableModel

    db = Database.open(checked, actor="tester")
    try:
        run = ProposalService(db).run_check(1, None)
        rows: list[str] = []
        for lang in ("en", "zh_CN"):
            install_language(qapp, lang)
            model = FindingsTableModel()
            model.set_findings(run.findings)
            for r in range(model.rowCount()):
                cells = [
                    str(model.data(model.index(r, int(c))) or "")
                    for c in (Column.RULE, Column.MESSAGE, Column.SOURCE)
                ]
                rows.append(f"{lang} " + " | ".join(cells))
        _compare("view.txt", "\n".join(rows) + "\n")
    finally:
        install_language(qapp, "en")
        db.close()
