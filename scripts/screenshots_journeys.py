"""Screenshots of each journey step at a small (1024×700) and a large (1920×1080) screen.

    .venv/bin/python scripts/screenshots_journeys.py [OUT_DIR]

Writes docs/screenshots/journeys/<step>-<width>x<height>.png (or into OUT_DIR): the window at
that size with the step's dialog drawn where it opens, so a cut-off button would show. Runs
offscreen on throw-away databases and settings; it never touches real data.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.screenshots_consent import _isolate, _restore  # noqa: E402

DEFAULT_OUT = ROOT / "docs" / "screenshots" / "journeys"
SIZES = ((1024, 700), (1920, 1080))


def capture(out_dir: Path = DEFAULT_OUT) -> list[Path]:
    with tempfile.TemporaryDirectory(prefix="journey-shots-") as raw:
        saved = _isolate(Path(raw))
        try:
            return _capture(Path(raw), out_dir)
        finally:
            _restore(saved)


def _capture(tmp: Path, out_dir: Path) -> list[Path]:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

    from models.clock import utc_now
    from models.demo import load_demo
    from models.roster import io as roster_io
    from models.roster.service import RosterService
    from models.statements.record import StatementKind
    from models.storage.database import Database
    from ui.app import install_fonts, make_application
    from ui.consent.form.dialog import ConsentDialog
    from ui.desk_user import DeskUserDialog
    from ui.geometry import fit_to_screen
    from ui.i18n import ENGLISH, install_language
    from ui.main_window import MainWindow
    from ui.roster.import_dialog import ImportPreviewDialog
    from ui.settings import Settings
    from ui.statements.confirm import ConfirmBatchDialog, PlannedStatement
    from ui.statements.export_dialog import ExportStatementDialog
    from ui.tasks import running_tasks

    app = make_application()
    install_fonts(app)
    install_language(app, ENGLISH)  # as the app does: English plural forms included
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle() -> None:
        for _ in range(30):
            app.processEvents()
        while running_tasks():
            app.processEvents()
        app.processEvents()

    def shot(window: QWidget, name: str, size: tuple[int, int], dialog: QWidget | None = None):
        """The window, with `dialog` drawn centred on it as it opens, saved at `size`."""
        settle()
        canvas = QPixmap(*size)
        canvas.fill()
        painter = QPainter(canvas)
        painter.drawPixmap(0, 0, window.grab())
        if dialog is not None:
            room = QRect(0, 0, *size)
            fit_to_screen(dialog, dialog.width(), dialog.height(), room)
            settle()
            picture = dialog.grab()
            at = QPoint((size[0] - picture.width()) // 2, max(0, (size[1] - picture.height()) // 2))
            painter.drawPixmap(at, picture)
        painter.end()
        path = out_dir / f"{name}-{size[0]}x{size[1]}.png"
        if not canvas.save(str(path)):
            raise SystemExit(f"screenshots: could not write {path}")
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        written.append(path)

    for size in SIZES:
        # an empty roster: every way in, and who is at the desk
        empty = Database.open(str(tmp / f"empty{size[0]}.sqlite3"), actor="demo-desk")
        window = MainWindow(empty, Settings.at(tmp / f"empty{size[0]}.ini"))
        window.resize(*size)
        window.show()
        shot(window, "01-empty-roster", size)
        desk = DeskUserDialog("", window)
        desk.show()
        shot(window, "02-who-is-at-the-desk", size, desk)
        desk.close()
        window.close()
        empty.close()

        db = Database.open(str(tmp / f"demo{size[0]}.sqlite3"), actor="Mei Chen")
        load_demo(db)
        roster = RosterService(db)
        window = MainWindow(db, Settings.at(tmp / f"demo{size[0]}.ini"))
        window.resize(*size)
        window.show()
        settle()
        # the roster round trip: our own export, edited and re-imported, merges
        sheet = tmp / f"roster{size[0]}.csv"
        roster_io.export(roster.search(), sheet)
        lines = sheet.read_text("utf-8-sig").splitlines()
        lines[1] = lines[1].replace(",CN,", ",HK,", 1)
        lines.append(",陈静怡,,,1999-09-09,CN,,,")
        lines.append(",王芳,,,1996-02-02,CN,,,")
        sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
        preview = roster_io.preview(sheet)
        dialog = ImportPreviewDialog(preview, "roster.csv", window, roster.plan_import(preview))
        dialog.show()
        shot(window, "03-import-merges", size, dialog)
        dialog.close()

        # journey 3: a new consent, nothing chosen yet
        lin = roster.search("林晓")[0]
        window.show_view("consent")
        consent = window.consent_screens.view
        consent.show_artist(lin.id)
        form = ConsentDialog(window, window.desk.consent, window.desk.parties, lin)
        form.resize(960, 720)
        form.show()
        form.revalidate()
        shot(window, "04-new-consent", size, form)
        form.close()

        # journey 5: "what did we say in April?" — the export carries the matrix's date
        consent.set_as_of(utc_now() - timedelta(days=60))
        settle()
        shot(window, "05-as-of-matrix", size)
        export = ExportStatementDialog(
            window.desk, window.settings, lin.id, window, consent.as_of()
        )
        export.show()
        shot(window, "06-as-of-export", size, export)
        export.close()
        consent.set_as_of(None)

        # a batch is signed only after its list is confirmed
        names = [a.display_name for a in roster.search("")[:6]]
        planned = [PlannedStatement(n, StatementKind.POSITION, ("en", "zh")) for n in names]
        window.show_view("statements")
        confirm = ConfirmBatchDialog(
            planned,
            Path("/home/mei/Documents/Statements"),
            "Re-issue out-of-date statements",
            window,
        )
        confirm.show()
        shot(window, "07-reissue-confirmation", size, confirm)
        confirm.close()

        # an empty script is not a clean one
        blank = tmp / "blank.fountain"
        blank.write_text("\n\n", encoding="utf-8")
        window.show_view("scripts")
        window.scripts_view.open_file(blank)
        settle()
        box = window.scripts_view.findChild(QMessageBox, "emptyScript")
        shot(window, "08-empty-script", size, box)
        if box is not None:
            box.close()

        # find anything, from any view
        window.show_view("leak")
        finder = window.desk_tools.find_everything()
        finder.query.setText("lin")
        finder.run()
        shot(window, "09-find-everything", size, finder)
        finder.close()
        window.close()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog):
                widget.close()
        db.close()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    capture(target)
