"""A manager's first sitting: import the spreadsheet, find an artist by pinyin, archive them.

Runs the real MainWindow on a temporary database and drives it through its menus' actions,
the search box and the keyboard, then checks what the person sees and what was recorded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models.audit.service import AuditService
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.storage.database import Database
from tests.ui.helpers import commit_text, wait_for_tasks
from ui.app import install_fonts
from ui.main_window import MainWindow
from ui.roster.model import Column
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e

SPREADSHEET = (
    "native_name,romanized_name,stage_name,date_of_birth,jurisdiction,union,ai_stance,notes\n"
    "张伟,,小张,1990-05-31,CN,,declined,Refuses all digital doubles\n"
    "李娜,Li Na,,1992-02-02,CN,,open_to_discuss,\n"
    "王芳,,芳芳；Fang,2011-07-07,CN,,not_asked,Minor: guardian signs\n"
    "Emma Hart,,Em Hart,1987-05-14,US-CA,SAG-AFTRA,opted_in_with_conditions,Voice only\n"
    "陈晨,,,1985-10-10,SG,,not_asked,\n"
)


def test_import_find_by_pinyin_archive_and_undo(
    qtbot: QtBot, qapp: object, db: Database, tmp_path: Path
) -> None:
    install_fonts(qapp)  # type: ignore[arg-type]
    window = MainWindow(db, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.roster_view
    assert window.summary_label.text() == "0 artists shown · 0 active · 0 archived"
    assert window.demo_action.isEnabled()

    # File → Import roster…: the spreadsheet they already keep (GB18030, as Excel in China saves)
    sheet = tmp_path / "艺人名单.csv"
    sheet.write_bytes(SPREADSHEET.encode("gb18030"))
    view.files.import_file(sheet)
    qtbot.waitUntil(lambda: view.files.preview_dialog is not None, timeout=5000)
    preview = view.files.preview_dialog
    assert preview is not None
    assert preview.rows_model.rowCount() == 5 and preview.problems_table.rowCount() == 0
    preview.import_button.click()
    wait_for_tasks(qtbot)
    assert window.summary_label.text() == "5 artists shown · 5 active · 0 archived"
    assert not window.demo_action.isEnabled()  # the demo only goes into an empty roster

    # Ctrl+F, then pinyin without spaces finds 张伟
    with qtbot.waitActive(window):
        window.activateWindow()  # a window manager would do this when the dialog closes
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search_edit.hasFocus()
    qtbot.keyClicks(view.search_edit, "zhangwei")
    qtbot.waitUntil(lambda: view.model.query == "zhangwei")
    assert view.model.rowCount() == 1
    assert view.model.index(0, Column.NATIVE).data() == "张伟"
    assert view.model.index(0, Column.ROMANIZED).data() == "Zhang Wei"
    assert view.model.index(0, Column.STANCE).data() == "Declined all AI use"
    assert window.summary_label.text() == "1 artist shown · 5 active · 0 archived"

    # Down into the table, Delete archives (undoable, so no confirmation)
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.model.rowCount() == 0
    assert window.summary_label.text() == "0 artists shown · 4 active · 1 archived"
    assert window.undo_action.text() == "&Undo Archive 张伟 (Zhang Wei)"

    # the Chinese name typed through an input method finds nobody active now…
    view.search_edit.clear()
    view.search_edit.setFocus()
    commit_text(view.search_edit, "张")
    qtbot.waitUntil(lambda: view.model.query == "张")
    assert view.model.rowCount() == 0
    # …until "Show archived" is ticked
    view.archived_check.click()
    assert [view.model.index(0, c).data() for c in (Column.NATIVE, Column.STATUS)] == [
        "张伟",
        "Archived",
    ]

    # Edit → Undo brings the artist back; the audit chain recorded every step and is intact
    window.undo_action.trigger()
    assert view.model.index(0, Column.STATUS).data() == "Active"
    assert window.summary_label.text() == "1 artist shown · 5 active · 0 archived"
    audit = AuditService(db)
    report = audit.verify()
    assert report.intact
    actions = [e.action for e in audit.events(entity="artist")]  # newest first
    assert len(actions) == 7
    assert actions[:2] == ["unarchive", "archive"]
    assert actions.count("create") == 5

    window.close()


def _gui_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CONSENT_DESK_LOG_DIR=str(tmp_path / "logs"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        CONSENT_DESK_OFFER_DEMO="0",
    )
    return env


def test_exit_after_paint_smoke(tmp_path: Path, db: Database) -> None:
    """`python main.py --db … --exit-after-paint` opens the window, paints rows and exits 0."""
    RosterService(db).add_many([ArtistDraft("林晓"), ArtistDraft("Emma Hart")])
    path = tmp_path / "smoke.sqlite3"
    db.copy_to(path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(path), "--exit-after-paint"],
        cwd=ROOT,
        env=_gui_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert path.exists()
