"""Regenerate the README screenshots of the consent screens from the demo agency.

    .venv/bin/python scripts/screenshots_consent.py [OUT_DIR]

Writes docs/screenshots/consent-matrix.png and consent-history.png (or into OUT_DIR). Runs
offscreen on a throw-away database and settings file, so it never touches real data.
`capture(out_dir)` is what a general screenshot script calls.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_OUT = ROOT / "docs" / "screenshots"
SIZE = (1360, 800)


ISOLATED = (
    "CONSENT_DESK_HOME",
    "CONSENT_DESK_LOG_DIR",
    "CONSENT_DESK_USER",
    "CONSENT_DESK_OFFER_DEMO",
    "XDG_CONFIG_HOME",
)


def _isolate(tmp: Path) -> dict[str, str | None]:
    """Point data, logs and settings at `tmp`; returns what to restore afterwards."""
    saved = {k: os.environ.get(k) for k in ISOLATED}
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CONSENT_DESK_HOME"] = str(tmp / "data")
    os.environ["CONSENT_DESK_LOG_DIR"] = str(tmp / "logs")
    os.environ["CONSENT_DESK_USER"] = "demo-desk"
    os.environ["CONSENT_DESK_OFFER_DEMO"] = "0"
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    return saved


def _restore(saved: dict[str, str | None]) -> None:
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def capture(out_dir: Path = DEFAULT_OUT) -> list[Path]:
    """Open the main window on a fresh demo database and save the two consent screenshots."""
    with tempfile.TemporaryDirectory(prefix="consent-shots-") as raw:
        saved = _isolate(Path(raw))
        try:
            return _capture(Path(raw), out_dir)
        finally:
            _restore(saved)


def _capture(tmp: Path, out_dir: Path) -> list[Path]:
    """The two screenshots of 陈静怡's records: as of 105 days ago, and now."""
    from models.clock import utc_now
    from models.consent.service import ConsentService
    from models.demo import load_demo
    from models.roster.service import RosterService
    from models.storage.database import Database
    from ui.app import install_fonts, make_application
    from ui.consent.view import ConsentView
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.tasks import running_tasks

    app = make_application()
    install_fonts(app)
    db = Database.open(str(tmp / "demo.sqlite3"), actor="demo-desk")
    try:
        load_demo(db)
        window = MainWindow(db, Settings.at(tmp / "settings.ini"))
        if "consent" not in window.view_keys():  # until the main window registers them
            from ui.audit import register as register_audit
            from ui.consent import register as register_consent

            register_consent(window)
            register_audit(window)
        window.resize(*SIZE)
        window.show()
        artist = next(a for a in RosterService(db).search("陈静怡"))
        versions = [
            r
            for r in ConsentService(db).records_for_artist(artist.id)
            if r.version > 1  # the amended record: its history has two versions
        ]
        consent = window.findChild(ConsentView)
        assert consent is not None
        consent.show_artist(artist.id)
        window.show_view("consent")

        def settle() -> None:
            for _ in range(50):
                app.processEvents()
            while running_tasks():
                app.processEvents()
            app.processEvents()

        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        # The matrix as the records stood 105 days ago: the amendment adding dubbing was
        # waiting for the artist then (amber) while the first version was in force.
        consent.set_as_of(utc_now() - timedelta(days=105))
        consent.select_record(versions[0].id)
        settle()
        path = out_dir / "consent-matrix.png"
        window.grab().save(str(path))
        written.append(path)

        consent.set_as_of(None)
        consent.select_record(versions[0].id)
        settle()
        path = out_dir / "consent-history.png"
        window.grab().save(str(path))
        written.append(path)
        window.close()
        return written
    finally:
        db.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    for written in capture(target):
        print(written)
