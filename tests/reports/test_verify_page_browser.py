"""The register's verify page in a real browser (Debian's Chromium, driven by Playwright).

Opened from disk as a journalist would after downloading the register, with every network
request refused: a genuine current statement, a superseded one, a withdrawn one, a tampered
copy and an unrelated PDF each get their verdict, in English and in Chinese, with no console
error (a Content-Security-Policy violation is one).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from models.identity import UnlockedIdentity
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.statements.register import StatementRegister
from models.storage.database import Database
from reports.public_register import export_public_register
from reports.statements.service import StatementRequest, StatementService
from reports.verify_page import VERIFY_FILE, VERIFY_FILE_ZH

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra")
pytestmark = [
    pytest.mark.sqlite_only,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]
BROWSER_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser(published: dict[str, Path]) -> Iterator[Any]:
    """Started after the statements are signed: Playwright's sync API holds an event loop."""
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def published(signing_db: Database, unlocked: UnlockedIdentity, tmp_path: Path) -> dict[str, Path]:
    """A register folder, and one PDF for every verdict the page can give."""
    roster = RosterService(signing_db)
    lin = roster.add(ArtistDraft("林晓", "Lin Xiao"))
    chen = roster.add(ArtistDraft("陈静怡", "Chen Jingyi"))
    service = StatementService(signing_db, unlocked)
    out = tmp_path / "issued"
    out.mkdir()
    old = service.export(StatementRequest(lin.id), out)
    new = service.export(StatementRequest(lin.id), out)
    gone = service.export(StatementRequest(chen.id, languages=("en",)), out)
    StatementRegister(signing_db).withdraw(gone.statement.id, "issued by mistake")
    past = datetime.now(UTC) - timedelta(days=30)
    april = service.export(StatementRequest(lin.id, as_of=past), out)
    folder = tmp_path / "register"
    export_public_register(signing_db, unlocked, folder)
    tampered = tmp_path / "tampered.pdf"
    data = bytearray(new.path.read_bytes())
    at = data.index(b"/Producer")
    data[at + 1] ^= 0x20  # one letter's case: a different file
    tampered.write_bytes(bytes(data))
    unrelated = tmp_path / "unrelated.pdf"
    unrelated.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return {
        "folder": folder,
        "current": new.path,
        "superseded": old.path,
        "revoked": gone.path,
        "tampered": tampered,
        "unrelated": unrelated,
        "historical": april.path,
        "later": Path(new.statement.id),
    }


def _open(browser: Any, page_file: Path) -> tuple[Any, list[str], list[str]]:
    context = browser.new_context()
    problems: list[str] = []
    requests: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    def refuse(route: Any) -> None:  # nothing but the page itself may load
        requests.append(route.request.url)
        if route.request.url == page_file.as_uri():
            route.continue_()
        else:
            route.abort()

    context.route("**/*", refuse)
    page.goto(page_file.as_uri())
    context.set_offline(True)
    return page, problems, requests


def _verdict(page: Any, pdf: Path) -> tuple[str, str]:
    page.set_input_files("#file", str(pdf))
    page.wait_for_selector("#verdict[data-verdict]")
    return page.get_attribute("#verdict", "data-verdict"), page.inner_text("#verdict")


EXPECTED = {
    "current": ("current", "Genuine and current", "真实，且为现行声明"),
    "superseded": ("superseded", "Genuine, but superseded", "真实，但已被取代"),
    "revoked": ("revoked", "Genuine, but withdrawn", "真实，但已撤回"),
    "tampered": ("altered", "Not genuine: this file was altered", "不真实：此文件已被改动"),
    "unrelated": ("unknown", "Not issued by this agency", "非本机构出具"),
    "historical": ("historical", "Genuine historical copy", "真实的历史副本"),
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_kind_of_file_gets_its_verdict_offline(
    browser: Any, published: dict[str, Path], language: str
) -> None:
    page_file = published["folder"] / (VERIFY_FILE if language == "en" else VERIFY_FILE_ZH)
    page, problems, requests = _open(browser, page_file)
    for name, (verdict, english, chinese) in EXPECTED.items():
        got, text = _verdict(page, published[name])
        assert got == verdict, name
        assert (english if language == "en" else chinese) in text, (name, text)
    got, text = _verdict(page, published["superseded"])
    assert published["later"].name in text  # names the statement that replaced it
    link = page.get_attribute("#verdict a", "href")
    assert link == f"index.html#{published['later'].name}"
    got, text = _verdict(page, published["current"])
    assert ("林晓 (Lin Xiao)" if language == "en" else "林晓（Lin Xiao）") in text
    register_line = "sequence 1, made" if language == "en" else "第 1 版，生成于"
    assert register_line in page.inner_text("body")  # the register's sequence and date
    assert problems == []
    assert requests == [page_file.as_uri()]


def test_a_dropped_file_is_checked_like_a_chosen_one(
    browser: Any, published: dict[str, Path]
) -> None:
    page, problems, _ = _open(browser, published["folder"] / VERIFY_FILE)
    data = list(published["current"].read_bytes())
    page.evaluate(
        """(bytes) => {
            const file = new File([new Uint8Array(bytes)], "statement.pdf",
                                  {type: "application/pdf"});
            const transfer = new DataTransfer();
            transfer.items.add(file);
            const drop = document.getElementById("drop");
            drop.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true,
                                                      cancelable: true}));
        }""",
        data,
    )
    page.wait_for_selector("#verdict[data-verdict]")
    assert page.get_attribute("#verdict", "data-verdict") == "current"
    assert problems == []
