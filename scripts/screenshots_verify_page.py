"""Screenshots of the register's verify page (English and Chinese) for the README.

    .venv/bin/python scripts/screenshots_verify_page.py   # docs/screenshots/verify-page-*.png

Builds a throw-away desk with the demo agency through the command line, issues a statement,
exports the public register, opens verify.html / verify.zh.html from disk in Debian's Chromium
(Playwright) and checks the statement, as a journalist would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def cli(home: Path, *args: str) -> str:
    env = {
        **os.environ,
        "CONSENT_DESK_HOME": str(home / "data"),
        "CONSENT_DESK_LOG_DIR": str(home / "logs"),
        "CONSENT_DESK_PASSPHRASE": "screenshots only",
        "CONSENT_DESK_USER": "Mei Zhou",
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        cli(home, "demo")
        cli(home, "identity", "create", "--agency-name", "Starlight Talent Agency")
        lin = json.loads(cli(home, "roster", "search", "林晓", "--json"))[0]["id"]
        pdf = home / "lin-xiao.pdf"
        cli(home, "statement", "export", str(lin), "--kind", "position", "--lang", "en,zh",
            "--out", str(pdf))  # fmt: skip
        folder = home / "register"
        cli(home, "register", "export", str(folder))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for language, page_name in (("en", "verify.html"), ("zh", "verify.zh.html")):
                page = browser.new_page(viewport={"width": 900, "height": 900})
                page.goto((folder / page_name).as_uri())
                page.set_input_files("#file", str(pdf))
                page.wait_for_selector("#verdict[data-verdict]")
                target = OUT / f"verify-page-{language}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target.relative_to(ROOT))
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
