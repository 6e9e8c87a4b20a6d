"""Regenerate the README screenshots from the real window: `make screenshots`.

Runs Consent Desk on a throw-away database filled with the demo agency and grabs the roster,
the artist form and the import preview into docs/screenshots/. Before writing anything it
checks that Chinese names render as glyphs, not as empty boxes ("tofu"), with the bundled font.
Works on the offscreen platform (no display needed); under xvfb-run it works the same.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

SAMPLE_IMPORT = (
    "native_name,romanized_name,stage_name,date_of_birth,jurisdiction,union,ai_stance,notes\n"
    "张伟,,小张,1990-05-31,CN,,declined,Refuses digital doubles\n"
    "李娜,Li Na,,1992-02-02,CN,,open_to_discuss,\n"
    "王芳,,芳芳,2011-07-07,CN,,not_asked,Minor: guardian signs\n"
    "Grace Lee,,,1988-12-01,US-NY,SAG-AFTRA,opted_in_with_conditions,Voice only\n"
    "刘洋,,,2031-01-01,CN,,not_asked,\n"
    "陈晨,,,1985-10-10,Singapore,,maybe,\n"
)


def glyph_image(text: str, font: QFont) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def check_cjk_renders(font: QFont) -> None:
    """Distinct characters must draw distinct, non-empty shapes; missing glyphs all look alike."""
    samples = ["林", "晓", "静", "한"]
    images = [glyph_image(ch, font) for ch in samples]
    blank = glyph_image(" ", font)
    for ch, image in zip(samples, images, strict=True):
        if image == blank:
            raise SystemExit(f"screenshots: {ch!r} renders as nothing; is the CJK font loaded?")
    for i in range(len(images)):
        for j in range(i + 1, len(images)):
            if images[i] == images[j]:
                raise SystemExit(
                    f"screenshots: {samples[i]!r} and {samples[j]!r} render identically "
                    "(tofu boxes); the bundled CJK font is not being used."
                )


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def save(widget: QWidget, name: str) -> Path:
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"screenshots: could not write {path}")
    print(f"wrote {path.relative_to(ROOT)}")
    return path


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="consent-desk-shots-"))
    os.environ.update(
        CONSENT_DESK_HOME=str(work / "data"),
        CONSENT_DESK_LOG_DIR=str(work / "logs"),
        CONSENT_DESK_USER="mei",
        XDG_CONFIG_HOME=str(work / "config"),
    )
    from models.demo import load_demo
    from models.roster.io import preview
    from models.roster.service import RosterService
    from models.storage.database import Database
    from ui.app import install_fonts, make_application
    from ui.main_window import MainWindow
    from ui.roster.dialog import ArtistDialog
    from ui.roster.import_dialog import ImportPreviewDialog
    from ui.settings import Settings

    app = make_application()
    if not install_fonts(app):
        raise SystemExit("screenshots: the bundled CJK font could not be loaded")
    check_cjk_renders(app.font())
    OUT.mkdir(parents=True, exist_ok=True)

    db = Database.open(str(work / "demo.sqlite3"))
    load_demo(db)
    roster = RosterService(db)
    window = MainWindow(db, Settings.at(work / "settings.ini"))
    window.resize(1200, 720)
    window.show()
    settle(app)
    view = window.roster_view
    lin = roster.search("林晓")[0]
    row = view.model.row_of(lin.id)
    assert row is not None
    view.table.selectionModel().setCurrentIndex(
        view.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.table.setFocus()
    settle(app)
    save(window, "roster.png")

    view.search_edit.setText("lin")
    view.refresh(query="lin")
    settle(app)
    save(window, "roster-search.png")
    view.search_edit.clear()
    view.refresh(query="")

    minor = roster.search("王子轩")[0]
    dialog = ArtistDialog(window, minor)
    dialog.show()
    dialog.native_edit.deselect()
    dialog.move(window.geometry().center() - QPoint(dialog.width() // 2, dialog.height() // 2))
    settle(app)
    save(dialog, "artist-dialog.png")
    dialog.close()

    sheet = work / "新签艺人.csv"
    sheet.write_text(SAMPLE_IMPORT, encoding="utf-8")
    preview_dialog = ImportPreviewDialog(preview(sheet), sheet.name, window)
    preview_dialog.show()
    settle(app)
    save(preview_dialog, "import-preview.png")
    preview_dialog.close()

    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
