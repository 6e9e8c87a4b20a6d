"""The proposal review report: embedded fonts only, findings BLOCK first, excerpts, languages."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from models.errors import UserError
from models.proposals.review import review_data
from models.proposals.service import ProposalService
from models.storage.database import Database
from reports.review import export_review, render_review
from tests.models.proposals.helpers import M, give, new_proposal, world


def _fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font any page uses, descendants included."""
    out: list[tuple[str, bool]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources: Any = page["/Resources"]
        fonts: Any = resources.get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            parts = [font]
            if "/DescendantFonts" in font:
                parts = [d.get_object() for d in font["/DescendantFonts"]]
            for part in parts:
                desc = part.get("/FontDescriptor")
                desc = desc.get_object() if desc is not None else {}
                embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                out.append((str(part.get("/BaseFont")), embedded))
    return out


def _text(pdf: bytes) -> str:
    """The words of the report, line breaks of wrapped table cells taken out."""
    raw = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", raw)


@pytest.fixture
def checked(db: Database, tmp_path: Path) -> int:
    w = world(db)
    give(db, w, w.lin, [M.FACE_LIKENESS])
    service = ProposalService(db)
    pid, _script = new_proposal(
        db, w, tmp_path, description="Flashbacks <b>bold</b> & <font size=40>big</font>"
    )
    service.run_check(pid)
    return pid


@pytest.mark.parametrize("langs", [("en",), ("zh",), ("en", "zh"), ("zh", "en")])
def test_every_font_is_embedded(db: Database, checked: int, langs: tuple[str, ...]) -> None:
    pdf = render_review(review_data(db, checked), langs)
    fonts = _fonts(pdf)
    assert fonts and all(embedded for _name, embedded in fonts), fonts
    assert all("WenQuanYi" in name for name, _e in fonts)


def test_pdffonts_agrees(db: Database, checked: int, tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler's pdffonts is not installed")
    out = export_review(db, checked, tmp_path / "review.pdf", "en,zh")
    rows = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows and all(r.split()[-5] == "yes" for r in rows), rows


def test_the_report_says_what_the_check_found(db: Database, checked: int) -> None:
    text = _text(render_review(review_data(db, checked), ("en",)))
    assert "Proposal review" in text and "Who plays whom" in text
    assert "LIN XIAO" in text and "林晓 (Lin Xiao)" in text  # the mapping
    block, info = text.index("BLOCK"), text.index("INFO")
    assert block < info  # most severe first
    assert "PRC Civil Code art. 1019, art. 1023(2)" in text  # the source of R3
    assert "LIN XIAO (AI VOICE)" in text  # the excerpt around the AI use
    assert "Hello again." in text  # two lines around it
    assert "<b>bold</b> & <font size=40>big</font>" in text  # markup printed literally


def test_chinese_report(db: Database, checked: int) -> None:
    text = _text(render_review(review_data(db, checked), ("zh",)))
    assert "提案审查报告" in text and "检查结果" in text
    assert "《民法典》第1019条" in text.replace(" ", "")  # R3's source, cited in Chinese
    assert "只授权了面部肖像" in text.replace(" ", "")  # R3's Chinese message
    assert "Proposal review" not in text  # not even in the footer


def test_export_writes_the_file_whole(db: Database, checked: int, tmp_path: Path) -> None:
    target = tmp_path / "out" / "review.pdf"
    export_review(db, checked, target, "both")
    assert target.read_bytes().startswith(b"%PDF")
    assert not list(target.parent.glob("*.part"))
    with pytest.raises(UserError, match="language"):
        export_review(db, checked, tmp_path / "x.pdf", "fr")


def test_an_unchecked_proposal_still_has_a_report(db: Database, tmp_path: Path) -> None:
    w = world(db)
    pid, _script = new_proposal(db, w, tmp_path)
    text = _text(render_review(review_data(db, pid), ("en",)))
    assert "has not been checked yet" in text


def test_an_output_folder_that_is_a_file_is_a_clear_message(
    db: Database, checked: int, tmp_path: Path
) -> None:
    blocker = tmp_path / "reports"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(UserError, match="Cannot write"):
        export_review(db, checked, blocker / "review.pdf")


def test_dates_terms_and_deadlines_are_written_the_way_each_language_writes_them(
    db: Database, checked: int
) -> None:
    zh = _text(render_review(review_data(db, checked), ("zh",))).replace(" ", "")
    en = _text(render_review(review_data(db, checked), ("en",)))
    assert "∞" not in zh and "∞" not in en
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", zh)
    assert not re.search(r"\(-?\+?\d+天\)", zh)  # never "(-206 天)"
    assert re.search(r"(已逾期\d+天|还剩\d+天|今天到期)", zh)
    assert re.search(r"(overdue by \d+ days?|\d+ days? left|due today)", en)
